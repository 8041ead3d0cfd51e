// The paths on which a real Moodle lost answers and grades (issue 13), replayed in the
// Moodle-like test LMS (tests/hosts/lms.html): the built packages as a teacher uploads
// them, one API object per player page, Moodle's relaunch rules and frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, quizById, playQuiz, playOn, playSome, unzip, screenshot, reachType, quizPerType, interactions, answer, COURSE, DIST, SCREENSHOTS, check } from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PACKAGES = path.join(DIST, 'packages');
const MOODLE_PATH = '/pluginfile.php/12/mod_scorm/content/1/';
const STAGE = 'kontakti_loomine';
const NEXT_PATH = '/pluginfile.php/13/mod_scorm/content/1/';
const NEXT_STAGE = 'ettevalmistus';
let server; let browser;

before(async () => {
  const mounts = { '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts') };
  for (const v of ['12', '2004']) {
    mounts[`/v${v}${MOODLE_PATH}`] = unzip(path.join(PACKAGES, `tere-scorm${v}.zip`)).dir;
    mounts[`/v${v}-stage${MOODLE_PATH}`] = unzip(path.join(PACKAGES, `tere-scorm${v}-${STAGE}.zip`)).dir;
    // Another stage's package, under URLs of its own as Moodle gives each activity.
    mounts[`/v${v}-next${NEXT_PATH}`] = unzip(path.join(PACKAGES, `tere-scorm${v}-${NEXT_STAGE}.zip`)).dir;
  }
  // As Moodle serves a package: .wasm (and the packs) as application/octet-stream,
  // uncompressed; html, js and css gzip-compressed.
  server = await serve(mounts, {}, { likeMoodle: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The Moodle-like player with a package (`course` or the one-stage one) at Moodle's path,
 *  with docs/moodle.md's settings: a stage forces a new attempt after a finished one. */
async function player(v, { stage = false, query = {}, width = 1280, height = 900, reducedMotion = 'no-preference' } = {}) {
  const params = new URLSearchParams({ v, package: `/v${v}${stage ? '-stage' : ''}${MOODLE_PATH}`, forceNew: stage ? '1' : '0', ...query });
  const context = await browser.newContext({ viewport: { width, height }, locale: 'et-EE', reducedMotion });
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'warning') page.warnings.push(m.text()); });
  await page.goto(`${server.base}/lms/lms.html?${params}`);
  return { page, frame: page.frameLocator('#sco'), close: () => context.close() };
}

/** The learner leaves: the player removes the SCO's frame; waits for Terminate. */
async function leave(page) {
  await page.evaluate(() => document.getElementById('sco').remove());
  await page.waitForFunction(() => window.terminated, null, { timeout: 5000 });
}

const stored = (page) => page.evaluate(() => window.stored());
const setValues = (page) => page.evaluate(() => window.calls.filter((c) => /SetValue$/.test(c.method)));

const interactionIds = (data) => interactions(data).map((i) => i.id);

/** A stage's stored result, wherever the package keeps it: as its own SCO's, or as an objective of the course SCO. */
function stageResult(v, data, quizId) {
  const n = Object.entries(data).find(([k, value]) => /^cmi\.objectives\.\d+\.id$/.test(k) && value === quizId)?.[0].split('.')[2];
  const at = n === undefined ? (v === '12' ? 'cmi.core.' : 'cmi.') : `cmi.objectives.${n}.`;
  const status = v === '12' ? data[n === undefined ? 'cmi.core.lesson_status' : `${at}status`] : data[`${at}success_status`];
  return { score: data[`${at}score.raw`], status };
}

/** Opens a stage the way this package offers it: its own entry in the player's table of contents, or Tere's menu. */
async function openStage(page, frame, quiz) {
  const own = page.locator('#toc button', { hasText: quiz.title });
  if (await own.count()) await own.click();
  else {
    if (await frame.locator('[data-action="menu"]').count()) await frame.locator('[data-action="menu"]').click();
    await frame.locator(`[data-quiz-id="${quiz.id}"]`).click();
  }
  await frame.locator('[data-action="start"], [data-action="retry"]').first().waitFor();
}

