//! Course packs: the validated course as the data files the player loads at run time.
//! A course travels as one small index (`course.pack`: the course's title and language,
//! and per quiz its id, title, language, pass mark, question count and its pack's hash)
//! and one pack per quiz (`quiz-<id>.pack`), so that a stage fetches only its own text;
//! the pictures and sounds a quiz names travel beside them (`media_path`).
//!
//! The format is written here once: the header, the grammar, the tags and the count
//! encoding (`push_count`, `seal`); each question type's tag and body are its own,
//! in `kind`. `tere_authoring::packed` writes packs after
//! validation with these; `read_index` and `read_quiz` read them in the player.
//!
//! The player fetches packs over the network or from the page, so it trusts nothing:
//! every read is checked and a foreign, truncated, damaged or newer pack is an error
//! (`PackError`), never a panic. Beyond the bytes, the reader checks what the engine
//! relies on (counts within bounds, one right option where one is asked for), so a
//! pack that reads is a quiz the engine can play. Content rules for people (wording,
//! duplicates, sources) stay at authoring time.
//!
//! ```text
//! pack     = "TEREPACK" u8:format u8:kind u32le:hash u32le:shape_length shape text
//!            kind: b'C' index, b'Q' quiz; hash: `fnv1a` of shape and text together
//! shape    = a byte stream (`n` = unsigned LEB128, `t` = a text: its UTF-8 byte length as `n`)
//! text     = every text in reading order, UTF-8
//! index    = t:title t:lang n:count entry*
//! entry    = t:id t:title t:lang u8:pass_mark n:questions u32le:hash of the quiz's pack
//! quiz     = t:id t:title t:lang t:intro u8:pass_mark n:draw+1 (0 = all) u8:draw_per_section
//!            u8:tries u8:try_penalty u8:hint_penalty n:count question*
//! question = t:id t:text t:explanation n:count t:hint* n:topic media u8:kind body
//! media    = `media::read`'s grammar (a question's or a dialogue step's picture or sound)
//! body     = the kind's own fields: `kind::Kind::read_body`
//! choices  = n:count (u8:correct t:text t:feedback)*
//! speaker  = u8:0 (customer) | u8:1 (colleague) | u8:2 t:name
//! dialogue = `dialogue::read`'s grammar
//! ```
//! Texts stay borrowed from the pack's bytes (the shell keeps them for the page's
//! life); only the lists are allocated. The question's `source` is authoring metadata
//! the player never shows, so it is not packed: its `topic` is what the draw needs.

use std::borrow::Cow;

use crate::model::{Choice, Kind, List, Question, Quiz, Source, Speaker, Text, MAX_CHOICES, MAX_HINTS, MAX_TRIES};
use crate::shuffle::fnv1a;

/// The first bytes of every pack.
pub const MAGIC: &[u8; 8] = b"TEREPACK";
/// The format this player reads and the authoring side writes. A change that an older
/// player cannot read raises it; such a pack is refused with `PackError::Newer`.
/// Format 2 added a question's and a dialogue step's `media`; this player reads 2 only
/// (a course is packed again whenever it is built or published).
pub const FORMAT: u8 = 2;
/// `kind`: what a pack holds.
pub const INDEX: u8 = b'C';
pub const QUIZ: u8 = b'Q';
const HEADER: usize = MAGIC.len() + 1 + 1 + 4 + 4;

/// Where packs live beside the player, and their names (the page's loader,
/// `content-loader.js`, builds the same names to fetch them early).
pub const FOLDER: &str = "content";
pub const INDEX_FILE: &str = "course.pack";
/// The folder of `FOLDER` that holds the course's pictures and sounds (`media::Media::path`).
pub const MEDIA_FOLDER: &str = "media";

/// Where a packed media file (`<hash>.<ext>`) lives beside the player: `content/media/<file>`.
pub fn media_path(file: &str) -> String {
    format!("{FOLDER}/{MEDIA_FOLDER}/{file}")
}

/// The file name of a quiz's pack (quiz ids are `[A-Za-z0-9_]`, so no name collides with the index's).
pub fn quiz_file(id: &str) -> String {
    format!("quiz-{id}.pack")
}

// `u8:kind` of a question and its `body`: `kind::Kind::pack_tag` and `Kind::read_body`.

// `speaker`: who says a scenario's line.
pub const CUSTOMER: u8 = 0;
pub const COLLEAGUE: u8 = 1;
pub const NAMED: u8 = 2;

/// Why a pack could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a Tere pack at all (another file, an HTML error page).
    Foreign,
    /// Made by a newer Tere than this player reads.
    Newer { format: u8 },
    /// A pack of the other kind (an index where a quiz was expected, or the reverse).
    WrongKind,
    /// Cut short or changed after it was written: its hash or its structure is wrong.
    Damaged,
    /// A quiz pack that the course index does not list (a mix of two publications).
    NotInIndex,
}

