//! The right option is the longest: learners who do not know the answer pick the
//! longest, most careful-sounding option. Warned for a question when the right
//! option is noticeably the longest, and for a quiz when it is the longest at all in
//! more than a third of its single and scenario questions.

use super::{Finding, Rule, Scope};
use tere_engine::model::{Choice, Kind, Quiz};

pub const RULE: Rule = Rule {
    name: "longest_option",
    scope: Scope::Both,
    about: "the right option of a single or scenario question is noticeably the longest, or the longest in more than a third of a quiz's",
    check,
};

/// Noticeably longest: at least this many times as long as the longest wrong option…
pub(super) const RATIO: f64 = 1.25;
/// …and at least this many characters longer.
pub(super) const MIN_EXTRA: usize = 10;

/// The length of the right option and of the longest wrong one, for questions with
/// exactly one right option (single, scenario).
pub fn lengths(kind: &Kind) -> Option<(usize, usize)> {
    let options = crate::kinds::one_right_options(kind)?;
    let len = |o: &Choice| o.text.chars().count();
    let right = options.iter().find(|o| o.correct).map(len)?;
    let wrong = options.iter().filter(|o| !o.correct).map(len).max()?;
    Some((right, wrong))
}

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let mut asked = 0;
    let mut longest = Vec::new();
    for q in quiz.questions.iter() {
        let Some((right, wrong)) = lengths(&q.kind) else { continue };
        asked += 1;
        if right > wrong {
            longest.push(q.id.to_string());
        }
        if right as f64 >= wrong as f64 * RATIO && right >= wrong + MIN_EXTRA {
            out.push(Finding {
                rule: RULE.name,
                question: Some(q.id.clone()),
                message: format!(
                    "the right option is by far the longest ({right} characters; the longest wrong one has {wrong}), and learners who do not know the answer pick the longest; shorten it, or give the wrong options as much detail"
                ),
            });
        }
    }
    if longest.len() > 1 && longest.len() * 3 > asked {
        out.push(Finding {
            rule: RULE.name,
            question: None,
            message: format!(
                "the right option is the longest in {} of the {asked} single and scenario questions ({}); keep that to a third at most, so that length does not give the answer away",
                longest.len(),
                longest.join(", ")
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, scenario, single};
    use super::*;

    #[test]
    fn a_right_option_much_longer_than_every_wrong_one_is_reported() {
        let q = quiz(
            "et",
            vec![
                single("long", "Q?", &[("Annan märku, et olen teda märganud, ja tervitan teda kohe, kui vabanen.", true), ("Ei tee midagi.", false)]),
                single("even", "Q?", &[("Tervitan teda.", true), ("Vaatan mööda.", false), ("Ootan vaikselt.", false)]),
                single("short", "Q?", &[("Jah.", true), ("Ei, sest see ei ole kunagi vajalik.", false)]),
            ],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "long");
        assert!(found[0].1.contains("71 characters; the longest wrong one has 14"), "{}", found[0].1);
    }

    #[test]
    fn a_quiz_where_the_right_option_is_mostly_the_longest_is_reported() {
        let q = |id: &str| scenario(id, "Q?", "Tere!", &[("Tere, kuidas saan aidata?", true), ("Tere, mida soovid?", false)]);
        let quiz_of = |n: usize| quiz("et", (0..n).map(|i| q(&format!("q{i}"))).collect());
        // Slightly longer (not noticeably): only the quiz-wide share is reported.
        let two = found(&RULE, &quiz_of(2));
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].0, "", "a quiz-wide finding");
        assert!(two[0].1.contains("longest in 2 of the 2"), "{}", two[0].1);
        // One question alone may have it.
        assert!(found(&RULE, &quiz_of(1)).is_empty());
    }
}
