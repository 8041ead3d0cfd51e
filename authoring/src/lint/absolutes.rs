//! Absolutes in false statements: "always", "only", "every"… tell a learner that a
//! statement is false without knowing why. Warned for a false true/false statement
//! that holds a word from its language's list (`words::absolutes`).

use super::words::{absolutes, first_found};
use super::{Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule =
    Rule { name: "absolute_in_false", scope: Scope::Question, about: "a false true/false statement says \"always\", \"only\", \"every\"…", check };

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let Kind::TrueFalse { answer: false, .. } = q.kind else { continue };
        if let Some(word) = first_found(&q.text, absolutes(&quiz.lang)) {
            out.push(Finding {
                rule: RULE.name,
                question: Some(q.id.clone()),
                message: format!(
                    "this false statement says \"{word}\", and an absolute gives a statement away as false; state the mistaken belief as someone would hold it, without the absolute"
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, true_false};
    use super::*;

    #[test]
    fn an_absolute_in_a_false_statement_is_reported_in_the_quizs_language() {
        let et = quiz("et", vec![true_false("a", "Klient on alati pahane sinu peale.", false), true_false("b", "Klient on sageli pahane toote peale.", false)]);
        assert_eq!(found(&RULE, &et), [("a".to_string(), found(&RULE, &et)[0].1.clone())]);
        assert!(found(&RULE, &et)[0].1.contains("\"alati\""));
        let fi = quiz("fi", vec![true_false("c", "Asiakas tulee aina ovesta.", false)]);
        assert_eq!(found(&RULE, &fi).len(), 1);
        let en = quiz("en", vec![true_false("d", "Only new staff need training.", false)]);
        assert_eq!(found(&RULE, &en).len(), 1);
    }

    #[test]
    fn true_statements_may_hold_absolutes() {
        let q = quiz("et", vec![true_false("a", "Tervita alati ka kiirel ajal.", true)]);
        assert!(found(&RULE, &q).is_empty());
    }
}
