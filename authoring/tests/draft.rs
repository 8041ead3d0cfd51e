//! `Draft`: editing a course in memory, on the built-in course (questions/).

use std::path::{Path, PathBuf};

use tere_authoring::draft::KINDS;
use tere_authoring::kinds::QuestionType;
use tere_authoring::{load_course_files, CourseFiles, Draft, EditError, Field, LoadedCourse, Seg};
use tere_engine::model::{Kind, Quiz};

const QUIZ: &str = "kontakti_loomine.toml";

fn questions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions")
}

fn read() -> CourseFiles {
    CourseFiles::from_dir(&questions()).expect("questions/ is readable")
}

fn draft() -> Draft {
    Draft::new(read())
}

/// The draft's export, loaded again from its text alone, with every placeholder written
/// over as a trainer would before publishing.
fn reload(draft: &Draft) -> LoadedCourse {
    let mut written = draft.clone();
    for (n, problem) in draft.check().into_iter().filter(|p| p.error.message.contains("is still the placeholder")).enumerate() {
        written.set_str(&problem.at.expect("a placeholder is at its field"), &format!("Kirjutatud tekst {n}")).unwrap();
    }
    // The export is the TOML; the media files stay as they were read.
    let files = CourseFiles { base: written.files().base.clone(), files: written.export().into_iter().collect(), media: written.files().media.clone() };
    load_course_files(&files).unwrap_or_else(|e| panic!("the export does not load: {e:?}"))
}

fn quiz<'a>(loaded: &'a LoadedCourse, id: &str) -> &'a Quiz {
    loaded.course.quizzes.iter().find(|q| q.id.as_ref() == id).unwrap_or_else(|| panic!("no quiz {id}"))
}

fn ids(quiz: &Quiz) -> Vec<String> {
    quiz.questions.iter().map(|q| q.id.to_string()).collect()
}

/// The problems but the placeholders a new part is written with (a trainer must
/// write over them before publishing; `an_untouched_new_question_blocks_publishing`).
fn written_problems(draft: &Draft) -> Vec<tere_authoring::Problem> {
    draft.check().into_iter().filter(|p| !p.error.message.contains("is still the placeholder")).collect()
}

/// Valid, but for placeholder text not written over yet.
fn assert_valid(draft: &Draft) {
    let problems = written_problems(draft);
    assert!(problems.is_empty(), "{problems:#?}");
}

fn question_list(file: &str) -> Field {
    Field::file(file).key("question")
}