/** Starts (or retries) the quiz on screen and plays it to the summary. */
async function playStage(frame, quiz, correctWhen) {
  const retry = frame.locator('[data-action="retry"]');
  if (await retry.count()) {
    await retry.click();
    return playOn(frame, quiz, correctWhen);
  }
  return playQuiz(frame, quiz, correctWhen);
}

for (const v of ['12', '2004']) {
  test(`SCORM ${v}, one stage as Moodle serves it: the player's gzip bytes stream into the compiler (no MIME fallback warning), and a launch moves at most 170 KB`, async (t) => {
    const from = server.served.length;
    const { page, frame, close } = await player(v, { stage: true, width: 375, height: 800 });
    await frame.locator('[data-action="start"], [data-action="retry"]').first().click();
    await frame.locator('section.question').waitFor();
    const sent = server.served.slice(from).filter((r) => r.url.startsWith(`/v${v}-stage${MOODLE_PATH}`));
    const names = sent.map((r) => path.basename(r.url));
    assert.ok(names.some((n) => n.endsWith('_bg.wasm.gz')), `the gzip bytes were fetched: ${names}`);
    assert.ok(!names.some((n) => n.endsWith('_bg.wasm')), 'not the plain wasm');
    assert.deepEqual(page.warnings.filter((w) => /instantiateStreaming|MIME/i.test(w)), [], 'compiled while streaming, without the MIME fallback');
    assert.deepEqual(page.warnings, []);
    const kb = sent.reduce((n, r) => n + r.bytes, 0) / 1024;
    t.diagnostic(`SCORM ${v} stage as Moodle serves it: ${kb.toFixed(1)} KB on the wire (${names.join(', ')})`);
    assert.ok(kb <= 170, `the stage's launch moved ${kb.toFixed(1)} KB (${names.join(', ')})`);
    assert.deepEqual(page.errors, []);
    await close();
  });

  test(`SCORM ${v}: the next stage's package takes the player this browser kept from the first (no wasm fetched); a damaged copy is fetched anew`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'et-EE' });
    const page = await context.newPage();
    const warnings = []; const errors = [];
    page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    /** Launches a stage's package in the Moodle-like player; what its launch fetched from the package. */
    const launchStage = async (root) => {
      const from = server.served.length;
      await page.goto(`${server.base}/lms/lms.html?${new URLSearchParams({ v, package: root, forceNew: '1' })}`);
      const frame = page.frameLocator('#sco');
      await frame.locator('[data-action="start"], [data-action="retry"]').first().click();
      await frame.locator('section.question').waitFor();
      await frame.locator('section.question input, section.question select, section.question button').first().waitFor();
      return server.served.slice(from).filter((r) => r.url.startsWith(root));
    };
    const isWasm = (r) => /_bg\.wasm(\.gz)?$/.test(r.url);
    const first = await launchStage(`/v${v}-stage${MOODLE_PATH}`);
    assert.ok(first.some(isWasm), 'the first stage fetched the player');
    // Kept once it has run: the key of the package's page, the wasm's bytes.
    const key = await page.frames().find((f) => f.url().includes(MOODLE_PATH)).evaluate(() => document.querySelector('script[data-wasm-key]').dataset.wasmKey);
    const keptSize = () => page.evaluate((k) => new Promise((resolve) => {
      const open = indexedDB.open('tere-players');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('wasm')) return resolve(0);
        const got = db.transaction('wasm').objectStore('wasm').get(k);
        got.onsuccess = () => { db.close(); resolve(got.result ? got.result.bytes.size : 0); };
      };
      open.onerror = () => resolve(0);
    }), key);
    const wasmBytes = fs.statSync(path.join(server.mounts[`/v${v}-stage${MOODLE_PATH}`], path.basename(first.find(isWasm).url).replace(/\.gz$/, ''))).size;
    for (let tries = 0; (await keptSize()) !== wasmBytes && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(await keptSize(), wasmBytes, 'the player is kept, whole');

    const next = await launchStage(`/v${v}-next${NEXT_PATH}`);
    const names = next.map((r) => path.basename(r.url));
    assert.ok(!next.some(isWasm), `the next stage fetched no wasm: ${names}`);
    const kb = next.reduce((n, r) => n + r.bytes, 0) / 1024;
    t.diagnostic(`SCORM ${v}, the next stage with the player kept: ${kb.toFixed(1)} KB on the wire (${names.join(', ')})`);
    assert.ok(kb < 40, `the next stage's launch moved ${kb.toFixed(1)} KB`);

    // A damaged copy (a disk error, a cut write): the player is fetched anew and kept again.
    await page.evaluate((k) => new Promise((resolve) => {
      const open = indexedDB.open('tere-players');
      open.onsuccess = () => {
        const tx = open.result.transaction('wasm', 'readwrite');
        tx.objectStore('wasm').put({ bytes: new Blob([new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255, 255])]) }, k);
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }), key);
    const again = await launchStage(`/v${v}-next${NEXT_PATH}`);
    assert.ok(again.some(isWasm), 'the damaged copy was not used: the player was fetched');
    for (let tries = 0; (await keptSize()) !== wasmBytes && tries < 50; tries++) await page.waitForTimeout(100);
    assert.equal(await keptSize(), wasmBytes, 'and kept whole again');
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`SCORM ${v}, whole course: switching stages back and forth in the player stores every stage's result`, async () => {
    const { page, frame, close } = await player(v);
    const [a, b] = [quizById(STAGE), quizById('vajaduse_moistmine')];
    await openStage(page, frame, a);
    const passedA = await playStage(frame, a, () => true);
    await openStage(page, frame, b);
    const playedB = await playStage(frame, b, (i) => i % 2 === 0);
    // Back to the first stage: a weaker retry must not lower it.
    await openStage(page, frame, a);
    const retriedA = await playStage(frame, a, () => false);
    await leave(page);
    const data = await stored(page);
    assert.deepEqual(stageResult(v, data, a.id), { score: String(passedA.score), status: 'passed' });
    assert.deepEqual(stageResult(v, data, b.id), { score: String(playedB.score), status: playedB.passed ? 'passed' : 'failed' });
    // The course grade: the mean of every graded stage's best (stages not done count 0).
    const graded = COURSE.quizzes.filter((q) => q.questions.some((x) => x.type !== 'reflection'));
    assert.equal(data[v === '12' ? 'cmi.core.score.raw' : 'cmi.score.raw'], String(Math.round((passedA.score + playedB.score) / graded.length)));
    assert.equal(interactionIds(data).length, passedA.records.length + playedB.records.length + retriedA.records.length, 'every answer of every visit');
    assert.deepEqual(violations(v, await page.evaluate(() => window.calls)), []);
    assert.deepEqual(page.errors, []);
    await close();
  });

  test(`SCORM ${v}: pass a stage, come back, answer wrong: each attempt is true to its answers and the grade keeps the pass`, async () => {
    const quiz = quizById(STAGE);
    const { page, frame, close } = await player(v, { stage: true });
    const first = await playQuiz(frame, quiz, () => true);
    assert.equal(first.score, 100);
    await leave(page);
    // "Force new attempt" (docs/moodle.md): the revisit is a new Moodle attempt.
    await page.evaluate(() => window.relaunch());
    await frame.locator('[data-action="start"]').waitFor();
    const second = await playQuiz(frame, quiz, () => false);
    assert.equal(second.passed, false);
    assert.equal(await frame.locator('.best-kept').getAttribute('data-best-kept'), '100', 'the summary says which result stays');
    await leave(page);
    const attempts = await page.evaluate(() => window.attempts());
    assert.equal(attempts.length, 2);
    assert.deepEqual(stageResult(v, attempts[0], quiz.id), { score: '100', status: 'passed' });
    assert.deepEqual(stageResult(v, attempts[1], quiz.id), { score: String(second.score), status: 'failed' }, 'the new attempt records what was done in it');
    assert.equal(interactionIds(attempts[1]).length, second.records.length);
    assert.equal(await page.evaluate(() => window.grade()), 100, 'the grade (highest attempt) keeps the pass');
    assert.deepEqual(violations(v, await page.evaluate(() => window.calls)), []);
    await close();
  });

  test(`SCORM ${v}: the Moodle login ends mid-quiz: the learner is told at once, and the next launch delivers every answer once`, async () => {
    const quiz = quizById(STAGE);
    // One version on a phone, the other on a desktop: the notice is seen at both widths.
    const width = v === '12' ? 375 : 1280;
    const { page, frame, close } = await player(v, { stage: true, width, height: width === 375 ? 812 : 900 });
    await frame.locator('[data-action="start"]').click();
    const tally = await playSome(frame, quiz, 2);
    // The player commits as soon as it can, not within the click: on a busy machine the
    // second answer's commit may still be on its way. The login ends once both are in.
    for (const start = Date.now(); interactionIds(await stored(page)).length < 2 && Date.now() - start < 5000;) await page.waitForTimeout(50);
    // In another tab the learner logs out: the page still answers, every commit fails with 101.
    await page.evaluate(() => window.setFault('logout'));
    await frame.locator('[data-action="next"]').click();
    const expected = await playOn(frame, quiz, () => true, quiz.passMark, tally);
    assert.equal(expected.score, 100);
    const notice = frame.locator('.host-notice:not([hidden])');
    await notice.waitFor({ timeout: 3000 });
    const told = await notice.textContent();
    assert.match(told, /selles seadmes alles/, 'the results are kept on this device');
    assert.match(told, /logi .*uuesti sisse/i, 'and how to get them saved');
    const commits = await page.evaluate(() => window.calls.filter((c) => /Commit$/.test(c.method)));
    assert.ok(commits.length > 0 && commits.every((c, n) => n < commits.length - 1 || c.result === 'false'), 'the last commit failed');
    await screenshot(page, `moodle-logout-${v}-${width}`);
    // About 12 s later Moodle replaces the page with its login page.
    await page.evaluate(() => window.replacePage());
    const before = await stored(page);
    assert.equal(interactionIds(before).length, 2, 'two answers reached Moodle before the login ended');
    // Logged in again, the learner opens the activity.
    await page.evaluate(() => { window.setFault(''); window.relaunch(); });
    await frame.locator('section.summary').waitFor();
    await page.waitForFunction((status) => window.stored()[status] !== undefined && window.stored()[status] !== 'incomplete', v === '12' ? 'cmi.core.lesson_status' : 'cmi.success_status');
    await leave(page);
    const attempts = await page.evaluate(() => window.attempts());
    assert.equal(attempts.length, 1, 'the unfinished attempt was resumed, not replaced');
    const ids = interactionIds(attempts[0]);
    assert.deepEqual(ids, expected.records.map((r) => r.id), 'every answer once, in order');
    assert.equal(new Set(ids).size, ids.length, 'no id stored twice in the attempt');
    assert.deepEqual(stageResult(v, attempts[0], quiz.id), { score: '100', status: 'passed' });
    assert.equal(await page.evaluate(() => window.grade()), 100);
    assert.deepEqual(page.errors, []);
    await close();
  });

  test(`SCORM ${v}: a preview (${v === '12' ? 'browse' : 'review'} mode) shows the quiz and writes nothing`, async () => {
    const quiz = quizById(STAGE);
    const { page, frame, close } = await player(v, { stage: true, query: { mode: v === '12' ? 'browse' : 'review' } });
    await frame.locator('.host-notice:not([hidden])').waitFor();
    assert.match(await frame.locator('.host-notice').textContent(), /Eelvaade/);
    await playQuiz(frame, quiz, () => false);
    await leave(page);
    assert.deepEqual(await setValues(page), [], 'no SetValue at all');
    assert.deepEqual(await stored(page), {});
    await close();
  });
}

