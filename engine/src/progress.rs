//! Stored progress: the texts a host keeps so that a learner's work survives a
//! reload, a relaunch or an LMS that would not listen.
//!
//! - One quiz: `<status>|<best>|<attempts>|<resume text>` (local storage, one key a quiz).
//! - A whole course in one SCO's suspend_data: `c1:` then one framed entry a quiz,
//!   `<quiz id>|<status>|<best>|<attempts>|<resume text>`, cut to the LMS's limit
//!   by dropping attempt texts (records always fit).
//! - Framing: `<length in base 36>:<text>`, so any text (a reflection holds anything)
//!   needs no escaping.

use crate::kind::REFLECTION_MAX;
use crate::resume;
use crate::session::{QuizState, Record, Session, Status};
use crate::Course;

const COURSE_MARK: &str = "c1:";

/// One quiz's record and attempt as one line of text, as local storage keeps it: a
/// reflection whole (up to `REFLECTION_MAX`), as the learner wrote it.
pub fn encode_quiz(course: &Course, quiz: usize, state: &QuizState) -> String {
    encode_quiz_keeping(course, quiz, state, REFLECTION_MAX)
}

/// `encode_quiz` with a reflection's first `keep` characters.
fn encode_quiz_keeping(course: &Course, quiz: usize, state: &QuizState, keep: usize) -> String {
    let q = &course.quizzes[quiz];
    let attempt = state.attempt.as_ref().map(|a| resume::encode_keeping(q, a, keep)).unwrap_or_default();
    format!("{}|{attempt}", encode_record(&state.record))
}

/// The inverse of `encode_quiz`; `None` when the text is damaged or belongs to another quiz.
pub fn decode_quiz(course: &Course, quiz: usize, text: &str) -> Option<QuizState> {
    let mut parts = text.splitn(4, '|');
    let record = decode_record(parts.next()?, parts.next()?, parts.next()?)?;
    let attempt = match parts.next()? {
        "" => None,
        text => Some(resume::decode(&course.quizzes[quiz], text).ok()?),
    };
    Some(QuizState { record, attempt })
}

pub(crate) fn encode_record(record: &Record) -> String {
    let status = match record.status {
        Status::NotStarted => 'n',
        Status::InProgress => 'i',
        Status::Passed => 'p',
        Status::Failed => 'f',
    };
    let best = record.best.map_or("-".to_string(), |b| b.to_string());
    format!("{status}|{best}|{}", record.attempts)
}

pub(crate) fn decode_record(status: &str, best: &str, attempts: &str) -> Option<Record> {
    let status = match status {
        "n" => Status::NotStarted,
        "i" => Status::InProgress,
        "p" => Status::Passed,
        "f" => Status::Failed,
        _ => return None,
    };
    let best = match best {
        "-" => None,
        b => Some(b.parse::<u8>().ok().filter(|b| *b <= 100)?),
    };
    Some(Record { status, best, attempts: attempts.parse().ok()? })
}

/// Every quiz the learner touched, within `limit` characters. When it does not fit,
/// attempt texts are left out, finished ones first, the quiz on screen last: those
/// attempts start afresh, but no record (status, best score) is ever left out.
pub fn encode_course(session: &Session, limit: usize) -> String {
    let on_screen = session.quiz().map(|(i, _)| i);
    let touched: Vec<usize> =
        (0..session.quizzes.len()).filter(|&i| session.quizzes[i].record != Record::NONE || session.quizzes[i].attempt.is_some()).collect();
    let mut kept: Vec<QuizState> = touched.iter().map(|&i| session.quizzes[i].clone()).collect();
    // Which attempt texts to give up first: finished ones, then unfinished ones, the
    // one on screen last. (Three passes instead of a sort: a sort costs the wasm 3 KB.)
    let finished = |k: usize| kept[k].attempt.as_ref().is_some_and(|a| a.phase == crate::Phase::Finished);
    let has_attempt = |k: usize| kept[k].attempt.is_some();
    let shown = |k: usize| Some(touched[k]) == on_screen;
    let mut order: Vec<usize> = (0..touched.len()).filter(|&k| has_attempt(k) && !shown(k) && finished(k)).collect();
    order.extend((0..touched.len()).filter(|&k| has_attempt(k) && !shown(k) && !finished(k)));
    order.extend((0..touched.len()).filter(|&k| has_attempt(k) && shown(k)));
    let mut give_up = order.into_iter();
    loop {
        let entries: Vec<String> = touched
            .iter()
            .zip(&kept)
            .map(|(&i, state)| format!("{}|{}", session.course.quizzes[i].id, encode_quiz_keeping(session.course, i, state, resume::REFLECTION_KEEP)))
            .collect();
        let text = format!("{COURSE_MARK}{}", frame(&entries));
        match give_up.next() {
            Some(k) if text.chars().count() > limit => kept[k].attempt = None,
            _ => return text,
        }
    }
}

/// Whether a suspend_data text is a whole course's (else it is one quiz's resume text).
pub fn is_course(text: &str) -> bool {
    text.starts_with(COURSE_MARK)
}

/// The quizzes of a course text, by index, and whether anything in it could not be
/// read (a damaged entry is dropped alone). Entries for quizzes the course no longer
/// has are skipped silently.
pub fn decode_course(course: &Course, text: &str) -> (Vec<(usize, QuizState)>, bool) {
    let Some(entries) = text.strip_prefix(COURSE_MARK).and_then(unframe) else { return (Vec::new(), true) };
    let mut out = Vec::new();
    let mut damaged = false;
    for entry in entries {
        let Some((id, rest)) = entry.split_once('|') else {
            damaged = true;
            continue;
        };
        let Some(quiz) = course.quizzes.iter().position(|q| q.id == id) else { continue };
        match decode_quiz(course, quiz, rest) {
            Some(state) => out.push((quiz, state)),
            None => damaged = true,
        }
    }
    (out, damaged)
}

/// Texts one after another, each behind its length: `<base 36 length>:<text>`.
pub fn frame<S: AsRef<str>>(texts: &[S]) -> String {
    texts.iter().map(|t| format!("{}:{}", resume::base36(t.as_ref().chars().count() as u64), t.as_ref())).collect()
}

/// The inverse of `frame`; `None` when a length does not fit the text.
pub fn unframe(mut text: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    while !text.is_empty() {
        let (length, rest) = text.split_once(':')?;
        if length.is_empty() || length.len() > 6 {
            return None;
        }
        let parsed = u64::from_str_radix(length, 36).ok()?;
        // Only the form `frame` writes (lowercase, no leading zeros), so that what is
        // read is written back the same.
        if resume::base36(parsed) != length {
            return None;
        }
        let length = parsed as usize;
        let end = rest.char_indices().nth(length).map_or(rest.len(), |(at, _)| at);
        if rest[..end].chars().count() != length {
            return None;
        }
        out.push(&rest[..end]);
        text = &rest[end..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{frame, unframe};

    #[test]
    fn framing_reads_only_what_it_writes() {
        let texts = ["", "abc", "õun", &"x".repeat(40)];
        let framed = frame(&texts);
        assert_eq!(unframe(&framed), Some(texts.to_vec()));
        // Lengths in another spelling (uppercase, a leading zero) read back as something
        // `frame` would write differently: refused (found by the stored-progress property).
        assert_eq!(unframe("N:abcdefghijklmnopqrstuvw"), None);
        assert_eq!(unframe("03:abc"), None);
        assert_eq!(unframe("3:abc"), Some(vec!["abc"]));
    }
}