#[test]
fn an_untouched_draft_exports_what_was_read_and_is_valid() {
    let files = read();
    let draft = Draft::new(files.clone());
    let export = draft.export();
    assert_eq!(export.len(), files.files.len());
    for (name, text) in &export {
        assert_eq!(Some(text), files.files.get(name), "{name}");
    }
    let names: Vec<&str> = export.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(&names[..3], ["course.toml", "sections.toml", "ettevalmistus.toml"]);
    let course_order: Vec<String> = draft.quiz_files().into_iter().map(|(_, f)| f).collect();
    assert_eq!(names[2..], course_order.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    assert_valid(&draft);
    // And load_course over the folder sees the same course as load_course_files.
    let from_dir = tere_authoring::load_course(&questions()).unwrap();
    assert_eq!(from_dir.course, load_course_files(&files).unwrap().course);
}

#[test]
fn reading_fields() {
    let d = draft();
    let q = Field::question(QUIZ, 0);
    assert_eq!(d.get_str(&q.clone().key("id")).as_deref(), Some("kl_sisenev_klient"));
    assert_eq!(d.get_str(&q.clone().key("source").key("seed")).as_deref(), Some("001_8afca4d5e33e49a8.txt"));
    assert_eq!(d.get_bool(&q.clone().key("option").index(1).key("correct")), Some(true));
    assert_eq!(d.get_bool(&q.clone().key("option").index(0).key("correct")), None);
    assert_eq!(d.get_int(&Field::file(QUIZ).key("pass_mark")), Some(80));
    assert_eq!(d.len(&q.clone().key("option")), 3);
    assert_eq!(d.get_str(&q.key("text")).map(|t| t.starts_with("Teenindad parajasti")), Some(true));
    let quizzes = d.quiz_files();
    assert_eq!(quizzes.len(), 7);
    assert_eq!(quizzes[1], ("kontakti_loomine".to_string(), QUIZ.to_string()));
    let sections = d.sections();
    assert_eq!(sections[0], ("001_8afca4d5e33e49a8.txt".to_string(), "Teenindusprotsessi eelne etapp: ettevalmistus".to_string()));
}

#[test]
fn editing_a_question_keeps_the_rest_of_the_file() {
    let mut d = draft();
    let original = d.files().files[QUIZ].clone();
    let q = Field::question(QUIZ, 0);
    let new_text = "Kuidas käitud, kui siseneb uus klient \"just praegu\"?";
    d.set_str(&q.clone().key("text"), new_text).unwrap();
    d.set_bool(&q.clone().key("option").index(0).key("correct"), true).unwrap();
    d.remove(&q.clone().key("option").index(1).key("correct")).unwrap();
    assert_valid(&d);

    let loaded = reload(&d);
    let question = &quiz(&loaded, "kontakti_loomine").questions[0];
    assert_eq!(question.text.as_ref(), new_text);
    let Kind::Single { options } = &question.kind else { panic!("{:?}", question.kind) };
    assert_eq!(options.iter().map(|o| o.correct).collect::<Vec<_>>(), [true, false, false]);

    // Only the three lines changed: the text, and `correct` moved from option 2 to option 1.
    let edited = &d.files().files[QUIZ];
    let old_text_line = original.lines().find(|l| l.starts_with("text = \"Teenindad parajasti")).unwrap();
    let kept = |text: &str, drop: &[&str]| {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for d in drop {
            let i = lines.iter().position(|l| l == d).unwrap_or_else(|| panic!("no line {d}"));
            lines.remove(i);
        }
        lines
    };
    let new_text_line = format!("text = {}", toml_edit::Value::from(new_text));
    assert_eq!(kept(&original, &[old_text_line, "correct = true"]), kept(edited, &[&new_text_line, "correct = true"]));
    assert!(edited.starts_with("# Stage I of the service process: making contact.\n"), "{edited}");
    for comment in original.lines().filter(|l| l.trim_start().starts_with('#')) {
        assert!(edited.contains(comment), "lost {comment}");
    }
    // The other files are untouched.
    let before = read();
    for (name, text) in d.export() {
        if name != QUIZ {
            assert_eq!(before.files[&name], text, "{name}");
        }
    }
}

#[test]
fn a_new_question_is_valid_and_a_problem_in_it_is_pointed_at() {
    let mut d = draft();
    let at = d.len(&question_list(QUIZ));
    let id = d.add_question(QUIZ, "single", at).unwrap();
    assert_valid(&d);
    let loaded = reload(&d);
    let kl = quiz(&loaded, "kontakti_loomine");
    assert_eq!(kl.questions.len(), at + 1);
    assert_eq!(kl.questions[at].id.as_ref(), id);
    assert!(matches!(&kl.questions[at].kind, Kind::Single { options } if options.len() == 2));
    assert_eq!(d.get_str(&Field::question(QUIZ, at).key("id")), Some(id.clone()));

    let text = Field::question(QUIZ, at).key("option").index(1).key("text");
    let good = d.get_str(&text).unwrap();
    d.set_str(&text, "").unwrap();
    let problems = written_problems(&d);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].at.as_ref(), Some(&text));
    assert_eq!(problems[0].error.message, "`option text` is empty; write the text the learner should see");
    assert!(problems[0].error.file.ends_with(QUIZ));
    d.set_str(&text, &good).unwrap();
    assert_valid(&d);
}

