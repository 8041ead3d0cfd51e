//! SCORM run-time data model values, as pure functions: element names per version,
//! and the formats Moodle accepts (it is stricter than the standard's examples):
//! 1.2 time spans `HH:MM:SS.SS` with 2-4 hour digits and decimals with at most 2
//! fraction digits; 2004 identifiers `[A-Za-z0-9_.]`, timestamps with at most 2
//! fraction digits (a time zone only after them), durations without weeks; and no
//! line breaks in free text, which Moodle's patterns reject.

use crate::answer::Answer;
use crate::kind::{Kind, Response};
use crate::model::Question;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Scorm12,
    Scorm2004,
}

/// Every SCORM element name Tere reads or writes, one table per version (`NAMES_12`,
/// `NAMES_2004`). An element a version does not have is `None`, so what is written
/// follows from what the version has.
pub struct Names {
    pub entry: &'static str,
    pub suspend_data: &'static str,
    pub location: &'static str,
    /// Who the learner is (an LMS user id).
    pub learner_id: &'static str,
    /// `normal`, `browse` or `review`: whether this launch may record anything.
    pub mode: &'static str,
    pub language: &'static str,
    pub mastery: &'static str,
    pub exit: &'static str,
    /// The element that says whether the SCO was attempted and completed.
    pub status: &'static str,
    pub session_time: &'static str,
    /// Most characters suspend_data may hold.
    pub suspend_limit: usize,
    /// The SCO's own outcome.
    pub sco: OutcomeNames,
    /// An objective's outcome, relative to `cmi.objectives.<n>.`.
    pub objective: OutcomeNames,
    /// An objective's description (2004: its stage's title).
    pub objective_description: Option<&'static str>,
}

/// The element names of an outcome at one place (the SCO's own, or relative to an objective).
pub struct OutcomeNames {
    /// The score's prefix: `<score>raw`, `min`, `max`.
    pub score: &'static str,
    /// The scaled score's field after that prefix (2004).
    pub scaled: Option<&'static str>,
    /// SCORM 1.2's one status word.
    pub status_12: Option<&'static str>,
    pub completion: Option<&'static str>,
    pub success: Option<&'static str>,
    pub progress: Option<&'static str>,
}

impl OutcomeNames {
    /// The raw score's element.
    pub fn raw(&self) -> String {
        format!("{}raw", self.score)
    }
}

/// The two lists of records in the data model, the same in both versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Interactions,
    Objectives,
}

impl List {
    pub fn prefix(self) -> &'static str {
        match self {
            List::Interactions => "cmi.interactions",
            List::Objectives => "cmi.objectives",
        }
    }

    /// `<prefix>.<n>.<field>`: a field of record `n`.
    pub fn field(self, n: u32, field: &str) -> String {
        format!("{}.{n}.{field}", self.prefix())
    }

    pub fn count_element(self) -> &'static str {
        match self {
            List::Interactions => "cmi.interactions._count",
            List::Objectives => "cmi.objectives._count",
        }
    }
}

impl Version {
    pub fn names(self) -> &'static Names {
        match self {
            Version::Scorm12 => &NAMES_12,
            Version::Scorm2004 => &NAMES_2004,
        }
    }

    /// `exit` for a learner who leaves mid-quiz, and for one who finished.
    pub fn exit_value(self, finished: bool) -> &'static str {
        match (self, finished) {
            (_, false) => "suspend",
            // SCORM 1.2 has no "normal"; an empty exit ends the attempt.
            (Version::Scorm12, true) => "",
            (Version::Scorm2004, true) => "normal",
        }
    }
}

static NAMES_12: Names = Names {
    entry: "cmi.core.entry",
    suspend_data: "cmi.suspend_data",
    location: "cmi.core.lesson_location",
    learner_id: "cmi.core.student_id",
    mode: "cmi.core.lesson_mode",
    language: "cmi.student_preference.language",
    mastery: "cmi.student_data.mastery_score",
    exit: "cmi.core.exit",
    status: "cmi.core.lesson_status",
    session_time: "cmi.core.session_time",
    suspend_limit: 4096,
    sco: OutcomeNames { score: "cmi.core.score.", scaled: None, status_12: Some("cmi.core.lesson_status"), completion: None, success: None, progress: None },
    objective: OutcomeNames { score: "score.", scaled: None, status_12: Some("status"), completion: None, success: None, progress: None },
    objective_description: None,
};

