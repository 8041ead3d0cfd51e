//! The one rule for the name of a file in a course folder (a TOML file, or a picture or
//! sound in `media/`): the validator, the Studio's naming of a new file and the
//! packages' source (`tere-publish`) all use it, so a course that validates also
//! publishes and opens again.

/// The longest file name, in bytes, that common file systems hold (ext4, NTFS, APFS).
pub const MAX_FILE_NAME_BYTES: usize = 255;

/// A file's name alone: no folder (`/`, `\`), no drive (`:`), no control characters,
/// not hidden (a leading `.`, which also rules out `.` and `..`), not empty and at most
/// [`MAX_FILE_NAME_BYTES`]. So a course names nothing outside its folder, and nothing a
/// file browser would hide or a file system refuse.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_FILE_NAME_BYTES && !name.starts_with('.') && !name.chars().any(|c| matches!(c, '/' | '\\' | ':') || c.is_control())
}

/// A plain file name made of a picked file's name (a path, as some browsers give it):
/// its last part, a drive's `:` and control characters as `_`, no surrounding spaces
/// or leading dots, cut to the longest a name may be; `None` when nothing is left.
/// Whatever it gives, [`is_plain_file_name`] takes.
pub fn made_plain(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().map(|c| if c == ':' || c.is_control() { '_' } else { c }).collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    (!cleaned.is_empty()).then(|| shortened(cleaned))
}

/// `name` cut to at most [`MAX_FILE_NAME_BYTES`], keeping its extension (the part from
/// the last `.`, when it is short) and whole characters.
pub fn shortened(name: &str) -> String {
    let (stem, extension) = match name.rfind('.') {
        Some(dot) if name.len() - dot <= 16 => name.split_at(dot),
        _ => (name, ""),
    };
    fitted(stem, extension)
}

/// `stem` followed by `tail` (an extension, a number and an extension), the stem cut
/// at a character boundary so that the whole is at most [`MAX_FILE_NAME_BYTES`].
pub fn fitted(stem: &str, tail: &str) -> String {
    let mut end = stem.len().min(MAX_FILE_NAME_BYTES.saturating_sub(tail.len()));
    while !stem.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{tail}", &stem[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_stay_in_the_folder_and_in_sight() {
        for good in ["counter.svg", "Leti pilt.png", "a..b.mp3", "ü ö.toml", "course.toml", &"x".repeat(MAX_FILE_NAME_BYTES)] {
            assert!(is_plain_file_name(good), "{good}");
        }
        let bad = ["", ".", "..", ".hidden.png", "media/counter.svg", "../x.png", "/etc/x.png", r"C:\x.png", "C:x.png", "a\u{0}.png", "a\nb", "sub\\x.png"];
        for bad in bad.iter().map(|s| s.to_string()).chain([format!("{}.png", "x".repeat(MAX_FILE_NAME_BYTES))]) {
            assert!(!is_plain_file_name(&bad), "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_name_made_plain_is_plain(name in "\\PC{0,300}|[ ./\\\\:a-zä\u{0}\n]{0,300}") {
            if let Some(made) = made_plain(&name) {
                proptest::prop_assert!(is_plain_file_name(&made), "{name:?} → {made:?}");
            }
        }
    }

    #[test]
    fn a_long_name_is_cut_before_its_extension_on_a_character_boundary() {
        assert_eq!(shortened("lett.png"), "lett.png");
        let long = format!("{}.png", "ä".repeat(200));
        let cut = shortened(&long);
        assert!(cut.len() <= MAX_FILE_NAME_BYTES && cut.ends_with("ä.png") && is_plain_file_name(&cut), "{cut}");
        assert_eq!(fitted(&"a".repeat(300), "-2.png").len(), MAX_FILE_NAME_BYTES);
        assert!(fitted(&"a".repeat(300), "-2.png").ends_with("a-2.png"));
        let no_extension = "ö".repeat(200);
        assert!(shortened(&no_extension).len() <= MAX_FILE_NAME_BYTES);
        assert!(shortened(&no_extension).chars().all(|c| c == 'ö'));
    }
}
