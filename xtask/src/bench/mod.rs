//! `cargo xtask bench`: how big, how fast and how lean the release build in `dist/` is,
//! against fixed targets. Prints a table, writes `bench/results.json` and `BENCHMARKS.md`.
//!
//! The browser figures (startup against a vanilla-JS page, answer → feedback, memory)
//! come from `bench/bench.mjs` (node, playwright-core, Debian's Chromium); the rest is
//! measured here: shipped bytes (gzip -9 and brotli -q 11, by the flate2 and brotli
//! crates), worst-case `suspend_data` (the engine, natively), what the wasm is made of
//! (its sections, read by wasmparser; twiggy, installed if missing) and the size floor
//! (`floor.rs`: a bare Yew counter plus the course index and the stage's pack).
//! Sizes are counted over the files a cold load of one stage fetched (the player, and
//! its content from dist/content/), and every pack of dist/content/ is listed apart.
//! Tere Studio (`dist/packages/tere-studio.html`, written by `cargo xtask package`) is
//! measured apart, with no target: its size, what the file holds, and the time from
//! opening it to the first editable question (bench.mjs). It counts against none of the
//! player's targets.
//! A stage with pictures (the course's stage with the most media, `media.rs`) is loaded
//! cold and played through in the browser: what it fetched before its first question,
//! and each picture when its question showed it; with the offline page's cost of
//! carrying the course's media. No target.
//! Extra arguments go to bench.mjs: `cargo xtask bench --loads 30 --answers 200`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use base64::Engine;
use brotli::enc::BrotliEncoderParams;
use flate2::write::GzEncoder;
use serde_json::Value;
use tere_authoring::load_course;
use tere_engine::packed::{quiz_file, FOLDER, INDEX_FILE};
use tere_engine::resume::worst_case_len;
use tere_engine::Course;
use wasmparser::{Operator, Parser, Payload, ValType};

use crate::floor::{self, Floor};

mod media;
mod report;
use crate::util::{self, Result};
use report::{ColdLoad, Report};

const KIB: u64 = 1024;
/// A kilobyte as the size target counts it: 1000 bytes.
const KB: u64 = 1000;
/// A cold load of one stage from the site (`index.html?quiz=<STAGE>`, the page player):
/// every file it fetched, player and content, each brotli -q 11, summed.
const SIZE_TARGET: u64 = 100 * KB;
/// The same from the stage's SCORM package (the SCORM player carries more doors).
const SCORM_SIZE_TARGET: u64 = 125 * KB;
/// One stage's cold load as Moodle serves a package (issue 27).
const MOODLE_TARGET: u64 = 170 * KB;
/// Median startup of Tere over the median of the hand-written vanilla page.
const STARTUP_RATIO_TARGET: f64 = 2.0;
/// The phone profile's navigation → first question usable, one stage from Moodle (issue 27).
const PHONE_TARGET_MS: f64 = 800.0;
/// Answer → feedback painted, 95th percentile.
const FEEDBACK_P95_TARGET_MS: f64 = 4.0;
/// JS heap plus wasm linear memory after load.
const MEMORY_TARGET: u64 = 2 * KIB * KIB;
/// Longest resume text of any quiz (SCORM 1.2 allows 4096; we keep a margin).
const SUSPEND_TARGET: usize = 1024;
/// The stage whose cold load is measured (`index.html?quiz=<STAGE>`); bench.mjs loads the same.
const STAGE: &str = "kontakti_loomine";
const TWIGGY_TOP: usize = 20;
/// The LZ77 window of `brotli -q 11` (the CLI's default, 2^24 - 16 bytes).
const BROTLI_WINDOW: i32 = 24;
/// Tere Studio in one file, relative to dist/ (`cargo xtask package` writes it).
const STUDIO_FILE: &str = "packages/tere-studio.html";
/// Where Trunk builds the Studio's own program (xtask/src/studio.rs), relative to the root.
const STUDIO_DIST: &str = "target/studio-dist";

