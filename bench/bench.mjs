// Browser half of `cargo xtask bench` (xtask/src/bench.rs runs it after the release
// build): startup against a vanilla-JS baseline, answer → feedback latency, and memory,
// in Debian's headless Chromium through playwright-core. Writes one JSON object to --out.
//
//   node bench/bench.mjs --dist dist --out target/bench/browser.json [--loads 20] [--answers 100] [--quiz ID] [--studio-loads 10]
//                        [--media-quiz ID --course course.json]
//
// What is measured, exactly (BENCHMARKS.md repeats it):
// - startup: performance.now() (0 = navigation start) at which a MutationObserver
//   installed before any page script first sees the widget launched and its Start
//   button usable: `.tere[data-launched]` (Tere sets it once the host launch ran; until
//   then its screen is `inert`), holding `[data-action="start"]` present, enabled and
//   not inside anything inert; also the next animation frame after that. For Tere this
//   includes content-loader.js fetching the course index and the stage's pack
//   (content/course.pack, content/quiz-<id>.pack) and the player reading them. Cold
//   loads: a new browser context per load (empty cache, storage and code cache) with the
//   HTTP cache disabled through CDP; Tere and vanilla loads alternate, after one
//   discarded warm-up load of each.
// - answer → feedback: in the page, pick an option (or fill the answer), wait until
//   Check is enabled, no CSS transition runs and two frames have passed (a learner
//   reads first), then click Check and time: the update's script work (click → the
//   first task after `.feedback` is in the DOM) plus the rendering work of the next
//   frame (its first requestAnimationFrame callback, asked for before the click so that
//   the widget's own frame callbacks count → a message posted there, which runs after
//   that frame's style, layout and paint). That sum, `painted`, leaves out the
//   idle wait for the next frame, which in headless Chromium is the 60 Hz frame clock
//   (up to ~17 ms, whatever the page does; --disable-frame-rate-limit does not remove
//   it from idle); the wall-clock time to the painted frame is reported next to it.
// - memory: after a forced GC (CDP HeapProfiler.collectGarbage), CDP
//   Runtime.getHeapUsage().usedSize (the page's JS heap) plus the wasm linear memory,
//   `exports.memory.buffer.byteLength` of the instance (taken from Trunk's
//   TrunkApplicationStarted event, which carries the wasm exports, or else from
//   WebAssembly.instantiate*, wrapped for the memory page only).
// - Tere Studio: `file://<dist>/packages/tere-studio.html` opened as a trainer opens it
//   (double-clicked: from disk, no server), a new browser context per open, after one
//   discarded warm-up open; performance.now() (0 = navigation start) at which a
//   MutationObserver installed before any page script first sees the first question's
//   text field present and editable: `section.question-editor textarea` (the first
//   question editor of the first quiz, which the Studio shows on opening) not disabled,
//   not read-only, not inside anything inert; also the next animation frame after that.
//   This includes decoding the Studio's embedded wasm and compiling it, and the Studio
//   reading the course's source embedded in the file. No target: the player's figures
//   above are measured on the player's own files only.
// - a stage with pictures (--media-quiz, the course's stage with the most media, which
//   xtask chooses and exports the course for, --course): one cold load of
//   `index.html?quiz=<id>` from dist/ (new context, HTTP cache disabled), played
//   through to its summary as the browser tests' learner plays (tests/browser/
//   harness.mjs: every question answered right, a dialogue along its best path, which
//   passes every step a picture may be on). Records every file fetched and when: before
//   Start is usable, up to the first question on screen, while playing. For each
//   picture (`content/media/<hash>.<ext>`), when it was first put on screen (a
//   MutationObserver installed before any page script, on `figure.media` img and audio
//   `src`) and when its fetch started and ended (Resource Timing, the same clock as
//   performance.now()). Each screen's pictures are let load before the learner moves on.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { asMoodleServes } from '../tests/browser/moodle-serving.mjs';
import { unzip } from '../tests/browser/server.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const DIST = path.resolve(args.dist ?? path.join(ROOT, 'dist'));
const OUT = path.resolve(args.out ?? path.join(ROOT, 'target/bench/browser.json'));
const LOADS = Number(args.loads ?? 20);
const ANSWERS = Number(args.answers ?? 100);
const QUIZ = args.quiz ?? 'kontakti_loomine';
const STUDIO_LOADS = Number(args['studio-loads'] ?? 10);
const STUDIO = path.join(DIST, 'packages', 'tere-studio.html');
const MEDIA_QUIZ = args['media-quiz'] ?? null;
const COURSE_JSON = args.course ? path.resolve(args.course) : null;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.pack': 'application/octet-stream' };

