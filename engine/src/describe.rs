//! Answers as the learner reads them: the texts of what was chosen and of what is
//! right, for review screens and reports.

use crate::answer::Answer;
use crate::model::Kind;

/// True/false labels in a content language, shared by the UI and review texts.
/// Estonian statements are *tõene*/*väär*; *õige*/*vale* are the verdict words.
pub fn true_false_labels(lang: &str) -> [&'static str; 2] {
    match lang.get(..2) {
        Some("fi") => ["Totta", "Tarua"],
        Some("en") => ["True", "False"],
        _ => ["Tõene", "Väär"],
    }
}

/// The learner's answer as lines of text (matching: `left → right`).
pub fn given(kind: &Kind, answer: &Answer, lang: &str) -> Vec<String> {
    match (kind, answer) {
        (Kind::TrueFalse { .. }, Answer::Choices(p)) => p.iter().filter_map(|&i| true_false_labels(lang).get(i as usize).map(|s| s.to_string())).collect(),
        (Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. }, Answer::Choices(p)) => {
            p.iter().filter_map(|&i| options.get(i as usize)).map(|o| o.text.to_string()).collect()
        }
        (Kind::Ordering { items }, Answer::Order(order)) => order.iter().filter_map(|&i| items.get(i as usize)).map(|t| t.to_string()).collect(),
        (Kind::Matching { pairs }, Answer::Matches(chosen)) => {
            pairs.iter().zip(chosen).map(|(p, c)| format!("{} → {}", p.left, c.and_then(|r| pairs.get(r as usize)).map_or("—", |r| r.right.as_ref()))).collect()
        }
        // Text is shown as written, whatever the question.
        (
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection,
            Answer::Text(t),
        ) => vec![t.clone()],
        (
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection,
            Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_),
        ) => Vec::new(),
    }
}

/// The right answer as lines of text; empty for a reflection.
pub fn expected(kind: &Kind, lang: &str) -> Vec<String> {
    match kind {
        Kind::TrueFalse { answer, .. } => vec![true_false_labels(lang)[if *answer { 0 } else { 1 }].to_string()],
        Kind::Ordering { items } => items.iter().map(|t| t.to_string()).collect(),
        Kind::Matching { pairs } => pairs.iter().map(|p| format!("{} → {}", p.left, p.right)).collect(),
        Kind::Reflection => Vec::new(),
        Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => {
            options.iter().filter(|o| o.correct).map(|o| o.text.to_string()).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Pair};

    #[test]
    fn describes_choices_matches_and_true_false() {
        let options = vec![Choice { text: "A".into(), correct: false, feedback: "".into() }, Choice { text: "B".into(), correct: true, feedback: "".into() }];
        let k = Kind::Single { options: options.into() };
        assert_eq!(given(&k, &Answer::Choices(vec![0]), "et"), vec!["A"]);
        assert_eq!(expected(&k, "et"), vec!["B"]);
        let pairs = vec![Pair { left: "x".into(), right: "1".into() }, Pair { left: "y".into(), right: "2".into() }];
        let m = Kind::Matching { pairs: pairs.into() };
        assert_eq!(given(&m, &Answer::Matches(vec![Some(1), None]), "et"), vec!["x → 2", "y → —"]);
        let tf = Kind::TrueFalse { answer: false, feedback_true: "".into(), feedback_false: "".into() };
        assert_eq!(expected(&tf, "fi"), vec!["Tarua"]);
        assert_eq!(given(&tf, &Answer::Choices(vec![0]), "en"), vec!["True"]);
    }
}
