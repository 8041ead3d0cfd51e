//! The benchmark's report: the measurements against their targets, as text for the
//! terminal, JSON for `bench/results.json` and Markdown for `BENCHMARKS.md`. What is
//! measured, and how, is `bench.rs`.

use serde_json::{json, Value};

use super::*;

pub(super) struct Report {
    pub(super) machine: Machine,
    /// The cold load of the stage from the site (the page player, dist/).
    pub(super) site: ColdLoad,
    /// The cold load of the stage from its SCORM package (the SCORM player, dist-scorm/).
    pub(super) scorm: ColdLoad,
    /// Every pack in dist/content/, the index first.
    pub(super) packs: Vec<Sized>,
    pub(super) offline: Option<Sized>,
    /// The xAPI player's wasm and glue (dist-xapi/), listed apart.
    pub(super) xapi: std::result::Result<Vec<Sized>, String>,
    /// The stage with pictures, loaded cold and played through.
    pub(super) media_stage: std::result::Result<media::MediaStage, String>,
    /// What the offline page pays for carrying the course's media.
    pub(super) offline_media: std::result::Result<media::OfflineMedia, String>,
    pub(super) studio: std::result::Result<Studio, String>,
    pub(super) browser: Value,
    pub(super) suspend: Vec<Suspend>,
    pub(super) parts: WasmParts,
    pub(super) twiggy: std::result::Result<Twiggy, String>,
    pub(super) floor: Result<Floor>,
    pub(super) seconds: u64,
}

struct Target {
    met: bool,
    what: &'static str,
    measured: String,
}

/// A table rendered either as aligned text or as Markdown.
struct Table {
    head: Vec<&'static str>,
    /// Right-align this column (numbers).
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(head: &[&'static str], right: &[bool]) -> Table {
        Table { head: head.to_vec(), right: right.to_vec(), rows: Vec::new() }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub(super) fn text(&self) -> String {
        let width = |i: usize| self.rows.iter().map(|r| r[i].chars().count()).chain([self.head[i].chars().count()]).max().unwrap_or(0);
        let widths: Vec<usize> = (0..self.head.len()).map(width).collect();
        let line = |cells: Vec<&str>| {
            let padded: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let pad = " ".repeat(widths[i].saturating_sub(c.chars().count()));
                    if self.right[i] {
                        format!("{pad}{c}")
                    } else {
                        format!("{c}{pad}")
                    }
                })
                .collect();
            format!("  {}", padded.join("  ").trim_end())
        };
        let mut out = vec![line(self.head.clone())];
        out.extend(self.rows.iter().map(|r| line(r.iter().map(String::as_str).collect())));
        out.join("\n")
    }

    pub(super) fn markdown(&self) -> String {
        let esc = |c: &str| c.replace('|', "\\|");
        let mut out = vec![format!("| {} |", self.head.join(" | "))];
        out.push(format!("|{}|", self.right.iter().map(|r| if *r { "---:" } else { "---" }).collect::<Vec<_>>().join("|")));
        out.extend(self.rows.iter().map(|r| format!("| {} |", r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "))));
        out.join("\n")
    }
}

/// One part of the report: a title, a table, and notes under it.
struct Section {
    /// The heading these sections share ("What costs"), if any.
    part: Option<&'static str>,
    title: String,
    table: Table,
    notes: Vec<String>,
}

/// Bytes with the size in KB (1000 bytes), as the size target counts them.
fn kb(bytes: u64) -> String {
    format!("{bytes} ({:.1} KB)", bytes as f64 / KB as f64)
}

/// (raw, gzip, brotli) summed over some files.
fn sum<'a>(files: impl IntoIterator<Item = &'a Sized>) -> (u64, u64, u64) {
    files.into_iter().fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli))
}

fn mib(bytes: u64) -> String {
    format!("{:.2} MiB", bytes as f64 / (KIB * KIB) as f64)
}

fn ms(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{v:.1} ms"))
}

fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        format!("{}…", name.chars().take(max - 1).collect::<String>())
    }
}

/// Every file one player's cold load of the stage fetched: the player's, then content/'s.
pub(super) struct ColdLoad {
    pub(super) files: Vec<Sized>,
}

impl ColdLoad {
    /// Every file it fetched.
    fn total(&self) -> (u64, u64, u64) {
        sum(&self.files)
    }

    /// The player alone: every fetched file but content/'s.
    fn player(&self) -> (u64, u64, u64) {
        sum(self.files.iter().filter(|f| !is_content(&f.name)))
    }

    /// The course content it fetched (content/).
    fn content(&self) -> (u64, u64, u64) {
        sum(self.files.iter().filter(|f| is_content(&f.name)))
    }

    /// Its brotli total, when it fetched anything.
    fn brotli(&self) -> Option<u64> {
        (!self.files.is_empty()).then(|| self.total().2)
    }
}

/// The table of one player's cold load: each file raw, gzip and brotli; the player's
/// and the content's subtotals; the total.
fn shipped_bytes(load: &ColdLoad, title: &str) -> Section {
    let mut t = Table::new(&["file", "raw", "gzip -9", "brotli -q 11"], &[false, true, true, true]);
    let sized = |t: &mut Table, f: &Sized| t.row(vec![f.name.clone(), f.raw.to_string(), f.gzip.to_string(), f.brotli.to_string()]);
    let subtotal = |t: &mut Table, name: &str, (r, g, b): (u64, u64, u64)| t.row(vec![name.into(), kb(r), kb(g), kb(b)]);
    for f in load.files.iter().filter(|f| !is_content(&f.name)) {
        sized(&mut t, f);
    }
    subtotal(&mut t, "player alone (everything but content/)", load.player());
    for f in load.files.iter().filter(|f| is_content(&f.name)) {
        sized(&mut t, f);
    }
    subtotal(&mut t, "course content fetched (content/)", load.content());
    subtotal(&mut t, "total: cold load of the stage", load.total());
    let mut notes = Vec::new();
    if !load.files.iter().any(|f| is_content(&f.name)) {
        notes.push("WARNING: the cold load fetched nothing from content/: the stage's packs are missing from the total.".into());
    }
    Section { part: None, title: title.into(), table: t, notes }
}