const log = (...m) => console.error('bench:', ...m);

// ---------------------------------------------------------------- static server

/** Where the stage's SCORM 2004 package is mounted, as Moodle 4.3 serves package files. */
const MOODLE_PATH = '/pluginfile.php/12/mod_scorm/content/1/';
const STAGE_PACKAGE = path.join(DIST, 'packages', `tere-scorm2004-${QUIZ}.zip`);
/** Another stage's package, under URLs of its own as Moodle gives each activity: the
 *  next stage a learner opens, with the player their browser kept from the first. */
const NEXT_MOODLE_PATH = '/pluginfile.php/13/mod_scorm/content/1/';
const NEXT_QUIZ = 'ettevalmistus';
const unzipped = (zip) => (fs.existsSync(zip) ? unzip(zip).dir : null);
const stageDir = unzipped(STAGE_PACKAGE);
const nextStageDir = NEXT_QUIZ === QUIZ ? null : unzipped(path.join(DIST, 'packages', `tere-scorm2004-${NEXT_QUIZ}.zip`));
const moodleMounts = [[MOODLE_PATH, stageDir], [NEXT_MOODLE_PATH, nextStageDir]].filter(([, dir]) => dir);
const servedAsMoodle = (url) => moodleMounts.some(([prefix]) => url.startsWith(prefix));

/** `/tere/…` is dist/; `MOODLE_PATH` the stage's package (and `NEXT_MOODLE_PATH` another's); the vanilla page and the two source files it links come from the repo. */
function resolve(url) {
  for (const [prefix, dir] of moodleMounts) {
    if (!url.startsWith(prefix)) continue;
    const file = path.join(dir, url.slice(prefix.length) || 'index.html');
    return file.startsWith(dir) ? file : null;
  }
  if (url.startsWith('/tere/')) {
    const file = path.join(DIST, url.slice('/tere/'.length) || 'index.html');
    return file.startsWith(DIST) ? file : null;
  }
  const allowed = ['/bench/vanilla.html', '/bench/vanilla.js', '/style.css', '/favicon.svg'];
  return allowed.includes(url) ? path.join(ROOT, url) : null;
}

