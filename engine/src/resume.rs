//! Resume state: a compact, versioned text that fits SCORM 1.2's suspend_data.
//!
//! `3.<quiz id>.<seed>.<seen>.<position>.<phase>.<item>~<item>~…` (numbers in base 36);
//! `4.<quiz id>.<seed>.<seen>.<position>.<phase>.<said>.<item>~…` while a dialogue on
//! screen is under way: `said` is its path so far (a base-36 digit a reply), so a reload
//! or relaunch resumes at the same step with the conversation so far. Every other
//! state is still written as version 3.
//! `seen` is `Attempt::seen` (what the previous attempt asked, an input of the draw) as a
//! bit set over the pool, five questions a base-32 digit, trailing zeros left out: empty
//! for a first attempt or a quiz without a pool. One item per question position: empty
//! when unanswered, else a 3-character fingerprint of the question's content followed by
//! the answer. An item whose tries and hints are not the plain ones (one check of an
//! answered question, no hint) starts with `!` and three base-36 digits: tries used,
//! hints asked, hints given with a wrong try (`Attempt::tries`, `hints_asked`,
//! `hints_given`); the question on screen may hold only these, while the learner tries
//! again or has asked for a hint before checking. On decode, an answer whose question has changed since (different
//! fingerprint) is dropped; the others survive; counts above what the quiz (now)
//! allows are cut to it. Version 2, written before tries and hints, is the same
//! without the `!` part, and is still read. Version 1, written before draws avoided
//! the last attempt's questions, is the same without `seen`; it is still read, so an
//! attempt saved before an update resumes with the same draw.
//! Reflection text is kept to its first `REFLECTION_KEEP` characters in what an LMS
//! keeps (`encode`: SCORM 1.2's suspend_data holds 4096 characters), and whole, up to
//! `kind::REFLECTION_MAX`, in local storage (`encode_keeping`); the full text also goes
//! to the host's interaction record.

use crate::answer::Answer;
use crate::attempt::{Attempt, Phase};
use crate::model::{Question, Quiz};
use crate::shuffle::fnv1a;

const VERSION: &str = "3";
/// Version 3 with the path of the dialogue under way (`said`) before the items.
const VERSION_4: &str = "4";
/// The version before tries and hints: the same without an item's `!` part.
const VERSION_2: &str = "2";
/// The version before `seen`: its attempts were drawn without one.
const VERSION_1: &str = "1";
/// `!` and the three digits of an item's tries and hints.
const HELP_LEN: usize = 4;
/// How much of a reflection an LMS's suspend_data keeps.
pub const REFLECTION_KEEP: usize = 100;
const FINGERPRINT_LEN: usize = 3;

#[derive(Debug, PartialEq, Eq)]
pub enum ResumeError {
    /// Not our format, or a version we do not read.
    Foreign,
    /// Our format, but cut short or damaged.
    Corrupt,
}

/// The resume text an LMS keeps (a reflection cut to `REFLECTION_KEEP`).
pub fn encode(quiz: &Quiz, attempt: &Attempt) -> String {
    encode_keeping(quiz, attempt, REFLECTION_KEEP)
}

/// The resume text with a reflection's first `keep` characters.
pub fn encode_keeping(quiz: &Quiz, attempt: &Attempt, keep: usize) -> String {
    let phase = match attempt.phase {
        Phase::Answering => 'a',
        Phase::Checked => 'c',
        Phase::Finished => 'f',
    };
    let items: Vec<String> = (0..attempt.questions.len())
        .map(|position| {
            let answer = &attempt.answers[position];
            // An answer was checked at least once, whatever a caller's counts say.
            let tries = attempt.tries[position].max(u8::from(answer.is_some()));
            let help = [tries, attempt.hints_asked[position], attempt.hints_given[position]];
            let plain = [u8::from(answer.is_some()), 0, 0];
            let mut item = if help == plain { String::new() } else { help.iter().fold("!".to_string(), |out, &d| out + &digit(d).to_string()) };
            if let Some(a) = answer {
                item += &(fingerprint(attempt.question_at(quiz, position)) + &encode_answer(a, keep));
            }
            item
        })
        .collect();
    let head = format!("{}.{}.{}.{}.{phase}", quiz.id, base36(attempt.seed), encode_seen(&attempt.seen), base36(attempt.current as u64));
    match &attempt.draft {
        Answer::Path(said) if attempt.phase == Phase::Answering && !said.is_empty() => {
            format!("{VERSION_4}.{head}.{}.{}", said.iter().map(|&d| digit(d)).collect::<String>(), items.join("~"))
        }
        _ => format!("{VERSION}.{head}.{}", items.join("~")),
    }
}

