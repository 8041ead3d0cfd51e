//! What hosts receive: resume text, events, and SCORM values in Moodle's formats.

mod common;

use common::{course, question, single, HEADER};
use regex::Regex;
use tere_engine::cmi::{self, Interaction, Version};
use tere_engine::report::{events, Event};
use tere_engine::resume::{self, ResumeError};
use tere_engine::{Action, Answer, Phase, Session};

fn mixed() -> String {
    let mut q = HEADER.to_string();
    q += &single("a", 3, 1);
    q += &question("b", "multiple", "[[question.option]]\ntext = \"x\"\nfeedback = \"f\"\ncorrect = true\n[[question.option]]\ntext = \"y\"\nfeedback = \"f\"\n[[question.option]]\ntext = \"z\"\nfeedback = \"f\"\ncorrect = true\n");
    q += &question("c", "true_false", "answer = true\nfeedback_true = \"ok\"\nfeedback_false = \"no\"");
    q += &question("d", "ordering", "items = [\"1\", \"2\", \"3\"]");
    q += &question("e", "matching", "[[question.pair]]\nleft = \"l1\"\nright = \"r1\"\n[[question.pair]]\nleft = \"l2\"\nright = \"r2\"\n");
    q += &question("f", "reflection", "");
    q
}

/// Plays `n` questions with some answer each (first option, current order, …).
fn play(mut s: Session, n: usize) -> Session {
    for _ in 0..n {
        let (_, quiz) = s.quiz().unwrap();
        let kind = &s.attempt().unwrap().question(quiz).kind;
        s = match kind {
            tere_engine::Kind::Matching { .. } => s.reduce(Action::Match { pair: 0, right: Some(1) }).reduce(Action::Match { pair: 1, right: Some(0) }),
            tere_engine::Kind::Reflection => s.reduce(Action::Write("Mõtlen ~ 100% ausalt.\nTeine rida".into())),
            tere_engine::Kind::Ordering { .. } => s,
            _ => s.reduce(Action::Choose(0)),
        };
        s = s.reduce(Action::Check);
        s = if s.attempt().unwrap().is_last() { s.reduce(Action::Finish) } else { s.reduce(Action::Next) };
    }
    s
}

fn start(quiz: &str, seed: u64) -> Session {
    Session::new(course(quiz)).reduce(Action::Open(0)).reduce(Action::Start { seed })
}

#[test]
fn resume_round_trips_every_phase_and_kind() {
    let text = mixed();
    for answered in 0..=6 {
        let s = play(start(&text, 123_456_789), answered);
        let quiz = &s.course.quizzes[0];
        let attempt = s.attempt().unwrap();
        let encoded = resume::encode(quiz, attempt);
        let decoded = resume::decode(quiz, &encoded).unwrap();
        assert_eq!((decoded.seed, decoded.current, decoded.phase), (attempt.seed, attempt.current, attempt.phase), "{encoded}");
        assert_eq!(decoded.questions, attempt.questions);
        assert_eq!(decoded.answers, attempt.answers, "{encoded}");
        // Checked state round-trips too (feedback on screen when the page reloads).
        let checked = s.reduce(Action::Check);
        if let Some(a) = checked.attempt().filter(|a| a.phase == Phase::Checked) {
            assert_eq!(resume::decode(quiz, &resume::encode(quiz, a)).unwrap().phase, Phase::Checked);
        }
    }
}

#[test]
fn editing_a_question_drops_only_its_answer() {
    let before = mixed();
    let s = play(start(&before, 42), 4);
    let saved = resume::encode(&s.course.quizzes[0], s.attempt().unwrap());
    let edited = course(&before.replace("Q c", "Q c, reworded"));
    let restored = resume::decode(&edited.quizzes[0], &saved).unwrap();
    let kept: Vec<bool> = restored.answers.iter().map(Option::is_some).collect();
    assert_eq!(kept, vec![true, true, false, true, false, false]);
}

/// The same through course packs, as the player gets them: the trainer republishes the
/// course with one question changed (its quiz's pack is new, its hash too), and a
/// learner who resumes keeps every other answer.
#[test]
fn resuming_after_a_republished_pack_keeps_every_unchanged_answer() {
    let before = mixed();
    let played = tere_authoring::packed::pack(course(&before)).read().unwrap();
    let played: &'static tere_engine::Course = Box::leak(Box::new(played));
    let s = play(Session::new(played).reduce(Action::Open(0)).reduce(Action::Start { seed: 42 }), 4);
    let saved = resume::encode(&played.quizzes[0], s.attempt().unwrap());
    let republished = tere_authoring::packed::pack(course(&before.replace("Q c", "Q c, reworded")));
    assert_ne!(republished.quiz("q"), tere_authoring::packed::pack(course(&before)).quiz("q"), "the edited quiz's pack changed");
    let edited = republished.read().unwrap();
    let restored = resume::decode(&edited.quizzes[0], &saved).unwrap();
    let kept: Vec<bool> = restored.answers.iter().map(Option::is_some).collect();
    assert_eq!(kept, vec![true, true, false, true, false, false]);
}

