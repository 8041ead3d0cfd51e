//! Dialogues: the built-in ones meet what the course promises (decision points, a
//! good and a bad ending, a branch by points, every ending reachable), a conversation
//! is played, scored, reported and resumed as the engine says, what SCORM receives
//! per step is what Moodle accepts, and any dialogue that validates ends within its cap.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use tere_authoring::load_course;
use tere_engine::cmi::Version;
use tere_engine::dialogue::{Branch, Dialogue, Ending, Next, Problem, Reply, Step, MAX_DIALOGUE_STEPS, MAX_REPLIES};
use tere_engine::report::{events, Event};
use tere_engine::sco::{self, Scope, Write};
use tere_engine::{resume, Action, Answer, Kind, Phase, Session, Speaker};

fn built_in_dialogues() -> Vec<(String, Dialogue)> {
    let course = load_course(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions")).unwrap_or_else(|e| panic!("{e:?}")).course;
    course
        .quizzes
        .iter()
        .flat_map(|q| q.questions.iter())
        .filter_map(|q| match &q.kind {
            Kind::Dialogue(d) => Some((q.id.to_string(), d.clone())),
            _ => None,
        })
        .collect()
}

/// Every way through `d`, as paths of reply indices, to an ending.
fn every_path(d: &Dialogue) -> Vec<Vec<u8>> {
    let mut done = Vec::new();
    let mut open = vec![Vec::new()];
    while let Some(path) = open.pop() {
        match d.walk(&path).expect("a path the walk built").at {
            Next::Ending(_) => done.push(path),
            Next::Step(s) => {
                for r in 0..d.steps[usize::from(s)].replies.len() {
                    let mut longer = path.clone();
                    longer.push(r as u8);
                    open.push(longer);
                }
            }
        }
    }
    done
}

#[test]
fn every_built_in_dialogue_is_a_whole_conversation_with_a_good_and_a_bad_ending() {
    let dialogues = built_in_dialogues();
    assert!(dialogues.len() >= 7, "one a stage and one in Finnish: {}", dialogues.len());
    for (id, d) in &dialogues {
        let (best, points) = d.best_path();
        assert!(best.len() >= 5, "{id}: the best path has {} decision points", best.len());
        assert_eq!(d.credit(&best), 1.0, "{id}");
        assert!(d.endings.iter().any(|e| e.good) && d.endings.iter().any(|e| !e.good), "{id}: a good and a bad ending");
        assert!(d.steps.iter().flat_map(|s| s.replies.iter()).any(|r| !r.branches.is_empty()), "{id}: a branch by points");
        let paths = every_path(d);
        let reached: BTreeSet<u8> = paths
            .iter()
            .map(|p| match d.walk(p).unwrap().at {
                Next::Ending(e) => e,
                Next::Step(_) => unreachable!(),
            })
            .collect();
        assert_eq!(reached.len(), d.endings.len(), "{id}: every ending is reached by some way through");
        assert!(paths.iter().all(|p| p.len() <= MAX_DIALOGUE_STEPS), "{id}");
        assert!(paths.iter().all(|p| d.walk(p).unwrap().points() <= points), "{id}: no way beats the best");
        // The worst replies all the way lead somewhere that went wrong.
        let mut worst = Vec::new();
        while let Next::Step(s) = d.walk(&worst).unwrap().at {
            let replies = &d.steps[usize::from(s)].replies;
            worst.push(replies.iter().enumerate().min_by_key(|(_, r)| r.points).unwrap().0 as u8);
        }
        let Next::Ending(e) = d.walk(&worst).unwrap().at else { unreachable!() };
        assert!(!d.endings[usize::from(e)].good, "{id}: the worst replies end well");
        assert!(d.credit(&worst) < 0.5, "{id}");
    }
}

fn dialogue_quiz() -> &'static tere_engine::Course {
    let mut q = common::HEADER.to_string();
    q += &common::question("d", "dialogue", common::DIALOGUE);
    q += &common::single("after", 2, 1);
    common::course(&q)
}

fn started() -> Session {
    Session::new(dialogue_quiz()).reduce(Action::Open(0)).reduce(Action::Start { seed: 3 })
}

/// `s` after `action`, and the events it made.
fn act(s: Session, action: Action) -> (Session, Vec<Event>) {
    let after = s.reduce(action);
    let happened = events(&s, &after);
    (after, happened)
}