pub fn run(args: &[String]) -> Result {
    let began = Instant::now();
    let load = load_average();
    let root = util::root();
    let dist = root.join("dist");
    let work = root.join("target/bench");
    std::fs::create_dir_all(&work).map_err(|e| format!("create {}: {e}", work.display()))?;

    util::step("bench: worst-case suspend_data");
    let course = load_course(&root.join("questions")).map_err(|_| "content has errors; run cargo xtask check".to_string())?.course;
    let suspend = suspend_data(&course);

    util::step("bench: what the wasm is made of (twiggy)");
    // What the largest player (the SCORM packages') is made of; the page player is the
    // same less the SCORM doors, plus the postMessage door.
    let dist_scorm = root.join("dist-scorm");
    let twiggy = twiggy(&root, &dist_scorm, &work);
    if let Err(e) = &twiggy {
        eprintln!("note: {e}");
    }

    let parts = wasm_parts(&dist_scorm)?;

    util::step("bench: the size floor (a bare Yew counter, and the course's text)");
    let floor = floor::measure(&root, &work, &course, STAGE);
    if let Err(e) = &floor {
        eprintln!("note: the floor was not measured: {e}");
    }

    util::step("bench: browser (startup, answer → feedback, memory)");
    let browser_json = work.join("browser.json");
    let _ = std::fs::remove_file(&browser_json);
    let mut node = util::cmd("node");
    node.arg(root.join("bench/bench.mjs")).arg("--dist").arg(&dist).arg("--out").arg(&browser_json);
    // The stage with pictures, and the course exported for the learner who plays it
    // (tests/browser/harness.mjs answers from it).
    let media_stage = media::stage(&course.quizzes);
    if let Some(quiz) = media_stage {
        let course_json = work.join("course.json");
        crate::export::course_json(&root.join("questions"), &course_json)?;
        node.arg("--media-quiz").arg(quiz.id.as_ref()).arg("--course").arg(&course_json);
    }
    util::run(node.args(args), "bench/bench.mjs")?;
    let browser: Value = read_json(&browser_json)?;

    util::step("bench: shipped bytes");
    let site = ColdLoad { files: files_loaded(&browser, &dist)?.iter().map(|p| compress(&dist, p)).collect::<Result<Vec<_>>>()? };
    let scorm = ColdLoad { files: scorm_files_loaded(&browser, &dist_scorm)?.iter().map(|p| compress(&dist_scorm, p)).collect::<Result<Vec<_>>>()? };
    let packs = content_packs(&dist)?.iter().map(|p| compress(&dist, p)).collect::<Result<Vec<_>>>()?;
    let offline_path = dist.join("packages/tere-offline.html");
    let offline = offline_path.is_file().then(|| compress(&dist, &offline_path)).transpose()?;
    let xapi = xapi_player(&root.join("dist-xapi"));
    if let Err(e) = &xapi {
        eprintln!("note: {e}");
    }
    util::step("bench: the stage with pictures, and the offline page's media");
    let media_stage = match media_stage {
        Some(quiz) => media::measure(&browser, &dist, quiz, &root.join("questions")),
        None => Err("no stage of the course shows a picture or a sound".into()),
    };
    if let Err(e) = &media_stage {
        eprintln!("note: the stage with pictures was not measured: {e}");
    }
    let offline_media = match std::fs::read_to_string(&offline_path) {
        Ok(html) => media::offline(&html).map_err(|e| format!("{}: {e}", offline_path.display())),
        Err(e) => Err(format!("read {}: {e}", offline_path.display())),
    };
    util::step("bench: Tere Studio's file");
    let studio = studio(&root, &dist);
    if let Err(e) = &studio {
        eprintln!("note: {e}");
    }

    let report = Report {
        machine: Machine { load, ..machine(&browser) },
        site,
        scorm,
        packs,
        offline,
        xapi,
        media_stage,
        offline_media,
        studio,
        browser,
        suspend,
        parts,
        twiggy,
        floor,
        seconds: began.elapsed().as_secs(),
    };
    println!("\n{}", report.text());
    let results = root.join("bench/results.json");
    let text = serde_json::to_string_pretty(&report.json()).map_err(|e| e.to_string())?;
    std::fs::write(&results, text + "\n").map_err(|e| format!("write {}: {e}", results.display()))?;
    let doc = root.join("BENCHMARKS.md");
    // The hand-written history of what was changed, and what each change bought.
    let changes = std::fs::read_to_string(root.join("bench/changes.md")).unwrap_or_default();
    std::fs::write(&doc, format!("{}\n{changes}", report.markdown())).map_err(|e| format!("write {}: {e}", doc.display()))?;
    println!("wrote bench/results.json and BENCHMARKS.md ({} s for the benchmark after the build)", report.seconds);
    Ok(())
}

// ------------------------------------------------------------------ measurements

