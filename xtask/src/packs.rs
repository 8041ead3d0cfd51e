//! The course as the packs the player loads (`tere_authoring::packed`): validated
//! first, with each problem printed as `file:line:column: message` and nothing
//! written when there is one; item-writing warnings are printed and do not stop it.

use std::path::Path;

use tere_authoring::packed::{pack_loaded, Packs};
use tere_authoring::{load_course, LoadedCourse};
use tere_engine::packed::{media_path, FOLDER};

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

/// Validates `dir` and writes its packs into `site/content/`, and its media files into
/// `site/content/media/`, replacing what was there.
pub fn write_into(dir: &Path, site: &Path) -> Result<Packs> {
    let packs = pack_loaded(&load(dir)?);
    let folder = site.join(FOLDER);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("create {}: {e}", folder.display()))?;
    for (name, bytes) in &packs.files {
        std::fs::write(folder.join(name), bytes).map_err(|e| format!("write {name}: {e}"))?;
    }
    for (name, bytes) in &packs.media {
        let path = site.join(media_path(name));
        std::fs::create_dir_all(path.parent().expect("a media path has a folder")).map_err(|e| format!("create {}: {e}", path.display()))?;
        std::fs::write(&path, bytes).map_err(|e| format!("write {}: {e}", path.display()))?;
    }
    Ok(packs)
}

#[cfg(test)]
mod tests {
    use tere_engine::packed::{INDEX_FILE, MEDIA_FOLDER};

    /// The fuzz fixture shows a picture and a sound: both land in `content/media/`
    /// beside the packs, under their packed names, and a second write replaces the first.
    #[test]
    fn media_files_are_written_beside_the_packs() {
        let site = tempfile::tempdir().unwrap();
        let stale = site.path().join("content/media/stale.png");
        std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
        std::fs::write(&stale, b"old").unwrap();
        let packs = super::write_into(&crate::util::root().join("fuzz/fixture"), site.path()).unwrap();
        assert!(site.path().join("content").join(INDEX_FILE).is_file());
        assert_eq!(packs.media.len(), 2);
        for (name, bytes) in &packs.media {
            assert_eq!(&std::fs::read(site.path().join("content").join(MEDIA_FOLDER).join(name)).unwrap(), bytes, "{name}");
        }
        assert!(!stale.exists(), "what an earlier build wrote is gone");
    }
}
