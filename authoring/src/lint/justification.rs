//! Reasons given to wrong answers: when a quiz's wrong options and false statements
//! carry a justification clause ("…, et mitte pealetükkiv olla", "sest…", "…, jotta
//! jono lyhenee", "because…") more often than its right ones, a learner learns that
//! the argued-for answer is the one to avoid. A native reviewer counted 28 % of the
//! built-in course's wrong options against 16 % of its keys. Warned for a quiz where
//! the rate among wrong answers is markedly higher (`RATIO`, `MIN_CLAUSES`).

use super::words::first_justification;
use super::{Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule = Rule {
    name: "justification_in_wrong",
    scope: Scope::Quiz,
    about: "a quiz's wrong options and false statements give a reason (\"sest\", \", et\", \"jotta\", \"because\"…) markedly more often than its right ones",
    check,
};

/// Markedly more often: the rate among wrong answers is at least this many times the
/// rate among right ones. A quiz has some 10-20 right answers, so one clause more or
/// less among them moves their rate by 5-10 points, and a smaller ratio is within
/// that noise; the reviewer's 28 % against 16 % (1.75 times) was plain to a reader.
const RATIO: f64 = 1.5;
/// …and at least this many wrong answers give a reason: one or two in a quiz are
/// chance, and make no pattern a learner could notice.
const MIN_CLAUSES: usize = 3;

/// Every right and wrong answer a learner reads as text: options, and statements
/// (a true statement is a right answer, a false one a wrong answer).
fn answers(quiz: &Quiz) -> Vec<(&str, &str, bool)> {
    let mut out = Vec::new();
    for q in quiz.questions.iter() {
        for option in q.kind.options() {
            out.push((&*q.id, &*option.text, option.correct));
        }
        if let Kind::TrueFalse { answer, .. } = q.kind {
            out.push((&*q.id, &*q.text, answer));
        }
    }
    out
}

/// How many wrong and right answers give a reason: `(with a reason, of all)` each.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reasons {
    pub wrong: (usize, usize),
    pub right: (usize, usize),
}

impl Reasons {
    pub fn add(&mut self, other: &Reasons) {
        self.wrong = (self.wrong.0 + other.wrong.0, self.wrong.1 + other.wrong.1);
        self.right = (self.right.0 + other.right.0, self.right.1 + other.right.1);
    }
}

/// The share of `(with, of)`, 0 when there are none.
pub fn rate((with, of): (usize, usize)) -> f64 {
    if of == 0 {
        0.0
    } else {
        with as f64 / of as f64
    }
}

/// A quiz's reasons, the first justification word found in a wrong answer, and the
/// questions whose wrong answers give one.
fn count(quiz: &Quiz) -> (Reasons, Option<&'static str>, Vec<&str>) {
    let mut reasons = Reasons::default();
    let mut example = None;
    let mut where_wrong: Vec<&str> = Vec::new();
    for (id, text, correct) in answers(quiz) {
        let reason = first_justification(text, &quiz.lang);
        let side = if correct { &mut reasons.right } else { &mut reasons.wrong };
        side.0 += usize::from(reason.is_some());
        side.1 += 1;
        if let (Some(word), false) = (reason, correct) {
            example.get_or_insert(word);
            if !where_wrong.contains(&id) {
                where_wrong.push(id);
            }
        }
    }
    (reasons, example, where_wrong)
}

/// A quiz's reasons, for the course's figures.
pub fn reasons(quiz: &Quiz) -> Reasons {
    count(quiz).0
}

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let (Reasons { wrong, right }, example, where_wrong) = count(quiz);
    if right.1 == 0 || wrong.0 < MIN_CLAUSES || rate(wrong) < RATIO * rate(right) {
        return;
    }
    let percent = |side: (usize, usize)| (rate(side) * 100.0).round();
    out.push(Finding {
        rule: RULE.name,
        question: None,
        message: format!(
            "{} of the {} wrong options and false statements give a reason (\"{}\"…; {} %), against {} of the {} right ones ({} %), so a reason marks an answer as wrong; give the right answers their reasons too, or take them out of the wrong ones (in {})",
            wrong.0,
            wrong.1,
            example.unwrap_or_default().trim_start_matches(", "),
            percent(wrong),
            right.0,
            right.1,
            percent(right),
            where_wrong.join(", ")
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, single, true_false};
    use super::*;

    fn with_reasons(wrong_with: usize, right_with: usize) -> Quiz {
        let questions = (0..6)
            .map(|i| {
                let right = if i < right_with { "Tervitan, sest klient on oodanud" } else { "Tervitan" };
                let wrong = if i < wrong_with { "Ootan, et mitte pealetükkiv olla" } else { "Ootan" };
                single(&format!("q{i}"), "Q?", &[(right, true), (wrong, false), ("Lahkun", false)])
            })
            .collect();
        quiz("et", questions)
    }

    #[test]
    fn reasons_given_mostly_to_wrong_answers_are_reported() {
        // 3 of 12 wrong options (25 %) against none of 6 right ones.
        let found = found(&RULE, &with_reasons(3, 0));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "", "a quiz-wide finding");
        assert!(
            found[0].1.starts_with("3 of the 12 wrong options and false statements give a reason (\"et\"…; 25 %), against 0 of the 6 right ones (0 %)"),
            "{}",
            found[0].1
        );
        assert!(found[0].1.ends_with("(in q0, q1, q2)"), "{}", found[0].1);
        // 4 of 12 (33 %) against 1 of 6 (17 %): twice the rate.
        assert_eq!(super::super::fixture::found(&RULE, &with_reasons(4, 1)).len(), 1);
    }

    #[test]
    fn reasons_as_common_among_right_answers_or_too_few_pass() {
        // 6 of 12 (50 %) against 3 of 6 (50 %).
        assert!(found(&RULE, &with_reasons(6, 3)).is_empty());
        // 4 of 12 (33 %) against 2 of 6 (33 %).
        assert!(found(&RULE, &with_reasons(4, 2)).is_empty());
        // Two are chance.
        assert!(found(&RULE, &with_reasons(2, 0)).is_empty());
    }

    #[test]
    fn false_statements_are_wrong_answers_in_each_language() {
        let fi = quiz(
            "fi",
            vec![
                true_false("a", "Jono lyhenee, jos asiakkaat ohjataan pois, koska he odottavat.", false),
                true_false("b", "Asiakas odottaa mieluummin kotona, sillä siellä on mukavaa.", false),
                true_false("c", "Siivoan, jotta odotustila pysyy siistinä.", false),
                true_false("d", "Tervehdi jonossa odottavaa asiakasta.", true),
            ],
        );
        assert_eq!(found(&RULE, &fi).len(), 1);
        let en = quiz(
            "en",
            vec![
                single("a", "Q?", &[("Greet them", true), ("Wait, because they are busy", false), ("Wait so that they can finish", false)]),
                single("b", "Q?", &[("Ask", true), ("Guess, since they know anyway", false)]),
            ],
        );
        assert_eq!(found(&RULE, &en).len(), 1);
    }
}
