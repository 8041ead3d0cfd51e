// The course is data: the player fetches its packs at run time. When a pack cannot be
// fetched, arrives damaged, or comes from a newer Tere, the learner reads a plain
// message and gets a working retry, and the host hears `tere:error`; an LMS is never
// left with an open session. A second course is packaged with the same built player
// (no wasm build) and plays in the LMS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, quizById, playQuiz, playSome, summary, unzip, unload, screenshot, DIST, DIST_SCORM } from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PACKAGES = path.join(DIST, 'packages');
const SECOND = JSON.parse(fs.readFileSync(process.env.TERE_SECOND_COURSE_JSON ?? 'target/tere-test/second-course.json', 'utf8'));
const MOODLE_PATH = '/pluginfile.php/12/mod_scorm/content/1/';
const STAGE = 'kontakti_loomine';
const PACK = `quiz-${STAGE}.pack`;
/** The pack format this player reads (engine/src/packed.rs `FORMAT`), at byte 8 of the header. */
const FORMAT_BYTE = 8;
let server; let browser;

before(async () => {
  server = await serve({
    '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'),
    '/lms/': path.join(ROOT, 'tests/hosts'),
    '/site/': DIST,
    '/scorm/': DIST_SCORM,
    '/examples/': path.join(ROOT, 'examples'),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const realPack = () => fs.readFileSync(path.join(DIST, 'content', PACK));

/** The ways a stage's pack can go wrong: how the route answers, and what the learner reads. */
const FAULTS = {
  'cannot be fetched': { answer: (route) => route.abort('internetdisconnected'), says: /Testi sisu ei õnnestunud laadida/, tells: /could not be fetched/ },
  'arrives damaged': {
    answer: (route) => { const b = realPack(); b[b.length - 5] ^= 0x20; return route.fulfill({ body: b, contentType: 'application/octet-stream' }); },
    says: /Testi sisu on rikutud/,
    tells: /damaged/,
  },
  'comes from a newer Tere': {
    answer: (route) => { const b = realPack(); b[FORMAT_BYTE] += 1; return route.fulfill({ body: b, contentType: 'application/octet-stream' }); },
    says: /uuema versiooniga/,
    tells: /newer version of Tere/,
  },
  'is an HTML error page': {
    answer: (route) => route.fulfill({ body: '<!doctype html><p>Service unavailable</p>', contentType: 'text/html' }),
    says: /Testi sisu on rikutud/,
    tells: /not a Tere course pack/,
  },
};

for (const [fault, { answer, says, tells }] of Object.entries(FAULTS)) {
  test(`a stage whose pack ${fault}: a plain message, tere:error to the host, and a retry that works`, async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'et-EE' });
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    let broken = true;
    await page.route(`**/content/${PACK}`, (route) => (broken ? answer(route) : route.continue()));
    const src = `${server.base}/site/index.html?quiz=${STAGE}`;
    await page.goto(`${server.base}/examples/host.html?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#tere');
    const failed = frame.locator('.load-failed[role="alert"]');
    await failed.waitFor();
    assert.match(await failed.textContent(), says);
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'tere:error'));
    const error = await page.evaluate(() => window.messages.find((m) => m.type === 'tere:error'));
    assert.match(error.message, tells);
    assert.equal(await frame.locator('[data-action="start"]').count(), 0, 'nothing of the quiz is shown');
    if (fault === 'cannot be fetched') await screenshot(page, 'content-load-failed-375');
    // The learner retries once the pack is back: the quiz plays.
    broken = false;
    await frame.locator('[data-action="reload-content"]').click();
    await frame.locator('.tere[data-launched] [data-action="start"]').click();
    const tally = await playSome(frame, quizById(STAGE), 1);
    assert.equal(tally.position, 1);
    assert.deepEqual(page.errors, [], 'no uncaught error, no panic');
    await page.close();
  });
}

test('in an LMS, a pack that cannot be fetched opens no session; the retry launches and ends it cleanly', async () => {
  const page = await browser.newPage({ locale: 'et-EE' });
  let broken = true;
  await page.route(`**/content/${PACK}`, (route) => (broken ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${server.base}/lms/lms.html?v=2004&launch=${encodeURIComponent(`/scorm/index.html?quiz=${STAGE}`)}`);
  const frame = page.frameLocator('#sco');
  await frame.locator('.load-failed').waitFor();
  assert.deepEqual(await page.evaluate(() => window.calls.map((c) => c.method)), [], 'no LMS call while the course is missing');
  broken = false;
  await frame.locator('[data-action="reload-content"]').click();
  await frame.locator('.tere[data-launched] [data-action="start"]').click();
  await playSome(frame, quizById(STAGE), 2);
  await unload(page);
  const methods = await page.evaluate(() => window.calls.map((c) => c.method));
  assert.equal(methods.filter((m) => m === 'Initialize').length, 1);
  assert.equal(methods.at(-1), 'Terminate');
  assert.deepEqual(violations('2004', await page.evaluate(() => window.calls)), []);
  await page.close();
});

test('a slow pack shows the loading state, then the quiz', async () => {
  const page = await browser.newPage({ locale: 'et-EE' });
  await page.route(`**/content/${PACK}`, async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto(`${server.base}/site/index.html?quiz=${STAGE}`);
  const loading = page.locator('.tere-loading .loading[role="status"]');
  await page.waitForTimeout(700);
  assert.ok(await loading.isVisible(), 'after a moment the learner sees that the quiz is loading');
  assert.match(await loading.textContent(), /Laadin testi/);
  await page.locator('.tere[data-launched] [data-action="start"]').waitFor();
  await page.close();
});

test('a stage fetches the course index and its own pack, once each, and no other stage', async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/content/')) fetched.push(new URL(r.url()).pathname.split('/content/')[1]); });
  await page.goto(`${server.base}/site/index.html?quiz=${STAGE}`);
  await page.locator('.tere[data-launched] [data-action="start"]').waitFor();
  assert.deepEqual(fetched.sort(), ['course.pack', PACK]);
  await page.close();
});

/** Every file of an unpacked package but its manifest and its course (packs and source), path → bytes. */
function playerFiles(dir) {
  const out = {};
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const name = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(name);
      else if (name !== 'imsmanifest.xml' && !name.startsWith('content/') && !name.startsWith('source/')) out[name] = fs.readFileSync(path.join(dir, name));
    }
  };
  walk('');
  return out;
}

