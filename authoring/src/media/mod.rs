//! Pictures and sounds in questions (issue 26): whether a media file may go into a
//! course, decided by its bytes, never its name. `check` is the whole decision: what
//! the file is (`MediaKind::sniff`), whether its name says so, whether it is small
//! enough, a picture's size (`dimensions`, so the player can reserve its space), and an
//! SVG's content (`svg::check`: nothing that runs script or fetches anything). It never
//! panics, whatever the bytes (proptest and the `media` fuzz target).
//!
//! A file that passes is named in packages by its content hash (`Checked::packed_name`),
//! so a changed picture gets a new name and is never served stale from a cache.

mod container;
mod css;
mod dimensions;
mod kind;
mod problem;
pub mod samples;
pub mod svg;

use std::collections::BTreeMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};

pub use dimensions::{dimensions, Dimensions};
pub use kind::{Foreign, MediaKind};
pub use problem::{kilobytes, MediaProblem, Problem, SvgProblem};

/// The subfolder of a course folder that holds its pictures and sounds; a quiz file's
/// `media = { file = "…" }` names a file in it. (In packages they are in the player's
/// `content/media/`, by their hash: `tere_engine::packed::media_path`.)
pub const COURSE_FOLDER: &str = "media";

/// Above this many bytes (200 KB) a file is taken with a warning: every learner
/// downloads it, many on a phone.
pub const WARN_ABOVE: usize = 200 * 1024;
/// Above this many bytes (2 MB) a file is refused.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Above this many pixels (4096 × 4096) a picture is refused: decoded, it takes 4 bytes
/// a pixel, and a small file can claim a huge picture (a PNG of one colour compresses
/// 1000 to 1), which a phone's browser fails to show or is slowed by.
pub const MAX_PIXELS: u64 = 4096 * 4096;
/// Hex characters of the content hash: 64 bits, so two different files of a course
/// never share a name by chance.
pub const HASH_LEN: usize = 16;

/// A media file that may go into a course, and what the package and the player need of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub kind: MediaKind,
    /// The picture's width and height as shown, in CSS pixels; `None` for a sound.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub bytes_len: usize,
    /// The first 16 hex characters of the SHA-256 of the bytes.
    pub hash: String,
    /// What is worth a look but does not stop it (`MediaProblem::Large`).
    pub warnings: Vec<Problem>,
}

impl Checked {
    /// The file's name in packages: its hash and its kind's extension (`3f2a….png`).
    pub fn packed_name(&self) -> String {
        packed_name(&self.hash, self.kind)
    }
}

/// A file's name in packages, from its `hash` and its kind.
pub fn packed_name(hash: &str, kind: MediaKind) -> String {
    format!("{hash}.{}", kind.extension())
}

/// Whether the file `name` (a path or a bare name; only its extension is read) with
/// these bytes may go into a course: every refusal found, or the file with its size,
/// hash and warnings.
///
/// The kind comes from the bytes, and the name's extension must name that kind (a
/// browser serving a JPEG as `image/png` may refuse it). A file above `MAX_BYTES` is
/// not read further than its kind. A PNG, JPEG or WebP must give its width and height,
/// within `MAX_PIXELS`; an SVG must pass `svg::check`.
pub fn check(name: &str, bytes: &[u8]) -> Result<Checked, Vec<Problem>> {
    let problem = |what: MediaProblem| Problem { file: name.to_string(), what };
    if bytes.is_empty() {
        return Err(vec![problem(MediaProblem::Empty)]);
    }
    let extension = extension_of(name);
    let Some(kind) = MediaKind::sniff(bytes) else {
        return Err(vec![problem(MediaProblem::Unsupported { extension, seen: Foreign::sniff(bytes) })]);
    };
    let mut problems = Vec::new();
    if extension.as_deref().and_then(MediaKind::from_extension) != Some(kind) {
        problems.push(problem(MediaProblem::Mislabelled { extension, found: kind }));
    }
    if bytes.len() > MAX_BYTES {
        problems.push(problem(MediaProblem::TooLarge { bytes: bytes.len() }));
        return Err(problems);
    }
    let size = match kind {
        MediaKind::Svg => match svg::check(bytes) {
            Ok(size) => Some(size),
            Err(found) => {
                problems.extend(found.into_iter().map(problem));
                None
            }
        },
        MediaKind::Png | MediaKind::Jpeg | MediaKind::Webp => match dimensions(kind, bytes) {
            None => {
                problems.push(problem(MediaProblem::NoSize { kind }));
                None
            }
            Some(size) if size.pixels() > MAX_PIXELS => {
                problems.push(problem(MediaProblem::TooManyPixels { width: size.width, height: size.height }));
                None
            }
            Some(size) => Some(size),
        },
        MediaKind::Mp3 | MediaKind::Ogg | MediaKind::M4a => None,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let warnings = if bytes.len() > WARN_ABOVE { vec![problem(MediaProblem::Large { bytes: bytes.len() })] } else { Vec::new() };
    Ok(Checked { kind, width: size.map(|s| s.width), height: size.map(|s| s.height), bytes_len: bytes.len(), hash: hash(bytes), warnings })
}

/// The content hash that names a file in packages: the first `HASH_LEN` hex characters
/// of its SHA-256.
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(HASH_LEN / 2).map(|b| format!("{b:02x}")).collect()
}

/// The extension of the last part of a path (`img/Foto.JPG` → `JPG`), as written;
/// `None` without one (`README`, `.png`, `name.`).
fn extension_of(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext.to_string()),
        _ => None,
    }
}

/// A course's media files by their packed name (`<hash>.<ext>`, as a loaded `Quiz`
/// names them) → their name in the course's `media/` folder (`media_names`): what lets a message say `kassa.png` rather than a hash.
pub type MediaNames = BTreeMap<String, String>;

/// The packed name of each file of a course's `media/` (`CourseFiles::media`), to
/// its name there: what lets an export say `kassa.png` rather than a hash. A file
/// that is no media file is left out (a course cannot name it); of two files with the
/// same bytes (one packed name), the first by name is given.
pub fn media_names(files: &BTreeMap<String, Arc<[u8]>>) -> MediaNames {
    let mut names = MediaNames::new();
    for (name, bytes) in files {
        if let Some(kind) = MediaKind::sniff(bytes) {
            names.entry(packed_name(&hash(bytes), kind)).or_insert_with(|| name.clone());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_of_paths() {
        assert_eq!(extension_of("img/Foto.JPG").as_deref(), Some("JPG"));
        assert_eq!(extension_of(r"C:\pildid\a.b.png").as_deref(), Some("png"));
        assert_eq!(extension_of("dir.d/README"), None);
        assert_eq!(extension_of(".png"), None);
        assert_eq!(extension_of("name."), None);
        assert_eq!(extension_of(""), None);
    }

    #[test]
    fn hash_is_sixteen_hex_characters_of_sha256() {
        // SHA-256 of "abc" starts ba7816bf8f01cfea.
        assert_eq!(hash(b"abc"), "ba7816bf8f01cfea");
        assert_eq!(hash(b"").len(), HASH_LEN);
    }

    #[test]
    fn media_names_are_the_folders_names_by_packed_name() {
        let svg = samples::svg(10, 10);
        let files = BTreeMap::from([
            ("b.svg".to_string(), svg.clone().into()),
            ("a copy.svg".to_string(), svg.clone().into()),
            ("notes.txt".to_string(), b"not a picture".to_vec().into()),
        ]);
        let packed = check("a.svg", &svg).unwrap().packed_name();
        assert_eq!(media_names(&files), MediaNames::from([(packed, "a copy.svg".to_string())]));
    }
}
