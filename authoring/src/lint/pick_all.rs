//! Credit for ticking every option: a multiple-answer question with three right
//! options of four pays 67 % to a learner who ticks them all without judging any
//! (each wrong tick takes back one right one). Warned when ticking all earns half or
//! more, by the player's own scoring (`tere_engine::score::credit`), so the lint and
//! the score cannot disagree.

use super::{Finding, Rule, Scope};
use tere_engine::answer::Answer;
use tere_engine::model::{Kind, Quiz};
use tere_engine::score::credit;

pub const RULE: Rule =
    Rule { name: "pick_all_credit", scope: Scope::Question, about: "ticking every option of a multiple-answer question earns half its credit or more", check };

/// Ticking all may earn less than this share of the question's credit.
const MAX_CREDIT: f64 = 0.5;

/// What ticking every option of a multiple-answer question earns (`None` for other kinds).
pub fn pick_all_credit(kind: &Kind) -> Option<f64> {
    let Kind::Multiple { options } = kind else { return None };
    credit(kind, &Answer::Choices((0..options.len()).filter_map(|i| u8::try_from(i).ok()).collect()))
}

/// Whether ticking every option earns too much.
pub fn pays(earned: f64) -> bool {
    earned >= MAX_CREDIT
}

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let Some(earned) = pick_all_credit(&q.kind) else { continue };
        if pays(earned) {
            let options = q.kind.options();
            let right = options.iter().filter(|o| o.correct).count();
            out.push(Finding {
                rule: RULE.name,
                question: Some(q.id.clone()),
                message: format!(
                    "ticking every option earns {} % ({right} of the {} options are right), so a learner who ticks them all is paid without judging any; add wrong options or make fewer options right, until ticking all earns less than half",
                    (earned * 100.0).round(),
                    options.len()
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz, single};
    use super::*;

    #[test]
    fn half_credit_or_more_for_ticking_all_is_reported() {
        let q = quiz(
            "et",
            vec![
                multiple("three_of_four", "Q?", &[("A", true), ("B", true), ("C", true), ("D", false)]),
                multiple("two_of_three", "Q?", &[("A", true), ("B", true), ("C", false)]),
                multiple("two_of_four", "Q?", &[("A", true), ("B", true), ("C", false), ("D", false)]),
                multiple("three_of_five", "Q?", &[("A", true), ("B", true), ("C", true), ("D", false), ("E", false)]),
                single("single", "Q?", &[("A", true), ("B", false)]),
            ],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["three_of_four", "two_of_three"], "{found:?}");
        assert!(found[0].1.starts_with("ticking every option earns 67 % (3 of the 4 options are right)"), "{}", found[0].1);
        assert!(found[1].1.starts_with("ticking every option earns 50 %"), "{}", found[1].1);
    }
}
