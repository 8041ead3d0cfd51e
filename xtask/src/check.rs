//! `cargo xtask check [--strict] [DIR]`: validate the content, show how the material
//! is covered, and list the item-writing warnings (`tere_authoring::lint`) with the
//! course's figures, and validation's other warnings (a large media file). Fails when
//! a section is taught by fewer than two questions, or when a section's heading cannot
//! be found in its seed (../shared/seeds, when present); with `--strict`, also when
//! there is any warning.

use std::path::{Path, PathBuf};

use tere_authoring::lint::figures;
use tere_authoring::{coverage, load_course, Section};

use crate::util::{self, Result};

/// Every section and sub-point of the material must be taught by this many questions.
const MIN_QUESTIONS: usize = 2;

/// `args`: `--strict` and a folder (default `questions/`), in any order.
pub fn run(args: &[String]) -> Result {
    let strict = args.iter().any(|a| a == "--strict");
    let mut folders = args.iter().filter(|a| *a != "--strict");
    let dir = folders.next().map_or_else(|| util::root().join("questions"), PathBuf::from);
    if let Some(extra) = folders.next() {
        return Err(format!("check takes one folder, but `{extra}` follows `{}`", dir.display()));
    }
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
    println!("\nitem writing (the lint's figures for the whole course):\n{}", figures(&loaded.course));
    if loaded.warnings.is_empty() {
        println!("no item-writing warnings");
    } else {
        println!("\n{} item-writing warning(s):", loaded.warnings.len());
        for w in &loaded.warnings {
            println!("{w}");
        }
        if strict {
            problems.push(format!("{} item-writing warning(s), and --strict makes them errors", loaded.warnings.len()));
        } else {
            println!("(warnings do not fail the check; --strict makes them errors)");
        }
    }
    // What validation noticed besides the wording (a large media file).
    if !loaded.notices.is_empty() {
        println!("\n{} other warning(s):", loaded.notices.len());
        for n in &loaded.notices {
            println!("{n}");
        }
        if strict {
            problems.push(format!("{} other warning(s), and --strict makes them errors", loaded.notices.len()));
        }
    }
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
