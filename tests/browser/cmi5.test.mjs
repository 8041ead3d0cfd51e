// cmi5 and the xAPI launch link against a real LRS (xapi-rs on PostgreSQL, started
// here by tests/browser/lrs.mjs; no mock). This file plays the LMS's part: it imports
// the built tere-cmi5.zip (its cmi5.xml gives each AU's id, launch URL and mastery
// score), writes LMS.LaunchData and the learner preferences into the LRS, serves the
// one-time fetch URL, and launches an AU as cmi5 says; then it reads the LRS's
// statements. The same for tere-xapi.zip launched the way Moodle's xAPI Launch Link
// plugin (mod_tincanlaunch) does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, quizById, playQuiz, playSome, playOn, delivered, screenshot, unzip, audit, DIST } from './harness.mjs';
import { startLrs } from './lrs.mjs';

const PACKAGES = path.join(DIST, 'packages');
const ACTOR = { objectType: 'Agent', name: 'Mari Maasikas', account: { homePage: 'https://moodle.example.ee', name: '1042' } };
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

let lrs; let browser; let lms; let cmi5; let xapi;

/** The LMS: serves an unpacked package under /au/ and /xapi/, and the one-time fetch URLs. */
async function startLms(roots) {
  const tokens = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const fetchId = url.pathname.match(/^\/fetch\/([\w-]+)$/)?.[1];
    if (fetchId && req.method === 'POST') {
      const mode = tokens.get(fetchId) ?? 'fresh';
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (mode === 'refuse') return res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error-code":"2","error-text":"General security error"}');
      tokens.set(fetchId, 'used');
      const body = mode === 'used' ? { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' } : { 'auth-token': Buffer.from(`lms:${fetchId}`).toString('base64') };
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    }
    if (url.pathname === '/returned') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>LMS</title><p>Back in the LMS</p>');
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
        return res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, tokens, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

/** The AUs of a cmi5.xml: { id, url, masteryScore } in order. */
function readAus(xml) {
  return [...xml.matchAll(/<au\b([^>]*)>([\s\S]*?)<\/au>/g)].map(([, attrs, body]) => ({
    id: attrs.match(/\bid="([^"]+)"/)[1],
    masteryScore: Number(attrs.match(/\bmasteryScore="([^"]+)"/)?.[1]),
    url: body.match(/<url>([^<]+)<\/url>/)[1].replace(/&amp;/g, '&'),
  }));
}

before(async () => {
  lrs = await startLrs({ cors: true });
  cmi5 = unzip(path.join(PACKAGES, 'tere-cmi5.zip'));
  xapi = unzip(path.join(PACKAGES, 'tere-xapi.zip'));
  lms = await startLms({ '/au/': cmi5.dir, '/xapi/': xapi.dir });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await lms?.close();
  await lrs?.stop();
});

/** What the LMS does before each launch of an AU (cmi5 section 10): a new session in the launch data. */
async function newSession(au, registration, { mode = 'Normal', returnURL = `${lms.base}/returned` } = {}) {
  const sessionId = crypto.randomUUID();
  const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: au.id }] }, extensions: { [SESSION_ID]: sessionId } };
  await lrs.putState({ activityId: au.id, agent: ACTOR, registration, stateId: 'LMS.LaunchData' },
    { contextTemplate, launchMode: mode, masteryScore: au.masteryScore, moveOn: 'CompletedOrPassed', returnURL });
  return sessionId;
}

/** A learner registered for the stage `quizId` and the unit launched: { au, registration, sessionId, page }. */
async function launchStage(quizId, options = {}, { width = 1280, fetchId = crypto.randomUUID() } = {}) {
  const au = aus().find((a) => a.url.includes(`quiz=${quizId}`));
  assert.ok(au, `cmi5.xml has ${quizId} as an AU`);
  const registration = crypto.randomUUID();
  const sessionId = await newSession(au, registration, options);
  await lrs.putAgentProfile(ACTOR, 'cmi5LearnerPreferences', { languagePreference: 'et-EE' });
  const page = await openAu(launchUrl(au, registration, fetchId), { width });
  return { au, registration, sessionId, page };
}

