//! Hints, several tries with penalties, and the ungraded practice round: through the
//! one reducer, the resume text, the report events and what a SCORM SCO writes.

mod common;

use common::{course, result, HEADER};
use tere_engine::cmi::Version;
use tere_engine::report::{events, Event};
use tere_engine::sco::{self, List, Scope, Write};
use tere_engine::{resume, Action, Answer, Phase, Session, Status};

/// A single-choice question (option 0 right of 3) with `hints` hints.
fn hinted(id: &str, hints: usize) -> String {
    let list: Vec<String> = (0..hints).map(|h| format!("\"Vihje {h} küsimusele {id}\"")).collect();
    let hint = if hints == 0 { String::new() } else { format!("hint = [{}]\n", list.join(", ")) };
    let mut s = format!(
        "\n[[question]]\nid = \"{id}\"\ntype = \"single\"\ntext = \"Q {id}\"\nexplanation = \"E\"\n{hint}source = {{ seed = \"s.txt\", section = \"Sub\" }}\n"
    );
    for i in 0..3 {
        s += &format!("\n[[question.option]]\ntext = \"O{i}\"\nfeedback = \"F{i}\"\n{}", if i == 0 { "correct = true\n" } else { "" });
    }
    s
}

/// Three questions (two hints, one hint, none) under the given quiz settings.
fn quiz(settings: &str) -> String {
    format!("{HEADER}pass_mark = 50\n{settings}\n{}{}{}", hinted("a", 2), hinted("b", 1), hinted("c", 0))
}

fn started(settings: &str) -> Session {
    Session::new(course(&quiz(settings))).reduce(Action::Open(0)).reduce(Action::Start { seed: 5 })
}

fn attempt(s: &Session) -> &tere_engine::Attempt {
    s.attempt().unwrap()
}

fn pick(s: Session, option: u8) -> Session {
    s.reduce(Action::Choose(option)).reduce(Action::Check)
}

#[test]
fn hints_are_shown_one_at_a_time_before_checking_and_never_more_than_there_are() {
    let mut s = started("hint_penalty = 10");
    assert_eq!(attempt(&s).hints_shown(0), 0);
    s = s.reduce(Action::Hint);
    assert_eq!(attempt(&s).hints_shown(0), 1);
    s = s.reduce(Action::Hint).reduce(Action::Hint);
    assert_eq!((attempt(&s).hints_asked[0], attempt(&s).hints_shown(0)), (2, 2), "only two hints exist");
    s = pick(s, 0);
    // After checking, no more hints.
    assert_eq!(s.reduce(Action::Hint), s);
    let (_, q) = s.quiz().unwrap();
    assert_eq!(attempt(&s).credit_at(q, 0), Some(0.8), "two hints asked at 10 % each");
}

#[test]
fn one_try_by_default_wrong_is_final_and_try_again_does_nothing() {
    let s = pick(started(""), 1);
    let (_, q) = s.quiz().unwrap();
    assert!(attempt(&s).is_settled(q, 0));
    assert!(!attempt(&s).may_try_again(q));
    assert_eq!(s.reduce(Action::TryAgain), s);
}

#[test]
fn a_wrong_try_with_tries_left_gives_the_next_hint_and_may_be_tried_again() {
    let s = pick(started("tries = 2\ntry_penalty = 25\nhint_penalty = 10"), 1);
    let (_, q) = s.quiz().unwrap();
    let a = attempt(&s);
    assert_eq!(a.phase, Phase::Checked);
    assert!(!a.is_settled(q, 0) && a.may_try_again(q));
    assert_eq!((a.tries[0], a.hints_asked[0], a.hints_given[0]), (1, 0, 1), "the wrong try came with a free hint");
    // Not settled: the learner cannot move on.
    assert_eq!(s.reduce(Action::Next), s);
    let s = s.reduce(Action::TryAgain);
    assert_eq!(attempt(&s).phase, Phase::Answering);
    assert_eq!(attempt(&s).draft, Answer::Choices(vec![1]), "the next try starts from the last answer");
    assert_eq!(attempt(&s).answers[0], None);
    // One more hint may be asked for (the second of two); it costs the hint penalty.
    let s = pick(s.reduce(Action::Hint), 0);
    let a = attempt(&s);
    assert!(a.is_settled(q, 0));
    assert_eq!((a.tries[0], a.hints_asked[0], a.hints_given[0]), (2, 1, 1));
    // 1 - 0.25 (one extra try) - 0.10 (one hint asked) = 0.65
    assert!((a.credit_at(q, 0).unwrap() - 0.65).abs() < 1e-9);
}

