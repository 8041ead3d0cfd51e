//! Scoring rules. Every graded question is worth one point; the credit for a
//! question is a fraction in 0..=1, by its kind's rule (`Kind::answer_credit`:
//! all or nothing for one right option, partial for several, per position for
//! ordering and matching; a reflection is not graded).
//!
//! Tries and hints (quiz settings `tries`, `try_penalty`, `hint_penalty`):
//!
//! - an answer is settled (final) when its credit is 1, when the question is ungraded,
//!   or when it was checked `tries` times; until then the learner may try again and
//!   the right answer is not shown;
//! - the question's credit is that of its last (settled) answer, less the penalties,
//!   floored at 0:
//!   `credit = max(0, answer credit - try_penalty/100 * (tries used - 1) - hint_penalty/100 * hints asked)`;
//! - hints count when the learner asks for them; the hint shown with a wrong try's
//!   feedback costs nothing more (the try already does);
//! - an ungraded question stays ungraded: no penalty makes it count.
//!
//! Quiz score = round(100 * sum of credits / graded questions), an integer percent.
//! A practice round (the missed questions again, after the summary) is never scored
//! into the quiz's result.

use crate::answer::Answer;
use crate::model::{Kind, Quiz};

/// Credit earned by `answer` on a question of `kind`; `None` for ungraded kinds.
/// An answer that does not fit its question (`Kind::fits`) earns nothing.
pub fn credit(kind: &Kind, answer: &Answer) -> Option<f64> {
    if !kind.is_graded() {
        return None;
    }
    Some(if kind.fits(answer) { kind.answer_credit(answer) } else { 0.0 })
}

/// The credit a question earns from its answer's credit `raw` after `tries` checks
/// with `hints_asked` hints asked for: the rule at the top of this file.
pub fn with_penalties(quiz: &Quiz, raw: Option<f64>, tries: u8, hints_asked: u8) -> Option<f64> {
    let raw = raw?;
    let extra_tries = f64::from(tries.saturating_sub(1));
    let penalty = (f64::from(quiz.try_penalty) * extra_tries + f64::from(quiz.hint_penalty) * f64::from(hints_asked)) / 100.0;
    Some((raw - penalty).max(0.0))
}

/// Whether `credit` is full credit, which is what "correct" means everywhere a
/// host hears of it (a SCORM interaction's `result`, a page host's `correct`) and
/// what settles an answer: the one place that rule is written.
pub fn is_full_credit(credit: f64) -> bool {
    credit >= 1.0
}

/// Whether an answer with credit `raw` (`None`: ungraded), checked `tries` times, is final.
pub fn is_settled(quiz: &Quiz, raw: Option<f64>, tries: u8) -> bool {
    raw.is_none_or(is_full_credit) || tries >= quiz.tries
}

/// Whether `answer` is complete enough to be checked.
pub fn is_answerable(kind: &Kind, answer: &Answer) -> bool {
    kind.fits(answer) && kind.is_complete(answer)
}

/// Whether a score passes against a pass mark: the one place the pass rule is written.
pub fn passes(score: u8, pass_mark: u8) -> bool {
    score >= pass_mark
}

