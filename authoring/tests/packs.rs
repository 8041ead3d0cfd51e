//! Course packs (`tere_engine::packed`) as the player meets them: the real course's
//! packs read back to the course; a pack cut short, with a bit flipped, from a newer
//! Tere, of the wrong kind, from another publication or not a pack at all is refused
//! with the right `PackError`; and a pack with a correct header whose structure lies
//! about what the engine relies on is refused as `Damaged`, never played.

use std::path::Path;

use tere_authoring::load_course;
use tere_authoring::packed::{pack, Packs};
use tere_engine::kind::{MATCHING, MULTIPLE, ORDERING, SCENARIO, SINGLE, TRUE_FALSE};
use tere_engine::media::MAX_SIDE;
use tere_engine::packed::{self, push_count, read_index, read_quiz, seal, Entry, PackError, FORMAT, INDEX, MAGIC, NAMED, QUIZ};
use tere_engine::{Course, Media, Quiz, Shown, Source, MAX_CHOICES, MAX_HINTS, MAX_TRIES};

/// The header's length: magic, format, kind, hash (4), shape length (4).
const HEADER: usize = MAGIC.len() + 1 + 1 + 4 + 4;
const FORMAT_AT: usize = 8;
const KIND_AT: usize = 9;

/// The folders whose courses are packed: the real one and the hostile one (markup,
/// multi-byte text, odd lengths).
const FOLDERS: [&str; 2] = ["../questions", "../tests/hostile-content"];

/// The readers borrow for the page's life, as the player does; a test leaks what it reads.
fn keep(bytes: &[u8]) -> &'static [u8] {
    bytes.to_vec().leak()
}

fn course(folder: &str) -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    load_course(&dir).unwrap_or_else(|e| panic!("{folder}: {e:?}")).course
}

/// The course as the player sees it: `source` is authoring metadata and is not packed.
fn without_sources(mut course: Course) -> Course {
    for q in course.quizzes.to_mut().iter_mut().flat_map(|quiz| quiz.questions.to_mut().iter_mut()) {
        q.source = Source { seed: "".into(), section: "".into() };
    }
    course
}

/// The quiz packs of a packed course (every file but the index), with their names.
fn quiz_packs(packs: &Packs) -> impl Iterator<Item = &(String, Vec<u8>)> {
    packs.files.iter().filter(|(name, _)| name != packed::INDEX_FILE)
}

/// (a) Every pack reads back to what was packed, and each quiz's pack, read on its own
/// under its index entry, is that quiz.
#[test]
fn every_real_pack_round_trips() {
    for folder in FOLDERS {
        let course = course(folder);
        let packs = pack(&course);
        assert_eq!(packs.files.len(), course.quizzes.len() + 1, "{folder}: an index and one pack a quiz");
        assert_eq!(packs.files[0].0, packed::INDEX_FILE);
        let expected = without_sources(course);
        assert_eq!(packs.read().as_ref(), Ok(&expected), "{folder}");
        let index = read_index(keep(packs.index())).expect("the index reads");
        assert_eq!((&index.title, &index.lang), (&expected.title, &expected.lang), "{folder}");
        assert_eq!(index.quizzes.len(), expected.quizzes.len(), "{folder}");
        for (entry, quiz) in index.quizzes.iter().zip(expected.quizzes.iter()) {
            let bytes = packs.quiz(&quiz.id).unwrap_or_else(|| panic!("{folder}: no pack for {}", quiz.id));
            assert_eq!((&entry.id, &entry.title, &entry.lang), (&quiz.id, &quiz.title, &quiz.lang), "{folder}");
            assert_eq!((entry.pass_mark, entry.questions), (quiz.pass_mark, quiz.questions.len()), "{folder}: {}", quiz.id);
            assert_eq!(Some(entry.hash), packed::hash(bytes), "{folder}: the index lists the pack's own hash");
            assert_eq!(read_quiz(keep(bytes), Some(entry)).as_ref(), Ok(quiz), "{folder}: {}", quiz.id);
            assert_eq!(read_quiz(keep(bytes), None).as_ref(), Ok(quiz), "{folder}: {}", quiz.id);
        }
        // Packing what was read writes the same bytes: the writer is deterministic and
        // loses nothing the reader gives back.
        assert_eq!(pack(&expected), packs, "{folder}");
    }
}