#[test]
fn problems_point_at_the_field() {
    let mut d = draft();
    // Which options are right is a problem of the question's options (shown beside their
    // boxes), though validation reports it at `type`; a bad `quizzes` entry is at that entry.
    d.remove(&Field::question(QUIZ, 0).key("option").index(1).key("correct")).unwrap();
    let mut list: Vec<String> = d.quiz_files().into_iter().map(|(id, _)| id).collect();
    list.push("puudub".into());
    d.set_str_list(&Field::file("course.toml").key("quizzes"), &list).unwrap();
    let problems = d.check();
    let at: Vec<Option<Field>> = problems.iter().map(|p| p.at.clone()).collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(at.contains(&Some(Field::question(QUIZ, 0).key("option"))), "{problems:#?}");
    assert!(at.contains(&Some(Field::file("course.toml").key("quizzes").index(7))), "{problems:#?}");
    assert!(problems.iter().any(|p| p.error.message == "a `single` question needs exactly one option with `correct = true`, found 0"));
    assert!(problems.iter().any(|p| p.error.said == tere_authoring::Said::NotOneRightOption { kind: "single".into(), found: 0 }));
}

#[test]
fn every_kind_from_its_template_is_valid() {
    let mut d = draft();
    let mut added = Vec::new();
    for kind in KINDS {
        let at = d.len(&question_list(QUIZ));
        added.push((kind, d.add_question(QUIZ, kind, at).unwrap()));
        assert_valid(&d);
    }
    let loaded = reload(&d);
    let kl = quiz(&loaded, "kontakti_loomine");
    for (kind, id) in added {
        let q = kl.questions.iter().find(|q| q.id.as_ref() == id).unwrap_or_else(|| panic!("{kind}: {id} not loaded"));
        let loaded_kind = q.kind.name();
        assert_eq!(loaded_kind, kind);
    }
    assert!(d.add_question(QUIZ, "essay", 0).is_err());
}

#[test]
fn options_pairs_items_and_hints_can_be_added() {
    let mut d = draft();
    let n = d.len(&question_list(QUIZ));
    for kind in ["single", "matching", "ordering"] {
        d.add_question(QUIZ, kind, n).unwrap();
    }
    let (ordering, matching, single) = (Field::question(QUIZ, n), Field::question(QUIZ, n + 1), Field::question(QUIZ, n + 2));
    d.add_option(&single, 0).unwrap();
    d.add_pair(&matching, 3).unwrap();
    d.add_item(&ordering, 1).unwrap();
    d.add_hint(&single, 0).unwrap();
    d.add_hint(&single, 1).unwrap();
    assert_valid(&d);
    assert_eq!(d.len(&single.clone().key("option")), 3);
    assert_eq!(d.get_bool(&single.clone().key("option").index(1).key("correct")), Some(true));
    assert_eq!(d.len(&matching.clone().key("pair")), 4);
    assert_eq!(d.len(&ordering.clone().key("items")), 4);
    assert_eq!(d.get_str_list(&single.clone().key("hint")).map(|h| h.len()), Some(2));
    let loaded = reload(&d);
    let q = &quiz(&loaded, "kontakti_loomine").questions[n + 2];
    assert_eq!((q.kind.options().len(), q.hints.len()), (3, 2));
    assert!(matches!(d.add_option(&single, 9), Err(EditError::OutOfRange { index: 9, len: 3, .. })));
}

#[test]
fn questions_duplicate_remove_and_move() {
    let mut d = draft();
    let original = d.export();
    let list = question_list(QUIZ);
    let n = d.len(&list);
    let before = ids(quiz(&reload(&d), "kontakti_loomine"));

    let copy = d.duplicate_question(QUIZ, 0).unwrap();
    assert_ne!(copy, before[0]);
    assert_valid(&d);
    let after = ids(quiz(&reload(&d), "kontakti_loomine"));
    assert_eq!(after.len(), n + 1);
    assert_eq!(after[1], copy);
    assert_eq!(d.get_str(&Field::question(QUIZ, 1).key("text")), d.get_str(&Field::question(QUIZ, 0).key("text")));
    assert_eq!(d.len(&Field::question(QUIZ, 1).key("option")), 3);

    d.remove(&Field::question(QUIZ, 1)).unwrap();
    assert_eq!(d.export(), original, "duplicating and removing again gives back the files");

    d.move_item(&list, 0, 2).unwrap();
    assert_valid(&d);
    let moved = ids(quiz(&reload(&d), "kontakti_loomine"));
    let mut want = before.clone();
    let first = want.remove(0);
    want.insert(2, first);
    assert_eq!(moved, want);
    assert_eq!(d.len(&Field::question(QUIZ, 2).key("option")), 3, "the options moved with their question");
    d.move_item(&list, 2, 0).unwrap();
    assert_eq!(d.export(), original, "moving back gives back the files");

    d.remove(&Field::question(QUIZ, 0)).unwrap();
    assert_valid(&d);
    assert_eq!(ids(quiz(&reload(&d), "kontakti_loomine")), before[1..]);
}

