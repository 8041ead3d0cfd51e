// The two single-file pages in Firefox, not only Chromium: tere-offline.html (the quiz
// player with the course inside) and tere-studio.html (the editor), each opened from
// disk (file://); and two stage packages served as Moodle serves them, the second
// taking the player the first kept. Debian's firefox-esr, driven by geckodriver
// (crates.io) over the W3C WebDriver HTTP protocol with plain fetch; both are installed
// by `cargo xtask setup`.
// Without them the test is skipped locally, and fails in CI (CI set).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, unzip } from './server.mjs';

// As in harness.mjs (not imported: this test needs neither Chromium nor the course export).
const DIST = process.env.TERE_DIST ?? path.resolve('dist');
const SCREENSHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../screenshots');

const FIREFOX = '/usr/bin/firefox-esr';
const OFFLINE = path.join(DIST, 'packages', 'tere-offline.html');
const STUDIO = path.join(DIST, 'packages', 'tere-studio.html');
const FILE = 'kontakti_loomine.toml';
const field = (...segs) => `#f-${FILE.replace('.', '_')}-${segs.join('-')}`;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEY = { ctrl: '\uE009', release: '\uE000', backspace: '\uE003' };

/** geckodriver from PATH, or where `cargo install` puts it. */
function findGeckodriver() {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  dirs.push(path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin'));
  return dirs.map((d) => path.join(d, 'geckodriver')).find((f) => { try { fs.accessSync(f, fs.constants.X_OK); return true; } catch { return false; } });
}

const GECKODRIVER = findGeckodriver();
const MISSING = [!GECKODRIVER && 'geckodriver (cargo install --locked geckodriver)', !fs.existsSync(FIREFOX) && `firefox-esr (${FIREFOX}; apt-get install firefox-esr)`].filter(Boolean);

/** Skips locally when a tool is missing (`cargo xtask setup` installs both); in CI, fails. */
function needTools(t) {
  if (MISSING.length === 0) return true;
  const message = `missing ${MISSING.join(' and ')}; run \`cargo xtask setup\``;
  if (process.env.CI) assert.fail(`Firefox test in CI: ${message}`);
  t.skip(message);
  return false;
}

// --- A minimal W3C WebDriver client ---------------------------------------------------

let driver; let base; let session; let log = '';

async function wd(method, url, body) {
  const res = await fetch(`${base}${url}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`WebDriver ${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}
const s = (url) => `/session/${session}${url}`;
const find = async (css) => (await wd('POST', s('/elements'), { using: 'css selector', value: css })).map((e) => e[ELEMENT]);
const exec = (script, ...args) => wd('POST', s('/execute/sync'), { script, args });

/** The elements matching `css`, polled for up to `ms` (a wasm page renders after load). */
async function waitFor(css, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const found = await find(css);
    if (found.length) return found;
    if (Date.now() > end) {
      const body = await exec('return document.body ? document.body.innerText.slice(0, 500) : "(no body)"').catch(() => '?');
      throw new Error(`no ${css} after ${ms} ms; page text: ${JSON.stringify(body)}\nerrors in Firefox's output:\n${consoleErrors().join('\n')}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
const click = (el) => wd('POST', s(`/element/${el}/click`), {});
const type = (el, text) => wd('POST', s(`/element/${el}/value`), { text });
const value = (el) => wd('GET', s(`/element/${el}/property/value`));
const enabled = (el) => wd('GET', s(`/element/${el}/enabled`));
/** Empties a field as a user does (select all, delete), so `input` events fire. */
const erase = async (el) => { await click(el); await type(el, `${KEY.ctrl}a${KEY.release}${KEY.backspace}`); };

/**
 * Loads a file:// page, then hooks uncaught errors, rejections, CSP violations and
 * console.error. WebDriver classic cannot hook before load, so what happens during
 * load is read from Firefox's own output (devtools.console.stdout.content): content
 * console calls and "JavaScript error: <url>" lines, which geckodriver passes on.
 */
async function open(file) {
  log = '';
  await wd('POST', s('/url'), { url: `file://${file}` });
  await exec(`window.__errors = [];
    addEventListener('error', (e) => __errors.push(String(e.error ?? e.message)));
    addEventListener('unhandledrejection', (e) => __errors.push('unhandled rejection: ' + String(e.reason)));
    document.addEventListener('securitypolicyviolation', (e) => __errors.push('CSP blocked ' + e.blockedURI + ' (' + e.violatedDirective + ')'));
    const error = console.error.bind(console);
    console.error = (...a) => { __errors.push(a.map(String).join(' ')); error(...a); };`);
}
const pageErrors = () => exec('return window.__errors');
/**
 * The page's errors in Firefox's output since it was opened: uncaught errors (CSP's
 * refusals of eval or wasm compilation included) name the page's file:// URL; the
 * page's console.error prints its arguments quoted (Firefox's own messages do not).
 */
const consoleErrors = () => log.split('\n').filter((l) => l.startsWith('JavaScript error: file://') || l.startsWith('console.error: "'));

/** Makes the viewport (not the outer window) width x height. */
async function viewport(width, height) {
  await wd('POST', s('/window/rect'), { width, height });
  const [w, h] = await exec('return [innerWidth, innerHeight]');
  if (w !== width || h !== height) await wd('POST', s('/window/rect'), { width: 2 * width - w, height: 2 * height - h });
}

before(async () => {
  if (MISSING.length) return;
  driver = spawn(GECKODRIVER, ['--port', '0', '--binary', FIREFOX], { stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = new Promise((ok, fail) => {
    const onData = (chunk) => {
      log += chunk;
      const m = /Listening on ([\d.]+:\d+)/.exec(log);
      if (m) ok(`http://${m[1]}`);
    };
    driver.stdout.on('data', onData);
    driver.stderr.on('data', onData);
    driver.on('exit', (code) => fail(new Error(`geckodriver exited (${code}):\n${log}`)));
    setTimeout(() => fail(new Error(`geckodriver did not start:\n${log}`)), 10000).unref();
  });
  base = await listening;
  const created = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: FIREFOX,
          args: ['-headless'],
          prefs: { 'devtools.console.stdout.content': true, 'intl.accept_languages': 'et-EE, et', 'browser.shell.checkDefaultBrowser': false },
        },
      },
    },
  });
  session = created.sessionId;
  console.log(`${created.capabilities.browserName} ${created.capabilities.browserVersion} via geckodriver ${created.capabilities['moz:geckodriverVersion'] ?? ''}`);
  await viewport(1280, 900);
});

after(async () => {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver?.kill();
});

test('tere-offline.html from file:// in Firefox: the course menu, a quiz started, a question shown', async (t) => {
  if (!needTools(t)) return;
  await open(OFFLINE);
  const quizzes = await waitFor('[data-quiz-id]');
  await click(quizzes[0]);
  await click((await waitFor('[data-action="start"]'))[0]);
  await waitFor('section.question');
  assert.ok(await exec('return document.querySelector("section.question").innerText.trim().length > 0'), 'the question has text');
  assert.deepEqual(await pageErrors(), []);
  assert.deepEqual(consoleErrors(), [], 'no errors in Firefox\'s output');
});

test('tere-studio.html from file:// in Firefox: a question edited, a problem provoked and shown, publishing blocked', async (t) => {
  if (!needTools(t)) return;
  await open(STUDIO);
  await waitFor('button[data-quiz-file]');
  await click((await waitFor(`button[data-quiz-file="${FILE}"]`))[0]);
  // The questions are one-line cards: the first one opens on a click.
  await click((await waitFor('section.question-editor [data-action="question-open"]'))[0]);
  const text = (await waitFor(field('question', 0, 'text')))[0];
  const changed = 'Milline tervitus sobib poodi sisenevale kliendile kõige paremini?';
  await erase(text);
  await type(text, changed);
  assert.equal(await value(text), changed, 'the edited question keeps its text');
  await waitFor('.all-good', 5000);
  assert.equal(await value((await find(field('question', 0, 'text')))[0]), changed, 'the text survives the re-render');
  // An empty option is a problem: shown at the field, and publishing is blocked.
  const option = (await waitFor(field('question', 0, 'option', 0, 'text')))[0];
  await erase(option);
  assert.equal(await value(option), '');
  await waitFor('.field-problems .problem', 5000);
  assert.equal((await find('.all-good')).length, 0, 'no "no problems" while a problem remains');
  assert.equal(await enabled((await find('[data-action="publish-scorm2004"]'))[0]), false, 'publishing is blocked');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'studio-firefox-1280.png'), Buffer.from(await wd('GET', s('/screenshot')), 'base64'));
  assert.deepEqual(await pageErrors(), []);
  assert.deepEqual(consoleErrors(), [], 'no errors in Firefox\'s output');
});