impl PackError {
    /// In plain English, for logs and the host's `tere:error`.
    pub fn describe(self) -> &'static str {
        match self {
            PackError::Foreign => "not a Tere course pack",
            PackError::Newer { .. } => "made by a newer version of Tere than this player",
            PackError::WrongKind => "a pack of the wrong kind",
            PackError::Damaged => "damaged or cut short",
            PackError::NotInIndex => "not the pack the course index lists (a mix of two publications)",
        }
    }
}

/// The course index: what the menu and the loader need before any quiz's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub title: Text,
    pub lang: Text,
    pub quizzes: Vec<Entry>,
}

/// One quiz as the index lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: Text,
    pub title: Text,
    pub lang: Text,
    pub pass_mark: u8,
    /// Questions in the quiz's pool.
    pub questions: usize,
    /// The hash in the header of the quiz's pack: which pack belongs to this index.
    pub hash: u32,
}

/// What the readers read, for the authoring side's packer: the parts whose writing
/// the engine keeps beside their reading (`dialogue::write`, `media::write`) push
/// shape bytes, counts and texts (which also append the text) through it, in the
/// reader's order.
pub trait PackWriter {
    fn byte(&mut self, b: u8);
    fn count(&mut self, n: usize);
    fn text(&mut self, t: &str);
    fn speaker(&mut self, speaker: &Speaker);
}

/// Appends `n` to a shape stream as the grammar's `n` (unsigned LEB128), as the reader reads it.
pub fn push_count(shape: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            shape.push(low);
            return;
        }
        shape.push(low | 0x80);
    }
}

/// A whole pack file from its two parts: the header, then shape and text.
pub fn seal(kind: u8, shape: &[u8], text: &str) -> Vec<u8> {
    let mut body = Vec::with_capacity(shape.len() + text.len());
    body.extend_from_slice(shape);
    body.extend_from_slice(text.as_bytes());
    let mut pack = Vec::with_capacity(HEADER + body.len());
    pack.extend_from_slice(MAGIC);
    pack.extend([FORMAT, kind]);
    pack.extend(fnv1a(&body).to_le_bytes());
    pack.extend((shape.len() as u32).to_le_bytes());
    pack.extend(body);
    pack
}