test('a second course is packaged with the built player (no wasm build, identical player files) and plays in the LMS', async (t) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-second-'));
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const built = fs.statSync(path.join(DIST, wasm)).mtimeMs;
  const log = execFileSync('cargo', ['xtask', 'package', '--course', path.join(ROOT, 'tests/second-course'), '--out', out], { cwd: ROOT, stdio: 'pipe' }).toString();
  assert.match(log, /not rebuilt/);
  assert.equal(fs.statSync(path.join(DIST, wasm)).mtimeMs, built, 'the player in dist/ was not rebuilt');
  const quiz = SECOND.quizzes[0];
  const second = unzip(path.join(out, `tere-scorm2004-${quiz.id}.zip`));
  const builtin = unzip(path.join(PACKAGES, `tere-scorm2004-${STAGE}.zip`));
  const [mine, theirs] = [playerFiles(second.dir), playerFiles(builtin.dir)];
  assert.deepEqual(Object.keys(mine).sort(), Object.keys(theirs).sort());
  for (const name of Object.keys(mine)) assert.ok(mine[name].equals(theirs[name]), `${name} is the same player file`);
  const packs = ['content/course.pack', `content/quiz-${quiz.id}.pack`];
  assert.deepEqual(second.list.filter((f) => f.startsWith('content/')).sort(), packs.flatMap((p) => [p, `${p}.gz`]), 'each pack and its gzip copy');
  execFileSync('xmllint', ['--noout', '--schema', path.join(process.env.TERE_SCORM_XSD ?? path.resolve(ROOT, '../shared/scorm-xsd'), 'scorm2004/wrapper2004.xsd'), path.join(second.dir, 'imsmanifest.xml')], { stdio: 'pipe' });

  const lms = await serve({ '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), [MOODLE_PATH]: second.dir });
  // A failing assertion must not leave this server open: the test file would never end.
  t.after(() => lms.close());
  const page = await browser.newPage();
  await page.goto(`${lms.base}/lms/lms.html?v=2004&launch=${encodeURIComponent(`${MOODLE_PATH}index.html?quiz=${quiz.id}`)}`);
  const frame = page.frameLocator('#sco');
  assert.equal(await frame.locator('h1, h2').first().textContent(), quiz.title);
  const expected = await playQuiz(frame, quiz, (i) => i !== 1);
  assert.deepEqual(await summary(frame), { score: expected.score, passed: expected.passed });
  await unload(page);
  const data = await page.evaluate(() => window.cmiData());
  assert.equal(data['cmi.score.raw'], String(expected.score));
  assert.equal(data['cmi.success_status'], expected.passed ? 'passed' : 'failed');
  assert.deepEqual(violations('2004', await page.evaluate(() => window.calls)), []);
  assert.deepEqual(lms.missing, []);
  await page.close();
});