pub struct Sized {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Whether a file (its name relative to dist/) is course content rather than the player.
fn is_content(name: &str) -> bool {
    name.strip_prefix(FOLDER).is_some_and(|rest| rest.starts_with('/'))
}

/// The files a cold load of the stage fetched (bench.mjs records the requests): the
/// player's first, then its content (dist/content/). If that list is missing, every
/// file at the top of dist/ and the stage's index and pack. A fetched file that is not
/// in dist/ (any more) means dist/ was rebuilt under the benchmark: an error.
fn files_loaded(browser: &Value, dist: &Path) -> Result<Vec<PathBuf>> {
    let requested: Vec<&str> = browser
        .pointer("/startup/tereFilesRequested")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str()?.strip_prefix("/tere/"))
        .map(|f| if f.is_empty() { "index.html" } else { f })
        .collect();
    let files: Vec<PathBuf> = if requested.is_empty() {
        eprintln!("note: bench.mjs recorded no requests; counting every file at the top of dist/ and the stage's content");
        let entries = std::fs::read_dir(dist).map_err(|e| format!("read {}: {e}", dist.display()))?;
        let content = dist.join(FOLDER);
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).chain([content.join(INDEX_FILE), content.join(quiz_file(STAGE))]).collect()
    } else {
        let missing: Vec<&str> = requested.iter().copied().filter(|f| !dist.join(f).is_file()).collect();
        if !missing.is_empty() {
            return Err(format!(
                "the cold load fetched {} that dist/ does not hold (was dist/ rebuilt during the benchmark? run it again)",
                missing.join(", ")
            ));
        }
        requested.iter().map(|f| dist.join(f)).collect()
    };
    Ok(in_load_order(files, dist))
}

/// The files a launch of the stage's SCORM package fetched (bench.mjs, as Moodle
/// serves it), as the SCORM player's build holds them (`dist_scorm`): the wasm rather
/// than the gzip bytes Moodle's path fetches, so the total compares with the site's.
fn scorm_files_loaded(browser: &Value, dist_scorm: &Path) -> Result<Vec<PathBuf>> {
    let fetched: Vec<&str> = browser.pointer("/moodle/files").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    if fetched.is_empty() {
        eprintln!("note: bench.mjs launched no SCORM package (was `cargo xtask package` run?); the SCORM player's cold load is not measured");
    }
    let files = fetched
        .iter()
        .filter(|f| **f != "imsmanifest.xml")
        .map(|f| {
            let file = dist_scorm.join(if f.is_empty() { "index.html" } else { f.strip_suffix(".gz").unwrap_or(f) });
            if file.is_file() {
                Ok(file)
            } else {
                Err(format!("the SCORM package fetched {f}, which {} does not hold (rebuilt since `cargo xtask package`?)", dist_scorm.display()))
            }
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(in_load_order(files, dist_scorm))
}

/// `files` of a player's folder, the page first, then scripts, the wasm, styles and
/// the rest; content last, the index before the quiz packs.
fn in_load_order(mut files: Vec<PathBuf>, dist: &Path) -> Vec<PathBuf> {
    let rank = |p: &PathBuf| {
        let content = p.strip_prefix(dist).is_ok_and(|r| is_content(&r.to_string_lossy()));
        let kind = match p.extension().and_then(|e| e.to_str()) {
            Some("html") => 0,
            Some("js") => 1,
            Some("wasm") => 2,
            Some("css") => 3,
            _ => 4,
        };
        // The index before the quiz packs.
        let index = p.file_name().is_some_and(|n| n == INDEX_FILE);
        (content, kind, !index)
    };
    files.sort_by_key(|p| (rank(p), p.clone()));
    files.dedup();
    files
}

/// The xAPI player's wasm and its glue (dist-xapi/, the cmi5 and xAPI packages' player).
fn xapi_player(dir: &Path) -> std::result::Result<Vec<Sized>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("read {}: {e} (`cargo xtask build` builds the xAPI player there)", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            name.starts_with("tere-") && (name.ends_with("_bg.wasm") || name.ends_with(".js"))
        })
        .collect();
    // The wasm first, as in the other players' tables.
    files.sort_by_key(|p| (p.extension().is_none_or(|x| x != "wasm"), p.clone()));
    if files.len() != 2 {
        return Err(format!("{} holds no single tere-*_bg.wasm and tere-*.js", dir.display()));
    }
    files.iter().map(|p| compress(dir, p)).collect()
}

/// Every pack of dist/content/: the course index first, then each quiz's pack.
fn content_packs(dist: &Path) -> Result<Vec<PathBuf>> {
    let folder = dist.join(FOLDER);
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("read {}: {e} (the course's packs are built into dist/{FOLDER}/)", folder.display()))?;
    let mut packs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    packs.sort_by_key(|p| (p.file_name().is_none_or(|n| n != INDEX_FILE), p.clone()));
    Ok(packs)
}

