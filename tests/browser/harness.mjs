// Shared browser-test harness: the static server and a package's unpacking
// (server.mjs, re-exported), Debian's Chromium through playwright-core, and a learner
// who plays quizzes using the exported course (target/tere-test/course.json).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export { serve, unzip } from './server.mjs';

// The players, one per door kind (xtask/src/dist.rs PLAYERS), each beside the course's packs:
// the page player (the site, the offline page) and the SCORM player (every SCORM package).
export const DIST = process.env.TERE_DIST ?? path.resolve('dist');
export const DIST_SCORM = process.env.TERE_DIST_SCORM ?? path.resolve('dist-scorm');
export const DIST_XAPI = process.env.TERE_DIST_XAPI ?? path.resolve('dist-xapi');
export const COURSE = JSON.parse(fs.readFileSync(process.env.TERE_COURSE_JSON ?? 'target/tere-test/course.json', 'utf8'));
export const SCREENSHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page that fails the test on any console error or uncaught exception. */
export async function openPage(browser, url, { width = 1280, height = 900, locale = 'et-EE' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  // Launched (the course's packs arrived and the host's saved state is applied), or failed to load.
  await page.waitForSelector('.tere[data-launched], .tere .load-failed');
  return page;
}

/**
 * Waits until the widget has told its host about every change so far. Reports are
 * delivered after the frame that shows the change is painted (src/host/outbox.rs):
 * from a requestAnimationFrame callback, at the next idle time. Callbacks of each kind
 * run in the order they were asked for, so this one runs after the widget's.
 */
export async function delivered(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve()))));
}

export function quizById(id) {
  const quiz = COURSE.quizzes.find((q) => q.id === id);
  if (!quiz) throw new Error(`no quiz ${id} in course.json`);
  return quiz;
}

/**
 * Answers the question on screen and returns its credit by the documented rule
 * (questions/README.md), computed here independently of the engine; null = ungraded.
 * `correct` = answer it right; otherwise make a deliberate mistake.
 */
export async function answer(page, quiz, correct) {
  const section = page.locator('section.question');
  await section.waitFor();
  const id = await section.getAttribute('data-question-id');
  const q = quiz.questions.find((x) => x.id === id);
  const option = (i) => page.locator(`label[data-option-index="${i}"]`);
  switch (q.type) {
    case 'single': case 'scenario': {
      const right = q.options.findIndex((o) => o.correct);
      const pick = correct ? right : q.options.findIndex((o) => !o.correct);
      await option(pick).click();
      return pick === right ? 1 : 0;
    }
    case 'true_false': {
      const pick = (q.answer === correct) ? 0 : 1;
      await option(pick).click();
      return correct ? 1 : 0;
    }
    case 'multiple': {
      const rights = q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
      const wrong = q.options.findIndex((o) => !o.correct);
      const picks = correct || wrong < 0 ? rights : [rights[0], wrong];
      for (const i of picks) await option(i).click();
      const good = picks.filter((i) => q.options[i].correct).length;
      return Math.max(0, good - (picks.length - good)) / rights.length;
    }
    case 'ordering': {
      if (correct) {
        // Selection sort with the move-up buttons, as a learner would.
        for (let target = 0; target < q.items.length; target++) {
          let order = await currentOrder(page);
          let at = order.indexOf(target);
          while (at > target) {
            await page.locator('li.order-item').nth(at).locator('[data-action="move-up"]').click();
            at--;
          }
        }
      }
      const order = await currentOrder(page);
      return order.filter((item, pos) => item === pos).length / order.length;
    }
    case 'matching': {
      const n = q.pairs.length;
      for (let i = 0; i < n; i++) {
        const pick = correct ? i : (i + 1) % n;
        await page.locator(`select[data-pair-index="${i}"]`).selectOption(String(pick));
      }
      return correct ? 1 : 0;
    }
    case 'reflection':
      await page.locator('textarea.reflection').fill('Minu mõtted: valmistun tööpäevaks rahulikult.');
      return null;
    case 'dialogue': {
      // The best reply at every step, or the worst; the conversation checks itself at its ending.
      const path = correct ? q.bestPath : worstPath(q);
      await sayPath(page, path);
      lastPath.set(page, path);
      return walkDialogue(q, path).points / q.bestPoints;
    }
    default:
      throw new Error(`unknown type ${q.type}`);
  }
}

