// The whole course as learners meet it: every quiz to the end, every question type
// by keyboard alone, and every question type on a phone and a desktop screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, playQuiz, playOn, summary, answer, screenshot, reachType, quizPerType, COURSE, DIST } from './harness.mjs';

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

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page, selector, backwards = false) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

const focused = (page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));

/** Answers the question on screen correctly using only the keyboard. */
async function keyboardAnswer(page) {
  const section = page.locator('section.question');
  const type = await section.getAttribute('data-question-type');
  const id = await section.getAttribute('data-question-id');
  const q = COURSE.quizzes.flatMap((x) => x.questions).find((x) => x.id === id);
  switch (type) {
    case 'single': case 'scenario': case 'true_false': {
      const shown = await page.locator('label[data-option-index]').evaluateAll((els) => els.map((e) => Number(e.dataset.optionIndex)));
      const right = type === 'true_false' ? (q.answer ? 0 : 1) : q.options.findIndex((o) => o.correct);
      await tabTo(page, 'input[type=radio]');
      await page.keyboard.press('Space');
      for (let i = 0; i < shown.indexOf(right); i++) await page.keyboard.press('ArrowDown');
      break;
    }
    case 'multiple':
      for (const [i, o] of q.options.entries()) {
        if (!o.correct) continue;
        await tabTo(page, `label[data-option-index="${i}"] input`);
        await page.keyboard.press('Space');
      }
      break;
    case 'ordering':
      for (let target = 0; target < q.items.length; target++) {
        const order = await page.locator('li.order-item').evaluateAll((els) => els.map((e) => Number(e.dataset.itemIndex)));
        const moves = order.indexOf(target) - target;
        if (moves <= 0) continue;
        await tabTo(page, `li[data-item-index="${target}"] [data-action="move-up"]`, true);
        // Focus follows the item, so Enter keeps moving the same item.
        for (let i = 0; i < moves; i++) await page.keyboard.press('Enter');
      }
      break;
    case 'matching':
      for (let i = 0; i < q.pairs.length; i++) {
        const values = await page.locator(`select[data-pair-index="${i}"] option`).evaluateAll((els) => els.map((e) => e.value));
        await tabTo(page, `select[data-pair-index="${i}"]`);
        for (let k = 0; k < values.indexOf(String(i)); k++) await page.keyboard.press('ArrowDown');
      }
      break;
    case 'reflection':
      await tabTo(page, 'textarea');
      await page.keyboard.type('Märkan oma tuju enne vahetust ja jätan mured ukse taha.');
      break;
    default:
      throw new Error(type);
  }
  return type;
}

test('a learner finishes a quiz with every question type using only the keyboard', async () => {
  const page = await openPage(browser, url('?quiz=ettevalmistus&host=standalone'));
  const seen = new Set();
  await tabTo(page, '[data-action="start"]');
  await page.keyboard.press('Enter');
  for (;;) {
    await page.locator('section.question').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tere-heading', 'focus moves to the new question');
    seen.add(await keyboardAnswer(page));
    await tabTo(page, '[data-action="check"]');
    await page.keyboard.press('Enter');
    await page.locator('.feedback').waitFor();
    assert.match(await page.locator('.feedback .verdict').textContent(), /Õige|Vastus on salvestatud/, await focused(page));
    const last = await page.locator('[data-action="finish"]').count();
    await tabTo(page, last ? '[data-action="finish"]' : '[data-action="next"]');
    await page.keyboard.press('Enter');
    if (last) break;
  }
  assert.deepEqual(await summary(page), { score: 100, passed: true });
  for (const type of ['single', 'multiple', 'true_false', 'ordering', 'matching', 'scenario', 'reflection']) {
    const quizzesWithType = COURSE.quizzes.find((x) => x.id === 'ettevalmistus').questions.some((x) => x.type === type);
    if (quizzesWithType) assert.ok(seen.has(type), `${type} answered by keyboard`);
  }
  await page.context().close();
});

test('every question type has been seen by keyboard somewhere in the course', async () => {
  const types = new Set(COURSE.quizzes.flatMap((q) => q.questions.map((x) => x.type)));
  assert.deepEqual([...types].sort(), ['matching', 'multiple', 'ordering', 'reflection', 'scenario', 'single', 'true_false']);
  const inFirstStage = new Set(COURSE.quizzes.find((x) => x.id === 'ettevalmistus').questions.map((x) => x.type));
  const missing = [...types].filter((t) => !inFirstStage.has(t));
  // Types the keyboard test above does not meet are played here by keyboard.
  for (const type of missing) {
    const quiz = COURSE.quizzes.find((x) => x.questions.some((q) => q.type === type));
    const page = await openPage(browser, url(`?quiz=${quiz.id}&host=standalone`));
    await page.locator('[data-action="start"]').click();
    await reachType(page, quiz, type);
    await keyboardAnswer(page);
    await tabTo(page, '[data-action="check"]');
    await page.keyboard.press('Enter');
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
      await page.locator('[data-action="check"]').click();
      await screenshot(page, `type-${type}-${width}-checked`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `${type} scrolls sideways at ${width}px`);
      await page.context().close();
    }
  }
});
