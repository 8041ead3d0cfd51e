//! A picture or a sound that goes with a question or a dialogue step (issue 26): which
//! file it is and what the learner who cannot see or hear it gets instead. The file
//! travels beside the packs, in `content/media/`, named by its content hash, so the
//! pack names it and the player fetches it like any other asset.
//!
//! Whether a file may go into a course at all (its kind from its bytes, its size, an
//! SVG's content) is decided at authoring time (`tere_authoring::media`); what a pack
//! says about it is checked here again, as everything in a pack is (`read`).

use crate::model::Text;
use crate::packed::{check, media_path, PackError, PackWriter, Read, Reader};

/// The extensions a packed picture's name may end in: one per kind, the one
/// `tere_authoring::media::MediaKind::extension` gives (a test there keeps them equal).
pub const IMAGE_EXTENSIONS: [&str; 4] = ["png", "jpg", "webp", "svg"];
/// The extensions a packed sound's name may end in, as `IMAGE_EXTENSIONS`.
pub const SOUND_EXTENSIONS: [&str; 3] = ["mp3", "ogg", "m4a"];
/// Hex digits of the content hash that names a packed file (`tere_authoring::media::HASH_LEN`).
pub const HASH_DIGITS: usize = 16;
/// The longest side a picture may have, in CSS pixels: the player reserves the space
/// before the picture arrives, and a side beyond this is no picture a page can show.
pub const MAX_SIDE: u16 = 16384;

/// A picture or a sound, as a question or a step carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    /// `<hash>.<extension>` in the course's media folder (`Media::path`).
    pub file: Text,
    pub shown: Shown,
}

/// What the file is, and what stands in for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// A picture, `width` × `height` CSS pixels as shown (the player reserves that
    /// space); `alt` is what a screen reader says, `None` for a decorative picture
    /// that says nothing the text does not.
    Image { width: u16, height: u16, alt: Option<Text> },
    /// A sound, and its words written out for a learner who cannot hear it.
    Sound { transcript: Text },
}

impl Media {
    /// Where the player fetches it, relative to the page: `content/media/<file>`.
    pub fn path(&self) -> String {
        media_path(&self.file)
    }

    pub fn is_image(&self) -> bool {
        match self.shown {
            Shown::Image { .. } => true,
            Shown::Sound { .. } => false,
        }
    }
}

/// Whether `file` is a packed name of a picture (`image`) or a sound: exactly
/// `HASH_DIGITS` lowercase hex digits, a dot, and one of the family's extensions. So a
/// pack can name nothing outside the media folder, and nothing of the other family.
pub fn is_packed_name(file: &str, image: bool) -> bool {
    let extensions: &[&str] = if image { &IMAGE_EXTENSIONS } else { &SOUND_EXTENSIONS };
    match file.split_once('.') {
        Some((hash, extension)) => {
            hash.len() == HASH_DIGITS && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) && extensions.contains(&extension)
        }
        None => false,
    }
}

// ---- Its packed form (`packed`'s grammar) ----

// The byte that says whether a question or step has media, and which family.
const NONE: u8 = 0;
const IMAGE: u8 = 1;
const SOUND: u8 = 2;

/// Reads a `media`, refusing a name that is not a packed one of its family, a side
/// outside 1 to `MAX_SIDE`, an empty alt on a picture that is not decorative, an empty
/// transcript:
///
/// ```text
/// media = u8:0 (none)
///       | u8:1 t:file n:width n:height u8:decorative t:alt (empty when decorative)
///       | u8:2 t:file t:transcript
/// ```
pub(crate) fn read(r: &mut Reader) -> Read<Option<Media>> {
    let side = |r: &mut Reader| -> Read<u16> {
        let n = u16::try_from(r.count()?).map_err(|_| PackError::Damaged)?;
        check((1..=MAX_SIDE).contains(&n))?;
        Ok(n)
    };
    let media = match r.byte()? {
        NONE => return Ok(None),
        IMAGE => {
            let file = r.text()?;
            let (width, height) = (side(r)?, side(r)?);
            let decorative = r.flag()?;
            let alt = r.text()?;
            // A decorative picture has no alt at all, an informative one a real one.
            check(if decorative { alt.is_empty() } else { !alt.trim().is_empty() })?;
            Media { file, shown: Shown::Image { width, height, alt: (!decorative).then_some(alt) } }
        }
        SOUND => {
            let file = r.text()?;
            let transcript = r.text()?;
            check(!transcript.trim().is_empty())?;
            Media { file, shown: Shown::Sound { transcript } }
        }
        _ => return Err(PackError::Damaged),
    };
    check(is_packed_name(&media.file, media.is_image()))?;
    Ok(Some(media))
}

/// Writes `media` as `read` reads it.
pub fn write(media: Option<&Media>, w: &mut impl PackWriter) {
    let Some(media) = media else {
        w.byte(NONE);
        return;
    };
    match &media.shown {
        Shown::Image { width, height, alt } => {
            w.byte(IMAGE);
            w.text(&media.file);
            w.count(usize::from(*width));
            w.count(usize::from(*height));
            w.byte(u8::from(alt.is_none()));
            w.text(alt.as_deref().unwrap_or(""));
        }
        Shown::Sound { transcript } => {
            w.byte(SOUND);
            w.text(&media.file);
            w.text(transcript);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_names_are_a_hash_and_an_extension_of_the_family() {
        assert!(is_packed_name("0123456789abcdef.png", true));
        assert!(is_packed_name("0123456789abcdef.svg", true));
        assert!(is_packed_name("0123456789abcdef.m4a", false));
        assert!(!is_packed_name("0123456789abcdef.mp3", true), "a sound's extension on a picture");
        assert!(!is_packed_name("0123456789abcdef.png", false), "a picture's extension on a sound");
        assert!(!is_packed_name("0123456789ABCDEF.png", true), "upper case");
        assert!(!is_packed_name("0123456789abcdeg.png", true), "not hex");
        assert!(!is_packed_name("0123456789abcde.png", true), "15 digits");
        assert!(!is_packed_name("0123456789abcdef0.png", true), "17 digits");
        assert!(!is_packed_name("0123456789abcdef.PNG", true));
        assert!(!is_packed_name("0123456789abcdef.jpeg", true), "only the packed extension");
        assert!(!is_packed_name("0123456789abcdef.png.svg", true));
        assert!(!is_packed_name("../456789abcdef.png", true));
        assert!(!is_packed_name("0123456789abcdef", true));
        assert!(!is_packed_name("", true));
    }

    #[test]
    fn a_path_is_in_the_media_folder_beside_the_packs() {
        let media = Media { file: "0123456789abcdef.mp3".into(), shown: Shown::Sound { transcript: "Hello".into() } };
        assert_eq!(media.path(), "content/media/0123456789abcdef.mp3");
        assert!(!media.is_image());
    }
}
