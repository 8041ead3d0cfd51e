// The whole course as learners meet it: every quiz to the end, every question type
// by keyboard alone, and every question type on a phone and a desktop screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, playQuiz, playOn, summary, answer, screenshot, reachType, quizPerType, tabTo, keyboardAnswer, COURSE, DIST, check, keyboardCheck } from './harness.mjs';

let server; let browser;
before(async () => {
  server = await serve({ '/course/': DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
const url = (query) => `${server.base}/course/index.html${query}`;

for (const quiz of COURSE.quizzes) {
  test(`quiz ${quiz.id} (${quiz.lang}) plays to the end: all right scores 100, mistakes score by the rule`, async () => {
    const page = await openPage(browser, url(`?quiz=${quiz.id}&host=standalone`));
    assert.equal(await page.locator('.intro [lang]').first().getAttribute('lang'), quiz.lang);
    const right = await playQuiz(page, quiz);
    assert.equal(right.answered, quiz.draw ?? quiz.questions.length);
    assert.deepEqual(await summary(page), { score: 100, passed: true });
    await page.locator('[data-action="retry"]').click();
    const wrong = await playOn(page, quiz, (i) => i % 2 === 0);
    assert.deepEqual(await summary(page), { score: wrong.score, passed: wrong.passed });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

const focused = (page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));

test('a learner finishes a quiz with every question type using only the keyboard', async () => {
  const page = await openPage(browser, url('?quiz=ettevalmistus&host=standalone'));
  const seen = new Set();
  await tabTo(page, '[data-action="start"]');
  await page.keyboard.press('Enter');
  for (;;) {
    await page.locator('section.question').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tere-heading', 'focus moves to the new question');
    seen.add(await page.locator('section.question').getAttribute('data-question-type'));
    await keyboardAnswer(page);
    await keyboardCheck(page);
    await page.locator('.feedback').waitFor();
    assert.match(await page.locator('.feedback .verdict').textContent(), /Õige|Vastus on salvestatud/, await focused(page));
    const last = await page.locator('[data-action="finish"]').count();
    await tabTo(page, last ? '[data-action="finish"]' : '[data-action="next"]');
    await page.keyboard.press('Enter');
    if (last) break;
  }
  assert.deepEqual(await summary(page), { score: 100, passed: true });
  for (const type of ['single', 'multiple', 'true_false', 'ordering', 'matching', 'scenario', 'reflection', 'dialogue']) {
    const quizzesWithType = COURSE.quizzes.find((x) => x.id === 'ettevalmistus').questions.some((x) => x.type === type);
    if (quizzesWithType) assert.ok(seen.has(type), `${type} answered by keyboard`);
  }
  await page.context().close();
});

test('every question type has been seen by keyboard somewhere in the course', async () => {
  const types = new Set(COURSE.quizzes.flatMap((q) => q.questions.map((x) => x.type)));
  assert.deepEqual([...types].sort(), ['dialogue', 'matching', 'multiple', 'ordering', 'reflection', 'scenario', 'single', 'true_false']);
  const inFirstStage = new Set(COURSE.quizzes.find((x) => x.id === 'ettevalmistus').questions.map((x) => x.type));
  const missing = [...types].filter((t) => !inFirstStage.has(t));
  // Types the keyboard test above does not meet are played here by keyboard.
  for (const type of missing) {
    const quiz = COURSE.quizzes.find((x) => x.questions.some((q) => q.type === type));
    const page = await openPage(browser, url(`?quiz=${quiz.id}&host=standalone`));
    await page.locator('[data-action="start"]').click();
    await reachType(page, quiz, type);
    await keyboardAnswer(page);
    await keyboardCheck(page);
    assert.match(await page.locator('.feedback .verdict').textContent(), /Õige|Oikein/);
    await page.context().close();
  }
});

test('screenshots of every question type, before and after checking, at 375 and 1280 px', async () => {
  for (const width of [375, 1280]) {
    for (const [type, quiz] of quizPerType()) {
      const page = await openPage(browser, url(`?quiz=${quiz.id}&host=standalone`), { width, height: 800 });
      await page.locator('[data-action="start"]').click();
      await reachType(page, quiz, type);
      await screenshot(page, `type-${type}-${width}`);
      await answer(page, quiz, false);
      await check(page);
      await screenshot(page, `type-${type}-${width}-checked`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `${type} scrolls sideways at ${width}px`);
      await page.context().close();
    }
  }
});