#[test]
fn quizzes_add_move_and_remove() {
    let mut d = draft();
    let original = d.export();
    let file = d.add_quiz("uus_test", "Uus test", "et").unwrap();
    assert_eq!(file, "uus_test.toml");
    assert_valid(&d);
    let loaded = reload(&d);
    assert_eq!(loaded.course.quizzes.len(), 8);
    let last = loaded.course.quizzes.last().unwrap();
    assert_eq!((last.id.as_ref(), last.title.as_ref(), last.questions.len()), ("uus_test", "Uus test", 1));
    assert_eq!(d.export()[9].0, "uus_test.toml", "listed last");
    assert!(d.add_quiz("uus_test", "Jälle", "et").is_err());
    assert!(d.add_quiz("uus-test", "Sidekriipsuga", "et").is_err());
    assert!(d.add_quiz("uus_kolmas", "Saksa", "de").is_err());

    d.move_quiz(7, 0).unwrap();
    assert_valid(&d);
    assert_eq!(reload(&d).course.quizzes[0].id.as_ref(), "uus_test");
    assert_eq!(d.quiz_files()[1].0, "ettevalmistus");

    d.remove_quiz("uus_test").unwrap();
    assert_valid(&d);
    assert!(!d.files().files.contains_key("uus_test.toml"));
    assert_eq!(d.export(), original, "adding, moving and removing a quiz gives back the files");

    d.move_quiz(0, 6).unwrap();
    assert_valid(&d);
    let order: Vec<String> = reload(&d).course.quizzes.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(order.last().map(String::as_str), Some("ettevalmistus"));
    assert!(d.remove_quiz("puudub").is_err());
}

#[test]
fn a_failed_edit_changes_nothing() {
    let mut d = draft();
    let original = d.export();
    let q = Field::question(QUIZ, 0);
    let n = d.len(&question_list(QUIZ));
    let cases: Vec<(&str, Result<(), EditError>)> = vec![
        ("no such question", d.set_str(&Field::question(QUIZ, n).key("text"), "x")),
        ("no such table", d.set_str(&q.clone().key("nothing").key("text"), "x")),
        ("no such file", d.set_str(&Field::file("puudub.toml").key("id"), "x")),
        ("no such key to remove", d.remove(&q.clone().key("hint"))),
        ("question index out of range", d.remove(&Field::question(QUIZ, n))),
        ("option index out of range", d.remove(&q.clone().key("option").index(3))),
        ("list index out of range", d.set_str(&Field::file("course.toml").key("quizzes").index(7), "x")),
        ("move from out of range", d.move_item(&question_list(QUIZ), n, 0)),
        ("move to out of range", d.move_item(&q.clone().key("option"), 0, 3)),
        ("move what is not a list", d.move_item(&q.clone().key("text"), 0, 1)),
        ("a text where a bool is", d.set_str(&q.clone().key("option").index(1).key("correct"), "true")),
        ("a bool where a table is", d.set_bool(&q.clone().key("option"), true)),
        ("an index into a text", d.set_str(&q.clone().key("text").index(0), "x")),
        ("a whole file", d.remove(&Field::file(QUIZ))),
        ("question at past the end", d.add_question(QUIZ, "single", n + 1).map(drop)),
        ("duplicate past the end", d.duplicate_question(QUIZ, n).map(drop)),
    ];
    for (what, result) in cases {
        assert!(result.is_err(), "{what}: accepted");
        assert_eq!(d.export(), original, "{what}: changed the draft");
    }
    assert!(matches!(d.remove(&Field::question(QUIZ, n)), Err(EditError::OutOfRange { index, len, .. }) if index == n && len == n));
    assert!(
        matches!(d.set_str(&Field::question(QUIZ, n).key("text"), "x"), Err(EditError::NoField(f)) if f.path == [Seg::Key("question".into()), Seg::Index(n)])
    );
    assert!(matches!(d.set_str(&Field::file("puudub.toml").key("id"), "x"), Err(EditError::NoFile(_))));
    assert!(matches!(d.set_str(&q.key("option").index(1).key("correct"), "true"), Err(EditError::WrongType { .. })));
    assert_valid(&d);
}

