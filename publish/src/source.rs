//! The course's source read back from a package a trainer picks (a Tere SCORM zip or
//! a Tere offline page), for the Studio to reopen what was published. The bytes may
//! be anything: damaged, another program's zip, a zip bomb, another page. Each case is
//! a [`SourceError`] in plain words, never a panic; sizes are checked before anything
//! is decoded, and reading stops at the limits whatever a header claims.

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read};

use base64::Engine;
use memchr::memmem;

use tere_authoring::is_plain_file_name;
use tere_authoring::media::{COURSE_FOLDER, MAX_BYTES as MAX_SOURCE_MEDIA_BYTES};

use crate::offline::{unattribute, BYTES_TYPE, SAME_AS, SOURCE_TYPE};
use crate::{Source, SOURCE_FOLDER};

/// The largest source file read back (decoded).
pub const MAX_SOURCE_FILE_BYTES: usize = 2 << 20;
/// The most source read back, all files together (decoded).
pub const MAX_SOURCE_TOTAL_BYTES: usize = 8 << 20;
/// The most source files read back.
pub const MAX_SOURCE_FILES: usize = 1000;
/// The most media read back, all files together (each at most what validation takes).
pub const MAX_SOURCE_MEDIA_TOTAL_BYTES: usize = 20 << 20;

/// Why a package's source cannot be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// Neither a zip nor an HTML page.
    UnknownFormat,
    /// A zip that cannot be read: cut short, corrupted, or in a form Tere never writes.
    DamagedZip(String),
    /// A readable zip without Tere's `source/` folder.
    NotTereZip,
    /// An HTML page without Tere's source blocks.
    NotTerePage,
    /// Source without `course.toml`.
    NoCourseFile,
    /// A source file name that is not a plain file name (`tere_authoring::is_plain_file_name`).
    BadName(String),
    /// The same source file twice.
    Duplicate(String),
    /// More source files than [`MAX_SOURCE_FILES`].
    TooManyFiles,
    /// A source file larger than [`MAX_SOURCE_FILE_BYTES`].
    FileTooLarge(String),
    /// More source than [`MAX_SOURCE_TOTAL_BYTES`] in all.
    TotalTooLarge,
    /// A source block of the page that is not valid base64.
    BadBase64(String),
    /// A source file that is not UTF-8 text.
    NotText(String),
    /// A media file of the source larger than a course may use.
    MediaTooLarge(String),
    /// More media than [`MAX_SOURCE_MEDIA_TOTAL_BYTES`] in all.
    MediaTotalTooLarge,
    /// A media block of the page that names a picture or sound the page does not hold.
    MissingMedia(String),
}

impl SourceError {
    /// What went wrong, in words for the trainer who picked the file.
    pub fn message(&self) -> String {
        let mib = |bytes: usize| bytes >> 20;
        match self {
            SourceError::UnknownFormat => "This file is neither a SCORM package (zip) nor an offline page (HTML); open a package Tere made.".into(),
            SourceError::DamagedZip(why) => format!("This zip file is damaged and cannot be read ({why}); download or copy it again."),
            SourceError::NotTereZip => {
                "This zip file is not a Tere package, or was made before packages carried their course: it has no source/ folder.".into()
            }
            SourceError::NotTerePage => {
                "This page is not a Tere offline page, or was made before offline pages carried their course: it holds no course source.".into()
            }
            SourceError::NoCourseFile => "The package's course has no course.toml; it cannot be opened.".into(),
            SourceError::BadName(name) => format!("The package holds a source file with an unusable name `{}`; it cannot be opened.", name.escape_debug()),
            SourceError::Duplicate(name) => format!("The package holds the source file {name} twice; it cannot be opened."),
            SourceError::TooManyFiles => format!("The package holds more than {MAX_SOURCE_FILES} source files; it cannot be opened."),
            SourceError::FileTooLarge(name) => {
                format!("The source file {name} in the package is larger than {} MiB; it cannot be opened.", mib(MAX_SOURCE_FILE_BYTES))
            }
            SourceError::TotalTooLarge => format!("The package's source is larger than {} MiB in all; it cannot be opened.", mib(MAX_SOURCE_TOTAL_BYTES)),
            SourceError::BadBase64(name) => format!("The source file {name} in this page is damaged (not valid base64); save the page again."),
            SourceError::NotText(name) => format!("The source file {name} in the package is not UTF-8 text; it cannot be opened."),
            SourceError::MediaTooLarge(name) => {
                format!("The picture or sound {name} in the package is larger than {} MiB; it cannot be opened.", mib(MAX_SOURCE_MEDIA_BYTES))
            }
            SourceError::MediaTotalTooLarge => {
                format!("The package's pictures and sounds are larger than {} MiB in all; it cannot be opened.", mib(MAX_SOURCE_MEDIA_TOTAL_BYTES))
            }
            SourceError::MissingMedia(name) => format!("The picture or sound {name} is missing from this page; save the page again."),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for SourceError {}

/// The course's source from a Tere SCORM zip or a Tere offline page, in the order the
/// package holds it.
pub fn read_source(bytes: &[u8]) -> Result<Source, SourceError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return from_zip(bytes);
    }
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return from_page(bytes);
    }
    Err(SourceError::UnknownFormat)
}

