//! The course's item-writing figures, for `cargo xtask check`: how often the right
//! option is the longest, how many statements are true, how many wrong options the
//! multiple-answer questions have, and where the reflections are.

use std::collections::BTreeMap;
use std::fmt;

use super::longest_option::lengths;
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
        }
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
                single("s2", "Q?", &[("Lühike", true), ("Pikk vale vastus", false)]),
                true_false("t1", "Väide.", true),
                true_false("t2", "Väide.", false),
                multiple("m1", "Q?", &[("A", true), ("B", false)]),
                reflection("r1"),
            ],
        );
        let course = Course { title: "C".into(), lang: "et".into(), quizzes: vec![a].into() };
        let f = figures(&course);
        assert_eq!((f.one_right, f.right_longest, f.statements, f.true_statements), (2, 1, 2, 1));
        assert_eq!(f.wrong_counts, BTreeMap::from([(1, 1)]));
        assert_eq!(f.reflections, [("q".to_string(), 1)]);
        assert!(f.to_string().contains("right option longest: 1 of 2 single and scenario questions (50 %)"), "{f}");
    }
}