/// The smallest quiz pack of each course (a whole pack is read once per length or flip).
fn smallest_quiz_packs() -> Vec<(String, Vec<u8>, Entry)> {
    FOLDERS
        .iter()
        .map(|folder| {
            let packs = pack(&course(folder));
            let index = read_index(keep(packs.index())).expect("the index reads");
            let (name, bytes) = quiz_packs(&packs).min_by_key(|(_, bytes)| bytes.len()).expect("a quiz").clone();
            let entry = index.quizzes.iter().find(|e| packed::quiz_file(&e.id) == name).expect("listed").clone();
            assert!(read_quiz(keep(&bytes), Some(&entry)).is_ok(), "{name}: the intact pack reads");
            (format!("{folder}/{name}"), bytes, entry)
        })
        .collect()
}

/// What a pack cut to `len` bytes must give: without the whole magic it is nobody's
/// pack; with it, it is one of ours cut short.
fn cut_error(len: usize) -> PackError {
    if len < MAGIC.len() {
        PackError::Foreign
    } else {
        PackError::Damaged
    }
}

/// (b) A pack cut short anywhere is refused, as foreign before the magic ends and as
/// damaged after: never read as a shorter quiz, never a panic.
#[test]
fn every_truncation_is_refused() {
    for (name, bytes, entry) in smallest_quiz_packs() {
        for len in 0..bytes.len() {
            let cut = keep(&bytes[..len]);
            assert_eq!(read_quiz(cut, None).err(), Some(cut_error(len)), "{name} cut to {len} bytes");
            assert_eq!(read_quiz(cut, Some(&entry)).err(), Some(cut_error(len)), "{name} cut to {len} bytes, listed");
        }
    }
    for folder in FOLDERS {
        let packs = pack(&course(folder));
        let index = packs.index();
        for len in 0..index.len() {
            assert_eq!(read_index(keep(&index[..len])).err(), Some(cut_error(len)), "{folder} index cut to {len} bytes");
        }
    }
}

/// What flipping bit `bit` of header byte `at` of a quiz pack must give.
fn header_flip_error(at: usize, flipped: u8) -> PackError {
    match at {
        _ if at < MAGIC.len() => PackError::Foreign,
        FORMAT_AT if flipped > FORMAT => PackError::Newer { format: flipped },
        // An older format than any this player knows is not one of its packs.
        FORMAT_AT => PackError::Foreign,
        // `Q` and `C` differ in two bits, so one flip never makes the other kind.
        KIND_AT => PackError::Damaged,
        // The hash no longer matches, or the shape/text split no longer parses.
        _ => PackError::Damaged,
    }
}

/// (b) Every single-bit flip of the header, and of 200 bytes spread over the body,
/// is refused with the error its place calls for: FNV-1a changes with any one-bit
/// change of the body, and a moved shape/text split breaks the grammar.
#[test]
fn every_single_bit_flip_is_refused() {
    for (name, bytes, entry) in smallest_quiz_packs() {
        assert!(bytes.len() > HEADER + 200, "{name} is long enough to spread 200 flips");
        for at in 0..HEADER {
            for bit in 0..8 {
                let mut flipped = bytes.clone();
                flipped[at] ^= 1 << bit;
                let expected = header_flip_error(at, flipped[at]);
                assert_eq!(read_quiz(keep(&flipped), None).err(), Some(expected), "{name}: header byte {at}, bit {bit}");
                assert_eq!(read_quiz(keep(&flipped), Some(&entry)).err(), Some(expected), "{name}: header byte {at}, bit {bit}, listed");
            }
        }
        let body = bytes.len() - HEADER;
        for k in 0..200 {
            // From the first body byte to the last, evenly: shape and text both get hit.
            let at = HEADER + k * (body - 1) / 199;
            for bit in 0..8 {
                let mut flipped = bytes.clone();
                flipped[at] ^= 1 << bit;
                assert_eq!(read_quiz(keep(&flipped), Some(&entry)).err(), Some(PackError::Damaged), "{name}: body byte {at}, bit {bit}");
            }
        }
    }
}

