//! Idempotent toolchain setup: each step checks first and installs only what is missing.

use crate::util::{self, cmd, output, run, Result};

const TRUNK_VERSION: &str = "0.21.14";
/// Drives Debian's firefox-esr for tests/browser/firefox.test.mjs over W3C WebDriver
/// (checked with firefox-esr 153.8 from bookworm-security).
const GECKODRIVER_VERSION: &str = "0.37.1";
/// The Learning Record Store the cmi5 tests start (tests/browser/lrs.mjs): xapi-rs,
/// GPL-3.0, so only ever run as a separate server, never linked into Tere.
const XAPI_RS_VERSION: &str = "0.1.21";
/// PostgreSQL is the store xapi-rs needs; libssl-dev and pkg-config are what building
/// xapi-rs needs (openssl-sys).
const APT_PACKAGES: &[&str] = &["chromium", "chromium-driver", "firefox-esr", "libxml2-utils", "fonts-dejavu-core", "postgresql", "libssl-dev", "pkg-config"];

pub fn all() -> Result {
    wasm_target()?;
    rust_components()?;
    trunk()?;
    wasm_bindgen()?;
    geckodriver()?;
    apt()?;
    xapi_rs()?;
    npm()
}

fn wasm_target() -> Result {
    let installed = output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l == "wasm32-unknown-unknown") {
        return Ok(());
    }
    util::step("installing the wasm32 target");
    run(cmd("rustup").args(["target", "add", "wasm32-unknown-unknown"]), "rustup target add")
}

/// rustfmt and clippy: `xtask test` checks formatting and lints.
fn rust_components() -> Result {
    let installed = output(cmd("rustup").args(["component", "list", "--installed"])).unwrap_or_default();
    let missing: Vec<&str> = ["rustfmt", "clippy"].into_iter().filter(|c| !installed.lines().any(|l| l.starts_with(c))).collect();
    if missing.is_empty() {
        return Ok(());
    }
    util::step(&format!("installing {}", missing.join(" and ")));
    run(cmd("rustup").arg("component").arg("add").args(&missing), "rustup component add")
}

fn trunk() -> Result {
    if output(cmd("trunk").arg("--version")).is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        return Ok(());
    }
    util::step("installing trunk (takes a few minutes once)");
    run(cmd("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]), "cargo install trunk")
}

/// wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, and Trunk.toml must say so.
fn wasm_bindgen() -> Result {
    let version = locked_version("wasm-bindgen")?;
    let trunk_toml = std::fs::read_to_string(util::root().join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{version}\"")) {
        return Err(format!("Trunk.toml [tools] wasm_bindgen must be \"{version}\" to match Cargo.lock"));
    }
    if output(cmd("wasm-bindgen").arg("--version")).is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str())) {
        return Ok(());
    }
    util::step("installing wasm-bindgen-cli (takes a few minutes once)");
    // Not --locked: one of its pinned dependencies is not on the registry here.
    run(cmd("cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", &version]), "cargo install wasm-bindgen-cli")
}

/// Mozilla publishes geckodriver on crates.io; `geckodriver --version` starts "geckodriver 0.37.1".
fn geckodriver() -> Result {
    if output(cmd("geckodriver").arg("--version")).is_some_and(|v| v.split_whitespace().nth(1) == Some(GECKODRIVER_VERSION)) {
        return Ok(());
    }
    util::step("installing geckodriver (takes a few minutes once)");
    run(cmd("cargo").args(["install", "--locked", "geckodriver", "--version", GECKODRIVER_VERSION]), "cargo install geckodriver")
}

pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(util::root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

fn apt() -> Result {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !output(cmd("dpkg-query").args(["-W", "-f=${Status}", p])).is_some_and(|s| s.contains("install ok installed")))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    util::step(&format!("installing Debian packages: {}", missing.join(" ")));
    let root = output(cmd("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if root { cmd("apt-get") } else { cmd("sudo") };
        if !root {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"]), "apt-get update")?;
    let mut install = apt(&["install", "-y", "-qq", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install, "apt-get install")
}

/// The LRS binary, after `apt` (it builds against OpenSSL). Asked of `cargo install
/// --list` rather than of the binary, which has no --version: run, it starts a server.
fn xapi_rs() -> Result {
    let home = std::env::var_os("CARGO_HOME").map_or_else(|| std::path::PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"), Into::into);
    let listed = output(cmd("cargo").args(["install", "--list"])).unwrap_or_default();
    if home.join("bin/xapi-rs").exists() && listed.lines().any(|l| l == format!("xapi-rs v{XAPI_RS_VERSION}:")) {
        return Ok(());
    }
    util::step("installing xapi-rs, the test LRS (takes a few minutes once)");
    // --force: replaces whatever install of it cargo has listed, whole or not.
    run(cmd("cargo").args(["install", "--force", "--locked", "xapi-rs", "--version", XAPI_RS_VERSION]), "cargo install xapi-rs")
}

/// Build and test tools from npm (binaryen's wasm-opt, playwright-core, scorm-again),
/// installed into the project's node_modules from package-lock.json.
fn npm() -> Result {
    let root = util::root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp).and_then(|m| m.modified()), std::fs::metadata(&lock).and_then(|m| m.modified())) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh && root.join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    util::step("installing npm tools");
    run(cmd("npm").args(["ci", "--no-audit", "--no-fund"]), "npm ci")
}