#[test]
fn a_conversation_checks_itself_at_its_ending_and_reports_every_reply() {
    let s = started();
    let (s, e) = act(s, Action::Choose(1));
    assert_eq!(e, [Event::Replied { quiz: 0, position: 0, step: 0 }]);
    assert_eq!(s.attempt().unwrap().phase, Phase::Answering);
    let (s, e) = act(s, Action::Choose(0));
    assert_eq!(e, [Event::Replied { quiz: 0, position: 0, step: 1 }], "4 points: calmed down, on to `solve`");
    // A reply the step does not have changes nothing.
    let (s, e) = act(s, Action::Choose(3));
    assert!(e.is_empty());
    let (s, e) = act(s, Action::Choose(0));
    assert_eq!(e, [Event::Replied { quiz: 0, position: 0, step: 2 }, Event::Answered { quiz: 0, position: 0 }]);
    let attempt = s.attempt().unwrap();
    assert_eq!(attempt.phase, Phase::Checked);
    assert_eq!(attempt.answers[0], Some(Answer::Path(vec![1, 0, 0])));
    let (_, quiz) = s.quiz().unwrap();
    assert_eq!(attempt.credit_at(quiz, 0), Some(1.0));
}

#[test]
fn a_cold_start_and_the_calm_reply_is_not_enough_to_calm_the_customer() {
    let s = started().reduce(Action::Choose(0)).reduce(Action::Choose(0));
    let attempt = s.attempt().unwrap();
    assert_eq!(attempt.phase, Phase::Checked, "ended at `bad`");
    let (_, quiz) = s.quiz().unwrap();
    // 2 of the best path's 6 points.
    assert_eq!(attempt.credit_at(quiz, 0), Some(2.0 / 6.0));
    let Kind::Dialogue(d) = &attempt.question(quiz).kind else { unreachable!() };
    assert_eq!(d.walk(&[0, 0]).unwrap().at, Next::Ending(1));
}

#[test]
fn a_dialogue_under_way_resumes_at_the_same_step() {
    let s = started().reduce(Action::Choose(1)).reduce(Action::Choose(0));
    let (_, quiz) = s.quiz().unwrap();
    let attempt = s.attempt().unwrap();
    let text = resume::encode(quiz, attempt);
    assert!(text.starts_with("4."), "{text}");
    let back = resume::decode(quiz, &text).unwrap();
    assert_eq!(back.draft, Answer::Path(vec![1, 0]));
    assert_eq!(back.current, 0);
    assert_eq!(back.phase, Phase::Answering);
    // Without a dialogue under way the text is the version before.
    let fresh = started();
    assert!(resume::encode(quiz, fresh.attempt().unwrap()).starts_with("3."));
    // A path the content no longer takes is dropped: the conversation starts again.
    let edited = text.replacen(".10.", ".19.", 1);
    assert_eq!(resume::decode(quiz, &edited).unwrap().draft, Answer::Path(Vec::new()));
}

#[test]
fn scorm_receives_each_reply_as_a_choice_interaction_moodle_accepts() {
    use tere_engine::moodle_rules::{RESPONSE_ID_2004, RULES};
    let response_id = regex::Regex::new(RESPONSE_ID_2004).unwrap();
    for version in [Version::Scorm12, Version::Scorm2004] {
        let mut s = started();
        let mut interactions = Vec::new();
        for reply in [0, 0] {
            let (after, happened) = act(s, Action::Choose(reply));
            for event in happened {
                if let Event::Replied { quiz, position, step } = event {
                    for write in sco::replied(version, &after, Scope::Stage(0), quiz, position, step, 420, 1_700_000_000_000) {
                        if let Write::Listed { fields, .. } = write {
                            interactions.push(fields);
                        }
                    }
                }
            }
            s = after;
        }
        assert_eq!(interactions.len(), 2, "{version:?}: one interaction a reply");
        let field = |i: usize, name: &str| interactions[i].iter().find(|(f, _)| f == name).map(|(_, v)| v.clone()).unwrap_or_default();
        assert_eq!(field(0, "id"), "d__open");
        assert_eq!(field(1, "id"), "d__insult");
        assert_eq!(field(0, "type"), "choice");
        assert_eq!(field(0, "weighting"), "2");
        let (response, wrong) = match version {
            Version::Scorm12 => ("student_response", "wrong"),
            Version::Scorm2004 => ("learner_response", "incorrect"),
        };
        assert_eq!(field(0, response), if version == Version::Scorm12 { "0" } else { "o0" });
        assert_eq!(field(0, "correct_responses.0.pattern"), if version == Version::Scorm12 { "1" } else { "o1" });
        assert_eq!(field(0, "result"), wrong);
        assert_eq!(field(1, "result"), "correct", "the calm reply is the step's best");
        for fields in &interactions {
            for (name, value) in fields {
                let element = format!("cmi.interactions.0.{name}");
                let rule = RULES.iter().find(|r| r.version == version && regex::Regex::new(r.element).unwrap().is_match(&element));
                let rule = rule.unwrap_or_else(|| panic!("{version:?}: no Moodle rule for {element}"));
                assert!(
                    regex::Regex::new(rule.value).unwrap().is_match(value) && value.chars().count() <= rule.max_chars,
                    "{version:?}: {element} = {value:?}"
                );
                if version == Version::Scorm2004 && (name == "learner_response" || name == "correct_responses.0.pattern") {
                    assert!(response_id.is_match(value));
                }
            }
        }
    }
}