test('tere-studio.html from file:// in Firefox: a picture added to a question is kept in IndexedDB and comes back when the file is opened again', async (t) => {
  if (!needTools(t)) return;
  // A trainer's own file, under a name of their own (the Studio keeps it by that name).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-firefox-'));
  const picture = path.join(dir, 'Kliendi veekeetja.svg');
  fs.copyFileSync(path.resolve('tests/media-course/media/veekeetja.svg'), picture);
  const alt = 'Klient tõstab letile veekeetja, mille põhja alt tilgub vett.';
  /** The quiz's second question, opened: its editor. */
  const secondQuestion = async () => {
    await click((await waitFor(`button[data-quiz-file="${FILE}"]`))[0]);
    await waitFor('section.question-editor [data-action="question-open"]');
    const head = (await find('section.question-editor [data-action="question-open"]'))[1];
    if ((await wd('GET', s(`/element/${head}/attribute/aria-expanded`))) !== 'true') await click(head);
    await waitFor(field('question', 1, 'text'));
    return (await find('section.question-editor'))[1];
  };
  const within = async (element, css) => (await wd('POST', s(`/element/${element}/elements`), { using: 'css selector', value: css })).map((e) => e[ELEMENT]);
  /** `css` inside `element`, polled as `waitFor` does. */
  const waitWithin = async (element, css) => {
    for (let tries = 0; tries < 100; tries++) {
      const found = await within(element, css);
      if (found.length) return found;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`no ${css} in the question's editor`);
  };
  await open(STUDIO);
  let editor = await secondQuestion();
  // The picker is a file input hidden from sight only; WebDriver hands it the file's path.
  await type((await waitWithin(editor, '[data-action="media-pick"]'))[0], picture);
  await waitWithin(editor, '.media-shown img');
  await type((await find(field('question', 1, 'media', 'alt')))[0], alt);
  // Kept in IndexedDB (studio/src/media_store.rs), as in Chromium, not in local storage.
  const kept = () => wd('POST', s('/execute/async'), { script: `const done = arguments[0];
    const open = indexedDB.open('tere-studio');
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => done([]);
    open.onsuccess = () => { const db = open.result;
      if (!db.objectStoreNames.contains('media')) { db.close(); return done([]); }
      const keys = db.transaction('media').objectStore('media').getAllKeys();
      keys.onsuccess = () => { db.close(); done(keys.result); }; };`, args: [] });
  for (let tries = 0; !(await kept()).includes('Kliendi veekeetja.svg') && tries < 50; tries++) await new Promise((ok) => setTimeout(ok, 100));
  assert.ok((await kept()).includes('Kliendi veekeetja.svg'), 'the picture is in IndexedDB');
  assert.equal(await exec('return localStorage.getItem("tere-studio.media.v1")'), null, 'and not in local storage');

  // Opened again, as a trainer opens the file the next day.
  await open(STUDIO);
  editor = await secondQuestion();
  const img = (await waitWithin(editor, '.media-shown img'))[0];
  const shown = await wd('POST', s('/execute/async'), { script: 'const [img, done] = arguments; img.decode().then(() => done(img.naturalWidth > 0), () => done(false));', args: [{ [ELEMENT]: img }] });
  assert.ok(shown, 'the picture shows after the reload');
  assert.equal(await value((await find(field('question', 1, 'media', 'alt')))[0]), alt, 'with its alt text');
  const name = await wd('GET', s(`/element/${(await within(editor, '.media-file'))[0]}/text`));
  assert.match(name, /Kliendi veekeetja\.svg/);
  assert.deepEqual(await pageErrors(), []);
  assert.deepEqual(consoleErrors(), [], 'no errors in Firefox\'s output');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a learner in Moodle on Firefox: the next stage\'s package takes the player kept from the first, and fetches no wasm', async (t) => {
  if (!needTools(t)) return;
  const first = '/pluginfile.php/12/mod_scorm/content/1/';
  const next = '/pluginfile.php/13/mod_scorm/content/1/';
  const packages = [unzip(path.join(DIST, 'packages', 'tere-scorm12-kontakti_loomine.zip')).dir, unzip(path.join(DIST, 'packages', 'tere-scorm12-ettevalmistus.zip')).dir];
  const server = await serve({ [first]: packages[0], [next]: packages[1] }, {}, { likeMoodle: true });
  try {
    const launch = async (root, quiz) => {
      const from = server.served.length;
      await wd('POST', s('/url'), { url: `${server.base}${root}index.html?quiz=${quiz}&host=standalone` });
      await waitFor('.tere[data-launched] [data-action="start"]');
      return server.served.slice(from).map((r) => r.url);
    };
    const isWasm = (url) => /_bg\.wasm(\.gz)?$/.test(url);
    assert.ok((await launch(first, 'kontakti_loomine')).some(isWasm), 'the first stage fetches the player');
    // Kept once the page is idle: its key listed in local storage.
    for (let tries = 0; !(await exec('return localStorage.getItem("tere-players")')) && tries < 50; tries++) await new Promise((ok) => setTimeout(ok, 100));
    assert.match(await exec('return localStorage.getItem("tere-players")') ?? '', /^[0-9a-f]{32}$/, 'the player is kept');
    const fetched = await launch(next, 'ettevalmistus');
    assert.ok(!fetched.some(isWasm), `the next stage fetched no wasm: ${fetched.map((u) => path.basename(u))}`);
    await click((await waitFor('[data-action="start"]'))[0]);
    await waitFor('section.question');
    assert.deepEqual(consoleErrors(), [], 'no errors in Firefox\'s output');
  } finally {
    await server.close();
    packages.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  }
});
