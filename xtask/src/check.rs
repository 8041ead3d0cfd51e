//! `cargo xtask check`: validate the content and show how the material is covered.
//! Fails when a section is taught by fewer than two questions, or when a section's
//! heading cannot be found in its seed (../shared/seeds, when present).

use std::path::{Path, PathBuf};

use tere_engine::authoring::{coverage, load_course, Section};

use crate::util::{self, Result};

/// Every section and sub-point of the material must be taught by this many questions.
const MIN_QUESTIONS: usize = 2;

pub fn run(dir: Option<&str>) -> Result {
    let dir = dir.map_or_else(|| util::root().join("questions"), PathBuf::from);
    let loaded = load_course(&dir).map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n") + "\ncontent has errors")?;
    let questions: usize = loaded.course.quizzes.iter().map(|q| q.questions.len()).sum();
    println!("{} quizzes, {questions} questions; sections and the questions that teach them:", loaded.course.quizzes.len());
    let mut problems = Vec::new();
    for row in coverage(&loaded) {
        let short = row.questions.len() < MIN_QUESTIONS;
        let indent = if row.section.within.is_some() { "    " } else { "" };
        println!("{}{indent}{:>2}  {} — {}", if short { "! " } else { "  " }, row.questions.len(), row.section.seed, row.section.heading);
        if !row.questions.is_empty() {
            println!("      {indent}{}", row.questions.join(", "));
        }
        if short {
            problems.push(format!("`{}` is taught by {} question(s); at least {MIN_QUESTIONS} are needed", row.section.heading, row.questions.len()));
        }
    }
    problems.extend(missing_headings(&loaded.sections, &util::root().join("../shared/seeds")));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Sections whose heading does not stand in their seed text (whitespace folded).
fn missing_headings(sections: &[Section], seeds: &Path) -> Vec<String> {
    if !seeds.is_dir() {
        println!("note: {} not found; section headings not checked against the seeds", seeds.display());
        return Vec::new();
    }
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    sections
        .iter()
        .filter_map(|s| match std::fs::read_to_string(seeds.join(&s.seed)) {
            Err(_) => Some(format!("sections.toml names seed `{}`, which does not exist", s.seed)),
            Ok(text) if !fold(&text).contains(&fold(&s.heading)) => Some(format!("heading `{}` is not in seed `{}`", s.heading, s.seed)),
            Ok(_) => None,
        })
        .collect()
}