/// Integer percent from summed credits; a quiz with nothing graded scores 100.
pub fn percent(credit_sum: f64, graded: usize) -> u8 {
    if graded == 0 {
        return 100;
    }
    (100.0 * credit_sum / graded as f64).round().clamp(0.0, 100.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Pair};
    use std::borrow::Cow;

    fn opts(correct: &[bool]) -> Cow<'static, [Choice]> {
        correct.iter().map(|&c| Choice { text: "x".into(), correct: c, feedback: "".into() }).collect::<Vec<_>>().into()
    }

    #[test]
    fn single_choice_is_all_or_nothing() {
        let k = Kind::Single { options: opts(&[false, true, false]) };
        assert_eq!(credit(&k, &Answer::Choices(vec![1])), Some(1.0));
        assert_eq!(credit(&k, &Answer::Choices(vec![0])), Some(0.0));
        assert!(!is_answerable(&k, &Answer::Choices(vec![])));
    }

    #[test]
    fn multiple_gives_partial_credit_floored_at_zero() {
        let k = Kind::Multiple { options: opts(&[true, true, false, false]) };
        assert_eq!(credit(&k, &Answer::Choices(vec![0, 1])), Some(1.0));
        assert_eq!(credit(&k, &Answer::Choices(vec![0])), Some(0.5));
        assert_eq!(credit(&k, &Answer::Choices(vec![0, 2])), Some(0.0));
        assert_eq!(credit(&k, &Answer::Choices(vec![0, 1, 2])), Some(0.5));
        assert_eq!(credit(&k, &Answer::Choices(vec![2, 3])), Some(0.0));
    }

    #[test]
    fn true_false_uses_index_zero_for_true() {
        let k = Kind::TrueFalse { answer: false, feedback_true: "".into(), feedback_false: "".into() };
        assert_eq!(credit(&k, &Answer::Choices(vec![1])), Some(1.0));
        assert_eq!(credit(&k, &Answer::Choices(vec![0])), Some(0.0));
    }

    #[test]
    fn ordering_and_matching_count_positions() {
        let k = Kind::Ordering { items: vec!["a".into(), "b".into(), "c".into(), "d".into()].into() };
        assert_eq!(credit(&k, &Answer::Order(vec![0, 1, 2, 3])), Some(1.0));
        assert_eq!(credit(&k, &Answer::Order(vec![0, 1, 3, 2])), Some(0.5));
        let pairs: Vec<Pair> = (0..3).map(|_| Pair { left: "l".into(), right: "r".into() }).collect();
        let k = Kind::Matching { pairs: pairs.into() };
        assert_eq!(credit(&k, &Answer::Matches(vec![Some(0), Some(2), Some(1)])), Some(1.0 / 3.0));
        assert!(!is_answerable(&k, &Answer::Matches(vec![Some(0), None, Some(1)])));
    }

    #[test]
    fn reflection_is_ungraded_but_must_be_written() {
        assert_eq!(credit(&Kind::Reflection, &Answer::Text("x".into())), None);
        assert!(!is_answerable(&Kind::Reflection, &Answer::Text("   ".into())));
        assert!(is_answerable(&Kind::Reflection, &Answer::Text("Mõtlen...".into())));
    }

    fn quiz(tries: u8, try_penalty: u8, hint_penalty: u8) -> Quiz {
        Quiz {
            id: "q".into(),
            title: "Q".into(),
            lang: "et".into(),
            intro: "I".into(),
            pass_mark: 80,
            draw: None,
            draw_per_section: false,
            tries,
            try_penalty,
            hint_penalty,
            questions: Vec::new().into(),
        }
    }

    #[test]
    fn try_penalty_costs_each_extra_try() {
        let q = quiz(3, 25, 0);
        assert_eq!(with_penalties(&q, Some(1.0), 1, 0), Some(1.0));
        assert_eq!(with_penalties(&q, Some(1.0), 2, 0), Some(0.75));
        assert_eq!(with_penalties(&q, Some(1.0), 3, 0), Some(0.5));
        assert_eq!(with_penalties(&q, Some(0.5), 2, 0), Some(0.25));
    }

    #[test]
    fn hint_penalty_costs_each_hint_asked() {
        let q = quiz(1, 0, 10);
        assert_eq!(with_penalties(&q, Some(1.0), 1, 0), Some(1.0));
        assert_eq!(with_penalties(&q, Some(1.0), 1, 2), Some(0.8));
        assert_eq!(with_penalties(&q, Some(0.0), 1, 2), Some(0.0));
    }

    #[test]
    fn penalties_add_up_and_floor_at_zero() {
        let q = quiz(3, 50, 30);
        assert!((with_penalties(&q, Some(1.0), 2, 1).unwrap() - 0.2).abs() < 1e-9);
        assert_eq!(with_penalties(&q, Some(1.0), 3, 1), Some(0.0));
        assert_eq!(with_penalties(&q, Some(0.4), 2, 0), Some(0.0));
        // Without penalties a right answer on the last try is worth full credit.
        assert_eq!(with_penalties(&quiz(3, 0, 0), Some(1.0), 3, 4), Some(1.0));
    }

    #[test]
    fn ungraded_stays_ungraded_and_is_settled_at_once() {
        let q = quiz(3, 50, 50);
        assert_eq!(with_penalties(&q, None, 3, 2), None);
        assert!(is_settled(&q, None, 1));
    }

    #[test]
    fn an_answer_is_settled_when_right_or_out_of_tries() {
        let q = quiz(2, 0, 0);
        assert!(is_settled(&q, Some(1.0), 1));
        assert!(!is_settled(&q, Some(0.5), 1));
        assert!(!is_settled(&q, Some(0.0), 1));
        assert!(is_settled(&q, Some(0.0), 2));
        assert!(is_settled(&quiz(1, 0, 0), Some(0.0), 1));
    }

    #[test]
    fn percent_rounds_and_handles_no_graded_questions() {
        assert_eq!(percent(7.5, 8), 94);
        assert_eq!(percent(0.0, 8), 0);
        assert_eq!(percent(0.0, 0), 100);
    }
}
