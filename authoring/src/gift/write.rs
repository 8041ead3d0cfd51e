//! A Tere quiz → GIFT that Moodle imports, plus notes on what GIFT cannot hold.
//!
//! The layout follows Moodle's own GIFT export: `::id::text{`, one answer per
//! indented line, `####` general feedback last, `}` and a blank line.

use std::fmt::Write as _;

use super::item::Markup;
use crate::kinds;
use tere_engine::model::{Choice, Question, Quiz};

#[derive(Clone, Debug)]
pub struct Exported {
    pub gift: String,
    /// What was left out or changed, for the person running the export.
    pub notes: Vec<String>,
}

pub fn quiz_to_gift(quiz: &Quiz) -> Exported {
    let mut out = String::new();
    let mut notes = Vec::new();
    let _ = writeln!(out, "// {} (Tere quiz `{}`), written by cargo xtask gift-export", one_line(&quiz.title), quiz.id);
    let _ = writeln!(out, "$CATEGORY: tere/{}\n", quiz.id);
    let mut scenarios = Vec::new();
    for q in quiz.questions.iter() {
        kinds::to_gift(q, &quiz.lang, &mut out, &mut notes, &mut scenarios);
    }
    if !scenarios.is_empty() {
        notes.push(kinds::scenarios_note(&scenarios));
    }
    notes.push(
        "not carried over (GIFT has no place for them): the quiz's title, intro, lang, pass_mark, draw, draw_per_section, tries, try_penalty and hint_penalty, and every question's source and hints"
            .into(),
    );
    Exported { gift: out, notes }
}

/// A choice question: its text, then one option a line with `marker` before it.
pub(crate) fn choice(out: &mut String, q: &Question, text: &str, options: &[Choice], marker: impl Fn(&Choice) -> String) {
    let _ = writeln!(out, "::{}::{}{{", q.id, escape(text));
    for option in options {
        let _ = writeln!(out, "\t{}{}#{}", marker(option), escape(&option.text), escape(&option.feedback));
    }
    general_feedback(out, q, "\t");
    out.push_str("}\n\n");
}

/// The question's explanation as GIFT's general feedback (`####…`), if it has one.
pub(crate) fn general_feedback(out: &mut String, q: &Question, indent: &str) {
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
pub(crate) fn one_line(text: &str) -> String {
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
