//! `cargo xtask gift-import` / `gift-export`: Moodle GIFT in and out (docs/gift.md).
//! The conversion itself is `tere_authoring::gift`; this file handles arguments and files.

use std::path::Path;

use tere_authoring::gift::{export_quiz, import_gift, ImportOptions};
use tere_authoring::load_course;

use crate::util::{self, Result};

const IMPORT_USAGE: &str = "usage: cargo xtask gift-import <file.gift> --quiz <id> [--lang et|fi|en] [--out <quiz.toml>]";
const EXPORT_USAGE: &str = "usage: cargo xtask gift-export <quiz id> [--out <file.gift>]";

/// The quiz file goes to stdout (or `--out`); the report to stderr.
pub fn import(args: &[String]) -> Result {
    let args = Args::read(args, &["--quiz", "--lang", "--out"], IMPORT_USAGE)?;
    let file = args.positional.as_deref().ok_or(IMPORT_USAGE)?;
    let quiz_id = args.option("--quiz").ok_or(IMPORT_USAGE)?;
    let source = std::fs::read_to_string(file).map_err(|e| format!("read {file}: {e}"))?;
    let options = ImportOptions { quiz_id: quiz_id.to_string(), file_name: file.to_string(), lang: args.option("--lang").unwrap_or("et").to_string() };
    let conversion = import_gift(&source, &options).map_err(|errors| format!("{file} was not converted:\n{}", errors.join("\n")))?;
    write_out(args.option("--out"), &conversion.toml)?;
    report("import report", &conversion.report);
    Ok(())
}

/// The GIFT goes to stdout (or `--out`); the report to stderr.
pub fn export(args: &[String]) -> Result {
    let args = Args::read(args, &["--out"], EXPORT_USAGE)?;
    let quiz_id = args.positional.as_deref().ok_or(EXPORT_USAGE)?;
    let loaded = load_course(&util::root().join("questions"))
        .map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n") + "\ncontent has errors")?;
    let exported = export_quiz(&loaded.course, quiz_id)?;
    write_out(args.option("--out"), &exported.gift)?;
    report("export report", &exported.notes);
    Ok(())
}

fn write_out(out: Option<&str>, text: &str) -> Result {
    match out {
        Some(path) => std::fs::write(Path::new(path), text).map_err(|e| format!("write {path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

fn report(title: &str, lines: &[String]) {
    eprintln!("\n{title}:");
    for line in lines {
        eprintln!("  {line}");
    }
}

/// One positional argument and `--name value` options.
struct Args {
    positional: Option<String>,
    options: Vec<(String, String)>,
}

impl Args {
    fn read(args: &[String], known: &[&str], usage: &str) -> Result<Args> {
        let mut parsed = Args { positional: None, options: Vec::new() };
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if known.contains(&arg.as_str()) {
                let value = rest.next().ok_or_else(|| format!("{arg} needs a value\n{usage}"))?;
                parsed.options.push((arg.clone(), value.clone()));
            } else if arg.starts_with("--") || parsed.positional.is_some() {
                return Err(format!("unexpected argument `{arg}`\n{usage}"));
            } else {
                parsed.positional = Some(arg.clone());
            }
        }
        Ok(parsed)
    }

    fn option(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}
