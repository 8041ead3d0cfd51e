//! Content validation: the built-in course loads; broken files are reported with
//! file, line and a plain message.

mod common;

use common::{load, question, single, HEADER};
use tere_authoring::load_course;
use tere_engine::{Kind, Speaker};

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
    let q = format!("{HEADER}{}", single("a", 2, 0)).replace("explanation = \"E\"", "explanation = \"E\"\ntip = \"typo\"");
    assert_error(&q, line_of(&q, "tip ="), "unknown field `tip`");
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
    let rows = tere_authoring::coverage(&loaded);
    assert!(rows.len() >= 40, "sections.toml lists only {} sections", rows.len());
    let short: Vec<String> = rows.iter().filter(|r| r.questions.len() < 2).map(|r| format!("{} ({})", r.section.heading, r.questions.len())).collect();
    assert!(short.is_empty(), "sections with fewer than 2 questions: {short:#?}");
}

#[test]
fn coverage_counts_sub_points_towards_their_section() {
    let quiz = format!("{HEADER}{}{}", single("a", 2, 0), single("b", 2, 0));
    let loaded = load(&[("q", &quiz)]).unwrap();
    let rows = tere_authoring::coverage(&loaded);
    let count = |heading: &str| rows.iter().find(|r| r.section.heading == heading).unwrap().questions.len();
    assert_eq!((count("Main"), count("Sub")), (2, 2), "both questions cite `Sub`, which lies within `Main`");
}

/// The player reads the course from packs (`tere_engine::packed`): reading them must give
/// back every field the widget uses, for the real course and for the hostile one
/// (markup, entities, multi-byte text).
#[test]
fn packing_keeps_every_field_the_widget_uses() {
    for folder in ["../questions", "../tests/hostile-content"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let mut course = load_course(&dir).unwrap_or_else(|e| panic!("{folder}: {e:?}")).course;
        let packed = tere_authoring::packed::pack(&course);
        let unpacked = packed.read().expect("packs read back");
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

/// A balanced pool's flag and its questions' sections (`topic`) survive packing too.
#[test]
fn packing_keeps_a_balanced_draw() {
    let mut q = format!("{HEADER}draw = 2\ndraw_per_section = true\n");
    q += &single("a", 2, 0);
    q += &question("b", "reflection", "");
    q += &single("c", 2, 1);
    let course = load(&[("pool", &q)]).unwrap_or_else(|e| panic!("{e:?}")).course;
    let quiz = &course.quizzes[0];
    assert!(quiz.draw_per_section);
    // `single` cites "Sub", `question` "Main": numbered in order of first citation.
    assert_eq!(quiz.questions.iter().map(|q| q.topic).collect::<Vec<_>>(), vec![0, 1, 0]);
    let packed = tere_authoring::packed::pack(&course);
    let unpacked = packed.read().expect("packs read back");
    assert!(unpacked.quizzes[0].draw_per_section);
    assert_eq!(unpacked.quizzes[0].questions.iter().map(|q| q.topic).collect::<Vec<_>>(), vec![0, 1, 0]);
}

/// Hints, tries and penalties survive packing.
#[test]
fn packing_keeps_hints_tries_and_penalties() {
    let mut q = format!("{HEADER}tries = 3\ntry_penalty = 25\nhint_penalty = 10\n");
    q += &single("a", 2, 0).replace("explanation = \"E\"", "explanation = \"E\"\nhint = [\"Mõtle kliendile.\", \"Mis on esimene samm?\"]");
    q += &single("b", 2, 1);
    let course = load(&[("help", &q)]).unwrap_or_else(|e| panic!("{e:?}")).course;
    let quiz = &course.quizzes[0];
    assert_eq!((quiz.tries, quiz.try_penalty, quiz.hint_penalty), (3, 25, 10));
    assert_eq!(quiz.questions[0].hints.len(), 2);
    let packed = tere_authoring::packed::pack(&course);
    let unpacked = packed.read().expect("packs read back");
    let back = &unpacked.quizzes[0];
    assert_eq!((back.tries, back.try_penalty, back.hint_penalty), (3, 25, 10));
    assert_eq!(back.questions[0].hints, quiz.questions[0].hints);
    assert!(back.questions[1].hints.is_empty());
}

/// The built-in course passes the item-writing lint (`cargo xtask check --strict`)
/// and meets the course-wide targets the lint's per-quiz rules cannot see.
#[test]
fn the_built_in_course_passes_the_item_writing_lint() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
    let loaded = load_course(&dir).expect("valid course");
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    assert!(warnings.is_empty(), "item-writing warnings:\n{}", warnings.join("\n"));
    let f = tere_authoring::lint::figures(&loaded.course);
    assert!(f.right_longest * 3 <= f.one_right, "right option longest in {} of {}", f.right_longest, f.one_right);
    let true_share = f.true_statements as f64 / f.statements as f64;
    assert!((0.35..=0.65).contains(&true_share), "{} of {} statements true", f.true_statements, f.statements);
    assert!(f.wrong_counts.len() >= 3, "wrong options per multiple-answer question: {:?}", f.wrong_counts);
    assert!(f.reflections.iter().filter(|(_, n)| *n > 0).count() >= 4, "reflections: {:?}", f.reflections);
}

/// A true/false question; `answer` is `true` or `false`.
fn statement(id: &str, answer: bool, extra: &str) -> String {
    question(id, "true_false", &format!("answer = {answer}\nfeedback_true = \"T\"\nfeedback_false = \"F\"\n{extra}"))
}

#[test]
fn lint_warnings_name_the_file_the_question_and_the_rule() {
    let quiz = format!("{HEADER}{}{}", statement("a", false, ""), statement("b", false, "")).replace("text = \"Q a\"", "text = \"Klient on alati rahul.\"");
    let loaded = load(&[("lint", &quiz)]).expect("warnings do not stop loading");
    let shown: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    let at = format!("lint.toml:{}:", line_of(&quiz, "id = \"a\""));
    assert!(
        shown.iter().any(|w| w.contains(&at) && w.contains("question `a`") && w.contains("\"alati\"") && w.contains("rule `absolute_in_false`")),
        "{shown:#?}"
    );
    let quiz_line = format!("lint.toml:{}:", line_of(&quiz, "id = \"q\""));
    assert!(shown.iter().any(|w| w.contains(&quiz_line) && w.contains("quiz `q`") && w.contains("rule `true_false_balance`")), "{shown:#?}");
}

#[test]
fn an_allow_with_a_reason_silences_one_rule_and_an_unused_one_is_reported() {
    let allow = "allow = { rule = \"absolute_in_false\", reason = \"The seed states this misconception word for word.\" }\n";
    let quiz =
        format!("{HEADER}{}{}", statement("a", false, allow), statement("b", true, allow)).replace("text = \"Q a\"", "text = \"Klient on alati rahul.\"");
    let loaded = load(&[("lint", &quiz)]).unwrap();
    let rules: Vec<(&str, Option<&str>)> = loaded.warnings.iter().map(|w| (w.rule, w.question.as_deref())).collect();
    assert_eq!(rules, [("unused_allow", Some("b"))], "{:#?}", loaded.warnings);
    // Quiz-wide rules are silenced at the top of the file, before the first question.
    let header = format!("{HEADER}allow = {{ rule = \"true_false_balance\", reason = \"Only two statements, both about myths.\" }}\n");
    let quiz = format!("{header}{}{}", statement("a", false, ""), statement("b", false, ""));
    assert!(load(&[("lint", &quiz)]).unwrap().warnings.is_empty());
}

/// The rules the native reviewer's findings added (issue 30) report through the same
/// warnings as the others, and an `allow` silences them.
#[test]
fn a_quiz_wide_rule_of_the_reviewers_findings_is_warned_and_can_be_allowed() {
    let questions = format!("{}{}{}", single("a", 3, 0), single("b", 3, 0), single("c", 3, 1));
    let quiz = format!("{HEADER}{questions}");
    let loaded = load(&[("lint", &quiz)]).unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    let quiz_line = format!("lint.toml:{}:", line_of(&quiz, "id = \"q\""));
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].contains(&quiz_line) && shown[0].contains("quiz `q`: a right option is listed first in 2 of the 3") && shown[0].contains("rule `key_first`"),
        "{shown:#?}"
    );
    let header = format!("{HEADER}allow = {{ rule = \"key_first\", reason = \"A printed drill that keeps the seed's order.\" }}\n");
    assert!(load(&[("lint", &format!("{header}{questions}"))]).unwrap().warnings.is_empty());
}