test('SCORM 2004: a session the LMS refuses for good (error 104) is told truthfully and delivered on the next launch', async () => {
  const quiz = quizById(STAGE);
  const { page, frame, close } = await player('2004', { stage: true, query: { terminated: '1' } });
  await frame.locator('.host-notice:not([hidden])').waitFor();
  assert.match(await frame.locator('.host-notice').textContent(), /ei õnnestunud õpikeskkonda salvestada.*ava see uuesti/);
  const expected = await playQuiz(frame, quiz, (i) => i !== 1);
  await frame.locator('.host-notice:not([hidden])').waitFor();
  await page.evaluate(() => document.getElementById('sco').remove());
  const refused = await page.evaluate(() => window.calls.length);
  assert.ok(refused <= 3, `no endless retries against a terminated API (${refused} calls)`);
  assert.deepEqual(await stored(page), {});
  // The learner reopens the activity: a new player page.
  await page.evaluate(() => window.relaunch());
  await frame.locator('section.summary').waitFor();
  await page.waitForFunction(() => window.stored()['cmi.success_status'] !== undefined);
  await leave(page);
  const data = await stored(page);
  assert.deepEqual(stageResult('2004', data, quiz.id), { score: String(expected.score), status: expected.passed ? 'passed' : 'failed' });
  assert.equal(data['cmi.completion_status'], 'completed');
  assert.deepEqual(interactionIds(data), expected.records.map((r) => r.id), 'every answer arrives once');
  assert.deepEqual(violations('2004', await page.evaluate(() => window.calls)), []);
  await close();
});