impl Report {
    fn num(&self, pointer: &str) -> Option<f64> {
        self.browser.pointer(pointer).and_then(Value::as_f64)
    }

    /// The cold load as Moodle 4.3 serves a package (pluginfile.php, a usual web server
    /// in front): html, js, css and svg gzip -9; the wasm as its `.gz` file, which
    /// the content loader fetches there (gzip -9 of the wasm, as tere-publish writes
    /// it); the packs raw (application/octet-stream, uncompressed). `plain_wasm`: as
    /// before the loader, the wasm raw.
    fn as_moodle_serves(&self, plain_wasm: bool) -> u64 {
        self.scorm
            .files
            .iter()
            .map(|f| match f.name.rsplit('.').next() {
                Some("html" | "js" | "css" | "svg") => f.gzip,
                Some("wasm") if !plain_wasm => f.gzip,
                _ => f.raw,
            })
            .sum()
    }

    /// Bytes on the wire of one stage's launch as Moodle serves it (median, bench.mjs).
    fn moodle_wire(&self) -> Option<u64> {
        self.num("/moodle/wireBytes/median").map(|b| b as u64)
    }

    /// Startup as Moodle serves it over the vanilla page's (medians).
    fn moodle_ratio(&self) -> Option<f64> {
        Some(self.num("/moodle/ready/median")? / self.num("/startup/vanilla/ready/median")?)
    }

    /// The index's brotli size, if dist/content/ has one.
    fn index_brotli(&self) -> Option<u64> {
        self.packs.iter().find(|p| p.name == format!("{FOLDER}/{INDEX_FILE}")).map(|p| p.brotli)
    }

    fn memory_total(&self, at: &str) -> Option<u64> {
        self.browser.pointer(&format!("/memory/{at}/total")).and_then(Value::as_u64)
    }

    fn targets(&self) -> Vec<Target> {
        let ratio = self.num("/startup/ratio");
        let p95 = self.num("/latency/painted/p95");
        let memory = self.memory_total("afterLoad");
        let worst = self.suspend.iter().max_by_key(|s| s.worst);
        vec![
            Target {
                met: self.site.brotli().is_some_and(|b| b <= SIZE_TARGET),
                what: "cold load of one stage from the site (`index.html?quiz=kontakti_loomine`, the page player), every fetched file brotli -q 11: ≤ 100 KB",
                measured: self.site.brotli().map_or("–".into(), kb),
            },
            Target {
                met: self.scorm.brotli().is_some_and(|b| b <= SCORM_SIZE_TARGET),
                what: "the same from the stage's SCORM package (the SCORM player), brotli -q 11: ≤ 125 KB",
                measured: self.scorm.brotli().map_or("–".into(), kb),
            },
            Target {
                met: self.moodle_wire().is_some_and(|b| b <= MOODLE_TARGET),
                what: "one stage's launch as Moodle serves a package (wasm and packs application/octet-stream, uncompressed; html, js, css gzip), bytes on the wire: ≤ 170 KB",
                measured: self.moodle_wire().map_or("–".into(), kb),
            },
            Target {
                met: self.moodle_ratio().is_some_and(|r| r <= STARTUP_RATIO_TARGET),
                what: "startup as Moodle serves it ≤ 2.0 × vanilla JS",
                measured: self.moodle_ratio().map_or("–".into(), |r| format!("{r:.2} ×")),
            },
            Target {
                met: self.num("/moodle/phone/moodle/median").is_some_and(|m| m <= PHONE_TARGET_MS),
                what: "phone (150 ms round trip, 1.6 Mbit/s, CPU 4× slower): navigation → first question's options usable, one stage from Moodle, median ≤ 0.8 s",
                measured: ms(self.num("/moodle/phone/moodle/median")),
            },
            Target {
                met: ratio.is_some_and(|r| r <= STARTUP_RATIO_TARGET),
                what: "startup ≤ 2.0 × vanilla JS",
                measured: ratio.map_or("–".into(), |r| format!("{r:.2} ×")),
            },
            Target { met: p95.is_some_and(|p| p <= FEEDBACK_P95_TARGET_MS), what: "answer → feedback painted p95 ≤ 4 ms", measured: ms(p95) },
            Target {
                met: memory.is_some_and(|m| m <= MEMORY_TARGET),
                what: "memory after load ≤ 2 MiB (JS heap + wasm)",
                measured: memory.map_or("–".into(), mib),
            },
            Target {
                met: worst.is_some_and(|w| w.worst <= SUSPEND_TARGET),
                what: "worst-case suspend_data ≤ 1024 characters",
                measured: worst.map_or("–".into(), |w| format!("{} ({})", w.worst, w.quiz)),
            },
        ]
    }