function launchUrl(au, registration, fetchId) {
  const query = new URLSearchParams({ endpoint: lrs.endpoint, fetch: `${lms.base}/fetch/${fetchId}`, actor: JSON.stringify(ACTOR), registration, activityId: au.id });
  return `${lms.base}/au/${au.url}${au.url.includes('?') ? '&' : '?'}${query}`;
}

async function openAu(url, { width = 1280 } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (process.env.DEBUG_CMI5) console.log('console:', m.text()); });
  await page.goto(url);
  await page.waitForSelector('.tere[data-launched]');
  return page;
}

const aus = () => readAus(fs.readFileSync(path.join(cmi5.dir, 'cmi5.xml'), 'utf8'));
const verb = (s) => s.verb.id.split('/').pop();

/** Every statement of a registration, oldest first, once the widget has sent what waits. */
async function statementsOf(registration, expectedCount) {
  for (let waited = 0; ; waited += 100) {
    const all = await lrs.statements({ registration, ascending: true });
    if (expectedCount === undefined || all.length >= expectedCount || waited > 15_000) return all;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits until the widget has reported every change so far and has nothing waiting
 * (its queue in local storage is empty). */
async function drained(page) {
  await delivered(page);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.endsWith('.~queue')), null, { timeout: 15_000 });
}

