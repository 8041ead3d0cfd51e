//! True/false balance: when most statements of a quiz are false, "false" is a safe
//! guess. Warned for a quiz whose statements lean to one side by more than one and
//! by more than 35 % to 65 %.

use super::{Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule = Rule { name: "true_false_balance", scope: Scope::Quiz, about: "a quiz's true/false statements are mostly true or mostly false", check };

/// The smaller side must be at least this share of the statements…
const MIN_SHARE: f64 = 0.35;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let answers: Vec<bool> = quiz.questions.iter().filter_map(|q| if let Kind::TrueFalse { answer, .. } = q.kind { Some(answer) } else { None }).collect();
    let n = answers.len();
    let true_ones = answers.iter().filter(|a| **a).count();
    let false_ones = n - true_ones;
    // …unless the sides differ by one at most (with 1 or 3 statements nothing closer is possible).
    if true_ones.abs_diff(false_ones) > 1 && (true_ones.min(false_ones) as f64) < MIN_SHARE * n as f64 {
        let (side, count) = if true_ones > false_ones { ("true", true_ones) } else { ("false", false_ones) };
        out.push(Finding {
            rule: RULE.name,
            question: None,
            message: format!(
                "{count} of the {n} true/false statements are {side}, so answering \"{side}\" pays without thinking; make between 35 and 65 % of them true"
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, true_false};
    use super::*;

    fn statements(answers: &[bool]) -> tere_engine::model::Quiz {
        quiz("et", answers.iter().enumerate().map(|(i, a)| true_false(&format!("s{i}"), "Väide.", *a)).collect())
    }

    #[test]
    fn mostly_false_statements_are_reported() {
        let found = found(&RULE, &statements(&[false, false, false, true]));
        assert_eq!(found.len(), 1);
        assert!(found[0].1.starts_with("3 of the 4 true/false statements are false"), "{}", found[0].1);
        assert_eq!(found[0].0, "", "a quiz-wide finding");
    }

    #[test]
    fn balanced_or_nearly_balanced_statements_pass() {
        for answers in [
            &[][..],
            &[false],
            &[true, false],
            &[false, false, true],
            &[true, false, true, false, false],
            &[true, true, true, false, false, false, false, false],
        ] {
            assert!(found(&RULE, &statements(answers)).is_empty(), "{answers:?}");
        }
        assert_eq!(found(&RULE, &statements(&[true, true])).len(), 1);
    }
}