#[test]
fn a_file_that_is_not_toml_cannot_be_edited_but_is_reported() {
    let mut d = draft();
    d.set_file(QUIZ, "id = \"kontakti_loomine\"\ntitle = \n");
    assert!(matches!(d.set_str(&Field::file(QUIZ).key("id"), "x"), Err(EditError::NotToml { .. })));
    let problems = d.check();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].at, None);
    assert_eq!(problems[0].error.line, 2);
}

#[test]
fn in_memory_errors_name_the_base_folder() {
    let mut files = read();
    files.base = PathBuf::from("kursus");
    files.files.remove(QUIZ);
    files.files.insert("lisa.toml".into(), "x = 1\n".into());
    let errors = load_course_files(&files).unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(shown[0].starts_with("kursus/course.toml:6:5: `quizzes` lists `kontakti_loomine`, but there is no kontakti_loomine.toml here"), "{shown:#?}");
    assert_eq!(shown[1], "kursus/lisa.toml:1:1: this quiz file is not listed in `quizzes` in course.toml; add its name there or remove the file");
}

#[test]
fn load_course_still_says_why_a_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sections.toml"), "[[section]]\nseed = \"s\"\nheading = \"h\"\n").unwrap();
    let errors = tere_authoring::load_course(dir.path()).unwrap_err();
    let why = std::fs::read_to_string(dir.path().join("course.toml")).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].to_string(), format!("{}:1:1: cannot read the file: {why}", dir.path().join("course.toml").display()));
    // In memory there is no filesystem to ask.
    let files = CourseFiles::from_dir(dir.path()).unwrap();
    assert_eq!(files.files.keys().collect::<Vec<_>>(), ["sections.toml"]);
    let errors = load_course_files(&files).unwrap_err();
    assert_eq!(errors[0].message, "cannot read the file: there is no such file in the course");
    assert!(CourseFiles::from_dir(&dir.path().join("puudub")).is_err());
}

#[test]
fn a_scenarios_speaker_is_set_as_a_person_writes_it() {
    use tere_authoring::draft::SpeakerChoice;
    use tere_engine::model::Speaker;
    let mut d = draft();
    let id = d.add_question(QUIZ, "scenario", 0).unwrap();
    let q = Field::question(QUIZ, 0);
    assert_eq!(d.speaker(&q), SpeakerChoice::Customer);
    let loaded_speaker = |d: &Draft| {
        let loaded = reload(d);
        match &quiz(&loaded, "kontakti_loomine").questions.iter().find(|x| x.id == id).unwrap().kind {
            Kind::Scenario { speaker, .. } => speaker.clone(),
            other => panic!("not a scenario: {other:?}"),
        }
    };
    for (choice, expected) in [
        (SpeakerChoice::Colleague, Speaker::Colleague),
        (SpeakerChoice::Named("Vahetuse juhataja".into()), Speaker::Named("Vahetuse juhataja".into())),
        (SpeakerChoice::Customer, Speaker::Customer),
    ] {
        d.set_speaker(&q, &choice).unwrap();
        assert_valid(&d);
        assert_eq!(d.speaker(&q), choice);
        assert_eq!(loaded_speaker(&d), expected);
    }
    assert!(!d.exists(&q.clone().key("speaker")), "the customer is the default: no key is written");
}