test('cmi5: a stage played through reaches the LRS as cmi5 says, with the engine\'s score', async () => {
  const { au, registration, sessionId, page } = await launchStage('ettevalmistus', {}, { width: 375 });
  assert.equal(au.masteryScore, quizById('ettevalmistus').passMark / 100, 'the mastery score is the pass mark');
  const quiz = quizById('ettevalmistus');
  const expected = await playQuiz(page, quiz, (i) => i % 5 !== 2, Math.round(au.masteryScore * 100));
  await drained(page);
  await screenshot(page, 'cmi5-summary-375');
  await page.locator('[data-action="exit"]').click();
  await page.waitForURL(`${lms.base}/returned`);
  const statements = await statementsOf(registration, expected.records.length + 4);
  const verbs = statements.map(verb);
  const judgement = expected.passed ? ['passed'] : ['failed'];
  assert.deepEqual(verbs, ['initialized', ...expected.records.map(() => 'answered'), 'completed', ...judgement, 'terminated']);
  for (const s of statements) {
    assert.deepEqual(s.actor.account, ACTOR.account);
    assert.equal(s.context.registration, registration);
    assert.equal(s.context.extensions[SESSION_ID], sessionId, 'the template\'s session id');
    assert.ok(s.context.contextActivities.grouping.some((a) => a.id === au.id), 'the publisher id grouping stays');
    const categories = (s.context.contextActivities.category ?? []).map((c) => c.id);
    assert.equal(categories.includes(CMI5), verb(s) !== 'answered', `${verb(s)}: cmi5 category only on defined verbs`);
    assert.equal(categories.includes(MOVE_ON), ['completed', 'passed', 'failed'].includes(verb(s)), `${verb(s)}: moveon category`);
    if (verb(s) !== 'answered') assert.equal(s.object.id, au.id);
  }
  // One answered a question (a dialogue: a reply), in order, with the engine's credit.
  const answered = statements.filter((s) => verb(s) === 'answered');
  answered.forEach((s, n) => {
    const record = expected.records[n];
    assert.equal(s.object.id, `${au.id}/question/${record.id}`);
    assert.equal(s.object.definition.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
    assert.ok(s.object.definition.interactionType, record.id);
    assert.ok(s.context.contextActivities.parent.some((a) => a.id === au.id), 'the stage is the parent');
    if (record.credit !== null) assert.ok(Math.abs(s.result.score.scaled - record.credit) < 0.0001, `${record.id}: ${s.result.score.scaled} vs ${record.credit}`);
    assert.ok(s.result.extensions['urn:tere:result:tries'] >= 1);
  });
  const judged = statements.find((s) => verb(s) === judgement[0]);
  assert.equal(judged.result.score.scaled, expected.score / 100, 'the score is the engine\'s');
  assert.equal(judged.result.success, expected.passed);
  assert.equal(judged.context.extensions[MASTERY], au.masteryScore);
  assert.ok(judged.result.duration.startsWith('PT'));
  assert.ok(statements.at(-1).result.duration.startsWith('PT'), 'terminated has the session\'s duration');
  assert.deepEqual(page.errors, []);
});

test('cmi5: the LRS down for part of the quiz: everything arrives in order once it is back, none twice', async () => {
  const { au, registration, page } = await launchStage('kontakti_loomine');
  const quiz = quizById('kontakti_loomine');
  await page.locator('[data-action="start"]').click();
  const tally = await playSome(page, quiz, 3);
  await drained(page);
  // The LRS goes away (requests to it fail on the way).
  await page.route(`${lrs.endpoint}**`, (route) => route.abort('connectionrefused'));
  await page.locator('[data-action="next"]').click();
  await playSome(page, quiz, 3, () => true, tally);
  await page.locator('.host-notice:not([hidden])').waitFor();
  const during = await lrs.statements({ registration });
  assert.equal(during.length, 1 + 3, 'nothing arrived while the LRS was away');
  // Back: the widget tries again by itself.
  await page.unroute(`${lrs.endpoint}**`);
  await page.locator('[data-action="next"]').click();
  const expected = await playOn(page, quiz, () => true, Math.round(au.masteryScore * 100), tally);
  await drained(page);
  await page.locator('.host-notice[hidden]').waitFor({ state: 'attached' });
  const statements = await statementsOf(registration, expected.records.length + 3);
  assert.deepEqual(statements.map(verb), ['initialized', ...expected.records.map(() => 'answered'), 'completed', 'passed']);
  assert.deepEqual(statements.filter((s) => verb(s) === 'answered').map((s) => s.object.id.split('/question/')[1]), expected.records.map((r) => r.id), 'in order');
  assert.equal(new Set(statements.map((s) => s.id)).size, statements.length, 'none twice');
  const stamps = statements.map((s) => Date.parse(s.timestamp));
  assert.deepEqual(stamps, [...stamps].sort((a, b) => a - b), 'timestamps in order');
  assert.deepEqual(page.errors, []);
});

test('cmi5: a reload mid-quiz resumes without a second initialized, and the quiz completes once', async () => {
  const stage = await launchStage('ettevalmistus');
  const { au, registration } = stage;
  let { page } = stage;
  const quiz = quizById('ettevalmistus');
  await page.locator('[data-action="start"]').click();
  const tally = await playSome(page, quiz, 4);
  await drained(page);
  const at = await page.locator('section.question').getAttribute('data-question-id');
  await page.reload();
  await page.waitForSelector('.tere[data-launched]');
  assert.equal(await page.locator('section.question').getAttribute('data-question-id'), at, 'back at the same question');
  await page.locator('[data-action="next"]').click();
  const expected = await playOn(page, quiz, () => true, Math.round(au.masteryScore * 100), tally);
  await drained(page);
  // A second launch of the same registration (a new session): results are not sent again.
  await page.close();
  await newSession(au, registration);
  page = await openAu(launchUrl(au, registration, crypto.randomUUID()));
  await drained(page);
  const statements = await statementsOf(registration, expected.records.length + 4);
  const verbs = statements.map(verb);
  assert.equal(verbs.filter((v) => v === 'initialized').length, 2, 'one a session, none for the reload');
  assert.equal(verbs.filter((v) => v === 'completed').length, 1);
  assert.equal(verbs.filter((v) => v === 'passed').length, 1);
  assert.equal(verbs.filter((v) => v === 'answered').length, expected.records.length);
  assert.deepEqual(page.errors, []);
});

test('cmi5: a 401 from the fetch URL: the learner is told and the quiz still works', async () => {
  const fetchId = crypto.randomUUID();
  lms.tokens.set(fetchId, 'refuse');
  const { registration, page } = await launchStage('kontakti_lopetamine', {}, { width: 375, fetchId });
  await page.locator('.host-notice:not([hidden])').waitFor();
  await page.locator('[data-action="start"]').click();
  await playSome(page, quizById('kontakti_lopetamine'), 2);
  await screenshot(page, 'cmi5-refused-375');
  await audit(page, 'a refused cmi5 launch');
  assert.equal((await lrs.statements({ registration })).length, 0, 'nothing recorded without a token');
  assert.deepEqual(page.errors, []);
});

test('cmi5: without a returnURL the exit ends the session and says the window may close', async () => {
  const { registration, page } = await launchStage('ettevalmistus', { returnURL: '' });
  await page.locator('[data-action="start"]').click();
  await playSome(page, quizById('ettevalmistus'), 1);
  await page.locator('[data-action="exit"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.exited').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'exited', 'the message has the focus');
  await drained(page);
  await audit(page, 'after the exit');
  await screenshot(page, 'cmi5-exited-1280');
  assert.deepEqual((await statementsOf(registration, 3)).map(verb), ['initialized', 'answered', 'terminated']);
  assert.deepEqual(page.errors, []);
});

