//! A quiz → the text of a Tere quiz file (`questions/<quiz>.toml`, see
//! questions/README.md), laid out as authors write them. Fields an importer could
//! not fill get a `# TODO` comment above them.

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};
use toml_write::{ToTomlValue, TomlStringBuilder};

use super::import::{QuestionMedia, IMPORTED_SEED};
use crate::kinds;
use tere_engine::model::{Quiz, DEFAULT_PASS_MARK};

/// `header` lines become `#` comments at the top. `media` are the pictures an import
/// found (`Imported::media`), written as `media = { file, alt }` on their questions; a
/// question's own `media` is not written, since the engine knows only its packed name.
pub fn quiz_to_toml(quiz: &Quiz, header: &[String], media: &[QuestionMedia]) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("id", string(&quiz.id));
    doc.insert("title", string(&quiz.title));
    doc.insert("lang", string(&quiz.lang));
    doc.insert("intro", string(&quiz.intro));
    if quiz.pass_mark != DEFAULT_PASS_MARK {
        doc.insert("pass_mark", value(i64::from(quiz.pass_mark)));
    }
    if let Some(draw) = quiz.draw {
        doc.insert("draw", value(i64::from(draw)));
    }
    if quiz.draw_per_section {
        doc.insert("draw_per_section", value(true));
    }
    if quiz.tries > 1 {
        doc.insert("tries", value(i64::from(quiz.tries)));
    }
    if quiz.try_penalty > 0 {
        doc.insert("try_penalty", value(i64::from(quiz.try_penalty)));
    }
    if quiz.hint_penalty > 0 {
        doc.insert("hint_penalty", value(i64::from(quiz.hint_penalty)));
    }
    let comments: String = header.iter().map(|line| format!("# {line}\n")).collect();
    comment(&mut doc, "id", &comments);
    let mut questions = ArrayOfTables::new();
    for q in quiz.questions.iter() {
        let mut t = Table::new();
        t.insert("id", string(&q.id));
        t.insert("type", string(q.kind.name()));
        t.insert("text", string(&q.text));
        // Right after the text, as authors write it.
        if let Some(m) = media.iter().find(|m| *m.question == *q.id) {
            let mut table = InlineTable::new();
            table.insert("file", basic(&m.file));
            if let Some(alt) = &m.alt {
                table.insert("alt", basic(alt));
            }
            t.insert("media", value(table));
            if m.alt.is_none() {
                comment(&mut t, "media", "# TODO: add alt = \"what the picture shows\" (or decorative = true); the build rejects a picture without one.\n");
            }
        }
        // The kind's own keys here, after `text`; its option or pair tables print after every key.
        kinds::to_toml(&q.kind, &mut t);
        t.insert("explanation", string(&q.explanation));
        if q.explanation.is_empty() {
            let what = if q.kind.is_graded() { "why the right answer is right" } else { "points worth thinking about" };
            comment(&mut t, "explanation", &format!("# TODO: write {what} (the build rejects an empty explanation).\n"));
        }
        if !q.hints.is_empty() {
            t.insert("hint", value(q.hints.iter().map(|h| basic(h)).collect::<Array>()));
        }
        let mut source = InlineTable::new();
        source.insert("seed", basic(&q.source.seed));
        source.insert("section", basic(&q.source.section));
        t.insert("source", value(source));
        if q.source.seed == IMPORTED_SEED {
            comment(&mut t, "source", "# TODO: cite a seed and section from questions/sections.toml (the build rejects this placeholder).\n");
        }
        questions.push(t);
    }
    if !questions.is_empty() {
        doc.insert("question", Item::ArrayOfTables(questions));
    }
    doc.to_string()
}

/// A TOML basic string (`"…"`, escaped), the way the course's own files write texts.
pub(crate) fn basic(text: &str) -> Value {
    TomlStringBuilder::new(text).as_basic().to_toml_value().parse().expect("toml_write writes valid TOML strings")
}

/// `basic` as a table's value.
pub(crate) fn string(text: &str) -> Item {
    Item::Value(basic(text))
}