/// (c) A pack from a newer Tere says so (the player can ask for an update), rather
/// than "damaged"; the hash covers only the body, so the header's format byte is
/// all that changes.
#[test]
fn a_newer_format_is_refused_as_newer() {
    let packs = pack(&course(FOLDERS[0]));
    let newer = FORMAT + 1;
    let mut index = packs.index().to_vec();
    index[FORMAT_AT] = newer;
    assert_eq!(read_index(keep(&index)), Err(PackError::Newer { format: newer }));
    for (name, bytes) in quiz_packs(&packs) {
        let mut quiz = bytes.clone();
        quiz[FORMAT_AT] = newer;
        assert_eq!(read_quiz(keep(&quiz), None), Err(PackError::Newer { format: newer }), "{name}");
        quiz[FORMAT_AT] = u8::MAX;
        assert_eq!(read_quiz(keep(&quiz), None), Err(PackError::Newer { format: u8::MAX }), "{name}");
    }
}

/// (c) What a server sends instead of a pack (an error page, nothing) is foreign.
#[test]
fn a_non_pack_is_foreign() {
    let page = b"<!doctype html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n";
    for bytes in [&page[..], b"", b"TERE", b"terepack\x01Q\0\0\0\0\0\0\0\0", b"{\"error\": \"not found\"}"] {
        assert_eq!(read_index(keep(bytes)), Err(PackError::Foreign), "{:?}", String::from_utf8_lossy(bytes));
        assert_eq!(read_quiz(keep(bytes), None), Err(PackError::Foreign), "{:?}", String::from_utf8_lossy(bytes));
    }
}

/// (c) An index where a quiz is expected, and the reverse, is the wrong kind.
#[test]
fn a_pack_of_the_other_kind_is_the_wrong_kind() {
    let packs = pack(&course(FOLDERS[0]));
    assert_eq!(read_quiz(keep(packs.index()), None), Err(PackError::WrongKind));
    let entry = read_index(keep(packs.index())).expect("the index reads").quizzes[0].clone();
    assert_eq!(read_quiz(keep(packs.index()), Some(&entry)), Err(PackError::WrongKind));
    for (name, bytes) in quiz_packs(&packs) {
        assert_eq!(read_index(keep(bytes)), Err(PackError::WrongKind), "{name}");
    }
    // A kind byte that is neither is damage, not another kind.
    let mut odd = packs.index().to_vec();
    odd[KIND_AT] = b'X';
    assert_eq!(read_index(keep(&odd)), Err(PackError::Damaged));
}

/// (c) A quiz pack that its index does not list (another publication's, or another
/// quiz's) is refused: an intact pack of the wrong hash or id is a mix of two courses.
#[test]
fn a_quiz_pack_the_index_does_not_list_is_refused() {
    let packs = pack(&course(FOLDERS[0]));
    let index = read_index(keep(packs.index())).expect("the index reads");
    assert!(index.quizzes.len() >= 2, "two quizzes to mix up");
    for entry in &index.quizzes {
        let bytes = keep(packs.quiz(&entry.id).expect("a pack a quiz"));
        assert!(read_quiz(bytes, Some(entry)).is_ok(), "{}", entry.id);
        // The same quiz from another publication: its id matches, its hash does not.
        let republished = Entry { hash: entry.hash ^ 1, ..entry.clone() };
        assert_eq!(read_quiz(bytes, Some(&republished)), Err(PackError::NotInIndex), "{}", entry.id);
        // Another quiz's entry, hash and all.
        let other = index.quizzes.iter().find(|e| e.id != entry.id).expect("another quiz");
        assert_eq!(read_quiz(bytes, Some(other)), Err(PackError::NotInIndex), "{} under {}", entry.id, other.id);
        // Another quiz's id under this pack's own hash.
        let renamed = Entry { id: other.id.clone(), ..entry.clone() };
        assert_eq!(read_quiz(bytes, Some(&renamed)), Err(PackError::NotInIndex), "{} named {}", entry.id, other.id);
    }
}