test('cmi5: Browse mode sends only initialized and terminated', async () => {
  const { registration, page } = await launchStage('kontakti_loomine', { mode: 'Browse' });
  await page.locator('.host-notice:not([hidden])').waitFor();
  await playQuiz(page, quizById('kontakti_loomine'));
  await page.locator('[data-action="exit"]').click();
  await page.waitForURL(`${lms.base}/returned`);
  const statements = await statementsOf(registration, 2);
  assert.deepEqual(statements.map(verb), ['initialized', 'terminated']);
});

test('xAPI launch link (Moodle\'s mod_tincanlaunch): the completion the plugin looks for is in the LRS', async () => {
  const tincan = fs.readFileSync(path.join(xapi.dir, 'tincan.xml'), 'utf8');
  // The plugin takes the first activity: its id and its launch.
  const activityId = tincan.match(/<activity\s+id="([^"]+)"/)[1];
  const launchFile = tincan.match(/<launch[^>]*>([^<]+)<\/launch>/)[1];
  const registration = crypto.randomUUID();
  // As the plugin: the learner's Moodle language as the CMI5LearnerPreferences agent profile.
  const actor = { name: 'Mari Maasikas', mbox: 'mailto:mari@example.ee' };
  await lrs.putAgentProfile(actor, 'CMI5LearnerPreferences', { languagePreference: 'fi' });
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: `Basic ${Buffer.from('moodle:secret').toString('base64')}`, actor: JSON.stringify(actor), registration, activity_id: activityId });
  const page = await openAu(`${lms.base}/xapi/${launchFile}?${query}`);
  assert.equal(await page.locator('.tere').getAttribute('lang'), 'fi', 'the learner\'s Moodle language');
  // The course menu; every stage played through (right answers).
  const stages = await page.locator('button.quiz-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-quiz-id')));
  assert.equal(stages.length, 7);
  for (const quizId of stages) {
    await page.locator(`button.quiz-entry[data-quiz-id="${quizId}"]`).click();
    await playQuiz(page, quizById(quizId));
    await page.locator('[data-action="menu"]').click();
  }
  await drained(page);
  const completed = await lrs.statements({ verb: 'http://adlnet.gov/expapi/verbs/completed', activity: activityId, registration });
  assert.equal(completed.length, 1, 'the course is completed on the activity id the plugin checks');
  assert.equal(completed[0].actor.mbox, actor.mbox);
  assert.deepEqual(page.errors, []);
});
