// The Learning Record Store the cmi5 tests use (lrs.mjs): a real one (xapi-rs on
// PostgreSQL) starts empty, stores and returns statements and documents, answers a page
// on another origin through its CORS front, and stops without leaving anything running.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch } from './harness.mjs';
import { startLrs } from './lrs.mjs';

const actor = { objectType: 'Agent', account: { homePage: 'http://moodle.example', name: '42' } };
const course = 'urn:tere:course:edukas-klienditeenindaja';
const au = `${course}:quiz:halvad_tavad`;
const verb = (v) => ({ id: `http://adlnet.gov/expapi/verbs/${v}`, display: { 'en-US': v } });
const statement = (registration, v, extra = {}) => ({
  id: crypto.randomUUID(), actor, verb: verb(v), object: { objectType: 'Activity', id: au },
  context: {
    registration,
    contextActivities: { grouping: [{ objectType: 'Activity', id: course }], category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] },
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': crypto.randomUUID() },
  },
  timestamp: new Date().toISOString(),
  ...extra,
});

const running = [];
async function start(options) {
  const lrs = await startLrs(options);
  running.push(lrs);
  return lrs;
}
// A failed assertion must not leave a server behind.
after(() => Promise.all(running.map((lrs) => lrs.stop())));

test('an empty LRS starts, stores statements and gives them back, every page', async (t) => {
  const lrs = await start({ pageLength: 2 });
  t.diagnostic(`started in ${lrs.startedIn} ms`);
  assert.match(lrs.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const about = await lrs.request('GET', 'about');
  assert.deepEqual(about.json.version, ['2.0.0']);
  assert.deepEqual(await lrs.statements(), []);

  const registration = crypto.randomUUID();
  const sent = ['launched', 'initialized', 'completed', 'terminated'].map((v) => statement(registration, v));
  for (const s of sent) await lrs.postStatements(s);
  await lrs.postStatements(statement(crypto.randomUUID(), 'launched'));

  const back = await lrs.statement(sent[2].id);
  assert.equal(back.verb.id, verb('completed').id);
  assert.deepEqual(back.context, sent[2].context);
  // Three pages of two, in the order stored.
  const mine = await lrs.statements({ registration, ascending: true });
  assert.deepEqual(mine.map((s) => s.id), sent.map((s) => s.id));
  assert.deepEqual((await lrs.statements({ registration, verb: verb('terminated').id })).map((s) => s.id), [sent[3].id]);
  assert.equal((await lrs.statements({ activity: au })).length, 5);
  assert.equal((await lrs.statements({ activity: course })).length, 0);
  assert.equal((await lrs.statements({ activity: course, related_activities: true })).length, 5);
});

test('state documents and agent profiles are made, replaced and read', async () => {
  const lrs = await start();
  const where = { activityId: au, agent: actor, registration: crypto.randomUUID(), stateId: 'LMS.LaunchData' };
  assert.equal(await lrs.stateDocument(where), null);
  const launchData = { launchMode: 'Normal', moveOn: 'CompletedOrPassed', masteryScore: 0.8, contextTemplate: { contextActivities: { grouping: [{ id: course }] } } };
  await lrs.putState(where, launchData);
  assert.deepEqual(await lrs.stateDocument(where), launchData);
  await lrs.putState(where, { ...launchData, launchMode: 'Review' });
  assert.equal((await lrs.stateDocument(where)).launchMode, 'Review');
  assert.equal(await lrs.stateDocument({ ...where, registration: crypto.randomUUID() }), null);

  assert.equal(await lrs.agentProfile(actor, 'cmi5LearnerPreferences'), null);
  await lrs.putAgentProfile(actor, 'cmi5LearnerPreferences', { languagePreference: 'et-EE,en-US', audioPreference: 'on' });
  await lrs.putAgentProfile(actor, 'cmi5LearnerPreferences', { languagePreference: 'fi-FI', audioPreference: 'off' });
  assert.deepEqual(await lrs.agentProfile(actor, 'cmi5LearnerPreferences'), { languagePreference: 'fi-FI', audioPreference: 'off' });
});

test('a page on another origin stores a statement through the CORS front, not without it', async () => {
  const lrs = await start({ cors: true });
  const page0 = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>AU</title>'));
  await new Promise((ok) => page0.listen(0, '127.0.0.1', ok));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${page0.address().port}/`);
    const put = (endpoint, s) => page.evaluate(async ({ endpoint, s }) => {
      try {
        const r = await fetch(`${endpoint}statements?statementId=${s.id}`, {
          method: 'PUT',
          headers: { Authorization: `Basic ${btoa('learner:token')}`, 'X-Experience-API-Version': '2.0.0', 'Content-Type': 'application/json' },
          body: JSON.stringify(s),
        });
        return { status: r.status, version: r.headers.get('X-Experience-API-Version') };
      } catch (e) {
        return { error: String(e) };
      }
    }, { endpoint, s });

    const refused = statement(crypto.randomUUID(), 'initialized');
    assert.match((await put(lrs.direct, refused)).error, /Failed to fetch/);
    const s = statement(crypto.randomUUID(), 'initialized');
    assert.deepEqual(await put(lrs.endpoint, s), { status: 204, version: '2.0.0' });
    assert.equal((await lrs.statement(s.id)).id, s.id);
    assert.equal(await lrs.statement(refused.id), null);
    const forwarded = lrs.seen.find((r) => r.method === 'PUT');
    assert.equal(forwarded.headers.authorization, `Basic ${Buffer.from('learner:token').toString('base64')}`);
    assert.deepEqual(JSON.parse(forwarded.body), s);
  } finally {
    await browser.close();
    page0.close();
  }
});

test('stop ends the server and frees its port', async () => {
  const lrs = await startLrs({ cors: true });
  await lrs.stop();
  assert.throws(() => process.kill(lrs.pid, 0), { code: 'ESRCH' });
  for (const url of [lrs.direct, lrs.endpoint]) await assert.rejects(fetch(`${url}about`));
});