/** The path a dialogue was last answered with, for another try (`settle`). */
const lastPath = new WeakMap();

/** Clicks a dialogue's replies in turn, each once the step offering it is on screen. */
export async function sayPath(page, path) {
  for (const reply of path) await page.locator(`.replies button[data-reply-index="${reply}"]`).click();
}

/**
 * Where a dialogue's `path` (reply indices) leads and the points it collects, by the
 * documented rule (questions/README.md): a reply's branches in order, the first whose
 * `at_least` the points so far (the reply's included) meet, else its `next`.
 */
export function walkDialogue(q, path) {
  let at = { step: q.steps[0].id };
  let points = 0;
  for (const r of path) {
    const reply = q.steps.find((s) => s.id === at.step).replies[r];
    points += reply.points;
    at = (reply.branches.find((b) => points >= b.atLeast) ?? reply).next;
  }
  return { at, points };
}

/** The interactions an LMS records for dialogue `q` said along `path`: one a reply,
 * `<id>__<step>`, its credit the reply's points over the step's best. */
export function replyRecords(q, path) {
  return path.map((reply, i) => {
    const step = q.steps.find((s) => s.id === walkDialogue(q, path.slice(0, i)).at.step);
    const best = Math.max(...step.replies.map((r) => r.points));
    return { id: `${q.id}__${step.id}`, credit: step.replies[reply].points / best };
  });
}

/** The ids of the interactions an LMS records for question `q` answered right: the
 * question's, or for a dialogue one per reply on its best path. */
export function recordIds(q) {
  return q.type === 'dialogue' ? replyRecords(q, q.bestPath).map((r) => r.id) : [q.id];
}

/** The reply with the fewest points (the first of equals) at every step, to an ending. */
export function worstPath(q) {
  const path = [];
  for (let at = walkDialogue(q, path).at; at.step; at = walkDialogue(q, path).at) {
    const replies = q.steps.find((s) => s.id === at.step).replies;
    path.push(replies.reduce((low, r, i) => (r.points < replies[low].points ? i : low), 0));
  }
  return path;
}

/** Checks the answer on screen: Check, unless the question checked itself (a dialogue, at its ending). */
export async function check(page) {
  if (await page.locator('section.question[data-question-type="dialogue"]').count()) return page.locator('.feedback').waitFor();
  await page.locator('[data-action="check"]').click();
}

/** Checks by keyboard (Tab to Check and Enter; a dialogue checked itself at its ending) and waits for the feedback. */
export async function keyboardCheck(page) {
  if (!(await page.locator('section.question[data-question-type="dialogue"]').count())) {
    await tabTo(page, '[data-action="check"]');
    await page.keyboard.press('Enter');
  }
  await page.locator('.feedback').waitFor();
}

async function currentOrder(page) {
  return page.locator('li.order-item').evaluateAll((els) => els.map((e) => Number(e.dataset.itemIndex)));
}

// --- The keyboard alone (course.test.mjs, practice.test.mjs) ----------------------------

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(page, selector, backwards = false) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

/** A question of the course, by id, whichever quiz it is in. */
export function questionById(id) {
  return COURSE.quizzes.flatMap((x) => x.questions).find((x) => x.id === id);
}

/**
 * Answers the question on screen with the keyboard only, right or (for one-answer
 * kinds) with a wrong option. Returns the credit of that answer by the rule before
 * penalties (null: ungraded).
 */
