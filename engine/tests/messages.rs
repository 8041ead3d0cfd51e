//! The `tere:*` messages (docs/host-events.md) of a real play-through, field by
//! field: the reducer drives the session, `report::events` finds what changed, and
//! `messages::for_events` must give exactly what the contract promises, names, order
//! and values, because the page host posts it as it is.

use std::borrow::Cow;

use tere_engine::messages::{self, Message, Value, VERSION};
use tere_engine::report::events;
use tere_engine::{Action, Choice, Course, Kind, Pair, Question, Quiz, Session, Source, Text};

fn text(s: &str) -> Text {
    Cow::Owned(s.to_string())
}

fn question(id: &str, kind: Kind, hints: &[&str]) -> Question {
    Question {
        id: text(id),
        text: text(&format!("Q {id}")),
        kind,
        explanation: text("E"),
        hints: hints.iter().map(|h| text(h)).collect(),
        source: Source { seed: text("s.txt"), section: text("Main") },
        topic: 0,
        media: None,
    }
}

/// Options `O0`, `O1`, … of which those in `right` are correct.
fn options(n: usize, right: &[usize]) -> Cow<'static, [Choice]> {
    (0..n).map(|i| Choice { text: text(&format!("O{i}")), correct: right.contains(&i), feedback: text("F") }).collect()
}

/// Quiz `q` (two tries, 25 % off a second one, pass mark 50): `a` single (option 1
/// right, one hint), `b` single (option 0 right, one hint), `c` multiple (options 0
/// and 2 right), `d` reflection. Quiz `k`: the other kinds' responses. Neither draws,
/// so every attempt asks its questions in content order.
fn course() -> &'static Course {
    let mut q = Quiz::with_defaults(
        text("q"),
        text("Kontakt"),
        text("et"),
        text("Intro"),
        vec![
            question("a", Kind::Single { options: options(3, &[1]) }, &["Vihje a"]),
            question("b", Kind::Single { options: options(3, &[0]) }, &["Vihje b"]),
            question("c", Kind::Multiple { options: options(3, &[0, 2]) }, &[]),
            question("d", Kind::Reflection, &[]),
        ]
        .into(),
    );
    (q.pass_mark, q.tries, q.try_penalty) = (50, 2, 25);
    let pairs = ["1", "2", "3"].iter().map(|s| Pair { left: text(&format!("l{s}")), right: text(&format!("r{s}")) }).collect();
    let k = Quiz::with_defaults(
        text("k"),
        text("Kinds"),
        text("et"),
        text("Intro"),
        vec![
            question("t", Kind::TrueFalse { answer: false, feedback_true: text("T"), feedback_false: text("F") }, &[]),
            question("o", Kind::Ordering { items: vec![text("1"), text("2"), text("3")].into() }, &[]),
            question("m", Kind::Matching { pairs }, &[]),
        ]
        .into(),
    );
    Box::leak(Box::new(Course { title: text("Kursus"), lang: text("et"), quizzes: vec![q, k].into() }))
}

/// Applies `action` and returns the next session with the messages its events send.
fn step(s: &Session, action: Action) -> (Session, Vec<Message>) {
    let next = s.reduce(action);
    let sent = messages::for_events(&next, &events(s, &next));
    (next, sent)
}

/// Applies the actions one by one; the messages of the last one.
fn steps(s: &Session, actions: impl IntoIterator<Item = Action>) -> (Session, Vec<Message>) {
    let (mut s, mut sent) = (s.clone(), Vec::new());
    for action in actions {
        (s, sent) = step(&s, action);
    }
    (s, sent)
}

fn str(s: &str) -> Value {
    Value::Str(text(s))
}

fn int(n: u32) -> Value {
    Value::Int(n)
}

fn ints(v: &[u32]) -> Value {
    Value::List(v.iter().map(|&n| Value::Int(n)).collect())
}

/// The fields of one check (`tere:answered` and `tere:practised` share them), in the contract's order.
#[allow(clippy::too_many_arguments)]
fn check(quiz: &str, id: &str, kind: &str, response: Value, correct: Value, credit: Value, tries: u32, hints: u32, last: bool) -> Vec<(&'static str, Value)> {
    vec![
        ("quiz", str(quiz)),
        ("questionId", str(id)),
        ("questionType", str(kind)),
        ("response", response),
        ("correct", correct),
        ("credit", credit),
        ("try", int(tries)),
        ("hintsUsed", int(hints)),
        ("final", Value::Bool(last)),
    ]
}

