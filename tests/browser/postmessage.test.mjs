// A plain iframe host: the documented tere:* messages, in order, to the host's origin only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, quizById, playQuiz, DIST, check } from './harness.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let host; let foreign; let browser;

before(async () => {
  // Two origins: the host page's own, and another one that must get nothing.
  host = await serve({ '/examples/': path.join(ROOT, 'examples'), '/dist/': DIST });
  foreign = await serve({ '/examples/': path.join(ROOT, 'examples') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await foreign?.close();
});

async function embed(base, src) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${base}/examples/host.html?src=${encodeURIComponent(src)}`);
  return { page, frame: page.frameLocator('#tere') };
}

const messages = (page) => page.evaluate(() => window.messages);
const kinds = (list) => list.map((m) => m.type).filter((t) => t !== 'tere:resize');

test('events arrive in order with the documented shapes, and the iframe is sized to fit', async () => {
  const quiz = quizById('kontakti_loomine');
  const { page, frame } = await embed(host.base, `${host.base}/dist/index.html?quiz=${quiz.id}`);
  const expected = await playQuiz(frame, quiz, (i) => i % 3 !== 2);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:completed'));
  const all = await messages(page);
  for (const m of all) assert.equal(m.version, 1);
  const order = kinds(all);
  assert.equal(order[0], 'tere:ready');
  assert.equal(order.at(-1), 'tere:completed');
  // A dialogue's replies come first as `tere:answered` with a `step` each.
  const replies = all.filter((m) => m.type === 'tere:answered' && m.step !== undefined);
  assert.deepEqual(kinds(all.filter((m) => m.step === undefined)).slice(1, -1), Array.from({ length: expected.answered }, () => ['tere:answered', 'tere:progress']).flat());
  assert.deepEqual(replies.map((m) => `${m.questionId}__${m.step}`), expected.records.filter((r) => r.id.includes('__')).map((r) => r.id));
  const ready = all.find((m) => m.type === 'tere:ready');
  assert.ok(ready.quizzes.some((q) => q.id === quiz.id && typeof q.title === 'string'));
  const answered = all.filter((m) => m.type === 'tere:answered' && m.step === undefined);
  assert.deepEqual(answered.map((m) => m.questionId), expected.ids);
  answered.forEach((m, n) => {
    assert.equal(m.quiz, quiz.id);
    assert.equal(m.position, n + 1);
    assert.equal(m.total, expected.answered);
    assert.equal(m.credit, expected.credits[n]);
    assert.equal(m.correct, expected.credits[n] === null ? null : expected.credits[n] >= 1);
    assert.ok(Array.isArray(m.response) || typeof m.response === 'string');
  });
  const progress = all.filter((m) => m.type === 'tere:progress');
  assert.deepEqual(progress.map((m) => m.answered), expected.ids.map((_, n) => n + 1));
  assert.equal(progress.at(-1).percent, 100);
  const completed = all.find((m) => m.type === 'tere:completed');
  assert.equal(completed.score, expected.score);
  assert.equal(completed.passed, expected.passed);
  assert.equal(completed.passMark, quiz.passMark);
  assert.deepEqual(completed.questions.map((q) => q.id), expected.ids);
  // Resize messages carry the content height, and the example host applies it.
  const heights = all.filter((m) => m.type === 'tere:resize').map((m) => m.height);
  assert.ok(heights.length >= 2 && heights.every((h) => Number.isInteger(h) && h > 100), JSON.stringify(heights));
  const frameHeight = await page.evaluate(() => document.getElementById('tere').getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - heights.at(-1)) <= 2, `${frameHeight} vs ${heights.at(-1)}`);
  const scrolls = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 1);
  assert.equal(scrolls, false, 'the iframe shows the whole widget without a scrollbar');
  // A host that listens late asks again.
  await page.evaluate(() => window.hello());
  await page.waitForFunction(() => window.messages.filter((m) => m.type === 'tere:ready').length === 2);
  await page.close();
});

test('without hostOrigin the referrer origin receives the events', async () => {
  const quiz = quizById('kontakti_loomine');
  const { page, frame } = await embed(host.base, `${host.base}/dist/index.html?quiz=${quiz.id}&hostOrigin=`);
  await frame.locator('[data-action="start"]').click();
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:ready'));
  await page.close();
});

test('a page of another origin gets nothing', async () => {
  const quiz = quizById('kontakti_loomine');
  // The widget is told its host is `host`, but `foreign` embeds it.
  const { page, frame } = await embed(foreign.base, `${host.base}/dist/index.html?quiz=${quiz.id}&hostOrigin=${encodeURIComponent(host.base)}`);
  await frame.locator('[data-action="start"]').click();
  await frame.locator('label[data-option-index="0"]').click();
  await check(frame);
  await frame.locator('.feedback').waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await messages(page), []);
  await page.close();
});