#[test]
fn the_last_try_is_final_even_when_wrong_and_credits_floor_at_zero() {
    let s = pick(started("tries = 3\ntry_penalty = 60").reduce(Action::Hint), 1);
    let s = pick(s.reduce(Action::TryAgain), 2);
    let (_, q) = s.quiz().unwrap();
    assert!(attempt(&s).may_try_again(q));
    let s = pick(s.reduce(Action::TryAgain), 0);
    let a = attempt(&s);
    assert!(a.is_settled(q, 0));
    // Right on the third try: 1 - 2 * 0.6 < 0, floored.
    assert_eq!(a.credit_at(q, 0), Some(0.0));
    let s = pick(started("tries = 2"), 2);
    let s = pick(s.reduce(Action::TryAgain), 2);
    let (_, q) = s.quiz().unwrap();
    assert!(attempt(&s).is_settled(q, 0) && !attempt(&s).may_try_again(q), "out of tries");
    assert_eq!(attempt(&s).credit_at(q, 0), Some(0.0));
}

/// Plays the quiz: `a` wrong then right, `b` wrong twice, `c` right.
fn played(settings: &str) -> Session {
    let mut s = pick(started(settings), 1);
    s = pick(s.reduce(Action::TryAgain), 0).reduce(Action::Next);
    s = pick(s, 2);
    s = s.reduce(Action::TryAgain).reduce(Action::Check).reduce(Action::Next);
    pick(s, 0).reduce(Action::Finish)
}

#[test]
fn the_score_is_the_mean_of_the_penalised_credits() {
    let s = played("tries = 2\ntry_penalty = 50");
    let result = result(&s);
    assert_eq!(attempt(&s).phase, Phase::Finished);
    assert_eq!(result.credits, vec![Some(0.5), Some(0.0), Some(1.0)]);
    assert_eq!(result.score, 50);
    assert!(result.passed);
    assert_eq!(s.quizzes[0].record.best, Some(50));
}

#[test]
fn every_try_is_an_event_and_sco_writes_one_interaction_a_question_with_its_final_result() {
    let mut s = started("tries = 2\ntry_penalty = 50");
    let mut interactions = Vec::new();
    let mut answered = 0;
    let steps: Vec<Vec<Action>> = vec![
        vec![Action::Choose(1), Action::Check],
        vec![Action::TryAgain],
        vec![Action::Choose(0), Action::Check],
        vec![Action::Next, Action::Choose(0), Action::Check],
        vec![Action::Next, Action::Choose(0), Action::Check],
        vec![Action::Finish],
    ];
    for step in steps {
        let before = s.clone();
        for action in step {
            s = s.reduce(action);
        }
        for event in events(&before, &s) {
            if let Event::Answered { quiz, position } = event {
                answered += 1;
                for w in sco::answered(Version::Scorm2004, &s, Scope::Stage(0), quiz, position, 100, 0) {
                    if let Write::Listed { list: List::Interactions, fields, .. } = w {
                        interactions.push(fields);
                    }
                }
            }
        }
    }
    assert_eq!(answered, 4, "two tries of `a`, one each of `b` and `c`");
    assert_eq!(interactions.len(), 3, "one record a question, after its last try");
    let field = |n: usize, name: &str| interactions[n].iter().find(|(f, _)| f == name).map(|(_, v)| v.clone()).unwrap();
    assert_eq!((field(0, "id"), field(0, "learner_response"), field(0, "result")), ("a".into(), "o0".into(), "0.5".into()));
    assert_eq!(field(1, "result"), "correct");
    // What the LMS gets as the score is the engine's.
    let outcome = sco::completed(Version::Scorm2004, &s, Scope::Stage(0), 0);
    let raw = outcome.iter().find_map(|w| matches!(w, Write::Value(e, _) if e == "cmi.score.raw").then(|| w.clone()));
    assert_eq!(raw, Some(Write::Value("cmi.score.raw".into(), result(&s).score.to_string())));
    assert_eq!(result(&s).score, 83);
}

