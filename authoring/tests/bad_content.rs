//! The bad-content suite: each folder in tests/bad-content/ is a small course with
//! one mistake in it, and its `expected.txt` says where and how the validator must
//! report it, one `<file>:<line>:<column>: <message fragment>` a line, with `file`
//! relative to the folder (the format of `ContentError`'s Display).

use std::path::{Path, PathBuf};

use tere_authoring::{load_course, ContentError};

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad-content")
}

/// The case folders, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(suite()).expect("tests/bad-content exists").map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

#[derive(Debug)]
struct Expected {
    file: String,
    line: usize,
    column: usize,
    fragment: String,
}

fn expected(case: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(case.join("expected.txt")).unwrap_or_else(|e| panic!("{}: expected.txt: {e}", name(case)));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let mut next = || parts.next().unwrap_or_else(|| panic!("{}: `{l}` is not `file:line:column: fragment`", name(case)));
            let file = next().to_string();
            let number = |s: &str| s.parse().unwrap_or_else(|_| panic!("{}: `{l}` has no line or column number", name(case)));
            let (line, column) = (number(next()), number(next()));
            Expected { file, line, column, fragment: next().trim().to_string() }
        })
        .collect()
}

/// The errors for a case, or `None` when the case was accepted.
fn errors(case: &Path) -> Option<Vec<ContentError>> {
    load_course(case).err()
}

fn points_at(error: &ContentError, case: &Path, want: &Expected) -> bool {
    error.file.strip_prefix(case).is_ok_and(|f| f == Path::new(&want.file))
        && (error.line, error.column) == (want.line, want.column)
        && error.message.contains(&want.fragment)
}

fn show(case: &Path, errors: &[ContentError]) -> String {
    errors.iter().map(|e| format!("    {}", e.to_string().replace(&format!("{}/", case.display()), ""))).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_case_is_refused_with_the_error_where_the_mistake_is() {
    let mut failures = Vec::new();
    for case in cases() {
        let Some(errors) = errors(&case) else {
            failures.push(format!("{}: the course was accepted", name(&case)));
            continue;
        };
        for want in expected(&case) {
            if !errors.iter().any(|e| points_at(e, &case, &want)) {
                let wanted = format!("{}:{}:{}: …{}…", want.file, want.line, want.column, want.fragment);
                failures.push(format!("{}: expected {wanted}\n  got:\n{}", name(&case), show(&case, &errors)));
            }
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn each_case_holds_only_its_own_mistake() {
    // One mistake, one error: a case that reports more hides what it tests, and an
    // error that cascades into others confuses authors.
    let mut noisy = Vec::new();
    for case in cases() {
        let errors = errors(&case).unwrap_or_default();
        if errors.len() > expected(&case).len() {
            noisy.push(format!("{}:\n{}", name(&case), show(&case, &errors)));
        }
    }
    assert!(noisy.is_empty(), "cases with more errors than expected.txt names:\n{}", noisy.join("\n"));
}

/// Words that tell a content author nothing: Rust and serde internals, OS error codes.
const JARGON: &[&str] = &["Spanned", "struct", "enum", "serde", "i64", "u8", "u16", "usize", "String", "Vec<", "os error", "unwrap", "panicked"];

/// A plain message names the problem in words: a sentence, not a code or a type name.
fn is_plain(message: &str) -> bool {
    message.split_whitespace().count() >= 3 && !JARGON.iter().any(|j| message.contains(j))
}

#[test]
fn every_message_says_what_is_wrong_in_plain_words() {
    let mut unclear = Vec::new();
    for case in cases() {
        for error in errors(&case).unwrap_or_default() {
            if !is_plain(&error.message) {
                unclear.push(format!("{}: `{}`", name(&case), error.message));
            }
        }
    }
    assert!(unclear.is_empty(), "messages an author cannot act on:\n{}", unclear.join("\n"));
}

#[test]
fn every_case_is_a_complete_course_folder() {
    for case in cases() {
        for file in ["course.toml", "sections.toml", "expected.txt"] {
            assert!(case.join(file).is_file(), "{}: {file} is missing", name(&case));
        }
        assert!(!expected(&case).is_empty(), "{}: expected.txt names no error", name(&case));
    }
}

/// The kinds of mistake the suite must keep covering; removing a case fails here.
const REQUIRED_CASES: &[&str] = &[
    "tries_out_of_range",
    "try_penalty_without_tries",
    "try_penalty_above_100",
    "hint_penalty_without_hints",
    "empty_hint",
    "too_many_hints",
    "malformed_toml",
    "unknown_field",
    "missing_required_field",
    "duplicate_question_id",
    "duplicate_question_id_across_files",
    "quiz_id_with_hyphen",
    "question_id_with_space",
    "question_id_not_ascii",
    "single_without_correct_option",
    "multiple_without_correct_option",
    "single_with_two_correct_options",
    "ordering_with_one_item",
    "ordering_with_duplicate_items",
    "matching_with_duplicate_right",
    "matching_with_one_pair",
    "pass_mark_below_zero",
    "pass_mark_above_100",
    "empty_question_text",
    "empty_option_text",
    "empty_feedback",
    "empty_explanation",
    "empty_intro",
    "draw_larger_than_pool",
    "draw_zero",
    "draw_per_section_without_draw",
    "draw_per_section_below_sections",
    "unknown_type",
    "field_not_used_by_type",
    "source_naming_no_section",
    "quiz_file_not_listed",
    "course_lists_a_missing_file",
    "quiz_lang_not_supported",
    "course_lang_not_supported",
    "scenario_speaker_unknown",
    "allow_naming_no_rule",
    "allow_without_reason",
];

#[test]
fn the_suite_covers_every_kind_of_mistake() {
    let present: Vec<String> = cases().iter().map(|c| name(c)).collect();
    let missing: Vec<&&str> = REQUIRED_CASES.iter().filter(|c| !present.iter().any(|p| p == *c)).collect();
    assert!(missing.is_empty(), "tests/bad-content lacks {missing:?}");
}
