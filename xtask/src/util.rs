use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is inside the repo").to_path_buf()
}

/// Cargo's target directory, where Trunk's cargo and wasm-bindgen write: `$CARGO_TARGET_DIR`
/// when set (relative to the root, where xtask runs its commands), else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |dir| root().join(dir))
}

/// The course the widget is built with: `$TERE_QUESTIONS` when set, else the built-in
/// `questions/`.
pub fn content_dir() -> PathBuf {
    std::env::var_os("TERE_QUESTIONS").map_or_else(|| root().join("questions"), PathBuf::from)
}

/// A command run from the repo root, with the project-local tools first on PATH.
pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

/// PATH with node_modules/.bin (wasm-opt) and ~/.cargo/bin (trunk, wasm-bindgen) in front.
pub fn tool_path() -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{home}/.cargo/bin:{path}", root().join("node_modules/.bin").display())
}

pub fn run(c: &mut Command, what: &str) -> Result {
    let status = c.status().map_err(|e| format!("{what}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// The trimmed stdout of a command, if it ran and succeeded.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn step(name: &str) {
    eprintln!("\n== {name} ==");
}