export async function keyboardAnswer(page, correct = true) {
  const section = page.locator('section.question');
  const type = await section.getAttribute('data-question-type');
  const q = questionById(await section.getAttribute('data-question-id'));
  switch (type) {
    case 'single': case 'scenario': case 'true_false': {
      const shown = await page.locator('label[data-option-index]').evaluateAll((els) => els.map((e) => Number(e.dataset.optionIndex)));
      const right = type === 'true_false' ? (q.answer ? 0 : 1) : q.options.findIndex((o) => o.correct);
      const target = correct ? right : shown.find((i) => i !== right);
      await tabTo(page, 'input[type=radio]');
      // Focus enters the group on its first radio: check it, then arrow down to the target.
      const at = shown.indexOf(await page.evaluate(() => Number(document.activeElement.closest('label').dataset.optionIndex)));
      await page.keyboard.press('Space');
      for (let i = at; i < shown.indexOf(target); i++) await page.keyboard.press('ArrowDown');
      return correct ? 1 : 0;
    }
    case 'multiple': {
      assert.ok(correct, 'this helper answers multiple-response questions right only');
      for (const [i, o] of q.options.entries()) {
        const input = page.locator(`label[data-option-index="${i}"] input`);
        if (o.correct === await input.isChecked()) continue;
        await tabTo(page, `label[data-option-index="${i}"] input`);
        await page.keyboard.press('Space');
      }
      return 1;
    }
    case 'ordering':
      for (let target = 0; target < q.items.length; target++) {
        const order = await page.locator('li.order-item').evaluateAll((els) => els.map((e) => Number(e.dataset.itemIndex)));
        const moves = order.indexOf(target) - target;
        if (moves <= 0) continue;
        await tabTo(page, `li[data-item-index="${target}"] [data-action="move-up"]`, true);
        for (let i = 0; i < moves; i++) await page.keyboard.press('Enter');
      }
      return 1;
    case 'matching':
      for (let i = 0; i < q.pairs.length; i++) {
        const values = await page.locator(`select[data-pair-index="${i}"] option`).evaluateAll((els) => els.map((e) => e.value));
        const selected = await page.locator(`select[data-pair-index="${i}"]`).inputValue();
        await tabTo(page, `select[data-pair-index="${i}"]`);
        for (let k = values.indexOf(selected); k < values.indexOf(String(i)); k++) await page.keyboard.press('ArrowDown');
      }
      return 1;
    case 'reflection':
      await tabTo(page, 'textarea');
      await page.keyboard.type('Jään rahulikuks ja küsin, milles on kliendi tegelik mure.');
      return null;
    case 'dialogue': {
      // After each reply focus is on the next step's first reply: Tab on to the one to say.
      const path = correct ? q.bestPath : worstPath(q);
      for (const reply of path) {
        await tabTo(page, `.replies button[data-reply-index="${reply}"]`);
        await page.keyboard.press('Enter');
      }
      await page.locator('.feedback').waitFor();
      return walkDialogue(q, path).points / q.bestPoints;
    }
    default:
      throw new Error(type);
  }
}

/**
 * Plays the open quiz from its intro to the summary. `correctWhen(position)` decides
 * which questions to answer right. Returns { expected score, passed } by the rule.
 */
export async function playQuiz(page, quiz, correctWhen = () => true, passMark = quiz.passMark) {
  await page.locator('[data-action="start"]').click();
  return playOn(page, quiz, correctWhen, passMark);
}

/**
 * After a check: while the quiz allows another try (`data-action="try-again"`), try
 * again with the same answer (the next try starts from it), as a learner who sticks
 * to it. Returns the tries used.
 */
export async function settle(page) {
  let tries = 1;
  await page.locator('.feedback').waitFor();
  while (await page.locator('.feedback[data-final="false"]').count()) {
    await page.locator('[data-action="try-again"]').click();
    if (lastPath.has(page) && await page.locator('section.question[data-question-type="dialogue"]').count()) await sayPath(page, lastPath.get(page));
    await check(page);
    await page.locator('.feedback').waitFor();
    tries++;
  }
  return tries;
}

/** A question's credit after `tries` tries by the documented rule (questions/README.md). */
export function penalised(quiz, credit, tries, hintsAsked = 0) {
  if (credit === null) return null;
  const penalty = ((quiz.tryPenalty ?? 0) * (tries - 1) + (quiz.hintPenalty ?? 0) * hintsAsked) / 100;
  return Math.max(0, credit - penalty);
}

