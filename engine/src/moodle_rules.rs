//! The values Moodle's SCORM player accepts for each element Tere writes (Moodle's
//! `mod/scorm/datamodels` patterns, quoted as facts; stricter than scorm-again and the
//! standard's examples in places). Written once, here: the native tests check every
//! value the engine makes against them, and `xtask` exports them for the browser
//! tests' call-log check (`tests/browser/moodle-rules.mjs`). The player does not use
//! them (nothing here reaches the wasm).
//!
//! Patterns are in the dialect that Rust's `regex` and JavaScript share: no
//! look-around, no `\d` or `\w` (Unicode-wide in Rust), explicit classes. Lengths are
//! `max_chars` rather than `{0,N}` repetitions, which would not compile in `regex`.

use crate::cmi::Version;

/// Which values one element (or family of elements) accepts.
pub struct Rule {
    pub version: Version,
    /// A pattern for the element name, e.g. `^cmi\.interactions\.[0-9]+\.latency$`.
    pub element: &'static str,
    /// A pattern the whole value must match.
    pub value: &'static str,
    /// The most characters the value may have.
    pub max_chars: usize,
}

const ANY: &str = r"^[\s\S]*$";

const TIMESPAN_12: &str = r"^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$";
const TIME_12: &str = r"^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$";
const DECIMAL_12: &str = r"^-?([0-9]{0,3})(\.[0-9]{1,2})?$";
const IDENTIFIER_12: &str = r"^[\x21-\x7E]*$";
const RESULT_12: &str = r"^(correct|wrong|unanticipated|neutral|([0-9]{0,3})?(\.[0-9]{1,2})?)$";
const STATUS_12: &str = r"^(passed|completed|failed|incomplete|browsed)$";
const STATUS2_12: &str = r"^(passed|completed|failed|incomplete|browsed|not attempted)$";
const EXIT_12: &str = r"^(time-out|suspend|logout|)$";
const TYPE_12: &str = r"^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$";

const TIMESPAN_2004: &str = r"^P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]{1,2})?S)?)?$";
const TIME_2004: &str = r"^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$";
const DECIMAL_2004: &str = r"^-?([0-9]{0,3})(\.[0-9]{1,7})?$";
const IDENTIFIER_2004: &str = r"^[A-Za-z0-9_]+$";
/// Moodle's `(?!urn:)\S{1,4000}|urn:…` without the look-ahead: anything without blanks
/// that does not start with `urn:`, or a well-formed URN.
const LONG_IDENTIFIER_2004: &str = r"^(urn:[A-Za-z0-9-]{1,31}:[^\s]+|[^u\s][^\s]*|u([^r\s][^\s]*)?|ur([^n\s][^\s]*)?|urn([^:\s][^\s]*)?)$";
const RESULT_2004: &str = r"^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$";
const COMPLETION_2004: &str = r"^(completed|incomplete|not attempted|unknown)$";
const SUCCESS_2004: &str = r"^(passed|failed|unknown)$";
const EXIT_2004: &str = r"^(time-out|suspend|logout|normal|)$";
const TYPE_2004: &str = r"^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$";
const LANG_STRING_2004: &str = r"^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{\n\r].*)?$";

/// Identifiers inside a 2004 choice, sequencing or matching response (between `[,]`
/// and `[.]`): Moodle's CMIShortIdentifier.
pub const RESPONSE_ID_2004: &str = r"^[A-Za-z0-9_.]+$";

const fn rule(version: Version, element: &'static str, value: &'static str, max_chars: usize) -> Rule {
    Rule { version, element, value, max_chars }
}

const V12: Version = Version::Scorm12;
const V2004: Version = Version::Scorm2004;