static NAMES_2004: Names = Names {
    entry: "cmi.entry",
    suspend_data: "cmi.suspend_data",
    location: "cmi.location",
    learner_id: "cmi.learner_id",
    mode: "cmi.mode",
    language: "cmi.learner_preference.language",
    mastery: "cmi.scaled_passing_score",
    exit: "cmi.exit",
    status: "cmi.completion_status",
    session_time: "cmi.session_time",
    suspend_limit: 64000,
    sco: OutcomeNames {
        score: "cmi.score.",
        scaled: Some("scaled"),
        status_12: None,
        completion: Some("cmi.completion_status"),
        success: Some("cmi.success_status"),
        progress: Some("cmi.progress_measure"),
    },
    objective: OutcomeNames {
        score: "score.",
        scaled: Some("scaled"),
        status_12: None,
        completion: Some("completion_status"),
        success: Some("success_status"),
        progress: Some("progress_measure"),
    },
    objective_description: Some("description"),
};

/// The pass mark in percent from the LMS's mastery value (1.2: 0-100; 2004: scaled 0-1).
pub fn pass_mark_from_lms(version: Version, value: &str) -> Option<u8> {
    let thousandths = parse_thousandths(value.trim())?;
    let percent_thousandths = match version {
        Version::Scorm12 => thousandths,
        Version::Scorm2004 => thousandths * 100,
    };
    (0..=100_000).contains(&percent_thousandths).then(|| ((percent_thousandths + 500) / 1000) as u8)
}

/// A score in percent (0-100, any decimals) as a whole percent; `None` when out of range.
pub fn percent_from_lms(value: &str) -> Option<u8> {
    pass_mark_from_lms(Version::Scorm12, value)
}

/// A non-negative decimal ("80", "0.75", ".5") in thousandths, without float
/// parsing (which would add ~4 KB to the wasm); more than 3 fraction digits are cut.
fn parse_thousandths(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if (whole.is_empty() && fraction.is_empty()) || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) || whole.len() > 9 {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: u64 = format!("{fraction:0<3}")[..3].parse().ok()?;
    Some(whole * 1000 + fraction)
}

/// A duration in hundredths of a second, in the version's time-span format.
pub fn duration(version: Version, centis: u64) -> String {
    let (h, m, s, cs) = (centis / 360_000, centis / 6000 % 60, centis / 100 % 60, centis % 100);
    match version {
        Version::Scorm12 => format!("{:02}:{m:02}:{s:02}.{cs:02}", h.min(9999)),
        Version::Scorm2004 => format!("PT{h}H{m}M{s}.{cs:02}S"),
    }
}

/// A point in time (milliseconds since 1970, UTC): 1.2 time of day, 2004 timestamp.
pub fn timestamp(version: Version, epoch_ms: u64) -> String {
    let secs = epoch_ms / 1000;
    let (h, m, s, cs) = (secs / 3600 % 24, secs / 60 % 60, secs % 60, epoch_ms % 1000 / 10);
    match version {
        Version::Scorm12 => format!("{h:02}:{m:02}:{s:02}"),
        Version::Scorm2004 => {
            let (y, mo, d) = civil_date(secs / 86_400);
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}.{cs:02}Z")
        }
    }
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
fn civil_date(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as u64, m, d)
}

/// A decimal with at most 2 fraction digits and no trailing zeros ("0.5", "1", "0.33").
/// Built from integer hundredths: float formatting would add ~10 KB to the wasm.
pub fn decimal(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, fraction) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Free text on one line, at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(max).collect()
}

/// The fields of one interaction record (`cmi.interactions.n.<field>` = value).
pub struct Interaction<'a> {
    pub question: &'a Question,
    pub answer: &'a Answer,
    pub credit: Option<f64>,
    pub latency_centis: u64,
    pub epoch_ms: u64,
    pub lang: &'a str,
}