test('SCORM 1.2: a session the LMS never opened is delivered on the next launch, once', async () => {
  const quiz = quizById(STAGE);
  const { page, frame, close } = await player('12', { stage: true, query: { fault: 'init' } });
  const expected = await playQuiz(frame, quiz, (i) => i !== 0);
  await frame.locator('.host-notice:not([hidden])').waitFor();
  await page.evaluate(() => document.getElementById('sco').remove());
  await page.evaluate(() => { window.fault = ''; window.relaunch(); });
  await frame.locator('section.summary').waitFor();
  await page.waitForFunction(() => window.stored()['cmi.core.lesson_status'] !== undefined);
  await leave(page);
  const data = await stored(page);
  assert.deepEqual(stageResult('12', data, quiz.id), { score: String(expected.score), status: expected.passed ? 'passed' : 'failed' });
  assert.deepEqual(interactionIds(data), expected.records.map((r) => r.id), 'every answer arrives once');
  await close();
});

for (const width of [375, 1280]) {
  test(`in Moodle's frame at ${width} px a question's picture arrives as Moodle serves it, with its alt text, and the frame grows to hold it`, async () => {
    const quiz = quizById(STAGE);
    assert.ok(quiz.media.length > 0, 'the stage shows a picture');
    const { page, frame, close } = await player('2004', { stage: true, width, height: width === 375 ? 812 : 900 });
    await frame.locator('[data-action="start"]').click();
    const picture = frame.locator('.question img').first();
    await picture.waitFor();
    await page.waitForFunction(() => {
      const img = document.getElementById('sco').contentDocument.querySelector('.question img');
      return img && img.complete && img.naturalWidth > 0;
    });
    assert.ok((await picture.getAttribute('alt')).length > 20, 'its alt text');
    assert.match(await picture.getAttribute('src'), new RegExp(`content/media/(${quiz.media.join('|')})$`), 'its own file, by its hash');
    await page.waitForFunction(() => {
      const iframe = document.getElementById('sco');
      return iframe.clientHeight >= iframe.contentDocument.documentElement.scrollHeight;
    });
    const box = await picture.boundingBox();
    assert.ok(box.width > 100 && box.x + box.width <= width, `the picture fits the frame's width (${box.width} px wide)`);
    await screenshot(page, `moodle-frame-${width}-picture`);
    assert.deepEqual(page.errors, []);
    await close();
  });

  test(`in Moodle's fixed frame at ${width} px the widget sizes the frame to its content; no action hidden, the left edge clear`, async () => {
    // The tallest screen: an ordering question (1130 px at 375 px in Moodle).
    const quiz = quizPerType().get('ordering');
    const { page, frame, close } = await player('2004', { width, height: width === 375 ? 812 : 900 });
    await openStage(page, frame, quiz);
    await frame.locator('[data-action="start"]').click();
    await reachType(frame, quiz, 'ordering');
    const fits = async () => page.evaluate(() => {
      const iframe = document.getElementById('sco');
      const inner = iframe.contentDocument.documentElement;
      const check = iframe.contentDocument.querySelector('[data-action="check"], [data-action="next"], [data-action="finish"]');
      const frameBox = iframe.getBoundingClientRect();
      const button = document.getElementById('course-index').getBoundingClientRect();
      const content = iframe.contentDocument.querySelector('.tere > :not([hidden])').getBoundingClientRect();
      return {
        frameHeight: iframe.clientHeight,
        contentHeight: inner.scrollHeight,
        actionBottom: check.getBoundingClientRect().bottom,
        contentLeft: frameBox.left + content.left,
        buttonRight: button.right,
      };
    });
    await page.waitForFunction(() => document.getElementById('sco').clientHeight !== 666);
    let m = await fits();
    assert.ok(m.frameHeight >= m.contentHeight, `the frame (${m.frameHeight} px) holds its content (${m.contentHeight} px): no scrolling inside it`);
    assert.ok(m.actionBottom <= m.frameHeight, 'the primary action is inside the frame');
    if (width === 375) assert.ok(m.contentLeft >= m.buttonRight, `content starts at ${m.contentLeft} px, right of the course-index button (${m.buttonRight} px)`);
    await screenshot(page, `moodle-frame-${width}-ordering`);
    // Moodle sets the frame's height again when the window is resized: the widget puts it back.
    const resets = await page.evaluate(() => window.frameResets);
    await page.setViewportSize({ width, height: 700 });
    // First Moodle's reset to 666 px, then the widget's answer to it.
    await page.waitForFunction((n) => window.frameResets > n, resets);
    await page.waitForFunction(() => document.getElementById('sco').clientHeight !== 666);
    m = await fits();
    assert.ok(m.frameHeight >= m.contentHeight, 'still fits after a window resize');
    await check(frame);
    await frame.locator('.feedback').waitFor();
    await screenshot(page, `moodle-frame-${width}-feedback`);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.warnings.filter((w) => /integrity/i.test(w)), [], 'no "integrity attribute ignored" warning');
    await close();
  });
}

