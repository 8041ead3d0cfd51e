//! The course as the packs the player loads (`tere_authoring::packed`): validated
//! first, with each problem printed as `file:line:column: message` and nothing
//! written when there is one; item-writing warnings are printed and do not stop it.

use std::path::Path;

use tere_authoring::packed::{pack, Packs};
use tere_authoring::{load_course, LoadedCourse};
use tere_engine::packed::FOLDER;

use crate::util::Result;

/// Loads and validates a course folder (`course.toml`, `sections.toml`, quiz files).
pub fn load(dir: &Path) -> Result<LoadedCourse> {
    match load_course(dir) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                eprintln!("warning: {w}");
            }
            for n in &loaded.notices {
                eprintln!("{n}");
            }
            Ok(loaded)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            Err(format!("{}: the course has {} error(s); nothing was written", dir.display(), errors.len()))
        }
    }
}

/// Validates `dir` and writes its packs into `site/content/`, replacing what was there.
pub fn write_into(dir: &Path, site: &Path) -> Result<Packs> {
    let packs = pack(&load(dir)?.course);
    let folder = site.join(FOLDER);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("create {}: {e}", folder.display()))?;
    for (name, bytes) in &packs.files {
        std::fs::write(folder.join(name), bytes).map_err(|e| format!("write {name}: {e}"))?;
    }
    Ok(packs)
}
