//! A question's or a dialogue step's `media = { … }`: the file it names in the course
//! folder's `media/`, checked by its bytes (`media::check`), and the keys that go with
//! the kind the bytes are (a picture's `alt` or `decorative`, a sound's `transcript`),
//! as the engine's `Media`. The kind comes from the bytes, not from the keys the author
//! wrote, so a key of the wrong kind is reported as such rather than guessed from.
//!
//! Each file is checked once however often it is named, and carried once (by its
//! content hash) however many names it has.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tere_engine::media::{Media, Shown, MAX_SIDE};
use toml::Spanned;

use crate::error::{Notice, Reporter};
use crate::file_name::is_plain_file_name;
use crate::media::{self, Checked, Problem, COURSE_FOLDER};
use crate::said::MediaSaid;
use crate::source::MediaSrc;
use crate::validate::text;
use crate::Said;

impl From<MediaSaid> for Said {
    fn from(said: MediaSaid) -> Said {
        Said::Media(said)
    }
}

/// The course's media files as validation meets them: what the folder holds, what was
/// checked, and what the packs will carry.
pub(crate) struct MediaFiles<'a> {
    /// The course's media folder, as messages name it.
    dir: PathBuf,
    /// What it holds: file name → bytes.
    files: &'a BTreeMap<String, Arc<[u8]>>,
    /// The files there that could not be read: file name → why.
    unreadable: &'a BTreeMap<String, String>,
    /// Each file named so far, checked: file name → `media::check`'s answer.
    checked: HashMap<String, Result<Checked, Vec<Problem>>>,
    /// What the packs carry: packed name (`<hash>.<ext>`) → bytes.
    pub(crate) packed: BTreeMap<String, Vec<u8>>,
    /// The warnings about files (a large one), each where the file is first named.
    pub(crate) notices: Vec<Notice>,
    /// The names of the files the course names that are there.
    pub(crate) named: BTreeSet<String>,
}

impl<'a> MediaFiles<'a> {
    /// The media of the course folder `base`, whose `media/` holds `files` (and
    /// `unreadable`, which could not be read).
    pub(crate) fn new(base: &Path, files: &'a BTreeMap<String, Arc<[u8]>>, unreadable: &'a BTreeMap<String, String>) -> MediaFiles<'a> {
        let dir = base.join(COURSE_FOLDER);
        MediaFiles { dir, files, unreadable, checked: HashMap::new(), packed: BTreeMap::new(), notices: Vec::new(), named: BTreeSet::new() }
    }

    /// The `Media` that `src` describes, every problem reported; `None` when there is
    /// none or when the file cannot be used (the course is refused then anyway).
    pub(crate) fn media(&mut self, src: &Option<Spanned<MediaSrc>>, r: &mut Reporter) -> Option<Media> {
        let src = src.as_ref()?;
        let (at, m) = (src.span(), src.get_ref());
        let (name, at_file) = (m.file.get_ref(), m.file.span());
        if !is_plain_file_name(name) {
            r.at(at_file, MediaSaid::BadName { file: name.clone() });
            return None;
        }
        let path = self.dir.join(name).display().to_string();
        if let Some(why) = self.unreadable.get(name) {
            r.at(at_file, Said::CannotRead { why: format!("{path}: {why}") });
            return None;
        }
        let Some(bytes) = self.files.get(name) else {
            let near = self.files.keys().find(|k| k.to_lowercase() == name.to_lowercase()).cloned();
            r.at(at_file, MediaSaid::Missing { path, near });
            return None;
        };
        self.named.insert(name.clone());
        let first = !self.checked.contains_key(name);
        let checked = match self.checked.entry(name.clone()).or_insert_with(|| media::check(name, bytes)) {
            Ok(checked) => checked.clone(),
            Err(problems) => {
                for problem in problems.iter() {
                    r.at(at_file.clone(), MediaSaid::File(problem.clone()));
                }
                return None;
            }
        };
        if first {
            self.notices.extend(checked.warnings.iter().map(|w| r.notice(at_file.clone(), MediaSaid::File(w.clone()))));
        }
        let shown = if checked.kind.is_image() { picture(m, &checked, at, r) } else { Shown::Sound { transcript: sound(m, at, r) } };
        let file = checked.packed_name();
        self.packed.entry(file.clone()).or_insert_with(|| bytes.to_vec());
        Some(Media { file: file.into(), shown })
    }
}

/// A picture's keys: `alt`, or `decorative = true`, never both, and no `transcript`;
/// its size within what a page shows.
fn picture(m: &MediaSrc, checked: &Checked, at: std::ops::Range<usize>, r: &mut Reporter) -> Shown {
    if let Some(transcript) = &m.transcript {
        r.at(transcript.span(), MediaSaid::TranscriptOnPicture);
    }
    let decorative = m.decorative.as_ref().is_some_and(|d| *d.get_ref());
    let alt = match (&m.alt, decorative) {
        (Some(alt), true) => {
            r.at(alt.span(), MediaSaid::AltAndDecorative);
            None
        }
        (Some(alt), false) => Some(text(r, alt, "alt")),
        (None, true) => None,
        (None, false) => {
            r.at(at, MediaSaid::NoAlt);
            None
        }
    };
    // `media::check` gives every picture its size; a side of 0 would be a bug there.
    let (width, height) = (checked.width.unwrap_or(0), checked.height.unwrap_or(0));
    let side = |n: u32| u16::try_from(n).ok().filter(|n| (1..=MAX_SIDE).contains(n));
    let (w, h) = (side(width), side(height));
    if w.is_none() || h.is_none() {
        r.at(m.file.span(), MediaSaid::TooBig { width, height });
    }
    Shown::Image { width: w.unwrap_or(1), height: h.unwrap_or(1), alt }
}

/// A sound's keys: `transcript`, and none of a picture's.
fn sound(m: &MediaSrc, at: std::ops::Range<usize>, r: &mut Reporter) -> tere_engine::model::Text {
    for (key, span) in [("alt", m.alt.as_ref().map(|a| a.span())), ("decorative", m.decorative.as_ref().map(|d| d.span()))] {
        if let Some(span) = span {
            r.at(span, MediaSaid::NotForSound { key });
        }
    }
    match &m.transcript {
        Some(transcript) => text(r, transcript, "transcript"),
        None => {
            r.at(at, MediaSaid::NoTranscript);
            "".into()
        }
    }
}
