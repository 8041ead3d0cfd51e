//! The right option first in the file: the player shuffles the options, but
//! print-outs, previews and exports (GIFT, `course.json`) show them in the file's
//! order, where "pick the first" wins. A native reviewer found the key first in 60 of
//! the built-in course's 61 single and scenario questions and in every
//! multiple-answer one. Warned for a quiz that lists a right option first in most
//! of its choice questions, and markedly more often than chance would (`RATIO`).

use super::{Finding, Rule, Scope};
use tere_engine::model::Quiz;

pub const RULE: Rule = Rule {
    name: "key_first",
    scope: Scope::Quiz,
    about: "a right option is listed first in most of a quiz's single, scenario and multiple-answer questions",
    check,
};

/// Fewer choice questions than this are too few for an order to be a pattern.
const MIN_QUESTIONS: usize = 3;
/// Markedly more often than chance: at least this many times the number of
/// questions a shuffled file would start with a right option (the sum of each
/// question's share of right options). A quiz of multiple-answer questions whose
/// options are mostly right starts with one by chance and is not warned.
const RATIO: f64 = 1.5;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let mut asked = 0;
    let mut by_chance = 0.0;
    let mut first: Vec<&str> = Vec::new();
    for q in quiz.questions.iter() {
        let options = q.kind.options();
        let Some(top) = options.first() else { continue };
        asked += 1;
        by_chance += options.iter().filter(|o| o.correct).count() as f64 / options.len() as f64;
        if top.correct {
            first.push(&q.id);
        }
    }
    if asked >= MIN_QUESTIONS && first.len() * 2 > asked && first.len() as f64 >= RATIO * by_chance {
        out.push(Finding {
            rule: RULE.name,
            question: None,
            message: format!(
                "a right option is listed first in {} of the {asked} choice questions ({}), and print-outs, previews and exports show the file's order, where \"pick the first\" wins; put the right options in varied places in the file",
                first.len(),
                first.join(", ")
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz, single, true_false};
    use super::*;

    fn with_key_at(places: &[usize]) -> Quiz {
        let questions = places
            .iter()
            .enumerate()
            .map(|(i, at)| {
                let list: Vec<(&str, bool)> = ["A", "B", "C"].iter().enumerate().map(|(o, t)| (*t, o == *at)).collect();
                single(&format!("q{i}"), "Q?", &list)
            })
            .collect();
        quiz("et", questions)
    }

    #[test]
    fn the_key_first_in_most_questions_is_reported() {
        let found = found(&RULE, &with_key_at(&[0, 0, 1, 0]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "", "a quiz-wide finding");
        assert!(found[0].1.starts_with("a right option is listed first in 3 of the 4 choice questions (q0, q1, q3)"), "{}", found[0].1);
    }

    #[test]
    fn varied_places_few_questions_or_mostly_right_options_pass() {
        assert!(found(&RULE, &with_key_at(&[0, 1, 2, 0])).is_empty(), "half is not most");
        assert!(found(&RULE, &with_key_at(&[0, 0])).is_empty(), "two are too few");
        // Three right options of four: three in four such questions start with one by chance.
        let mostly_right = |id: &str| multiple(id, "Q?", &[("A", true), ("B", true), ("C", true), ("D", false)]);
        let q = quiz("et", vec![mostly_right("a"), mostly_right("b"), mostly_right("c"), true_false("t", "Väide.", true)]);
        assert!(found(&RULE, &q).is_empty());
    }
}