#[test]
fn a_page_host_hears_each_reply_and_the_whole_path_at_the_end() {
    let s = started();
    let (s, e1) = act(s, Action::Choose(1));
    let (s, e2) = act(s, Action::Choose(1));
    let mut all = e1;
    all.extend(e2);
    let messages = tere_engine::messages::for_events(&s, &all);
    let kinds: Vec<&str> = messages.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["tere:answered", "tere:answered", "tere:answered", "tere:progress"]);
    use tere_engine::messages::Value;
    let get = |m: usize, name: &str| messages[m].get(name).cloned();
    assert_eq!(get(0, "step"), Some(Value::Str("open".into())));
    assert_eq!(get(0, "reply"), Some(Value::Int(1)));
    assert_eq!(get(0, "points"), Some(Value::Int(2)));
    assert_eq!(get(1, "step"), Some(Value::Str("insult".into())));
    assert_eq!(get(1, "correct"), Some(Value::Bool(false)));
    assert_eq!(get(2, "questionType"), Some(Value::Str("dialogue".into())));
    assert_eq!(get(2, "response"), Some(Value::List(vec![Value::Int(1), Value::Int(1)])));
}

// ---- Any dialogue that validates ends ----

/// A dialogue whose replies lead only forward (to a later step or an ending), so it
/// is valid by construction, with branches by points anywhere.
fn forward_dialogue() -> impl Strategy<Value = Dialogue> {
    (1usize..=MAX_DIALOGUE_STEPS, 1usize..=3).prop_flat_map(|(steps, endings)| {
        let step = move |i: usize| {
            let next = move || {
                (0..(steps - i - 1 + endings))
                    .prop_map(move |k| if k + i + 1 < steps { Next::Step((k + i + 1) as u8) } else { Next::Ending((k + i + 1 - steps) as u8) })
            };
            let reply = (0u8..=3, next(), prop::collection::vec((1u16..12, next()), 0..2)).prop_map(|(points, next, branches)| Reply {
                text: "r".into(),
                points,
                feedback: "f".into(),
                next,
                branches: branches.into_iter().map(|(at_least, next)| Branch { at_least, next }).collect::<Vec<_>>().into(),
            });
            prop::collection::vec(reply, 2..=MAX_REPLIES).prop_map(move |replies| Step {
                id: format!("s{i}").into(),
                speaker: None,
                line: "l".into(),
                mood: None,
                section: "".into(),
                media: None,
                replies: replies.into(),
            })
        };
        let all: Vec<_> = (0..steps).map(step).collect();
        all.prop_map(move |steps| Dialogue {
            speaker: Speaker::Customer,
            coach: true,
            steps: steps.into(),
            endings: (0..endings)
                .map(|e| Ending { id: format!("e{e}").into(), line: "l".into(), mood: None, good: e == 0, debrief: "d".into() })
                .collect::<Vec<_>>()
                .into(),
        })
    })
}

