//! Any bytes as a course pack: `read_index` and `read_quiz` refuse them or give a
//! quiz, and any quiz that reads is played through the engine (a session, its
//! events, resume text, stored progress, SCO writes) without a panic. The player
//! fetches packs over the network, so a pack that reads must be a pack that plays.
//!
//! The header's hash rejects almost every mutated input, which would leave the
//! structural reader behind it unexplored. So each input is also re-sealed with a
//! correct header: a pack-looking input keeps its own shape/text split, anything
//! else is split where its first byte says.

#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use tere_authoring::packed::pack_quiz;
use tere_engine::cmi::Version;
use tere_engine::packed::{self, read_index, read_quiz, seal, Entry, INDEX, MAGIC, QUIZ};
use tere_engine::sco::{self, Scope};
use tere_engine::{messages, progress, report, resume, Action, Answer, Attempt, Course, Kind, Quiz, Session, MAX_TRIES};

/// The header's length: magic, format, kind, hash, shape length.
const HEADER: usize = MAGIC.len() + 1 + 1 + 4 + 4;
/// Most actions one input plays (each clones the session; more adds time, not reach).
const MAX_ACTIONS: usize = 64;

/// Bytes that live as long as the reader's `'static` borrow needs, then are freed.
/// The readers and `Session` want `'static` data (the player keeps packs for the
/// page's life); leaking every input would exhaust memory over a million runs.
struct Kept<T: ?Sized + 'static> {
    raw: *mut T,
}

impl<T: ?Sized> Kept<T> {
    fn new(value: Box<T>) -> Self {
        Kept { raw: Box::into_raw(value) }
    }

    /// The kept value. Sound only because every borrow taken here is dropped before
    /// the `Kept` is (see `fuzz_target!`: nothing is stored anywhere that outlives a run).
    fn get(&self) -> &'static T {
        unsafe { &*self.raw }
    }
}

impl<T: ?Sized> Drop for Kept<T> {
    fn drop(&mut self) {
        drop(unsafe { Box::from_raw(self.raw) });
    }
}

/// The input with a correct header: its own split and kind when it looks like a pack
/// (so mutations of the real seed packs reach the structure), else split at the
/// ratio of its first byte. Text that is not UTF-8 is made so (the reader refuses it
/// otherwise, which is already covered by the raw input).
fn resealed(data: &[u8]) -> Vec<u8> {
    if data.len() >= HEADER && data.starts_with(MAGIC) {
        let body = &data[HEADER..];
        let shape_len = (u32::from_le_bytes([data[14], data[15], data[16], data[17]]) as usize).min(body.len());
        let (shape, text) = body.split_at(shape_len);
        let kind = if data[9] == INDEX { INDEX } else { QUIZ };
        return seal(kind, shape, &String::from_utf8_lossy(text));
    }
    let Some((&ratio, rest)) = data.split_first() else { return seal(QUIZ, &[], "") };
    let split = rest.len() * usize::from(ratio) / 255;
    let (shape, text) = rest.split_at(split);
    seal(QUIZ, shape, &String::from_utf8_lossy(text))
}

/// Reads `pack` both ways; a quiz that reads is checked and played.
fn read_and_play(pack: &'static [u8], script: &[u8]) {
    if let Ok(index) = read_index(pack) {
        // An index is never a quiz.
        assert!(read_quiz(pack, None).is_err());
        assert!(index.quizzes.len() <= pack.len());
    }
    let Ok(quiz) = read_quiz(pack, None) else { return };
    // Listed under its own id and hash, it reads the same; under another hash it is refused.
    let entry = Entry {
        id: quiz.id.clone(),
        title: quiz.title.clone(),
        lang: quiz.lang.clone(),
        pass_mark: quiz.pass_mark,
        questions: quiz.questions.len(),
        hash: packed::hash(pack).expect("a read pack has a header"),
    };
    assert_eq!(read_quiz(pack, Some(&entry)).as_ref(), Ok(&quiz));
    let stranger = Entry { hash: entry.hash.wrapping_add(1), ..entry.clone() };
    assert_eq!(read_quiz(pack, Some(&stranger)), Err(packed::PackError::NotInIndex));
    // The writer writes back what the reader read (not byte for byte: a count may have
    // been written in more LEB128 bytes than needed, which reads the same).
    let again = Kept::new(pack_quiz(&quiz).into_boxed_slice());
    assert_eq!(read_quiz(again.get(), None).as_ref(), Ok(&quiz), "a read quiz packs back differently");
    play(quiz, script);
}

