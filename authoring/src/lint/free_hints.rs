//! Hints that cost nothing: without a `hint_penalty`, asking for every hint before
//! the first check is free, so a learner should always do it, and the hints become
//! part of every question. (`hint_penalty` is a quiz setting; the format has none per
//! question.) Warned for a quiz that has hints and no `hint_penalty`.

use super::{Finding, Rule, Scope};
use tere_engine::model::Quiz;

pub const RULE: Rule =
    Rule { name: "free_hints", scope: Scope::Quiz, about: "a quiz has hints but no `hint_penalty`, so asking for them costs nothing", check };

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    if quiz.hint_penalty > 0 {
        return;
    }
    let with_hints: Vec<&str> = quiz.questions.iter().filter(|q| !q.hints.is_empty()).map(|q| &*q.id).collect();
    if !with_hints.is_empty() {
        out.push(Finding {
            rule: RULE.name,
            question: None,
            message: format!(
                "{} question(s) have hints ({}), but the quiz sets no `hint_penalty`, so asking for every hint before checking costs nothing; set `hint_penalty` at the top of the quiz file (10 to 25, say)",
                with_hints.len(),
                with_hints.join(", ")
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, single};
    use super::*;

    fn with_hint(penalty: u8) -> Quiz {
        let mut a = single("a", "Q?", &[("A", true), ("B", false)]);
        a.hints = vec!["Mõtle kliendile.".into()].into();
        let mut q = quiz("et", vec![a, single("b", "Q?", &[("A", true), ("B", false)])]);
        q.hint_penalty = penalty;
        q
    }

    #[test]
    fn hints_without_a_penalty_are_reported() {
        let found = found(&RULE, &with_hint(0));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "", "a quiz-wide finding");
        assert!(found[0].1.starts_with("1 question(s) have hints (a), but the quiz sets no `hint_penalty`"), "{}", found[0].1);
    }

    #[test]
    fn a_penalty_or_no_hints_pass() {
        assert!(found(&RULE, &with_hint(20)).is_empty());
        assert!(found(&RULE, &quiz("et", vec![single("b", "Q?", &[("A", true), ("B", false)])])).is_empty());
    }
}