fn answered(check: Vec<(&'static str, Value)>, position: u32, total: u32) -> Message {
    let mut fields = check;
    fields.extend([("position", int(position)), ("total", int(total))]);
    Message { kind: "tere:answered", fields }
}

fn progress(quiz: &str, answered: u32, total: u32, percent: u32) -> Message {
    Message { kind: "tere:progress", fields: vec![("quiz", str(quiz)), ("answered", int(answered)), ("total", int(total)), ("percent", int(percent))] }
}

#[test]
fn the_version_is_the_contracts() {
    assert_eq!(VERSION, 1, "docs/host-events.md is version 1; raise both together");
}

#[test]
fn ready_lists_every_quiz_by_id_and_title() {
    let object = |id: &str, title: &str| Value::Object(vec![("id", str(id)), ("title", str(title))]);
    assert_eq!(
        messages::ready(course()),
        Message { kind: "tere:ready", fields: vec![("quizzes", Value::List(vec![object("q", "Kontakt"), object("k", "Kinds")]))] }
    );
}

#[test]
fn error_and_resize_carry_their_one_field() {
    assert_eq!(messages::error("self-test panic"), Message { kind: "tere:error", fields: vec![("message", str("self-test panic"))] });
    assert_eq!(messages::resize(640), Message { kind: "tere:resize", fields: vec![("height", int(640))] });
}

#[test]
fn a_play_through_sends_the_contracts_messages_field_by_field() {
    let s = Session::new(course());
    let (s, sent) = steps(&s, [Action::Open(0), Action::Start { seed: 7 }]);
    assert_eq!(sent, vec![], "a new attempt has no message of its own");

    // `a` right at the first try.
    let (s, sent) = steps(&s, [Action::Choose(1), Action::Check]);
    assert_eq!(sent, vec![answered(check("q", "a", "single", ints(&[1]), Value::Bool(true), Value::Num(1.0), 1, 0, true), 1, 4), progress("q", 1, 4, 25)]);

    // `b` wrong with a try left: not final, and the wrong try came with the hint.
    let (s, sent) = steps(&s, [Action::Next, Action::Choose(2), Action::Check]);
    assert_eq!(sent, vec![answered(check("q", "b", "single", ints(&[2]), Value::Bool(false), Value::Num(0.0), 1, 1, false), 2, 4), progress("q", 2, 4, 50)]);
    // … and wrong again: out of tries, final; every check is reported and counts once in progress.
    let (s, sent) = steps(&s, [Action::TryAgain, Action::Choose(1), Action::Check]);
    assert_eq!(sent, vec![answered(check("q", "b", "single", ints(&[1]), Value::Bool(false), Value::Num(0.0), 2, 1, true), 2, 4), progress("q", 2, 4, 50)]);

    // `c` partly right: half credit, not correct, may try again.
    let (s, sent) = steps(&s, [Action::Next, Action::Choose(0), Action::Check]);
    assert_eq!(sent, vec![answered(check("q", "c", "multiple", ints(&[0]), Value::Bool(false), Value::Num(0.5), 1, 0, false), 3, 4), progress("q", 3, 4, 75)]);
    // The same answer again: final, and the second try costs 25 % of the question.
    let (s, sent) = steps(&s, [Action::TryAgain, Action::Check]);
    assert_eq!(sent, vec![answered(check("q", "c", "multiple", ints(&[0]), Value::Bool(false), Value::Num(0.25), 2, 0, true), 3, 4), progress("q", 3, 4, 75)]);
    // The answer itself is still half right; the penalty is in what counts.
    let attempt = s.quizzes[0].attempt.as_ref().expect("an attempt");
    let quiz = &course().quizzes[0];
    assert_eq!((attempt.answer_credit_at(quiz, attempt.current), attempt.credit_at(quiz, attempt.current)), (Some(0.5), Some(0.25)));

    // `d`, the ungraded reflection: its text, `null` for correct and credit.
    let (s, sent) = steps(&s, [Action::Next, Action::Write("Mõtlen \"ausalt\".\nTeine rida".into()), Action::Check]);
    assert_eq!(
        sent,
        vec![
            answered(check("q", "d", "reflection", str("Mõtlen \"ausalt\".\nTeine rida"), Value::Null, Value::Null, 1, 0, true), 4, 4),
            progress("q", 4, 4, 100)
        ]
    );

    // The summary: (1 + 0 + 0.25) / 3 graded = 42 %, under the pass mark of 50.
    let before_finish = s.clone();
    let (s, sent) = step(&s, Action::Finish);
    let result = |id: &str, credit: Value, correct: Value| Value::Object(vec![("id", str(id)), ("credit", credit), ("correct", correct)]);
    assert_eq!(
        sent,
        vec![Message {
            kind: "tere:completed",
            fields: vec![
                ("quiz", str("q")),
                ("score", int(42)),
                ("passed", Value::Bool(false)),
                ("passMark", int(50)),
                (
                    "questions",
                    Value::List(vec![
                        result("a", Value::Num(1.0), Value::Bool(true)),
                        result("b", Value::Num(0.0), Value::Bool(false)),
                        result("c", Value::Num(0.25), Value::Bool(false)),
                        result("d", Value::Null, Value::Null),
                    ])
                ),
            ],
        }]
    );

    // A pass mark the host imposes (an LMS mastery score) is the one reported, and passes.
    let (_, sent) = step(&before_finish.reduce(Action::ImposePassMark(Some(40))), Action::Finish);
    assert_eq!(sent[0].fields[1..4], [("score", int(42)), ("passed", Value::Bool(true)), ("passMark", int(40))]);

    // Practice asks `b` and `c` again: `tere:practised` only, with `practice: true`,
    // and its own positions (no `position`, `total` or progress).
    let (s, sent) = step(&s, Action::Practise { seed: 8 });
    assert_eq!(sent, vec![]);
    let (s, sent) = steps(&s, [Action::Choose(0), Action::Check]);
    let mut fields = check("q", "b", "single", ints(&[0]), Value::Bool(true), Value::Num(1.0), 1, 0, true);
    fields.push(("practice", Value::Bool(true)));
    assert_eq!(sent, vec![Message { kind: "tere:practised", fields }]);
    let (_, sent) = steps(&s, [Action::Next, Action::Choose(2), Action::Check]);
    let mut fields = check("q", "c", "multiple", ints(&[2]), Value::Bool(false), Value::Num(0.5), 1, 0, false);
    fields.push(("practice", Value::Bool(true)));
    assert_eq!(sent, vec![Message { kind: "tere:practised", fields }]);
}

#[test]
fn responses_are_in_content_order_for_every_kind() {
    let s = Session::new(course());
    let (s, _) = steps(&s, [Action::Open(1), Action::Start { seed: 3 }]);
    let response = |sent: &[Message]| sent[0].get("response").cloned();

    // True/false: 0 = true, 1 = false; the statement is false.
    let (s, sent) = steps(&s, [Action::Choose(1), Action::Check]);
    assert_eq!(response(&sent), Some(ints(&[1])));
    assert_eq!(sent[0].get("correct"), Some(&Value::Bool(true)));

    // Ordering: the item indices in the learner's order, whatever the shuffle showed.
    let s = s.reduce(Action::Next);
    let shown = match &s.attempt().unwrap().draft {
        tere_engine::Answer::Order(order) => order.iter().map(|&i| u32::from(i)).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    let (s, sent) = step(&s, Action::Check);
    assert_eq!(response(&sent), Some(ints(&shown)));

    // Matching: per left-hand item, the pair whose right-hand side was chosen.
    let (s, sent) = steps(
        &s,
        [
            Action::Next,
            Action::Match { pair: 0, right: Some(1) },
            Action::Match { pair: 1, right: Some(0) },
            Action::Match { pair: 2, right: Some(2) },
            Action::Check,
        ],
    );
    assert_eq!(response(&sent), Some(ints(&[1, 0, 2])));
    let third = Value::Num(1.0 / 3.0);
    assert_eq!((sent[0].get("credit"), sent[0].get("correct")), (Some(&third), Some(&Value::Bool(false))));

    // A matching answer with a left item left open is `null` there (a restored
    // attempt may hold one; the reducer does not check it).
    let mut attempt = s.attempt().unwrap().clone();
    attempt.answers[2] = Some(tere_engine::Answer::Matches(vec![Some(2), None, Some(0)]));
    let restored = s.reduce(Action::Restore { quiz: 1, record: s.quizzes[1].record.clone(), attempt: Some(attempt) });
    let sent = messages::for_events(&restored, &[tere_engine::report::Event::Answered { quiz: 1, position: 2 }]);
    assert_eq!(response(&sent), Some(Value::List(vec![int(2), Value::Null, int(0)])));
}