#[test]
fn practice_asks_only_the_missed_questions_and_never_changes_the_record_or_reports() {
    let s = played("tries = 2\ntry_penalty = 50");
    let record = s.quizzes[0].record.clone();
    let finished = s.quizzes[0].attempt.clone();
    let p = s.reduce(Action::Practise { seed: 9 });
    let practice = p.practice().expect("a practice round");
    // `a` (0.5) and `b` (0) were missed; `c` was right.
    assert_eq!(practice.questions, vec![0, 1]);
    assert!(events(&s, &p).is_empty(), "practice starts no attempt");
    // Play it badly: every check is practice, never an answer of the attempt; the
    // record and the graded attempt stay unchanged.
    let mut q = p.clone();
    let mut practised = Vec::new();
    for action in [Action::Choose(2), Action::Check, Action::TryAgain, Action::Choose(1), Action::Check, Action::Next, Action::Choose(1), Action::Check] {
        let next = q.reduce(action);
        practised.extend(events(&q, &next));
        q = next;
    }
    assert_eq!(
        practised,
        vec![Event::Practised { quiz: 0, position: 0 }, Event::Practised { quiz: 0, position: 0 }, Event::Practised { quiz: 0, position: 1 }],
        "one practice event a check"
    );
    let q2 = q.reduce(Action::TryAgain).reduce(Action::Choose(2)).reduce(Action::Check).reduce(Action::Finish);
    assert_eq!(q2.practice().unwrap().phase, Phase::Finished);
    assert_eq!(events(&q, &q2), vec![Event::Practised { quiz: 0, position: 1 }]);
    assert_eq!(q2.quizzes[0].record, record);
    assert_eq!(q2.quizzes[0].attempt, finished);
    assert_eq!(result(&q2).score, 50, "the summary still shows the graded result");
    // Going back ends the round; the summary is as before.
    let back = q2.reduce(Action::EndPractice);
    assert!(back.practice.is_none());
    assert_eq!(back, s);
    // Leaving for the menu ends it too.
    assert!(p.reduce(Action::ShowMenu).practice.is_none());
}

#[test]
fn practice_is_offered_only_after_a_finished_attempt_with_something_missed() {
    let s = started("tries = 2");
    assert!(s.reduce(Action::Practise { seed: 1 }).practice.is_none(), "not during an attempt");
    let mut all_right = s;
    for _ in 0..3 {
        all_right = pick(all_right, 0);
        all_right = if attempt(&all_right).is_last() { all_right.reduce(Action::Finish) } else { all_right.reduce(Action::Next) };
    }
    assert_eq!(all_right.quizzes[0].record.status, Status::Passed);
    assert!(all_right.reduce(Action::Practise { seed: 1 }).practice.is_none(), "nothing to practise");
}

#[test]
fn a_passed_stage_stays_passed_and_its_best_whatever_the_practice() {
    let s = played("tries = 2");
    assert_eq!(s.quizzes[0].record.status, Status::Passed);
    let mut p = s.reduce(Action::Practise { seed: 3 });
    for _ in 0..6 {
        p = p.reduce(Action::Choose(1)).reduce(Action::Check).reduce(Action::TryAgain).reduce(Action::Check).reduce(Action::Next);
    }
    p = p.reduce(Action::Finish);
    assert_eq!(p.quizzes[0].record, s.quizzes[0].record);
    assert_eq!(sco::completed(Version::Scorm12, &p, Scope::Stage(0), 0), sco::completed(Version::Scorm12, &s, Scope::Stage(0), 0));
}

#[test]
fn resume_keeps_hints_and_tries_in_every_phase() {
    let settings = "tries = 3\ntry_penalty = 10\nhint_penalty = 5";
    let s = started(settings);
    let (_, q) = s.quiz().unwrap();
    let states = [
        s.reduce(Action::Hint),                                                    // a hint asked, nothing checked
        pick(s.reduce(Action::Hint), 1),                                           // a wrong try with a hint given
        pick(s.reduce(Action::Hint), 1).reduce(Action::TryAgain),                  // trying again
        pick(pick(s.clone(), 1).reduce(Action::TryAgain), 0).reduce(Action::Next), // on to the next after two tries
        played(settings),
    ];
    for state in states {
        let a = attempt(&state);
        let text = resume::encode(q, a);
        assert!(text.starts_with("3."), "{text}");
        let back = resume::decode(q, &text).unwrap();
        assert_eq!((&back.tries, &back.hints_asked, &back.hints_given), (&a.tries, &a.hints_asked, &a.hints_given), "{text}");
        assert_eq!((back.phase, back.current, &back.answers), (a.phase, a.current, &a.answers), "{text}");
        assert_eq!(back.result(q, 50), a.result(q, 50), "{text}");
        assert!(text.chars().count() <= resume::worst_case_len(q), "{text}");
    }
}

#[test]
fn a_version_2_resume_text_is_still_read() {
    let s = pick(started(""), 0).reduce(Action::Next);
    let (_, q) = s.quiz().unwrap();
    let v3 = resume::encode(q, attempt(&s));
    assert!(!v3.contains('!'), "plain tries and no hints add nothing: {v3}");
    let v2 = format!("2{}", &v3[1..]);
    let back = resume::decode(q, &v2).unwrap();
    assert_eq!((back.current, &back.answers, &back.tries), (1, &attempt(&s).answers, &vec![1, 0, 0]));
    // A version 2 text never holds the `!` part.
    let bad = v2.replace(".a.", ".a.!100");
    assert!(resume::decode(q, &bad).is_err(), "{bad}");
}