proptest! {
    #[test]
    fn any_playable_dialogue_ends_within_its_cap(d in forward_dialogue(), choices in prop::collection::vec(0u8..4, MAX_DIALOGUE_STEPS + 1)) {
        // Forward-only: no loop and no way too long; what else `problems` finds (a tie,
        // a part no way reaches) does not make a walk endless.
        let endless = |p: &Problem| matches!(p, Problem::Loop { .. } | Problem::TooLong);
        prop_assert!(!d.problems().iter().any(endless));
        let mut path = Vec::new();
        for c in choices {
            match d.walk(&path).unwrap().at {
                Next::Ending(_) => break,
                Next::Step(s) => path.push(c % d.steps[usize::from(s)].replies.len() as u8),
            }
        }
        prop_assert!(d.walk(&path).unwrap().ended(), "{path:?}");
        prop_assert!(path.len() <= MAX_DIALOGUE_STEPS);
        let (best, points) = d.best_path();
        prop_assert!(d.walk(&best).unwrap().ended());
        prop_assert!(d.walk(&path).unwrap().points() <= points);
        prop_assert!((0.0..=1.0).contains(&d.credit(&path)));
    }
}

#[test]
fn a_conversation_played_again_counts_its_best_play_without_a_penalty() {
    // A quiz that takes a third of the credit for every extra try of a question.
    let mut q = common::HEADER.to_string() + "tries = 2\ntry_penalty = 33\n";
    q += &common::question("d", "dialogue", common::DIALOGUE);
    let course = common::course(&q);
    let credit = |s: &Session| {
        let (_, quiz) = s.quiz().unwrap();
        s.attempt().unwrap().credit_at(quiz, 0)
    };
    let may_replay = |s: &Session| {
        let (_, quiz) = s.quiz().unwrap();
        s.attempt().unwrap().may_try_again(quiz)
    };
    let s = Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed: 1 });
    // A cold start ends badly: 2 of 6, settled (the learner may go on), and may be played again.
    let s = s.reduce(Action::Choose(0)).reduce(Action::Choose(0));
    assert_eq!(credit(&s), Some(2.0 / 6.0));
    assert!(s.attempt().unwrap().is_settled(s.quiz().unwrap().1, 0));
    assert!(may_replay(&s));
    // Played again from the first line, the best play counts, not penalised.
    let s = s.reduce(Action::TryAgain);
    assert_eq!(s.attempt().unwrap().draft, Answer::Path(Vec::new()));
    assert_eq!(credit(&s), Some(2.0 / 6.0), "the best so far is kept while playing again");
    // Resumed in the middle of the second play: the best play is still there.
    let under_way = s.reduce(Action::Choose(1));
    let (_, quiz) = under_way.quiz().unwrap();
    let back = resume::decode(quiz, &resume::encode(quiz, under_way.attempt().unwrap())).unwrap();
    assert_eq!(back.answers[0], Some(Answer::Path(vec![0, 0])));
    assert_eq!(back.draft, Answer::Path(vec![1]));
    let s = under_way.reduce(Action::Choose(0)).reduce(Action::Choose(0));
    assert_eq!(credit(&s), Some(1.0));
    assert!(!may_replay(&s), "full credit: nothing to play again for");
    // A weaker play after a better one changes nothing.
    let s = Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed: 1 });
    let s = s.reduce(Action::Choose(1)).reduce(Action::Choose(1));
    let first = credit(&s);
    let s = s.reduce(Action::TryAgain).reduce(Action::Choose(0)).reduce(Action::Choose(1));
    assert_eq!(credit(&s), first);
    assert_eq!(s.attempt().unwrap().answers[0], Some(Answer::Path(vec![1, 1])));
}

#[test]
fn points_and_thresholds_out_of_range_are_refused_where_they_stand() {
    use tere_authoring::said::{DialogueSaid, Said};
    let body = common::DIALOGUE.replacen("points = 2\nfeedback = \"Hea.\"", "points = 12\nfeedback = \"Hea.\"", 1).replacen("at_least = 3", "at_least = 0", 1);
    let Err(errors) = common::load(&[("q", &(common::HEADER.to_string() + &common::question("d", "dialogue", &body)))]) else { panic!("refused") };
    let said: Vec<&Said> = errors.iter().map(|e| &e.said).collect();
    assert!(said.contains(&&Said::Dialogue(DialogueSaid::Points { value: 12 })), "{said:?}");
    assert!(said.iter().any(|s| matches!(s, Said::Dialogue(DialogueSaid::Threshold { value: 0, .. }))), "{said:?}");
    let line = |needle: &str| body.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(errors.len(), 2, "{said:?}");
    assert_eq!(errors[0].line.abs_diff(errors[1].line), line("at_least = 0").abs_diff(line("points = 12")), "each at its own line");
}
