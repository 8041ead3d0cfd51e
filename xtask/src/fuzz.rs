//! `cargo xtask fuzz [--runs N] [--seconds S] [TARGET…]`: run each cargo-fuzz target
//! in fuzz/ for a bounded number of inputs (default 1,000,000) or seconds, from a
//! seed corpus, and print per target how many inputs ran and how many crashed.
//!
//! cargo-fuzz passes nightly-only flags to rustc; `RUSTC_BOOTSTRAP=1` lets the stable
//! toolchain accept them. Sanitizers are off (the engine is safe Rust; a panic is what
//! we look for) and debug assertions on, so arithmetic overflow counts as a crash.
//! libFuzzer runs in fork mode and keeps going after a crash, so one known crash does
//! not hide the next or cut the run short.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use tere_authoring::{load_course, packed};
use tere_engine::{resume, Action, Course, Session};

use crate::util::{self, cmd, output, Result};

const CARGO_FUZZ_VERSION: &str = "0.13.2";
const TARGETS: &[&str] = &["content", "resume", "pack", "xapi", "media", "source", DELIVERY];
/// Not a cargo-fuzz target: the delivery property (`authoring/tests/delivery.rs`: random
/// learners against a Moodle-faithful LMS with faults at any call), with many more
/// cases than `cargo xtask test` runs.
const DELIVERY: &str = "delivery";
/// Cases of each delivery property a second of the run, the three side by side,
/// measured in a release build on 2 cores (45,000 cases in 192 s).
const DELIVERY_CASES_PER_SECOND: u64 = 78;
const DEFAULT_RUNS: u64 = 1_000_000;

enum Budget {
    Runs(u64),
    Seconds(u64),
}

struct Outcome {
    target: String,
    /// From libFuzzer's last status line.
    progress: Option<Progress>,
    took: Duration,
    /// Inputs saved for the crashes, timeouts and out-of-memory runs of this run.
    artifacts: Vec<PathBuf>,
}

struct Progress {
    runs: u64,
    /// Child processes that crashed, timed out or ran out of memory.
    failures: u64,
}

pub fn run(args: &[String]) -> Result {
    let (budget, targets) = parse(args)?;
    if targets.iter().any(|t| t != DELIVERY) {
        install()?;
    }
    let fuzz = util::root().join("fuzz");
    let mut outcomes = Vec::new();
    for target in &targets {
        if target == DELIVERY {
            outcomes.push(delivery(&budget)?);
            continue;
        }
        let corpus = fuzz.join("corpus").join(target);
        write_seeds(target, &corpus)?;
        outcomes.push(fuzz_one(&fuzz, target, &corpus, &budget)?);
    }
    util::step("fuzz results");
    let mut clean = true;
    for o in &outcomes {
        let (runs, failures) = o.progress.as_ref().map_or(("?".to_string(), "?".to_string()), |p| (p.runs.to_string(), p.failures.to_string()));
        println!("{:<8} {runs:>10} inputs in {:>6.1} s, {failures} crash(es), {} crashing input(s) saved", o.target, o.took.as_secs_f64(), o.artifacts.len());
        for input in &o.artifacts {
            println!("         reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz -s none -a {} {}", o.target, input.display());
        }
        clean &= o.progress.as_ref().is_some_and(|p| p.failures == 0) && o.artifacts.is_empty();
    }
    if clean {
        Ok(())
    } else {
        Err("fuzzing found crashes (or could not count the runs); see fuzz/logs/ and fuzz/artifacts/".into())
    }
}