/// `# …` lines (each ending in a newline) just above `key`.
fn comment(table: &mut Table, key: &str, lines: &str) {
    if let Some(mut key) = table.key_mut(key) {
        key.leaf_decor_mut().set_prefix(lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tere_engine::model::{Kind, Speaker};

    #[test]
    fn strings_survive_toml() {
        let nasty = "quote \" back \\ new\nline tab\t bell\u{7} „õ“";
        let parsed: toml::Table = toml::from_str(&format!("x = {}", basic(nasty))).unwrap();
        assert_eq!(parsed["x"].as_str(), Some(nasty));
        assert_eq!(basic(nasty).to_string(), r#""quote \" back \\ new\nline tab\t bell\u0007 „õ“""#, "a basic string, as authors write them");
    }

    #[test]
    fn an_import_is_laid_out_as_authors_write_quiz_files() {
        let gift = "$CATEGORY: $course$/Service\n\n::pick::Which \"one\"?{\n=Right\\: this#Yes.\n~Wrong#No.\n}\n\n\
                    ::tf::A claim.{TRUE#Think again.#Right.####Because.}\n\n::pairs::Match.{\n=a -> b\n=c -> d\n####Pairs.\n}\n\n\
                    ::mine::Tell about it.{}\n";
        let options = crate::gift::ImportOptions { quiz_id: "q".into(), file_name: "q.gift".into(), lang: "en".into(), ..Default::default() };
        let written = crate::gift::import_gift(gift, &options).unwrap().toml;
        let todo_source = "# TODO: cite a seed and section from questions/sections.toml (the build rejects this placeholder).\n\
                           source = { seed = \"IMPORTED\", section = \"$course$/Service\" }";
        let expected = format!(
            r#"# Imported from q.gift by cargo xtask gift-import.
# Fill every TODO below (and check the import report) before adding this file to course.toml.
id = "q"
title = "Service"
lang = "en"
intro = "Imported from q.gift."

[[question]]
id = "pick"
type = "single"
text = "Which \"one\"?"
# TODO: write why the right answer is right (the build rejects an empty explanation).
explanation = ""
{todo_source}

[[question.option]]
text = "Right: this"
correct = true
feedback = "Yes."

[[question.option]]
text = "Wrong"
feedback = "No."

[[question]]
id = "tf"
type = "true_false"
text = "A claim."
answer = true
feedback_true = "Right."
feedback_false = "Think again."
explanation = "Because."
{todo_source}

[[question]]
id = "pairs"
type = "matching"
text = "Match."
explanation = "Pairs."
{todo_source}

[[question.pair]]
left = "a"
right = "b"

[[question.pair]]
left = "c"
right = "d"

[[question]]
id = "mine"
type = "reflection"
text = "Tell about it."
# TODO: write points worth thinking about (the build rejects an empty explanation).
explanation = ""
{todo_source}
"#
        );
        assert_eq!(written, expected);
    }

    /// Tries, penalties and hints, from the built-in course.
    #[test]
    fn tries_penalties_and_hints_are_written() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        let course = crate::load_course(&dir).unwrap_or_else(|e| panic!("{e:?}")).course;
        let mut hinted = 0;
        for quiz in course.quizzes.iter() {
            let parsed: toml::Table = toml::from_str(&quiz_to_toml(quiz, &[], &[])).unwrap();
            assert_eq!(parsed.get("tries").and_then(|t| t.as_integer()).unwrap_or(1), i64::from(quiz.tries), "{}", quiz.id);
            assert_eq!(parsed.get("try_penalty").and_then(|t| t.as_integer()).unwrap_or(0), i64::from(quiz.try_penalty), "{}", quiz.id);
            assert_eq!(parsed.get("hint_penalty").and_then(|t| t.as_integer()).unwrap_or(0), i64::from(quiz.hint_penalty), "{}", quiz.id);
            let questions = parsed["question"].as_array().unwrap();
            for (q, written) in quiz.questions.iter().zip(questions) {
                let hints: Vec<&str> = written.get("hint").and_then(|h| h.as_array()).map_or(Vec::new(), |h| h.iter().filter_map(|v| v.as_str()).collect());
                assert_eq!(hints, q.hints.iter().map(|h| h.as_ref()).collect::<Vec<&str>>(), "{}", q.id);
                hinted += usize::from(!hints.is_empty());
            }
        }
        assert!(hinted > 0, "the built-in course has hints");
    }

    /// Orderings (one item a line) and speakers, from the built-in course.
    #[test]
    fn orderings_and_speakers_are_written_as_in_the_course() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        let course = crate::load_course(&dir).unwrap_or_else(|e| panic!("{e:?}")).course;
        let (mut orderings, mut colleagues, mut named) = (0, 0, 0);
        for quiz in course.quizzes.iter() {
            let written = quiz_to_toml(quiz, &[], &[]);
            let parsed: toml::Table = toml::from_str(&written).unwrap();
            assert_eq!(parsed["id"].as_str(), Some(&*quiz.id));
            for q in quiz.questions.iter() {
                if let Kind::Ordering { items } = &q.kind {
                    let lines: String = items.iter().map(|i| format!("    {},\n", basic(i))).collect();
                    assert!(written.contains(&format!("\nitems = [\n{lines}]\nexplanation = ")), "{written}");
                    orderings += 1;
                }
                if let Kind::Scenario { speaker, line, .. } = &q.kind {
                    let speaker = match speaker {
                        Speaker::Customer => continue,
                        Speaker::Colleague => {
                            colleagues += 1;
                            "\"colleague\"".to_string()
                        }
                        Speaker::Named(name) => {
                            named += 1;
                            format!("{{ name = {} }}", basic(name))
                        }
                    };
                    assert!(written.contains(&format!("\nspeaker = {speaker}\nline = {}\n", basic(line))), "{written}");
                }
            }
        }
        assert!(orderings > 0 && colleagues > 0 && named > 0, "the course has each ({orderings}, {colleagues}, {named})");
    }
}
