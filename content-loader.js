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
  const script = document.currentScript;
  const wasmUrl = script && script.dataset.wasm;
  const asWasm = (body) => new Response(body, { headers: { "Content-Type": "application/wasm" } });
  const typed = (response) => (response.headers.get("Content-Type") === "application/wasm" ? response : asWasm(response.body));
  const plainWasm = () => fetch(new URL(wasmUrl, document.baseURI)).then(typed);
  const gzippedWasm = () =>
    fetch(new URL(`${wasmUrl}.gz`, document.baseURI)).then((response) => {
      if (!response.ok || !response.body) throw new Error(`${wasmUrl}.gz: HTTP ${response.status}`);
      return asWasm(inflated(response).body);
    });
  const fetchWasm = () => (inMoodle ? gzippedWasm().catch(plainWasm) : plainWasm());

  // A package's player is kept in this browser once it has run (`data-wasm-key`, the
  // hash of its bytes, which `cargo xtask build` writes into a package's page). In an
  // LMS each package sits under URLs of its own, so the HTTP cache never shares the
  // player between stages: without this, every stage's first launch downloads it again
  // (on a phone's network about a second). A kept copy is looked for before the fetch
  // starts: a fetch begun at once and dropped on finding it would still bring up to a
  // round trip's worth of bytes down a slow line. A copy is kept only once it has
  // compiled, and forgotten if it ever fails to.
  const wasmKey = script && script.dataset.wasmKey;
  const kept = wasmUrl && wasmKey && typeof indexedDB === "object" && indexedDB ? keptPlayers(wasmKey) : null;
  let keepCopy = () => {};
  // The fetched player, split on its way to the compiler: the copy's chunks wait in
  // their branch, unread until the page is idle (reading them as they come slowed a
  // phone's start by some 20 ms).
  const fetchKeeping = () =>
    fetchWasm().then((response) => {
      const [compiling, copying] = response.body.tee();
      keepCopy = () => new Response(copying).blob().then(kept.write, () => {});
      return asWasm(compiling);
    });
  let fromKept = false;
  let wasm = null;
  if (kept && kept.listed()) {
    // A browser whose IndexedDB does not answer (it can hang) is not waited for long.
    const lookedFor = Promise.race([kept.read(), new Promise((resolve) => setTimeout(resolve, 1000, null))]);
    wasm = lookedFor.then((bytes) => {
      fromKept = Boolean(bytes);
      return bytes ? asWasm(bytes) : fetchKeeping();
    });
  } else if (kept) {
    wasm = fetchKeeping();
  } else if (wasmUrl) {
    wasm = fetchWasm();
  }
  if (wasm) wasm.catch(() => {});
  // Compiles the wasm fetched above with wasm-bindgen's `init`. If that fails: a kept
  // copy that is damaged is forgotten and the player fetched anew; gzip bytes that did
  // not inflate, the plain file.
  const start = async (init) => {
    let started;
    try {
      started = await init({ module_or_path: wasm || fetchWasm() });
    } catch (e) {
      if (!fromKept) return init({ module_or_path: plainWasm() });
      kept.forget();
      started = await init({ module_or_path: fetchKeeping() });
    }
    // Kept once the page is idle: the first screens come first.
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 500));
    idle(() => keepCopy(), { timeout: 3000 });
    return started;
  };
  const quiz = new URLSearchParams(location.search).get("quiz");
  if (quiz && /^[A-Za-z0-9_]{1,64}$/.test(quiz)) load(`quiz-${quiz}.pack`);
  window.tereContent = { load, start };
  // The players kept in this browser: their bytes (a Blob) in IndexedDB `tere-players`
  // by key, and the keys, newest first, in local storage `tere-players`, which answers at
  // once: a launch whose player is not kept does not open IndexedDB before its fetch
  // (opening it, the first time on a phone, takes about 0.1 s). The three most recently
  // kept are kept (an LMS may hold packages of several Tere versions). Every failure (no
  // IndexedDB, private mode, a full disk) reads as nothing kept and writes nothing.
  function keptPlayers(key) {
    const STORE = "wasm";
    const LIST = "tere-players";
    const KEEP = 3;
    const keys = () => {
      try {
        return (localStorage.getItem(LIST) || "").split(" ").filter(Boolean);
      } catch (e) {
        return [];
      }
    };
    const list = (kept) => {
      try {
        localStorage.setItem(LIST, kept.join(" "));
      } catch (e) {}
    };
    let db = null;
    const opened = () =>
      (db = db || new Promise((resolve) => {
        try {
          const open = indexedDB.open("tere-players", 1);
          open.onupgradeneeded = () => open.result.createObjectStore(STORE);
          open.onsuccess = () => resolve(open.result);
          open.onerror = open.onblocked = () => resolve(null);
        } catch (e) {
          resolve(null);
        }
      }));
    // `work` on the store in one transaction; resolves with its last request's result
    // once the transaction is done (null if it failed).
    const transaction = (mode, work) =>
      opened().then((database) => new Promise((resolve) => {
        try {
          const tx = database.transaction(STORE, mode);
          const asked = work(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(asked.result);
          tx.onerror = tx.onabort = () => resolve(null);
        } catch (e) {
          resolve(null);
        }
      }));
    return {
      listed: () => keys().includes(key),
      read: () => transaction("readonly", (store) => store.get(key)).then((entry) => (entry && entry.bytes instanceof Blob && entry.bytes.size > 0 ? entry.bytes : null)),
      write: (bytes) => {
        const newest = [key, ...keys().filter((k) => k !== key)].slice(0, KEEP);
        return transaction("readwrite", (store) => {
          store.put({ bytes }, key);
          const all = store.getAllKeys();
          all.onsuccess = () => all.result.filter((k) => !newest.includes(k)).forEach((old) => store.delete(old));
          return all;
        }).then((done) => done && list(newest));
      },
      forget: () => {
        list(keys().filter((k) => k !== key));
        return transaction("readwrite", (store) => store.delete(key));
      },
    };
  }
})();