async function serve() {
  const requests = [];
  // Each response's body as sent (compressed where the server compresses): its path and bytes.
  const sent = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(url);
    const file = resolve(url);
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const plain = { body: fs.readFileSync(file), headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' } };
      const { body, headers } = servedAsMoodle(url) ? asMoodleServes(file, plain.body, plain.headers, req.headers['accept-encoding']) : plain;
      sent.push({ url, bytes: body.length });
      res.writeHead(200, headers);
      return res.end(body);
    }
    res.writeHead(404).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}`, requests, sent, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------- in-page probes

/**
 * Installed before any page script: when the widget is launched with its Start button
 * usable (`.tere[data-launched]` holding an enabled Start, nothing inert around it),
 * and the wasm exports.
 */
function startupProbe() {
  const bench = (window.__bench = { ready: null, frame: null });
  addEventListener('TrunkApplicationStarted', (e) => { window.__tereWasm = e.detail && e.detail.wasm; });
  const observer = new MutationObserver(() => {
    const start = document.querySelector('.tere[data-launched] [data-action="start"]');
    if (!start || start.disabled || start.closest('[inert]') || bench.ready !== null) return;
    bench.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { bench.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'inert', 'data-launched'] });
}

/**
 * Installed before any page script of Tere Studio: when the first question's card is
 * there to open (`section.question-editor [data-action="question-open"]`, enabled,
 * nothing inert around it) and the quiz's title is editable.
 */
function studioProbe() {
  const bench = (window.__bench = { ready: null, frame: null });
  const observer = new MutationObserver(() => {
    const card = document.querySelector('section.question-editor [data-action="question-open"]');
    const text = document.querySelector('.quiz-settings input[type="text"]');
    if (!card || !text || card.disabled || text.disabled || text.readOnly || text.closest('[inert]') || bench.ready !== null) return;
    bench.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { bench.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'readonly', 'inert'] });
}

/**
 * Installed before any page script of the run with pictures: when each picture or
 * sound was first put on screen (its `src` in a `figure.media`), by path. The widget
 * renders a question's picture with the question, and a dialogue step's with the step.
 */
function mediaProbe() {
  const shown = (window.__mediaShown = {});
  const note = () => {
    const now = performance.now();
    for (const el of document.querySelectorAll('figure.media img[src], figure.media audio[src]')) {
      const file = new URL(el.getAttribute('src'), document.baseURI).pathname;
      if (!(file in shown)) shown[file] = now;
    }
  };
  // `src` too: the widget may keep an element and change only what it shows.
  new MutationObserver(note).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
}

/** Helpers for the latency run, installed before any page script. */
function playerLib() {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const q = (s) => document.querySelector(s);
  async function waitFor(predicate, what, ms = 5000) {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      if (predicate()) return;
      await tick();
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  // Enabled, and not in the screen shown inert until the launch ran.
  const usable = (s) => () => { const b = q(s); return b && !b.disabled && !b.closest('[inert]'); };
  // The wasm exports, should Trunk's TrunkApplicationStarted event not carry them.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...a) {
      const result = await original.apply(this, a);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      if (instance && instance.exports.memory && !window.__tereWasm) window.__tereWasm = instance.exports;
      return result;
    };
  }
  window.__player = {
    waitFor, usable,
    /** Gives the question on screen an answer so that Check becomes enabled. */
    async answer() {
      const section = q('section.question');
      const type = section.dataset.questionType;
      // A dialogue has no Check: it is played to its ending here (its first reply at
      // every step), and not timed as a check.
      if (type === 'dialogue') {
        while (!q('.feedback')) {
          q('.replies button').click();
          await frame();
        }
        return type;
      }
      const input = section.querySelector('label[data-option-index] input');
      if (input) input.click();
      for (const select of section.querySelectorAll('select[data-pair-index]')) {
        select.value = select.options[1 + Math.floor(Math.random() * (select.options.length - 1))].value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      const text = section.querySelector('textarea.reflection');
      if (text) {
        text.value = 'Valmistun tööpäevaks rahulikult.';
        text.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      await waitFor(usable('[data-action="check"]'), 'Check to be enabled');
      // A learner reads before answering: let any transition (a theme's) finish.
      await waitFor(() => document.getAnimations().every((a) => a.playState !== 'running'), 'transitions to end');
      await frame();
      await frame();
      await tick(); // click from an ordinary task, not from inside a frame
      return type;
    },
    /**
     * One Check, timed from just before `check.click()` (ms):
     * - dom: `.feedback` is in the DOM (a MutationObserver callback);
     * - script: the first task after that, i.e. every microtask of the update done;
     * - frame: the first requestAnimationFrame callback of the frame that shows the
     *   feedback (asked for before the click, so it runs before the widget's own);
     * - render: from that callback to a message posted in it, which runs once the
     *   frame's other callbacks, style, layout and paint are done;
     * - painted = script + render: the main thread's work to show the feedback, without
     *   the idle wait for the next frame; wall: click → that frame done, wall clock.
     */
    measureCheck() {
      const check = q('[data-action="check"]');
      return new Promise((resolve, reject) => {
        let t0 = 0;
        let seen = false;
        const after = (f) => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(null); };
        let dom = null;
        let settled = null;
        let frameAt = null;
        const onFeedback = () => {
          if (seen) return;
          seen = true;
          observer.disconnect();
          dom = performance.now() - t0;
          after(() => { if (frameAt === null) settled = performance.now() - t0; });
        };
        // Asked for before the click, so it runs first in the frame that shows the
        // feedback: `render` then holds the widget's own frame callbacks too (the
        // action scrolled into view), not only the browser's style, layout and paint.
        const frameStart = () => requestAnimationFrame(() => {
          if (!seen) return frameStart(); // not yet the frame that shows the feedback
          frameAt = performance.now() - t0;
          after(() => {
            const done = performance.now() - t0;
            const script = settled ?? dom;
            resolve({ dom, script, frame: frameAt, render: done - frameAt, painted: script + (done - frameAt), wall: done });
          });
        });
        const observer = new MutationObserver(() => { if (q('.feedback')) onFeedback(); });
        observer.observe(q('#tere') ?? document.body, { childList: true, subtree: true });
        setTimeout(() => { if (!seen) { observer.disconnect(); reject(new Error('no .feedback within 5 s')); } }, 5000);
        t0 = performance.now();
        frameStart();
        check.click();
        if (q('.feedback')) onFeedback();
      });
    },
    /** After checking: Next (→ 'question') or Finish (→ 'summary'). */
    async advance() {
      if (q('[data-action="finish"]')) {
        q('[data-action="finish"]').click();
        await waitFor(() => q('section.summary'), 'the summary');
        return 'summary';
      }
      q('[data-action="next"]').click();
      await waitFor(() => !q('.feedback') && (q('[data-action="check"]') || q('.replies')), 'the next question');
      return 'question';
    },
    async retry() {
      q('[data-action="retry"]').click();
      await waitFor(() => q('section.question') || usable('[data-action="start"]')(), 'a new attempt');
      if (!q('section.question')) {
        q('[data-action="start"]').click();
        await waitFor(() => q('section.question'), 'the first question');
      }
    },
    async start() {
      await waitFor(usable('[data-action="start"]'), 'the Start button');
      q('[data-action="start"]').click();
      await waitFor(() => q('section.question'), 'the first question');
    },
  };
}

/** The intro screen as a canonical string: tags, sorted attributes, text. */
function screenSignature() {
  const walk = (n) => {
    // Empty text nodes (Yew leaves one in an empty element) do not show.
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ? JSON.stringify(n.textContent) : '';
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const attrs = [...n.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ');
    return `<${n.localName}${attrs ? ' ' + attrs : ''}>${[...n.childNodes].map(walk).join('')}</${n.localName}>`;
  };
  return walk(document.querySelector('.tere'));
}

// ---------------------------------------------------------------- measurements

const launch = (extra = []) => chromium.launch({ executablePath: '/usr/bin/chromium', args: [...FLAGS, ...extra] });

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}
const round = (x, digits = 2) => (x === null ? null : Number(x.toFixed(digits)));
const stats = (xs) => ({ n: xs.length, median: round(median(xs)), p95: round(quantile(xs, 0.95)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });

/**
 * The phone profile of issue 27: Chromium's network throttled to a 150 ms round trip
 * and 1.6 Mbit/s down (0.75 up), the CPU slowed 4×, at 375 × 800.
 */
const PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8, cpuSlowdown: 4 };

/**
 * One cold load: fresh context, HTTP cache off, probe first; with `phone`, throttled.
 * `keptFrom`: a package launched first in the same context, unthrottled, until its
 * player is kept in the browser (content-loader.js), as a learner's earlier stage.
 */
async function coldLoad(browser, url, { signature = false, probe = startupProbe, timeout = 15000, phone = false, firstQuestion = false, keptFrom = null } = {}) {
  const context = await browser.newContext({ locale: 'et-EE', viewport: phone ? { width: 375, height: 800 } : { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (keptFrom) {
      await page.goto(keptFrom);
      const key = await page.locator('script[data-wasm-key]').getAttribute('data-wasm-key');
      await page.waitForFunction((k) => (localStorage.getItem('tere-players') ?? '').split(' ').includes(k), key, { timeout });
    }
    const errors = [];
    const warnings = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (phone) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.downloadThroughput, uploadThroughput: PHONE.uploadThroughput });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    }
    await page.addInitScript(probe);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.frame !== null, null, { timeout });
    const t = await page.evaluate(() => window.__bench);
    // Start at once, as a learner would; then the first question's options usable.
    let question = null;
    if (firstQuestion) {
      question = await page.evaluate(() => new Promise((resolve) => {
        const usable = () => {
          const option = document.querySelector('section.question input:not([disabled]), section.question select:not([disabled])');
          return option && !option.closest('[inert]');
        };
        const observer = new MutationObserver(() => {
          if (!usable()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });
        document.querySelector('[data-action="start"]').click();
      }));
    }
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return { ready: t.ready, frame: t.frame, question, warnings, signature: signature ? await page.evaluate(screenSignature) : undefined };
  } finally {
    await context.close();
  }
}

/**
 * One stage launched as Moodle serves its package (`MOODLE_PATH`, the standalone door:
 * no LMS to wait for): startup as above, bytes on the wire, any console warning (the
 * MIME fallback); and on the phone profile, navigation → the first question's options
 * usable (Start clicked as soon as it is), from Moodle and from the plain site.
 */
async function moodleAndPhone(browser, server) {
  if (!stageDir) {
    log(`no ${STAGE_PACKAGE}; the Moodle-served and phone figures are not measured`);
    return { skipped: `${path.relative(ROOT, STAGE_PACKAGE)} not built` };
  }
  const moodleUrl = `${server.base}${MOODLE_PATH}index.html?quiz=${QUIZ}&host=standalone`;
  const siteUrl = `${server.base}/tere/index.html?quiz=${QUIZ}`;
  await coldLoad(browser, moodleUrl); // warm-up, discarded
  const ready = [];
  const wire = [];
  const warnings = new Set();
  for (let i = 0; i < LOADS; i++) {
    const from = server.sent.length;
    const r = await coldLoad(browser, moodleUrl);
    ready.push(r.ready);
    // The response bodies as the server sent them (headers not counted).
    wire.push(server.sent.slice(from).reduce((n, x) => n + x.bytes, 0));
    r.warnings.forEach((w) => warnings.add(w));
  }
  log(`as Moodle serves it: ready ${median(ready).toFixed(1)} ms, ${(median(wire) / 1000).toFixed(1)} KB on the wire (medians of ${LOADS})`);
  const phone = {};
  const nextUrl = nextStageDir && `${server.base}${NEXT_MOODLE_PATH}index.html?quiz=${NEXT_QUIZ}&host=standalone`;
  const profiles = [['moodle', moodleUrl, null], ['site', siteUrl, null]];
  if (nextUrl) profiles.push(['moodleNext', nextUrl, moodleUrl]);
  let nextWire = null;
  for (const [name, url, keptFrom] of profiles) {
    await coldLoad(browser, url, { phone: true, firstQuestion: true, timeout: 60000, keptFrom }); // warm-up
    const question = [];
    // The next stage's bytes on the wire (its own package's files; the first stage's launch before it is not counted).
    const nextBytes = [];
    for (let i = 0; i < LOADS; i++) {
      const from = server.sent.length;
      question.push((await coldLoad(browser, url, { phone: true, firstQuestion: true, timeout: 60000, keptFrom })).question);
      if (keptFrom) nextBytes.push(server.sent.slice(from).filter((x) => x.url.startsWith(NEXT_MOODLE_PATH)).reduce((n, x) => n + x.bytes, 0));
    }
    if (keptFrom) nextWire = stats(nextBytes);
    phone[name] = { ...stats(question), samples: question.map((x) => round(x, 1)) };
    log(`phone profile, ${name}: first question's options usable at ${median(question).toFixed(0)} ms (median of ${LOADS})`);
  }
  return {
    url: moodleUrl.replace(server.base, ''), loads: LOADS,
    ready: { ...stats(ready), samples: ready.map((x) => round(x, 1)) },
    wireBytes: stats(wire), files: [...new Set(server.sent.filter((x) => x.url.startsWith(MOODLE_PATH)).map((x) => x.url.slice(MOODLE_PATH.length)))], warnings: [...warnings],
    phone: { profile: PHONE, ...phone },
    next: nextUrl ? { quiz: NEXT_QUIZ, url: nextUrl.replace(server.base, ''), wireBytes: nextWire } : null,
  };
}

