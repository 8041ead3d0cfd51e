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
//! Extra arguments go to bench.mjs: `cargo xtask bench --loads 30 --answers 200`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use base64::Engine;
use brotli::enc::BrotliEncoderParams;
use flate2::write::GzEncoder;
use serde_json::{json, Value};
use tere_authoring::load_course;
use tere_engine::packed::{quiz_file, FOLDER, INDEX_FILE};
use tere_engine::resume::worst_case_len;
use tere_engine::Course;
use wasmparser::{Operator, Parser, Payload, ValType};

use crate::floor::{self, Floor};
use crate::util::{self, Result};

const KIB: u64 = 1024;
/// A kilobyte as the size target counts it: 1000 bytes.
const KB: u64 = 1000;
/// A cold load of one stage (`index.html?quiz=<STAGE>`): every file it fetched, player
/// and content, each brotli -q 11, summed.
const SIZE_TARGET: u64 = 100 * KB;
/// Median startup of Tere over the median of the hand-written vanilla page.
const STARTUP_RATIO_TARGET: f64 = 2.0;
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
    let twiggy = twiggy(&root, &dist, &work);
    if let Err(e) = &twiggy {
        eprintln!("note: {e}");
    }

    let parts = wasm_parts(&dist)?;

    util::step("bench: the size floor (a bare Yew counter, and the course's text)");
    let floor = floor::measure(&root, &work, &course, STAGE);
    if let Err(e) = &floor {
        eprintln!("note: the floor was not measured: {e}");
    }

    util::step("bench: browser (startup, answer → feedback, memory)");
    let browser_json = work.join("browser.json");
    let _ = std::fs::remove_file(&browser_json);
    let mut node = util::cmd("node");
    node.arg(root.join("bench/bench.mjs")).arg("--dist").arg(&dist).arg("--out").arg(&browser_json).args(args);
    util::run(&mut node, "bench/bench.mjs")?;
    let browser: Value = read_json(&browser_json)?;

    util::step("bench: shipped bytes");
    let files = files_loaded(&browser, &dist)?.iter().map(|p| compress(&dist, p)).collect::<Result<Vec<_>>>()?;
    let packs = content_packs(&dist)?.iter().map(|p| compress(&dist, p)).collect::<Result<Vec<_>>>()?;
    let offline_path = dist.join("packages/tere-offline.html");
    let offline = offline_path.is_file().then(|| compress(&dist, &offline_path)).transpose()?;
    util::step("bench: Tere Studio's file");
    let studio = studio(&root, &dist);
    if let Err(e) = &studio {
        eprintln!("note: {e}");
    }

    let report = Report {
        machine: Machine { load, ..machine(&browser) },
        files,
        packs,
        offline,
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
    let mut files: Vec<PathBuf> = if requested.is_empty() {
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
    Ok(files)
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
    /// The blocks' names (`data-player-file`, `data-file`), or the block's id.
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

/// The Studio's file by part: its wasm block (`id="tere-studio-wasm"`), the player's
/// files (`data-player-file`), the course's source (`application/x-tere-source`), each
/// base64 in a `<script>` block that never runs, and the rest (page, styles, glue, CSP).
fn studio_parts(html: &str) -> Result<Vec<Held>> {
    let held = |what| Held { what, names: Vec::new(), in_file: 0, decoded: 0 };
    let mut parts = [held("the Studio's wasm"), held("the player's files, as in dist/"), held("the course's source")];
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
        } else if let Some(name) = attr(tag, "data-player-file") {
            (Some(1), Some(name))
        } else if attr(tag, "type").as_deref() == Some("application/x-tere-source") {
            (Some(2), attr(tag, "data-file"))
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

/// twiggy on the shipped wasm rebuilt with its names: Trunk's wasm-bindgen output
/// through the same `wasm-opt -Oz`, plus `-g` (dist's wasm has no names).
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
    let bindgen = root.join("target/wasm-bindgen/release/tere_bg.wasm");
    let named = work.join("tere-named.wasm");
    let optimised = bindgen.is_file()
        && util::run(util::cmd("wasm-opt").args(["-Oz", "-g"]).arg(&bindgen).arg("-o").arg(&named).stdout(std::process::Stdio::null()), "wasm-opt -Oz -g")
            .is_ok();
    let (wasm, source) = if optimised {
        (named, "the shipped wasm rebuilt with names: Trunk's wasm-bindgen output through `wasm-opt -Oz -g`".to_string())
    } else {
        let raw = root.join("target/wasm32-unknown-unknown/release/tere.wasm");
        if !raw.is_file() {
            return Err("no wasm with names found (target/wasm-bindgen/release/tere_bg.wasm); skipping the wasm breakdown".into());
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

struct Report {
    machine: Machine,
    /// Every file the cold load of the stage fetched: the player's, then content/'s.
    files: Vec<Sized>,
    /// Every pack in dist/content/, the index first.
    packs: Vec<Sized>,
    offline: Option<Sized>,
    studio: std::result::Result<Studio, String>,
    browser: Value,
    suspend: Vec<Suspend>,
    parts: WasmParts,
    twiggy: std::result::Result<Twiggy, String>,
    floor: Result<Floor>,
    seconds: u64,
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

    fn text(&self) -> String {
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

    fn markdown(&self) -> String {
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

impl Report {
    fn num(&self, pointer: &str) -> Option<f64> {
        self.browser.pointer(pointer).and_then(Value::as_f64)
    }

    /// The cold load of the stage: every file it fetched.
    fn total(&self) -> (u64, u64, u64) {
        sum(&self.files)
    }

    /// The player alone: every fetched file but content/'s.
    fn player(&self) -> (u64, u64, u64) {
        sum(self.files.iter().filter(|f| !is_content(&f.name)))
    }

    /// The course content the cold load fetched (content/).
    fn content(&self) -> (u64, u64, u64) {
        sum(self.files.iter().filter(|f| is_content(&f.name)))
    }

    /// The index's brotli size, if dist/content/ has one.
    fn index_brotli(&self) -> Option<u64> {
        self.packs.iter().find(|p| p.name == format!("{FOLDER}/{INDEX_FILE}")).map(|p| p.brotli)
    }

    fn memory_total(&self, at: &str) -> Option<u64> {
        self.browser.pointer(&format!("/memory/{at}/total")).and_then(Value::as_u64)
    }

    fn targets(&self) -> Vec<Target> {
        let (_, _, brotli) = self.total();
        let ratio = self.num("/startup/ratio");
        let p95 = self.num("/latency/painted/p95");
        let memory = self.memory_total("afterLoad");
        let worst = self.suspend.iter().max_by_key(|s| s.worst);
        vec![
            Target {
                met: !self.files.is_empty() && brotli <= SIZE_TARGET,
                what: "cold load of one stage (`index.html?quiz=kontakti_loomine`), every fetched file brotli -q 11: ≤ 100 KB",
                measured: kb(brotli),
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

    fn sections(&self) -> Vec<Section> {
        let mut out = Vec::new();

        let mut t = Table::new(&["", "target", "measured"], &[false, false, true]);
        for target in self.targets() {
            t.row(vec![if target.met { "✓" } else { "✗" }.into(), target.what.into(), target.measured]);
        }
        out.push(Section { part: None, title: "Targets".into(), table: t, notes: vec![] });

        let mut t = Table::new(&["file", "raw", "gzip -9", "brotli -q 11"], &[false, true, true, true]);
        let sized = |t: &mut Table, f: &Sized| t.row(vec![f.name.clone(), f.raw.to_string(), f.gzip.to_string(), f.brotli.to_string()]);
        let subtotal = |t: &mut Table, name: &str, (r, g, b): (u64, u64, u64)| t.row(vec![name.into(), kb(r), kb(g), kb(b)]);
        for f in self.files.iter().filter(|f| !is_content(&f.name)) {
            sized(&mut t, f);
        }
        subtotal(&mut t, "player alone (everything but content/)", self.player());
        for f in self.files.iter().filter(|f| is_content(&f.name)) {
            sized(&mut t, f);
        }
        subtotal(&mut t, "course content fetched (content/)", self.content());
        subtotal(&mut t, "total: cold load of the stage", self.total());
        match &self.offline {
            Some(o) => t.row(vec![format!("apart: {}", o.name), kb(o.raw), kb(o.gzip), kb(o.brotli)]),
            None => t.row(vec!["apart: packages/tere-offline.html".into(), "not built".into(), "".into(), "".into()]),
        }
        let mut notes = vec![format!(
            "Every file a cold load of `index.html?quiz={STAGE}` fetched (bench.mjs records the requests: the player, then the course index and the stage's pack that content-loader.js fetches), in bytes; KB = 1000 bytes. The total, brotli -q 11, is what counts against the target. `tere-offline.html` is the single-file package (player and whole course in one page), listed apart and not counted."
        )];
        if !self.files.iter().any(|f| is_content(&f.name)) {
            notes.push("WARNING: the cold load fetched nothing from content/: the stage's packs are missing from the total.".into());
        }
        out.push(Section { part: None, title: "Shipped bytes, cold load of one stage".into(), table: t, notes });

        let (_, _, player) = self.player();
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
                "Every file of dist/{FOLDER}/: the course index (`{INDEX_FILE}`, fetched by every page) and each quiz's pack (fetched only for its own `?quiz=`). The last column is what a cold load of that stage would ship, brotli: the player alone as measured above, plus the index, plus that pack. Only `{STAGE}` was loaded in the browser."
            )],
        });

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
                format!("{answers} answers over repeated attempts of kontakti_loomine, each clicked once the page is idle (Check enabled, no transition running, two frames passed). In the page: `script` is from just before `check.click()` to the first task after `.feedback` is in the DOM; `render` is from the next requestAnimationFrame callback to a message posted there, which runs once that frame is styled, laid out and painted. `painted` leaves out the idle wait between the two: headless Chromium starts the next frame on its 60 Hz clock (up to ~17 ms later whatever the page does; `--disable-frame-rate-limit` does not change that from idle), which the wall-clock row includes. The floor row is the same `render` timing on the vanilla page after changing one text node: what any page pays on this machine."),
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
            title: "the shipped wasm by section".into(),
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
            notes: vec!["The file's `<script>` data blocks, which never run: the Studio's wasm (`<script type=\"application/octet-stream\" id=\"tere-studio-wasm\">`), the player's files (`<script type=\"application/octet-stream\" data-player-file=…>`, which the Studio publishes from) and the course's source (`<script type=\"application/x-tere-source\" data-file=…>`, what it opens), each base64: \"in the file\" is the base64 text, \"decoded\" the bytes it carries. The rest is the page itself, its inline styles, the Studio's wasm-bindgen glue and loader (the one inline script that runs) and the Content-Security-Policy.".into()],
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
                let (_, _, shipped) = self.total();
                t.row(vec!["Tere above the floor (its own code, UI, styles, page, loader)".into(), "".into(), kb(shipped.saturating_sub(total))]);
                notes.push(format!("`bench/yew-floor` is a Yew 0.23 counter built like Tere (release profile, `wasm-opt -Oz`, the same wasm-bindgen and crate versions); the index and the pack are `tere_authoring::packed::pack` of `questions/`. Any Yew widget that plays `{STAGE}` from these packs loads at least this, whatever its own code; Tere above the floor is the cold load's total (Shipped bytes) less the floor. KB = 1000 bytes."));
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

    fn text(&self) -> String {
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

    fn markdown(&self) -> String {
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

    fn json(&self) -> Value {
        let m = &self.machine;
        let sized = |f: &Sized| json!({ "file": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli });
        let triple = |(r, g, b): (u64, u64, u64)| json!({ "raw": r, "gzip": g, "brotli": b });
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
                "files": self.files.iter().map(|f| {
                    let mut v = sized(f);
                    v["part"] = json!(if is_content(&f.name) { "content" } else { "player" });
                    v
                }).collect::<Vec<_>>(),
                "player": triple(self.player()),
                "content": triple(self.content()),
                "total": triple(self.total()),
                "targetBrotli": SIZE_TARGET,
                "offline": self.offline.as_ref().map(sized),
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
- `xtask/src/floor.rs` and `bench/yew-floor/`: the size floor, a bare Yew counter built
  like Tere, plus the course index and the measured stage's pack.
- `bench/bench.mjs`: the browser figures, in Debian's `/usr/bin/chromium` through
  playwright-core, over `http://127.0.0.1` from a small static server (no compression,
  `Cache-Control: no-store`), and Tere Studio opened from `file://` (`--studio-loads`,
  10 by default). Flags: `--headless --no-sandbox --disable-gpu
  --disable-background-networking --disable-component-update --disable-sync
  --no-first-run` (after playwright's own defaults), a fresh profile; the browser for
  the feedback and memory figures adds `--enable-precise-memory-info`.
- `bench/vanilla.html` + `bench/vanilla.js`: the baseline, the same intro screen of
  `?quiz=kontakti_loomine` written by hand in plain JavaScript (its text in the script,
  copied from `questions/` and `src/i18n.rs`), with the widget's own `style.css` and
  favicon; bench.mjs checks that it renders exactly the same DOM as Tere, and says
  where they part if not (a content change to the stage needs the same change there).
";

#[cfg(test)]
mod tests {
    use std::io::Read;

    use serde_json::json;

    use super::{brotli_len, content_packs, files_loaded, gzip_len, is_content, split_wasm, studio_parts, Held, WasmParts};

    #[test]
    fn the_studio_file_splits_into_its_wasm_the_player_the_source_and_the_rest() {
        // "AAEC" is 3 bytes, "aGk=" 2, "dGVyZQ==" 4.
        let html = "<!doctype html>\n<html><head><style>p{}</style></head><body>\n\
            <script type=\"application/octet-stream\" id=\"tere-studio-wasm\">AAEC</script>\n\
            <script type=\"application/octet-stream\" data-player-file=\"index.html\">aGk=</script>\n\
            <script type=\"application/octet-stream\" data-player-file=\"tere_bg.wasm\">\nAAEC\n</script>\n\
            <script type=\"application/x-tere-source\" data-file=\"course.toml\">dGVyZQ==</script>\n\
            <script type=\"module\">await init();</script>\n</body></html>\n";
        let parts = studio_parts(html).unwrap();
        let held = |what, names: &[&str], in_file, decoded| Held { what, names: names.iter().map(|n| n.to_string()).collect(), in_file, decoded };
        let rest = html.len() as u64 - 4 - 4 - 6 - 8;
        assert_eq!(
            parts,
            [
                held("the Studio's wasm", &["tere-studio-wasm"], 4, 3),
                held("the player's files, as in dist/", &["index.html", "tere_bg.wasm"], 10, 5),
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
