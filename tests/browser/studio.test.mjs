// Tere Studio as a trainer uses it: the single file opened from disk (file://, its own
// strict Content-Security-Policy), a question changed and one added, a problem
// provoked and fixed, the SCORM 2004 zip published, validated against the official
// schemas and played in the LMS; the TOML source round trip through a package; the
// draft kept over a reload; bad input refused with the draft intact; accessibility.
import { test, before, after } from 'node:test';
import zlib from 'node:zlib';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, quizById, playQuiz, summary, unzip, unload, screenshot, COURSE, DIST, SCREENSHOTS } from './harness.mjs';
import { violations } from './moodle-rules.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const STUDIO = path.join(DIST, 'packages', 'tere-studio.html');
const XSD = process.env.TERE_SCORM_XSD ?? path.resolve(ROOT, '../shared/scorm-xsd');
const CMI5_XSD = path.join(process.env.TERE_CMI5_XSD ?? path.resolve(ROOT, '../shared/cmi5'), 'CourseStructure.xsd');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const MOODLE_PATH = '/pluginfile.php/12/mod_scorm/content/1/';
const QUIZ = 'kontakti_loomine';
const FILE = `${QUIZ}.toml`;
let browser; let work;

before(async () => {
  browser = await launch();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-studio-'));
});
after(async () => {
  await browser?.close();
});

/** The Studio from file://, in a fresh profile (no saved draft), in Estonian. */
async function openStudio({ width = 1280, height = 900, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'et-EE', acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`file://${STUDIO}`);
  await page.locator(`[data-quiz-file="${FILE}"]`).first().waitFor();
  return { context, page };
}

const field = (page, ...path) => page.locator(`#f-${FILE.replace('.', '_')}-${path.join('-')}`);