#[test]
fn an_allow_must_name_a_rule_and_give_a_reason() {
    let quiz = format!("{HEADER}{}", statement("a", false, "allow = { rule = \"no_such_rule\", reason = \"\" }\n"));
    assert_error(&quiz, line_of(&quiz, "allow ="), "`allow` names no rule `no_such_rule`");
    assert_error(&quiz, line_of(&quiz, "allow ="), "`reason` must say in a sentence why");
}

#[test]
fn a_scenario_line_has_a_speaker_the_customer_by_default() {
    let options = "[[question.option]]\ntext = \"x\"\ncorrect = true\nfeedback = \"f\"\n[[question.option]]\ntext = \"y\"\nfeedback = \"f\"\n";
    let quiz = format!(
        "{HEADER}{}{}{}",
        question("c", "scenario", &format!("line = \"Tere!\"\n{options}")),
        question("k", "scenario", &format!("speaker = \"colleague\"\nline = \"Loe juhendit.\"\n{options}")),
        question("n", "scenario", &format!("speaker = {{ name = \"Juhataja\" }}\nline = \"Kadri ei vaja koolitust.\"\n{options}")),
    );
    let course = common::course(&quiz);
    let speakers: Vec<&Speaker> =
        course.quizzes[0].questions.iter().map(|q| if let Kind::Scenario { speaker, .. } = &q.kind { speaker } else { unreachable!() }).collect();
    assert_eq!(speakers, [&Speaker::Customer, &Speaker::Colleague, &Speaker::Named("Juhataja".into())]);
    let packed = tere_authoring::packed::pack(course);
    let unpacked = packed.read().expect("packs read back");
    assert_eq!(unpacked.quizzes[0].questions[2].kind, course.quizzes[0].questions[2].kind);
    let bad = quiz.replace("speaker = { name = \"Juhataja\" }", "speaker = { name = \" \" }");
    assert_error(&bad, line_of(&bad, "name = \" \""), "the speaker's `name` is empty");
}