#[test]
fn a_section_added_can_be_cited() {
    let mut d = draft();
    let before = d.sections().len();
    let at = d.add_section("Telefonikõne vastuvõtmine").unwrap();
    assert_eq!((at, d.sections().len()), (before, before + 1));
    assert_valid(&d);
    let (seed, heading) = d.sections()[at].clone();
    let source = Field::question(QUIZ, 0).key("source");
    d.set_str(&source.clone().key("seed"), &seed).unwrap();
    d.set_str(&source.key("section"), &heading).unwrap();
    assert_valid(&d);
    let loaded = reload(&d);
    assert_eq!(quiz(&loaded, "kontakti_loomine").questions[0].source.section, heading);
}

#[test]
fn a_question_changes_type_keeping_what_the_new_type_has_too() {
    let mut d = draft();
    let n = d.len(&question_list(QUIZ));
    let q = Field::question(QUIZ, 0);
    let read = |d: &Draft, key: &str| d.get_str(&q.clone().key(key));
    let (id, text, explanation) = (read(&d, "id"), read(&d, "text"), read(&d, "explanation"));
    let options = |d: &Draft| -> Vec<(Option<String>, Option<bool>)> {
        let list = q.clone().key("option");
        (0..d.len(&list)).map(|i| (d.get_str(&list.clone().index(i).key("text")), d.get_bool(&list.clone().index(i).key("correct")))).collect()
    };
    let before = options(&d);
    assert_eq!(read(&d, "type").as_deref(), Some("single"));

    // Single to multiple and to scenario: the options stay as they were; nothing is lost.
    for to in [QuestionType::Multiple, QuestionType::Scenario, QuestionType::Single] {
        // Back to single loses the scenario's line (the template's, which the author may have written over).
        assert_eq!(d.type_change_loses(&q, to), to == QuestionType::Single, "{to:?}");
        d.change_question_type(&q, to).unwrap();
        assert_valid(&d);
        assert_eq!(read(&d, "type").as_deref(), Some(to.name()));
        assert_eq!(options(&d), before, "{to:?}");
        assert_eq!(d.exists(&q.clone().key("line")), to == QuestionType::Scenario, "{to:?}");
    }

    // To ordering: the options go (the Studio asks first), the template's steps come, the rest stays.
    assert!(d.type_change_loses(&q, QuestionType::Ordering));
    d.change_question_type(&q, QuestionType::Ordering).unwrap();
    assert_valid(&d);
    assert!(!d.exists(&q.clone().key("option")));
    assert_eq!(d.len(&q.clone().key("items")), 3);
    assert_eq!((read(&d, "id"), read(&d, "text"), read(&d, "explanation")), (id, text, explanation));
    let loaded = reload(&d);
    assert!(matches!(&quiz(&loaded, "kontakti_loomine").questions[0].kind, Kind::Ordering { items } if items.len() == 3));
    assert_eq!(d.len(&question_list(QUIZ)), n);
}

#[test]
fn every_type_changes_to_every_type_and_stays_valid() {
    for from in QuestionType::ALL {
        for to in QuestionType::ALL {
            let mut d = draft();
            let at = d.len(&question_list(QUIZ));
            d.add_question(QUIZ, from.name(), at).unwrap();
            let q = Field::question(QUIZ, at);
            d.set_str(&q.clone().key("explanation"), "Kept.").unwrap();
            d.change_question_type(&q, to).unwrap();
            let problems = written_problems(&d);
            assert!(problems.is_empty(), "{from:?} → {to:?}: {problems:#?}\n{}", d.export().into_iter().find(|(f, _)| f == QUIZ).unwrap().1);
            assert_eq!(d.get_str(&q.clone().key("explanation")).as_deref(), Some("Kept."), "{from:?} → {to:?}");
            // Going back loses something when `to` brought a field `from` does not have (its
            // template fills every field of its type but a scenario's optional speaker).
            let brought = to.fields().iter().filter(|&&f| f != "speaker").any(|f| !from.fields().contains(f));
            assert_eq!(d.type_change_loses(&q, from), brought, "{from:?} → {to:?} → {from:?}");
        }
    }
}