/// A pack's shape and text written by hand, to say what the writer never would.
#[derive(Clone, Default)]
struct Hand {
    shape: Vec<u8>,
    text: String,
}

impl Hand {
    /// A count (`n`).
    fn n(mut self, n: usize) -> Self {
        push_count(&mut self.shape, n);
        self
    }

    /// A byte (`u8`).
    fn b(mut self, b: u8) -> Self {
        self.shape.push(b);
        self
    }

    /// A text (`t`): its length, then its bytes in the text part.
    fn t(self, text: &str) -> Self {
        let mut hand = self.n(text.len());
        hand.text.push_str(text);
        hand
    }

    /// The quiz's fields before its questions (`tries` and the question count as given).
    fn quiz(self, tries: u8, questions: usize) -> Self {
        self.t("q").t("Quiz").t("et").t("Intro").b(80).n(0).b(0).b(tries).b(0).b(0).n(questions)
    }

    /// A question's fields before its kind: id, text, explanation, no hints, topic 0, no media.
    fn question(self, id: &str) -> Self {
        self.t(id).t("Question?").t("Because.").n(0).n(0).b(0)
    }

    /// A choice list: one option a flag.
    fn choices(self, correct: &[bool]) -> Self {
        correct.iter().fold(self.n(correct.len()), |hand, &c| hand.b(u8::from(c)).t("Option").t("Feedback"))
    }

    fn single(self, id: &str, correct: &[bool]) -> Self {
        self.question(id).b(SINGLE).choices(correct)
    }

    /// A quiz pack with a correct header: only its structure can be wrong.
    fn sealed(&self) -> &'static [u8] {
        keep(&seal(QUIZ, &self.shape, &self.text))
    }

    fn read(&self) -> Result<Quiz, PackError> {
        read_quiz(self.sealed(), None)
    }
}

/// A one-question quiz whose question's kind and body are `body`'s (after the
/// question's common fields).
fn one_question(body: impl FnOnce(Hand) -> Hand) -> Hand {
    body(Hand::default().quiz(1, 1).question("a"))
}

/// Asserts the honest pack reads and the lying one is damaged: the lie, not a slip of
/// the hand-written pack, is what is refused.
fn assert_lie(what: &str, honest: &Hand, lie: &Hand) {
    if let Err(e) = honest.read() {
        panic!("{what}: the honest pack does not read: {e:?}");
    }
    assert_eq!(lie.read().err(), Some(PackError::Damaged), "{what}");
}