async function startup(browser, server) {
  const tereUrl = `${server.base}/tere/index.html?quiz=${QUIZ}`;
  const vanillaUrl = `${server.base}/bench/vanilla.html?quiz=${QUIZ}`;
  // Warm-up (discarded) and the check that both pages show the same screen.
  const before = server.requests.length;
  const tereFirst = await coldLoad(browser, tereUrl, { signature: true });
  const tereFiles = [...new Set(server.requests.slice(before))];
  const vanillaFirst = await coldLoad(browser, vanillaUrl, { signature: true });
  const sameScreen = tereFirst.signature === vanillaFirst.signature;
  let screens;
  if (!sameScreen) {
    // Where they part, with some context, and both screens whole (into the results).
    const [a, b] = [tereFirst.signature ?? '', vanillaFirst.signature ?? ''];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    const around = (s) => s.slice(Math.max(0, at - 60), at + 60);
    screens = { tere: a, vanilla: b, firstDifferenceAt: at };
    log('warning: the vanilla page does not render the same intro screen as Tere; they part at', at, { tere: around(a), vanilla: around(b) });
  }
  const tere = { ready: [], frame: [] };
  const vanilla = { ready: [], frame: [] };
  for (let i = 0; i < LOADS; i++) {
    for (const [url, into] of [[tereUrl, tere], [vanillaUrl, vanilla]]) {
      const r = await coldLoad(browser, url);
      into.ready.push(r.ready);
      into.frame.push(r.frame);
    }
  }
  const t = median(tere.ready);
  const v = median(vanilla.ready);
  log(`startup: Tere ${t.toFixed(1)} ms, vanilla ${v.toFixed(1)} ms (medians of ${LOADS})`);
  return {
    quiz: QUIZ, loads: LOADS, sameScreen, screens, tereFilesRequested: tereFiles,
    tere: { ready: stats(tere.ready), frame: stats(tere.frame), samples: tere.ready.map((x) => round(x, 1)) },
    vanilla: { ready: stats(vanilla.ready), frame: stats(vanilla.frame), samples: vanilla.ready.map((x) => round(x, 1)) },
    ratio: round(t / v, 2),
  };
}

