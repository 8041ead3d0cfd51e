//! The course's item-writing figures, for `cargo xtask check`: how often the right
//! option is the longest, how many statements are true, how many wrong options the
//! multiple-answer questions have, how many pay for ticking every option, how often
//! a right option is listed first, how often wrong and right answers give a reason,
//! and where the reflections are.

use std::collections::BTreeMap;
use std::fmt;

use super::justification::{rate, reasons, Reasons};
use super::longest_option::lengths;
use super::pick_all::{pays, pick_all_credit};
use tere_engine::model::Course;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Single and scenario questions…
    pub one_right: usize,
    /// …and how many of them have the right option longest.
    pub right_longest: usize,
    /// True/false statements, and how many of them are true.
    pub statements: usize,
    pub true_statements: usize,
    /// Wrong options → how many multiple-answer questions have that many.
    pub wrong_counts: BTreeMap<usize, usize>,
    /// Multiple-answer questions where ticking every option earns half or more.
    pub pick_all_pays: usize,
    /// Questions with options (single, scenario, multiple)…
    pub choice: usize,
    /// …and how many of them list a right option first.
    pub right_first: usize,
    /// Wrong and right answers (options, statements) that give a reason.
    pub reasons: Reasons,
    /// Quiz id → its reflections, in menu order.
    pub reflections: Vec<(String, usize)>,
}

pub fn figures(course: &Course) -> Figures {
    let mut f = Figures::default();
    for quiz in course.quizzes.iter() {
        let mut reflections = 0;
        for q in quiz.questions.iter() {
            if let Some((right, wrong)) = lengths(&q.kind) {
                f.one_right += 1;
                f.right_longest += usize::from(right > wrong);
            }
            crate::kinds::figures(&q.kind, &mut f, &mut reflections);
            f.pick_all_pays += usize::from(pick_all_credit(&q.kind).is_some_and(pays));
            if let Some(first) = q.kind.options().first() {
                f.choice += 1;
                f.right_first += usize::from(first.correct);
            }
        }
        f.reasons.add(&reasons(quiz));
        f.reflections.push((quiz.id.to_string(), reflections));
    }
    f
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "right option longest: {} of {} single and scenario questions ({} %)",
            self.right_longest,
            self.one_right,
            percent(self.right_longest, self.one_right)
        )?;
        writeln!(f, "true statements: {} of {} true/false ({} %)", self.true_statements, self.statements, percent(self.true_statements, self.statements))?;
        let wrong: Vec<String> = self.wrong_counts.iter().map(|(w, n)| format!("{w} wrong × {n}")).collect();
        writeln!(f, "multiple-answer questions: {}", wrong.join(", "))?;
        let multiple: usize = self.wrong_counts.values().sum();
        writeln!(f, "ticking every option earns half or more: {} of {multiple} multiple-answer questions", self.pick_all_pays)?;
        writeln!(f, "right option listed first: {} of {} choice questions ({} %)", self.right_first, self.choice, percent(self.right_first, self.choice))?;
        let (wrong, right) = (self.reasons.wrong, self.reasons.right);
        writeln!(
            f,
            "answers that give a reason: {} of {} wrong ({:.0} %), {} of {} right ({:.0} %)",
            wrong.0,
            wrong.1,
            rate(wrong) * 100.0,
            right.0,
            right.1,
            rate(right) * 100.0
        )?;
        let reflections: Vec<String> = self.reflections.iter().map(|(quiz, n)| format!("{quiz} {n}")).collect();
        write!(f, "reflections: {}", reflections.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{multiple, quiz, reflection, single, true_false};
    use super::*;

    #[test]
    fn figures_count_the_whole_course() {
        let a = quiz(
            "et",
            vec![
                single("s1", "Q?", &[("Pikk õige vastus", true), ("Lühike", false)]),
                single("s2", "Q?", &[("Pikk vale vastus, sest nii", false), ("Lühike", true)]),
                true_false("t1", "Väide.", true),
                true_false("t2", "Väide.", false),
                multiple("m1", "Q?", &[("A", true), ("B", false)]),
                multiple("m2", "Q?", &[("B", false), ("A", true), ("C", true)]),
                reflection("r1"),
            ],
        );
        let course = Course { title: "C".into(), lang: "et".into(), quizzes: vec![a].into() };
        let f = figures(&course);
        assert_eq!((f.one_right, f.right_longest, f.statements, f.true_statements), (2, 1, 2, 1));
        assert_eq!(f.wrong_counts, BTreeMap::from([(1, 2)]));
        assert_eq!((f.pick_all_pays, f.choice, f.right_first), (1, 4, 2));
        assert_eq!(f.reasons, Reasons { wrong: (1, 5), right: (0, 6) });
        assert_eq!(f.reflections, [("q".to_string(), 1)]);
        let shown = f.to_string();
        assert!(shown.contains("right option longest: 1 of 2 single and scenario questions (50 %)"), "{f}");
        assert!(shown.contains("ticking every option earns half or more: 1 of 2 multiple-answer questions"), "{f}");
        assert!(shown.contains("right option listed first: 2 of 4 choice questions (50 %)"), "{f}");
        assert!(shown.contains("answers that give a reason: 1 of 5 wrong (20 %), 0 of 6 right (0 %)"), "{f}");
    }
}