/// (d) A re-sealed pack (right header, right hash) whose structure breaks what the
/// engine relies on is damaged: each lie next to the honest pack it was made from.
#[test]
fn a_resealed_structural_lie_is_damaged() {
    let single = |correct: &[bool]| Hand::default().quiz(1, 1).single("a", correct);
    assert_lie("a single-choice question with two correct options", &single(&[true, false]), &single(&[true, true]));
    assert_lie("a single-choice question with no correct option", &single(&[true, false]), &single(&[false, false]));
    assert_lie("an option count of 1", &single(&[true, false]), &single(&[true]));
    assert_lie("an option count of 0", &single(&[true, false]), &single(&[]));
    let mut most = vec![false; MAX_CHOICES];
    most[0] = true;
    let mut too_many = vec![false; MAX_CHOICES + 1];
    too_many[0] = true;
    assert_lie("more options than answers can index", &single(&most), &single(&too_many));
    assert_lie(
        "a multiple-response question with no correct option",
        &one_question(|h| h.b(MULTIPLE).choices(&[true, false])),
        &one_question(|h| h.b(MULTIPLE).choices(&[false, false])),
    );
    assert_lie(
        "a scenario with two right replies",
        &one_question(|h| h.b(SCENARIO).b(NAMED).t("Boss").t("Line").choices(&[false, true])),
        &one_question(|h| h.b(SCENARIO).b(NAMED).t("Boss").t("Line").choices(&[true, true])),
    );
    assert_lie(
        "a speaker tag past the last",
        &one_question(|h| h.b(SCENARIO).b(NAMED).t("Boss").t("Line").choices(&[false, true])),
        &one_question(|h| h.b(SCENARIO).b(NAMED + 1).t("Boss").t("Line").choices(&[false, true])),
    );
    assert_lie(
        "a true/false answer that is neither",
        &one_question(|h| h.b(TRUE_FALSE).b(1).t("T").t("F")),
        &one_question(|h| h.b(TRUE_FALSE).b(2).t("T").t("F")),
    );
    assert_lie("an ordering of one item", &one_question(|h| h.b(ORDERING).n(2).t("1").t("2")), &one_question(|h| h.b(ORDERING).n(1).t("1")));
    assert_lie(
        "a matching of one pair",
        &one_question(|h| h.b(MATCHING).n(2).t("a").t("1").t("b").t("2")),
        &one_question(|h| h.b(MATCHING).n(1).t("a").t("1")),
    );
    assert_lie("a question kind past the last", &one_question(|h| h.b(TRUE_FALSE).b(0).t("T").t("F")), &one_question(|h| h.b(7).b(0).t("T").t("F")));

    let quiz = |tries: u8, questions: usize| (0..questions).fold(Hand::default().quiz(tries, questions), |h, i| h.single(&format!("q{i}"), &[true, false]));
    assert_lie("0 questions", &quiz(1, 1), &quiz(1, 0));
    assert_lie("tries = 0", &quiz(1, 1), &quiz(0, 1));
    assert_lie("more tries than resume can keep", &quiz(MAX_TRIES, 1), &quiz(MAX_TRIES + 1, 1));

    // Counts larger than what is left: the list would read past the end (and a huge
    // count must be refused before it allocates).
    let counted = |count: usize| (0..2).fold(Hand::default().quiz(1, count), |h, i| h.single(&format!("q{i}"), &[true, false]));
    assert_lie("one question more than there are", &counted(2), &counted(3));
    assert_lie("a question count larger than the remaining bytes", &counted(2), &counted(1000));
    assert_lie("a huge question count", &quiz(1, 1), &(Hand::default().quiz(1, usize::MAX >> 40).single("a", &[true, false])));
    assert_lie(
        "a hint count larger than the remaining bytes",
        &one_question(|h| h.b(TRUE_FALSE).b(0).t("T").t("F")),
        &Hand::default().quiz(1, 1).t("a").t("Q").t("E").n(1_000_000).t("Hint").n(0).b(0).b(TRUE_FALSE).b(0).t("T").t("F"),
    );
    let hints = |n: usize| (0..n).fold(Hand::default().quiz(1, 1).t("a").t("Q").t("E").n(n), |h, _| h.t("Hint")).n(0).b(0).b(TRUE_FALSE).b(0).t("T").t("F");
    assert_lie("more hints than resume can count", &hints(MAX_HINTS), &hints(MAX_HINTS + 1));
    let mut long = one_question(|h| h.b(TRUE_FALSE).b(0).t("T").t("F"));
    let honest = long.clone();
    long.shape.pop();
    long = long.n(100);
    assert_lie("a text length larger than the text left", &honest, &long);
    // A count in more groups than any count a pack can have (and than `usize` on wasm32 holds).
    let mut overlong = honest.clone();
    let at = Hand::default().t("q").t("Quiz").t("et").t("Intro").b(80).shape.len();
    overlong.shape.splice(at..at + 1, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]);
    assert_lie("a count of six LEB128 groups", &honest, &overlong);

    // "Ä" is two bytes: a length of 1 ends inside it.
    let titled = |length: usize| {
        Hand { shape: Hand::default().t("q").n(length).shape, text: "qÄ".into() }
            .t("et")
            .t("Intro")
            .b(80)
            .n(0)
            .b(0)
            .b(1)
            .b(0)
            .b(0)
            .n(1)
            .single("a", &[true, false])
    };
    // The honest one says 2 and reads; the lie says 1 and leaves "\u{84}" (not a character) for the rest.
    assert_lie("a text length splitting a UTF-8 character", &titled(2), &{
        let mut lie = titled(1);
        // Keep every later length in step: the lang text takes the byte the title lost.
        let lang_at = Hand::default().t("q").n(1).shape.len();
        lie.shape[lang_at] += 1;
        lie
    });

    // What the engine needs of a quiz's settings.
    let settings = |pass_mark: u8, draw: usize, per_section: u8| {
        (0..2).fold(Hand::default().t("q").t("Quiz").t("et").t("Intro").b(pass_mark).n(draw).b(per_section).b(1).b(0).b(0).n(2), |h, i| {
            h.single(&format!("q{i}"), &[true, false])
        })
    };
    assert_lie("a pass mark over 100", &settings(100, 0, 0), &settings(101, 0, 0));
    assert_lie("a draw of more questions than the pool", &settings(80, 3, 0), &settings(80, 4, 0));
    assert_lie("a draw of no questions", &settings(80, 2, 0), &settings(80, 1, 0));
    assert_lie("a balanced draw without a draw", &settings(80, 2, 1), &settings(80, 0, 1));
    assert_lie("a flag that is neither", &settings(80, 2, 1), &settings(80, 2, 2));
    let id = |id: &str| Hand::default().t(id).t("Quiz").t("et").t("Intro").b(80).n(0).b(0).b(1).b(0).b(0).n(1).single("a", &[true, false]);
    assert_lie("a quiz id resume and file names cannot carry", &id("stage_1"), &id("stage.1"));
    assert_lie("an empty quiz id", &id("q"), &id(""));

    // Bytes after the quiz: the writer never leaves any, so they are damage.
    let mut trailing = honest.clone();
    trailing.shape.push(0);
    assert_lie("a shape byte after the quiz", &honest, &trailing);
    let mut trailing = honest.clone();
    trailing.text.push('x');
    assert_lie("a text byte after the quiz", &honest, &trailing);
}

