//! Property tests: for generated quizzes of every question kind, scoring stays a
//! fraction and rewards right answers, resume text round-trips and survives damage,
//! and the reducer survives any sequence of clicks; for generated pools, draws
//! cover every section, prefer questions the last attempt did not ask, and resume
//! draws the same.
//!
//! Quizzes are generated as TOML and loaded through the authoring pipeline, so every
//! generated quiz is one an author could write. `PROPTEST_CASES=N` runs more cases.

mod common;

use std::sync::OnceLock;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

use common::{question, single};
use tere_authoring::load_course;
use tere_engine::attempt::draw;
use tere_engine::resume::{self, REFLECTION_KEEP};
use tere_engine::shuffle::{permutation, Rng};
use tere_engine::{score, Action, Answer, Attempt, Course, Kind, Phase, Quiz, Screen, Session};

/// `cases` per property unless PROPTEST_CASES says otherwise. Failures are printed
/// with their smallest case and not saved, so no regression files appear in the tree.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------
// Generated content

/// The validator's limit on options, items and pairs.
const MOST_CHOICES: usize = 32;

/// One question of a generated quiz, in as few numbers as describe it.
#[derive(Clone, Debug)]
enum Spec {
    Single { options: usize, right: usize },
    Scenario { options: usize, right: usize },
    Multiple { correct: Vec<bool> },
    TrueFalse { answer: bool },
    Ordering { items: usize },
    Matching { pairs: usize },
    Reflection,
}

#[derive(Clone, Debug)]
struct Shape {
    questions: Vec<Spec>,
    pass_mark: u8,
    /// Draw `index(len) + 1` questions per attempt.
    draw: Option<Index>,
}

/// Mostly small, sometimes the widest a question may be.
fn width() -> impl Strategy<Value = usize> {
    prop_oneof![6 => 2..=6usize, 1 => Just(MOST_CHOICES)]
}

fn one_right() -> impl Strategy<Value = (usize, usize)> {
    width().prop_flat_map(|n| (Just(n), 0..n))
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        one_right().prop_map(|(options, right)| Spec::Single { options, right }),
        one_right().prop_map(|(options, right)| Spec::Scenario { options, right }),
        width().prop_flat_map(|n| vec(any::<bool>(), n)).prop_map(|mut correct| {
            if !correct.contains(&true) {
                correct[0] = true;
            }
            Spec::Multiple { correct }
        }),
        any::<bool>().prop_map(|answer| Spec::TrueFalse { answer }),
        width().prop_map(|items| Spec::Ordering { items }),
        width().prop_map(|pairs| Spec::Matching { pairs }),
        Just(Spec::Reflection),
    ]
}

fn shape() -> impl Strategy<Value = Shape> {
    (vec(spec(), 1..=8), 0..=100u8, option::of(any::<Index>())).prop_map(|(questions, pass_mark, draw)| Shape { questions, pass_mark, draw })
}

fn options_toml(correct: impl Iterator<Item = bool>) -> String {
    correct.enumerate().map(|(i, c)| format!("[[question.option]]\ntext = \"O{i}\"\nfeedback = \"F{i}\"\ncorrect = {c}\n")).collect()
}

fn question_toml(id: &str, spec: &Spec) -> String {
    match spec {
        Spec::Single { options, right } => single(id, *options, *right),
        Spec::Scenario { options, right } => question(id, "scenario", &format!("line = \"C\"\n{}", options_toml((0..*options).map(|i| i == *right)))),
        Spec::Multiple { correct } => question(id, "multiple", &options_toml(correct.iter().copied())),
        Spec::TrueFalse { answer } => question(id, "true_false", &format!("answer = {answer}\nfeedback_true = \"T\"\nfeedback_false = \"F\"")),
        Spec::Ordering { items } => {
            let items: Vec<String> = (0..*items).map(|i| format!("\"I{i}\"")).collect();
            question(id, "ordering", &format!("items = [{}]", items.join(", ")))
        }
        Spec::Matching { pairs } => {
            question(id, "matching", &(0..*pairs).map(|i| format!("[[question.pair]]\nleft = \"L{i}\"\nright = \"R{i}\"\n")).collect::<String>())
        }
        Spec::Reflection => question(id, "reflection", ""),
    }
}

fn quiz_toml(id: &str, shape: &Shape) -> String {
    let mut toml = format!("id = \"{id}\"\ntitle = \"Quiz\"\nlang = \"et\"\nintro = \"Intro\"\npass_mark = {}\n", shape.pass_mark);
    if let Some(draw) = shape.draw {
        toml += &format!("draw = {}\n", draw.index(shape.questions.len()) + 1);
    }
    for (i, spec) in shape.questions.iter().enumerate() {
        // Question ids are unique across the course, so they carry the quiz id.
        toml += &question_toml(&format!("{id}_{i}"), spec);
    }
    toml
}