/// Every element Tere may write, by version. The first rule whose element pattern
/// matches applies; an element no rule names must not be written.
pub static RULES: &[Rule] = &[
    rule(V12, r"^(cmi\.interactions\.[0-9]+\.latency|cmi\.core\.session_time)$", TIMESPAN_12, 13),
    rule(V12, r"^cmi\.interactions\.[0-9]+\.time$", TIME_12, 11),
    rule(V12, r"^cmi\.interactions\.[0-9]+\.result$", RESULT_12, 13),
    rule(V12, r"^cmi\.(interactions|objectives)\.[0-9]+\.id$", IDENTIFIER_12, 255),
    rule(V12, r"^cmi\.interactions\.[0-9]+\.type$", TYPE_12, 11),
    rule(V12, r"^(cmi\.interactions\.[0-9]+\.weighting|cmi\.core\.score\.(raw|min|max)|cmi\.objectives\.[0-9]+\.score\.(raw|min|max))$", DECIMAL_12, 7),
    rule(V12, r"^cmi\.interactions\.[0-9]+\.(student_response|correct_responses\.[0-9]+\.pattern)$", ANY, 255),
    rule(V12, r"^cmi\.core\.lesson_status$", STATUS_12, 10),
    rule(V12, r"^cmi\.objectives\.[0-9]+\.status$", STATUS2_12, 13),
    rule(V12, r"^cmi\.core\.exit$", EXIT_12, 8),
    rule(V12, r"^cmi\.core\.lesson_location$", ANY, 255),
    rule(V12, r"^cmi\.suspend_data$", ANY, 4096),
    rule(V2004, r"^(cmi\.interactions\.[0-9]+\.latency|cmi\.session_time)$", TIMESPAN_2004, 64),
    rule(V2004, r"^cmi\.interactions\.[0-9]+\.timestamp$", TIME_2004, 30),
    rule(V2004, r"^cmi\.interactions\.[0-9]+\.result$", RESULT_2004, 30),
    rule(V2004, r"^cmi\.interactions\.[0-9]+\.id$", IDENTIFIER_2004, 4000),
    rule(V2004, r"^cmi\.interactions\.[0-9]+\.type$", TYPE_2004, 12),
    rule(V2004, r"^cmi\.(interactions|objectives)\.[0-9]+\.description$", LANG_STRING_2004, 270),
    rule(
        V2004,
        r"^(cmi\.interactions\.[0-9]+\.weighting|cmi\.score\.(scaled|raw|min|max)|cmi\.progress_measure|cmi\.objectives\.[0-9]+\.(score\.(scaled|raw|min|max)|progress_measure))$",
        DECIMAL_2004,
        12,
    ),
    rule(V2004, r"^cmi\.(objectives\.[0-9]+\.)?completion_status$", COMPLETION_2004, 13),
    rule(V2004, r"^cmi\.(objectives\.[0-9]+\.)?success_status$", SUCCESS_2004, 7),
    rule(V2004, r"^cmi\.objectives\.[0-9]+\.id$", LONG_IDENTIFIER_2004, 4000),
    rule(V2004, r"^cmi\.exit$", EXIT_2004, 8),
    rule(V2004, r"^cmi\.suspend_data$", ANY, 64000),
    rule(V2004, r"^cmi\.location$", ANY, 1000),
    rule(V2004, r"^cmi\.interactions\.[0-9]+\.(learner_response|correct_responses\.[0-9]+\.pattern)$", ANY, 4000),
];

/// The rules as JSON, for the browser tests:
/// `{ "rules": [{ version, element, value, maxChars }], "responseId2004": pattern }`.
pub fn rules_json() -> String {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let rows: Vec<String> = RULES
        .iter()
        .map(|r| {
            let version = match r.version {
                Version::Scorm12 => "12",
                Version::Scorm2004 => "2004",
            };
            format!("{{\"version\":\"{version}\",\"element\":\"{}\",\"value\":\"{}\",\"maxChars\":{}}}", escape(r.element), escape(r.value), r.max_chars)
        })
        .collect();
    format!("{{\"rules\": [\n{}\n], \"responseId2004\": \"{}\"}}\n", rows.join(",\n"), escape(RESPONSE_ID_2004))
}