impl Interaction<'_> {
    pub fn fields(&self, version: Version) -> Vec<(&'static str, String)> {
        self.record(version).fields(version)
    }

    /// The record in the version's formats (SCORM 2004's are xAPI's too).
    pub fn record(&self, version: Version) -> Record<'_> {
        let q = self.question;
        let (kind, response, pattern) = responses(version, &q.kind, self.answer);
        Record {
            id: q.id.to_string(),
            kind,
            description: &q.text,
            response,
            pattern,
            credit: self.credit,
            weighting: if q.kind.is_graded() { "1" } else { "0" }.into(),
            latency_centis: self.latency_centis,
            epoch_ms: self.epoch_ms,
            lang: self.lang,
        }
    }
}

/// One reply of a dialogue as its own `choice` interaction, so that the LMS's report
/// shows the learner's path step by step: the reply given, the step's (first) best
/// reply as the correct pattern, the reply's points over the best as the result, the
/// step's best points as its weighting. Its id is the question's and the step's,
/// `<question id>__<step id>` (SCORM 2004 identifiers allow letters, digits and `_`).
pub struct StepInteraction<'a> {
    pub question: &'a Question,
    pub dialogue: &'a crate::dialogue::Dialogue,
    pub taken: crate::dialogue::Taken,
    pub latency_centis: u64,
    pub epoch_ms: u64,
    pub lang: &'a str,
}

impl StepInteraction<'_> {
    pub fn fields(&self, version: Version) -> Vec<(&'static str, String)> {
        self.record(version).fields(version)
    }

    /// The record in the version's formats (SCORM 2004's are xAPI's too).
    pub fn record(&self, version: Version) -> Record<'_> {
        let step = &self.dialogue.steps[usize::from(self.taken.step)];
        let reply = &step.replies[usize::from(self.taken.reply)];
        let best = step.best();
        let first_best = step.replies.iter().position(|r| r.points == best).unwrap_or(0);
        Record {
            id: format!("{}__{}", self.question.id, step.id),
            kind: "choice",
            description: &step.line,
            response: choice_id(version, usize::from(self.taken.reply)),
            pattern: Some(choice_id(version, first_best)),
            credit: Some(if best == 0 { 1.0 } else { f64::from(reply.points) / f64::from(best) }),
            weighting: best.to_string(),
            latency_centis: self.latency_centis,
            epoch_ms: self.epoch_ms,
            lang: self.lang,
        }
    }
}

/// The parts a response's identifiers name, as an xAPI interaction definition lists
/// them: (`choices`, `source` or `target`, [(identifier, text)]), with the SCORM 2004
/// identifiers `responses` writes.
pub fn components<'a>(response: &Response<'a>) -> Vec<(&'static str, Vec<(String, &'a str)>)> {
    let v = Version::Scorm2004;
    match response {
        Response::Choice { options, .. } => vec![("choices", options.iter().enumerate().map(|(i, o)| (choice_id(v, i), &*o.text)).collect())],
        Response::Sequencing { items, .. } => vec![("choices", items.iter().enumerate().map(|(i, t)| (part_id(v, 'i', i), &**t)).collect())],
        Response::Matching { pairs, .. } => vec![
            ("source", pairs.iter().enumerate().map(|(i, p)| (part_id(v, 'l', i), &*p.left)).collect()),
            ("target", pairs.iter().enumerate().map(|(i, p)| (part_id(v, 'r', i), &*p.right)).collect()),
        ],
        Response::TrueFalse { .. } | Response::Text(_) | Response::Path | Response::Unfit => Vec::new(),
    }
}

/// A dialogue step's replies as the choices of its interaction (`StepInteraction`).
pub fn step_choices(step: &crate::dialogue::Step) -> Vec<(String, &str)> {
    step.replies.iter().enumerate().map(|(i, r)| (choice_id(Version::Scorm2004, i), &*r.text)).collect()
}