fn parse(args: &[String]) -> Result<(Budget, Vec<String>)> {
    let mut budget = Budget::Runs(DEFAULT_RUNS);
    let mut targets = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |flag: &str| args.next().and_then(|n| n.replace('_', "").parse().ok()).ok_or(format!("{flag} needs a number"));
        match arg.as_str() {
            "--runs" => budget = Budget::Runs(number("--runs")?),
            "--seconds" => budget = Budget::Seconds(number("--seconds")?),
            t if TARGETS.contains(&t) => targets.push(t.to_string()),
            other => return Err(format!("unknown argument `{other}`; targets are {}", TARGETS.join(", "))),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    Ok((budget, targets))
}

/// The delivery property with a case count from the budget: `--runs N` gives N/50 cases
/// of each property (20,000 by default), `--seconds S` about S seconds in all.
fn delivery(budget: &Budget) -> Result<Outcome> {
    util::step("the delivery property, at length");
    let cases = match budget {
        Budget::Runs(n) => (n / 50).max(100),
        Budget::Seconds(s) => (s * DELIVERY_CASES_PER_SECOND).max(100),
    };
    let clock = Instant::now();
    let mut c = cmd("cargo");
    c.args(["test", "--release", "-p", "tere-authoring", "--test", "delivery"]).env("PROPTEST_CASES", cases.to_string());
    let passed = c.status().map_err(|e| format!("cargo test: cannot start: {e}"))?.success();
    // Three properties run `cases` cases each; a failure is one shrunk case, printed above.
    let progress = Progress { runs: cases * 3, failures: u64::from(!passed) };
    Ok(Outcome { target: DELIVERY.to_string(), progress: Some(progress), took: clock.elapsed(), artifacts: Vec::new() })
}

fn install() -> Result {
    if output(cmd("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    util::step("installing cargo-fuzz (takes a minute once)");
    util::run(cmd("cargo").args(["install", "--locked", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION]), "cargo install cargo-fuzz")
}

fn fuzz_one(fuzz: &Path, target: &str, corpus: &Path, budget: &Budget) -> Result<Outcome> {
    util::step(&format!("fuzzing `{target}`"));
    let logs = fuzz.join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| format!("create {}: {e}", logs.display()))?;
    let log_path = logs.join(format!("{target}.log"));
    let log = std::fs::File::create(&log_path).map_err(|e| format!("create {}: {e}", log_path.display()))?;
    let limit = match budget {
        Budget::Runs(n) => format!("-runs={n}"),
        Budget::Seconds(s) => format!("-max_total_time={s}"),
    };
    let started = SystemTime::now();
    let clock = Instant::now();
    let mut c = cmd("cargo");
    c.args(["fuzz", "run", "--fuzz-dir"]).arg(fuzz).args(["--sanitizer", "none", "--debug-assertions", target]).arg(corpus);
    c.arg("--").arg(limit);
    // A target without a dictionary runs without one (libFuzzer exits on a missing `-dict` file).
    let dict = fuzz.join("dicts").join(format!("{target}.dict"));
    if dict.exists() {
        c.arg(format!("-dict={}", dict.display()));
    }
    c.args(["-fork=1", "-ignore_crashes=1", "-ignore_timeouts=1", "-ignore_ooms=1"]);
    c.env("RUSTC_BOOTSTRAP", "1").stderr(log);
    eprintln!("log: {}", log_path.display());
    let status = c.status().map_err(|e| format!("cargo fuzz: cannot start: {e}"))?;
    let took = clock.elapsed();
    let text = std::fs::read_to_string(&log_path).unwrap_or_default();
    let artifacts = new_artifacts(&fuzz.join("artifacts").join(target), started);
    let progress = progress(&text);
    // In fork mode the exit code is the last child's; a missing status line means it never fuzzed.
    if progress.is_none() && !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(20).collect();
        return Err(format!("cargo fuzz run {target} failed ({status}):\n{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n")));
    }
    Ok(Outcome { target: target.to_string(), progress, took, artifacts })
}

/// Runs from the last fork-mode status line (`#<runs>: cov: …`), and failures from the
/// `ERROR: libFuzzer: …` line echoed for each failed child (the status line's own
/// `oom/timeout/crash` counts lag one job behind).
fn progress(log: &str) -> Option<Progress> {
    let line = log.lines().rev().find(|l| l.starts_with('#') && l.contains(": cov:"))?;
    let runs = line[1..].split(':').next()?.parse().ok()?;
    let failures = log.lines().filter(|l| l.contains("ERROR: libFuzzer:")).count() as u64;
    Some(Progress { runs, failures })
}

