// Pictures and sound (issue 26): a small course with two pictures and a sound
// (tests/media-course), packaged here with the built players, played on the site, in
// a plain iframe host and as the offline page from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, screenshot, audit } from './harness.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const COURSE = path.join(ROOT, 'tests/media-course');
let out; let site; let broken; let browser;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-media-'));
  execFileSync('cargo', ['xtask', 'package', '--course', COURSE, '--out', out], { cwd: ROOT, stdio: 'pipe' });
  // The same site with the first question's picture gone (a damaged upload).
  const damaged = path.join(out, 'damaged');
  fs.cpSync(path.join(out, 'site'), damaged, { recursive: true });
  site = await serve({ '/site/': path.join(out, 'site'), '/examples/': path.join(ROOT, 'examples') });
  broken = await serve({ '/site/': damaged, '/examples/': path.join(ROOT, 'examples') });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await broken?.close();
});

/** Layout shifts from the page's start, summed (CLS as the browser counts it). */
const WATCH_SHIFTS = () => {
  window.shifts = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value; }).observe({ type: 'layout-shift', buffered: true });
};

async function openQuiz(url, width) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.addInitScript(WATCH_SHIFTS);
  await page.goto(url);
  await page.locator('[data-action="start"]').click();
  await page.locator('section.question').waitFor();
  return page;
}

async function next(page, choice) {
  await page.getByRole('radio', { name: choice }).first().check();
  await page.locator('[data-action="check"]').click();
  await page.locator('[data-action="next"]').click();
  await page.locator('section.question').waitFor();
}

for (const width of [375, 1280]) {
  test(`a picture at ${width} px: its alt text, its space kept from the start, only its own file fetched`, async () => {
    site.served.length = 0;
    const page = await openQuiz(`${site.base}/site/index.html?quiz=pildid`, width);
    const picture = page.locator('section.question figure.media img');
    assert.match(await picture.getAttribute('alt'), /^Klient hoiab veekeetjat/);
    assert.equal(await picture.getAttribute('loading'), 'lazy');
    await page.waitForFunction(() => document.querySelector('figure.media img').complete);
    assert.ok(await picture.evaluate((img) => img.naturalWidth > 0), 'the picture arrived');
    const box = await picture.boundingBox();
    assert.ok(box.width <= width && Math.abs(box.width / box.height - 480 / 320) < 0.02, `scaled to the column, its shape kept: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => window.shifts), 0, 'nothing moved when the picture arrived (CLS 0)');
    const media = site.served.filter((s) => s.url.includes('/content/media/')).map((s) => s.url);
    assert.deepEqual(media, [new URL(await picture.evaluate((img) => img.src)).pathname], 'the cold load fetches no other question\'s media');
    await screenshot(page, `media-picture-${width}`);
    await audit(page, `a question with a picture at ${width} px`);
    assert.deepEqual(page.errors, []);
  });
}

test('a sound: the browser\'s own controls, never playing by itself; its transcript opens', async () => {
  const page = await openQuiz(`${site.base}/site/index.html?quiz=pildid`, 375);
  await next(page, 'Ostetud veekeetja lekib.');
  await next(page, /Tõene/);
  const sound = page.locator('section.question figure.media audio');
  assert.notEqual(await sound.getAttribute('controls'), null, 'the browser\'s controls');
  assert.equal(await sound.getAttribute('autoplay'), null);
  assert.equal(await sound.getAttribute('preload'), 'none');
  assert.ok(await sound.evaluate((a) => a.paused), 'not playing');
  const transcript = page.locator('details.transcript');
  assert.equal(await transcript.evaluate((d) => d.open), false);
  await transcript.locator('summary').click();
  assert.equal(await transcript.locator('p').textContent(), 'Tere! Kuidas saan aidata?');
  await screenshot(page, 'media-sound-375');
  await audit(page, 'a question with a sound');
  assert.deepEqual(page.errors, []);
});

test('a missing file: the question still works, its alt text stays, the host hears tere:error once', async () => {
  const probe = await browser.newPage();
  await probe.goto(`${site.base}/site/index.html?quiz=pildid`);
  await probe.locator('[data-action="start"]').click();
  const file = new URL(await probe.locator('figure.media img').evaluate((img) => img.src)).pathname.replace('/site/', '');
  await probe.close();
  fs.rmSync(path.join(out, 'damaged', file));
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${broken.base}/examples/host.html?src=${encodeURIComponent(`${broken.base}/site/index.html?quiz=pildid`)}`);
  const frame = page.frameLocator('#tere');
  await frame.locator('[data-action="start"]').click();
  const picture = frame.locator('figure.media img');
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:error'));
  assert.match(await picture.getAttribute('alt'), /^Klient hoiab veekeetjat/, 'the alt text stands in');
  await frame.getByRole('radio', { name: 'Ostetud veekeetja lekib.' }).check();
  await frame.locator('[data-action="check"]').click();
  await frame.locator('.feedback').waitFor();
  const errors = (await page.evaluate(() => window.messages)).filter((m) => m.type === 'tere:error');
  assert.equal(errors.length, 1, 'once');
  assert.ok(errors[0].message.includes(path.basename(file)), errors[0].message);
});

test('the offline page shows its pictures from file://, embedded', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`file://${path.join(out, 'tere-offline.html')}`);
  await page.locator('[data-action="start"]').click();
  const picture = page.locator('figure.media img');
  assert.match(await picture.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  await page.waitForFunction(() => document.querySelector('figure.media img').complete);
  assert.ok(await picture.evaluate((img) => img.naturalWidth > 0), 'the embedded picture shows');
  await screenshot(page, 'media-offline-375');
  assert.deepEqual(page.errors, []);
});
