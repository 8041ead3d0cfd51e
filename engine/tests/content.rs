//! Content validation: the built-in course loads; broken files are reported with
//! file, line and a plain message.

mod common;

use common::{load, question, single, HEADER};
use tere_engine::authoring::load_course;

fn errors_of(quiz: &str) -> Vec<String> {
    match load(&[("broken", quiz)]) {
        Ok(_) => panic!("broken content was accepted:\n{quiz}"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

/// Asserts one error mentions `broken.toml:<line>:` and `words`.
fn assert_error(quiz: &str, line: usize, words: &str) {
    let errors = errors_of(quiz);
    let at = format!("broken.toml:{line}:");
    assert!(errors.iter().any(|e| e.contains(&at) && e.contains(words)), "expected `{at}` … `{words}` in {errors:#?}");
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle") + 1
}

#[test]
fn the_built_in_course_is_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
    let loaded = load_course(&dir).unwrap_or_else(|e| panic!("{}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")));
    let stage_one = loaded.course.quiz("kontakti_loomine").expect("stage I quiz");
    assert!(stage_one.questions.len() >= 8);
    for id in ["kl_sisenev_klient", "kl_teie_tasand"] {
        assert!(stage_one.questions.iter().any(|q| q.id == id), "the seed's own test question {id}");
    }
}

#[test]
fn duplicate_question_id() {
    let q = format!("{HEADER}{}{}", single("same", 2, 0), single("same", 2, 1));
    let second = q.match_indices("id = \"same\"").nth(1).map(|(i, _)| q[..i].lines().count()).unwrap() + 1;
    assert_error(&q, second, "duplicate question id `same`");
}

#[test]
fn no_correct_option() {
    let q = format!("{HEADER}{}", single("a", 3, 99));
    assert_error(&q, line_of(&q, "type = \"single\""), "exactly one option with `correct = true`, found 0");
    let m = format!(
        "{HEADER}{}",
        question("m", "multiple", "[[question.option]]\ntext = \"x\"\nfeedback = \"f\"\n[[question.option]]\ntext = \"y\"\nfeedback = \"f\"\n")
    );
    assert_error(&m, line_of(&m, "type = \"multiple\""), "no correct option");
}

#[test]
fn unknown_field() {
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("explanation = \"E\"", "explanation = \"E\"\nhint = \"typo\"");
    assert_error(&q, line_of(&q, "hint ="), "unknown field `hint`");
}

#[test]
fn empty_text() {
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("text = \"Q a\"", "text = \"  \"");
    assert_error(&q, line_of(&q, "text = \"  \""), "`text` is empty");
}

#[test]
fn id_that_scorm_cannot_carry() {
    let q = format!("{HEADER}{}", single("bad-id", 2, 0));
    assert_error(&q, line_of(&q, "bad-id"), "may only use letters");
}

#[test]
fn source_naming_no_section() {
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("section = \"Sub\"", "section = \"Nowhere\"");
    assert_error(&q, line_of(&q, "Nowhere"), "source names no known section");
}

#[test]
fn malformed_toml() {
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("text = \"O1\"", "text = \"O1");
    assert_error(&q, line_of(&q, "text = \"O1"), "");
}

#[test]
fn field_not_used_by_the_type() {
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("explanation = \"E\"", "explanation = \"E\"\nitems = [\"a\", \"b\"]");
    assert_error(&q, line_of(&q, "items ="), "`items` is not used by questions of type `single`");
}

#[test]
fn pass_mark_and_draw_out_of_range() {
    let q = format!("{HEADER}pass_mark = 120\ndraw = 5\n{}", single("a", 2, 0));
    assert_error(&q, line_of(&q, "pass_mark"), "pass_mark 120 is out of range");
    assert_error(&q, line_of(&q, "draw ="), "draw = 5 but the pool has 1 question;");
}

#[test]
fn matching_rights_must_differ() {
    let q = format!(
        "{HEADER}{}",
        question("m", "matching", "[[question.pair]]\nleft = \"a\"\nright = \"same\"\n[[question.pair]]\nleft = \"b\"\nright = \"same\"\n")
    );
    assert_error(&q, line_of(&q, "type = \"matching\""), "must all be different");
}

#[test]
fn unknown_type() {
    let q = format!("{HEADER}{}", question("x", "essay", ""));
    assert_error(&q, line_of(&q, "type = \"essay\""), "unknown question type `essay`");
}

#[test]
fn a_quiz_file_not_listed_is_reported() {
    let dir = common::folder(&[("listed", &format!("{HEADER}{}", single("a", 2, 0)))]);
    std::fs::write(dir.join("stray.toml"), "id = \"x\"").unwrap();
    let errors = load_course(&dir).unwrap_err();
    assert!(errors.iter().any(|e| e.file.ends_with("stray.toml") && e.message.contains("not listed")), "{errors:?}");
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let q = format!("{HEADER}{}{}", single("bad-one", 2, 99), single("bad-two", 2, 0));
    assert!(errors_of(&q).len() >= 3, "{:#?}", errors_of(&q));
}

#[test]
fn every_section_of_the_material_is_taught_by_at_least_two_questions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
    let loaded = load_course(&dir).expect("valid course");
    let rows = tere_engine::authoring::coverage(&loaded);
    assert!(rows.len() >= 40, "sections.toml lists only {} sections", rows.len());
    let short: Vec<String> = rows.iter().filter(|r| r.questions.len() < 2).map(|r| format!("{} ({})", r.section.heading, r.questions.len())).collect();
    assert!(short.is_empty(), "sections with fewer than 2 questions: {short:#?}");
}

#[test]
fn coverage_counts_sub_points_towards_their_section() {
    let quiz = format!("{HEADER}{}{}", single("a", 2, 0), single("b", 2, 0));
    let loaded = load(&[("q", &quiz)]).unwrap();
    let rows = tere_engine::authoring::coverage(&loaded);
    let count = |heading: &str| rows.iter().find(|r| r.section.heading == heading).unwrap().questions.len();
    assert_eq!((count("Main"), count("Sub")), (2, 2), "both questions cite `Sub`, which lies within `Main`");
}

/// The widget embeds the course packed (`tere_engine::packed`): unpacking must give
/// back every field the widget uses, for the real course and for the hostile one
/// (markup, entities, multi-byte text).
#[test]
fn packing_keeps_every_field_the_widget_uses() {
    for folder in ["../questions", "../tests/hostile-content"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let mut course = load_course(&dir).unwrap_or_else(|e| panic!("{folder}: {e:?}")).course;
        let packed = tere_engine::packed::pack(&course);
        let unpacked = tere_engine::packed::unpack(packed.text.leak(), packed.shape.leak());
        // `source` is authoring metadata and is not packed.
        for q in course.quizzes.to_mut().iter_mut().flat_map(|quiz| quiz.questions.to_mut().iter_mut()) {
            q.source = tere_engine::Source { seed: "".into(), section: "".into() };
        }
        assert_eq!(unpacked, course, "{folder}");
        if folder == "../questions" {
            assert!(course.quizzes.iter().any(|q| q.draw.is_some()), "a drawn quiz exercises the draw field");
        }
    }
}