pub fn compress(dist: &Path, file: &Path) -> Result<Sized> {
    let bytes = std::fs::read(file).map_err(|e| format!("read {}: {e}", file.display()))?;
    let name = file.strip_prefix(dist).unwrap_or(file).to_string_lossy().into_owned();
    Ok(Sized { name, raw: bytes.len() as u64, gzip: gzip_len(&bytes), brotli: brotli_len(&bytes) })
}

/// Size of `bytes` gzipped as `gzip -9 -n` does: best compression, no name or time in the header.
fn gzip_len(bytes: &[u8]) -> u64 {
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    gz.finish().expect("writing to memory").len() as u64
}

/// Size of `bytes` compressed as `brotli -q 11` does (quality 11, its default window).
fn brotli_len(bytes: &[u8]) -> u64 {
    let params = BrotliEncoderParams { quality: 11, lgwin: BROTLI_WINDOW, size_hint: bytes.len(), ..Default::default() };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing to memory");
    out.len() as u64
}

/// Tere Studio's single file: its size, its own program, and what it holds.
struct Studio {
    file: Sized,
    /// The Studio's own wasm, glue and styles as Trunk built them (target/studio-dist/).
    own: Vec<Sized>,
    /// The file's parts: the Studio's wasm, the embedded player, the course's source, the rest.
    holds: Vec<Held>,
}

/// One kind of data block in the Studio's file (or, with no blocks, the rest of the page).
#[derive(Debug, PartialEq)]
struct Held {
    what: &'static str,
    /// The blocks' names (`data-player-file`, `data-scorm-player-file`, `data-file`), or the block's id.
    names: Vec<String>,
    /// Bytes of the file this part takes (the blocks' base64 text).
    in_file: u64,
    /// The same decoded: the bytes embedded.
    decoded: u64,
}

fn studio(root: &Path, dist: &Path) -> std::result::Result<Studio, String> {
    let path = dist.join(STUDIO_FILE);
    if !path.is_file() {
        return Err(format!("no dist/{STUDIO_FILE} (cargo xtask package writes it); Tere Studio is not measured"));
    }
    let file = compress(dist, &path)?;
    let html = std::fs::read_to_string(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    let holds = studio_parts(&html).map_err(|e| format!("{}: {e}", path.display()))?;
    let own_dir = root.join(STUDIO_DIST);
    let mut own: Vec<PathBuf> = std::fs::read_dir(&own_dir)
        .map_err(|e| format!("read {}: {e}", own_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            !name.starts_with("boot-") && [".wasm", ".js", ".css"].iter().any(|x| name.ends_with(x))
        })
        .collect();
    let rank = |p: &PathBuf| match p.extension().and_then(|e| e.to_str()) {
        Some("wasm") => 0,
        Some("js") => 1,
        _ => 2,
    };
    own.sort_by_key(|p| (rank(p), p.clone()));
    let own = own.iter().map(|p| compress(root, p)).collect::<Result<Vec<_>>>()?;
    Ok(Studio { file, own, holds })
}

/// The Studio's file by part: its wasm block (`id="tere-studio-wasm"`), each player's
/// files (`tere_publish::PAGE_PLAYER_BLOCK`, `SCORM_PLAYER_BLOCK`), the course's source (`application/x-tere-source`), each
/// base64 in a `<script>` block that never runs, and the rest (page, styles, glue, CSP).
fn studio_parts(html: &str) -> Result<Vec<Held>> {
    let held = |what| Held { what, names: Vec::new(), in_file: 0, decoded: 0 };
    let mut parts = [
        held("the Studio's wasm"),
        held("the page player's files, as in dist/"),
        held("the SCORM player's files, as in dist-scorm/"),
        held("the course's source"),
    ];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    };
    let mut at = 0;
    while let Some(open) = html[at..].find("<script").map(|i| at + i) {
        let body = open + html[open..].find('>').ok_or("a <script> tag is not closed")? + 1;
        let end = body + html[body..].find("</script>").ok_or("a <script> block has no </script>")?;
        let tag = &html[open..body];
        let (part, name) = if attr(tag, "id").as_deref() == Some("tere-studio-wasm") {
            (Some(0), Some("tere-studio-wasm".to_string()))
        } else if let Some(name) = attr(tag, &format!("data-{}", tere_publish::PAGE_PLAYER_BLOCK)) {
            (Some(1), Some(name))
        } else if let Some(name) = attr(tag, &format!("data-{}", tere_publish::SCORM_PLAYER_BLOCK)) {
            (Some(2), Some(name))
        } else if attr(tag, "type").as_deref() == Some("application/x-tere-source") {
            (Some(3), attr(tag, "data-file"))
        } else {
            (None, None)
        };
        if let Some(i) = part {
            let text = &html[body..end];
            let decoded =
                base64::engine::general_purpose::STANDARD.decode(text.trim()).map_err(|e| format!("a block of {} is not base64: {e}", parts[i].what))?;
            parts[i].names.extend(name);
            parts[i].in_file += text.len() as u64;
            parts[i].decoded += decoded.len() as u64;
        }
        at = end + "</script>".len();
    }
    if parts[0].names.is_empty() {
        return Err("no `<script id=\"tere-studio-wasm\">` block: not the Studio's file?".into());
    }
    let blocks: u64 = parts.iter().map(|p| p.in_file).sum();
    let rest = html.len() as u64 - blocks;
    let mut out: Vec<Held> = parts.into_iter().collect();
    out.push(Held { what: "the rest: the page, styles, the Studio's glue and loader, CSP", names: Vec::new(), in_file: rest, decoded: rest });
    Ok(out)
}

