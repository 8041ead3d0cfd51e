//! `cargo xtask gift-import` / `gift-export`: Moodle GIFT in and out (docs/gift.md).
//! The conversion itself is `tere_authoring::gift`; this file handles arguments and files.

use std::collections::BTreeSet;
use std::path::Path;

use tere_authoring::gift::{export_quiz, import_gift, ImportOptions};
use tere_authoring::media::media_names;
use tere_authoring::{load_course, media, CourseFiles};

use crate::util::{self, Result};

const IMPORT_USAGE: &str = "usage: cargo xtask gift-import <file.gift> --quiz <id> [--lang et|fi|en] [--media <folder>] [--out <quiz.toml>]";
const EXPORT_USAGE: &str = "usage: cargo xtask gift-export <quiz id> [--out <file.gift>]";

/// The quiz file goes to stdout (or `--out`); the report to stderr. A picture in a
/// question's text is carried over when its file is in `--media` (by default the
/// built-in course's questions/media/, if there is one).
pub fn import(args: &[String]) -> Result {
    let args = Args::read(args, &["--quiz", "--lang", "--media", "--out"], IMPORT_USAGE)?;
    let file = args.positional.as_deref().ok_or(IMPORT_USAGE)?;
    let quiz_id = args.option("--quiz").ok_or(IMPORT_USAGE)?;
    let source = std::fs::read_to_string(file).map_err(|e| format!("read {file}: {e}"))?;
    let media = match args.option("--media") {
        Some(dir) => file_names(Path::new(dir)).map_err(|e| format!("read {dir}: {e}"))?,
        // Absent or unreadable: no pictures are carried, and the report says so for each.
        None => file_names(&util::root().join("questions").join(media::COURSE_FOLDER)).unwrap_or_default(),
    };
    let options = ImportOptions { quiz_id: quiz_id.to_string(), file_name: file.to_string(), lang: args.option("--lang").unwrap_or("et").to_string(), media };
    let conversion = import_gift(&source, &options).map_err(|errors| format!("{file} was not converted:\n{}", errors.join("\n")))?;
    write_out(args.option("--out"), &conversion.toml)?;
    report("import report", &conversion.report);
    Ok(())
}

/// The GIFT goes to stdout (or `--out`); the report to stderr.
pub fn export(args: &[String]) -> Result {
    let args = Args::read(args, &["--out"], EXPORT_USAGE)?;
    let quiz_id = args.positional.as_deref().ok_or(EXPORT_USAGE)?;
    let dir = util::root().join("questions");
    let loaded = load_course(&dir).map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n") + "\ncontent has errors")?;
    // The media files' own names for the notes; the course loaded, so its files can be read.
    let names = CourseFiles::from_dir(&dir).map(|files| media_names(&files.media)).unwrap_or_default();
    let exported = export_quiz(&loaded.course, quiz_id, &names)?;
    write_out(args.option("--out"), &exported.gift)?;
    report("export report", &exported.notes);
    Ok(())
}

/// The names of the files in `dir` (not its subfolders), as a quiz file's `media` names them.
fn file_names(dir: &Path) -> std::io::Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if let (true, Some(name)) = (path.is_file(), path.file_name().and_then(|n| n.to_str())) {
            names.insert(name.to_string());
        }
    }
    Ok(names)
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