/// Crash, timeout and out-of-memory inputs libFuzzer saved since `since`.
fn new_artifacts(dir: &Path, since: SystemTime) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> =
        entries.filter_map(|e| e.ok()).filter(|e| e.metadata().and_then(|m| m.modified()).is_ok_and(|m| m >= since)).map(|e| e.path()).collect();
    found.sort();
    found
}

/// Valid inputs for the fuzzer to start from and mutate.
fn write_seeds(target: &str, corpus: &Path) -> Result {
    std::fs::create_dir_all(corpus).map_err(|e| format!("create {}: {e}", corpus.display()))?;
    let seeds = match target {
        "content" => content_seeds()?,
        "pack" => pack_seeds()?,
        "xapi" => xapi_seeds(),
        "media" => media_seeds(),
        "resume" => resume_seeds()?,
        "source" => source_seeds()?,
        other => return Err(format!("no seeds for fuzz target {other}")),
    };
    for (i, seed) in seeds.iter().enumerate() {
        let path = corpus.join(format!("seed-{i:03}"));
        std::fs::write(&path, seed).map_err(|e| format!("write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The fixture's quiz files and the built-in ones.
fn content_seeds() -> Result<Vec<Vec<u8>>> {
    let mut files = Vec::new();
    for dir in [util::root().join("fuzz/fixture"), util::root().join("questions")] {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("read {}: {e}", dir.display()))?;
        files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")));
    }
    files.sort();
    let quizzes = files.into_iter().filter(|p| !matches!(p.file_name().and_then(|n| n.to_str()), Some("course.toml" | "sections.toml")));
    Ok(quizzes.filter_map(|p| std::fs::read(p).ok()).collect())
}

/// The real packs (index and every quiz) of the built-in course and of the hostile
/// one, whose texts are the odd ones (markup, long lines, every script).
fn pack_seeds() -> Result<Vec<Vec<u8>>> {
    let mut seeds = Vec::new();
    for dir in [util::root().join("questions"), util::root().join("tests/hostile-content")] {
        let loaded =
            load_course(&dir).map_err(|e| format!("{} is invalid: {}", dir.display(), e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")))?;
        seeds.extend(packed::pack(&loaded.course).files.into_iter().map(|(_, bytes)| bytes));
    }
    Ok(seeds)
}

/// Tiny files of every media kind, made byte by byte, and SVGs with every attack.
fn media_seeds() -> Vec<Vec<u8>> {
    use tere_authoring::media::samples;
    let mut seeds: Vec<Vec<u8>> = samples::all().into_iter().map(|(_, bytes)| bytes).collect();
    seeds.extend([samples::svg_hostile(), samples::svg_laughs()]);
    seeds
}

/// Packages made by `tere_publish` itself from the fixture course, so the seeds follow
/// the format as it changes: a SCORM zip of one stage (a player, a manifest and packs
/// beside `source/`), a source zip with the fixture's media, an offline page's blocks
/// (text files, a picture in its own block, one pointing at the page's `data-media`
/// block), the same page with its blocks wrapped as another program may save it, two
/// damaged pages (bad base64, a `data-media` block gone), and the small source as the
/// list of entries the target zips itself (`name\nbytes`, NUL between entries; `!` for
/// a name outside `source/`).
fn source_seeds() -> Result<Vec<Vec<u8>>> {
    use base64::Engine;
    use tere_authoring::media::samples;
    use tere_authoring::packed::pack_loaded;
    use tere_engine::cmi::Version;
    use tere_publish::{scorm_zip, source_blocks, source_zip, Contents, Player, Players, Source};

    let fixture = util::root().join("fuzz/fixture");
    let loaded = load_course(&fixture).map_err(|e| format!("fuzz/fixture is invalid: {}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")))?;
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("read {}: {e}", path.display()));
    let mut files = Vec::new();
    for path in &loaded.files {
        let name = path.file_name().and_then(|n| n.to_str()).ok_or(format!("{}: not a plain name", path.display()))?;
        files.push((name.to_string(), String::from_utf8_lossy(&read(path)?).into_owned()));
    }
    let mut media = Vec::new();
    for name in &loaded.media_named {
        media.push((name.clone(), read(&fixture.join("media").join(name))?));
    }
    let x_svg = ("x.svg".to_string(), samples::svg(4, 3));
    let packs = pack_loaded(&loaded);
    let small = Source { files: files.iter().filter(|(name, _)| name == "course.toml" || name == "pool.toml").cloned().collect(), media: vec![x_svg.clone()] };
    let whole = Source { files: files.clone(), media: [media.clone(), vec![x_svg.clone()]].concat() };

    // A stand-in player: the reader skips everything outside `source/` whatever it is.
    let player = Player { files: vec![("index.html".into(), b"<!doctype html><title>Tere</title><main></main>".to_vec())] };
    let players = Players { scorm: player.clone(), page: player };
    let pool = loaded.course.quizzes.iter().find(|q| q.id == "pool").ok_or("fuzz/fixture has no pool quiz")?;
    let scorm = scorm_zip(Version::Scorm12, &players, &loaded.course, &packs, Contents::Stage(pool), &small)?;

    // The page: x.svg in its own block, the fixture's counter.svg as the page's picture.
    let counter = media.iter().find(|(name, _)| name == "counter.svg").ok_or("fuzz/fixture/media has no counter.svg")?;
    let embedded: Vec<(String, Vec<u8>)> = packs.media.iter().filter(|(_, bytes)| *bytes == counter.1).cloned().collect();
    let (packed_name, packed_bytes) = embedded.first().ok_or("the fixture's packs lack counter.svg")?;
    let page_source = Source { files: small.files.clone(), media: vec![x_svg, counter.clone()] };
    let base64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let media_block =
        format!("<script type=\"application/octet-stream\" data-media=\"{packed_name}\" data-type=\"image/svg+xml\">{}</script>\n", base64(packed_bytes));
    let blocks = source_blocks(&page_source, &embedded);
    let page = |blocks: &str| {
        format!(
            "<!doctype html>\n<html lang=\"et\">\n<head><meta charset=\"utf-8\"><title>Tere</title></head>\n<body>\n{media_block}{blocks}</body>\n</html>\n"
        )
    };
    let course_block = base64(small.files[0].1.as_bytes());
    let wrapped =
        blocks.replace(&course_block, &course_block.as_bytes().chunks(40).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("\n"));
    let bad_base64 = blocks.replacen(&course_block[..8], "!#$%&*()", 1);
    let missing = page(&blocks).replace(&format!("data-media=\"{packed_name}\""), "data-media=\"gone.svg\"");

    let mut entries = b"!imsmanifest.xml\n<manifest/>".to_vec();
    for (name, bytes) in small.files.iter().map(|(n, t)| (n.clone(), t.as_bytes())).chain(small.media.iter().map(|(n, b)| (format!("media/{n}"), b.as_slice())))
    {
        entries.extend([b"\0".as_slice(), name.as_bytes(), b"\n", bytes].concat());
    }

    Ok(vec![scorm, source_zip(&whole)?, page(&blocks).into_bytes(), page(&wrapped).into_bytes(), page(&bad_base64).into_bytes(), missing.into_bytes(), entries])
}

/// What an LMS and an LRS send an xAPI door: launch data, a token, preferences, an
/// old-style actor, and launch URL parameters.
fn xapi_seeds() -> Vec<Vec<u8>> {
    let actor = r#"{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"42"}}"#;
    [
        r#"{"contextTemplate":{"contextActivities":{"grouping":[{"objectType":"Activity","id":"urn:au"}]},"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"s-1"}},"launchMode":"Normal","masteryScore":0.8,"moveOn":"CompletedOrPassed","returnURL":"https://lms.example/back?id=1"}"#.to_string(),
        r#"{"auth-token":"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}"#.to_string(),
        r#"{"error-code":"1","error-text":"The authorization token has already been returned."}"#.to_string(),
        r#"{"languagePreference":"fi-FI,et-EE,en-US","audioPreference":"on"}"#.to_string(),
        r#"{"name":["Mari"],"mbox":["mailto:mari@example.ee"],"account":[{"accountServiceHomePage":"https://m.example","accountName":"7"}]}"#.to_string(),
        format!("endpoint=https://lrs.example/xapi\nfetch=https://lms.example/fetch/1\nactor={actor}\nregistration=r-1\nactivityId=urn:au"),
        format!("endpoint=https://lrs.example/xapi/\nauth=Basic YTpi\nactor={actor}\nactivity_id=urn:tere:course:c"),
        r#"[1,-2.5e-3,"\u00e4\ud83d\ude00",true,false,null,{}]"#.to_string(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect()
}

/// Saved state after every step of attempts at the fixture's quizzes (the resume target's course).
fn resume_seeds() -> Result<Vec<Vec<u8>>> {
    let fixture = util::root().join("fuzz/fixture");
    let loaded = load_course(&fixture).map_err(|e| format!("fuzz/fixture is invalid: {}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")))?;
    let course: &'static Course = Box::leak(Box::new(loaded.course));
    let mut seeds = Vec::new();
    for (index, quiz) in course.quizzes.iter().enumerate() {
        for seed in [0, 1, 42, u64::MAX] {
            let mut s = Session::new(course).reduce(Action::Open(index)).reduce(Action::Start { seed });
            loop {
                seeds.push(resume::encode(quiz, s.attempt().expect("started")));
                s = answer_anything(s).reduce(Action::Check);
                seeds.push(resume::encode(quiz, s.attempt().expect("started")));
                if s.attempt().expect("started").is_last() {
                    s = s.reduce(Action::Finish);
                    seeds.push(resume::encode(quiz, s.attempt().expect("started")));
                    break;
                }
                s = s.reduce(Action::Next);
            }
        }
    }
    Ok(seeds.into_iter().map(String::into_bytes).collect())
}

/// A checkable answer for whatever kind is on screen (actions a kind does not use are ignored).
fn answer_anything(mut s: Session) -> Session {
    s = s.reduce(Action::Choose(0)).reduce(Action::Choose(1));
    for pair in 0..8 {
        s = s.reduce(Action::Match { pair, right: Some(pair) });
    }
    s.reduce(Action::Write("Mõtlen ~ 100% ausalt. Teine lause".into()))
}

#[cfg(test)]
mod tests {
    use tere_publish::{read_source, SourceError};

    /// The seeds are what they say: packages that read, then pages damaged one way each
    /// (a seed the reader refuses at its first bytes would start the fuzzer nowhere).
    #[test]
    fn the_source_seeds_read_or_fail_as_meant() {
        let seeds = super::source_seeds().unwrap();
        assert_eq!(seeds.len(), 7);
        for (i, seed) in seeds[..4].iter().enumerate() {
            let source = read_source(seed).unwrap_or_else(|e| panic!("seed {i}: {e}"));
            assert!(source.files.iter().any(|(name, _)| name == "course.toml"), "seed {i}");
            assert!(source.media.iter().any(|(name, _)| name == "x.svg"), "seed {i}");
        }
        assert!(matches!(read_source(&seeds[4]), Err(SourceError::BadBase64(name)) if name == "course.toml"));
        assert!(matches!(read_source(&seeds[5]), Err(SourceError::MissingMedia(name)) if name == "media/counter.svg"));
        assert_eq!(read_source(&seeds[6]), Err(SourceError::UnknownFormat));
    }
}