#[test]
fn damaged_or_foreign_resume_text_is_refused_never_a_panic() {
    let text = mixed();
    let s = play(start(&text, 99), 5);
    let quiz = &s.course.quizzes[0];
    let good = resume::encode(quiz, s.attempt().unwrap());
    for cut in 0..good.len() {
        let _ = resume::decode(quiz, &good[..cut]); // any result but a panic
    }
    assert_eq!(resume::decode(quiz, "").unwrap_err(), ResumeError::Foreign);
    assert_eq!(resume::decode(quiz, "{\"lesson\":3}").unwrap_err(), ResumeError::Foreign);
    assert_eq!(resume::decode(quiz, &good.replacen(".q.", ".other_quiz.", 1)).unwrap_err(), ResumeError::Foreign);
    assert_eq!(resume::decode(quiz, &good.replacen(".q.", ".q.!!", 1)).unwrap_err(), ResumeError::Corrupt);
    assert!(resume::decode(quiz, &format!("{good}~extra")).is_err());
}

#[test]
fn worst_case_resume_text_of_every_built_in_quiz_fits_1024_characters() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
    let loaded = tere_authoring::load_course(&dir).unwrap();
    for quiz in loaded.course.quizzes.iter() {
        let worst = resume::worst_case_len(quiz);
        eprintln!("{}: worst-case resume text {worst} characters", quiz.id);
        assert!(worst <= 1024, "{}: worst case {worst} characters", quiz.id);
    }
}

#[test]
fn the_worst_case_bound_holds_for_real_encodings() {
    let text = mixed();
    let s = play(start(&text, u64::MAX >> 11), 6);
    let quiz = &s.course.quizzes[0];
    // A reflection full of characters that need escaping.
    let mut a = s.attempt().unwrap().clone();
    *a.answers.last_mut().unwrap() = Some(Answer::Text("~%".repeat(200)));
    assert!(resume::encode(quiz, &a).chars().count() <= resume::worst_case_len(quiz));
}

#[test]
fn events_follow_the_learner() {
    let s0 = Session::new(course(&mixed())).reduce(Action::Open(0));
    let s1 = s0.reduce(Action::Start { seed: 5 });
    assert_eq!(events(&s0, &s1), vec![Event::Started { quiz: 0 }]);
    let s2 = s1.reduce(Action::Choose(1));
    assert_eq!(events(&s1, &s2), vec![]);
    let s3 = s2.reduce(Action::Check);
    assert_eq!(events(&s2, &s3), vec![Event::Answered { quiz: 0, position: 0 }]);
    assert_eq!(events(&s3, &s3.reduce(Action::Check)), vec![], "a second check is no new answer");
    let done = play(s3.reduce(Action::Next), 5);
    let before_finish = play(s3.reduce(Action::Next), 4).reduce(Action::Choose(0));
    let evs = events(&before_finish, &done);
    assert!(evs.contains(&Event::Completed { quiz: 0 }), "{evs:?}");
    let retry = done.reduce(Action::Retry { seed: 6 });
    assert_eq!(events(&done, &retry), vec![Event::Started { quiz: 0 }]);
}

// Moodle's validation patterns (mod/scorm/datamodels), quoted as facts.
const M12_TIMESPAN: &str = r"^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$";
const M12_TIME: &str = r"^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$";
const M12_RESULT: &str = r"^correct$|^wrong$|^unanticipated$|^neutral$|^([0-9]{0,3})?(\.[0-9]{1,2})?$";
const M12_IDENTIFIER: &str = r"^[\x21-\x7E]{0,255}$";
const M2004_TIMESPAN: &str = r"^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$";
const M2004_TIME: &str = r"^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$";
const M2004_RESULT: &str = r"^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$";
const M2004_LANGSTRING250: &str = r"^(\{lang=([a-zA-Z]{2,3}|i|x)(\-[a-zA-Z0-9\-]{2,8})?\})?([^\{].{0,250}$)?";

fn matches(pattern: &str, value: &str) -> bool {
    Regex::new(pattern).unwrap().is_match(value)
}

#[test]
fn durations_and_times_pass_moodle() {
    for centis in [0, 5, 6_123, 360_000 * 3 + 4_567, 360_000 * 120] {
        assert!(matches(M12_TIMESPAN, &cmi::duration(Version::Scorm12, centis)), "{}", cmi::duration(Version::Scorm12, centis));
        assert!(matches(M2004_TIMESPAN, &cmi::duration(Version::Scorm2004, centis)), "{}", cmi::duration(Version::Scorm2004, centis));
    }
    assert_eq!(cmi::duration(Version::Scorm12, 360_000 + 6_000 + 150), "01:01:01.50");
    assert_eq!(cmi::duration(Version::Scorm2004, 360_000 + 6_000 + 150), "PT1H1M1.50S");
    let nov_22_2026 = 1_795_384_800_123; // 2026-11-22T22:00:00.123Z
    assert_eq!(cmi::timestamp(Version::Scorm2004, nov_22_2026), "2026-11-22T22:00:00.12Z");
    assert_eq!(cmi::timestamp(Version::Scorm12, nov_22_2026), "22:00:00");
    assert!(matches(M2004_TIME, &cmi::timestamp(Version::Scorm2004, nov_22_2026)));
    assert!(matches(M12_TIME, &cmi::timestamp(Version::Scorm12, nov_22_2026)));
    assert_eq!(cmi::timestamp(Version::Scorm2004, 951_782_400_000), "2000-02-29T00:00:00.00Z");
}

