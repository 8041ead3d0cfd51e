// The vertical slice as a learner uses it: the built dist over http, under a nested path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, playQuiz, summary, quizById, screenshot, answer, COURSE, DIST, check } from './harness.mjs';

const STAGE_ONE = 'kontakti_loomine';
let server; let browser;

before(async () => {
  server = await serve({ '/a/b/': DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (query = '') => `${server.base}/a/b/index.html${query}`;

test('the menu lists every quiz and loads from a nested path without 404s', async () => {
  const page = await openPage(browser, url());
  const ids = await page.locator('[data-quiz-id]').evaluateAll((els) => els.map((e) => e.dataset.quizId));
  assert.deepEqual(ids, COURSE.quizzes.map((q) => q.id));
  assert.match(await page.locator('.status').first().textContent(), /Alustamata/);
  assert.deepEqual(server.missing, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('stage I played all correct scores 100 and passes', async () => {
  const page = await openPage(browser, url());
  await page.locator(`[data-quiz-id="${STAGE_ONE}"]`).click();
  const quiz = quizById(STAGE_ONE);
  const expected = await playQuiz(page, quiz, () => true);
  assert.equal(expected.answered, quiz.questions.length);
  assert.deepEqual(await summary(page), { score: 100, passed: true });
  await page.locator('[data-action="menu"]').click();
  assert.match(await page.locator(`[data-quiz-id="${STAGE_ONE}"] .status`).textContent(), /Läbitud · Parim tulemus 100%/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('stage I with mistakes shows the score the scoring rule gives', async () => {
  const page = await openPage(browser, url(`?quiz=${STAGE_ONE}`));
  const quiz = quizById(STAGE_ONE);
  // Every third question wrong: a failing score below the pass mark.
  const expected = await playQuiz(page, quiz, (i) => i % 3 !== 0);
  const shown = await summary(page);
  assert.equal(shown.score, expected.score);
  assert.equal(shown.passed, expected.passed);
  assert.ok(shown.score < 100 && shown.score > 0, `score ${shown.score}`);
  assert.equal(await page.locator('ol.review li').count(), quiz.questions.length);
  // Retry starts a fresh attempt at question 1.
  await page.locator('[data-action="retry"]').click();
  assert.match(await page.locator('.progress-label').textContent(), new RegExp(`Küsimus 1/${quiz.questions.length}`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('?quiz= opens one quiz with no menu; check stays disabled until answered; double check counts once', async () => {
  const page = await openPage(browser, url(`?quiz=${STAGE_ONE}`));
  assert.equal(await page.locator('[data-quiz-id]').count(), 1); // the intro carries its quiz id
  assert.equal(await page.locator('[data-action="menu"]').count(), 0);
  await page.locator('[data-action="start"]').click();
  assert.ok(await page.locator('[data-action="check"]').isDisabled());
  const quiz = quizById(STAGE_ONE);
  await answer(page, quiz, true);
  await page.locator('[data-action="check"]').dblclick();
  assert.equal(await page.locator('.feedback').count(), 1);
  assert.match(await page.locator('.progress-label').textContent(), /Küsimus 1\//);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('?lang= picks the UI language; otherwise the UI speaks the language of the quiz on screen; content keeps its own', async () => {
  const FINNISH = 'palvelutapahtuma';
  for (const [query, locale, quizId, start, uiLang] of [
    ['?lang=en', 'et-EE', STAGE_ONE, 'Start', 'en'],
    ['?lang=fi', 'et-EE', STAGE_ONE, 'Aloita', 'fi'],
    ['', 'en-GB', STAGE_ONE, 'Alusta', 'et'], // an Estonian quiz in an English browser
    ['', 'fi-FI', STAGE_ONE, 'Alusta', 'et'],
    ['', 'et-EE', FINNISH, 'Aloita', 'fi'],
    ['?lang=et', 'en-GB', FINNISH, 'Alusta', 'et'],
  ]) {
    const page = await openPage(browser, url(`${query}${query ? '&' : '?'}quiz=${quizId}`), { locale });
    assert.equal(await page.locator('[data-action="start"]').textContent(), start, `${query} ${locale} ${quizId}`);
    assert.equal(await page.locator('.tere').getAttribute('lang'), uiLang, `${query} ${locale} ${quizId}: the widget root`);
    await page.locator('[data-action="start"]').click();
    assert.equal(await page.locator('.question .content').getAttribute('lang'), quizById(quizId).lang);
    await page.context().close();
  }
});

test('without ?lang=, the UI language follows the screen: Estonian menu, Finnish stage, Estonian menu again', async () => {
  const page = await openPage(browser, url(), { locale: 'en-GB' });
  assert.equal(await page.locator('.tere').getAttribute('lang'), 'et');
  await page.locator('[data-quiz-id="palvelutapahtuma"]').click();
  assert.equal(await page.locator('[data-action="start"]').textContent(), 'Aloita');
  assert.equal(await page.locator('.tere').getAttribute('lang'), 'fi');
  await page.locator('[data-action="menu"]').click();
  assert.equal(await page.locator('.tere').getAttribute('lang'), 'et');
  assert.match(await page.locator('.status').first().textContent(), /Alustamata/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('screenshots of each screen at phone and desktop widths', async () => {
  for (const width of [375, 1280]) {
    const page = await openPage(browser, url(), { width, height: 800 });
    await screenshot(page, `slice-${width}-menu`);
    await page.locator(`[data-quiz-id="${STAGE_ONE}"]`).click();
    await screenshot(page, `slice-${width}-intro`);
    await page.locator('[data-action="start"]').click();
    await screenshot(page, `slice-${width}-question`);
    await answer(page, quizById(STAGE_ONE), false);
    await check(page);
    await screenshot(page, `slice-${width}-feedback`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `horizontal scroll at ${width}px`);
    await page.context().close();
  }
});
