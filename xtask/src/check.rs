//! `cargo xtask check`: validate the content and show how the material is covered.

use tere_engine::authoring::{coverage, load_course};

use crate::util::{self, Result};

pub fn run(dir: Option<&str>) -> Result {
    let dir = dir.map_or_else(|| util::root().join("questions"), std::path::PathBuf::from);
    let loaded = load_course(&dir).map_err(|errors| {
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n") + "\ncontent has errors"
    })?;
    let questions: usize = loaded.course.quizzes.iter().map(|q| q.questions.len()).sum();
    println!("{} quizzes, {questions} questions; sections and the questions that teach them:", loaded.course.quizzes.len());
    for row in coverage(&loaded) {
        let flag = if row.questions.len() >= 2 { "  " } else { "! " };
        let indent = if row.section.within.is_some() { "    " } else { "" };
        println!("{flag}{indent}{:>2}  {} — {}", row.questions.len(), row.section.seed, row.section.heading);
        if !row.questions.is_empty() {
            println!("      {indent}{}", row.questions.join(", "));
        }
    }
    Ok(())
}