pub fn decode(quiz: &Quiz, text: &str) -> Result<Attempt, ResumeError> {
    let (version, rest) = text.split_once('.').ok_or(ResumeError::Foreign)?;
    let fields = match version {
        VERSION_4 => 7,
        VERSION | VERSION_2 => 6,
        VERSION_1 => 5,
        _ => return Err(ResumeError::Foreign),
    };
    let mut parts = rest.splitn(fields, '.');
    if parts.next() != Some(&quiz.id) {
        return Err(ResumeError::Foreign);
    }
    let mut field = || parts.next().ok_or(ResumeError::Corrupt);
    let seed = from_base36(field()?).ok_or(ResumeError::Corrupt)?;
    let seen = match version {
        VERSION_4 | VERSION | VERSION_2 => decode_seen(field()?, quiz.questions.len()).ok_or(ResumeError::Corrupt)?,
        _ => Vec::new(),
    };
    let current = from_base36(field()?).ok_or(ResumeError::Corrupt)? as usize;
    let phase = match field()? {
        "a" => Phase::Answering,
        "c" => Phase::Checked,
        "f" => Phase::Finished,
        _ => return Err(ResumeError::Corrupt),
    };
    let said = match version {
        VERSION_4 => Some(field()?.chars().map(undigit).collect::<Option<Vec<u8>>>().ok_or(ResumeError::Corrupt)?),
        _ => None,
    };
    let items = field()?;
    // The draw runs again from what drew it first: the seed and what was seen.
    let mut attempt = Attempt::new(quiz, seed, &seen);
    let positions = attempt.questions.len();
    let items: Vec<&str> = items.split('~').collect();
    if current >= positions || items.len() != positions {
        return Err(ResumeError::Corrupt);
    }
    for (position, item) in items.iter().enumerate() {
        let question = attempt.question_at(quiz, position);
        let (help, item) = match item.strip_prefix('!') {
            Some(_) if version != VERSION && version != VERSION_4 => return Err(ResumeError::Corrupt),
            Some(_) => {
                let (help, rest) = item.split_at_checked(HELP_LEN).ok_or(ResumeError::Corrupt)?;
                let digits: Vec<u8> = help[1..].chars().map(undigit).collect::<Option<_>>().ok_or(ResumeError::Corrupt)?;
                (Some(digits), rest)
            }
            None => (None, *item),
        };
        if let Some(d) = help {
            // A quiz whose tries or a question whose hints were cut since keeps what still exists.
            let hints = question.hints.len() as u8;
            attempt.tries[position] = d[0].min(quiz.tries);
            attempt.hints_asked[position] = d[1].min(hints);
            attempt.hints_given[position] = d[2].min(hints - attempt.hints_asked[position]);
        }
        if item.is_empty() {
            continue;
        }
        let (print, answer) = item.split_at_checked(FINGERPRINT_LEN).ok_or(ResumeError::Corrupt)?;
        if print != fingerprint(question) {
            continue; // the question was edited since: drop only this answer
        }
        let answer = decode_answer(answer).ok_or(ResumeError::Corrupt)?;
        // An answer that no longer fits its question is dropped like an edited one.
        if crate::score::is_answerable(&question.kind, &answer) {
            attempt.answers[position] = Some(answer);
            attempt.tries[position] = attempt.tries[position].max(1);
        }
    }
    attempt.current = current;
    // A checked or finished state needs its answers; otherwise go back to answering.
    let current_answered = attempt.answers[current].is_some();
    attempt.phase = match phase {
        Phase::Finished if attempt.answers.iter().all(Option::is_some) && current + 1 == positions => Phase::Finished,
        Phase::Checked | Phase::Finished if current_answered => Phase::Checked,
        _ => Phase::Answering,
    };
    // Answering again drops the last try's answer; a conversation played again keeps
    // its best play.
    if attempt.phase == Phase::Answering && !attempt.question(quiz).kind.checks_itself() {
        attempt.answers[current] = None;
    }
    // Every question before the one on screen (all of them, once finished) was settled
    // when the learner moved on; one that no longer is (a quiz whose `tries` grew since)
    // counts as out of tries.
    let moved_on = if attempt.phase == Phase::Finished { positions } else { current };
    for position in 0..moved_on {
        if attempt.answers[position].is_some() && !attempt.is_settled(quiz, position) {
            attempt.tries[position] = quiz.tries;
        }
    }
    attempt.draft = attempt.blank_draft(quiz);
    // The dialogue under way, at the step it was at, if its content still takes that
    // path (and it has not ended: an ended one was checked and saved as an item).
    if let Some(said) = said.filter(|_| attempt.phase == Phase::Answering) {
        let path = Answer::Path(said);
        if attempt.question(quiz).kind.fits(&path) && !crate::score::is_answerable(&attempt.question(quiz).kind, &path) {
            attempt.draft = path;
        }
    }
    Ok(attempt)
}

/// A short hash of everything that defines a question's meaning and answer.
pub fn fingerprint(q: &Question) -> String {
    let mut content = format!("{}\u{1f}{}\u{1f}{}", q.id, q.text, q.kind.name());
    q.kind.fingerprint_into(&mut content);
    let hash = fnv1a(content.as_bytes()) as u64 % 36u64.pow(FINGERPRINT_LEN as u32);
    format!("{:0>width$}", base36(hash), width = FINGERPRINT_LEN)
}