/// Option `i`'s identifier in a choice response: 1.2's are single characters, 2004's
/// prefixed words.
fn choice_id(version: Version, i: usize) -> String {
    part_id(version, 'o', i)
}

/// Part `i`'s identifier in a response (`prefix`: `o` option, `i` item, `l`/`r` a
/// pair's sides): 1.2's are single characters, 2004's prefixed words.
fn part_id(version: Version, prefix: char, i: usize) -> String {
    match version {
        Version::Scorm12 => std::char::from_digit(i as u32, 36).unwrap_or('z').to_string(),
        Version::Scorm2004 => format!("{prefix}{i}"),
    }
}

/// What every interaction record says, in one version's formats.
pub struct Record<'a> {
    pub id: String,
    /// The interaction type (`choice`, `true-false`, …).
    pub kind: &'static str,
    pub description: &'a str,
    pub response: String,
    pub pattern: Option<String>,
    /// 0-1 after penalties; `None` for an ungraded answer.
    pub credit: Option<f64>,
    pub weighting: String,
    pub latency_centis: u64,
    pub epoch_ms: u64,
    pub lang: &'a str,
}

impl Record<'_> {
    /// The interaction's fields, in the version's names.
    fn fields(self, version: Version) -> Vec<(&'static str, String)> {
        let v12 = version == Version::Scorm12;
        let result = match self.credit {
            None => "neutral".to_string(),
            Some(c) if crate::score::is_full_credit(c) => "correct".into(),
            Some(c) if c <= 0.0 => (if v12 { "wrong" } else { "incorrect" }).into(),
            Some(c) => decimal(c),
        };
        let mut fields = vec![("id", self.id), ("type", self.kind.to_string())];
        if !v12 {
            fields.push(("description", format!("{{lang={}}}{}", self.lang, one_line(self.description, 240))));
        }
        fields.push((if v12 { "student_response" } else { "learner_response" }, self.response));
        if let Some(p) = self.pattern {
            fields.push(("correct_responses.0.pattern", p));
        }
        fields.push(("result", result));
        fields.push(("weighting", self.weighting));
        fields.push(("latency", duration(version, self.latency_centis)));
        fields.push((if v12 { "time" } else { "timestamp" }, timestamp(version, self.epoch_ms)));
        fields
    }
}

/// (interaction type, learner response, correct response pattern) in the version's format.
fn responses(version: Version, kind: &Kind, answer: &Answer) -> (&'static str, String, Option<String>) {
    let v12 = version == Version::Scorm12;
    let id = |prefix: char, i: usize| part_id(version, prefix, i);
    let list = |ids: Vec<String>| ids.join(if v12 { "," } else { "[,]" });
    let pair = |l: usize, r: usize| if v12 { format!("{}.{}", id('l', l), id('r', r)) } else { format!("{}[.]{}", id('l', l), id('r', r)) };
    match kind.response(answer) {
        Response::TrueFalse { given, right } => {
            let word = |b: bool| if v12 { (if b { "t" } else { "f" }).to_string() } else { b.to_string() };
            ("true-false", given.map(word).unwrap_or_default(), Some(word(right)))
        }
        Response::Choice { given, options } => {
            let right = options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| choice_id(version, i)).collect();
            ("choice", list(given.iter().map(|&i| choice_id(version, i as usize)).collect()), Some(list(right)))
        }
        Response::Sequencing { given, items } => {
            ("sequencing", list(given.iter().map(|&i| id('i', i as usize)).collect()), Some(list((0..items.len()).map(|i| id('i', i)).collect())))
        }
        Response::Matching { given, pairs } => {
            let given = given.iter().enumerate().filter_map(|(l, r)| r.map(|r| pair(l, r as usize))).collect();
            ("matching", list(given), Some(list((0..pairs.len()).map(|i| pair(i, i)).collect())))
        }
        Response::Text(text) => {
            if v12 {
                ("fill-in", one_line(text, 255), None)
            } else {
                ("long-fill-in", one_line(text, 3990), None)
            }
        }
        // Not written: a dialogue's record is its steps' (`StepInteraction`).
        Response::Unfit | Response::Path => ("other", String::new(), None),
    }
}