    /// One stage launched as Moodle serves its package, and on a phone's network and CPU.
    fn moodle_section(&self) -> Section {
        let mut t = Table::new(&["measure", "median", "p95", "min", "max"], &[false, true, true, true, true]);
        let row = |t: &mut Table, name: &str, key: &str, format: &dyn Fn(Option<f64>) -> String| {
            t.row(["median", "p95", "min", "max"].iter().fold(vec![name.to_string()], |mut r, s| {
                r.push(format(self.num(&format!("/moodle/{key}/{s}"))));
                r
            }))
        };
        let bytes = |v: Option<f64>| v.map_or("–".into(), |b| kb(b as u64));
        row(&mut t, "bytes on the wire, one stage as Moodle serves it", "wireBytes", &bytes);
        row(&mut t, "startup as Moodle serves it (Start usable)", "ready", &ms);
        row(&mut t, "phone: first question's options usable, from Moodle", "phone/moodle", &ms);
        row(&mut t, "phone: the same from the plain site (dist/, uncompressed)", "phone/site", &ms);
        row(&mut t, "phone: the next stage from Moodle, its player kept from the first", "phone/moodleNext", &ms);
        row(&mut t, "bytes on the wire, the next stage with its player kept", "next/wireBytes", &bytes);
        let loads = self.num("/moodle/loads").unwrap_or(0.0);
        let files = self
            .browser
            .pointer("/moodle/files")
            .and_then(Value::as_array)
            .map_or(String::new(), |f| f.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "));
        let warnings = self.browser.pointer("/moodle/warnings").and_then(Value::as_array).map_or(0, Vec::len);
        let mut notes = vec![format!(
            "The stage's SCORM 2004 package (`packages/tere-scorm2004-{STAGE}.zip`) unzipped under `/pluginfile.php/12/mod_scorm/content/1/` and served as Moodle 4.3 serves package files: .wasm, .pack and .gz as application/octet-stream, uncompressed; html, js, css and svg gzip -9. It is launched with the standalone door (`&host=standalone`: no LMS to wait for), {loads} cold loads after a discarded warm-up. The content loader, inline in a package's page (so the wasm and the packs are asked for as the page is read), fetches the wasm's gzip bytes there and inflates them as they stream (files fetched: {files}). Bytes are the response bodies as sent. The phone rows: Chromium's network throttled to a 150 ms round trip and 1.6 Mbit/s down (0.75 up), the CPU slowed 4× (CDP), at 375 px; from navigation start, Start is clicked as soon as it is usable, to the first question's first option enabled. The site row serves dist/ uncompressed (a server without compression); a server that compresses sends less."
        )];
        if let Some(next) = self.browser.pointer("/moodle/next/quiz").and_then(Value::as_str) {
            notes.push(format!(
                "The next stage: `packages/tere-scorm2004-{next}.zip` under `/pluginfile.php/13/mod_scorm/content/1/` (an activity of its own, so URLs of its own), launched on the phone profile in a browser context that has first launched the stage above, unthrottled, until content-loader.js had kept its player (IndexedDB, by the hash of its bytes): the wasm is not fetched again. Without that every stage's first launch downloads the player anew; HTTP caching cannot share it across packages."
            ));
        }
        notes.push(if warnings == 0 {
            "No console warning: the wasm compiled while streaming (no `instantiateStreaming` MIME fallback).".into()
        } else {
            format!("WARNING: {warnings} console warning(s) while loading (bench/results.json, `moodle.warnings`).")
        });
        Section { part: None, title: "One stage as Moodle serves it, and on a phone".into(), table: t, notes }
    }

    fn sections(&self) -> Vec<Section> {
        let mut out = Vec::new();

        let mut t = Table::new(&["", "target", "measured"], &[false, false, true]);
        for target in self.targets() {
            t.row(vec![if target.met { "✓" } else { "✗" }.into(), target.what.into(), target.measured]);
        }
        out.push(Section { part: None, title: "Targets".into(), table: t, notes: vec![] });

        let mut site = shipped_bytes(&self.site, "Shipped bytes, cold load of one stage from the site (the page player)");
        match &self.offline {
            Some(o) => site.table.row(vec![format!("apart: {}", o.name), kb(o.raw), kb(o.gzip), kb(o.brotli)]),
            None => site.table.row(vec!["apart: packages/tere-offline.html".into(), "not built".into(), "".into(), "".into()]),
        }
        match &self.xapi {
            Ok(files) => {
                for f in files {
                    site.table.row(vec![format!("apart: the xAPI player, dist-xapi/{}", f.name), kb(f.raw), kb(f.gzip), kb(f.brotli)]);
                }
            }
            Err(e) => site.table.row(vec![format!("apart: the xAPI player: {e}"), "".into(), "".into(), "".into()]),
        }
        site.notes.insert(0, format!(
            "Every file a cold load of the site's `index.html?quiz={STAGE}` fetched (bench.mjs records the requests: the player, then the course index and the stage's pack that content-loader.js fetches), in bytes; KB = 1000 bytes. The total, brotli -q 11, is what counts against the target. The site and the offline page carry the page player: the postMessage door and local storage, no SCORM. `tere-offline.html` is the single-file package (player and whole course in one page), listed apart and not counted. So is the xAPI player's wasm and glue (`dist-xapi/`, the player of the cmi5 and xAPI packages: the cmi5 and xAPI doors to a Learning Record Store, no SCORM, no postMessage), for comparison; its styles are the page player's, and its page carries the content loader inline, as a SCORM package's does."
        ));
        out.push(site);
        let mut scorm = shipped_bytes(&self.scorm, "Shipped bytes, cold load of one stage from its SCORM package (the SCORM player)");
        scorm.table.row(vec![
            "as Moodle serves it, estimated (html, js, css gzip -9; the wasm gzip -9, where packages carry zopfli's smaller .gz; packs raw; measured below)"
                .into(),
            kb(self.as_moodle_serves(false)),
            format!("before: {}", kb(self.as_moodle_serves(true))),
            "".into(),
        ]);
        scorm.notes.insert(0, "The files the launch of the stage's SCORM 2004 package fetched (bench.mjs, as Moodle serves it: see below), each as the SCORM player's build (dist-scorm/) holds it, the wasm itself rather than its gzip bytes, so that the total compares with the site's; KB = 1000 bytes. The total, brotli -q 11, is what counts against the target. Every SCORM package carries the SCORM player: the SCORM 1.2 and 2004 doors and local storage, no postMessage. The row \"as Moodle serves it\" is the same files as Moodle 4.3's pluginfile.php sends them (no MIME type for .wasm or .pack: application/octet-stream, uncompressed; text types gzip by the web server): the content loader fetches the wasm's gzip bytes there (`<wasm>.gz` in every package) and inflates them as they stream; \"before\" is the plain wasm, as packages loaded it until December 2026 (tests/browser/moodle.test.mjs measures the same launch on the wire).".to_string());
        out.push(scorm);

        let (_, _, player) = self.scorm.player();
        let index = self.index_brotli();
        let mut t = Table::new(&["file", "raw", "gzip -9", "brotli -q 11", "cold load of its stage (brotli)"], &[false, true, true, true, true]);
        for p in &self.packs {
            let stage = match (p.name.rsplit('/').next().is_some_and(|n| n == INDEX_FILE), index) {
                (false, Some(index)) => kb(player + index + p.brotli),
                _ => String::new(),
            };
            t.row(vec![p.name.clone(), p.raw.to_string(), p.gzip.to_string(), p.brotli.to_string(), stage]);
        }
        let (r, g, b) = sum(&self.packs);
        t.row(vec!["all content (the whole course)".into(), kb(r), kb(g), kb(b), "".into()]);
        out.push(Section {
            part: None,
            title: "Course content, every pack".into(),
            table: t,
            notes: vec![format!(
                "Every file of dist/{FOLDER}/: the course index (`{INDEX_FILE}`, fetched by every page) and each quiz's pack (fetched only for its own `?quiz=`). The last column is what a cold load of that stage's SCORM package would ship, brotli: the SCORM player alone as measured above, plus the index, plus that pack. Only `{STAGE}` was loaded in the browser."
            )],
        });

        out.push(self.media_section());

        out.push(self.floor_section());

        let loads = self.num("/startup/loads").unwrap_or(0.0);
        let mut t = Table::new(&["page", "median", "p95", "min", "next frame (median)"], &[false, true, true, true, true]);
        for (name, key) in [("Tere (wasm)", "tere"), ("vanilla JS (bench/vanilla.html)", "vanilla")] {
            t.row(vec![
                name.into(),
                ms(self.num(&format!("/startup/{key}/ready/median"))),
                ms(self.num(&format!("/startup/{key}/ready/p95"))),
                ms(self.num(&format!("/startup/{key}/ready/min"))),
                ms(self.num(&format!("/startup/{key}/frame/median"))),
            ]);
        }
        t.row(vec![
            "ratio Tere / vanilla (medians)".into(),
            self.num("/startup/ratio").map_or("–".into(), |r| format!("{r:.2} ×")),
            "".into(),
            "".into(),
            "".into(),
        ]);
        let mut notes = vec![format!(
            "Navigation start → the widget launched with its Start button usable (`.tere[data-launched]` holding `[data-action=\"start\"]` enabled and not inert: Tere shows its first screen inert until the host launch has run), {loads} cold loads of each page (new browser context, HTTP cache disabled), alternating, after one discarded warm-up load of each. For Tere this includes fetching the course index and the stage's pack (content-loader.js starts both before the wasm arrives) and reading them; the vanilla page has the same text in its script."
        )];
        if self.browser.pointer("/startup/sameScreen") != Some(&Value::Bool(true)) {
            notes.push("WARNING: the vanilla page did not render exactly the same intro screen as Tere (both screens, and where they part, are in bench/results.json under `startup.screens`).".into());
        }
        out.push(Section { part: None, title: "Startup, navigation start → Start enabled (widget launched)".into(), table: t, notes });

        out.push(self.moodle_section());

        let answers = self.num("/latency/answers").unwrap_or(0.0);
        let mut t = Table::new(&["measure", "p50", "p95", "max"], &[false, true, true, true]);
        for (name, key) in [
            ("painted = script + render (the target)", "latency/painted"),
            ("↳ script: click → update done, feedback in the DOM", "latency/script"),
            ("↳ render: that frame's style, layout, paint", "latency/render"),
            ("wall clock: click → frame painted (60 Hz clock)", "latency/wall"),
            ("browser floor: render after a one-text change", "latency/renderFloor"),
        ] {
            t.row(vec![name.into(), ms(self.num(&format!("/{key}/median"))), ms(self.num(&format!("/{key}/p95"))), ms(self.num(&format!("/{key}/max")))]);
        }
        out.push(Section {
            part: None,
            title: "Answer → feedback painted".into(),
            table: t,
            notes: vec![
                format!("{answers} answers over repeated attempts of kontakti_loomine, each clicked once the page is idle (Check enabled, no transition running, two frames passed; its dialogue, which has no Check, is played through and not timed). In the page: `script` is from just before `check.click()` to the first task after `.feedback` is in the DOM; `render` is from the first requestAnimationFrame callback of the frame that shows the feedback (asked for just before the click, so the widget's own frame callbacks, such as scrolling the next action into view, count in it) to a message posted there, which runs once that frame is styled, laid out and painted. `painted` leaves out the idle wait between the two: headless Chromium starts the next frame on its 60 Hz clock (up to ~17 ms later whatever the page does; `--disable-frame-rate-limit` does not change that from idle), which the wall-clock row includes. The floor row is the same `render` timing on the vanilla page after changing one text node: what any page pays on this machine."),
            ],
        });

        let mut t = Table::new(&["when", "JS heap used", "wasm memory", "total"], &[false, true, true, true]);
        let attempts = self.num("/memory/afterAll/attempts").unwrap_or(0.0);
        for (name, key) in [
            ("Tere after load".to_string(), "afterLoad"),
            ("Tere after finishing the quiz".to_string(), "afterFinish"),
            (format!("Tere after {attempts} attempts"), "afterAll"),
            ("vanilla page after load".to_string(), "vanillaAfterLoad"),
        ] {
            let b = |f: &str| self.browser.pointer(&format!("/memory/{key}/{f}")).and_then(Value::as_u64);
            t.row(vec![name, b("jsHeapUsed").map_or("–".into(), mib), b("wasmMemory").map_or("–".into(), mib), b("total").map_or("–".into(), mib)]);
        }
        let stack = self.parts.stack.map_or(String::new(), |s| {
            format!(" Of the wasm memory, {} below `__stack_pointer`'s start is Rust's reserved stack (rustc's 1 MiB default, mostly never touched).", mib(s))
        });
        out.push(Section {
            part: None,
            title: "Memory".into(),
            table: t,
            notes: vec!["After a forced GC (CDP `HeapProfiler.collectGarbage`): JS heap = CDP `Runtime.getHeapUsage().usedSize` of the page; wasm memory = `memory.buffer.byteLength` of the instance's exports (from Trunk's `TrunkApplicationStarted` event, which carries the exports). An empty page's JS heap is most of the vanilla row: Chromium's own baseline.".to_string() + &stack],
        });

        let mut t = Table::new(&["quiz", "questions", "drawn", "worst-case characters"], &[false, true, true, true]);
        for s in &self.suspend {
            t.row(vec![s.quiz.clone(), s.questions.to_string(), s.draw.map_or("all".into(), |d| d.to_string()), s.worst.to_string()]);
        }
        out.push(Section {
            part: None,
            title: "Worst-case suspend_data".into(),
            table: t,
            notes: vec!["`tere_engine::resume::worst_case_len` of each quiz of `questions/`: every question answered with its kind's longest answer and its most tries and hints, the largest seed, reflections at their cap.".into()],
        });

        out.extend(self.studio_sections());

        let mut t = Table::new(&["section", "raw", "brotli -q 11"], &[false, true, true]);
        for (name, raw, br) in &self.parts.sections {
            t.row(vec![(*name).into(), kb(*raw), kb(*br)]);
        }
        out.push(Section {
            part: Some("What costs"),
            title: "the SCORM player's wasm by section".into(),
            table: t,
            notes: vec![format!("{}, each part compressed on its own.", self.parts.file)],
        });

        match &self.twiggy {
            Ok(tw) => {
                let code = tw.analysed - tw.names;
                let mut t = Table::new(&["bytes", "% of wasm", "item"], &[true, true, false]);
                for (name, size) in &tw.top {
                    t.row(vec![size.to_string(), format!("{:.1}%", 100.0 * *size as f64 / code as f64), short(name, 110)]);
                }
                out.push(Section {
                    part: Some("What costs"),
                    title: format!("twiggy top {TWIGGY_TOP} (the biggest items)"),
                    table: t,
                    notes: vec![format!(
                        "Analysed: {}. {} bytes without its name section ({} bytes); the shipped dist wasm is {} bytes.",
                        tw.source, code, tw.names, tw.shipped
                    )],
                });
                let mut t = Table::new(&["bytes", "% of wasm", "crate or kind"], &[true, true, false]);
                for (name, size) in tw.groups.iter().take(12) {
                    t.row(vec![size.to_string(), format!("{:.1}%", 100.0 * *size as f64 / code as f64), name.clone()]);
                }
                out.push(Section {
                    part: Some("What costs"),
                    title: "by crate".into(),
                    table: t,
                    notes: vec!["Every twiggy row summed by the crate in its demangled name (generic code counts for the crate that defines it).".into()],
                });
            }
            Err(e) => {
                let mut t = Table::new(&["twiggy"], &[false]);
                t.row(vec![format!("skipped: {e}")]);
                out.push(Section { part: Some("What costs"), title: "twiggy".into(), table: t, notes: vec![] });
            }
        }
        out
    }

    /// Tere Studio's file: its size, what it holds, and how long it takes to open. No target.
    fn studio_sections(&self) -> Vec<Section> {
        const PART: Option<&str> = Some("Tere Studio");
        let studio = match &self.studio {
            Ok(s) => s,
            Err(e) => {
                let mut t = Table::new(&["Tere Studio"], &[false]);
                t.row(vec![format!("not measured: {e}")]);
                return vec![Section { part: PART, title: "size".into(), table: t, notes: vec![] }];
            }
        };
        let mut out = Vec::new();
        let f = &studio.file;
        let mut t = Table::new(&["file", "raw", "gzip -9", "brotli -q 11"], &[false, true, true, true]);
        t.row(vec![f.name.clone(), kb(f.raw), kb(f.gzip), kb(f.brotli)]);
        for o in &studio.own {
            t.row(vec![format!("↳ its own program: {}", o.name), kb(o.raw), kb(o.gzip), kb(o.brotli)]);
        }
        out.push(Section {
            part: PART,
            title: "size".into(),
            table: t,
            notes: vec![format!(
                "`dist/{STUDIO_FILE}` as `cargo xtask package` writes it: one file a trainer double-clicks, with the Studio's program, the built player and the course's source inside (base64, so the file is larger than its parts). The rows under it are the Studio's own program as Trunk built it into `{STUDIO_DIST}/` (the file carries the wasm base64, the glue and styles inline). KB = 1000 bytes. No target. The player's targets above (size, startup, feedback, memory) are measured on the player's own files only (a cold load of `index.html?quiz={STAGE}` from dist/), so the Studio counts against none of them: it embeds the player's files byte for byte and does not change them."
            )],
        });

        let mut t = Table::new(&["part", "blocks", "in the file", "share of the file", "decoded"], &[false, true, true, true, true]);
        for h in &studio.holds {
            let names = match h.names.len() {
                0 => String::new(),
                n if n <= 6 => format!(": {}", h.names.join(", ")),
                n => format!(": {}, … {} more", h.names[..4].join(", "), n - 4),
            };
            let blocks = if h.names.is_empty() { String::new() } else { h.names.len().to_string() };
            t.row(vec![format!("{}{names}", h.what), blocks, kb(h.in_file), format!("{:.1}%", 100.0 * h.in_file as f64 / f.raw.max(1) as f64), kb(h.decoded)]);
        }
        out.push(Section {
            part: PART,
            title: "what the file holds".into(),
            table: t,
            notes: vec!["The file's `<script>` data blocks, which never run: the Studio's wasm (`<script type=\"application/octet-stream\" id=\"tere-studio-wasm\">`), the players' files (`<script type=\"application/octet-stream\" data-player-file=…>` for the page player, `data-scorm-player-file=…` for the SCORM player, which the Studio publishes from) and the course's source (`<script type=\"application/x-tere-source\" data-file=…>`, what it opens), each base64: \"in the file\" is the base64 text, \"decoded\" the bytes it carries. The rest is the page itself, its inline styles, the Studio's wasm-bindgen glue and loader (the one inline script that runs) and the Content-Security-Policy.".into()],
        });

        let mut t = Table::new(&["measure", "median", "p95", "min", "max"], &[false, true, true, true, true]);
        let loads = self.num("/studio/loads").unwrap_or(0.0);
        for (name, key) in [("open → first question editable", "openMs"), ("↳ the next frame after it", "frameMs")] {
            let at = |s: &str| ms(self.num(&format!("/studio/{key}/{s}")));
            t.row(vec![name.into(), at("median"), at("p95"), at("min"), at("max")]);
        }
        let mut notes = vec![format!(
            "`file://…/dist/{STUDIO_FILE}` opened as a trainer opens it (from disk, no server), {loads} times, each in a new browser context (no saved draft), after one discarded warm-up open; viewport 1280 × 900, locale et-EE. Navigation start → the first question's text field of the first quiz present and editable (`section.question-editor textarea`, not disabled, not read-only, nothing inert around it), seen by a MutationObserver installed before any page script (`performance.now()`, 0 = navigation start). This includes reading the 2 MB page, decoding the Studio's base64 wasm, compiling and starting it, and the Studio reading the course's source. No target."
        )];
        if let Some(skipped) = self.browser.pointer("/studio/skipped").and_then(Value::as_str) {
            notes.push(format!("WARNING: not measured in the browser: {skipped}."));
        }
        out.push(Section { part: PART, title: "opening it: navigation start → first question editable".into(), table: t, notes });
        out
    }

    /// The stage with pictures: its cold load, each picture as its question showed it,
    /// the whole stage played through; and the offline page's cost of the course's media.
    fn media_section(&self) -> Section {
        let mut t = Table::new(&["file", "raw", "gzip -9", "brotli -q 11", "fetched"], &[false, true, true, true, false]);
        let bytes = |(r, g, b): (u64, u64, u64)| vec![kb(r), kb(g), kb(b)];
        // One file's bytes, as the other tables give them.
        let file = |f: &Sized| vec![f.raw.to_string(), f.gzip.to_string(), f.brotli.to_string()];
        let row = |t: &mut Table, name: String, sizes: Vec<String>, when: String| t.row([vec![name], sizes, vec![when]].concat());
        let mut notes = Vec::new();
        let title = match &self.media_stage {
            Ok(m) => format!("A stage with pictures, cold: `index.html?quiz={}` played through", m.quiz),
            Err(_) => "A stage with pictures, cold".into(),
        };
        match &self.media_stage {
            Ok(m) => {
                let when = |files: &[&Sized]| {
                    if files.iter().all(|f| m.before_start.contains(&f.name)) { "before Start was usable" } else { "before the first question was on screen" }
                        .to_string()
                };
                let players: Vec<&Sized> = m.load.files.iter().filter(|f| !is_content(&f.name)).collect();
                row(&mut t, format!("the page player ({} files, as in the site's cold load above)", players.len()), bytes(m.load.player()), when(&players));
                for f in m.load.files.iter().filter(|f| is_content(&f.name)) {
                    row(&mut t, f.name.clone(), file(f), when(&[f]));
                }
                row(&mut t, "cold load to the first question, no picture (player, index, the stage's pack)".into(), bytes(m.load.total()), String::new());
                for p in &m.media {
                    let f = &p.file;
                    let name = match &p.source {
                        Some(source) => format!("{} = media/{source}", f.name),
                        None => f.name.clone(),
                    };
                    let on = match (&p.place, p.position) {
                        (Some(place), position) => {
                            let at = position.map_or(String::new(), |n| format!(" {n}"));
                            let step = place.step.as_ref().map_or(String::new(), |s| format!(", step `{s}`"));
                            format!("question{at} (`{}`{step})", place.question)
                        }
                        (None, _) => "a screen".into(),
                    };
                    let when = match (p.shown_ms, p.fetch_ms) {
                        (Some(shown), Some(fetch)) => format!("with {on}: on screen at {shown:.0} ms, fetch began {:+.1} ms", fetch - shown),
                        _ => format!("with {on}"),
                    };
                    row(&mut t, name, file(f), when);
                }
                let pictures = sum(m.media.iter().map(|p| &p.file));
                let stage = m.media.len() + m.unshown.len();
                row(&mut t, format!("media fetched as shown ({} of the stage's {stage})", m.media.len()), bytes(pictures), String::new());
                let (r, g, b) = m.load.total();
                row(&mut t, "total: the stage played through with its pictures".into(), bytes((r + pictures.0, g + pictures.1, b + pictures.2)), String::new());
                notes.push(format!(
                    "One cold load of the site's `index.html?quiz={quiz}` (dist/, the page player; new browser context, HTTP cache disabled, 1280 × 900), the course's stage with the most pictures, played through to its summary ({questions} questions) as the browser tests' learner plays (tests/browser/harness.mjs: every question answered right, the dialogue along its best path), each screen's pictures let load before the next click. bench.mjs records every request and on which screen it came; the rows above the first total are what the load fetched before the first question was on screen, media aside. A picture's row is its file, where it shows, when it was put on screen (a MutationObserver, ms from navigation start) and when its fetch began (Resource Timing), relative to that. The player renders a picture as `<img loading=\"lazy\">` only with the question or dialogue step that shows it, so a stage's cold load carries none of its pictures: each comes when its question does. Bytes as in the tables above; KB = 1000 bytes. No target.",
                    quiz = m.quiz,
                    questions = m.questions,
                ));
                if m.early.is_empty() {
                    let after: Vec<f64> = m.media.iter().filter_map(|p| Some(p.fetch_ms? - p.shown_ms?)).collect();
                    let span = match (after.iter().copied().reduce(f64::min), after.iter().copied().reduce(f64::max)) {
                        (Some(lo), Some(hi)) => format!(", {lo:.1} to {hi:.1} ms after it was put there"),
                        _ => String::new(),
                    };
                    notes.push(format!(
                        "Only when shown: no media file was fetched before Start was usable, and each was fetched once, on the screen that shows it{span}."
                    ));
                } else {
                    notes.push(format!("WARNING: media fetched before it was shown: {}.", m.early.join("; ")));
                }
                if !m.unshown.is_empty() {
                    let unshown: Vec<String> = m
                        .unshown
                        .iter()
                        .map(|(f, p)| format!("{f} (`{}`{})", p.question, p.step.as_ref().map_or(String::new(), |s| format!(", step `{s}`"))))
                        .collect();
                    notes.push(format!("WARNING: the path played did not show, so did not fetch: {}.", unshown.join(", ")));
                }
            }
            Err(e) => t.row(vec![format!("not measured: {e}"), "".into(), "".into(), "".into(), "".into()]),
        }
        notes.push(match &self.offline_media {
            Ok(o) if o.files > 0 => format!(
                "The offline page (`packages/tere-offline.html`) carries the course's {} media files, {} of files, base64 in `<script data-media>` blocks: {} of its {} ({:.1}%; the files ×4/3 are {}, the rest the blocks' tags); brotli -q 11 the page is {} with them, {} without ({}).",
                o.files,
                kb(o.decoded),
                kb(o.in_page),
                kb(o.page),
                100.0 * o.in_page as f64 / o.page.max(1) as f64,
                kb(o.decoded.div_ceil(3) * 4),
                kb(o.page_brotli),
                kb(o.without_brotli),
                format_args!("+{}", kb(o.page_brotli.saturating_sub(o.without_brotli))),
            ),
            Ok(_) => "The offline page (`packages/tere-offline.html`) carries no media file.".into(),
            Err(e) => format!("The offline page's media: not measured: {e}."),
        });
        Section { part: None, title, table: t, notes }
    }

    /// What any Yew widget carrying this course ships, and how much Tere adds to it.
    fn floor_section(&self) -> Section {
        let mut t = Table::new(&["part", "raw", "brotli -q 11"], &[false, true, true]);
        let mut notes = Vec::new();
        match &self.floor {
            Ok(floor) => {
                for f in &floor.yew {
                    t.row(vec![format!("bare Yew counter: {}", f.name), f.raw.to_string(), f.brotli.to_string()]);
                }
                t.row(vec!["course index (content/course.pack)".into(), floor.index.raw.to_string(), floor.index.brotli.to_string()]);
                t.row(vec![
                    format!("the stage's pack (content/{})", tere_engine::packed::quiz_file(STAGE)),
                    floor.stage.raw.to_string(),
                    floor.stage.brotli.to_string(),
                ]);
                let total = floor.total_brotli();
                t.row(vec!["floor: any Yew widget playing this stage".into(), "".into(), kb(total)]);
                for (load, player) in [(&self.site, "page player"), (&self.scorm, "SCORM player")] {
                    let (_, _, shipped) = load.total();
                    t.row(vec![
                        format!("Tere above the floor, {player} (its own code, UI, styles, page, loader)"),
                        "".into(),
                        kb(shipped.saturating_sub(total)),
                    ]);
                }
                notes.push(format!("`bench/yew-floor` is a Yew 0.23 counter built like Tere (release profile, `wasm-opt -Oz`, the same wasm-bindgen and crate versions); the index and the pack are `tere_authoring::packed::pack` of `questions/`. Any Yew widget that plays `{STAGE}` from these packs loads at least this, whatever its own code; Tere above the floor is a player's cold load total (Shipped bytes) less the floor. KB = 1000 bytes."));
            }
            Err(e) => t.row(vec![format!("not measured: {e}"), "".into(), "".into()]),
        }
        Section { part: None, title: "The size floor".into(), table: t, notes }
    }

    fn header(&self) -> String {
        let m = &self.machine;
        format!(
            "{} · {} ({} cores, {:.1} GiB) · {} · Chromium {} · {} · node {} · load average {}",
            m.date, m.cpu, m.cores, m.memory_gib, m.os, m.chromium, m.rustc, m.node, m.load
        )
    }

    pub(super) fn text(&self) -> String {
        let mut out = format!("Tere benchmark — {}\n", self.header());
        for s in self.sections() {
            let title = s.part.map_or(s.title.clone(), |p| format!("{p}: {}", s.title));
            out += &format!("\n{title}\n{}\n", s.table.text());
            for n in &s.notes {
                out += &format!("  note: {n}\n");
            }
        }
        out
    }

    pub(super) fn markdown(&self) -> String {
        let m = &self.machine;
        let mut out = String::from("# Benchmarks\n\n");
        out += "Written by `cargo xtask bench` (xtask/src/bench.rs) on every run; the raw figures, with every sample, are in `bench/results.json`.\n\n";
        out += &format!(
            "Latest run: {}, on {} ({} cores), {:.1} GiB memory, {}; Chromium {}; {}; node {}; load average {} as the benchmark began.\n",
            m.date, m.cpu, m.cores, m.memory_gib, m.os, m.chromium, m.rustc, m.node, m.load
        );
        out += "Figures from a shared or busy machine are noisy (startup and the p95 most of all); compare runs on one machine.\n";
        let mut part = None;
        for s in self.sections() {
            if s.part.is_some() && s.part != part {
                out += &format!("\n## {}\n", s.part.unwrap_or_default());
            }
            part = s.part;
            let heading = if part.is_some() { "###" } else { "##" };
            let mut title = s.title.clone();
            if let Some(first) = title.get(..1) {
                title.replace_range(..1, &first.to_uppercase());
            }
            out += &format!("\n{heading} {title}\n\n{}\n", s.table.markdown());
            for n in &s.notes {
                out += &format!("\n{n}\n");
            }
        }
        out += HOW_TO_RUN;
        out
    }

    pub(super) fn json(&self) -> Value {
        let m = &self.machine;
        let sized = |f: &Sized| json!({ "file": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli });
        let triple = |(r, g, b): (u64, u64, u64)| json!({ "raw": r, "gzip": g, "brotli": b });
        let cold = |load: &ColdLoad| {
            json!({
                "files": load.files.iter().map(|f| {
                    let mut v = sized(f);
                    v["part"] = json!(if is_content(&f.name) { "content" } else { "player" });
                    v
                }).collect::<Vec<_>>(),
                "player": triple(load.player()),
                "content": triple(load.content()),
                "total": triple(load.total()),
            })
        };
        let twiggy = match &self.twiggy {
            Ok(t) => json!({
                "source": t.source, "analysedBytes": t.analysed, "nameSectionBytes": t.names, "shippedWasmBytes": t.shipped,
                "top": t.top.iter().map(|(n, s)| json!({ "item": n, "bytes": s })).collect::<Vec<_>>(),
                "byCrate": t.groups.iter().map(|(n, s)| json!({ "crate": n, "bytes": s })).collect::<Vec<_>>(),
            }),
            Err(e) => json!({ "skipped": e }),
        };
        json!({
            "date": m.date,
            "machine": { "cpu": m.cpu, "cores": m.cores, "memoryGiB": (m.memory_gib * 10.0).round() / 10.0, "os": m.os,
                "chromium": m.chromium, "rustc": m.rustc, "node": m.node, "loadAverage": m.load },
            "targets": self.targets().iter().map(|t| json!({ "target": t.what, "measured": t.measured, "met": t.met })).collect::<Vec<_>>(),
            "shipped": {
                "stage": STAGE,
                "site": cold(&self.site),
                "scorm": cold(&self.scorm),
                "targetBrotli": SIZE_TARGET,
                "targetScormBrotli": SCORM_SIZE_TARGET,
                "asMoodleServes": self.as_moodle_serves(false),
                "asMoodleServedPlainWasm": self.as_moodle_serves(true),
                "targetMoodle": MOODLE_TARGET,
                "offline": self.offline.as_ref().map(sized),
                "xapiPlayer": match &self.xapi {
                    Ok(files) => json!(files.iter().map(sized).collect::<Vec<_>>()),
                    Err(e) => json!({ "skipped": e }),
                },
            },
            "mediaStage": match &self.media_stage {
                Ok(m) => {
                    let pictures = sum(m.media.iter().map(|p| &p.file));
                    let (r, g, b) = m.load.total();
                    json!({
                        "quiz": m.quiz,
                        "questions": m.questions,
                        "toFirstQuestion": cold(&m.load),
                        "media": m.media.iter().map(|p| {
                            let mut v = sized(&p.file);
                            v["source"] = json!(p.source);
                            v["question"] = json!(p.place.as_ref().map(|x| &x.question));
                            v["step"] = json!(p.place.as_ref().and_then(|x| x.step.as_ref()));
                            v["position"] = json!(p.position);
                            v["shownMs"] = json!(p.shown_ms);
                            v["fetchStartMs"] = json!(p.fetch_ms);
                            v
                        }).collect::<Vec<_>>(),
                        "mediaTotal": triple(pictures),
                        "playedThrough": triple((r + pictures.0, g + pictures.1, b + pictures.2)),
                        "onlyWhenShown": m.early.is_empty(),
                        "fetchedEarly": m.early,
                        "notShown": m.unshown.iter().map(|(f, p)| json!({ "file": f, "question": p.question, "step": p.step })).collect::<Vec<_>>(),
                        "screens": self.browser.pointer("/mediaStage/screens"),
                        "target": Value::Null,
                    })
                }
                Err(e) => json!({ "skipped": e }),
            },
            "offlineMedia": match &self.offline_media {
                Ok(o) => json!({ "files": o.files, "inPage": o.in_page, "decoded": o.decoded, "page": o.page, "pageBrotli": o.page_brotli, "withoutMediaBrotli": o.without_brotli }),
                Err(e) => json!({ "skipped": e }),
            },
            "contentPacks": self.packs.iter().map(sized).collect::<Vec<_>>(),
            "studio": match &self.studio {
                Ok(s) => json!({
                    "file": sized(&s.file),
                    "ownProgram": s.own.iter().map(sized).collect::<Vec<_>>(),
                    "holds": s.holds.iter().map(|h| json!({ "part": h.what, "blocks": h.names, "inFile": h.in_file, "decoded": h.decoded })).collect::<Vec<_>>(),
                    "loads": self.browser.pointer("/studio/loads"),
                    "selector": self.browser.pointer("/studio/selector"),
                    "openMs": self.browser.pointer("/studio/openMs"),
                    "frameMs": self.browser.pointer("/studio/frameMs"),
                    "browserSkipped": self.browser.pointer("/studio/skipped"),
                    "target": Value::Null,
                }),
                Err(e) => json!({ "skipped": e }),
            },
            "floor": match &self.floor {
                Ok(f) => json!({
                    "yew": f.yew.iter().map(sized).collect::<Vec<_>>(),
                    "courseIndex": sized(&f.index), "stagePack": sized(&f.stage), "totalBrotli": f.total_brotli(),
                }),
                Err(e) => json!({ "skipped": e }),
            },
            "startup": self.browser["startup"],
            "asMoodleServes": self.browser["moodle"],
            "feedback": self.browser["latency"],
            "memory": self.browser["memory"],
            "suspendData": self.suspend.iter().map(|s| json!({ "quiz": s.quiz, "questions": s.questions, "draw": s.draw, "worstCase": s.worst })).collect::<Vec<_>>(),
            "wasmSections": {
                "file": self.parts.file,
                "stackPointerStart": self.parts.stack,
                "sections": self.parts.sections.iter().map(|(n, r, b)| json!({ "section": n, "raw": r, "brotli": b })).collect::<Vec<_>>(),
            },
            "twiggy": twiggy,
            "chromiumFlags": self.browser["flags"],
            "benchSeconds": self.seconds,
        })
    }
}

const HOW_TO_RUN: &str = "
## How to run

```sh
cargo xtask bench                          # set up, release build into dist/, measure, write this file
cargo xtask bench --loads 30 --answers 200 # more samples (arguments go to bench/bench.mjs)
```

It takes about a minute for the build and under a minute for the measurements (the
first run also installs twiggy with `cargo install twiggy` and compiles the floor's
Yew counter, about two minutes more). The parts:

- `xtask/src/bench.rs`: shipped bytes (`gzip -9 -n` and `brotli -q 11`, by the flate2
  and brotli crates), worst-case suspend_data (natively, through `tere-engine`), the
  wasm breakdown (sections by wasmparser, items by twiggy), the table,
  `bench/results.json` and this file.
- `xtask/src/bench/media.rs`: the stage with the most pictures, chosen from the course;
  what its cold load and play-through fetched, sized, and whether each picture came
  only once shown; the offline page's media blocks.
- `xtask/src/floor.rs` and `bench/yew-floor/`: the size floor, a bare Yew counter built
  like Tere, plus the course index and the measured stage's pack.
- `bench/bench.mjs`: the browser figures, in Debian's `/usr/bin/chromium` through
  playwright-core, over `http://127.0.0.1` from a small static server (no compression,
  `Cache-Control: no-store`), and Tere Studio opened from `file://` (`--studio-loads`,
  10 by default); the stage with pictures is played by the browser tests' learner
  (`tests/browser/harness.mjs`), from the course exported to `target/bench/course.json`. Flags: `--headless --no-sandbox --disable-gpu
  --disable-background-networking --disable-component-update --disable-sync
  --no-first-run` (after playwright's own defaults), a fresh profile; the browser for
  the feedback and memory figures adds `--enable-precise-memory-info`.
- `bench/vanilla.html` + `bench/vanilla.js`: the baseline, the same intro screen of
  `?quiz=kontakti_loomine` written by hand in plain JavaScript (its text in the script,
  copied from `questions/` and `src/i18n.rs`), with the widget's own `style.css` and
  favicon; bench.mjs checks that it renders exactly the same DOM as Tere, and says
  where they part if not (a content change to the stage needs the same change there).
";