/// A one-question quiz whose question carries `media` (its grammar written by hand).
fn with_media(media: impl FnOnce(Hand) -> Hand) -> Hand {
    media(Hand::default().quiz(1, 1).t("a").t("Question?").t("Because.").n(0).n(0)).b(TRUE_FALSE).b(0).t("T").t("F")
}

/// A picture's `media`: file, width, height, decorative, alt.
fn picture<'a>(file: &'a str, width: usize, height: usize, decorative: u8, alt: &'a str) -> impl FnOnce(Hand) -> Hand + 'a {
    move |h| h.b(1).t(file).n(width).n(height).b(decorative).t(alt)
}

/// A sound's `media`: file, transcript.
fn sound<'a>(file: &'a str, transcript: &'a str) -> impl FnOnce(Hand) -> Hand + 'a {
    move |h| h.b(2).t(file).t(transcript)
}

const SVG: &str = "0123456789abcdef.svg";
const MP3: &str = "fedcba9876543210.mp3";

/// (d) A media reference reads as written, and one that names anything but a packed
/// file of its family beside the packs, or a picture without its size or text, or a
/// sound without its words, is damaged.
#[test]
fn a_damaged_media_reference_is_damaged() {
    let read = |hand: Hand| hand.read().expect("the honest pack reads").questions[0].media.clone();
    let alt = Shown::Image { width: 640, height: 480, alt: Some("A counter".into()) };
    assert_eq!(read(with_media(picture(SVG, 640, 480, 0, "A counter"))), Some(Media { file: SVG.into(), shown: alt }));
    let decorative = Shown::Image { width: 1, height: MAX_SIDE, alt: None };
    assert_eq!(read(with_media(picture(SVG, 1, usize::from(MAX_SIDE), 1, ""))), Some(Media { file: SVG.into(), shown: decorative }));
    assert_eq!(read(with_media(sound(MP3, "Hello?"))), Some(Media { file: MP3.into(), shown: Shown::Sound { transcript: "Hello?".into() } }));
    assert_eq!(read(with_media(|h| h.b(0))), None);

    let honest = with_media(picture(SVG, 640, 480, 0, "A counter"));
    let lies: [(&str, Hand); 14] = [
        ("a name that is not hex", with_media(picture("0123456789abcdeg.svg", 640, 480, 0, "A counter"))),
        ("a name in upper case", with_media(picture("0123456789ABCDEF.svg", 640, 480, 0, "A counter"))),
        ("a name of 15 hex digits", with_media(picture("0123456789abcde.svg", 640, 480, 0, "A counter"))),
        ("a name with a folder", with_media(picture("../0123456789abcdef.svg", 640, 480, 0, "A counter"))),
        ("a sound's extension on a picture", with_media(picture("0123456789abcdef.mp3", 640, 480, 0, "A counter"))),
        ("an extension that is no packed one", with_media(picture("0123456789abcdef.gif", 640, 480, 0, "A counter"))),
        ("a width of 0", with_media(picture(SVG, 0, 480, 0, "A counter"))),
        ("a height past the longest side", with_media(picture(SVG, 640, usize::from(MAX_SIDE) + 1, 0, "A counter"))),
        ("an empty alt on a picture that is not decorative", with_media(picture(SVG, 640, 480, 0, ""))),
        ("a blank alt on a picture that is not decorative", with_media(picture(SVG, 640, 480, 0, "  "))),
        ("an alt on a decorative picture", with_media(picture(SVG, 640, 480, 1, "A counter"))),
        ("a decorative flag that is neither", with_media(picture(SVG, 640, 480, 2, "A counter"))),
        ("a picture's extension on a sound", with_media(sound("fedcba9876543210.png", "Hello?"))),
        ("a media tag past the last", with_media(|h| h.b(3).t(MP3).t("Hello?"))),
    ];
    for (what, lie) in lies {
        assert_lie(what, &honest, &lie);
    }
    assert_lie("an empty transcript", &with_media(sound(MP3, "Hello?")), &with_media(sound(MP3, "")));
}

