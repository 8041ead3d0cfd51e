//! Which questions teach each section of the material. A question citing a
//! sub-point also counts for the sections it lies within.

use super::{LoadedCourse, Section};

pub struct CoverageRow {
    pub section: Section,
    /// Ids of the questions citing this section or anything within it.
    pub questions: Vec<String>,
}

pub fn coverage(loaded: &LoadedCourse) -> Vec<CoverageRow> {
    let sections = &loaded.sections;
    // Is `inner` the same as, or (transitively) within, `outer`?
    let inside = |inner: &Section, outer: &Section| {
        let mut current = Some(inner);
        for _ in 0..=sections.len() {
            let Some(s) = current else { return false };
            if s.seed == outer.seed && s.heading == outer.heading {
                return true;
            }
            current = s.within.as_ref().and_then(|w| sections.iter().find(|p| p.seed == s.seed && &p.heading == w));
        }
        false
    };
    sections
        .iter()
        .map(|section| {
            let questions = loaded
                .course
                .quizzes
                .iter()
                .flat_map(|q| q.questions.iter())
                .filter(|q| {
                    let cited = sections.iter().find(|s| s.seed == q.source.seed && s.heading == q.source.section);
                    cited.is_some_and(|c| inside(c, section))
                })
                .map(|q| q.id.to_string())
                .collect();
            CoverageRow { section: section.clone(), questions }
        })
        .collect()
}