struct Suspend {
    quiz: String,
    questions: usize,
    draw: Option<usize>,
    worst: usize,
}

fn suspend_data(course: &Course) -> Vec<Suspend> {
    course
        .quizzes
        .iter()
        .map(|q| Suspend { quiz: q.id.to_string(), questions: q.questions.len(), draw: q.draw.map(usize::from), worst: worst_case_len(q) })
        .collect()
}

/// The shipped wasm by section, raw and brotli, and the stack it reserves.
struct WasmParts {
    file: String,
    /// (section, raw bytes, brotli bytes)
    sections: Vec<(&'static str, u64, u64)>,
    /// Where `__stack_pointer` (the first global) starts: Rust's stack sits below it.
    stack: Option<u64>,
}

fn wasm_parts(dist: &Path) -> Result<WasmParts> {
    let path = std::fs::read_dir(dist)
        .map_err(|e| format!("read {}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .ok_or("no .wasm in dist/")?;
    let bytes = std::fs::read(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    let file = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    split_wasm(file, &bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// A wasm module's code and data section bodies and everything else (the header and the
/// other sections, headers included), each raw and brotli; and where the first global
/// starts if it is a mutable i32 set by `i32.const` (`__stack_pointer`).
fn split_wasm(file: String, bytes: &[u8]) -> Result<WasmParts> {
    let (mut code, mut data, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    let mut stack = None;
    // Sections follow each other, so one starts (with its id and size) where the last ended.
    let mut end = 0;
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| format!("not a valid wasm module: {e}"))?;
        match &payload {
            Payload::Version { range, .. } => {
                end = range.end as usize;
                rest.extend_from_slice(&bytes[..end]);
            }
            Payload::GlobalSection(globals) => {
                if let Some(Ok(first)) = globals.clone().into_iter().next() {
                    if first.ty.content_type == ValType::I32 && first.ty.mutable {
                        if let Some(Ok(Operator::I32Const { value })) = first.init_expr.get_operators_reader().into_iter().next() {
                            stack = u64::try_from(value).ok();
                        }
                    }
                }
            }
            _ => {}
        }
        let Some((id, range)) = payload.as_section() else { continue };
        let body = range.start as usize..range.end as usize;
        match id {
            10 => code.extend_from_slice(&bytes[body.clone()]),
            11 => data.extend_from_slice(&bytes[body.clone()]),
            _ => rest.extend_from_slice(&bytes[end..body.end]),
        }
        end = body.end;
    }
    let sections =
        [("code (functions)", &code), ("data (static data: course text, strings)", &data), ("everything else (imports, exports, types, tables)", &rest)]
            .into_iter()
            .map(|(name, part)| (name, part.len() as u64, brotli_len(part)))
            .collect();
    Ok(WasmParts { file, sections, stack })
}

struct Twiggy {
    /// What was analysed, in words.
    source: String,
    /// Size of the analysed file, and of its name section (not shipped).
    analysed: u64,
    names: u64,
    shipped: u64,
    top: Vec<(String, u64)>,
    groups: Vec<(String, u64)>,
}

/// twiggy on the shipped wasm of the player in `dist` rebuilt with its names: its
/// wasm-bindgen output (kept by `cargo xtask build` as `target/players/<feature>_bg.wasm`)
/// through the same `wasm-opt -Oz`, plus `-g` (the shipped wasm has no names).
fn twiggy(root: &Path, dist: &Path, work: &Path) -> std::result::Result<Twiggy, String> {
    if util::output(util::cmd("twiggy").arg("--version")).is_none() {
        util::step("installing twiggy (cargo install twiggy)");
        util::run(util::cmd("cargo").args(["install", "twiggy"]), "cargo install twiggy")
            .map_err(|e| format!("twiggy not available ({e}); skipping the wasm breakdown"))?;
    }
    let shipped = std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "wasm"))
        .and_then(|p| std::fs::metadata(p).ok())
        .map_or(0, |m| m.len());
    let feature = crate::dist::PLAYERS.iter().find(|p| root.join(p.dir) == dist).map_or("scorm", |p| p.feature);
    let bindgen = crate::dist::bindgen_output(root, feature);
    let named = work.join("tere-named.wasm");
    let optimised = bindgen.is_file()
        && util::run(util::cmd("wasm-opt").args(["-Oz", "-g"]).arg(&bindgen).arg("-o").arg(&named).stdout(std::process::Stdio::null()), "wasm-opt -Oz -g")
            .is_ok();
    let (wasm, source) = if optimised {
        (named, "the shipped wasm rebuilt with names: Trunk's wasm-bindgen output through `wasm-opt -Oz -g`".to_string())
    } else {
        let raw = util::target_dir().join("wasm32-unknown-unknown/release/tere.wasm");
        if !raw.is_file() {
            return Err(format!("no wasm with names found ({}); skipping the wasm breakdown", bindgen.display()));
        }
        (raw, "target/wasm32-unknown-unknown/release/tere.wasm (before wasm-bindgen and wasm-opt: larger than shipped)".to_string())
    };
    let out = util::cmd("twiggy").args(["top", "-n", "1000000", "-f", "json"]).arg(&wasm).output().map_err(|e| format!("twiggy: {e}"))?;
    if !out.status.success() {
        return Err(format!("twiggy failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).map_err(|e| format!("twiggy output: {e}"))?;
    let rows: Vec<(String, u64)> = rows.iter().filter_map(|r| Some((r["name"].as_str()?.to_string(), r["shallow_size"].as_u64()?))).collect();
    let is_names = |n: &str| n.ends_with("names\" subsection");
    let names = rows.iter().filter(|(n, _)| is_names(n)).map(|(_, s)| s).sum();
    let top = rows.iter().filter(|(n, _)| !is_names(n)).take(TWIGGY_TOP).cloned().collect();
    let mut groups: Vec<(String, u64)> = Vec::new();
    for (name, size) in rows.iter().filter(|(n, _)| !is_names(n)) {
        let owner = owner(name);
        match groups.iter_mut().find(|(g, _)| *g == owner) {
            Some(g) => g.1 += size,
            None => groups.push((owner, *size)),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.1));
    let analysed = std::fs::metadata(&wasm).map_or(0, |m| m.len());
    Ok(Twiggy { source, analysed, names, shipped, top, groups })
}

/// Which crate (or kind of wasm item) a twiggy row belongs to, from its demangled name.
fn owner(name: &str) -> String {
    const STRUCTURE: [&str; 9] = ["import ", "export ", "type[", "elem[", "table[", "global[", "code[", "custom section", "memory["];
    if name.starts_with("data segment") {
        return "static data (course text, UI strings, tables)".into();
    }
    if STRUCTURE.iter().any(|p| name.starts_with(p)) || name.contains("section headers") {
        return "wasm structure (imports, exports, types, tables)".into();
    }
    let s = name.trim_start_matches(['<', '&', '(', '*', ' ']);
    let s = s.strip_prefix("mut ").or_else(|| s.strip_prefix("dyn ")).or_else(|| s.strip_prefix("const ")).unwrap_or(s);
    let head: String = s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let rest = &s[head.len()..];
    let is_path = rest.starts_with("::") || rest.starts_with('[');
    if !is_path && name.starts_with('<') {
        // `<f64 as core::fmt::Display>::fmt`: a primitive's impl belongs to the trait's crate.
        if let Some(i) = name.find(" as ") {
            return owner(&name[i + 4..]);
        }
    }
    match head.as_str() {
        "core" | "alloc" | "std" | "__rustc" | "compiler_builtins" => "Rust standard library (core, alloc, std)".into(),
        h if h.starts_with("__wbg") || h.starts_with("__wbindgen") || h.starts_with("__externref") || h == "wasm_bindgen" => "wasm_bindgen".into(),
        h if is_path => h.into(),
        _ => "other (compiler intrinsics, main)".into(),
    }
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

struct Machine {
    date: String,
    cpu: String,
    cores: usize,
    memory_gib: f64,
    os: String,
    chromium: String,
    rustc: String,
    node: String,
    /// /proc/loadavg as the benchmark began: other work on the machine skews the timings.
    load: String,
}

fn machine(browser: &Value) -> Machine {
    let file = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let field = |text: &str, key: &str| -> Option<String> {
        text.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_once([':', '='])).map(|(_, v)| v.trim().trim_matches('"').to_string())
    };
    let mem_kib: f64 = field(&file("/proc/meminfo"), "MemTotal").and_then(|v| v.trim_end_matches("kB").trim().parse().ok()).unwrap_or(0.0);
    Machine {
        date: util::output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"])).unwrap_or_default(),
        cpu: field(&file("/proc/cpuinfo"), "model name").unwrap_or_else(|| "unknown CPU".into()),
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        memory_gib: mem_kib / (1024.0 * 1024.0),
        os: field(&file("/etc/os-release"), "PRETTY_NAME").unwrap_or_else(|| "unknown OS".into()),
        chromium: browser["chromium"].as_str().unwrap_or("?").to_string(),
        rustc: util::output(util::cmd("rustc").arg("--version")).unwrap_or_default(),
        node: util::output(util::cmd("node").arg("--version")).unwrap_or_default(),
        load: load_average(),
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").unwrap_or_default().split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

// ------------------------------------------------------------------ the report

#[cfg(test)]
mod tests {
    use std::io::Read;

    use serde_json::json;

    use super::{brotli_len, content_packs, files_loaded, gzip_len, is_content, split_wasm, studio_parts, Held, WasmParts};

    #[test]
    fn the_studio_file_splits_into_its_wasm_the_players_the_source_and_the_rest() {
        // "AAEC" is 3 bytes, "aGk=" 2, "dGVyZQ==" 4.
        let html = "<!doctype html>\n<html><head><style>p{}</style></head><body>\n\
            <script type=\"application/octet-stream\" id=\"tere-studio-wasm\">AAEC</script>\n\
            <script type=\"application/octet-stream\" data-player-file=\"index.html\">aGk=</script>\n\
            <script type=\"application/octet-stream\" data-player-file=\"tere_bg.wasm\">\nAAEC\n</script>\n\
            <script type=\"application/octet-stream\" data-scorm-player-file=\"tere_bg.wasm\">aGk=</script>\n\
            <script type=\"application/x-tere-source\" data-file=\"course.toml\">dGVyZQ==</script>\n\
            <script type=\"module\">await init();</script>\n</body></html>\n";
        let parts = studio_parts(html).unwrap();
        let held = |what, names: &[&str], in_file, decoded| Held { what, names: names.iter().map(|n| n.to_string()).collect(), in_file, decoded };
        let rest = html.len() as u64 - 4 - 4 - 6 - 4 - 8;
        assert_eq!(
            parts,
            [
                held("the Studio's wasm", &["tere-studio-wasm"], 4, 3),
                held("the page player's files, as in dist/", &["index.html", "tere_bg.wasm"], 10, 5),
                held("the SCORM player's files, as in dist-scorm/", &["tere_bg.wasm"], 4, 2),
                held("the course's source", &["course.toml"], 8, 4),
                held("the rest: the page, styles, the Studio's glue and loader, CSP", &[], rest, rest),
            ]
        );
        assert_eq!(parts.iter().map(|p| p.in_file).sum::<u64>(), html.len() as u64);
        assert!(studio_parts("<html><script type=\"module\">x</script></html>").unwrap_err().contains("tere-studio-wasm"));
        assert!(studio_parts("<script id=\"tere-studio-wasm\">not base64!</script>").is_err());
    }

    #[test]
    fn the_cold_load_lists_the_player_then_its_content_and_every_pack_is_listed() {
        let dist = tempfile::tempdir().unwrap();
        std::fs::create_dir(dist.path().join("content")).unwrap();
        for f in ["index.html", "tere_bg.wasm", "tere.js", "style.css", "content/quiz-b.pack", "content/course.pack", "content/quiz-a.pack"] {
            std::fs::write(dist.path().join(f), f).unwrap();
        }
        let requests = ["/tere/index.html", "/tere/content/course.pack", "/tere/style.css", "/tere/tere.js", "/tere/tere_bg.wasm", "/tere/content/quiz-a.pack"];
        let browser = json!({ "startup": { "tereFilesRequested": requests } });
        let names = |files: Vec<std::path::PathBuf>| -> Vec<String> {
            files.iter().map(|p| p.strip_prefix(dist.path()).unwrap().to_string_lossy().into_owned()).collect()
        };
        assert_eq!(
            names(files_loaded(&browser, dist.path()).unwrap()),
            ["index.html", "tere.js", "tere_bg.wasm", "style.css", "content/course.pack", "content/quiz-a.pack"]
        );
        assert_eq!(names(content_packs(dist.path()).unwrap()), ["content/course.pack", "content/quiz-a.pack", "content/quiz-b.pack"]);
        assert!(is_content("content/course.pack") && !is_content("content-loader.js") && !is_content("index.html"));

        // A fetched file dist/ no longer holds: dist/ was rebuilt under the benchmark.
        let browser = json!({ "startup": { "tereFilesRequested": ["/tere/index.html", "/tere/tere-old.js"] } });
        assert!(files_loaded(&browser, dist.path()).unwrap_err().contains("tere-old.js"));
    }

    /// A module written out byte by byte: each section's size is known, and the first
    /// global is `__stack_pointer`-like (mutable i32, `i32.const 1048576`).
    const MODULE: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version: 8
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> (): 6
        0x03, 0x02, 0x01, 0x00, // function: 4
        0x05, 0x03, 0x01, 0x00, 0x01, // memory: 5
        0x06, 0x09, 0x01, 0x7f, 0x01, 0x41, 0x80, 0x80, 0xc0, 0x00, 0x0b, // global: 11
        0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // code: header 2, body 4
        0x0b, 0x0b, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x05, b'h', b'e', b'l', b'l', b'o', // data: header 2, body 11
        0x00, 0x03, 0x01, b'x', 0xff, // custom section "x": 5
    ];

    #[test]
    fn the_wasm_splits_into_code_data_and_the_rest() {
        let WasmParts { file, sections, stack } = split_wasm("m.wasm".into(), MODULE).unwrap();
        assert_eq!(file, "m.wasm");
        let raw: Vec<(&str, u64)> = sections.iter().map(|(name, raw, _)| (*name, *raw)).collect();
        assert_eq!(
            raw,
            [
                ("code (functions)", 4),
                ("data (static data: course text, strings)", 11),
                ("everything else (imports, exports, types, tables)", 8 + 6 + 4 + 5 + 11 + 5)
            ]
        );
        assert_eq!(sections[0].2, brotli_len(&[0x01, 0x02, 0x00, 0x0b]));
        assert_eq!(sections[1].2, brotli_len(&MODULE[42..53]));
        let rest: Vec<u8> = [&MODULE[..34], &MODULE[53..]].concat();
        assert_eq!(sections[2].2, brotli_len(&rest));
        assert_eq!(stack, Some(1_048_576));
    }

    #[test]
    fn a_first_global_that_is_not_the_stack_pointer_gives_no_stack() {
        // The same module with an immutable first global.
        let mut module = MODULE.to_vec();
        module[27] = 0x00;
        assert_eq!(split_wasm(String::new(), &module).unwrap().stack, None);
        assert!(split_wasm(String::new(), b"\0asn\x01\0\0\0").is_err());
        assert!(split_wasm(String::new(), &MODULE[..45]).is_err(), "a section cut short");
    }

    #[test]
    fn compression_sizes_are_gzip_9_and_brotli_11_streams() {
        let text: Vec<u8> = (0..2000).flat_map(|i| format!("<p class=\"q{}\">Küsimus {i}</p>\n", i % 7).into_bytes()).collect();
        // gzip: a 10-byte header without name or time, the deflate stream, an 8-byte trailer.
        assert_eq!(gzip_len(b""), 20);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &text).unwrap();
        let gzipped = gz.finish().unwrap();
        assert_eq!(gzip_len(&text), gzipped.len() as u64);
        assert_eq!(&gzipped[3..8], &[0, 0, 0, 0, 0], "no name, no time");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzipped[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, text);

        assert_eq!(brotli_len(b""), 1);
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: super::BROTLI_WINDOW, ..Default::default() };
        let mut compressed = Vec::new();
        brotli::BrotliCompress(&mut &text[..], &mut compressed, &params).unwrap();
        assert_eq!(brotli_len(&text), compressed.len() as u64);
        let mut back = Vec::new();
        brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut back).unwrap();
        assert_eq!(back, text);
        assert!(brotli_len(&text) < gzip_len(&text) && gzip_len(&text) < text.len() as u64 / 10);

        // Where the command-line tools are installed, the figures are theirs to within 3 %.
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), &text).unwrap();
        for (tool, args, ours) in [("gzip", ["-9", "-n", "-c"], gzip_len(&text)), ("brotli", ["-q", "11", "-c"], brotli_len(&text))] {
            if let Ok(out) = std::process::Command::new(tool).args(args).arg(file.path()).output() {
                let theirs = out.stdout.len() as f64;
                assert!((ours as f64 - theirs).abs() <= theirs * 0.03, "{tool}: {ours} against {theirs}");
            }
        }
    }
}
