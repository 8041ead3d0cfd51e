// The widget inside an LMS: scorm-again (SCORM 1.2 and 2004) in the parent frame,
// the built widget served under a Moodle-like deep path, launched as one SCO.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, quizById, answer, playQuiz, playSome, playOn, summary, unload, interactions, resultWord, DIST_SCORM } from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PKG = '/pluginfile.php/12/mod_scorm/content/1/';
let server; let browser;

before(async () => {
  server = await serve({ '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), [PKG]: DIST_SCORM });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openLms(version, quizId, { fault = '', preset = null, slowCommit = 0 } = {}) {
  const query = new URLSearchParams({ v: version, launch: `${PKG}index.html?quiz=${quizId}`, fault, slowCommit });
  if (preset) query.set('preset', JSON.stringify(preset));
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${server.base}/lms/lms.html?${query}`);
  return { page, frame: page.frameLocator('#sco') };
}

const cmi = (page) => page.evaluate(() => window.cmiData());
const calls = (page) => page.evaluate(() => window.calls);

for (const [version, quizId] of [['12', 'ettevalmistus'], ['2004', 'palvelutapahtuma']]) {
  test(`SCORM ${version}: a whole quiz arrives in the LMS as Moodle accepts it`, async () => {
    const { page, frame } = await openLms(version, quizId);
    const quiz = quizById(quizId);
    const expected = await playQuiz(frame, quiz, (i) => i % 4 !== 1);
    assert.deepEqual(await summary(frame), { score: expected.score, passed: expected.passed });
    await unload(page);
    const data = await cmi(page);
    const log = await calls(page);
    assert.deepEqual(violations(version, log), []);
    const count = (method) => log.filter((c) => c.method === method).length;
    const [init, term, commit] = version === '12' ? ['LMSInitialize', 'LMSFinish', 'LMSCommit'] : ['Initialize', 'Terminate', 'Commit'];
    assert.equal(count(init), 1);
    assert.equal(count(term), 1);
    assert.ok(count(commit) >= expected.answered, 'a commit after every answer');
    const list = interactions(data);
    assert.deepEqual(list.map((i) => i.id), expected.records.map((r) => r.id), 'one interaction per answer (a dialogue: per reply), in order');
    list.forEach((interaction, n) => {
      assert.equal(interaction.result, resultWord(version, expected.records[n].credit), interaction.id);
      assert.notEqual(interaction[version === '12' ? 'student_response' : 'learner_response'], '', interaction.id);
    });
    if (version === '12') {
      assert.equal(data['cmi.core.score.raw'], String(expected.score));
      assert.equal(data['cmi.core.score.min'], '0');
      assert.equal(data['cmi.core.score.max'], '100');
      assert.equal(data['cmi.core.lesson_status'], expected.passed ? 'passed' : 'failed');
      assert.equal(data['cmi.core.exit'], '');
    } else {
      assert.equal(data['cmi.score.raw'], String(expected.score));
      assert.equal(Number(data['cmi.score.scaled']), expected.score / 100);
      assert.equal(data['cmi.completion_status'], 'completed');
      assert.equal(data['cmi.success_status'], expected.passed ? 'passed' : 'failed');
      assert.equal(data['cmi.progress_measure'], '1');
      assert.equal(data['cmi.exit'], 'normal');
      assert.match(data['cmi.session_time'], /^PT\d+H\d+M\d+(\.\d{1,2})?S$/);
    }
    assert.ok(data['cmi.suspend_data'].length <= 1024);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`SCORM ${version}: leaving mid-quiz suspends; the next launch resumes the same question, answers and draw`, async () => {
    const quiz = quizById(quizId);
    const { page, frame } = await openLms(version, quizId);
    await frame.locator('[data-action="start"]').click();
    const tally = await playSome(frame, quiz, 3, (i) => i !== 1);
    await unload(page);
    const before = await cmi(page);
    assert.equal(before[version === '12' ? 'cmi.core.exit' : 'cmi.exit'], 'suspend');
    await page.evaluate(() => window.relaunch());
    // Back on the third question, with its feedback, as it was left.
    await frame.locator('.feedback').waitFor();
    assert.equal(await frame.locator('section.question').getAttribute('data-question-id'), tally.ids[2]);
    assert.match(await frame.locator('.progress-label').textContent(), /3\//);
    await frame.locator('[data-action="next"]').click();
    const expected = await playOn(frame, quiz, (i) => i !== 1, quiz.passMark, tally);
    assert.deepEqual(await summary(frame), { score: expected.score, passed: expected.passed });
    const reviewed = await frame.locator('ol.review li').evaluateAll((els) => els.map((e) => e.dataset.questionId));
    assert.deepEqual(reviewed, expected.ids, 'same draw and order across the relaunch');
    await unload(page);
    const data = await cmi(page);
    // Moodle offers the first visit's interactions with a numeric count: none may be overwritten or sent twice.
    assert.deepEqual(interactions(data).map((i) => i.id), expected.records.map((r) => r.id), 'every answer once, in order, across the relaunch');
    const stored = await page.evaluate(() => window.stored());
    assert.deepEqual(interactions(stored).map((i) => i.id), expected.records.map((r) => r.id), 'what the LMS keeps');
    assert.deepEqual(violations(version, await calls(page)), []);
    await page.close();
  });
}

test('SCORM: a slow LMS commit (Moodle\'s is a synchronous request) does not hold back the feedback', async () => {
  const SLOW = 400;
  const quiz = quizById('kontakti_loomine');
  const { page, frame } = await openLms('2004', quiz.id, { slowCommit: SLOW });
  await frame.locator('[data-action="start"]').click();
  await page.waitForFunction(() => window.calls.some((c) => c.method === 'Commit'));
  await answer(frame, quiz, true);
  const sco = page.frames().find((f) => f !== page.mainFrame());
  // In the SCO: when `.feedback` appears, note when the frame that shows it is painted
  // (a message posted from that frame's requestAnimationFrame callback runs after the paint).
  const clickedAt = await sco.evaluate(() => {
    const now = () => performance.timeOrigin + performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.feedback')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => { window.feedbackPaintedAt = now(); };
        c.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const at = now();
    document.querySelector('[data-action="check"]').click();
    return at;
  });
  await page.waitForFunction((t) => window.calls.some((c) => c.method === 'Commit' && c.at > t), clickedAt);
  const painted = await sco.evaluate(() => window.feedbackPaintedAt);
  const commit = (await calls(page)).find((c) => c.method === 'Commit' && c.at > clickedAt);
  assert.ok(painted, 'the feedback was painted');
  assert.ok(commit.at >= painted, `the commit started ${Math.round(painted - commit.at)} ms before the feedback was painted`);
  assert.ok(painted - clickedAt < SLOW, `the feedback took ${Math.round(painted - clickedAt)} ms: it waited for the commit`);
  await page.close();
});

test('SCORM: at launch the first screen is painted before any LMS call (Initialize, and the commit: Moodle\'s is a synchronous request)', async () => {
  const quiz = quizById('kontakti_loomine');
  const page = await browser.newPage();
  // In every frame: note when the widget's first screen is painted.
  await page.addInitScript(() => {
    const now = () => performance.timeOrigin + performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.tere section')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => { window.firstPaintAt = now(); };
        c.port2.postMessage(null);
      });
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  });
  const query = new URLSearchParams({ v: '2004', launch: `${PKG}index.html?quiz=${quiz.id}`, slowCommit: 400 });
  await page.goto(`${server.base}/lms/lms.html?${query}`);
  await page.waitForFunction(() => window.calls.some((c) => c.method === 'Commit'), null, { timeout: 5000 });
  const sco = page.frames().find((f) => f !== page.mainFrame());
  await sco.waitForFunction(() => window.firstPaintAt);
  const painted = await sco.evaluate(() => window.firstPaintAt);
  const log = await calls(page);
  const commit = log.find((c) => c.method === 'Commit');
  assert.ok(commit.at >= painted, `the launch commit started ${Math.round(painted - commit.at)} ms before the first screen was painted`);
  assert.equal(log[0].method, 'Initialize');
  assert.ok(log[0].at >= painted, `Initialize ran ${Math.round(painted - log[0].at)} ms before the first screen was painted`);
  await page.close();
});

test('standalone: a reload in the middle of a quiz resumes the same question, answers and draw', async () => {
  const quiz = quizById('palvelutapahtuma');
  const page = await browser.newPage();
  await page.goto(`${server.base}${PKG}index.html?quiz=${quiz.id}`);
  await page.locator('[data-action="start"]').click();
  const tally = await playSome(page, quiz, 4, (i) => i % 2 === 0);
  await page.reload();
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('section.question').getAttribute('data-question-id'), tally.ids[3]);
  await page.locator('[data-action="next"]').click();
  const expected = await playOn(page, quiz, (i) => i % 2 === 0, quiz.passMark, tally);
  assert.deepEqual(await summary(page), { score: expected.score, passed: expected.passed });
  const reviewed = await page.locator('ol.review li').evaluateAll((els) => els.map((e) => e.dataset.questionId));
  assert.deepEqual(reviewed, expected.ids);
  await page.close();
});

test('SCORM: the LMS mastery score overrides the pass mark, and its language preference the UI language', async () => {
  const { page, frame } = await openLms('12', 'kontakti_loomine', { preset: { 'cmi.student_data.mastery_score': '100', 'cmi.student_preference.language': 'en' } });
  assert.equal(await frame.locator('[data-action="start"]').textContent(), 'Start');
  assert.match(await frame.locator('.facts').textContent(), /Pass mark 100%/);
  const quiz = quizById('kontakti_loomine');
  const expected = await playQuiz(frame, quiz, (i) => i !== 0, 100);
  assert.equal(expected.passed, false);
  assert.deepEqual(await summary(frame), { score: expected.score, passed: false });
  await unload(page);
  assert.equal((await cmi(page))['cmi.core.lesson_status'], 'failed');
  await page.close();
});

// Each fault: the learner finishes anyway, sees a notice, and the data arrives once the fault ends.
for (const [fault, version, from] of [['init', '2004', 'start'], ['set', '12', 'middle'], ['commit', '2004', 'middle'], ['throw', '12', 'middle'], ['gone', '2004', 'middle']]) {
  test(`fault "${fault}" (SCORM ${version}, from the ${from}): the quiz completes and the data arrives later`, async () => {
    const quiz = quizById('kontakti_loomine');
    const { page, frame } = await openLms(version, quiz.id, { fault: from === 'start' ? fault : '' });
    await frame.locator('[data-action="start"]').click();
    const tally = await playSome(frame, quiz, 2);
    if (from === 'middle') await page.evaluate((f) => window.setFault(f), fault);
    await frame.locator('[data-action="next"]').click();
    const expected = await playOn(frame, quiz, () => true, quiz.passMark, tally);
    assert.deepEqual(await summary(frame), { score: 100, passed: true });
    await frame.locator('.host-notice:not([hidden])').waitFor();
    const status = version === '12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
    const final = version === '12' ? 'passed' : 'completed';
    if (fault === 'commit') {
      // Values reach the runtime, but nothing is committed until the fault ends.
      const lastCommit = () => page.evaluate(() => window.calls.filter((c) => /Commit$/.test(c.method)).at(-1).result);
      assert.equal(await lastCommit(), 'false');
      await page.evaluate(() => window.setFault(''));
      await page.waitForFunction(() => window.calls.filter((c) => /Commit$/.test(c.method)).at(-1).result === 'true', null, { timeout: 10000 });
    } else {
      assert.notEqual((await cmi(page))[status], final, 'nothing final arrived during the fault');
      await page.evaluate(() => window.setFault(''));
    }
    await page.waitForFunction(([key, value]) => window.cmiData()[key] === value, [status, final], { timeout: 10000 });
    await frame.locator('.host-notice[hidden]').waitFor({ state: 'attached' });
    await unload(page);
    const data = await cmi(page);
    assert.deepEqual(interactions(data).map((i) => i.id), expected.records.map((r) => r.id), 'every answer arrives once');
    const problems = violations(version, await calls(page)).filter((p) => !p.includes('returned false'));
    assert.deepEqual(problems, []);
    await page.close();
  });
}