/// The name of a media file within the source (`media/<name>`), if `name` is one.
fn media_name(name: &str) -> Option<&str> {
    name.strip_prefix(COURSE_FOLDER)?.strip_prefix('/')
}

/// The files read so far, with the limits on what comes next.
#[derive(Default)]
struct Collected {
    files: Vec<(String, String)>,
    total: usize,
    media: Vec<(String, Vec<u8>)>,
    media_total: usize,
}

impl Collected {
    /// Checks a file about to be read (`name` within the source: a text file's, or
    /// `media/<name>`): its name, and its size as far as it is known.
    fn admit(&self, name: &str, size: usize) -> Result<(), SourceError> {
        let (plain, seen) = match media_name(name) {
            Some(media) => (media, self.media.iter().any(|(n, _)| n == media)),
            None => (name, self.files.iter().any(|(n, _)| n == name)),
        };
        if !is_plain_file_name(plain) {
            return Err(SourceError::BadName(name.into()));
        }
        if seen {
            return Err(SourceError::Duplicate(name.into()));
        }
        if self.files.len() + self.media.len() >= MAX_SOURCE_FILES {
            return Err(SourceError::TooManyFiles);
        }
        if media_name(name).is_some() {
            if size > MAX_SOURCE_MEDIA_BYTES {
                return Err(SourceError::MediaTooLarge(name.into()));
            }
            if self.media_total.saturating_add(size) > MAX_SOURCE_MEDIA_TOTAL_BYTES {
                return Err(SourceError::MediaTotalTooLarge);
            }
            return Ok(());
        }
        if size > MAX_SOURCE_FILE_BYTES {
            return Err(SourceError::FileTooLarge(name.into()));
        }
        if self.total.saturating_add(size) > MAX_SOURCE_TOTAL_BYTES {
            return Err(SourceError::TotalTooLarge);
        }
        Ok(())
    }

    /// Counts a file admitted at `size` against the limits, before it is read.
    fn reserve(&mut self, name: &str, size: usize) {
        match media_name(name) {
            Some(media) => {
                self.media_total += size;
                self.media.push((media.to_string(), Vec::new()));
            }
            None => {
                self.total += size;
                self.files.push((name.to_string(), String::new()));
            }
        }
    }

    fn push(&mut self, name: String, bytes: Vec<u8>) -> Result<(), SourceError> {
        self.admit(&name, bytes.len())?;
        if let Some(media) = media_name(&name) {
            self.media_total += bytes.len();
            self.media.push((media.to_string(), bytes));
            return Ok(());
        }
        self.total += bytes.len();
        let text = String::from_utf8(bytes).map_err(|_| SourceError::NotText(name.clone()))?;
        self.files.push((name, text));
        Ok(())
    }

    fn finish(self, none: SourceError) -> Result<Source, SourceError> {
        if self.files.is_empty() {
            return Err(none);
        }
        if !self.files.iter().any(|(n, _)| n == "course.toml") {
            return Err(SourceError::NoCourseFile);
        }
        Ok(Source { files: self.files, media: self.media })
    }
}

