//! `cargo xtask <command>`: every developer command, each installing what it needs.

mod bench;
mod check;
mod dist;
mod export;
mod floor;
mod fuzz;
mod gift;
mod package;
mod packs;
mod serve;
mod setup;
mod studio;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  serve   set up, build and serve the widget on http://127.0.0.1:8080
  test    set up, then run every test (native and browser)
  build   release builds of the players into dist/, dist-scorm/ and dist-xapi/ (relative URLs, wasm-opt applied),
          each with the course's packs in its content/
  package [--course DIR] [--out DIR] [--quiz <id>]...
          write SCORM 1.2/2004 zips of the course (questions/, or DIR) and of every stage (or only those
          named), the cmi5 and xAPI zips of the course, tere-offline.html and site/ to dist/packages/
          (or --out DIR); the players are the ones built, each rebuilt only when its sources are newer
  check [--strict] [DIR]  validate questions/ (or DIR), print which questions cite each section
               and the item-writing warnings (--strict: warnings fail the check)
  browser [NAME]...  run only the browser tests (only files whose name contains a NAME), against the current dist/
  setup   install the toolchain only (idempotent)
  bench   release build, then measure size, startup, feedback latency, memory (writes bench/results.json)
  fuzz    run each cargo-fuzz target for a bounded time (not part of test)
  gift-import <file.gift> --quiz <id>   convert Moodle GIFT into a Tere quiz file
  gift-export <quiz id>                 write a quiz as Moodle GIFT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("build") => setup::all().and_then(|_| build()),
        Some("serve") => setup::all().and_then(|_| build()).and_then(|_| serve::run("127.0.0.1:8080", &util::root().join("dist"))),
        Some("test") => test(),
        Some("browser") => browser_tests(&args[1..]),
        Some("package") => package::run(&args[1..]),
        Some("gift-import") => gift::import(&args[1..]),
        Some("gift-export") => gift::export(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => setup::all().and_then(|_| build()).and_then(|_| package::run(&[])).and_then(|_| bench::run(&args[1..])),
        Some("check") => check::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Release builds of the players with Trunk (wasm-opt from the project-local
/// binaryen), one per door kind (`dist::PLAYERS`: the page player in dist/, the SCORM
/// player in dist-scorm/, the xAPI player in dist-xapi/), each with the loader moved
/// out of line for a strict Content-Security-Policy; then the course (questions/, or
/// $TERE_QUESTIONS), validated, as packs in each one's content/.
fn build() -> util::Result {
    build_players(&dist::PLAYERS.iter().collect::<Vec<_>>())
}

/// The release builds of `players` alone (see `build`).
fn build_players(players: &[&dist::PlayerBuild]) -> util::Result {
    for player in players {
        let dir = util::root().join(player.dir);
        util::step(&format!("the {} player into {}/", player.feature, player.dir));
        util::run(util::cmd("trunk").args(["build", "--release", "--no-default-features", "--features", player.feature, "--dist"]).arg(&dir), "trunk build")?;
        dist::place_loaders(&dir, player.content_loader)?;
        let kept = dist::bindgen_output(&util::root(), player.feature);
        std::fs::create_dir_all(kept.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(util::target_dir().join("wasm-bindgen/release/tere_bg.wasm"), &kept).map_err(|e| format!("keep {}: {e}", kept.display()))?;
        packs::write_into(&util::content_dir(), &dir)?;
    }
    Ok(())
}

/// The build of each player that is missing or older than any of its sources: a
/// course edit alone never rebuilds the wasm, and a player that is current is kept.
pub fn build_player_if_stale() -> util::Result {
    let (current, stale): (Vec<&dist::PlayerBuild>, Vec<&dist::PlayerBuild>) =
        dist::PLAYERS.iter().partition(|player| dist::player_is_current(&util::root(), player));
    if !current.is_empty() {
        let dirs: Vec<String> = current.iter().map(|player| format!("{}/", player.dir)).collect();
        println!("the players in {} are up to date; not rebuilt", dirs.join(", "));
    }
    build_players(&stale)
}

fn test() -> util::Result {
    setup::all()?;
    util::step("formatting and lints");
    util::run(util::cmd("cargo").args(["fmt", "--all", "--check"]), "cargo fmt --check (run `cargo fmt`)")?;
    util::run(util::cmd("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]), "cargo clippy")?;
    // Each player as it is built: with one door kind alone.
    for player in dist::PLAYERS {
        util::run(
            util::cmd("cargo").args([
                "clippy",
                "-p",
                "tere",
                "--target",
                "wasm32-unknown-unknown",
                "--no-default-features",
                "--features",
                player.feature,
                "--",
                "-D",
                "warnings",
            ]),
            "cargo clippy",
        )?;
    }
    util::step("native tests");
    util::run(util::cmd("cargo").args(["test", "--workspace"]), "cargo test")?;
    util::step("content check (strict: item-writing warnings fail it)");
    check::run(&["--strict".into()])?;
    util::step("release build and packages");
    build()?;
    // The whole course's packages and every stage's (tests/browser/package.test.mjs opens them).
    package::run(&[])?;
    util::step("build of hostile content (markup and script in every text)");
    hostile_build()?;
    browser_tests(&[])
}

/// The packages of tests/hostile-content (the same player), for the tests that prove
/// content is shown as text under a strict Content-Security-Policy; they use its site/.
fn hostile_build() -> util::Result {
    let out = util::root().join("target/hostile-packages");
    package::run(&["--course".into(), util::root().join("tests/hostile-content").display().to_string(), "--out".into(), out.display().to_string()])
}

/// The browser tests against the current dist/ (the course exported for them first);
/// with `names`, only the test files whose name contains one of them.
fn browser_tests(names: &[String]) -> util::Result {
    let out = util::root().join("target/tere-test");
    std::fs::create_dir_all(&out).map_err(|e| format!("create {}: {e}", out.display()))?;
    export::course_json(&util::content_dir(), &out.join("course.json"))?;
    // A second, small course, packaged by tests/browser/content.test.mjs with the same player.
    export::course_json(&util::root().join("tests/second-course"), &out.join("second-course.json"))?;
    // Moodle's value rules, written once in the engine, for the call-log check.
    std::fs::write(out.join("moodle-rules.json"), tere_engine::moodle_rules::rules_json()).map_err(|e| format!("moodle-rules.json: {e}"))?;
    util::step("browser tests");
    let tests = util::root().join("tests/browser");
    let mut files: Vec<String> = std::fs::read_dir(&tests)
        .map_err(|e| format!("read {}: {e}", tests.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .filter(|p| names.is_empty() || names.iter().any(|n| p.file_name().is_some_and(|f| f.to_string_lossy().contains(n.as_str()))))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut node = util::cmd("node");
    node.arg("--test").arg("--test-concurrency=1").args(&files);
    node.env("TERE_DIST", util::root().join("dist"))
        .env("TERE_DIST_SCORM", util::root().join("dist-scorm"))
        .env("TERE_DIST_XAPI", util::root().join("dist-xapi"))
        .env("TERE_HOSTILE_DIST", util::root().join("target/hostile-packages/site"))
        .env("TERE_COURSE_JSON", out.join("course.json"))
        .env("TERE_SECOND_COURSE_JSON", out.join("second-course.json"))
        .env("TERE_MOODLE_RULES", out.join("moodle-rules.json"));
    util::run(&mut node, "browser tests")
}