#[test]
fn a_multiple_choice_with_two_right_made_single_is_pointed_at() {
    let mut d = draft();
    let at = d.len(&question_list(QUIZ));
    d.add_question(QUIZ, "multiple", at).unwrap();
    let q = Field::question(QUIZ, at);
    d.set_bool(&q.clone().key("option").index(1).key("correct"), true).unwrap();
    assert_valid(&d);
    d.change_question_type(&q, QuestionType::Single).unwrap();
    let problems = written_problems(&d);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].error.message.contains("one"), "{}", problems[0].error.message);
}

/// What a trainer did not write never reaches learners: a new question's placeholders
/// are problems at their fields (publishing waits for them), until written over.
#[test]
fn an_untouched_new_question_blocks_publishing_until_its_placeholders_are_written_over() {
    let mut d = draft();
    assert!(d.check().is_empty(), "the built-in course has no placeholder");
    let at = d.len(&question_list(QUIZ));
    d.add_question(QUIZ, "single", at).unwrap();
    let q = Field::question(QUIZ, at);
    let unwritten = |d: &Draft| {
        let mut at: Vec<Field> = d
            .check()
            .into_iter()
            .map(|p| {
                assert!(p.error.message.contains("is still the placeholder"), "{}", p.error.message);
                p.at.expect("at a field")
            })
            .collect();
        at.sort_by_key(|f| format!("{f:?}"));
        at
    };
    let mut expected = vec![q.clone().key("text"), q.clone().key("explanation")];
    for i in 0..2 {
        expected.push(q.clone().key("option").index(i).key("text"));
        expected.push(q.clone().key("option").index(i).key("feedback"));
    }
    expected.sort_by_key(|f| format!("{f:?}"));
    assert_eq!(unwritten(&d), expected);
    let message = d.check().into_iter().find(|p| p.at.as_ref() == Some(&q.clone().key("text"))).unwrap().error.message;
    assert_eq!(message, "`text` is still the placeholder \"Kirjuta siia küsimus.\"; write the text the learner should see");
    for (n, field) in expected.iter().enumerate() {
        d.set_str(field, &format!("Päris tekst {n}")).unwrap();
    }
    assert!(d.check().is_empty(), "{:#?}", d.check());
    // A numbered placeholder is one too, in any of the languages ("Vaihe 2" in an Estonian quiz).
    d.set_str(&q.clone().key("option").index(0).key("text"), "Vaihe 2").unwrap();
    assert_eq!(d.check().len(), 1);
    // A template text the Studio wrote before it was worded anew (a draft saved earlier) is one too.
    d.set_str(&q.clone().key("option").index(0).key("text"), "Päris tekst").unwrap();
    d.set_str(&q.clone().key("option").index(1).key("feedback"), "Kirjuta siia tagasiside sellele vastusele.").unwrap();
    assert_eq!(d.check().len(), 1);
}

/// A new question cites the section its quiz's questions cite most, not the course's
/// first section (which belongs to another stage).
#[test]
fn a_new_question_cites_the_section_its_quiz_cites_most() {
    let mut d = draft();
    for quiz in ["raske_klient.toml", "kontakti_loomine.toml"] {
        let list = question_list(quiz);
        let cited: Vec<(String, String)> = (0..d.len(&list))
            .map(|i| {
                let source = list.clone().index(i).key("source");
                (d.get_str(&source.clone().key("seed")).unwrap(), d.get_str(&source.key("section")).unwrap())
            })
            .collect();
        let count = |s: &(String, String)| cited.iter().filter(|c| *c == s).count();
        let most = cited.iter().map(count).max().unwrap();
        let at = d.len(&list);
        d.add_question(quiz, "single", at).unwrap();
        let source = Field::question(quiz, at).key("source");
        let chosen = (d.get_str(&source.clone().key("seed")).unwrap(), d.get_str(&source.key("section")).unwrap());
        assert_eq!(count(&chosen), most, "{quiz}: {chosen:?}");
        assert_ne!(Some(&chosen), d.sections().first().filter(|first| count(first) == 0), "{quiz}: not another stage's section");
    }
}
