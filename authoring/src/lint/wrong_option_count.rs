//! The same number of wrong options in every multiple-answer question: a learner
//! who notices "there are always two wrong ones" counts instead of thinking.

use super::{Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule =
    Rule { name: "same_wrong_count", scope: Scope::Quiz, about: "every multiple-answer question of a quiz has the same number of wrong options", check };

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let counts: Vec<usize> = quiz
        .questions
        .iter()
        .filter_map(|q| if let Kind::Multiple { options } = &q.kind { Some(options.iter().filter(|o| !o.correct).count()) } else { None })
        .collect();
    if counts.len() >= 2 && counts.iter().all(|c| *c == counts[0]) {
        out.push(Finding {
            rule: RULE.name,
            question: None,
            message: format!(
                "all {} multiple-answer questions have {} wrong option(s), so a learner can count instead of judging each option; vary the number, keeping over half as many wrong options as right ones so that ticking every option does not pay (rule `pick_all_credit`)",
                counts.len(),
                counts[0]
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz};
    use super::*;

    fn with_wrong(counts: &[usize]) -> tere_engine::model::Quiz {
        let question = |i: usize, wrong: usize| {
            let texts: Vec<String> = (0..wrong + 2).map(|o| format!("Valik {o}")).collect();
            let list: Vec<(&str, bool)> = texts.iter().enumerate().map(|(o, t)| (t.as_str(), o < 2)).collect();
            multiple(&format!("m{i}"), "Q?", &list)
        };
        quiz("et", counts.iter().enumerate().map(|(i, w)| question(i, *w)).collect())
    }

    #[test]
    fn the_same_count_everywhere_is_reported() {
        let found = found(&RULE, &with_wrong(&[2, 2, 2]));
        assert_eq!(found.len(), 1);
        assert!(found[0].1.starts_with("all 3 multiple-answer questions have 2 wrong option(s)"), "{}", found[0].1);
    }

    #[test]
    fn different_counts_or_a_single_question_pass() {
        assert!(found(&RULE, &with_wrong(&[2, 3, 2])).is_empty());
        assert!(found(&RULE, &with_wrong(&[2])).is_empty());
        assert!(found(&RULE, &with_wrong(&[])).is_empty());
    }
}