#[test]
fn counts_beyond_what_the_quiz_now_allows_are_cut() {
    let s = pick(started("tries = 2").reduce(Action::Hint).reduce(Action::Hint), 1);
    let (_, q) = s.quiz().unwrap();
    let text = resume::encode(q, attempt(&s)).replace("!120", "!999");
    let back = resume::decode(q, &text).unwrap();
    assert_eq!((back.tries[0], back.hints_asked[0], back.hints_given[0]), (2, 2, 0), "{text}");
}

mod properties {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;
    use tere_engine::Course;

    /// A quiz of single-choice questions with 0-5 hints each, under random tries and penalties.
    fn help_course(tries: u8, try_penalty: u8, hint_penalty: u8, hints: &[usize]) -> &'static Course {
        let mut settings = format!("tries = {tries}\n");
        if tries > 1 {
            settings += &format!("try_penalty = {try_penalty}\n");
        }
        if hints.iter().any(|&h| h > 0) {
            settings += &format!("hint_penalty = {hint_penalty}\n");
        }
        let questions: String = hints.iter().enumerate().map(|(i, &h)| hinted(&format!("q{i}"), h)).collect();
        course(&format!("{HEADER}pass_mark = 50\n{settings}{questions}"))
    }

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            6 => (0u8..4).prop_map(Action::Choose),
            6 => Just(Action::Check),
            3 => Just(Action::Hint),
            4 => Just(Action::TryAgain),
            4 => Just(Action::Next),
            2 => Just(Action::Finish),
            1 => any::<u64>().prop_map(|seed| Action::Retry { seed }),
            2 => any::<u64>().prop_map(|seed| Action::Practise { seed }),
            1 => Just(Action::EndPractice),
            1 => Just(Action::Open(0)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever the learner clicks: counts stay within the quiz's limits, credits in
        /// 0-1, every try is one event, practice only a practice event, the record is never
        /// lowered, and the resume text gives back tries and hints within its bound.
        #[test]
        fn tries_hints_and_practice_keep_every_rule(
            tries in 1u8..=5,
            try_penalty in 0u8..=100,
            hint_penalty in 0u8..=100,
            hints in vec(0usize..=5, 1..=5),
            actions in vec(action(), 0..80),
        ) {
            let course = help_course(tries, try_penalty, hint_penalty, &hints);
            let quiz = &course.quizzes[0];
            let mut s = Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed: 1 });
            for action in actions {
                let next = s.reduce(action);
                let happened = events(&s, &next);
                let (old, new) = (s.quizzes[0].attempt.as_ref().unwrap(), next.quizzes[0].attempt.as_ref().unwrap());
                if old.seed == new.seed && s.quizzes[0].record.attempts == next.quizzes[0].record.attempts {
                    let more: usize = old.tries.iter().zip(&new.tries).map(|(a, b)| usize::from(b - a)).sum();
                    let answered = happened.iter().filter(|e| matches!(e, Event::Answered { .. })).count();
                    prop_assert_eq!(answered, more, "one event a try");
                }
                if s.practice.is_some() || next.practice.is_some() {
                    prop_assert!(happened.iter().all(|e| matches!(e, Event::Practised { .. })), "practice is reported only as practice: {:?}", happened);
                    prop_assert_eq!(&next.quizzes[0], &s.quizzes[0], "practice changes no record or attempt");
                }
                let (was, is) = (&s.quizzes[0].record, &next.quizzes[0].record);
                prop_assert!(is.best >= was.best);
                prop_assert!(was.status != Status::Passed || is.status == Status::Passed);
                for a in [next.quizzes[0].attempt.as_ref(), next.practice.as_ref().map(|p| &p.attempt)].into_iter().flatten() {
                    for position in 0..a.questions.len() {
                        prop_assert!(a.tries[position] <= quiz.tries);
                        prop_assert!(a.hints_shown(position) <= a.question_at(quiz, position).hints.len());
                        prop_assert!(a.credit_at(quiz, position).is_none_or(|c| (0.0..=1.0).contains(&c)));
                        if position < a.current {
                            prop_assert!(a.is_settled(quiz, position), "moved on only from a settled answer");
                        }
                    }
                }
                let a = next.quizzes[0].attempt.as_ref().unwrap();
                let text = resume::encode(quiz, a);
                prop_assert!(text.chars().count() <= resume::worst_case_len(quiz), "{}", text);
                let back = resume::decode(quiz, &text).unwrap();
                prop_assert_eq!((&back.tries, &back.hints_asked, &back.hints_given), (&a.tries, &a.hints_asked, &a.hints_given), "{}", text);
                prop_assert_eq!((back.phase, back.current, &back.answers), (a.phase, a.current, &a.answers), "{}", text);
                s = next;
            }
        }
    }
}
