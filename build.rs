//! Validates `questions/` and packs the course into two blobs the widget embeds
//! (`tere_authoring::packed`, read by `tere_engine::packed`). Broken content stops the build here, with file,
//! line and a plain message; item-writing warnings (`tere_authoring::lint`) are shown
//! and do not stop it (`cargo xtask check --strict` does).

use std::path::Path;

fn main() {
    // TERE_QUESTIONS points the build at another content folder (used by tests).
    println!("cargo::rerun-if-env-changed=TERE_QUESTIONS");
    let dir = std::env::var("TERE_QUESTIONS").unwrap_or_else(|_| "questions".into());
    println!("cargo::rerun-if-changed={dir}");
    match tere_authoring::load_course(Path::new(&dir)) {
        Ok(loaded) => {
            for file in &loaded.files {
                println!("cargo::rerun-if-changed={}", file.display());
            }
            for w in &loaded.warnings {
                println!("cargo::warning={w}");
            }
            let packed = tere_authoring::packed::pack(&loaded.course);
            let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
            std::fs::write(out.join("course.txt"), packed.text).expect("write packed course text");
            std::fs::write(out.join("course.shape"), packed.shape).expect("write packed course shape");
        }
        Err(errors) => {
            for e in &errors {
                println!("cargo::error={e}");
            }
            std::process::exit(1);
        }
    }
}