test("in Moodle's frame at 375 px a dialogue is played to its end: each step's replies in the page, the frame grown to the conversation", async () => {
  const quiz = quizPerType().get('dialogue');
  const d = quiz.questions.find((q) => q.type === 'dialogue');
  const { page, frame, close } = await player('2004', { width: 375, height: 812 });
  await openStage(page, frame, quiz);
  await frame.locator('[data-action="start"]').click();
  await reachType(frame, quiz, 'dialogue');
  for (const [n, reply] of d.bestPath.entries()) {
    const button = frame.locator(`.replies button[data-reply-index="${reply}"]`);
    await button.waitFor();
    const m = await page.evaluate((i) => {
      const iframe = document.getElementById('sco');
      const b = iframe.contentDocument.querySelector(`.replies button[data-reply-index="${i}"]`).getBoundingClientRect();
      return { frame: iframe.clientHeight, content: iframe.contentDocument.documentElement.scrollHeight, bottom: b.bottom, right: b.right, width: iframe.clientWidth };
    }, reply);
    assert.ok(m.frame >= m.content, `step ${n + 1}: the frame (${m.frame} px) holds the conversation (${m.content} px)`);
    assert.ok(m.bottom <= m.frame && m.right <= m.width, `step ${n + 1}: the reply is inside the frame, reached by scrolling the page`);
    if (n === 2) await screenshot(page, 'moodle-frame-375-dialogue');
    await button.click();
  }
  await frame.locator('.feedback').waitFor();
  await screenshot(page, 'moodle-frame-375-dialogue-debrief');
  assert.deepEqual(page.errors, []);
  await close();
});

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`on a phone in Moodle's frame a wrong first try keeps "Proovi uuesti" in view without moving focus, and the frame grows with the feedback at once (motion: ${reducedMotion})`, async () => {
    // A quiz with a second try: after a wrong first one the hint, the verdict and the tries left appear.
    const quiz = quizById('raske_klient');
    assert.ok(quiz.tries >= 2);
    // Moodle's commit is a synchronous request that holds the page (here 700 ms) right after the feedback is painted.
    const { page, frame, close } = await player('2004', { width: 375, height: 812, query: { slowCommit: '700' }, reducedMotion });
    await openStage(page, frame, quiz);
    await frame.locator('[data-action="start"]').click();
    await frame.locator('section.question').waitFor();
    await answer(frame, quiz, false);
    // In the LMS page, at every animation frame (before that frame's layout and its resize
    // observers): the frame's height against its content's.
    await page.evaluate(() => {
      window.samples = [];
      const sample = () => {
        const iframe = document.getElementById('sco');
        const doc = iframe?.contentDocument;
        if (doc?.querySelector('.feedback')) window.samples.push({ frame: iframe.clientHeight, content: doc.documentElement.scrollHeight });
        if (!window.stopSampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const inView = () => {
      const iframe = document.getElementById('sco');
      const offset = iframe.getBoundingClientRect();
      const box = iframe.contentDocument.querySelector('[data-action="try-again"]').getBoundingClientRect();
      const verdict = iframe.contentDocument.querySelector('.feedback .verdict').getBoundingClientRect();
      const m = { top: offset.top + box.top, bottom: offset.top + box.bottom, verdictTop: offset.top + verdict.top, viewport: innerHeight, scrollY };
      return { ...m, visible: m.top >= 0 && m.bottom <= m.viewport + 1 }; // a subpixel's leeway
    };
    await page.evaluate(`window.inView = ${inView}`);
    await check(frame);
    const tryAgain = frame.locator('[data-action="try-again"]');
    await tryAgain.waitFor();
    assert.equal(await frame.locator('.feedback[data-final="false"] .tries-left').count(), 1, 'the tries left are said');
    // (a) The next step is in the LMS window's view, the test scrolling nothing: at once when
    // the learner asks for less motion, else once the smooth scroll has ended.
    const shown = reducedMotion === 'reduce'
      ? await page.evaluate(() => window.inView().visible)
      : await page.waitForFunction(() => window.inView().visible, null, { timeout: 5000 }).then(() => true, () => false);
    const where = await page.evaluate(() => window.inView());
    assert.ok(shown, `"Proovi uuesti" is in view (${JSON.stringify(where)})`);
    assert.ok(where.verdictTop >= 0, `the verdict above it is in view too (${JSON.stringify(where)})`);
    // (b) Focus is on the feedback, where checking puts it (a screen reader reads it; Tab
    // leads on to "Proovi uuesti"): revealing the action does not take it.
    const active = await frame.locator('body').evaluate(() => document.activeElement?.className);
    assert.equal(active, 'feedback', 'the feedback has focus, not the revealed action');
    // (c) From the first frame that shows the feedback, the frame holds its content.
    await page.waitForTimeout(300);
    const samples = await page.evaluate(() => { window.stopSampling = true; return window.samples; });
    assert.ok(samples.length > 0, 'frames were sampled');
    const short = samples.filter((s) => s.frame < s.content - 2);
    assert.deepEqual(short, [], `the frame is never shorter than its content after the check (${JSON.stringify(samples.slice(0, 3))})`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `moodle-frame-375-wrong-try-${reducedMotion}.png`) });
    await screenshot(page, `moodle-frame-375-wrong-try-${reducedMotion}-full`);
    assert.deepEqual(page.errors, []);
    await close();
  });
}