fn from_zip(bytes: &[u8]) -> Result<Source, SourceError> {
    let damaged = |e: zip::result::ZipError| SourceError::DamagedZip(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let prefix = format!("{SOURCE_FOLDER}/");
    let mut collected = Collected::default();
    for i in 0..archive.len() {
        let Some(name) = archive.name_for_index(i) else { continue };
        let Some(name) = name.map_err(damaged)?.strip_prefix(&prefix).map(str::to_string) else { continue };
        if name.is_empty() {
            continue; // the folder's own entry
        }
        let mut file = archive.by_index(i).map_err(damaged)?;
        if file.is_dir() {
            continue;
        }
        let declared = usize::try_from(file.size()).unwrap_or(usize::MAX);
        collected.admit(&name, declared)?;
        // The header may lie: read no more than a file may hold, whatever it says.
        let most = if media_name(&name).is_some() { MAX_SOURCE_MEDIA_BYTES } else { MAX_SOURCE_FILE_BYTES };
        let mut text = Vec::with_capacity(declared.min(64 << 10));
        (&mut file).take(most as u64 + 1).read_to_end(&mut text).map_err(|e| SourceError::DamagedZip(format!("{name}: {e}")))?;
        collected.push(name, text)?;
    }
    collected.finish(SourceError::NotTereZip)
}

fn from_page(bytes: &[u8]) -> Result<Source, SourceError> {
    let open = format!("<script type=\"{SOURCE_TYPE}\"");
    // First every block's name and extent, each checked on the size it decodes to, so
    // nothing is decoded unless all of it may be.
    let mut blocks = Vec::new();
    let mut sizes = Collected::default();
    // The page's pictures and sounds by packed name, found in one pass when a source
    // block first points at one (a page may hold a thousand such blocks).
    let mut pictures: Option<HashMap<String, &[u8]>> = None;
    let mut at = 0;
    while let Some(found) = memmem::find(&bytes[at..], open.as_bytes()) {
        let tag_start = at + found + open.len();
        let tag_end = tag_start + memchr::memchr(b'>', &bytes[tag_start..]).ok_or(SourceError::NotTerePage)?;
        let tag = std::str::from_utf8(&bytes[tag_start..tag_end]).map_err(|_| SourceError::NotTerePage)?;
        let value =
            |attribute: &str| tag.split_once(&format!("{attribute}=\"")).and_then(|(_, rest)| rest.split_once('"')).map(|(value, _)| unattribute(value));
        let name = value("data-file").ok_or(SourceError::NotTerePage)?;
        let body_start = tag_end + 1;
        let body_end = body_start + memmem::find(&bytes[body_start..], b"</script>").ok_or(SourceError::NotTerePage)?;
        // A media file the page shows already is its `data-media` block's bytes.
        let body = match value(SAME_AS) {
            Some(packed) => *pictures.get_or_insert_with(|| embedded(bytes)).get(&packed).ok_or_else(|| SourceError::MissingMedia(name.clone()))?,
            None => &bytes[body_start..body_end],
        };
        // Checked as Tere writes a block (one line) and, only when that is over a limit,
        // again without whitespace, since the block may have been wrapped: counting
        // that takes a pass over the block, which most blocks need not pay.
        let mut most = decoded_len(body, false);
        if sizes.admit(&name, most).is_err() {
            most = decoded_len(body, true);
        }
        sizes.admit(&name, most)?;
        sizes.reserve(&name, most);
        blocks.push((name, body));
        at = body_end;
    }
    let mut collected = Collected::default();
    for (name, body) in blocks {
        let decode = |body: &[u8]| base64::engine::general_purpose::STANDARD.decode(body);
        // Tere writes each block on one line; a page saved by another program may wrap it.
        let decoded = decode(body)
            .or_else(|e| {
                if body.iter().any(u8::is_ascii_whitespace) {
                    decode(&body.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect::<Vec<u8>>())
                } else {
                    Err(e)
                }
            })
            .map_err(|_| SourceError::BadBase64(name.clone()))?;
        collected.push(name, decoded)?;
    }
    collected.finish(SourceError::NotTerePage)
}

/// The length a base64 block decodes to, if it decodes: three bytes for every four
/// characters, less the `=` padding. Exact rather than rounded up to a multiple of
/// three, so that a file at a size limit comes back from a page as it does from a zip.
/// `wrapped`: whitespace is left out (a page saved by another program may wrap its
/// blocks); without it the length is exact for a block without whitespace and too
/// large for one with it, never too small.
fn decoded_len(body: &[u8], wrapped: bool) -> usize {
    let kept = |b: &&u8| !(wrapped && b.is_ascii_whitespace());
    let chars = if wrapped { body.iter().filter(kept).count() } else { body.len() };
    let padding = body.iter().rev().filter(kept).take(2).take_while(|&&b| b == b'=').count();
    (chars / 4 * 3).saturating_sub(padding)
}

/// The bodies of the page's `data-media` blocks, by packed name (the first of a name).
fn embedded(page: &[u8]) -> HashMap<String, &[u8]> {
    let open = format!("<script type=\"{BYTES_TYPE}\" data-media=\"");
    let mut found = HashMap::new();
    let mut at = 0;
    while let Some(start) = memmem::find(&page[at..], open.as_bytes()).map(|i| at + i + open.len()) {
        let Some(name_end) = memchr::memchr(b'"', &page[start..]).map(|i| start + i) else { break };
        let Some(body) = memchr::memchr(b'>', &page[name_end..]).map(|i| name_end + i + 1) else { break };
        let Some(end) = memmem::find(&page[body..], b"</script>").map(|i| body + i) else { break };
        if let Ok(name) = std::str::from_utf8(&page[start..name_end]) {
            found.entry(unattribute(name)).or_insert(&page[body..end]);
        }
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use base64::Engine;

    use super::decoded_len;

    #[test]
    fn a_blocks_decoded_length_is_exact_and_never_too_small() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            let block = base64::engine::general_purpose::STANDARD.encode(bytes);
            assert_eq!(decoded_len(block.as_bytes(), false), bytes.len(), "{block}");
            let wrapped = format!(" {}\r\n{} \n", &block[..block.len() / 2], &block[block.len() / 2..]);
            assert_eq!(decoded_len(wrapped.as_bytes(), true), bytes.len(), "{wrapped:?}");
            assert!(decoded_len(wrapped.as_bytes(), false) >= bytes.len(), "{wrapped:?}");
        }
        assert_eq!(decoded_len(b"==", false), 0);
        assert_eq!(decoded_len(b"\n=\n", true), 0);
    }
}