/** Tere Studio from disk: navigation start → the quiz editable, its first question's card there to open. */
async function studio(browser) {
  if (!fs.existsSync(STUDIO)) {
    log(`no ${STUDIO}; the Studio's open time is not measured`);
    return { skipped: `${path.relative(ROOT, STUDIO)} not built` };
  }
  const url = pathToFileURL(STUDIO).href;
  const options = { probe: studioProbe, timeout: 60000 };
  await coldLoad(browser, url, options); // warm-up, discarded
  const open = { ready: [], frame: [] };
  for (let i = 0; i < STUDIO_LOADS; i++) {
    const r = await coldLoad(browser, url, options);
    open.ready.push(r.ready);
    open.frame.push(r.frame);
  }
  log(`Tere Studio: first question editable at ${median(open.ready).toFixed(1)} ms (median of ${STUDIO_LOADS})`);
  return {
    file: path.relative(DIST, STUDIO), bytes: fs.statSync(STUDIO).size, loads: STUDIO_LOADS,
    selector: 'section.question-editor [data-action="question-open"] and .quiz-settings input[type="text"]',
    openMs: { ...stats(open.ready), samples: open.ready.map((x) => round(x, 1)) },
    frameMs: { ...stats(open.frame), samples: open.frame.map((x) => round(x, 1)) },
  };
}