/// A hand-written index is read as written, so the hand-written quizzes above are in
/// the grammar the writer uses (not refused for a mistake of the test's own).
#[test]
fn hand_written_packs_follow_the_writer() {
    let hand = Hand::default().quiz(2, 1).single("a", &[false, true]);
    let quiz = hand.read().expect("the hand-written quiz reads");
    assert_eq!((quiz.id.as_ref(), quiz.tries, quiz.questions.len()), ("q", 2, 1));
    assert_eq!(tere_authoring::packed::pack_quiz(&quiz), hand.sealed(), "the writer writes the hand-written pack byte for byte");
    let index = Hand::default().t("Course").t("et").n(1).t("q").t("Quiz").t("et").b(80).n(1).b(1).b(2).b(3).b(4);
    let read = read_index(keep(&seal(INDEX, &index.shape, &index.text))).expect("the hand-written index reads");
    assert_eq!(read.quizzes[0].hash, 0x0403_0201);
    let lie = index.clone().b(0);
    assert_eq!(read_index(keep(&seal(INDEX, &lie.shape, &lie.text))), Err(PackError::Damaged), "a byte after the index");
    for hand in [with_media(picture(SVG, 640, 480, 0, "A counter")), with_media(picture(SVG, 2, 3, 1, "")), with_media(sound(MP3, "Hello?"))] {
        let quiz = hand.read().expect("the hand-written quiz with media reads");
        assert_eq!(tere_authoring::packed::pack_quiz(&quiz), hand.sealed(), "the writer writes media as written by hand");
    }
}
