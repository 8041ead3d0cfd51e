//! A Tere quiz → GIFT that Moodle imports, plus notes on what GIFT cannot hold.
//!
//! The layout follows Moodle's own GIFT export: `::id::text{`, one answer per
//! indented line, `####` general feedback last, `}` and a blank line.

use std::fmt::Write as _;

use super::item::Markup;
use tere_engine::model::{Choice, Kind, Question, Quiz, Speaker};

#[derive(Clone, Debug)]
pub struct Exported {
    pub gift: String,
    /// What was left out or changed, for the person running the export.
    pub notes: Vec<String>,
}

/// How a scenario's line and question text share GIFT's one question text: the
/// customer's line as is, anyone else's after their name in the quiz's language.
pub fn scenario_text(speaker: &Speaker, line: &str, text: &str, lang: &str) -> String {
    match speaker.label(lang) {
        None => format!("– {line}\n{text}"),
        Some(name) => format!("– {name}: {line}\n{text}"),
    }
}

pub fn quiz_to_gift(quiz: &Quiz) -> Exported {
    let mut out = String::new();
    let mut notes = Vec::new();
    let _ = writeln!(out, "// {} (Tere quiz `{}`), written by cargo xtask gift-export", one_line(&quiz.title), quiz.id);
    let _ = writeln!(out, "$CATEGORY: tere/{}\n", quiz.id);
    let mut scenarios = Vec::new();
    for q in quiz.questions.iter() {
        match &q.kind {
            Kind::Single { options } => choice(&mut out, q, &q.text, options, single_marker),
            Kind::Scenario { speaker, line, options } => {
                scenarios.push(q.id.to_string());
                choice(&mut out, q, &scenario_text(speaker, line, &q.text, &quiz.lang), options, single_marker)
            }
            Kind::Multiple { options } => {
                let right = options.iter().filter(|o| o.correct).count() as f64;
                choice(&mut out, q, &q.text, options, |o| {
                    // Moodle adds the weights of the picked options (never below 0): +100/k and -100/k is Tere's rule.
                    let weight = if o.correct { 100.0 / right } else { -100.0 / right };
                    format!("~%{}%", percent(weight))
                })
            }
            Kind::TrueFalse { answer, feedback_true, feedback_false } => {
                // Moodle reads {TRUE#feedback for a wrong answer#feedback for a right answer}.
                let (word, wrong, right) = if *answer { ("TRUE", feedback_false, feedback_true) } else { ("FALSE", feedback_true, feedback_false) };
                let _ = write!(out, "::{}::{}{{{word}#{}#{}", q.id, escape(&q.text), escape(wrong), escape(right));
                general_feedback(&mut out, q, "");
                out.push_str("}\n\n");
            }
            Kind::Matching { pairs } => {
                let _ = writeln!(out, "::{}::{}{{", q.id, escape(&q.text));
                for pair in pairs.iter() {
                    if pair.left.contains("->") {
                        notes.push(format!(
                            "`{}`: the left side `{}` contains `->`, which GIFT reads as the pair's arrow; it is written as `→`",
                            q.id, pair.left
                        ));
                    }
                    let _ = writeln!(out, "\t={} -> {}", escape(&pair.left.replace("->", "→")), escape(&pair.right));
                }
                general_feedback(&mut out, q, "\t");
                out.push_str("}\n\n");
            }
            Kind::Reflection => {
                let _ = write!(out, "::{}::{}{{", q.id, escape(&q.text));
                general_feedback(&mut out, q, "");
                out.push_str("}\n\n");
            }
            Kind::Ordering { items } => {
                notes.push(format!("`{}`: ordering question not exported; GIFT has no ordering type, so it stands in the file as a comment", q.id));
                let _ = writeln!(out, "// Not exported: ordering question `{}` (GIFT has no ordering type).", q.id);
                let _ = writeln!(out, "// {}", one_line(&q.text));
                for (n, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "// {}. {}", n + 1, one_line(item));
                }
                out.push('\n');
            }
        }
    }
    if !scenarios.is_empty() {
        notes.push(format!(
            "scenario questions become multiple choice with the line of dialogue (after the speaker's name, unless it is the customer's) as the first line of the question text: {}",
            scenarios.join(", ")
        ));
    }
    notes.push(
        "not carried over (GIFT has no place for them): the quiz's title, intro, lang, pass_mark, draw, draw_per_section, tries, try_penalty and hint_penalty, and every question's source and hints"
            .into(),
    );
    Exported { gift: out, notes }
}

fn single_marker(option: &Choice) -> String {
    match (option.correct, option.text.starts_with('%')) {
        (true, _) => "=".into(),
        // An explicit zero weight keeps a leading `%` of the text from being read as one.
        (false, true) => "~%0%".into(),
        (false, false) => "~".into(),
    }
}

fn choice(out: &mut String, q: &Question, text: &str, options: &[Choice], marker: impl Fn(&Choice) -> String) {
    let _ = writeln!(out, "::{}::{}{{", q.id, escape(text));
    for option in options {
        let _ = writeln!(out, "\t{}{}#{}", marker(option), escape(&option.text), escape(&option.feedback));
    }
    general_feedback(out, q, "\t");
    out.push_str("}\n\n");
}

fn general_feedback(out: &mut String, q: &Question, indent: &str) {
    if !q.explanation.is_empty() {
        let _ = write!(out, "{indent}####{}", escape(&q.explanation));
        if !indent.is_empty() {
            out.push('\n');
        }
    }
}

/// GIFT text with every special character escaped, as Moodle's exporter does it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // A text that starts like a format marker would lose that start on import.
    if Markup::marked(text).format.is_some() {
        out.push_str("[plain]");
    }
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A weight as Moodle's grade list writes it: 33.33333, -50, 12.5.
pub fn percent(value: f64) -> String {
    let text = format!("{value:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A text on one comment line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gift::item::{Answers, GiftItem};
    use crate::gift::parse;

    #[test]
    fn escaping_survives_parsing() {
        let nasty = "a~b=c#d{e}f:g\\h\nline -> % [html] ::x";
        let gift = format!("::id::{}{{=r#{} ~w#f}}", escape(nasty), escape(nasty));
        let GiftItem::Question(q) = parse(&gift).unwrap().remove(0) else { panic!() };
        assert_eq!(q.text.text, nasty);
        let Answers::Choice(a) = q.answers else { panic!() };
        assert_eq!(a[0].feedback.as_ref().unwrap().text, nasty);
    }

    #[test]
    fn percents() {
        assert_eq!(percent(100.0 / 3.0), "33.33333");
        assert_eq!(percent(-50.0), "-50");
        assert_eq!(percent(12.5), "12.5");
        assert_eq!(percent(100.0), "100");
    }

    #[test]
    fn a_text_that_looks_like_a_format_marker_is_protected() {
        assert_eq!(escape("[html]x"), "[plain][html]x");
        assert_eq!(escape("[note] x"), "[note] x");
    }
}
