//! Any bytes as a quiz file: loading the course reports problems, never panics,
//! and a course that loads also packs and reports coverage without panicking.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tere_authoring::{coverage, load_course};
use tere_authoring::packed::pack;

const PREFIX: &str = "tere-fuzz-content-";

/// This process's course folder: a fixed course.toml and sections.toml; quiz.toml is the input.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        remove_folders_of_ended_runs();
        let dir = std::env::temp_dir().join(format!("{PREFIX}{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        std::fs::write(dir.join("course.toml"), "title = \"Fuzz\"\nlang = \"et\"\nquizzes = [\"quiz\"]\n").expect("course.toml");
        std::fs::write(dir.join("sections.toml"), include_str!("../fixture/sections.toml")).expect("sections.toml");
        dir
    })
}

/// libFuzzer ends a process with `exit`, so no folder is removed by its own process;
/// each new process removes those whose process is gone (fork mode starts many).
fn remove_folders_of_ended_runs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else { return };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(PREFIX) else { continue };
        if !std::path::Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fuzz_target!(|quiz: &[u8]| {
    let dir = folder();
    std::fs::write(dir.join("quiz.toml"), quiz).expect("write quiz.toml");
    match load_course(dir) {
        Ok(loaded) => {
            let _ = pack(&loaded.course);
            let _ = coverage(&loaded);
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without saying why");
            errors.iter().for_each(|e| drop(e.to_string()));
        }
    }
});
