// Tere's content loader: starts fetching the course packs while the player (wasm) is
// still on its way, and hands them to it. The player asks `tereContent.load(name,
// again)` for a pack's bytes (a promise of an ArrayBuffer); `again` fetches anew (a
// retry after a failure). File names are the engine's (tere_engine::packed): the index
// `content/course.pack`, a quiz's `content/quiz-<id>.pack`. URLs are relative to the
// page, so the site works under any path. The offline page defines its own
// `tereContent` with the packs embedded, and no fetch.
"use strict";
(() => {
  const requests = new Map();
  const load = (name, again) => {
    if (again || !requests.has(name)) {
      const url = new URL(`content/${name}`, document.baseURI);
      const request = fetch(url, { cache: again ? "reload" : "default" }).then((response) => {
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
        return response.arrayBuffer();
      });
      // Fetched ahead: a failure is the player's to report when it asks, not an unhandled rejection now.
      request.catch(() => {});
      requests.set(name, request);
    }
    return requests.get(name);
  };
  load("course.pack");
  const quiz = new URLSearchParams(location.search).get("quiz");
  if (quiz && /^[A-Za-z0-9_]{1,64}$/.test(quiz)) load(`quiz-${quiz}.pack`);
  window.tereContent = { load };
})();