/**
 * A stage whose questions carry pictures (MEDIA_QUIZ), one cold load from dist/ played
 * through to the summary: the files fetched on each screen, and for each picture when
 * it was put on screen and when its fetch started (see the header).
 */
async function mediaStage(browser, server) {
  if (!MEDIA_QUIZ || !COURSE_JSON) {
    log('no --media-quiz and --course; the stage with pictures is not measured');
    return { skipped: 'no stage with media named (--media-quiz, --course)' };
  }
  // The harness reads the exported course as it is imported.
  process.env.TERE_COURSE_JSON = COURSE_JSON;
  const { answer, check, settle, quizById, walkDialogue } = await import('../tests/browser/harness.mjs');
  const quiz = quizById(MEDIA_QUIZ);
  const url = `${server.base}/tere/index.html?quiz=${MEDIA_QUIZ}`;
  const viewport = { width: 1280, height: 900 };
  const context = await browser.newContext({ locale: 'et-EE', viewport });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(startupProbe);
    await page.addInitScript(mediaProbe);
    const relative = (u) => u.slice('/tere/'.length) || 'index.html';
    const from = server.requests.length;
    let at = from;
    const screens = [];
    // One screen: its pictures let load (a learner looks before answering), then the
    // files fetched since the screen before, and the pictures it shows.
    const screen = async (where) => {
      await page.waitForFunction(() => [...document.querySelectorAll('figure.media img')].every((img) => img.complete), null, { timeout: 15000 });
      const pictures = await page.evaluate(() => [...document.querySelectorAll('figure.media img[src], figure.media audio[src]')]
        .map((e) => new URL(e.getAttribute('src'), document.baseURI).pathname));
      screens.push({ ...where, pictures: pictures.map(relative), fetched: server.requests.slice(at).map(relative) });
      at = server.requests.length;
    };
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, { timeout: 15000 });
    await screen({ screen: 'intro' });
    await page.locator('[data-action="start"]').click();
    await page.locator('section.question').waitFor();
    // Everything the cold load fetched up to the first question on screen (its own
    // picture may already be on its way).
    const toFirstQuestion = server.requests.slice(from).map(relative);
    let position = 0;
    for (;;) {
      position++;
      const id = await page.locator('section.question').getAttribute('data-question-id');
      const q = quiz.questions.find((x) => x.id === id);
      await screen({ screen: 'question', position, question: id, step: q.type === 'dialogue' ? q.steps[0].id : null });
      if (q.type === 'dialogue') {
        // Reply by reply along the best path, each step's picture on screen before the next reply.
        for (let i = 1; i <= q.bestPath.length; i++) {
          await page.locator(`.replies button[data-reply-index="${q.bestPath[i - 1]}"]`).click();
          const { at: where } = walkDialogue(q, q.bestPath.slice(0, i));
          if (where.step) await screen({ screen: 'question', position, question: id, step: where.step });
        }
      } else {
        await answer(page, quiz, true);
        await check(page);
      }
      await settle(page);
      if (await page.locator('[data-action="finish"]').count()) break;
      await page.locator('[data-action="next"]').click();
      await page.locator(`section.question:not([data-question-id="${id}"])`).waitFor();
    }
    await page.locator('[data-action="finish"]').click();
    await page.locator('section.summary').waitFor();
    await screen({ screen: 'summary' });
    const shown = await page.evaluate(() => window.__mediaShown);
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ file: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }))
      .filter((e) => e.file.includes('/content/media/')));
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    const requested = server.requests.slice(from).filter((u) => u.includes('/content/media/'));
    const media = [...new Set(requested)].map((file) => {
      const t = timing.find((e) => e.file === file);
      const shownMs = shown[file] ?? null;
      return {
        file: relative(file), requests: requested.filter((u) => u === file).length, shownMs: round(shownMs, 1),
        fetchStartMs: round(t?.start ?? null, 1), fetchEndMs: round(t?.end ?? null, 1),
        // Fetched before it was put on screen (or never shown): not lazy.
        early: shownMs === null || !t || t.start < shownMs,
      };
    });
    const early = media.filter((m) => m.early).map((m) => m.file);
    log(`stage with pictures (${MEDIA_QUIZ}): ${position} questions played, ${media.length} pictures fetched` +
      (early.length ? `; WARNING: fetched before shown: ${early.join(', ')}` : ', each once on screen'));
    return { quiz: MEDIA_QUIZ, url: url.replace(server.base, ''), viewport, questions: position, toFirstQuestion, screens, media, early };
  } finally {
    await context.close();
  }
}

