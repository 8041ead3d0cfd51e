// Tere's content loader: starts fetching the course packs while the player (wasm) is
// still on its way, and hands them to it. The player asks `tereContent.load(name,
// again)` for a pack's bytes (a promise of an ArrayBuffer); `again` fetches anew (a
// retry after a failure). File names are the engine's (tere_engine::packed): the index
// `content/course.pack`, a quiz's `content/quiz-<id>.pack`. URLs are relative to the
// page, so the site works under any path. It also fetches the player's wasm (below).
// The offline page defines its own `tereContent` with the packs embedded, and no fetch.
"use strict";
(() => {
  // Moodle serves a package's files through pluginfile.php untyped and uncompressed
  // (see the wasm below): there a package's gzip copies (`<file>.gz`) are fetched and
  // inflated here, any failure falling back to the plain file.
  const inMoodle = location.pathname.includes("/pluginfile.php/") && typeof DecompressionStream === "function";
  const inflated = (response) => new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
  const requests = new Map();
  const load = (name, again) => {
    if (again || !requests.has(name)) {
      const fetched = (file) =>
        fetch(new URL(`content/${file}`, document.baseURI), { cache: again ? "reload" : "default" }).then((response) => {
          if (!response.ok || !response.body) throw new Error(`${file}: HTTP ${response.status}`);
          return response;
        });
      const plain = () => fetched(name).then((response) => response.arrayBuffer());
      const request = inMoodle ? fetched(`${name}.gz`).then((response) => inflated(response).arrayBuffer()).catch(plain) : plain();
      // Fetched ahead: a failure is the player's to report when it asks, not an unhandled rejection now.
      request.catch(() => {});
      requests.set(name, request);
    }
    return requests.get(name);
  };
  load("course.pack");

  // The player's wasm (its URL is this script's `data-wasm`, written by `cargo xtask
  // build`), fetched now beside the packs; the boot module compiles it (`start`).
  // Moodle serves a package's files through pluginfile.php with no MIME type for .wasm:
  // application/octet-stream, uncompressed, and a browser will not compile that as it
  // streams. A package carries the wasm twice, plain and as `.wasm.gz` (gzip bytes any
  // server sends as they are): from pluginfile.php the gzip bytes are fetched and
  // inflated here as they arrive. Elsewhere the plain file, as before (a server that
  // compresses wasm sends it smaller than gzip). Either is handed on typed
  // application/wasm, so it compiles while it streams; any failure falls back to the
  // plain file.
  const wasmUrl = document.currentScript && document.currentScript.dataset.wasm;
  const typed = (response) =>
    response.headers.get("Content-Type") === "application/wasm"
      ? response
      : new Response(response.body, { status: response.status, statusText: response.statusText, headers: { "Content-Type": "application/wasm" } });
  const plainWasm = () => fetch(new URL(wasmUrl, document.baseURI)).then(typed);
  const gzippedWasm = () =>
    fetch(new URL(`${wasmUrl}.gz`, document.baseURI)).then((response) => {
      if (!response.ok || !response.body) throw new Error(`${wasmUrl}.gz: HTTP ${response.status}`);
      return new Response(inflated(response).body, { headers: { "Content-Type": "application/wasm" } });
    });
  let wasm = null;
  if (wasmUrl) {
    wasm = inMoodle ? gzippedWasm().catch(plainWasm) : plainWasm();
    wasm.catch(() => {});
  }
  // Compiles the wasm fetched above with wasm-bindgen's `init`; again from the plain
  // file if that fails (gzip bytes that did not inflate).
  const start = async (init) => {
    try {
      return await init({ module_or_path: wasm || plainWasm() });
    } catch (e) {
      return init({ module_or_path: plainWasm() });
    }
  };
  const quiz = new URLSearchParams(location.search).get("quiz");
  if (quiz && /^[A-Za-z0-9_]{1,64}$/.test(quiz)) load(`quiz-${quiz}.pack`);
  window.tereContent = { load, start };
})();
