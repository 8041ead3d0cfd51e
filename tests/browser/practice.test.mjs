// Learning, not only testing (issue 17): hints, a second try, and practising the
// missed questions, by keyboard alone; the same under the Moodle-like LMS in SCORM 1.2
// and 2004 (one interaction per question with its final result, the engine's score,
// practice never reported); postMessage's `try`, `hintsUsed`, `final`; screenshots.
//
// `raske_klient` is a practice-oriented stage: `tries = 2`, `try_penalty = 33`, and
// hints on its first question (two of them) among others (questions/raske_klient.toml).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, quizById, answer, settle, penalised, playOn, summary, delivered, screenshot, unload, tabTo, keyboardAnswer, questionById, interactions, resultWord, DIST, DIST_SCORM, check, keyboardCheck } from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PKG = '/pluginfile.php/12/mod_scorm/content/1/';
const QUIZ = 'raske_klient';
let server; let browser;

before(async () => {
  server = await serve({
    '/course/': DIST,
    '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'),
    '/lms/': path.join(ROOT, 'tests/hosts'),
    '/examples/': path.join(ROOT, 'examples'),
    [PKG]: DIST_SCORM,
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (query) => `${server.base}/course/index.html${query}`;

const activeMatches = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Moves on by keyboard (next or finish); returns whether it was the last question. */
async function keyboardOn(page) {
  const last = (await page.locator('[data-action="finish"]').count()) > 0;
  await tabTo(page, last ? '[data-action="finish"]' : '[data-action="next"]');
  await page.keyboard.press('Enter');
  return last;
}

/** The state of the feedback on screen. */
async function feedbackState(page) {
  const fb = page.locator('.feedback');
  return {
    final: await fb.getAttribute('data-final'),
    credit: await fb.getAttribute('data-credit'),
    missedShown: await page.locator('label.option.missed').count(),
    explanation: await page.locator('.feedback .explanation').count(),
    triesLeft: await page.locator('.feedback .tries-left').count(),
    hints: await page.locator('ol.hints li.hint').count(),
  };
}

test('by keyboard alone: ask a hint, answer wrong, try again, answer right; finish; practise the missed ones', async () => {
  const quiz = quizById(QUIZ);
  assert.equal(quiz.tries, 2, 'raske_klient allows two tries');
  const page = await openPage(browser, url(`?quiz=${QUIZ}&host=standalone`));
  await tabTo(page, '[data-action="start"]');
  await page.keyboard.press('Enter');
  await page.locator('section.question').waitFor();
  const first = questionById(await page.locator('section.question').getAttribute('data-question-id'));
  assert.ok(first.hints.length >= 2, `${first.id} has two hints`);

  // A hint, asked for before checking; focus goes to it.
  assert.equal(await page.locator('ol.hints li.hint').count(), 0);
  await tabTo(page, '[data-action="hint"]');
  await page.keyboard.press('Enter');
  await page.locator('ol.hints li.hint').first().waitFor();
  assert.equal(await page.locator('ol.hints li.hint').count(), 1);
  assert.ok(await activeMatches(page, 'ol.hints li.hint'), 'focus moves to the hint');
  assert.ok((await page.locator('ol.hints li.hint').first().textContent()).includes(first.hints[0]), 'the first hint is shown');

  // A wrong answer: feedback for the pick and the next hint, the right answer not shown.
  await keyboardAnswer(page, false);
  await keyboardCheck(page);
  // Focus is on the feedback (read out there), and the next Tab reaches "try again".
  assert.ok(await activeMatches(page, 'section.question .feedback'), 'focus moves to the feedback');
  let state = await feedbackState(page);
  assert.deepEqual(state, { final: 'false', credit: '0', missedShown: 0, explanation: 0, triesLeft: 1, hints: 2 });
  assert.equal(await page.locator('[data-action="next"], [data-action="finish"]').count(), 0, 'no way on before the last try');
  assert.equal(await page.locator('[data-action="hint"]').count(), 0, 'no hint button after checking');
  assert.equal(await page.locator('.feedback .verdict.incorrect').count(), 1);
  assert.equal(await page.locator('label.option.incorrect .option-feedback').count(), 1, 'the picked option\'s feedback');

  // Try again (focus returns to the answer), this time right: one Tab from the feedback.
  await page.keyboard.press('Tab');
  assert.ok(await activeMatches(page, '[data-action="try-again"]'), 'one Tab from the feedback reaches "try again"');
  await page.keyboard.press('Enter');
  await page.locator('[data-action="check"]').waitFor();
  assert.ok(await activeMatches(page, 'section.question input, section.question select, section.question textarea, section.question button'),
    'focus is back on an answer control');
  await keyboardAnswer(page, true);
  await keyboardCheck(page);
  state = await feedbackState(page);
  // One hint asked (the one shown after the wrong try is given, not asked): its deduction too.
  const firstCredit = penalised(quiz, 1, 2, 1);
  assert.equal(state.final, 'true');
  assert.equal(Number(state.credit), Math.round(firstCredit * 100) / 100, 'right on the second try, one hint asked: 1 - try penalty - hint penalty');
  assert.equal(state.explanation, 1);
  assert.equal(state.triesLeft, 0);
  assert.equal(await page.locator('.feedback .verdict.correct').count(), 1);
  // Right, and it says what the extra try cost: the percent that counts.
  const counted = `${Math.round(firstCredit * 100)}%`;
  assert.ok((await page.locator('.feedback .counted').textContent()).includes(counted), `the feedback says ${counted} counts`);

  // The rest by keyboard: the second question wrong on both tries, the others right.
  const tally = { sum: firstCredit, graded: 1 };
  for (let position = 1; ; position++) {
    if (await keyboardOn(page)) break;
    await page.locator('section.question').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tere-heading', 'focus moves to the new question');
    const type = await page.locator('section.question').getAttribute('data-question-type');
    const wrong = position === 1 && ['single', 'scenario', 'true_false'].includes(type);
    const raw = await keyboardAnswer(page, !wrong);
    await keyboardCheck(page);
    let tries = 1;
    if (wrong) {
      assert.equal(await page.locator('.feedback').getAttribute('data-final'), 'false');
      await tabTo(page, '[data-action="try-again"]');
      await page.keyboard.press('Enter');
      await keyboardAnswer(page, false);
      await keyboardCheck(page);
      tries = 2;
    }
    assert.equal(await page.locator('.feedback').getAttribute('data-final'), 'true');
    if (raw !== null) { tally.sum += penalised(quiz, raw, tries); tally.graded++; }
  }
  await page.locator('section.summary').waitFor();
  const score = Math.round((100 * tally.sum) / tally.graded);
  const result = await summary(page);
  assert.deepEqual(result, { score, passed: score >= quiz.passMark });
  // The summary calls the first answer right (it was, on the second try) and says what counted.
  const firstRow = page.locator(`ol.review li[data-question-id="${first.id}"]`);
  assert.equal(await firstRow.locator('.verdict.correct').count(), 1, 'a right answer after a penalty reads "correct"');
  assert.ok((await firstRow.locator('.counted').textContent()).includes(counted));
  await delivered(page);
  const saved = await page.evaluate((id) => localStorage.getItem(`tere.v1.site.${id}`), QUIZ);
  assert.ok(saved, 'progress is kept');

  // Practise the missed ones: the first two questions (0.67 and 0), ungraded.
  await tabTo(page, '[data-action="practice"]');
  await page.keyboard.press('Enter');
  await page.locator('section.question[data-practice="true"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tere-heading', 'focus moves to the practice question');
  assert.equal(await page.locator('.practice-label').count(), 1, 'clearly labelled as practice');
  assert.match(await page.locator('.progress-label').textContent(), /1\/2/);
  for (;;) {
    await keyboardAnswer(page, true);
    await keyboardCheck(page);
    assert.equal(await page.locator('.feedback').getAttribute('data-final'), 'true');
    if (await keyboardOn(page)) break;
    await page.locator('section.question[data-practice="true"]').waitFor();
  }
  const end = page.locator('section.practice-end');
  await end.waitFor();
  assert.equal(await end.getAttribute('data-practice-right'), '2');
  assert.equal(await end.getAttribute('data-practice-total'), '2');
  assert.equal(await page.locator('section.summary').count(), 0, 'the practice end is not a graded summary');
  await delivered(page);
  assert.equal(await page.evaluate((id) => localStorage.getItem(`tere.v1.site.${id}`), QUIZ), saved, 'practice changes nothing stored');

  // Back to the results: the graded result as it was.
  await tabTo(page, '[data-action="end-practice"]');
  await page.keyboard.press('Enter');
  await page.locator('section.summary').waitFor();
  assert.deepEqual(await summary(page), result);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function openLms(version, quizId) {
  const query = new URLSearchParams({ v: version, launch: `${PKG}index.html?quiz=${quizId}` });
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${server.base}/lms/lms.html?${query}`);
  return { page, frame: page.frameLocator('#sco') };
}

const setValues = (page) => page.evaluate(() => window.calls.filter((c) => /SetValue$/.test(c.method)).map((c) => c.args[0]));

for (const version of ['12', '2004']) {
  test(`SCORM ${version}: tries and hints report one final interaction a question and the engine's score; practice is never reported`, async () => {
    const quiz = quizById(QUIZ);
    const { page, frame } = await openLms(version, QUIZ);
    await frame.locator('[data-action="start"]').click();
    // First question: a hint, a wrong try, then right.
    await frame.locator('section.question').waitFor();
    const firstId = await frame.locator('section.question').getAttribute('data-question-id');
    await frame.locator('[data-action="hint"]').click();
    await frame.locator('ol.hints li.hint').first().waitFor();
    await answer(frame, quiz, false);
    await check(frame);
    await frame.locator('.feedback[data-final="false"]').waitFor();
    await frame.locator('[data-action="try-again"]').click();
    await answer(frame, quiz, true);
    await check(frame);
    assert.equal(await settle(frame), 1);
    // One hint asked (the one shown after the wrong try is given, not asked): its deduction too.
    const firstCredit = penalised(quiz, 1, 2, 1);
    const tally = { sum: firstCredit, graded: 1, position: 1, ids: [firstId], credits: [firstCredit], records: [{ id: firstId, credit: firstCredit }] };
    await frame.locator('[data-action="next"]').click();
    // The rest: every third question wrong (tried twice, as the harness's learner does).
    const expected = await playOn(frame, quiz, (i) => i % 3 !== 1, quiz.passMark, tally);
    assert.deepEqual(await summary(frame), { score: expected.score, passed: expected.passed });
    // Everything the summary means has reached the LMS (the score is written on completion).
    const scoreElement = version === '12' ? 'cmi.core.score.raw' : 'cmi.score.raw';
    await page.waitForFunction((e) => window.calls.some((c) => /SetValue$/.test(c.method) && c.args[0] === e), scoreElement);
    const writesBefore = (await setValues(page)).length;

    // Practise the missed ones: ungraded, never reported.
    assert.ok(expected.credits.some((c) => c !== null && c < 1), 'something to practise');
    await frame.locator('[data-action="practice"]').click();
    await frame.locator('section.question[data-practice="true"]').waitFor();
    for (;;) {
      await answer(frame, quiz, false);
      await check(frame);
      await settle(frame);
      if (await frame.locator('[data-action="finish"]').count()) break;
      await frame.locator('[data-action="next"]').click();
    }
    await frame.locator('[data-action="finish"]').click();
    await frame.locator('section.practice-end').waitFor();
    await frame.locator('[data-action="end-practice"]').click();
    await frame.locator('section.summary').waitFor();
    assert.deepEqual(await summary(frame), { score: expected.score, passed: expected.passed }, 'a bad practice round changes nothing');
    await page.waitForTimeout(1500); // anything the practice round would have sent arrives within a second
    assert.deepEqual((await setValues(page)).slice(writesBefore), [], 'practice writes nothing to the LMS');

    await unload(page);
    const data = await page.evaluate(() => window.cmiData());
    const log = await page.evaluate(() => window.calls);
    assert.deepEqual(violations(version, log), [], 'every call meets Moodle\'s rules');
    const list = interactions(data);
    assert.deepEqual(list.map((i) => i.id), expected.records.map((r) => r.id), 'one interaction per question after its last try (a dialogue: per reply), none for practice');
    list.forEach((interaction, n) => {
      assert.equal(interaction.result, resultWord(version, expected.records[n].credit), interaction.id);
      assert.ok(interaction.latency, `${interaction.id} has a latency`);
    });
    assert.equal(list[0].result, (Math.round(firstCredit * 100) / 100).toFixed(2), 'right on the second try, less the try penalty and the hint asked');
    if (version === '12') {
      assert.equal(data['cmi.core.score.raw'], String(expected.score), 'the LMS has the engine\'s score');
      assert.equal(data['cmi.core.lesson_status'], expected.passed ? 'passed' : 'failed');
    } else {
      assert.equal(data['cmi.score.raw'], String(expected.score), 'the LMS has the engine\'s score');
      assert.equal(Number(data['cmi.score.scaled']), expected.score / 100);
      assert.equal(data['cmi.success_status'], expected.passed ? 'passed' : 'failed');
    }
    assert.ok(data['cmi.suspend_data'].length <= 1024);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('postMessage: tere:answered carries try, hintsUsed and final; practice arrives only as tere:practised', async () => {
  const quiz = quizById(QUIZ);
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const src = `${server.base}/course/index.html?quiz=${QUIZ}`;
  await page.goto(`${server.base}/examples/host.html?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#tere');
  await frame.locator('[data-action="start"]').click();
  await frame.locator('[data-action="hint"]').click();
  await answer(frame, quiz, false);
  await check(frame);
  await frame.locator('[data-action="try-again"]').click();
  await answer(frame, quiz, true);
  await check(frame);
  await page.waitForFunction(() => window.messages.filter((m) => m.type === 'tere:answered').length >= 2);
  const answered = (await page.evaluate(() => window.messages)).filter((m) => m.type === 'tere:answered');
  assert.deepEqual(answered.map((m) => [m.try, m.hintsUsed, m.final, m.correct]), [[1, 2, false, false], [2, 2, true, false]],
    'a hint asked, a wrong try (with the second hint), then right');
  assert.equal(Math.round(answered[1].credit * 100) / 100, Math.round(penalised(quiz, 1, 2, 1) * 100) / 100, 'less the second try and the hint asked');
  // The rest wrong, then practise: the host hears practice as practice, nothing else.
  await frame.locator('[data-action="next"]').click();
  await playOn(frame, quiz, () => false);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:completed'));
  const before = (await page.evaluate(() => window.messages)).length;
  await frame.locator('[data-action="practice"]').click();
  await answer(frame, quiz, true);
  await check(frame);
  await page.waitForFunction((n) => window.messages.slice(n).some((m) => m.type === 'tere:practised'), before);
  const later = (await page.evaluate(() => window.messages)).slice(before).filter((m) => m.type !== 'tere:resize');
  assert.deepEqual(later.map((m) => m.type), ['tere:practised'], 'no answered, progress or completed for practice');
  assert.equal(later[0].practice, true);
  assert.equal(later[0].correct, true);
  await page.close();
});

test('screenshots at 375 and 1280 px: a question with a hint shown, and after a wrong first try', async () => {
  for (const width of [375, 1280]) {
    const page = await openPage(browser, url(`?quiz=${QUIZ}&host=standalone`), { width, height: 800 });
    await page.locator('[data-action="start"]').click();
    await page.locator('[data-action="hint"]').click();
    await page.locator('ol.hints li.hint').first().waitFor();
    await screenshot(page, `practice-hint-${width}`);
    await answer(page, quizById(QUIZ), false);
    await check(page);
    await page.locator('.feedback[data-final="false"]').waitFor();
    assert.equal(await page.locator('label.option.missed').count(), 0, 'the right answer is not revealed');
    await screenshot(page, `practice-wrong-try-${width}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