async function memory(page, cdp) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const inPage = await page.evaluate(() => ({
    wasm: window.__tereWasm && window.__tereWasm.memory ? window.__tereWasm.memory.buffer.byteLength : null,
    performanceMemory: performance.memory ? performance.memory.usedJSHeapSize : null,
  }));
  return {
    jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, backingStorage: heap.backingStorageSize ?? null,
    performanceMemoryUsed: inPage.performanceMemory, wasmMemory: inPage.wasm, total: heap.usedSize + (inPage.wasm ?? 0),
  };
}

/** Plays QUIZ over and over until ANSWERS checks were timed; memory after load and after the first finish. */
async function latency(browser, server) {
  const context = await browser.newContext({ locale: 'et-EE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(startupProbe);
  await page.addInitScript(playerLib);
  await page.goto(`${server.base}/tere/index.html?quiz=${QUIZ}`);
  await page.waitForFunction(() => window.__bench && window.__bench.frame !== null);
  const mem = {};
  mem.afterLoad = await memory(page, cdp);
  await page.evaluate(() => window.__player.start());
  const samples = [];
  let attempts = 1;
  while (samples.length < ANSWERS) {
    const type = await page.evaluate(() => window.__player.answer());
    if (type !== 'dialogue') {
      const t = await page.evaluate(() => window.__player.measureCheck());
      samples.push({ type, ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, round(v, 2)])) });
    }
    if ((await page.evaluate(() => window.__player.advance())) === 'summary') {
      if (!mem.afterFinish) mem.afterFinish = await memory(page, cdp);
      if (samples.length < ANSWERS) {
        await page.evaluate(() => window.__player.retry());
        attempts++;
      }
    }
  }
  mem.afterAll = { ...(await memory(page, cdp)), attempts };
  if (errors.length) throw new Error(`latency run: ${errors.join('; ')}`);
  await context.close();
  const pick = (key) => stats(samples.map((s) => s[key]));
  return {
    result: { answers: samples.length, attempts, painted: pick('painted'), wall: pick('wall'), script: pick('script'), dom: pick('dom'), render: pick('render'), frame: pick('frame'), samples },
    memory: mem,
  };
}

