// Dialogues as a learner plays them: the best path (full credit, a good ending), a poor
// path (the lower score its points give, an ending that went wrong), a branch by points
// (the same reply leads on differently), a reload in the middle resuming at the same
// step, keyboard only, and at 375 px in an LMS, where every reply arrives as a choice
// interaction under Moodle's rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  serve, launch, openPage, reachType, sayPath, walkDialogue, worstPath, replyRecords, tabTo, delivered, screenshot, interactions,
  resultWord, COURSE, DIST, DIST_SCORM,
} from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PKG = '/pluginfile.php/12/mod_scorm/content/1/';
const QUIZ = COURSE.quizzes.find((q) => q.id === 'kontakti_loomine');
const DIALOGUE = QUIZ.questions.find((q) => q.type === 'dialogue');
let server; let browser;

before(async () => {
  server = await serve({ '/site/': DIST, '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), [PKG]: DIST_SCORM });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page at the dialogue of `quiz` (the questions before it answered right). */
async function atDialogue(quiz = QUIZ, options = {}) {
  const page = await openPage(browser, `${server.base}/site/index.html?quiz=${quiz.id}&host=standalone`, options);
  await page.locator('[data-action="start"]').click();
  await reachType(page, quiz, 'dialogue');
  return page;
}

/** What the other person said last, as the transcript shows it. */
const lastLine = (page) => page.locator('.transcript li.other').last().locator('.said').textContent();
const lineOf = (q, at) => (at.step ? q.steps.find((s) => s.id === at.step) : q.endings.find((e) => e.id === at.ending)).line;

test('the best path is full credit and ends well, with a debrief', async () => {
  for (const width of [320, 375, 1280]) {
    const page = await atDialogue(QUIZ, { width, height: 800 });
    await screenshot(page, `dialogue-start-${width}`);
    await sayPath(page, DIALOGUE.bestPath.slice(0, 2));
    await screenshot(page, `dialogue-under-way-${width}`);
    await sayPath(page, DIALOGUE.bestPath.slice(2));
    await page.locator('.feedback').waitFor();
    await screenshot(page, `dialogue-debrief-${width}`);
    assert.equal(await page.locator('.feedback').getAttribute('data-credit'), '1');
    const { at, points } = walkDialogue(DIALOGUE, DIALOGUE.bestPath);
    assert.equal(points, DIALOGUE.bestPoints);
    assert.ok(DIALOGUE.endings.find((e) => e.id === at.ending).good);
    assert.equal(await lastLine(page), lineOf(DIALOGUE, at));
    assert.equal(await page.locator('.transcript li.mine').count(), DIALOGUE.bestPath.length);
    assert.match(await page.locator('.dialogue-score').textContent(), new RegExp(`${points}\\D+${DIALOGUE.bestPoints}`));
    assert.equal(await page.locator('.read-again').count(), 0, 'no points lost: nothing to read again');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, `no sideways scroll at ${width}`);
    await page.context().close();
  }
});

test('a poor path earns what its points give, ends badly and points to the material', async () => {
  const page = await atDialogue();
  const path = worstPath(DIALOGUE);
  await sayPath(page, path);
  await page.locator('.feedback').waitFor();
  const { at, points } = walkDialogue(DIALOGUE, path);
  assert.equal(DIALOGUE.endings.find((e) => e.id === at.ending).good, false);
  const credit = Number(await page.locator('.feedback').getAttribute('data-credit'));
  assert.ok(Math.abs(credit - points / DIALOGUE.bestPoints) < 0.01, `${credit} vs ${points}/${DIALOGUE.bestPoints}`);
  assert.equal(await lastLine(page), lineOf(DIALOGUE, at));
  assert.ok(await page.locator('.read-again').count(), 'where points were lost, the material to read again');
  assert.ok((await page.locator('.best-path li').count()) >= 5, 'the best path beside the learner\'s');
  assert.match(await page.locator('.choice-feedback').textContent(), new RegExp(DIALOGUE.endings.find((e) => e.id === at.ending).debrief.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.context().close();
});

/** Every path from the start to step `stepId`, with the points collected on the way. */
function pathsTo(q, stepId) {
  const found = [];
  const walk = (path) => {
    const { at } = walkDialogue(q, path);
    if (!at.step) return;
    if (at.step === stepId) found.push(path);
    q.steps.find((s) => s.id === at.step).replies.forEach((_, r) => walk([...path, r]));
  };
  walk([]);
  return found;
}

test('a branch by points: the same reply leads on by how well the conversation went', async () => {
  // A reply with a branch, and two ways to its step whose points send it different ways.
  let pair = null;
  for (const q of COURSE.quizzes.flatMap((x) => x.questions.filter((y) => y.type === 'dialogue').map((y) => [x, y]))) {
    const [, d] = q;
    for (const step of d.steps) {
      step.replies.forEach((reply, r) => {
        if (pair || !reply.branches.length) return;
        const ways = pathsTo(d, step.id).map((p) => [...p, r]);
        const lead = (p) => JSON.stringify(walkDialogue(d, p).at);
        const other = ways.find((p) => lead(p) !== lead(ways[0]));
        if (other) pair = { quiz: q[0], d, paths: [ways[0], other] };
      });
    }
  }
  assert.ok(pair, 'the course has a branch by points that both ways reach');
  for (const p of pair.paths) {
    const page = await atDialogue(pair.quiz);
    await sayPath(page, p);
    assert.equal(await lastLine(page), lineOf(pair.d, walkDialogue(pair.d, p).at));
    await page.context().close();
  }
});

test('a reload in the middle of a dialogue resumes at the same step, with the conversation so far', async () => {
  const page = await atDialogue();
  const said = DIALOGUE.bestPath.slice(0, 3);
  await sayPath(page, said);
  await delivered(page);
  await page.reload();
  await page.locator('.transcript').waitFor();
  assert.equal(await page.locator('.transcript li.mine').count(), 3);
  assert.equal(await lastLine(page), lineOf(DIALOGUE, walkDialogue(DIALOGUE, said).at));
  await sayPath(page, DIALOGUE.bestPath.slice(3));
  await page.locator('.feedback').waitFor();
  assert.equal(await page.locator('.feedback').getAttribute('data-credit'), '1');
  await page.context().close();
});

test('a dialogue is played with the keyboard alone; after each reply focus is on the next replies', async () => {
  const page = await atDialogue();
  await tabTo(page, `.replies button[data-reply-index="${DIALOGUE.bestPath[0]}"]`);
  await page.keyboard.press('Enter');
  await page.locator('.transcript li.mine').first().waitFor();
  assert.ok(await page.evaluate(() => document.activeElement?.matches('.replies button')), 'focus on the next step\'s replies');
  for (const reply of DIALOGUE.bestPath.slice(1)) {
    await tabTo(page, `.replies button[data-reply-index="${reply}"]`);
    await page.keyboard.press('Enter');
  }
  await page.locator('.feedback').waitFor();
  assert.ok(await page.evaluate(() => document.activeElement?.matches('.feedback')), 'at the ending, focus on the feedback');
  assert.equal(await page.locator('.feedback').getAttribute('data-credit'), '1');
  await page.context().close();
});

for (const version of ['12', '2004']) {
  test(`SCORM ${version} at 375 px: every reply reachable, each recorded as a choice interaction Moodle accepts`, async () => {
    const query = new URLSearchParams({ v: version, launch: `${PKG}index.html?quiz=${QUIZ.id}` });
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(`${server.base}/lms/lms.html?${query}`);
    const frame = page.frameLocator('#sco');
    await frame.locator('.tere[data-launched] [data-action="start"]').click();
    await reachType(frame, QUIZ, 'dialogue');
    const path = worstPath(DIALOGUE);
    for (const reply of path) {
      const button = frame.locator(`.replies button[data-reply-index="${reply}"]`);
      await button.scrollIntoViewIfNeeded();
      assert.ok(await button.isVisible(), 'the reply is on screen');
      await button.click();
    }
    await frame.locator('.feedback').waitFor();
    await page.waitForFunction((n) => Object.keys(window.cmiData()).some((k) => k === `cmi.interactions.${n}.id`), QUIZ.questions.length - 1 + path.length - 1);
    const records = interactions(await page.evaluate(() => window.cmiData())).filter((i) => i.id.startsWith(`${DIALOGUE.id}__`));
    const expected = replyRecords(DIALOGUE, path);
    assert.deepEqual(records.map((i) => i.id), expected.map((r) => r.id));
    records.forEach((i, n) => {
      assert.equal(i.type, 'choice');
      assert.equal(i.result, resultWord(version, expected[n].credit), i.id);
      assert.equal(i[version === '12' ? 'student_response' : 'learner_response'], version === '12' ? String(path[n]) : `o${path[n]}`);
    });
    assert.deepEqual(violations(version, await page.evaluate(() => window.calls)), []);
    await page.close();
  });
}