/** axe-core's WCAG 2.1 AA violations on the page as it stands (needs `bypassCSP`). */
async function audit(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Opens question `n`'s card (the questions are one-line cards; one is open at a time). */
async function openQuestion(page, n) {
  const head = page.locator('section.question-editor').nth(n).locator('[data-action="question-open"]');
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  await page.locator('section.question-editor').nth(n).locator('.field').first().waitFor();
}

/** Writes over every placeholder of new question `n` (each is a problem at its field until then). */
async function writeOverPlaceholders(page, n) {
  const editor = page.locator('section.question-editor').nth(n);
  await editor.locator('.field-problems').first().waitFor();
  const ids = await editor.locator('input[aria-invalid="true"], textarea[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.id));
  for (const [i, id] of ids.entries()) await page.locator(`#${id}`).fill(`Kirjutatud tekst ${i + 1}`);
}

/** Clicks a publish button and saves what it downloads; returns the file's path. */
async function publish(page, hook, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${hook}"]`).click()]);
  const file = path.join(work, name);
  await download.saveAs(file);
  return file;
}

test('a trainer changes a question, adds one, fixes a problem, publishes SCORM 2004, and it plays in the LMS', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await screenshot(page, 'studio-1280');
  // Every render between an edit and its check: what the publish section says then.
  await page.evaluate(() => {
    window.whileChecking = [];
    new MutationObserver(() => {
      if (document.querySelector('.problems .checking')) window.whileChecking.push(document.querySelector('#publish-blocked')?.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // The first question: new text, and another option is now the right one.
  await openQuestion(page, 0);
  await field(page, 'question', 0, 'text').fill('Milline tervitus sobib poodi sisenevale kliendile kõige paremini?');
  const original = structuredClone(quizById(QUIZ));
  const q0 = original.questions[0];
  const wasRight = q0.options.findIndex((o) => o.correct);
  const nowRight = wasRight === 0 ? 1 : 0;
  await field(page, 'question', 0, 'option', nowRight, 'correct').check();
  await field(page, 'question', 0, 'option', wasRight, 'correct').uncheck();
  // A new single-choice question at the end.
  await page.locator('.add-question select').selectOption('single');
  await page.locator('[data-action="question-add"]').click();
  const n = original.questions.length;
  const added = page.locator('section.question-editor').nth(n);
  const addedId = await added.getAttribute('data-question-id');
  await field(page, 'question', n, 'text').fill('Mida teed, kui klient tuleb sisse ajal, mil räägid telefoniga?');
  // The problem provoked on purpose: an empty option (a blank; the template shows as a hint in an
  // empty field). It shows at that field, and publishing is blocked.
  await field(page, 'question', n, 'option', 0, 'text').fill(' ');
  const problem = page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-option-0-text-problem .problem`);
  await problem.waitFor();
  assert.match(await problem.textContent(), /empty|tühi/i);
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled(), 'publishing is blocked while a problem remains');
  assert.match(await page.locator('#publish-blocked').textContent(), /paranda kõigepealt/, 'with a problem found, the publish section asks to fix it');
  // Before a check has run there is nothing to fix yet: it says publishing waits.
  const whileChecking = await page.evaluate(() => window.whileChecking);
  assert.ok(whileChecking.length > 0, 'the check was seen pending after an edit');
  assert.deepEqual([...new Set(whileChecking)], ['Avaldada saab siis, kui kontroll on tehtud.']);
  await screenshot(page, 'studio-1280-problem');
  await field(page, 'question', n, 'option', 0, 'text').fill('Noogutan kliendile ja lõpetan kõne viisakalt.');
  await field(page, 'question', n, 'option', 1, 'text').fill('Räägin telefoniga edasi, klient ootab.');
  // What the trainer has not written over yet (the template's feedback and explanation) still blocks publishing.
  await page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-explanation-problem .problem`).waitFor();
  assert.match(await page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-explanation-problem .problem`).textContent(), /veel näidistekst/);
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled(), 'placeholder text never reaches learners');
  await field(page, 'question', n, 'option', 0, 'feedback').fill('Hea: klient näeb, et teda märgati.');
  await field(page, 'question', n, 'option', 1, 'feedback').fill('Klient tunneb end unustatuna.');
  await field(page, 'question', n, 'explanation').fill('Märka klienti kohe, ka siis, kui oled hõivatud.');
  await page.locator('.all-good').waitFor();
  const zip = await publish(page, 'publish-scorm2004', 'studio-scorm2004.zip');
  const rightOfAdded = await page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-option-0-correct`).isChecked() ? 0 : 1;
  assert.deepEqual(page.errors, []);
  await context.close();

  // The zip is valid and plays in the LMS with the changed and the new question scored right.
  const pkg = unzip(zip);
  execFileSync('xmllint', ['--noout', '--schema', path.join(XSD, 'scorm2004/wrapper2004.xsd'), path.join(pkg.dir, 'imsmanifest.xml')], { stdio: 'pipe' });
  const quiz = structuredClone(original);
  quiz.questions[0].options.forEach((o, i) => { o.correct = i === nowRight; });
  quiz.questions.push({ id: addedId, type: 'single', options: [0, 1].map((i) => ({ correct: i === rightOfAdded })) });
  const lms = await serve({ '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), [MOODLE_PATH]: pkg.dir });
  const lmsPage = await browser.newPage();
  await lmsPage.goto(`${lms.base}/lms/lms.html?v=2004&launch=${encodeURIComponent(`${MOODLE_PATH}index.html`)}`);
  const frame = lmsPage.frameLocator('#sco');
  await frame.locator(`[data-quiz-id="${QUIZ}"]`).click();
  const played = await playQuiz(frame, quiz, () => true);
  assert.deepEqual(await summary(frame), { score: 100, passed: true });
  assert.ok(played.ids.includes(addedId), 'the new question was asked');
  await unload(lmsPage);
  const data = await lmsPage.evaluate(() => window.cmiData());
  const interactions = Object.entries(data).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k));
  const resultOf = (id) => data[interactions.find(([, v]) => v === id)[0].replace('.id', '.result')];
  assert.equal(resultOf(q0.id), 'correct', 'the changed right answer is scored right');
  assert.equal(resultOf(addedId), 'correct', 'the new question is scored right');
  assert.deepEqual(violations('2004', await lmsPage.evaluate(() => window.calls)), []);
  await lmsPage.close();
  await lms.close();
});

test('round trip: a published zip and offline file open in the Studio and export the same TOML, byte for byte', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  await field(page, 'question', 1, 'text').fill('Muudetud küsimus: kuidas alustad vestlust?');
  await page.locator('.all-good').waitFor();
  const before = fs.readFileSync(await publish(page, 'publish-toml', 'before.zip'));
  const zip = await publish(page, 'publish-scorm2004', 'round.zip');
  const offline = await publish(page, 'publish-offline', 'round.html');
  for (const file of [zip, offline]) {
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-action="open-builtin"]').click();
    await page.locator('#open-files').setInputFiles(file);
    await page.locator('.notice:not([hidden])').filter({ hasText: path.basename(file) }).waitFor();
    const after = fs.readFileSync(await publish(page, 'publish-toml', `after-${path.basename(file)}.zip`));
    const list = (z) => { const u = unzip(z); return Object.fromEntries(u.list.map((f) => [f, fs.readFileSync(path.join(u.dir, f))])); };
    const [a, b] = [list(path.join(work, 'before.zip')), list(path.join(work, `after-${path.basename(file)}.zip`))];
    assert.deepEqual(Object.keys(b), Object.keys(a), path.basename(file));
    for (const name of Object.keys(a)) assert.ok(a[name].equals(b[name]), `${name} after opening ${path.basename(file)}`);
    assert.ok(before.length > 0);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the draft survives a reload, and leaving with unpublished changes asks first', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const text = 'Pooleli muudatus, mis ei tohi kaduda.';
  await openQuestion(page, 2);
  await field(page, 'question', 2, 'text').fill(text);
  await page.reload();
  await page.locator(`button[data-quiz-file="${FILE}"]`).waitFor();
  assert.match(await page.locator('.notice').textContent(), /Jätkad avaldamata muudatustega/);
  // Back where the trainer was, and the header says when the draft was saved.
  assert.equal(await page.locator(`button[data-quiz-file="${FILE}"]`).getAttribute('aria-current'), 'true', 'the quiz being edited is open again');
  assert.match(await page.locator('.save-status').textContent(), /^Mustand salvestatud kell \d\d:\d\d · pole veel avaldatud$/);
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  assert.equal(await field(page, 'question', 2, 'text').inputValue(), text);
  await field(page, 'question', 2, 'text').fill(`${text} Veel.`);
  const asked = new Promise((done) => page.once('dialog', async (d) => { done(d.type()); await d.accept(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await page.waitForEvent('close');
  await context.close();
});

/** Files a trainer might open by mistake, or on purpose to break the Studio. */
function badInputs() {
  const made = {};
  made['damaged.zip'] = path.join(work, 'damaged.zip');
  const real = fs.readFileSync(path.join(DIST, 'packages', 'tere-scorm2004.zip'));
  fs.writeFileSync(made['damaged.zip'], real.subarray(0, Math.floor(real.length / 3)));
  made['not-a-course.zip'] = path.join(work, 'not-a-course.zip');
  execFileSync('python3', ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1],"w");z.writestr("notes.txt","hello");z.close()', made['not-a-course.zip']]);
  made['bomb.zip'] = path.join(work, 'bomb.zip');
  execFileSync('python3', ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED);z.writestr("source/course.toml",b"#"*(200*1024*1024));z.close()', made['bomb.zip']]);
  made['huge.zip'] = path.join(work, 'huge.zip');
  fs.writeFileSync(made['huge.zip'], Buffer.alloc(25 * 1024 * 1024));
  made['page.html'] = path.join(work, 'page.html');
  fs.writeFileSync(made['page.html'], '<!doctype html><title>x</title><script>window.injected = true</script><p>Not Tere</p>');
  made['broken.gift'] = path.join(work, 'broken.gift');
  fs.writeFileSync(made['broken.gift'], '::Q1:: Kes on klient? {=ostja ~müüja\n\n::Q2:: Tere {\n');
  return made;
}

test('bad input: a plain message says what is wrong, nothing runs, and the open draft stays as it was', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const keep = 'See tekst peab alles jääma.';
  await openQuestion(page, 0);
  await field(page, 'question', 0, 'text').fill(keep);
  for (const [name, file] of Object.entries(badInputs())) {
    const started = Date.now();
    await page.locator('#open-files').setInputFiles(file);
    const error = page.locator('.notice.error');
    await error.waitFor({ timeout: 10_000 });
    assert.match(await error.textContent(), /Faili ei saanud avada/, name);
    assert.ok(Date.now() - started < 10_000, `${name} answered in time`);
    assert.equal(await field(page, 'question', 0, 'text').inputValue(), keep, `${name}: the draft is intact`);
    assert.equal(await page.evaluate(() => window.injected), undefined, `${name}: nothing ran`);
    // Choosing the quiz again clears the message, so the next open shows its own.
    await page.locator(`button[data-quiz-file="${FILE}"]`).click();
    await page.locator('.notice.error').waitFor({ state: 'hidden' });
  }
  // Markup and script inside texts are shown as text and never run.
  const hostile = path.join(ROOT, 'tests/hostile-content');
  await page.locator('#open-files').setInputFiles(fs.readdirSync(hostile).map((f) => path.join(hostile, f)));
  await page.locator('button[data-quiz-file="hostile.toml"]').click();
  await openQuestion(page, 0);
  assert.match(await page.locator('#f-hostile_toml-question-0-text').inputValue(), /<script>/);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the Studio at 1280 px and 768 px: screenshots, and axe-core finds no WCAG 2.1 AA violation', async () => {
  for (const width of [1280, 768]) {
    const context = await browser.newContext({ viewport: { width, height: 1000 }, locale: 'et-EE', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`file://${STUDIO}`);
    await page.locator(`button[data-quiz-file="${FILE}"]`).click();
    await screenshot(page, `studio-${width}`);
    await page.addScriptTag({ path: AXE });
    const audit = () => page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await audit(), [], `the editor at ${width} px`);
    // With a problem shown at its field and in the list, and publishing blocked.
    await openQuestion(page, 0);
    await field(page, 'question', 0, 'option', 0, 'text').fill('');
    await page.locator('.field-problems .problem').first().waitFor();
    assert.deepEqual(await audit(), [], `the editor with a problem at ${width} px`);
    await context.close();
  }
});

test('preview: the quiz being edited plays in the real player, inside the Studio, without publishing, while another quiz has a problem', async () => {
  const { context, page } = await openStudio();
  // A problem in another quiz: it blocks publishing, not this quiz's preview.
  await page.locator('button[data-quiz-file="raske_klient.toml"]').click();
  await openQuestion(page, 0);
  await page.locator('#f-raske_klient_toml-question-0-text').fill('');
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 0);
  const text = 'Eelvaates nähtav uus küsimuse tekst?';
  await field(page, 'question', 0, 'text').fill(text);
  await page.locator('#f-raske_klient_toml-question-0-text').waitFor({ state: 'detached' });
  await page.locator('.problem-entry').first().waitFor();
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled(), 'the course cannot be published');
  await page.locator('[data-action="preview"]').click();
  const player = page.frameLocator('.preview iframe');
  // A preview of one quiz opens at it, with no menu.
  await player.locator('[data-action="start"]').click();
  const shown = await player.locator('section.question').getAttribute('data-question-id');
  if (shown === quizById(QUIZ).questions[0].id) assert.match(await player.locator('section.question').textContent(), /Eelvaates nähtav/);
  await page.locator('[data-action="close-preview"]').click();
  assert.equal(await page.locator('.preview').count(), 0);

  // One question: its preview opens at that question, started, and it is the only one.
  await openQuestion(page, 3);
  await page.locator('section.question-editor').nth(3).locator('[data-action="question-preview"]').click();
  const one = page.frameLocator('.preview iframe');
  await one.locator('section.question').waitFor();
  assert.equal(await one.locator('section.question').getAttribute('data-question-id'), quizById(QUIZ).questions[3].id);
  assert.match(await one.locator('.progress-label').textContent(), /1\/1/, 'the only question of the preview');
  await screenshot(page, 'studio-1280-question-preview');
  await page.locator('[data-action="close-preview"]').click();

  // The quiz with the problem says why its preview does not open, in the Studio's language.
  await page.locator('button[data-quiz-file="raske_klient.toml"]').click();
  await page.locator('[data-action="preview"]').click();
  assert.match(await page.locator('.notice.error').textContent(), /Eelvaadet ei saa avada/);
  assert.equal(await page.locator('.preview').count(), 0);
  assert.deepEqual(page.errors, [], 'no error, no CSP violation');
  await context.close();
});

test('questions as cards: twenty fit in one screen, open on click, are added at the top or between, and found by their text', async () => {
  const { context, page } = await openStudio({ width: 1280, height: 900, bypassCSP: true });
  await page.locator('button[data-quiz-file="raske_klient.toml"]').click();
  const cards = page.locator('section.question-editor');
  const before = await cards.count();
  // One new question (and more, to make twenty): each new one opens.
  for (let i = before; i < Math.max(20, before + 1); i++) await page.locator('[data-action="question-add"]').click();
  // The last one added is open (if any was needed): a click on its card closes it.
  const open = page.locator('[data-action="question-open"][aria-expanded="true"]');
  if (await open.count()) await open.click();
  assert.equal(await page.locator('[data-action="question-open"][aria-expanded="true"]').count(), 0, 'all closed');
  const count = await cards.count();
  assert.ok(count >= 20);
  const [first, twentieth] = [await cards.nth(0).boundingBox(), await cards.nth(19).boundingBox()];
  const twenty = twentieth.y + twentieth.height - first.y;
  assert.ok(twenty <= 900, `twenty cards take ${twenty} px, within one 900 px screen`);
  for (const card of await cards.all()) assert.ok((await card.boundingBox()).height <= 44, 'a card is one line');
  await screenshot(page, 'studio-1280-cards');
  // The card says its problems: the added ones still hold the template.
  assert.ok(Number(await cards.nth(count - 1).locator('.badge').textContent()) > 0, 'an unwritten question shows its problem count');
  // Between: after question 2 comes a new one, opened, with focus in its text.
  await openQuestion(page, 1);
  assert.equal(await page.locator('.suggestion').count(), 0, 'a written question\'s section is no suggestion');
  await cards.nth(1).locator('[data-action="question-add-after"]').click();
  assert.equal(await cards.count(), count + 1);
  await page.waitForFunction(() => document.activeElement?.id === 'f-raske_klient_toml-question-2-text');
  // An untouched new question blocks publishing, with problems in the Studio's language at its fields.
  const problem = page.locator('#f-raske_klient_toml-question-2-text-problem .problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /Siin on veel näidistekst/);
  assert.equal(await page.locator('#f-raske_klient_toml-question-2-text').inputValue(), '', 'the template is a greyed hint, not content');
  assert.ok((await page.locator('#f-raske_klient_toml-question-2-text').getAttribute('placeholder')).length > 0);
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled());
  // Its section is the quiz's most cited one, said to be a suggestion (a written question's is not).
  assert.match(await page.locator('#f-raske_klient_toml-question-2-source-section-suggested').textContent(), /^Soovitus: /);
  assert.match(await page.locator('#f-raske_klient_toml-question-2-source-section').getAttribute('aria-describedby'), /-suggested/);
  const entry = page.locator('.problem-entry').filter({ hasText: 'Küsimus 3 · Küsimuse tekst' });
  assert.match(await entry.first().textContent(), /Raske klient · Küsimus 3 · Küsimuse tekst/, 'the list names the field by its label');
  assert.match(await entry.first().locator('details').textContent(), /raske_klient\.toml:\d+:\d+/, 'the file and line are under Details');
  // No right answer: beside the right-answer boxes, not at the type.
  await page.locator('#f-raske_klient_toml-question-2-option-0-correct').uncheck();
  const options = page.locator('#f-raske_klient_toml-question-2-option-problem .problem');
  await options.waitFor();
  assert.match(await options.textContent(), /täpselt üks vastusevariant/);
  assert.equal(await page.locator('#f-raske_klient_toml-question-2-type-problem').count(), 0);
  await screenshot(page, 'studio-1280-new-question');
  assert.deepEqual(await audit(page), [], 'axe: an open new question with its problems, and the cards');
  // Find: only the questions with those words stay.
  await page.locator('#find-question').fill('jalgrat');
  await page.waitForFunction(() => document.querySelectorAll('section.question-editor').length < 5);
  for (const card of await cards.all()) assert.match((await card.textContent()).toLowerCase(), /jalgrat/);
  assert.match(await page.locator('#find-count').textContent(), /Leitud: \d+ \/ \d+/);
  await page.locator('#find-question').fill('');
  assert.equal(await cards.count(), count + 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the lint's advice on the wording shows in the Studio's language, leads to its place, and does not block publishing", async () => {
  const { context, page } = await openStudio({ bypassCSP: true });
  await page.locator('button[data-quiz-file="raske_klient.toml"]').click();
  await page.locator('.all-good').waitFor();
  assert.equal(await page.locator('section.advice').count(), 0, 'the built-in course has no advice');
  // Hints without a deduction are free: advice, in Estonian, with the English details folded.
  await page.locator('#f-raske_klient_toml-hint_penalty').fill('');
  const entry = page.locator('section.advice .problem-entry');
  await entry.first().waitFor();
  assert.match(await page.locator('#advice-heading').textContent(), /^Soovitused sõnastuse kohta \(1\)$/);
  assert.match(await entry.first().textContent(), /vihje eest ei arvata midagi maha/);
  assert.match(await entry.first().locator('details').textContent(), /raske_klient\.toml:\d+:\d+.*hint_penalty/);
  assert.equal(await page.locator('[data-action="publish-scorm2004"]').isDisabled(), false, 'advice does not block publishing');
  assert.deepEqual(await audit(page), [], 'axe: the advice list');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the Studio on a phone (375 px): cards, an open question with its problems, and the problem and publish bar always on screen; axe finds nothing', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'et-EE', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`file://${STUDIO}`);
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await page.locator('[data-action="question-add"]').click();
  await page.locator('.field-problems .problem').first().waitFor();
  await screenshot(page, 'studio-375-new-question');
  const bar = page.locator('a.jump');
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 800 && box.y > 700, 'the bar sits at the bottom of the screen');
  await page.mouse.wheel(0, 3000);
  const still = await bar.boundingBox();
  assert.ok(still.y > 700 && still.y + still.height <= 800, 'and stays there when the page scrolls');
  assert.match(await bar.textContent(), /Parandamist vajab \(\d+\) · Avalda/);
  assert.deepEqual(await audit(page), []);
  await context.close();
});

test('a GIFT file opens as a new quiz; what GIFT cannot say shows as problems to fix', async () => {
  const { context, page } = await openStudio();
  const gift = path.join(work, 'tervitused.gift');
  // The first question shows a picture as Moodle exports it: the course has that file.
  const picture = '<img src="@@PLUGINFILE@@/rk_veekeetja.svg" alt="Klient hoiab tilkuvat veekeetjat">';
  fs.writeFileSync(gift, `::Tervitus:: [html]${picture.replace(/[=:{}~#]/g, (c) => `\\${c}`)} Kuidas tervitad sisenevat klienti? {=Tere, tulge sisse! ~Ei ütle midagi.}\n\n::Lõpp:: Klient lahkub. Mida ütled? {=Aitäh, head päeva! ~Järgmine!}\n`);
  await page.locator('#open-files').setInputFiles(gift);
  await page.locator('button[data-quiz-file="tervitused.toml"]').click();
  assert.equal(await page.locator('section.question-editor').count(), 2);
  assert.ok(await page.locator('button[data-quiz-file="kontakti_loomine.toml"]').count(), 'the course keeps its quizzes');
  await openQuestion(page, 0);
  const media = page.locator('section.question-editor').nth(0).locator('.media-field');
  await media.locator('.media-shown img').waitFor();
  assert.match(await media.locator('.media-file').textContent(), /^rk_veekeetja\.svg · /, 'the picture is the course\'s own file');
  assert.equal(await page.locator('#f-tervitused_toml-question-0-media-alt').inputValue(), 'Klient hoiab tilkuvat veekeetjat');
  assert.doesNotMatch(await page.locator('#f-tervitused_toml-question-0-text').inputValue(), /<img/, 'the tag left the text');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('keyboard: the file picker is one button Tab reaches; a new question takes focus; a problem in another quiz leads to its field', async () => {
  const { context, page } = await openStudio();
  // "Ava failid" is one button: the browser's own control is hidden from sight, not from
  // the keyboard, and its focus shows on the button the trainer sees.
  const picker = page.locator('#open-files');
  const button = page.locator('label[for="open-files"]');
  assert.equal(await picker.evaluate((input) => getComputedStyle(input).opacity), '0', "the browser's own control is not seen");
  const [inputBox, buttonBox] = [await picker.boundingBox(), await button.boundingBox()];
  assert.ok(buttonBox.height >= 40 && Math.abs(inputBox.width - buttonBox.width) < 1, `one target, the button's size: ${JSON.stringify({ inputBox, buttonBox })}`);
  // From the heading (Undo and Redo are disabled with nothing done), Tab reaches it.
  await page.locator('.studio-header h1').click();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-files', 'Tab from the heading reaches the picker');
  assert.notEqual(await button.evaluate((label) => getComputedStyle(label).outlineStyle), 'none', 'its focus shows on the button');
  assert.equal(await page.getByLabel('Ava failid').getAttribute('id'), 'open-files', 'a screen reader hears its name');
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const n = quizById(QUIZ).questions.length;
  await page.locator('.add-question select').selectOption('true_false');
  await page.locator('[data-action="question-add"]').press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, `f-${FILE.replace('.', '_')}-question-${n}-text`);
  // Written, then deleted: an empty text (the template showed as a hint until then).
  await page.keyboard.type('x');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  const emptied = page.locator('.problem-entry button', { hasText: 'See väli on tühi' }).first();
  await emptied.waitFor();
  // Another quiz on screen: the problem's link brings back this quiz and its field.
  await page.locator('button[data-quiz-file="ettevalmistus.toml"]').click();
  await emptied.click();
  await page.waitForFunction((id) => document.activeElement?.id === id, `f-${FILE.replace('.', '_')}-question-${n}-text`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a scenario's speaker: the customer, a colleague, or someone named", async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const n = quizById(QUIZ).questions.length;
  await page.locator('.add-question select').selectOption('scenario');
  await page.locator('[data-action="question-add"]').click();
  const speaker = page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-speaker`);
  assert.equal(await speaker.inputValue(), 'customer');
  await writeOverPlaceholders(page, n);
  await speaker.selectOption('colleague');
  await page.locator('.all-good').waitFor();
  await speaker.selectOption('named');
  const name = field(page, 'question', n, 'speaker', 'name');
  await name.fill('');
  // Shown at the name, or at the speaker as a whole, wherever validation places it.
  await page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-speaker-name-problem .problem, #f-${FILE.replace('.', '_')}-question-${n}-speaker-problem .problem`).first().waitFor();
  await name.fill('Vahetuse juhataja');
  await page.locator('.all-good').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a new section of the material can be added, named and cited by a question', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await page.locator('details.sections summary').click();
  const before = await page.locator('details.sections li').count();
  await page.locator('[data-action="section-add"]').click();
  await page.locator('#f-sections_toml-section-' + before + '-heading').fill('Telefonikõne vastuvõtmine');
  await page.locator('.all-good').waitFor();
  await openQuestion(page, 0);
  const source = page.locator(`#f-${FILE.replace('.', '_')}-question-0-source-section`);
  await source.selectOption({ label: 'Telefonikõne vastuvõtmine' });
  await page.locator('.all-good').waitFor();
  assert.equal(await source.locator('option:checked').textContent(), 'Telefonikõne vastuvõtmine');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a question's type changes in place: what the new type has too stays, and losing answers is asked first", async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const q0 = quizById(QUIZ).questions[0];
  assert.equal(q0.type, 'single');
  await openQuestion(page, 0);
  const type = field(page, 'question', 0, 'type');
  const optionTexts = async () => {
    const texts = [];
    for (let i = 0; await field(page, 'question', 0, 'option', i, 'text').count(); i++) texts.push(await field(page, 'question', 0, 'option', i, 'text').inputValue());
    return texts;
  };
  const before = await optionTexts();
  assert.deepEqual(before, q0.options.map((o) => o.text), 'the options are shown');

  // Single → multiple: nothing to lose, so nothing is asked; the options stay as written.
  let asked = 0;
  page.on('dialog', (d) => { asked++; d.dismiss(); });
  await type.focus();
  await type.selectOption('multiple');
  await page.locator('.all-good').waitFor();
  assert.equal(asked, 0);
  assert.deepEqual(await optionTexts(), before);
  assert.match(await page.locator('section.question-editor h3').first().textContent(), /Mitu õiget vastust/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), await type.getAttribute('id'), 'focus stays on the choice');

  // Multiple → ordering would remove the options: asked first; "no" puts the choice back.
  await type.selectOption('ordering');
  assert.equal(asked, 1);
  assert.equal(await type.inputValue(), 'multiple');
  assert.deepEqual(await optionTexts(), before, 'nothing changed');

  // "Yes": the options go, and the template's steps come.
  page.removeAllListeners('dialog');
  page.once('dialog', (d) => { asked++; d.accept(); });
  await type.selectOption('ordering');
  // The template's steps are placeholders to write over, each a problem at its field.
  const step = (i) => page.locator(`#f-${FILE.replace('.', '_')}-question-0-items-${i}-problem .problem`);
  await step(2).waitFor();
  assert.match(await step(0).textContent(), /Siin on veel näidistekst/);
  assert.equal(await field(page, 'question', 0, 'items', 0).getAttribute('placeholder'), 'Samm 1', 'the template step is a greyed hint');
  assert.equal(await field(page, 'question', 0, 'items', 0).inputValue(), '');
  assert.equal(asked, 2);
  assert.equal(await page.locator('section.question-editor >> nth=0').locator('fieldset.options').count(), 0);
  assert.equal(await field(page, 'question', 0, 'items', 2).count(), 1, 'three steps to order');
  assert.equal(await field(page, 'question', 0, 'text').inputValue(), q0.text, 'the question text stays');
  await page.locator('section.question-editor').first().screenshot({ path: path.join(SCREENSHOTS, 'studio-retype-1280.png') });
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The draft as the Studio keeps it (saved on every change). */
const draftOf = (page) => page.evaluate(() => localStorage.getItem('tere-studio.draft.v1'));

/** Waits until the saved draft is `text` (it is saved right after the render). */
async function draftIs(page, text, message) {
  await page.waitForFunction((t) => localStorage.getItem('tere-studio.draft.v1') === t, text, { timeout: 3000 }).catch(() => {});
  assert.equal(await draftOf(page), text, message);
}

test('removing a question or a quiz, or starting over, asks first, says what goes, and can be undone', async () => {
  for (const width of [1280, 375]) {
    // axe-core is added as a script: the audited page lifts its CSP.
    const { context, page } = await openStudio({ width, height: 900, bypassCSP: width === 1280 });
    await page.locator(`button[data-quiz-file="${FILE}"]`).click();
    const before = await draftOf(page);
    assert.equal(await page.locator('.add-question select').inputValue(), 'single', 'adding a question offers a graded type first');
    const questions = page.locator('section.question-editor');
    const count = await questions.count();
    const asked = [];
    let answer = false;
    page.on('dialog', (d) => { asked.push(d.message()); if (answer) d.accept(); else d.dismiss(); });

    // A question: "no" keeps it; "yes" removes it, and the notice offers to undo.
    await openQuestion(page, 0);
    await page.locator('[data-action="question-remove"]').first().click();
    assert.match(asked.at(-1), /^Eemaldada küsimus 1 \(„.+“\)\?$/);
    assert.equal(await questions.count(), count, 'Cancel removes nothing');
    answer = true;
    await page.locator('[data-action="question-remove"]').first().click();
    assert.equal(await questions.count(), count - 1);
    const notice = page.locator('.notice:not([hidden])');
    assert.match(await notice.textContent(), /Eemaldatud: Küsimus 1\./);
    if (width === 1280) await page.addScriptTag({ path: AXE });
    await screenshot(page, `studio-removed-${width}`);
    await page.locator('[data-action="undo-removal"]').click();
    assert.equal(await questions.count(), count);
    await draftIs(page, before, 'the undo gives back the draft byte for byte');

    // A quiz, with its questions counted; Ctrl+Z brings it back.
    const quizzes = page.locator('.quiz-list > li');
    const quizCount = await quizzes.count();
    await page.locator('[data-action="quiz-remove"]').click();
    assert.match(asked.at(-1), new RegExp(`^Eemaldada test „.+“ \\(${count} küsimust\\)\\?$`));
    assert.equal(await quizzes.count(), quizCount - 1);
    await page.keyboard.press('Control+z');
    assert.equal(await quizzes.count(), quizCount);
    await draftIs(page, before, 'the quiz is back as it was');

    // Starting over is named so, is not the header's first button, and asks first.
    const reset = page.locator('[data-action="open-builtin"]');
    assert.equal(await reset.textContent(), 'Alusta uuesti sisseehitatud kursusest');
    assert.notEqual(await page.locator('.studio-header button').first().getAttribute('data-action'), 'open-builtin');
    await page.locator(`button[data-quiz-file="${FILE}"]`).click();
    await openQuestion(page, 0);
    await field(page, 'question', 0, 'text').fill('Minu oma küsimus');
    const edited = await draftOf(page);
    await reset.click();
    assert.match(asked.at(-1), /Alustada uuesti sisseehitatud kursusest\?/);
    await draftIs(page, before, 'the built-in course again');
    await page.locator('[data-action="undo"]').click();
    await draftIs(page, edited, 'and the trainer\'s course back with one undo');
    if (width === 1280) {
      const audit = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(audit, [], 'axe: the editor with undo and redo');
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('a value typed right after editing another field is kept when the check runs', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const passMark = page.locator(`#f-${FILE.replace('.', '_')}-pass_mark`);
  const text = 'Kuidas tervitad klienti, kes siseneb kauplusesse?';
  await openQuestion(page, 0);
  await field(page, 'question', 0, 'text').fill(text);
  // Within 300 ms, before the check (200 ms after the last keystroke) has run.
  await passMark.click();
  await passMark.press('Control+a');
  await page.keyboard.type('70');
  await page.waitForTimeout(800);
  assert.equal(await passMark.inputValue(), '70', 'the pass mark being typed is not put back');
  assert.equal(await field(page, 'question', 0, 'text').inputValue(), text);
  const saved = await draftOf(page);
  assert.match(saved, /pass_mark = 70/);
  assert.ok(saved.includes(text));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Ctrl+Z walks back ten mixed edits and Ctrl+Shift+Z forward again, byte for byte', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const before = await draftOf(page);
  const passMark = page.locator(`#f-${FILE.replace('.', '_')}-pass_mark`);
  const edits = [
    async () => { await openQuestion(page, 0); await field(page, 'question', 0, 'text').fill('Esimene muudatus'); },
    async () => { await openQuestion(page, 1); await field(page, 'question', 1, 'text').fill('Teine muudatus'); },
    () => passMark.fill('65'),
    async () => { await openQuestion(page, 0); await field(page, 'question', 0, 'explanation').fill('Selgitus muutus'); },
    () => page.locator('[data-action="option-add"]').first().click(),
    () => field(page, 'question', 0, 'option', 0, 'feedback').fill('Uus tagasiside'),
    () => page.locator('[data-action="question-down"]').first().click(),
    () => page.locator(`#f-${FILE.replace('.', '_')}-title`).fill('Uus pealkiri'),
    () => page.locator('[data-action="question-duplicate"]').first().click(),
    async () => { await openQuestion(page, 2); await field(page, 'question', 2, 'text').fill('Kümnes muudatus'); },
  ];
  for (const edit of edits) {
    await edit();
    await page.waitForTimeout(30);
  }
  const after = await draftOf(page);
  assert.notEqual(after, before);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  for (let i = 0; i < edits.length; i++) await page.keyboard.press('Control+z');
  await draftIs(page, before, 'ten undos: the draft as it was opened');
  assert.equal(await page.locator('[data-action="undo"]').isDisabled(), true, 'nothing further back');
  for (let i = 0; i < edits.length; i++) await page.keyboard.press('Control+Shift+z');
  await draftIs(page, after, 'ten redos: the draft with every edit');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('bad files never freeze or break the Studio: a message within 2 s, the page answers, the course is unchanged', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const before = await draftOf(page);
  const dir = fs.mkdtempSync(path.join(work, 'bad-'));
  const write = (name, text) => { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; };
  const course = fs.readFileSync(path.join(ROOT, 'questions/course.toml'), 'utf8');
  const sections = fs.readFileSync(path.join(ROOT, 'questions/sections.toml'), 'utf8');
  const question = (n) => `::kysimus_${n}:: Kuidas tervitad klienti number ${n}? {=Tere päevast!#Hea ~Tšau#Liiga familiaarne ~Mis vaja?#Ebaviisakas}\n\n`;
  // The largest files allowed: 2 MiB (the limit a package's source file has), padded with comments.
  const padded = (body, comment, limit = 2 * 1024 * 1024 - 64) => {
    let text = body;
    const line = `${comment} ${'x'.repeat(200)}\n`;
    while (Buffer.byteLength(text) + line.length < limit) text += line;
    return text;
  };
  const cases = [
    { name: '15 MB GIFT file', files: [write('suur.gift', question(1).repeat(Math.ceil(15e6 / question(1).length)))], refused: /on liiga suur|too large/ },
    { name: 'quiz file nested 20,000 brackets deep', files: [write('course.toml', course), write('sections.toml', sections), write('sugav.toml', `id = "sugav"\nx = ${'['.repeat(20000)}${']'.repeat(20000)}\n`)], refused: /sugav\.toml, rida 2: andmed on pesastatud sügavamale kui 32 taset/ },
    { name: 'GIFT file with more questions than a quiz takes', files: [write('pank.gift', Array.from({ length: 400 }, (_, n) => question(n)).join(''))], refused: /GIFT-faili ei saanud lugeda[^]*400 questions/ },
    { name: 'largest allowed GIFT file', files: [write('suurim.gift', padded(Array.from({ length: 100 }, (_, n) => question(n)).join(''), '//'))], refused: null },
    { name: 'largest allowed course file', files: [write('course.toml', padded(course, '#')), write('sections.toml', sections)], refused: null },
  ];
  for (const c of cases) {
    // Back to the course being edited (an allowed file replaced or extended it).
    if ((await draftOf(page)) !== before) {
      page.once('dialog', (d) => d.accept());
      await page.locator('[data-action="open-builtin"]').click();
      await draftIs(page, before, 'back to the built-in course');
    }
    const previous = await page.locator('.notice').textContent();
    const started = Date.now();
    await page.locator('#open-files').setInputFiles(c.files);
    const notice = page.locator('.notice:not([hidden])');
    await page.waitForFunction((p) => { const n = document.querySelector('.notice'); return n && !n.hidden && n.textContent !== p; }, previous, { timeout: 2000 });
    const took = Date.now() - started;
    console.log(`# ${c.name}: message after ${took} ms`);
    assert.ok(took < 2000, `${c.name}: a message within 2 s (${took} ms)`);
    const answered = Date.now();
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.ok(Date.now() - answered < 500, `${c.name}: the page answers`);
    if (c.refused) {
      assert.match(await notice.textContent(), c.refused, c.name);
      assert.equal(await draftOf(page), before, `${c.name}: the course being edited is unchanged`);
    } else {
      assert.match(await notice.textContent(), /Avatud/, c.name);
    }
    assert.deepEqual(page.errors, [], c.name);
  }
  await context.close();
});

test('after publishing, the Studio shows when, and a reload no longer calls the changes unfinished', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  await field(page, 'question', 1, 'text').fill('Kuidas alustad vestlust kliendiga, kes vaatab riiulit?');
  await page.locator('.all-good').waitFor();
  await publish(page, 'publish-toml', 'published.zip');
  assert.match(await page.locator('.save-status').textContent(), /avaldatud kell \d\d:\d\d/);
  await page.reload();
  await page.locator(`button[data-quiz-file="${FILE}"]`).waitFor();
  const notice = await page.locator('.notice').textContent();
  assert.match(notice, /Jätkad kursusega, mis avaldati kell \d\d:\d\d/);
  assert.doesNotMatch(notice, /pooleli/);
  // Nothing unpublished: leaving asks nothing.
  let asked = false;
  page.on('dialog', (d) => { asked = true; d.accept(); });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  assert.equal(asked, false);
  await context.close();
});

test('every stage apart: one zip with a SCORM 2004 package per quiz in course order and a README; a stage validates and plays in the LMS', async () => {
  // The publish section at 1280 and 375 px: screenshots, and axe finds nothing.
  for (const width of [1280, 375]) {
    const { context, page } = await openStudio({ width, height: 900, bypassCSP: true });
    await page.locator('.all-good').waitFor();
    const section = page.locator('section.publish');
    await section.scrollIntoViewIfNeeded();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await section.screenshot({ path: path.join(SCREENSHOTS, `studio-publish-${width}.png`) });
    assert.match(await section.textContent(), /Moodle'i mobiilirakendus toetab ainult SCORM 1\.2 pakette/);
    assert.equal(await page.locator('[data-action="publish-stages-scorm12"]').textContent(), 'Iga etapp eraldi paketina (SCORM\u00a01.2,\u00a0zip)');
    assert.deepEqual(await audit(page), [], `the publish section at ${width} px`);
    await context.close();
  }
  const { context, page } = await openStudio();
  await page.locator('.all-good').waitFor();
  const outer = await publish(page, 'publish-stages-scorm2004', 'studio-stages-scorm2004.zip');
  assert.match(await page.locator('.notice').textContent(), /tere-stages-scorm2004\.zip/);
  // The same in SCORM 1.2: one package per quiz, named for its version.
  const outer12 = await publish(page, 'publish-stages-scorm12', 'studio-stages-scorm12.zip');
  assert.deepEqual(unzip(outer12).list, ['README.txt', ...COURSE.quizzes.map((q) => `${q.id}-scorm12.zip`)]);
  assert.deepEqual(page.errors, []);
  await context.close();

  const stages = unzip(outer);
  assert.deepEqual(stages.list, ['README.txt', ...COURSE.quizzes.map((q) => `${q.id}-scorm2004.zip`)]);
  const readme = fs.readFileSync(path.join(stages.dir, 'README.txt'), 'utf8');
  assert.match(readme, /Iga siinne zip-fail on üks Moodle'i SCORM-tegevus/);
  assert.match(readme, new RegExp(`${QUIZ}-scorm2004\\.zip  ${quizById(QUIZ).title}`));
  // One stage's package: its manifest is valid SCORM 2004, it launches that stage alone.
  const pkg = unzip(path.join(stages.dir, `${QUIZ}-scorm2004.zip`));
  execFileSync('xmllint', ['--noout', '--schema', path.join(XSD, 'scorm2004/wrapper2004.xsd'), path.join(pkg.dir, 'imsmanifest.xml')], { stdio: 'pipe' });
  assert.match(fs.readFileSync(path.join(pkg.dir, 'imsmanifest.xml'), 'utf8'), new RegExp(`href="index.html\\?quiz=${QUIZ}"`));
  assert.deepEqual(pkg.list.filter((f) => f.startsWith('content/') && !f.startsWith('content/media/')).sort(), ['content/course.pack', `content/quiz-${QUIZ}.pack`].flatMap((p) => [p, `${p}.gz`]), 'each pack and its gzip copy');
  assert.deepEqual(pkg.list.filter((f) => f.startsWith('content/media/')).sort(), quizById(QUIZ).media.map((m) => `content/media/${m}`), 'the pictures its questions show, from the Studio');
  const lms = await serve({ '/vendor/': path.join(ROOT, 'node_modules/scorm-again/dist'), '/lms/': path.join(ROOT, 'tests/hosts'), [MOODLE_PATH]: pkg.dir });
  const lmsPage = await browser.newPage();
  await lmsPage.goto(`${lms.base}/lms/lms.html?v=2004&launch=${encodeURIComponent(`${MOODLE_PATH}index.html?quiz=${QUIZ}`)}`);
  const frame = lmsPage.frameLocator('#sco');
  const quiz = quizById(QUIZ);
  assert.equal(await frame.locator('h1, h2').first().textContent(), quiz.title);
  await playQuiz(frame, quiz, () => true);
  assert.deepEqual(await summary(frame), { score: 100, passed: true });
  await unload(lmsPage);
  const data = await lmsPage.evaluate(() => window.cmiData());
  assert.equal(data['cmi.success_status'], 'passed');
  assert.deepEqual(violations('2004', await lmsPage.evaluate(() => window.calls)), []);
  assert.deepEqual(lms.missing, []);
  await lmsPage.close();
  await lms.close();
});

test('a dialogue: a step and a reply added and linked, the map follows, a problem shown and fixed, previewed and published', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const quiz = quizById(QUIZ);
  const n = quiz.questions.findIndex((q) => q.type === 'dialogue');
  const d = quiz.questions[n];
  await openQuestion(page, n);
  const editor = page.locator('section.question-editor').nth(n);
  const map = editor.locator('.dialogue-map');
  await map.waitFor();
  assert.equal(await map.locator('g.node').count(), d.steps.length + d.endings.length, 'a box for every step and ending');
  assert.ok(await map.locator('line.way.best').count() >= d.bestPath.length, 'the best way drawn thick, an arrow a reply at least');
  await screenshot(page, 'studio-dialogue-1280');

  // A new step: more on the map, its placeholder texts problems until written.
  await editor.locator('[data-action="step-add"]').click();
  const s = d.steps.length;
  await field(page, 'question', n, 'step', s, 'line').waitFor();
  assert.equal(await map.locator('g.node').count(), d.steps.length + d.endings.length + 1);
  const newId = await field(page, 'question', n, 'step', s, 'id').inputValue();
  await field(page, 'question', n, 'step', s, 'line').fill('Aga kas teil seda ka suuremas suuruses on?');
  for (const [r, words] of [[0, 'Vaatan kohe laost järele.'], [1, 'Ei tea, vaadake ise riiulist.']]) {
    await field(page, 'question', n, 'step', s, 'reply', r, 'text').fill(words);
    await field(page, 'question', n, 'step', s, 'reply', r, 'feedback').fill(r === 0 ? 'Aitad kohe.' : 'Jätad kliendi üksi.');
  }
  // And a third reply to it.
  await editor.locator('.step-editor').nth(s).locator('[data-action="reply-add"]').click();
  await field(page, 'question', n, 'step', s, 'reply', 2, 'text').fill('Suuremat pole, aga tellin teile.');
  await field(page, 'question', n, 'step', s, 'reply', 2, 'feedback').fill('Pakud lahenduse.');
  // Written, but no reply leads to it yet: said at its id.
  const unreached = page.locator(`#f-${FILE.replace('.', '_')}-question-${n}-step-${s}-id-problem .problem`);
  await unreached.waitFor();
  assert.match(await unreached.textContent(), /Ükski tee/);
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled());
  // Linked from the first step's first reply: the problem goes, an arrow leads into the new box.
  await field(page, 'question', n, 'step', 0, 'reply', 0, 'next').selectOption(newId);
  await unreached.waitFor({ state: 'detached' });
  await page.locator('.all-good').waitFor();
  const into = await map.evaluate((svg, id) => {
    const rect = svg.querySelector(`g.node[data-part="${id}"] rect`);
    const [x, y, h] = ['x', 'y', 'height'].map((a) => Number(rect.getAttribute(a)));
    return [...svg.querySelectorAll('line.way')].some((l) => Number(l.getAttribute('x2')) === x && Number(l.getAttribute('y2')) === y + h / 2);
  }, newId);
  assert.ok(into, 'an arrow into the new step');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'the map scrolls within its column, not the page');
  await screenshot(page, 'studio-dialogue-linked-1280');

  // The question's preview plays the new way in the real player.
  await editor.locator('[data-action="question-preview"]').click();
  const player = page.frameLocator('.preview iframe');
  await player.locator('.replies').waitFor();
  await player.locator('.replies button[data-reply-index="0"]').click();
  await player.locator('.transcript li.other').nth(1).waitFor();
  assert.equal(await player.locator('.transcript li.other').last().locator('.said').textContent(), 'Aga kas teil seda ka suuremas suuruses on?');
  await page.locator('[data-action="close-preview"]').click();

  // Published: the zip's source holds the new step, as written.
  const zip = unzip(await publish(page, 'publish-scorm2004', 'studio-dialogue.zip'));
  const source = fs.readFileSync(path.join(zip.dir, 'source', FILE), 'utf8');
  assert.ok(source.includes(`id = "${newId}"`) && source.includes('Suuremat pole, aga tellin teile.'), 'the new step in the published source');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a picture: added without alt text (the problem at its field), the alt written, published; the zip holds it, a reload keeps it, and the zip opens again with it', async () => {
  const { context, page } = await openStudio({ bypassCSP: true });
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  // The built-in course carries its pictures: the first question's shows, with no problem.
  await openQuestion(page, 0);
  const builtin = page.locator('section.question-editor').nth(0).locator('.media-field');
  await builtin.locator('.media-shown img').waitFor();
  assert.equal(await builtin.locator('.problem').count(), 0, 'the built-in picture is found');
  assert.ok((await field(page, 'question', 0, 'media', 'alt').inputValue()).length > 20, 'its alt text is in the field beside it');
  await page.locator('.all-good').waitFor();

  await openQuestion(page, 1);
  const editor = page.locator('section.question-editor').nth(1);
  const picture = path.join(ROOT, 'tests/media-course/media/veekeetja.svg');
  await editor.locator('[data-action="media-pick"]').setInputFiles({ name: 'Kliendi veekeetja.svg', mimeType: 'image/svg+xml', buffer: fs.readFileSync(picture) });
  await editor.locator('.media-shown img').waitFor();
  assert.match(await editor.locator('.media-file').textContent(), /Kliendi veekeetja\.svg · [\d.]+ KB/);
  // No alt text yet: the problem is at the picture's fields, and publishing waits for it.
  const problem = page.locator(`#f-${FILE.replace('.', '_')}-question-1-media-problem .problem`);
  await problem.waitFor();
  assert.match(await problem.textContent(), /alternatiivtekst|Alternatiivtekst|dekoratiivne/i);
  assert.ok(await page.locator('[data-action="publish-scorm2004"]').isDisabled(), 'a picture without alt text is not published');
  assert.equal(await editor.locator('fieldset.media-field').getAttribute('aria-describedby'), `f-${FILE.replace('.', '_')}-question-1-media-problem`, 'the problem is read with the group');
  await screenshot(page, 'studio-1280-media-problem');
  const alt = 'Klient tõstab letile veekeetja, mille põhja alt tilgub vett.';
  await field(page, 'question', 1, 'media', 'alt').fill(alt);
  await page.locator('.all-good').waitFor();
  assert.deepEqual(await audit(page), [], 'axe: the picture and its fields');
  await page.setViewportSize({ width: 375, height: 800 });
  await editor.locator('.media-field').scrollIntoViewIfNeeded();
  await screenshot(page, 'studio-375-media');
  assert.ok(await editor.locator('.media-shown img').evaluate((img) => img.getBoundingClientRect().right <= window.innerWidth), 'the picture fits the phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Published: the zip holds the picture for the learner (by its content hash) and in its source.
  const zip = await publish(page, 'publish-scorm2004', 'studio-media.zip');
  const pkg = unzip(zip);
  const bytes = fs.readFileSync(picture);
  assert.ok(fs.readFileSync(path.join(pkg.dir, 'source/media/Kliendi veekeetja.svg')).equals(bytes), 'the source keeps it by its name');
  const packed = pkg.list.filter((f) => f.startsWith('content/media/')).filter((f) => fs.readFileSync(path.join(pkg.dir, f)).equals(bytes));
  assert.equal(packed.length, 1, 'the learner gets it once, by its hash');
  assert.match(fs.readFileSync(path.join(pkg.dir, 'imsmanifest.xml'), 'utf8'), new RegExp(`href="${packed[0]}"`));
  assert.match(fs.readFileSync(path.join(pkg.dir, `source/${FILE}`), 'utf8'), new RegExp(`media = \\{ file = "Kliendi veekeetja.svg", alt = "${alt}" \\}`));

  // A reload keeps the picture (the draft's media are saved with it).
  await page.reload();
  await page.locator(`[data-quiz-file="${FILE}"]`).first().waitFor();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  await page.locator('section.question-editor').nth(1).locator('.media-shown img').waitFor();

  // Opened again from the zip over the built-in course: the picture is back, with no problem.
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-action="open-builtin"]').click();
  await page.locator('#open-files').setInputFiles(zip);
  await page.locator('.notice:not([hidden])').filter({ hasText: 'studio-media.zip' }).waitFor();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  await page.locator('section.question-editor').nth(1).locator('.media-shown img').waitFor();
  assert.equal(await field(page, 'question', 1, 'media', 'alt').inputValue(), alt);
  await page.locator('.all-good').waitFor();
  // Removed, it can be undone.
  await page.locator('section.question-editor').nth(1).locator('[data-action="media-remove"]').click();
  await page.locator('section.question-editor').nth(1).locator('[data-action="media-pick"]').waitFor();
  await page.locator('[data-action="undo-removal"]').click();
  await page.locator('section.question-editor').nth(1).locator('.media-shown img').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});


/** A PNG of `width` × `height` random RGB pixels (it does not compress): about 3 bytes a pixel. */
function noisePng(width, height, seed) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < rows.length; i++) {
    // xorshift32: reproducible noise; each row's first byte (its filter) is 0.
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    rows[i] = i % (width * 3 + 1) === 0 ? 0 : x & 0xff;
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

test("pictures beyond local storage's few megabytes are kept: three 1.5 MB photos survive a reload, with their alt texts", async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  const photos = [1, 2, 3].map((n) => ({ name: `Foto ${n}.png`, buffer: noisePng(700, 700, n) }));
  // Together about 4.4 MB: in base64 more than local storage holds for a site (about 5 million characters).
  assert.ok(photos.reduce((sum, p) => sum + p.buffer.length, 0) * 4 / 3 > 5.5e6, 'more than local storage takes');
  for (const [i, photo] of photos.entries()) {
    await openQuestion(page, i + 1);
    const editor = page.locator('section.question-editor').nth(i + 1);
    await editor.locator('[data-action="media-pick"]').setInputFiles({ name: photo.name, mimeType: 'image/png', buffer: photo.buffer });
    await editor.locator('.media-shown img').waitFor();
    await field(page, 'question', i + 1, 'media', 'alt').fill(`Foto number ${i + 1}: leti ääres seisev klient.`);
  }
  await page.locator('.all-good').waitFor();
  // Saved in IndexedDB (studio/src/media_store.rs), and the status line does not say
  // the pictures stay only while the page is open.
  const keptNames = () => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('tere-studio');
    open.onupgradeneeded = () => open.transaction.abort(); // not made here: only the Studio makes it
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('media')) return resolve([]);
      const keys = db.transaction('media').objectStore('media').getAllKeys();
      keys.onsuccess = () => { db.close(); resolve(keys.result); };
    };
    open.onerror = () => resolve([]);
  }));
  for (let tries = 0; (await keptNames()).length < photos.length && tries < 50; tries++) await page.waitForTimeout(100);
  assert.deepEqual((await keptNames()).filter((n) => n.startsWith('Foto')), photos.map((p) => p.name));
  assert.doesNotMatch(await page.locator('.save-status').textContent(), /ei mahtunud/, 'the status says nothing is left unsaved');
  assert.equal(await page.evaluate(() => localStorage.getItem('tere-studio.media.v1')), null, 'not in local storage: it would not fit');

  await page.reload();
  await page.locator(`[data-quiz-file="${FILE}"]`).first().waitFor();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  for (const [i, photo] of photos.entries()) {
    await openQuestion(page, i + 1);
    const editor = page.locator('section.question-editor').nth(i + 1);
    await editor.locator('.media-shown img').waitFor();
    assert.ok(await editor.locator('.media-shown img').evaluate((img) => img.decode().then(() => img.naturalWidth === 700)), `${photo.name} shows`);
    assert.match(await editor.locator('.media-file').textContent(), new RegExp(photo.name.replace('.', '\\.')));
    assert.equal(await field(page, 'question', i + 1, 'media', 'alt').inputValue(), `Foto number ${i + 1}: leti ääres seisev klient.`);
  }
  await page.locator('.all-good').waitFor();
  // And the same bytes go into what is published.
  const pkg = unzip(await publish(page, 'publish-scorm2004', 'studio-photos.zip'));
  for (const photo of photos) {
    assert.ok(fs.readFileSync(path.join(pkg.dir, 'source/media', photo.name)).equals(photo.buffer), `${photo.name} byte for byte`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without IndexedDB (a locked-down browser) a picture is kept in local storage, as far as it fits, and comes back after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'et-EE' });
  await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`file://${STUDIO}`);
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  const picture = fs.readFileSync(path.join(ROOT, 'tests/media-course/media/veekeetja.svg'));
  await page.locator('section.question-editor').nth(1).locator('[data-action="media-pick"]').setInputFiles({ name: 'veekeetja.svg', mimeType: 'image/svg+xml', buffer: picture });
  await page.waitForFunction(() => localStorage.getItem('tere-studio.media.v1')?.includes('veekeetja.svg'));
  await page.reload();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  await page.locator('section.question-editor').nth(1).locator('.media-shown img').waitFor();
  assert.doesNotMatch(await page.locator('.save-status').textContent(), /ei mahtunud/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('cmi5 and xAPI packages from the Studio: the edited course with the xAPI player as built, a valid cmi5.xml, and both open again', async () => {
  const { context, page } = await openStudio();
  await page.locator(`button[data-quiz-file="${FILE}"]`).click();
  await openQuestion(page, 1);
  const changed = 'Muudetud küsimus LRS-i jaoks: kuidas alustad vestlust?';
  await field(page, 'question', 1, 'text').fill(changed);
  await page.locator('.all-good').waitFor();
  const xapiWasm = fs.readdirSync(process.env.TERE_DIST_XAPI ?? path.join(ROOT, 'dist-xapi')).find((f) => f.endsWith('_bg.wasm'));
  for (const [hook, descriptor] of [['publish-cmi5', 'cmi5.xml'], ['publish-xapi', 'tincan.xml']]) {
    const zip = await publish(page, hook, `${hook}.zip`);
    const pkg = unzip(zip);
    assert.equal(pkg.list[0], descriptor, `${descriptor} first`);
    if (descriptor === 'cmi5.xml') execFileSync('xmllint', ['--noout', '--schema', CMI5_XSD, path.join(pkg.dir, 'cmi5.xml')], { stdio: 'pipe' });
    const built = fs.readFileSync(path.join(process.env.TERE_DIST_XAPI ?? path.join(ROOT, 'dist-xapi'), xapiWasm));
    assert.ok(fs.readFileSync(path.join(pkg.dir, xapiWasm)).equals(built), 'the xAPI player, byte for byte as built');
    assert.match(fs.readFileSync(path.join(pkg.dir, `source/${FILE}`), 'utf8'), new RegExp(changed), 'the edited course');
    assert.ok(pkg.list.some((f) => f.startsWith('content/media/')), 'with the course\'s pictures');
    page.once('dialog', (d) => d.accept());
    await page.locator('[data-action="open-builtin"]').click();
    await page.locator('#open-files').setInputFiles(zip);
    await page.locator('.notice:not([hidden])').filter({ hasText: `${hook}.zip` }).waitFor();
    await page.locator(`button[data-quiz-file="${FILE}"]`).click();
    await openQuestion(page, 1);
    assert.equal(await field(page, 'question', 1, 'text').inputValue(), changed);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});