/// The hash a pack's header records (what an index lists for it).
pub fn hash(pack: &[u8]) -> Option<u32> {
    pack.get(10..14).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Reads a course index.
pub fn read_index(pack: &'static [u8]) -> Result<Index, PackError> {
    let mut r = open(pack, INDEX)?;
    let (title, lang) = (r.text()?, r.text()?);
    let quizzes = r.list(Reader::entry)?.into_owned();
    r.end()?;
    Ok(Index { title, lang, quizzes })
}

/// Reads a quiz pack; with `listed`, the index's entry for the quiz it should hold.
pub fn read_quiz(pack: &'static [u8], listed: Option<&Entry>) -> Result<Quiz, PackError> {
    let mut r = open(pack, QUIZ)?;
    let quiz = r.quiz()?;
    r.end()?;
    if listed.is_some_and(|e| e.id != quiz.id || Some(e.hash) != hash(pack)) {
        return Err(PackError::NotInIndex);
    }
    Ok(quiz)
}

/// Checks the header and the hash and splits the body.
fn open(pack: &'static [u8], kind: u8) -> Result<Reader, PackError> {
    if pack.len() < MAGIC.len() || &pack[..MAGIC.len()] != MAGIC {
        return Err(PackError::Foreign);
    }
    let header = pack.get(..HEADER).ok_or(PackError::Damaged)?;
    if header[8] > FORMAT {
        return Err(PackError::Newer { format: header[8] });
    }
    if header[8] != FORMAT {
        return Err(PackError::Foreign);
    }
    if header[9] != kind {
        return Err(if header[9] == INDEX || header[9] == QUIZ { PackError::WrongKind } else { PackError::Damaged });
    }
    let body = &pack[HEADER..];
    if Some(fnv1a(body)) != hash(pack) {
        return Err(PackError::Damaged);
    }
    let shape_len = u32::from_le_bytes([header[14], header[15], header[16], header[17]]) as usize;
    if shape_len > body.len() {
        return Err(PackError::Damaged);
    }
    let (shape, text) = body.split_at(shape_len);
    let text = std::str::from_utf8(text).map_err(|_| PackError::Damaged)?;
    Ok(Reader { text, shape })
}

pub(crate) type Read<T> = Result<T, PackError>;

/// `check(condition)?`: a pack that breaks what the engine relies on is damaged.
pub(crate) fn check(ok: bool) -> Read<()> {
    if ok {
        Ok(())
    } else {
        Err(PackError::Damaged)
    }
}

pub(crate) struct Reader {
    text: &'static str,
    shape: &'static [u8],
}

impl Reader {
    fn end(&self) -> Read<()> {
        check(self.shape.is_empty() && self.text.is_empty())
    }

    pub(crate) fn byte(&mut self) -> Read<u8> {
        let (first, rest) = self.shape.split_first().ok_or(PackError::Damaged)?;
        self.shape = rest;
        Ok(*first)
    }

    pub(crate) fn flag(&mut self) -> Read<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(PackError::Damaged),
        }
    }

    pub(crate) fn count(&mut self) -> Read<usize> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = self.byte()?;
            // Four groups of seven bits hold any count a pack can have (texts under 256 MiB).
            check(shift <= 21)?;
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
        }
    }

    pub(crate) fn text(&mut self) -> Read<Text> {
        let n = self.count()?;
        check(n <= self.text.len() && self.text.is_char_boundary(n))?;
        let (head, rest) = self.text.split_at(n);
        self.text = rest;
        Ok(Cow::Borrowed(head))
    }

    /// A counted list; every item takes at least one shape byte, so a count larger than
    /// what is left is damage (and never a huge allocation).
    pub(crate) fn list<T: Clone>(&mut self, item: fn(&mut Reader) -> Read<T>) -> Read<List<T>> {
        let n = self.count()?;
        check(n <= self.shape.len())?;
        let items = (0..n).map(|_| item(self)).collect::<Read<Vec<T>>>()?;
        Ok(Cow::Owned(items))
    }

    fn entry(&mut self) -> Read<Entry> {
        let (id, title, lang) = (self.text()?, self.text()?, self.text()?);
        let pass_mark = self.byte()?;
        let questions = self.count()?;
        let hash = u32::from_le_bytes([self.byte()?, self.byte()?, self.byte()?, self.byte()?]);
        Ok(Entry { id, title, lang, pass_mark, questions, hash })
    }

    fn quiz(&mut self) -> Read<Quiz> {
        let (id, title, lang, intro) = (self.text()?, self.text()?, self.text()?, self.text()?);
        let pass_mark = self.byte()?;
        let draw = self.count()?.checked_sub(1).map(u16::try_from).transpose().map_err(|_| PackError::Damaged)?;
        let draw_per_section = self.flag()?;
        let (tries, try_penalty, hint_penalty) = (self.byte()?, self.byte()?, self.byte()?);
        let questions = self.list(Reader::question)?;
        check(!id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))?;
        check(pass_mark <= 100 && (1..=MAX_TRIES).contains(&tries) && try_penalty <= 100 && hint_penalty <= 100)?;
        check(!questions.is_empty() && questions.len() <= usize::from(u16::MAX))?;
        check(draw.is_none_or(|d| d >= 1 && usize::from(d) <= questions.len()) && (!draw_per_section || draw.is_some()))?;
        Ok(Quiz { id, title, lang, intro, pass_mark, draw, draw_per_section, tries, try_penalty, hint_penalty, questions })
    }

    fn question(&mut self) -> Read<Question> {
        let (id, text, explanation) = (self.text()?, self.text()?, self.text()?);
        let hints = self.list(Reader::text)?;
        check(hints.len() <= MAX_HINTS)?;
        let topic = u16::try_from(self.count()?).map_err(|_| PackError::Damaged)?;
        let media = crate::media::read(self)?;
        let tag = self.byte()?;
        let kind = Kind::read_body(tag, self)?;
        let source = Source { seed: Cow::Borrowed(""), section: Cow::Borrowed("") };
        Ok(Question { id, text, kind, explanation, hints, source, topic, media })
    }

    /// A list of options, items or pairs: 2 to `MAX_CHOICES` (answers keep indices as bytes).
    pub(crate) fn sized<T: Clone>(&mut self, item: fn(&mut Reader) -> Read<T>) -> Read<List<T>> {
        let list = self.list(item)?;
        check((2..=MAX_CHOICES).contains(&list.len()))?;
        Ok(list)
    }

    /// Options with `right` correct ones (exactly), or at least one when `None`.
    pub(crate) fn choices(&mut self, right: Option<usize>) -> Read<List<Choice>> {
        let options = self.sized(|r| Ok(Choice { correct: r.flag()?, text: r.text()?, feedback: r.text()? }))?;
        let correct = options.iter().filter(|o| o.correct).count();
        check(right.map_or(correct >= 1, |n| correct == n))?;
        Ok(options)
    }

    pub(crate) fn speaker(&mut self) -> Read<Speaker> {
        match self.byte()? {
            CUSTOMER => Ok(Speaker::Customer),
            COLLEAGUE => Ok(Speaker::Colleague),
            NAMED => Ok(Speaker::Named(self.text()?)),
            _ => Err(PackError::Damaged),
        }
    }
}