#[test]
fn interactions_of_every_kind_pass_moodle_in_both_versions() {
    let text = mixed();
    let s = play(start(&text, 77), 6);
    let quiz = &s.course.quizzes[0];
    let attempt = s.attempt().unwrap();
    let id_2004 = Regex::new(r"^[A-Za-z0-9_.]+$").unwrap();
    for (position, &qi) in attempt.questions.iter().enumerate() {
        let question = &quiz.questions[qi as usize];
        let answer = attempt.answers[position].as_ref().unwrap();
        let credit = tere_engine::score::credit(&question.kind, answer);
        let interaction = Interaction { question, answer, credit, latency_centis: 1234, epoch_ms: 1_795_384_800_000, lang: "et" };
        for version in [Version::Scorm12, Version::Scorm2004] {
            let fields = interaction.fields(version);
            let get = |name: &str| fields.iter().find(|(f, _)| *f == name).map(|(_, v)| v.clone());
            for (field, value) in &fields {
                assert!(!value.contains('\n'), "{field} has a line break");
            }
            match version {
                Version::Scorm12 => {
                    assert!(matches(M12_RESULT, &get("result").unwrap()), "{:?}", get("result"));
                    assert!(matches(M12_TIMESPAN, &get("latency").unwrap()));
                    assert!(matches(M12_IDENTIFIER, &get("id").unwrap()));
                    assert!(get("student_response").unwrap().chars().count() <= 255);
                }
                Version::Scorm2004 => {
                    assert!(matches(M2004_RESULT, &get("result").unwrap()), "{:?}", get("result"));
                    assert!(matches(M2004_TIMESPAN, &get("latency").unwrap()));
                    assert!(matches(M2004_TIME, &get("timestamp").unwrap()));
                    assert!(matches(M2004_LANGSTRING250, &get("description").unwrap()));
                    if question.kind.is_graded() {
                        for response in [get("learner_response").unwrap(), get("correct_responses.0.pattern").unwrap()] {
                            for id in response.split("[,]").flat_map(|p| p.split("[.]")) {
                                assert!(id_2004.is_match(id), "identifier `{id}` in `{response}`");
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn responses_carry_the_learners_choice() {
    let text = mixed();
    let s = play(start(&text, 77), 2);
    let quiz = &s.course.quizzes[0];
    let a = s.attempt().unwrap();
    let q = &quiz.questions[1];
    let answer = Answer::Choices(vec![0, 2]);
    let i = Interaction { question: q, answer: &answer, credit: Some(1.0), latency_centis: 0, epoch_ms: 0, lang: "et" };
    let f12 = i.fields(Version::Scorm12);
    let f04 = i.fields(Version::Scorm2004);
    assert!(f12.contains(&("student_response", "0,2".into())) && f12.contains(&("result", "correct".into())));
    assert!(f04.contains(&("learner_response", "o0[,]o2".into())) && f04.contains(&("correct_responses.0.pattern", "o0[,]o2".into())));
    let half = Interaction { credit: Some(0.5), ..i };
    assert!(half.fields(Version::Scorm12).contains(&("result", "0.5".into())));
    let _ = a;
}

#[test]
fn decimals_have_at_most_two_fraction_digits() {
    for (value, text) in
        [(0.0, "0"), (1.0, "1"), (0.5, "0.5"), (1.0 / 3.0, "0.33"), (2.0 / 3.0, "0.67"), (0.05, "0.05"), (0.999, "1"), (-0.25, "-0.25"), (0.8, "0.8")]
    {
        assert_eq!(cmi::decimal(value), text, "{value}");
    }
}

#[test]
fn mastery_values_become_pass_marks() {
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm12, "75"), Some(75));
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm2004, "0.6"), Some(60));
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm12, ""), None);
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm2004, "1.5"), None);
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm2004, "0.755"), Some(76));
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm2004, ".5"), Some(50));
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm12, "80.4"), Some(80));
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm12, "-5"), None);
    assert_eq!(cmi::pass_mark_from_lms(Version::Scorm12, "1e2"), None);
}

#[test]
fn exit_values_follow_each_version() {
    assert_eq!(Version::Scorm12.exit_value(true), "", "SCORM 1.2 has no exit `normal`");
    assert_eq!(Version::Scorm2004.exit_value(true), "normal");
    assert_eq!(Version::Scorm12.exit_value(false), "suspend");
}