/**
 * The vanilla page: its memory after load, and the browser's floor for `render`: the
 * same rAF → message timing after changing one text node, 50 times.
 */
async function vanillaPage(browser, server) {
  const context = await browser.newContext({ locale: 'et-EE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(startupProbe);
  await page.goto(`${server.base}/bench/vanilla.html?quiz=${QUIZ}`);
  await page.waitForFunction(() => window.__bench && window.__bench.frame !== null);
  const memoryAfterLoad = await memory(page, cdp);
  const floor = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const target = document.querySelector('.facts');
    const out = [];
    for (let i = 0; i < 50; i++) {
      await frame();
      await frame();
      await new Promise((r) => setTimeout(r, 0));
      target.textContent = `${i} küsimust`;
      out.push(await new Promise((resolve) => requestAnimationFrame(() => {
        const at = performance.now();
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve(performance.now() - at);
        c.port2.postMessage(null);
      })));
    }
    return out;
  });
  await context.close();
  return { memoryAfterLoad, renderFloor: stats(floor) };
}

// ---------------------------------------------------------------- main

const server = await serve();
const result = { quiz: QUIZ };
let browser = await launch();
try {
  result.chromium = browser.version();
  result.flags = FLAGS;
  log(`Chromium ${result.chromium}; ${LOADS} cold loads each of Tere and vanilla`);
  result.startup = await startup(browser, server);
  log(`one stage as Moodle serves it; the phone profile`);
  result.moodle = await moodleAndPhone(browser, server);
  log(`Tere Studio: ${STUDIO_LOADS} opens from file://`);
  result.studio = await studio(browser);
  log(`a stage with pictures, played through`);
  result.mediaStage = await mediaStage(browser, server);
  await browser.close();

  browser = await launch(['--enable-precise-memory-info']);
  log(`answer → feedback, ${ANSWERS} answers; memory`);
  const run = await latency(browser, server);
  result.latency = run.result;
  const vanilla = await vanillaPage(browser, server);
  result.latency.renderFloor = vanilla.renderFloor;
  result.memory = { ...run.memory, vanillaAfterLoad: vanilla.memoryAfterLoad };
} finally {
  await browser.close();
  await server.close();
}
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(result, null, 2));
log(`wrote ${path.relative(process.cwd(), OUT)}`);