/// A course of one quiz per shape (ids `quiz0`, `quiz1`, …), through the authoring pipeline.
fn build_course(shapes: &[Shape]) -> Course {
    let files: Vec<(String, String)> = shapes.iter().enumerate().map(|(i, s)| (format!("quiz{i}"), quiz_toml(&format!("quiz{i}"), s))).collect();
    let named: Vec<(&str, &str)> = files.iter().map(|(name, text)| (name.as_str(), text.as_str())).collect();
    let dir = common::folder(&named);
    let loaded = load_course(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    loaded.unwrap_or_else(|e| panic!("generated content was refused: {e:#?}")).course
}

fn build_quiz(shape: &Shape) -> Quiz {
    build_course(std::slice::from_ref(shape)).quizzes[0].clone()
}

/// One quiz with every kind at several widths, for properties that need many cheap cases.
fn every_kind_quiz() -> &'static Quiz {
    static QUIZ: OnceLock<Quiz> = OnceLock::new();
    QUIZ.get_or_init(|| {
        let questions = vec![
            Spec::Single { options: 3, right: 1 },
            Spec::Multiple { correct: vec![true, false, true, false] },
            Spec::TrueFalse { answer: false },
            Spec::Ordering { items: 4 },
            Spec::Matching { pairs: 3 },
            Spec::Scenario { options: 2, right: 0 },
            Spec::Reflection,
            Spec::Ordering { items: MOST_CHOICES },
            Spec::Reflection,
        ];
        build_quiz(&Shape { questions, pass_mark: 80, draw: None })
    })
}

// ---------------------------------------------------------------------------
// Answers

/// The answer that earns full credit.
fn right_answer(kind: &Kind) -> Answer {
    match kind {
        Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => {
            Answer::Choices(options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i as u8).collect())
        }
        Kind::TrueFalse { answer, .. } => Answer::Choices(vec![if *answer { 0 } else { 1 }]),
        Kind::Ordering { items } => Answer::Order((0..items.len() as u8).collect()),
        Kind::Matching { pairs } => Answer::Matches((0..pairs.len() as u8).map(Some).collect()),
        Kind::Reflection => Answer::Text("Mõtted".into()),
        Kind::Dialogue(d) => Answer::Path(d.best_path().0),
    }
}

/// Reflection text: anything at all, or text dense in the characters the resume format uses.
fn reflection_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[~%._ a-zõ字😀\n\t]{0,150}", "[~%]{90,130}"]
}

/// Material that `learner_answer` turns into an answer for whatever kind a position holds.
#[derive(Clone, Debug)]
struct Raw {
    given: bool,
    seed: u64,
    text: String,
}

fn raw() -> impl Strategy<Value = Raw> {
    (any::<bool>(), any::<u64>(), reflection_text()).prop_map(|(given, seed, text)| Raw { given, seed, text })
}

/// An answer the UI could produce for `kind`: canonical, in range and checkable.
fn learner_answer(kind: &Kind, raw: &Raw) -> Answer {
    let mut rng = Rng::new(raw.seed);
    match kind {
        Kind::Single { options } | Kind::Scenario { options, .. } => Answer::Choices(vec![rng.below(options.len()) as u8]),
        Kind::TrueFalse { .. } => Answer::Choices(vec![rng.below(2) as u8]),
        Kind::Multiple { options } => {
            let mut picked: Vec<u8> = (0..options.len() as u8).filter(|_| rng.below(2) == 0).collect();
            if picked.is_empty() {
                picked.push(rng.below(options.len()) as u8);
            }
            Answer::Choices(picked)
        }
        Kind::Ordering { items } => Answer::Order(permutation(items.len(), raw.seed).into_iter().map(|i| i as u8).collect()),
        Kind::Matching { pairs } => Answer::Matches((0..pairs.len()).map(|_| Some(rng.below(pairs.len()) as u8)).collect()),
        // A random reply at each step, to an ending.
        Kind::Dialogue(d) => {
            let mut path = Vec::new();
            while let Some(tere_engine::dialogue::Walk { at: tere_engine::dialogue::Next::Step(s), .. }) = d.walk(&path) {
                path.push(rng.below(d.steps[usize::from(s)].replies.len()) as u8);
            }
            Answer::Path(path)
        }
        Kind::Reflection => {
            // A learner cannot check a blank reflection. One whose first REFLECTION_KEEP
            // characters are blank is saved without its blank start: see its own test.
            let mut text = raw.text.clone();
            if capped(&text).trim().is_empty() {
                text.insert(0, 'x');
            }
            Answer::Text(text)
        }
    }
}