/// Plays `quiz` as the player would: open, start, then actions the script's bytes pick.
fn play(quiz: Quiz, script: &[u8]) {
    let kept = Kept::new(Box::new(Course { title: Cow::Borrowed("fuzz"), lang: quiz.lang.clone(), quizzes: vec![quiz].into() }));
    let course: &'static Course = kept.get();
    let quiz = &course.quizzes[0];
    let _ = resume::worst_case_len(quiz);
    let mut s = Session::new(course);
    let seed = script.iter().fold(0u64, |h, &b| h.rotate_left(5) ^ u64::from(b));
    for action in [Action::Open(0), Action::Start { seed }] {
        s = step(&s, action);
    }
    for pair in script.chunks(2).take(MAX_ACTIONS) {
        let (op, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        s = match op % 20 {
            0 | 1 => step(&s, Action::Choose(arg % 34)),
            2 => step(&s, Action::Move { position: usize::from(arg % 34), up: arg & 0x80 != 0 }),
            3 => step(&s, Action::Match { pair: arg % 34, right: (arg & 0x80 == 0).then_some((arg >> 2) % 34) }),
            4 => step(&s, Action::Write(text(arg))),
            5 => step(&s, Action::Check),
            6 => step(&s, Action::Hint),
            7 => step(&s, Action::TryAgain),
            8 => step(&s, Action::Next),
            9 => step(&s, Action::Finish),
            10 => step(&s, Action::Retry { seed: seed ^ u64::from(arg) }),
            11 => step(&s, Action::Practise { seed: u64::from(arg) }),
            12 => step(&s, Action::EndPractice),
            13 => step(
                &s,
                match arg % 4 {
                    0 => Action::ShowMenu,
                    1 => Action::Open(0),
                    2 => Action::Open(usize::from(arg)),
                    _ => Action::ImposePassMark(Some(arg)),
                },
            ),
            14 => restore(&s),
            15..=17 => through(s, arg),
            // A whole attempt or practice round, so that a short script reaches the
            // summary, a retry (which avoids the last draw) and practice.
            _ => {
                let questions = on_screen(&s).map_or(0, |(_, a)| a.questions.len());
                for k in 0..questions {
                    s = through(s, arg.wrapping_add(k as u8));
                }
                s
            }
        };
    }
}

/// A reflection's text: empty, blank, with the characters resume escapes, or long.
fn text(arg: u8) -> String {
    match arg % 5 {
        0 => String::new(),
        1 => " \n\t".into(),
        2 => "Mõtlen ~ 100% ausalt. Teine lause".into(),
        3 => "%~".repeat(usize::from(arg)),
        _ => "ä".repeat(usize::from(arg) + 90),
    }
}

/// The quiz on screen and the attempt that takes the edits: a practice round on
/// screen, else the graded attempt.
fn on_screen(s: &Session) -> Option<(&'static Quiz, &Attempt)> {
    let (_, quiz) = s.quiz()?;
    Some((quiz, s.practice().or(s.attempt())?))
}

/// Gives the question on screen a checkable answer: the right one when `arg` is even
/// (so attempts pass and retries happen), else one `arg` picks (so practice happens).
fn answer(mut s: Session, arg: u8) -> Session {
    let Some((quiz, attempt)) = on_screen(&s) else { return s };
    let right = arg & 1 == 0;
    let pick = usize::from(arg >> 1);
    match &attempt.question(quiz).kind {
        Kind::Single { options } | Kind::Scenario { options, .. } => {
            let i = if right { options.iter().position(|o| o.correct).unwrap_or(0) } else { pick % options.len() };
            step(&s, Action::Choose(i as u8))
        }
        Kind::Multiple { options } => {
            for (i, o) in options.iter().enumerate() {
                if if right { o.correct } else { (pick >> (i % 7)) & 1 == 1 } {
                    s = step(&s, Action::Choose(i as u8));
                }
            }
            s
        }
        // Canonical index 0 is "true".
        Kind::TrueFalse { answer, .. } => step(&s, Action::Choose(if right { u8::from(!answer) } else { (pick % 2) as u8 })),
        Kind::Ordering { items } => {
            if !right {
                return step(&s, Action::Move { position: pick % items.len(), up: pick & 1 == 0 });
            }
            // Sorted one swap at a time, as a learner drags (bounded: a pack may have 32 items).
            for _ in 0..64 {
                let Some((_, Attempt { draft: Answer::Order(order), .. })) = on_screen(&s) else { break };
                let Some(position) = order.windows(2).position(|w| w[0] > w[1]) else { break };
                s = step(&s, Action::Move { position, up: false });
            }
            s
        }
        Kind::Matching { pairs } => {
            let n = pairs.len();
            for pair in 0..n {
                let to = if right { pair } else { (pair + pick) % n };
                s = step(&s, Action::Match { pair: pair as u8, right: Some(to as u8) });
            }
            s
        }
        Kind::Reflection => step(&s, Action::Write(if arg % 5 < 2 { "Mõtlen".into() } else { text(arg) })),
        // The best path, or replies `pick` chooses (some out of range), to the ending:
        // bounded, as a dialogue that reads ends within its cap.
        Kind::Dialogue(d) => {
            let best = d.best_path().0;
            for n in 0..=tere_engine::dialogue::MAX_DIALOGUE_STEPS + 1 {
                let reply = if right { best.get(n).copied().unwrap_or(0) } else { ((pick >> (n % 7)) % 5) as u8 };
                s = step(&s, Action::Choose(reply));
            }
            s
        }
    }
}

/// Answers the question on screen, with a hint first when `arg` says, checks it and
/// tries again while tries are left, then moves on or finishes.
fn through(mut s: Session, arg: u8) -> Session {
    if arg & 2 != 0 {
        s = step(&s, Action::Hint);
    }
    for t in 0..=MAX_TRIES {
        s = answer(s, arg.rotate_left(u32::from(t)));
        s = step(&s, Action::Check);
        match on_screen(&s) {
            Some((quiz, attempt)) if attempt.may_try_again(quiz) => s = step(&s, Action::TryAgain),
            _ => break,
        }
    }
    let next = step(&s, Action::Next);
    if next != s {
        return next;
    }
    step(&s, Action::Finish)
}

/// The attempt on screen as a host restores it: its resume text decoded.
fn restore(s: &Session) -> Session {
    let Some((i, quiz)) = s.quiz() else { return s.clone() };
    let Some(attempt) = s.attempt() else { return s.clone() };
    let Ok(back) = resume::decode(quiz, &resume::encode(quiz, attempt)) else { return s.clone() };
    step(s, Action::Restore { quiz: i, record: s.quizzes[i].record.clone(), attempt: Some(back) })
}

/// One action, and everything a host does with the state after it.
fn step(before: &Session, action: Action) -> Session {
    let after = before.reduce(action);
    // An action that changed nothing needs nothing redone: the state was checked when reached.
    if after == *before {
        return after;
    }
    let events = report::events(before, &after);
    // What a host sends for events (page messages, SCO writes, stored progress) is
    // only built when there are events, as the shell does.
    if !events.is_empty() {
        let _ = messages::for_events(&after, &events);
        for version in [Version::Scorm12, Version::Scorm2004] {
            for event in &events {
                match *event {
                    report::Event::Started { quiz } => {
                        let _ = sco::started(version, &after, Scope::Course, quiz);
                    }
                    report::Event::Answered { quiz, position } => {
                        let _ = sco::answered(version, &after, Scope::Stage(quiz), quiz, position, 100, 0);
                    }
                    report::Event::Completed { quiz } => {
                        let _ = (sco::completed(version, &after, Scope::Stage(quiz), quiz), sco::completed(version, &after, Scope::Course, quiz));
                    }
                    report::Event::Replied { quiz, position, step } => {
                        let _ = sco::replied(version, &after, Scope::Stage(quiz), quiz, position, step, 100, 0);
                    }
                    report::Event::Practised { .. } => {}
                }
            }
            let _ = sco::leaving(version, &after, Scope::Stage(0), 0);
        }
        let _ = (sco::stage_outcome(&after, 0), sco::course_outcome(&after));
        let stored = progress::encode_quiz(after.course, 0, &after.quizzes[0]);
        assert!(progress::decode_quiz(after.course, 0, &stored).is_some(), "our own stored progress `{stored}` is refused");
        let _ = progress::encode_course(&after, 4096);
    }
    if let Some((_, quiz)) = after.quiz() {
        if let Some(attempt) = after.attempt() {
            look_at(quiz, attempt);
            // Our own resume text is always taken back, to the same place.
            let saved = resume::encode(quiz, attempt);
            let back = resume::decode(quiz, &saved).unwrap_or_else(|e| panic!("our own `{saved}` is refused: {e:?}"));
            assert_eq!((back.seed, &back.questions, back.current, back.phase), (attempt.seed, &attempt.questions, attempt.current, attempt.phase), "{saved}");
        }
        if let Some(round) = after.practice() {
            look_at(quiz, round);
            // A practice round is not drawn from its seed, so its resume text need not
            // restore it; it must only not panic.
            let _ = resume::decode(quiz, &resume::encode(quiz, round));
        }
    }
    after
}

/// What the screens show of an attempt: the question on screen, its options' order,
/// the review's texts, the result.
fn look_at(quiz: &Quiz, attempt: &Attempt) {
    let question = attempt.question(quiz);
    let order = attempt.option_order(quiz);
    assert!(order.iter().all(|&i| i < question.kind.choice_count().max(2)));
    let _ = (attempt.can_check(quiz), attempt.may_hint(quiz), attempt.may_try_again(quiz), attempt.missed(quiz), attempt.shown_answer(quiz));
    let _ = (question.kind.given(&attempt.draft, &quiz.lang), question.kind.expected(&quiz.lang));
    for position in 0..attempt.questions.len() {
        if let Some(answer) = &attempt.answers[position] {
            let _ = (attempt.question_at(quiz, position).kind.given(answer, &quiz.lang), attempt.credit_at(quiz, position));
        }
    }
    let result = attempt.result(quiz, quiz.pass_mark);
    assert!(result.score <= 100);
}

fuzz_target!(|data: &[u8]| {
    // The script that plays a quiz: the input's last bytes, read backwards (a mutation
    // anywhere near the end changes the play, the pack's head stays readable).
    let script: Vec<u8> = data.iter().rev().take(2 * MAX_ACTIONS).copied().collect();
    let raw = Kept::new(data.to_vec().into_boxed_slice());
    read_and_play(raw.get(), &script);
    let sealed = Kept::new(resealed(data).into_boxed_slice());
    read_and_play(sealed.get(), &script);
});