/** Answers the question on screen and checks it (each try); returns whether it was the last. */
async function step(page, quiz, correct, tally) {
  await page.locator('section.question').waitFor();
  const raw = await answer(page, quiz, correct);
  await check(page);
  const tries = await settle(page);
  const credit = penalised(quiz, raw, tries);
  if (credit !== null) { tally.sum += credit; tally.graded++; }
  (tally.credits ??= []).push(credit);
  tally.position++;
  const id = await page.locator('section.question').getAttribute('data-question-id');
  tally.ids.push(id);
  // What an LMS records: the question's result once; a dialogue's every reply, each try.
  const q = quiz.questions.find((x) => x.id === id);
  if (q?.type === 'dialogue') for (let t = 0; t < tries; t++) (tally.records ??= []).push(...replyRecords(q, lastPath.get(page)));
  else (tally.records ??= []).push({ id, credit });
  return (await page.locator('[data-action="finish"]').count()) > 0;
}

/** Answers `count` questions from the one on screen, leaving the last one checked. */
export async function playSome(page, quiz, count, correctWhen = () => true, tally = { sum: 0, graded: 0, position: 0, ids: [] }) {
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.locator('[data-action="next"]').click();
    await step(page, quiz, correctWhen(tally.position), tally);
  }
  return tally;
}

/** Plays from the question on screen to the summary (for resumed attempts too). */
export async function playOn(page, quiz, correctWhen = () => true, passMark = quiz.passMark, tally = { sum: 0, graded: 0, position: 0, ids: [] }) {
  for (;;) {
    if (await step(page, quiz, correctWhen(tally.position), tally)) break;
    await page.locator('[data-action="next"]').click();
  }
  await page.locator('[data-action="finish"]').click();
  await page.locator('section.summary').waitFor();
  return expected(tally, passMark);
}

export function expected(tally, passMark) {
  const score = tally.graded === 0 ? 100 : Math.round((100 * tally.sum) / tally.graded);
  return { score, passed: score >= passMark, answered: tally.position, ids: tally.ids, credits: tally.credits, records: tally.records ?? [] };
}

/** Walks the open attempt to its first question of `type`, answering the others right. */
export async function reachType(page, quiz, type) {
  for (;;) {
    await page.locator('section.question').waitFor();
    if (await page.locator('section.question').getAttribute('data-question-type') === type) return;
    await answer(page, quiz, true);
    await check(page);
    await settle(page);
    await page.locator('[data-action="next"]').click();
  }
}

/** Questions of each type, with the first quiz that has one. */
export function quizPerType() {
  const found = new Map();
  for (const quiz of COURSE.quizzes) for (const q of quiz.questions) if (!found.has(q.type)) found.set(q.type, quiz);
  return found;
}

export async function summary(page) {
  const s = page.locator('section.summary');
  return { score: Number(await s.getAttribute('data-result-score')), passed: (await s.getAttribute('data-result-passed')) === 'true' };
}

const AXE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../node_modules/axe-core/axe.min.js');

/** axe-core on the page as it is: no WCAG 2.1 A/AA violation. */
export async function audit(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(found, [], `axe violations on ${where}`);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}


// --- Reading the test LMS (tests/hosts/lms.html) -------------------------------------

/** Unloads the SCO (as closing the LMS's window does) and waits for Terminate. */
export async function unload(page) {
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.terminated, null, { timeout: 5000 });
}

/** The interaction records in flattened CMI data, by index: `[{ id, type, result, … }]`. */
export function interactions(data) {
  const list = [];
  for (const [key, value] of Object.entries(data)) {
    const m = key.match(/^cmi\.interactions\.(\d+)\.(.+)$/);
    if (m) (list[Number(m[1])] ??= {})[m[2]] = value;
  }
  return list;
}

/** The interaction result word Moodle expects for a credit (null: ungraded). */
export function resultWord(version, credit) {
  if (credit === null) return 'neutral';
  if (credit >= 1) return 'correct';
  if (credit <= 0) return version === '12' ? 'wrong' : 'incorrect';
  return String(Math.round(credit * 100) / 100);
}