/// Any answer of any shape, in range or not, for any kind.
fn any_answer() -> impl Strategy<Value = Answer> {
    // Small indices mostly, so repeats and in-range picks are common.
    let index = || prop_oneof![4 => 0u8..4, 1 => any::<u8>()];
    prop_oneof![
        vec(index(), 0..6).prop_map(Answer::Choices),
        vec(index(), 0..6).prop_map(Answer::Order),
        vec(option::of(index()), 0..6).prop_map(Answer::Matches),
        ".{0,20}".prop_map(Answer::Text),
    ]
}

/// Whether `answer` is one a learner could have given to `kind` through the UI:
/// complete, canonical and in range.
fn is_learner_answer(kind: &Kind, answer: &Answer) -> bool {
    let below = |n: usize| move |&i: &u8| (i as usize) < n;
    match (kind, answer) {
        (Kind::Single { options } | Kind::Scenario { options, .. }, Answer::Choices(p)) => p.len() == 1 && p.iter().all(below(options.len())),
        (Kind::TrueFalse { .. }, Answer::Choices(p)) => p.len() == 1 && p.iter().all(below(2)),
        (Kind::Multiple { options }, Answer::Choices(p)) => !p.is_empty() && p.iter().all(below(options.len())) && p.windows(2).all(|w| w[0] < w[1]),
        (Kind::Ordering { items }, Answer::Order(o)) => {
            let mut sorted = o.clone();
            sorted.sort_unstable();
            sorted.len() == items.len() && sorted.iter().enumerate().all(|(i, &item)| i == item as usize)
        }
        (Kind::Matching { pairs }, Answer::Matches(m)) => m.len() == pairs.len() && m.iter().all(|r| r.is_some_and(|r| (r as usize) < pairs.len())),
        // Checked when written, so not blank then; resume may keep only a blank start of it.
        (Kind::Reflection, Answer::Text(t)) => !t.is_empty(),
        (Kind::Dialogue(d), Answer::Path(p)) => d.walk(p).is_some_and(|w| w.ended()),
        _ => false,
    }
}

fn capped(text: &str) -> String {
    text.chars().take(REFLECTION_KEEP).collect()
}

/// What resume keeps of an answer: reflection text only up to its cap.
fn as_kept(answer: &Answer) -> Answer {
    match answer {
        Answer::Text(t) => Answer::Text(capped(t)),
        other => other.clone(),
    }
}

// ---------------------------------------------------------------------------
// Attempts

fn phase() -> impl Strategy<Value = Phase> {
    prop_oneof![Just(Phase::Answering), Just(Phase::Checked), Just(Phase::Finished)]
}

/// An attempt with learner answers wherever `raws` say so, at any position and phase.
/// With `settled`, position, phase and answers agree as the reducer keeps them;
/// without, they may contradict each other (as damaged saved state would). An odd
/// seed makes it a retry: it avoids what an attempt with another seed asked.
fn attempt_at(quiz: &Quiz, seed: u64, current: Index, phase: Phase, raws: &[Raw], settled: bool) -> Attempt {
    let seen = if seed % 2 == 1 { Attempt::new(quiz, seed.rotate_left(32), &[]).questions } else { Vec::new() };
    let mut attempt = Attempt::new(quiz, seed, &seen);
    let positions = attempt.questions.len();
    let answer = |position: usize| learner_answer(&quiz.questions[attempt.questions[position] as usize].kind, &raws[position % raws.len()]);
    let mut answers: Vec<Option<Answer>> = (0..positions).map(|p| raws[p % raws.len()].given.then(|| answer(p))).collect();
    let mut current = current.index(positions);
    if settled {
        match phase {
            Phase::Finished => {
                current = positions - 1;
                answers = (0..positions).map(|p| Some(answer(p))).collect();
            }
            Phase::Checked => answers[current] = Some(answer(current)),
            Phase::Answering => answers[current] = None,
        }
    }
    attempt.current = current;
    attempt.phase = phase;
    attempt.answers = answers;
    attempt.draft = attempt.blank_draft(quiz);
    attempt
}

