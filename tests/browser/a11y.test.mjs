// Every learner can finish: axe-core finds no WCAG 2.1 A/AA violation on any screen,
// nothing scrolls sideways down to 320 px, touch targets are at least 44 px, and
// screenshots of every screen exist at 320, 375 and 1280 px, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, answer, delivered, screenshot, reachType, quizPerType, COURSE, DIST, check, audit } from './harness.mjs';

let server; let browser;
const THEME_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-theme-'));
fs.writeFileSync(path.join(THEME_DIR, 'green.css'), ':root { --tere-accent: #0b6b4f; --tere-radius: 2px; }\n');

before(async () => {
  server = await serve({ '/w/theme/': THEME_DIR, '/w/': DIST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});


/** Interactive elements smaller than 44 × 44 CSS pixels (inline links excepted). */
async function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('button, select, textarea, label.option, summary, .quiz-entry')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.height < 44 || r.width < 44)
    .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.width)}×${Math.round(r.height)}`));
}

const TYPES = quizPerType();

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`axe: no violations on any screen at ${width} px, ${scheme}`, async () => {
      const page = await openPage(browser, `${server.base}/w/index.html?host=standalone`, { width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await audit(page, 'menu');
      for (const [type, quiz] of TYPES) {
        await delivered(page); // the last check's save must not land after the clear
        await page.evaluate(() => localStorage.clear()); // start afresh, not resume
        await page.goto(`${server.base}/w/index.html?host=standalone&quiz=${quiz.id}`);
        await page.locator('[data-action="start"]').click();
        await reachType(page, quiz, type);
        await audit(page, `${type} before checking`);
        await answer(page, quiz, false);
        await check(page);
        await page.locator('.feedback').waitFor();
        await audit(page, `${type} after checking`);
      }
      // A whole short quiz to its summary and review.
      const quiz = COURSE.quizzes.find((q) => q.id === 'kontakti_loomine');
      await delivered(page);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${server.base}/w/index.html?host=standalone&quiz=${quiz.id}`);
      await page.locator('[data-action="start"]').click();
      for (;;) {
        await answer(page, quiz, false);
        await check(page);
        if (await page.locator('[data-action="finish"]').count()) break;
        await page.locator('[data-action="next"]').click();
      }
      await page.locator('[data-action="finish"]').click();
      await audit(page, 'summary');
      await page.locator('[data-action="review"]').click();
      await page.locator('.review-full').waitFor();
      assert.equal(await page.locator('.review-entry').count(), quiz.questions.length);
      assert.ok(await page.locator('.review-entry dd').first().textContent());
      await audit(page, 'review');
      await page.context().close();
    });
  }
}

test('from 320 px up nothing scrolls sideways and touch targets are at least 44 px; screenshots light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [320, 375, 1280]) {
      const page = await openPage(browser, `${server.base}/w/index.html?host=standalone`, { width, height: 720 });
      await page.emulateMedia({ colorScheme: scheme });
      const shots = [];
      const look = async (name) => {
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, `${name} scrolls sideways at ${width}px`);
        assert.deepEqual(await smallTargets(page), [], `${name} at ${width}px`);
        shots.push(name);
        await screenshot(page, `screen-${scheme}-${width}-${name}`);
      };
      await look('menu');
      const quiz = COURSE.quizzes.find((q) => q.id === 'ettevalmistus');
      await page.locator(`[data-quiz-id="${quiz.id}"]`).click();
      await look('intro');
      await page.locator('[data-action="start"]').click();
      for (let n = 0; ; n++) {
        const type = await page.locator('section.question').getAttribute('data-question-type');
        if (n < 3 || ['ordering', 'matching', 'reflection'].includes(type)) await look(`q${n + 1}-${type}`);
        await answer(page, quiz, n % 3 !== 0);
        await check(page);
        if (n === 0) await look(`q1-${type}-checked`);
        if (await page.locator('[data-action="finish"]').count()) break;
        await page.locator('[data-action="next"]').click();
      }
      await page.locator('[data-action="finish"]').click();
      await look('summary');
      await page.locator('[data-action="review"]').click();
      await look('review');
      await page.context().close();
    }
  }
});

test('?theme= overrides the custom properties with a stylesheet beside the widget, and refuses other sites', async () => {
  const accent = async (query) => {
    const page = await openPage(browser, `${server.base}/w/index.html?host=standalone&quiz=kontakti_loomine${query}`);
    await page.waitForTimeout(100);
    const style = await page.locator('[data-action="start"]').evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopLeftRadius]);
    const links = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    await page.context().close();
    return { style, links };
  };
  assert.deepEqual((await accent('')).style, ['rgb(31, 95, 191)', '10px']);
  assert.deepEqual((await accent('&theme=theme/green.css')).style, ['rgb(11, 107, 79)', '2px']);
  const refused = await accent(`&theme=${encodeURIComponent('https://evil.example/x.css')}`);
  assert.ok(!refused.links.some((h) => h.includes('evil')), JSON.stringify(refused.links));
});