/// Bit `j` of digit `c` stands for pool index `5c + j`.
fn encode_seen(seen: &[u16]) -> String {
    let mut out = String::new();
    let mut c = 0;
    while seen.iter().any(|&i| usize::from(i) >= 5 * c) {
        out.push(digit(seen.iter().filter(|&&i| usize::from(i) / 5 == c).fold(0, |bits, &i| bits | 1 << (i % 5))));
        c += 1;
    }
    out
}

/// The inverse of `encode_seen`; bits past the pool (a question removed since) are dropped.
fn decode_seen(mask: &str, pool: usize) -> Option<Vec<u16>> {
    let mut seen = Vec::new();
    for (c, ch) in mask.chars().enumerate() {
        let bits = ch.to_digit(32)?;
        for j in 0..5 {
            if bits >> j & 1 == 1 && 5 * c + j < pool {
                seen.push((5 * c + j) as u16);
            }
        }
    }
    Some(seen)
}

fn encode_answer(a: &Answer, keep: usize) -> String {
    let digits = |v: &[u8]| v.iter().map(|&d| digit(d)).collect::<String>();
    match a {
        Answer::Choices(v) => format!("c{}", digits(v)),
        Answer::Order(v) => format!("o{}", digits(v)),
        Answer::Matches(v) => format!("m{}", v.iter().map(|m| m.map_or('_', digit)).collect::<String>()),
        Answer::Path(v) => format!("p{}", digits(v)),
        Answer::Text(t) => {
            // Kept as written, unless the kept part would be only blank space (and so
            // no longer an answer): then the blank start is dropped.
            let blank_start = t.chars().take(keep).all(char::is_whitespace);
            let text = if blank_start { t.trim_start() } else { t.as_str() };
            format!("t{}", escape(&text.chars().take(keep).collect::<String>()))
        }
    }
}

fn decode_answer(s: &str) -> Option<Answer> {
    let mut chars = s.chars();
    let tag = chars.next()?;
    let rest = chars.as_str();
    let digits = || rest.chars().map(undigit).collect::<Option<Vec<u8>>>();
    Some(match tag {
        'c' => Answer::Choices(digits()?),
        'o' => Answer::Order(digits()?),
        'p' => Answer::Path(digits()?),
        'm' => Answer::Matches(rest.chars().map(|c| if c == '_' { Some(None) } else { undigit(c).map(Some) }).collect::<Option<Vec<_>>>()?),
        't' => Answer::Text(unescape(rest)?),
        _ => return None,
    })
}

/// `~` separates items and `%` escapes; nothing else needs escaping.
fn escape(text: &str) -> String {
    text.replace('%', "%25").replace('~', "%7E")
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out += &rest[..at];
        match rest.get(at + 1..at + 3)? {
            "25" => out.push('%'),
            "7E" => out.push('~'),
            _ => return None,
        }
        rest = &rest[at + 3..];
    }
    Some(out + rest)
}

fn digit(d: u8) -> char {
    std::char::from_digit(d as u32, 36).unwrap_or('_')
}

fn undigit(c: char) -> Option<u8> {
    c.to_digit(36).map(|d| d as u8)
}

pub fn base36(mut n: u64) -> String {
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(digit((n % 36) as u8));
        n /= 36;
    }
    out.iter().rev().collect()
}

fn from_base36(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 13 {
        return None;
    }
    u64::from_str_radix(s, 36).ok()
}

/// The longest resume text a quiz can produce: every question answered with the
/// longest answer of its kind with its tries and hints, the largest seed, every bit of `seen` set (a pool
/// only), the reflection at its cap.
pub fn worst_case_len(quiz: &Quiz) -> usize {
    let n = quiz.questions_per_attempt();
    let seen = if n < quiz.questions.len() { quiz.questions.len().div_ceil(5) } else { 0 };
    let header = VERSION.len() + 1 + quiz.id.len() + 1 + base36(u64::MAX).len() + 1 + seen + 1 + base36(quiz.questions.len() as u64).len() + 3;
    let mut lengths: Vec<usize> = quiz
        .questions
        .iter()
        .map(|q| {
            // A conversation may be played again whatever the quiz's tries.
            let help = if quiz.tries > 1 || !q.hints.is_empty() || q.kind.checks_itself() { HELP_LEN } else { 0 };
            help + FINGERPRINT_LEN + 1 + q.kind.longest_saved_answer(REFLECTION_KEEP)
        })
        .collect();
    // With a pool, the longest `draw` answers.
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    // Version 4's `said`: a conversation under way, one digit a reply.
    let said = quiz.questions.iter().filter(|q| q.kind.checks_itself()).map(|_| 1 + crate::dialogue::MAX_DIALOGUE_STEPS).max().unwrap_or(0);
    header + said + lengths.iter().take(n).sum::<usize>() + n.saturating_sub(1)
}