/// What the engine promises about any attempt it holds.
fn check_attempt(quiz: &Quiz, a: &Attempt) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.answers.len(), a.questions.len());
    prop_assert!(a.current < a.questions.len(), "current {} of {}", a.current, a.questions.len());
    prop_assert!(a.questions.iter().all(|&q| (q as usize) < quiz.questions.len()));
    match a.phase {
        Phase::Finished => prop_assert!(a.is_last() && a.answers.iter().all(Option::is_some), "finished with a gap: {a:?}"),
        Phase::Checked => prop_assert!(a.answers[a.current].is_some(), "checked without an answer: {a:?}"),
        Phase::Answering => prop_assert!(a.answers[a.current].is_none(), "answering an already checked question: {a:?}"),
    }
    for (&qi, answer) in a.questions.iter().zip(&a.answers) {
        if let Some(answer) = answer {
            let kind = &quiz.questions[qi as usize].kind;
            prop_assert!(is_learner_answer(kind, answer), "{} question holds {answer:?}", kind.name());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Scoring

mod scoring {
    use super::*;

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn credit_is_a_fraction_for_any_answer_to_any_kind(shape in shape(), answers in vec(any_answer(), 32)) {
            let quiz = build_quiz(&shape);
            for (question, answer) in quiz.questions.iter().flat_map(|q| answers.iter().map(move |a| (q, a))) {
                match score::credit(&question.kind, answer) {
                    None => prop_assert!(!question.kind.is_graded()),
                    Some(c) => prop_assert!((0.0..=1.0).contains(&c), "a {} question earns {c} for {answer:?}", question.kind.name()),
                }
            }
        }

        #[test]
        fn quiz_score_is_a_percent_and_passing_follows_the_mark(shape in shape(), seed: u64, answers in vec(option::of(any_answer()), 8)) {
            let quiz = build_quiz(&shape);
            let mut attempt = Attempt::new(&quiz, seed, &[]);
            for (slot, answer) in attempt.answers.iter_mut().zip(answers) {
                *slot = answer;
            }
            let result = attempt.result(&quiz, quiz.pass_mark);
            prop_assert!(result.score <= 100);
            prop_assert_eq!(result.passed, result.score >= quiz.pass_mark);
            prop_assert_eq!(result.credits.len(), attempt.questions.len());
        }

        #[test]
        fn learner_answers_earn_a_fraction(shape in shape(), raws in vec(raw(), 8)) {
            let quiz = build_quiz(&shape);
            for (question, raw) in quiz.questions.iter().zip(&raws) {
                let answer = learner_answer(&question.kind, raw);
                if let Some(c) = score::credit(&question.kind, &answer) {
                    prop_assert!((0.0..=1.0).contains(&c), "a {} question earns {c} for {answer:?}", question.kind.name());
                }
            }
        }

        #[test]
        fn all_right_answers_score_100(shape in shape(), seed: u64) {
            let quiz = build_quiz(&shape);
            let mut attempt = Attempt::new(&quiz, seed, &[]);
            attempt.answers = attempt.questions.iter().map(|&q| Some(right_answer(&quiz.questions[q as usize].kind))).collect();
            let result = attempt.result(&quiz, quiz.pass_mark);
            prop_assert_eq!(result.score, 100);
            prop_assert!(result.passed);
            for (&q, credit) in attempt.questions.iter().zip(&result.credits) {
                let graded = quiz.questions[q as usize].kind.is_graded();
                prop_assert_eq!(*credit, graded.then_some(1.0));
            }
        }

        #[test]
        fn putting_a_single_choice_right_raises_the_score(
            mut shape in shape(),
            extra in one_right(),
            seed: u64,
            raws in vec(raw(), 9),
            which in any::<Index>(),
            wrong in any::<Index>(),
        ) {
            // Every question in the attempt, and at least one single choice among them.
            shape.questions.push(Spec::Single { options: extra.0, right: extra.1 });
            shape.draw = None;
            let quiz = build_quiz(&shape);
            let mut attempt = attempt_at(&quiz, seed, which, Phase::Answering, &raws, false);
            let kind_at = |position: usize| &quiz.questions[attempt.questions[position] as usize].kind;
            let singles: Vec<usize> = (0..attempt.questions.len()).filter(|&p| matches!(kind_at(p), Kind::Single { .. })).collect();
            let position = singles[which.index(singles.len())];
            let options = kind_at(position).options();
            let wrong_options: Vec<u8> = (0..options.len() as u8).filter(|&i| !options[i as usize].correct).collect();
            let right = right_answer(kind_at(position));

            attempt.answers[position] = Some(Answer::Choices(vec![wrong_options[wrong.index(wrong_options.len())]]));
            let before = attempt.result(&quiz, quiz.pass_mark);
            attempt.answers[position] = Some(right);
            let after = attempt.result(&quiz, quiz.pass_mark);
            // One more point of at most 32 graded questions moves the percent by at least 1.
            prop_assert!(after.score > before.score, "{} -> {}", before.score, after.score);
            prop_assert!(after.passed || !before.passed);
        }
    }

    #[test]
    fn picking_the_same_option_twice_earns_no_extra_credit() {
        // Resume text `c000` decodes to this answer (see resume_text below).
        let quiz = every_kind_quiz();
        let multiple = &quiz.questions[1].kind;
        let credit = score::credit(multiple, &Answer::Choices(vec![0, 0, 0])).unwrap();
        assert!(credit <= 1.0, "one of two correct options, picked three times, earns {credit}");
    }
}

// ---------------------------------------------------------------------------
// Resume text

mod resume_text {
    use super::*;

    /// A change to saved text, as a truncating LMS, a hand edit or a bit flip would make.
    #[derive(Clone, Debug)]
    enum Damage {
        Cut(Index),
        Delete(Index),
        Insert(Index, char),
        Replace(Index, char),
        Swap(Index, Index),
    }

    /// Characters the format gives meaning to, so damage often reaches deep into decode.
    const FORMAT_CHARS: &[char] = &['.', '~', '%', '_', '0', '1', '2', '5', '7', 'E', 'a', 'c', 'f', 'm', 'o', 't', 'z', ' '];

    fn format_char() -> impl Strategy<Value = char> {
        prop_oneof![4 => proptest::sample::select(FORMAT_CHARS), 1 => any::<char>()]
    }

    fn damage() -> impl Strategy<Value = Damage> {
        prop_oneof![
            any::<Index>().prop_map(Damage::Cut),
            any::<Index>().prop_map(Damage::Delete),
            (any::<Index>(), format_char()).prop_map(|(at, c)| Damage::Insert(at, c)),
            (any::<Index>(), format_char()).prop_map(|(at, c)| Damage::Replace(at, c)),
            (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Damage::Swap(a, b)),
        ]
    }

    fn apply(text: &str, damage: &[Damage]) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for d in damage {
            let len = chars.len().max(1);
            match d {
                Damage::Cut(at) => chars.truncate(at.index(len)),
                Damage::Delete(at) if !chars.is_empty() => {
                    chars.remove(at.index(len));
                }
                Damage::Insert(at, c) => chars.insert(at.index(chars.len() + 1), *c),
                Damage::Replace(at, c) if !chars.is_empty() => chars[at.index(len)] = *c,
                Damage::Swap(a, b) if !chars.is_empty() => chars.swap(a.index(len), b.index(len)),
                _ => {}
            }
        }
        chars.into_iter().collect()
    }

    /// Text in the format's alphabet, long enough to pass the header now and then.
    fn format_like_text() -> impl Strategy<Value = String> {
        vec(format_char(), 0..80).prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn decode_of_encode_gives_back_the_attempt(
            shape in shape(), seed: u64, current in any::<Index>(), phase in phase(), raws in vec(raw(), 8),
        ) {
            let quiz = build_quiz(&shape);
            let attempt = attempt_at(&quiz, seed, current, phase, &raws, true);
            let text = resume::encode(&quiz, &attempt);
            let back = resume::decode(&quiz, &text).map_err(|e| TestCaseError::fail(format!("{e:?} for {text}")))?;
            prop_assert_eq!((back.seed, &back.seen, &back.questions), (attempt.seed, &attempt.seen, &attempt.questions));
            prop_assert_eq!((back.current, back.phase), (attempt.current, attempt.phase), "{}", text);
            let kept: Vec<Option<Answer>> = attempt.answers.iter().map(|a| a.as_ref().map(as_kept)).collect();
            prop_assert_eq!(&back.answers, &kept, "{}", text);
            prop_assert_eq!(&back.draft, &back.blank_draft(&quiz));
        }

        #[test]
        fn resume_text_fits_the_worst_case_bound(
            shape in shape(), seed: u64, current in any::<Index>(), phase in phase(), raws in vec(raw(), 8),
        ) {
            let quiz = build_quiz(&shape);
            let attempt = attempt_at(&quiz, seed, current, phase, &raws, false);
            let text = resume::encode(&quiz, &attempt);
            let worst = resume::worst_case_len(&quiz);
            // LMSs count characters; a JavaScript string counts UTF-16 units.
            prop_assert!(text.chars().count() <= worst, "{} characters > {worst}: {text}", text.chars().count());
            prop_assert!(text.encode_utf16().count() <= worst, "{} UTF-16 units > {worst}: {text}", text.encode_utf16().count());
        }

        #[test]
        fn contradictory_saved_state_decodes_to_a_consistent_attempt(
            shape in shape(), seed: u64, current in any::<Index>(), phase in phase(), raws in vec(raw(), 8),
        ) {
            let quiz = build_quiz(&shape);
            let attempt = attempt_at(&quiz, seed, current, phase, &raws, false);
            let back = resume::decode(&quiz, &resume::encode(&quiz, &attempt)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            check_attempt(&quiz, &back)?;
        }
    }

    proptest! {
        #![proptest_config(config(512))]

        #[test]
        fn decode_never_panics_on_any_text(text in prop_oneof![any::<String>(), format_like_text()]) {
            let quiz = every_kind_quiz();
            if let Ok(attempt) = resume::decode(quiz, &text) {
                check_attempt(quiz, &attempt)?;
            }
            for version in ["1", "2", "3"] {
                if let Ok(attempt) = resume::decode(quiz, &format!("{version}.{}.{text}", quiz.id)) {
                    check_attempt(quiz, &attempt)?;
                }
            }
        }

        /// What local storage and an LMS's suspend_data hold may be anything (another
        /// program's, or damaged): reading it never panics, and what it gives is consistent.
        #[test]
        fn stored_progress_is_read_safely_from_any_text(text in prop_oneof![any::<String>(), format_like_text()]) {
            let quiz = every_kind_quiz();
            let course = Box::leak(Box::new(tere_engine::Course {
                title: "T".into(),
                lang: "et".into(),
                quizzes: vec![quiz.clone()].into(),
            }));
            for candidate in [text.clone(), format!("c1:{text}"), format!("p|100|1|{text}"), format!("{}:{text}", text.chars().count())] {
                if let Some(state) = tere_engine::progress::decode_quiz(course, 0, &candidate) {
                    if let Some(attempt) = &state.attempt {
                        check_attempt(quiz, attempt)?;
                    }
                    prop_assert!(state.record.best.is_none_or(|b| b <= 100));
                }
                let (states, _) = tere_engine::progress::decode_course(course, &candidate);
                for (i, state) in states {
                    prop_assert_eq!(i, 0);
                    if let Some(attempt) = &state.attempt {
                        check_attempt(quiz, attempt)?;
                    }
                }
                let _ = tere_engine::sco::decode_listed(&candidate);
                if let Some(parts) = tere_engine::progress::unframe(&candidate) {
                    prop_assert_eq!(tere_engine::progress::frame(&parts), candidate.clone(), "framing round-trips what it accepts");
                }
            }
        }

        #[test]
        fn damaged_resume_text_is_refused_or_gives_a_consistent_attempt(
            seed: u64, current in any::<Index>(), phase in phase(), raws in vec(raw(), 9), damage in vec(damage(), 1..6),
        ) {
            let quiz = every_kind_quiz();
            let good = resume::encode(quiz, &attempt_at(quiz, seed, current, phase, &raws, true));
            let damaged = apply(&good, &damage);
            if let Ok(attempt) = resume::decode(quiz, &damaged) {
                check_attempt(quiz, &attempt).map_err(|e| TestCaseError::fail(format!("{e} from {damaged}")))?;
                // Saving what was restored and restoring it again changes nothing more.
                let saved = resume::encode(quiz, &attempt);
                let again = resume::decode(quiz, &saved).map_err(|e| TestCaseError::fail(format!("{e:?} for {saved}")))?;
                prop_assert_eq!(resume::encode(quiz, &again), saved);
            }
        }
    }

    /// `good` with the answer at `position` replaced by `answer` (its fingerprint kept).
    fn with_answer_at(good: &str, position: usize, answer: &str) -> String {
        let (head, items) = good.rsplit_once('.').unwrap();
        let mut items: Vec<String> = items.split('~').map(String::from).collect();
        items[position] = format!("{}{answer}", &items[position][..3]);
        format!("{head}.{}", items.join("~"))
    }

    #[test]
    fn answers_that_point_past_their_question_are_not_restored() {
        let quiz = every_kind_quiz();
        let mut attempt = Attempt::new(quiz, 5, &[]);
        attempt.answers = attempt.questions.iter().map(|&q| Some(right_answer(&quiz.questions[q as usize].kind))).collect();
        attempt.current = attempt.questions.len() - 1;
        attempt.phase = Phase::Finished;
        let good = resume::encode(quiz, &attempt);
        // Positions: 0 single (3 options), 1 multiple (4), 2 true/false, 3 ordering (4), 4 matching (3).
        for (position, forged) in [(0, "cz"), (1, "c00"), (1, "c20"), (2, "c5"), (3, "o9999"), (3, "o0000"), (4, "mzzz")] {
            let text = with_answer_at(&good, position, forged);
            if let Ok(restored) = resume::decode(quiz, &text) {
                let kind = &quiz.questions[position].kind;
                if let Some(answer) = &restored.answers[position] {
                    assert!(is_learner_answer(kind, answer), "`{forged}` restored as {answer:?} for a {} question", kind.name());
                }
            }
        }
    }

    #[test]
    fn a_reflection_that_starts_with_much_blank_space_survives_resume() {
        let quiz = every_kind_quiz();
        let mut attempt = Attempt::new(quiz, 1, &[]);
        let reflection = 6;
        attempt.answers[reflection] = Some(Answer::Text(format!("{}Mõtted", "\n".repeat(REFLECTION_KEEP))));
        attempt.current = reflection;
        attempt.phase = Phase::Checked;
        let back = resume::decode(quiz, &resume::encode(quiz, &attempt)).unwrap();
        assert_eq!(back.phase, Phase::Checked, "the checked reflection was dropped on resume");
        assert!(back.answers[reflection].is_some());
    }
}

// ---------------------------------------------------------------------------
// The reducer

mod reducer {
    use super::*;

    fn action() -> impl Strategy<Value = Action> {
        let option = || prop_oneof![8 => 0u8..8, 1 => Just(u8::MAX), 1 => any::<u8>()];
        let position = prop_oneof![8 => 0usize..8, 1 => Just(usize::MAX), 1 => any::<usize>()];
        let quiz = prop_oneof![8 => 0usize..3, 1 => Just(usize::MAX)];
        prop_oneof![
            5 => option().prop_map(Action::Choose),
            4 => (position, any::<bool>()).prop_map(|(position, up)| Action::Move { position, up }),
            3 => (option(), option::of(option())).prop_map(|(pair, right)| Action::Match { pair, right }),
            1 => reflection_text().prop_map(Action::Write),
            5 => Just(Action::Check),
            4 => Just(Action::Next),
            2 => Just(Action::Finish),
            1 => any::<u64>().prop_map(|seed| Action::Retry { seed }),
            2 => quiz.prop_map(Action::Open),
            1 => Just(Action::ShowMenu),
            2 => any::<u64>().prop_map(|seed| Action::Start { seed }),
            1 => Just(Action::Hint),
            2 => Just(Action::TryAgain),
            1 => any::<u64>().prop_map(|seed| Action::Practise { seed }),
            1 => Just(Action::EndPractice),
        ]
    }

    fn check_session(s: &Session) -> Result<(), TestCaseError> {
        prop_assert_eq!(s.quizzes.len(), s.course.quizzes.len());
        if let Screen::Quiz(i) = s.screen {
            prop_assert!(i < s.quizzes.len());
        }
        for (state, quiz) in s.quizzes.iter().zip(s.course.quizzes.iter()) {
            prop_assert!(state.record.best.is_none_or(|b| b <= 100));
            if let Some(attempt) = &state.attempt {
                prop_assert!(state.record.attempts >= 1);
                check_attempt(quiz, attempt)?;
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn any_clicks_keep_the_session_consistent(shapes in vec(shape(), 1..=2), actions in vec(action(), 0..120)) {
            let course: &'static Course = Box::leak(Box::new(build_course(&shapes)));
            let mut session = Session::new(course);
            for action in actions {
                session = session.reduce(action);
                check_session(&session)?;
            }
        }
    }

    #[test]
    fn moving_from_the_last_possible_position_is_ignored() {
        let course: &'static Course = Box::leak(Box::new(build_course(&[Shape { questions: vec![Spec::Ordering { items: 3 }], pass_mark: 80, draw: None }])));
        let s = Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed: 1 });
        assert_eq!(s.reduce(Action::Move { position: usize::MAX, up: false }), s);
    }
}

// ---------------------------------------------------------------------------
// Drawing from a pool

mod drawing {
    use super::*;

    /// A pool: which section each question cites, how many an attempt draws, balanced or not.
    #[derive(Clone, Debug)]
    struct Pool {
        cites: Vec<usize>,
        draw: usize,
        per_section: bool,
    }

    const SECTIONS: usize = 6;

    fn sections_cited(cites: &[usize]) -> usize {
        cites.iter().collect::<std::collections::HashSet<_>>().len()
    }

    /// Draws from the number of cited sections (what `draw_per_section` needs) to the whole pool.
    fn pool() -> impl Strategy<Value = Pool> {
        (vec(0..SECTIONS, 1..=16), any::<Index>(), any::<bool>()).prop_map(|(cites, at, per_section)| {
            let least = if per_section { sections_cited(&cites) } else { 1 };
            let draw = least + at.index(cites.len() - least + 1);
            Pool { cites, draw, per_section }
        })
    }

    /// The pool as a course of one quiz, through the authoring pipeline.
    fn pool_course(pool: &Pool) -> &'static Course {
        let sections: String = (0..SECTIONS).map(|s| format!("[[section]]\nseed = \"s.txt\"\nheading = \"S{s}\"\n\n")).collect();
        let mut quiz = format!("id = \"pool\"\ntitle = \"Pool\"\nlang = \"et\"\nintro = \"Intro\"\ndraw = {}\n", pool.draw);
        if pool.per_section {
            quiz += "draw_per_section = true\n";
        }
        for (i, section) in pool.cites.iter().enumerate() {
            quiz += &format!(
                "\n[[question]]\nid = \"p{i}\"\ntype = \"reflection\"\ntext = \"Q{i}\"\nexplanation = \"E\"\nsource = {{ seed = \"s.txt\", section = \"S{section}\" }}\n"
            );
        }
        let dir = common::folder_with_sections(&sections, &[("pool", &quiz)]);
        let loaded = load_course(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        Box::leak(Box::new(loaded.unwrap_or_else(|e| panic!("generated pool was refused: {e:#?}\n{quiz}")).course))
    }

    /// Answers every question of the attempt on screen and finishes it.
    fn finish(mut s: Session) -> Session {
        loop {
            s = s.reduce(Action::Write("x".into())).reduce(Action::Check);
            if s.attempt().is_some_and(|a| a.is_last()) {
                return s.reduce(Action::Finish);
            }
            s = s.reduce(Action::Next);
        }
    }

    /// What every draw promises: `draw` distinct questions in content order, and with
    /// `draw_per_section` every cited section; a question of `seen` only where the pool
    /// left no other choice.
    fn check_draw(quiz: &Quiz, seen: &[u16], picked: &[u16]) -> Result<(), TestCaseError> {
        prop_assert_eq!(picked.len(), quiz.questions_per_attempt());
        prop_assert!(picked.windows(2).all(|w| w[0] < w[1]), "not distinct and in content order: {:?}", picked);
        let topic = |i: u16| quiz.questions[i as usize].topic;
        if quiz.draw_per_section {
            for t in 0..quiz.topics() as u16 {
                prop_assert!(picked.iter().any(|&i| topic(i) == t), "section {} missing from {:?}", t, picked);
            }
        }
        let all = 0..quiz.questions.len() as u16;
        let left_fresh = all.clone().any(|i| !seen.contains(&i) && !picked.contains(&i));
        for &i in picked.iter().filter(|i| seen.contains(i)) {
            // Asked again although a fresh one was left: only as its section's one
            // question, when every question of that section was asked last time.
            let whole_section_seen = all.clone().filter(|&j| topic(j) == topic(i)).all(|j| seen.contains(&j));
            let alone = picked.iter().filter(|&&j| topic(j) == topic(i)).count() == 1;
            prop_assert!(!left_fresh || (quiz.draw_per_section && whole_section_seen && alone), "{} asked again, fresh ones left: {:?}", i, picked);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(config(128))]

        #[test]
        fn a_draw_covers_every_section_and_prefers_questions_not_asked_last_time(pool in pool(), seed: u64, earlier: u64) {
            let quiz = &pool_course(&pool).quizzes[0];
            let first = draw(quiz, earlier, &[]);
            check_draw(quiz, &[], &first)?;
            let again = draw(quiz, seed, &first);
            check_draw(quiz, &first, &again)?;
            prop_assert_eq!(draw(quiz, seed, &first), again, "same seed, same draw");
        }

        #[test]
        fn a_retry_avoids_the_last_attempt_and_resume_draws_the_same(pool in pool(), seed: u64, retry: u64) {
            let course = pool_course(&pool);
            let quiz = &course.quizzes[0];
            let started = Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed });
            prop_assert_eq!(&started, &Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed }));
            let before = finish(started).attempt().unwrap().questions.clone();
            let retried = finish(Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed })).reduce(Action::Retry { seed: retry });
            let attempt = retried.attempt().unwrap();
            check_draw(quiz, &before, &attempt.questions)?;
            if quiz.questions_per_attempt() < quiz.questions.len() {
                prop_assert_eq!(&attempt.seen, &before);
            }
            for a in [started_attempt(course, seed), attempt.clone()] {
                let text = resume::encode(quiz, &a);
                let back = resume::decode(quiz, &text).map_err(|e| TestCaseError::fail(format!("{e:?} for {text}")))?;
                prop_assert_eq!((&back.seen, &back.questions), (&a.seen, &a.questions), "{}", text);
                prop_assert!(text.chars().count() <= resume::worst_case_len(quiz), "{}", text);
            }
        }
    }

    fn started_attempt(course: &'static Course, seed: u64) -> Attempt {
        Session::new(course).reduce(Action::Open(0)).reduce(Action::Start { seed }).attempt().unwrap().clone()
    }

    #[test]
    fn a_version_1_resume_text_draws_as_it_did() {
        let pool = Pool { cites: (0..10).map(|i| i % 3).collect(), draw: 4, per_section: false };
        let quiz = &pool_course(&pool).quizzes[0];
        for seed in 0..50u64 {
            let attempt = Attempt::new(quiz, seed, &[]);
            let v3 = resume::encode(quiz, &attempt);
            let prefix = format!("3.pool.{}..", resume::base36(seed));
            assert!(v3.starts_with(&prefix), "a first attempt has no `seen`: {v3}");
            let v1 = v3.replacen(&prefix, &format!("1.pool.{}.", resume::base36(seed)), 1);
            let back = resume::decode(quiz, &v1).unwrap();
            // Version 1 drew the shuffle's first `draw`.
            let mut old: Vec<u16> = permutation(10, seed).into_iter().take(4).map(|i| i as u16).collect();
            old.sort();
            assert_eq!((back.questions, back.seen), (old, Vec::new()), "{v1}");
        }
    }
}
