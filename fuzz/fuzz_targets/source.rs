//! Any bytes as a package a trainer picks in Tere Studio to reopen: `read_source`
//! refuses them in words or gives a source that keeps every promise the Studio relies
//! on (plain file names only, so nothing is written outside the course folder;
//! `course.toml` there; each file and the totals within the limits), and that source
//! written again as a source zip and as page blocks reads back the same. The picked
//! file may be anything (damaged, another program's zip, a zip bomb, a hostile page),
//! so nothing may panic, hang or allocate without bound.
//!
//! A zip's checksums and its two copies of every header refuse almost every mutated
//! zip, which would leave what the reader does with a zip's entries (names, folders,
//! media, duplicates) behind them unexplored. So each input is also read as a list of
//! entries and zipped correctly, as the pack target re-seals its packs.

#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use tere_authoring::media::MAX_BYTES;
use tere_publish::{
    read_source, source_blocks, source_zip, Source, MAX_SOURCE_FILES, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_MEDIA_TOTAL_BYTES, MAX_SOURCE_TOTAL_BYTES,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The input as the entries of a well-formed zip: entries end at a NUL byte, an entry's
/// name at its first newline. A name goes into `source/` (where the reader looks)
/// unless it starts with `!`, which puts it at the root (where a package's player
/// lives). The first entry is deflated, as Tere writes them; the others are stored, as
/// other programs' zips may be, and because setting up a deflate stream per entry
/// took much of each run's time. An entry the writer refuses (a name twice, say) is
/// left out.
fn zipped(data: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (i, entry) in data.split(|&b| b == 0).enumerate() {
        let (name, body) = match entry.iter().position(|&b| b == b'\n') {
            Some(at) => (&entry[..at], &entry[at + 1..]),
            None => (entry, &[][..]),
        };
        let name = String::from_utf8_lossy(name);
        let name = name.strip_prefix('!').map_or_else(|| format!("source/{name}"), str::to_string);
        let method = if i == 0 { CompressionMethod::Deflated } else { CompressionMethod::Stored };
        if zip.start_file(name, SimpleFileOptions::default().compression_method(method)).is_ok() {
            zip.write_all(body).ok()?;
        }
    }
    zip.finish().ok().map(Cursor::into_inner)
}

/// The name rule the Studio's writes depend on: one path segment, not hidden, not a
/// drive, not overlong. Stated here on its own rather than by calling the reader's
/// check, so that a mistake there is not repeated here.
fn assert_plain(name: &str) {
    assert!(!name.is_empty() && name.len() <= 255, "{name:?}: empty or overlong");
    assert!(!name.starts_with('.'), "{name:?}: hidden or a parent folder");
    assert!(!name.contains(['/', '\\', ':']), "{name:?}: a folder or drive");
    assert!(!name.chars().any(char::is_control), "{name:?}: a control character");
}

fn check(source: &Source) {
    for (name, text) in &source.files {
        assert_plain(name);
        assert!(text.len() <= MAX_SOURCE_FILE_BYTES, "{name}: {} bytes", text.len());
    }
    for (name, bytes) in &source.media {
        assert_plain(name);
        assert!(bytes.len() <= MAX_BYTES, "media/{name}: {} bytes", bytes.len());
    }
    assert!(source.files.iter().any(|(name, _)| name == "course.toml"), "no course.toml");
    assert!(source.files.len() + source.media.len() <= MAX_SOURCE_FILES);
    assert!(source.files.iter().map(|(_, text)| text.len()).sum::<usize>() <= MAX_SOURCE_TOTAL_BYTES);
    assert!(source.media.iter().map(|(_, bytes)| bytes.len()).sum::<usize>() <= MAX_SOURCE_MEDIA_TOTAL_BYTES);
    // The Studio keeps files by name: the same name twice would lose one.
    for (i, (name, _)) in source.files.iter().enumerate() {
        assert!(source.files[..i].iter().all(|(other, _)| other != name), "{name} twice");
    }
    for (i, (name, _)) in source.media.iter().enumerate() {
        assert!(source.media[..i].iter().all(|(other, _)| other != name), "media/{name} twice");
    }
}

/// Reads `package`; a source that reads is checked and written again.
fn read_and_check(package: &[u8]) {
    let source = match read_source(package) {
        Ok(source) => source,
        Err(error) => {
            // The Studio shows the message to the trainer as it is.
            assert!(!error.message().is_empty());
            return;
        }
    };
    check(&source);
    // What was read is what Tere writes: republishing a reopened course gives it back.
    let zip = source_zip(&source).unwrap_or_else(|e| panic!("a source that was read cannot be written as a zip: {e}"));
    assert_eq!(read_source(&zip).as_ref(), Ok(&source), "the source zip reads back differently");
    let page = format!("<!doctype html>\n<html>\n<body>\n{}</body>\n</html>\n", source_blocks(&source, &[]));
    assert_eq!(read_source(page.as_bytes()).as_ref(), Ok(&source), "the page blocks read back differently");
}

fuzz_target!(|data: &[u8]| {
    read_and_check(data);
    if let Some(zip) = zipped(data) {
        read_and_check(&zip);
    }
});
