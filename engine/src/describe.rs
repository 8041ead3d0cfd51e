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

/// The learner's answer as lines of text (matching: `left → right`): `Kind::given`.
pub fn given(kind: &Kind, answer: &Answer, lang: &str) -> Vec<String> {
    kind.given(answer, lang)
}

/// The right answer as lines of text; empty for a reflection: `Kind::expected`.
pub fn expected(kind: &Kind, lang: &str) -> Vec<String> {
    kind.expected(lang)
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
