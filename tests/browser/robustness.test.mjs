// Bad data never crashes the widget or loses work: markup in content stays text,
// the site runs under a strict CSP, damaged saved state starts a fresh attempt with
// a notice, a crash tells the learner and the host, and rapid input counts once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { recordIds, serve, launch, openPage, quizById, playQuiz, playSome, summary, reachType, quizPerType, delivered, DIST, DIST_SCORM, check } from './harness.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const HOSTILE = process.env.TERE_HOSTILE_DIST ?? path.join(ROOT, 'target/hostile-dist');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
let strict; let plain; let browser;

before(async () => {
  strict = await serve({ '/site/': DIST, '/hostile/': HOSTILE }, { 'Content-Security-Policy': CSP });
  plain = await serve({ '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), '/site/': DIST, '/scorm/': DIST_SCORM, '/examples/': path.join(ROOT, 'examples') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await plain?.close();
});

/** Collects CSP violations reported by the page. */
async function watchCsp(page) {
  page.violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) page.violations.push(m.text()); });
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`)));
}

test('the built site runs a whole quiz under a strict Content-Security-Policy', async () => {
  assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'), /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the served site');
  const page = await browser.newPage();
  await watchCsp(page);
  await page.goto(`${strict.base}/site/index.html?quiz=kontakti_loomine&host=standalone`);
  const quiz = quizById('kontakti_loomine');
  const expected = await playQuiz(page, quiz, (i) => i !== 1);
  assert.deepEqual(await summary(page), { score: expected.score, passed: expected.passed });
  assert.deepEqual(page.violations, []);
  await page.close();
});

test('markup and script in content are shown as text, never run or rendered', async () => {
  assert.ok(fs.existsSync(path.join(HOSTILE, 'index.html')), 'hostile build exists (cargo xtask test builds it)');
  const page = await browser.newPage();
  await watchCsp(page);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await page.goto(`${strict.base}/hostile/index.html?host=standalone`);
  await page.locator('.quiz-entry').first().waitFor();
  assert.match(await page.locator('h1').textContent(), /<b>Hostile<\/b> course <script>/);
  assert.match(await page.locator('.quiz-entry').nth(1).textContent(), /<u>Second<\/u> quiz <script>/);
  await page.locator('.quiz-entry').first().click();
  assert.match(await page.locator('.intro').textContent(), /<script>window\.injected = true<\/script><b>bold\?<\/b>/);
  await page.locator('[data-action="start"]').click();
  assert.match(await page.locator('h2').textContent(), /Which is <b>bold<\/b>\? <script>/);
  assert.equal(await page.locator('[data-action="finish"]').count(), 0, 'an option cannot inject a button');
  await page.locator('label.option', { hasText: '<i>italic</i> option' }).click();
  await check(page);
  assert.match(await page.locator('.feedback').textContent(), /<img src=x onerror/);
  await page.locator('[data-action="next"]').click();
  assert.match(await page.locator('.dialogue blockquote').textContent(), /^<script>window\.injected = true<\/script>Hello$/);
  assert.match(await page.locator('h2').textContent(), /&amp; entities &lt;b&gt;/);
  await page.locator('label.option').first().click();
  await check(page);
  await page.locator('[data-action="next"]').click();
  const options = await page.locator('select[data-pair-index="0"] option').allTextContents();
  assert.ok(options.includes('<option>injected</option>') && options.includes('</select><script>window.injected = true</script>'), JSON.stringify(options));
  const injected = await page.evaluate(() => ({
    flag: window.injected === true,
    elements: document.querySelectorAll('.tere script, .tere img, .tere b, .tere i, .tere u, .tere a').length,
  }));
  assert.deepEqual(injected, { flag: false, elements: 0 });
  assert.equal(dialogs, 0);
  assert.deepEqual(page.violations, []);
  await page.close();
});

for (const [name, saved] of [['garbage', 'not ours at all'], ['truncated', 'i|-|1|1.kontakti_loomine.abc.2.c.xx'], ['foreign', 'i|-|1|{"lesson":3,"page":"x"}']]) {
  test(`standalone: ${name} saved progress gives a fresh attempt and a short notice`, async () => {
    const page = await openPage(browser, `${plain.base}/site/index.html?quiz=kontakti_loomine&host=standalone`);
    await page.evaluate((value) => localStorage.setItem('tere.v1.site.kontakti_loomine', value), saved);
    await page.reload();
    await page.locator('.host-notice:not([hidden])').waitFor();
    assert.match(await page.locator('.host-notice').textContent(), /Salvestatud edenemist ei õnnestunud lugeda/);
    const quiz = quizById('kontakti_loomine');
    const expected = await playQuiz(page, quiz);
    assert.deepEqual(await summary(page), { score: expected.score, passed: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('SCORM: damaged suspend_data on resume gives a fresh attempt and a notice', async () => {
  const preset = { 'cmi.core.entry': 'resume', 'cmi.suspend_data': '1.kontakti_loomine.zz.99.q.@@@', 'cmi.core.lesson_status': 'incomplete' };
  const page = await browser.newPage();
  await page.goto(`${plain.base}/lms/lms.html?v=12&launch=${encodeURIComponent('/scorm/index.html?quiz=kontakti_loomine')}&preset=${encodeURIComponent(JSON.stringify(preset))}`);
  const frame = page.frameLocator('#sco');
  await frame.locator('.host-notice:not([hidden])').waitFor();
  const quiz = quizById('kontakti_loomine');
  const expected = await playQuiz(frame, quiz);
  assert.equal(expected.score, 100);
  await page.close();
});

// `panic`: before the widget is mounted; `panic-after-load`: once Yew renders, whose
// renderer replaces a panic hook not set through it.
for (const when of ['panic', 'panic-after-load']) {
  test(`a crash (${when}) shows the learner a message and tells the host`, async () => {
    const page = await browser.newPage();
    await page.goto(`${plain.base}/examples/host.html?src=${encodeURIComponent(`${plain.base}/site/index.html?tereSelfTest=${when}`)}`);
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:error'));
    const error = await page.evaluate(() => window.messages.find((m) => m.type === 'tere:error'));
    assert.match(error.message, /self-test panic/);
    assert.match(await page.frameLocator('#tere').locator('#tere').textContent(), /Vabandust, test katkes vea tõttu/);
    await page.close();
  });
}

test('rapid double clicks and key presses never count an answer twice', async () => {
  const page = await browser.newPage();
  await page.goto(`${plain.base}/lms/lms.html?v=2004&launch=${encodeURIComponent('/scorm/index.html?quiz=kontakti_loomine')}`);
  const frame = page.frameLocator('#sco');
  const quiz = quizById('kontakti_loomine');
  await frame.locator('[data-action="start"]').dblclick();
  for (let n = 0; n < quiz.questions.length; n++) {
    const tally = await playSome(frame, quiz, 1);
    assert.equal(tally.position, 1);
    await frame.locator('[data-action="check"], [data-action="next"], [data-action="finish"]').first().waitFor();
    // Hammer check once more, then next/finish twice in a row.
    const last = n === quiz.questions.length - 1;
    const button = frame.locator(last ? '[data-action="finish"]' : '[data-action="next"]');
    if (n % 2 === 0) {
      await button.dblclick();
    } else {
      await button.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
    }
  }
  await frame.locator('section.summary').waitFor();
  await page.waitForFunction(() => window.cmiData()['cmi.completion_status'] === 'completed');
  const ids = await page.evaluate(() => Object.entries(window.cmiData()).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v));
  assert.deepEqual(ids, quiz.questions.flatMap(recordIds), 'one interaction per question (a dialogue: per reply)');
  await page.close();
});

// A reflection is kept whole where Tere promises to keep it (local storage), not cut to
// the 100 characters an LMS's suspend_data keeps.
for (const [host, url] of [['standalone', (quiz) => `${plain.base}/site/index.html?quiz=${quiz.id}&host=standalone`], ['page (postMessage)', (quiz) => `${plain.base}/examples/host.html?src=${encodeURIComponent(`${plain.base}/site/index.html?quiz=${quiz.id}`)}`]]) {
  test(`${host}: a 600-character reflection comes back whole after a reload`, async () => {
    const quiz = quizPerType().get('reflection');
    const page = await browser.newPage();
    await page.goto(url(quiz));
    const frame = host === 'standalone' ? page : page.frameLocator('#tere');
    await frame.locator('[data-action="start"]').click();
    await reachType(frame, quiz, 'reflection');
    const text = Array.from({ length: 60 }, (_, i) => `Mõte ${String(i).padStart(3, '0')}.`).join('').padEnd(600, 'x').slice(0, 600);
    await frame.locator('textarea.reflection').fill(text);
    await check(frame);
    await frame.locator('.feedback').waitFor();
    await delivered(host === 'standalone' ? page : page.frames().find((f) => f.url().includes('/site/')));
    await page.reload();
    const again = host === 'standalone' ? page : page.frameLocator('#tere');
    await again.locator('textarea.reflection').waitFor();
    assert.equal((await again.locator('textarea.reflection').inputValue()).length, 600);
    assert.equal(await again.locator('textarea.reflection').inputValue(), text);
    await page.close();
  });
}

// Each package carries only the doors it uses (xtask/src/dist.rs PLAYERS): the site's
// player has no SCORM door, a SCORM package's has no postMessage door. Put where the
// other door would answer, each plays on with the learner's work on the device.
test('the page player carries no SCORM door: in an LMS it makes no LMS call', async () => {
  const page = await browser.newPage();
  await page.goto(`${plain.base}/lms/lms.html?v=2004&launch=${encodeURIComponent('/site/index.html?quiz=kontakti_loomine')}`);
  const frame = page.frameLocator('#sco');
  const quiz = quizById('kontakti_loomine');
  await frame.locator('.tere[data-launched] [data-action="start"]').click();
  await playSome(frame, quiz, 1);
  await delivered(page.frames().find((f) => f.url().includes('/site/')));
  assert.deepEqual(await page.evaluate(() => window.calls.map((c) => c.method)), []);
  const kept = await page.frames().find((f) => f.url().includes('/site/')).evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tere')));
  assert.ok(kept.length > 0, 'the answer is kept in local storage');
  await page.close();
});

test('the SCORM player carries no postMessage door: in a plain page it sends no message', async () => {
  const page = await browser.newPage();
  await page.goto(`${plain.base}/examples/host.html?src=${encodeURIComponent(`${plain.base}/scorm/index.html?quiz=kontakti_loomine`)}`);
  const frame = page.frameLocator('#tere');
  await frame.locator('.tere[data-launched] [data-action="start"]').click();
  await playSome(frame, quizById('kontakti_loomine'), 1);
  await delivered(page.frames().find((f) => f.url().includes('/scorm/')));
  assert.deepEqual(await page.evaluate(() => window.messages.map((m) => m.type)), []);
  await page.close();
});
