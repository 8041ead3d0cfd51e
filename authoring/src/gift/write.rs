//! A Tere quiz → GIFT that Moodle imports, plus notes on what GIFT cannot hold.
//!
//! The layout follows Moodle's own GIFT export: `::id::text{`, one answer per
//! indented line, `####` general feedback last, `}` and a blank line.
//!
//! Pictures and sounds are not in the GIFT: Moodle's GIFT import reads text only, and
//! keeps no file. A picture embedded as `<img src="data:…">` in `[html]` text is not
//! written either: it would show only where Moodle does not clean texts (its cleaner
//! allows no `data:` URIs, and `forceclean` or "log in as" turn cleaning on), so it
//! would vanish for some learners without a word (docs/gift.md). So each question's
//! media is said, where it belongs, in a `//` comment above the question, and in a note.

use std::fmt::Write as _;

use super::item::Markup;
use crate::kinds;
use crate::media::MediaNames;
use tere_engine::media::{Media, Shown};
use tere_engine::model::{Choice, Kind, Question, Quiz};

#[derive(Clone, Debug)]
pub struct Exported {
    pub gift: String,
    /// What was left out or changed, for the person running the export.
    pub notes: Vec<String>,
}

/// `quiz` as GIFT. `media_names` (may be empty) names the quiz's media files in the
/// comments and notes that say they are not carried.
pub fn quiz_to_gift(quiz: &Quiz, media_names: &MediaNames) -> Exported {
    let mut out = String::new();
    let mut notes = Vec::new();
    let _ = writeln!(out, "// {} (Tere quiz `{}`), written by cargo xtask gift-export", one_line(&quiz.title), quiz.id);
    let _ = writeln!(out, "$CATEGORY: tere/{}\n", quiz.id);
    let mut scenarios = Vec::new();
    for q in quiz.questions.iter() {
        media_left_out(q, media_names, &mut out, &mut notes);
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

/// The media of `q` and of its dialogue steps, which GIFT cannot carry: a `//` line
/// each just above the question (where whoever reads or imports the file sees it) and
/// the same in `notes`.
fn media_left_out(q: &Question, names: &MediaNames, out: &mut String, notes: &mut Vec<String>) {
    let mut all: Vec<(String, &Media)> = q.media.iter().map(|m| (format!("question `{}`", q.id), m)).collect();
    if let Kind::Dialogue(dialogue) = &q.kind {
        all.extend(dialogue.steps.iter().filter_map(|step| step.media.as_ref().map(|m| (format!("question `{}` step `{}`", q.id, step.id), m))));
    }
    for (whose, media) in all {
        let file = match names.get(media.file.as_ref()) {
            Some(name) => name.clone(),
            // Without the course's folder, where a package holds it: content/media/<hash>.<ext>.
            None => media.path(),
        };
        let what = match &media.shown {
            Shown::Image { alt: Some(alt), .. } => format!("its picture {file} (alt: “{}”)", one_line(alt)),
            Shown::Image { alt: None, .. } => format!("its picture {file} (decorative)"),
            Shown::Sound { transcript } => format!("its sound {file} (transcript: “{}”)", one_line(transcript)),
        };
        let note = format!("{whose}: {what} is not in the GIFT; Moodle's GIFT import cannot carry files: add it to the Moodle question by hand");
        let _ = writeln!(out, "// {note}");
        notes.push(note);
    }
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

    /// The media course of the browser tests (tests/media-course): two pictures and a sound.
    fn media_course() -> (Quiz, MediaNames) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/media-course");
        let loaded = crate::load_course(&dir).unwrap_or_else(|e| panic!("{e:?}"));
        let names = crate::media::media_names(&crate::CourseFiles::from_dir(&dir).unwrap().media);
        (loaded.course.quizzes[0].clone(), names)
    }

    /// The `//` lines just above `::id::` in `gift`.
    fn comments_above(gift: &str, id: &str) -> Vec<String> {
        let lines: Vec<&str> = gift.lines().collect();
        let at = lines.iter().position(|l| l.starts_with(&format!("::{id}::"))).unwrap_or_else(|| panic!("no {id} in {gift}"));
        lines[..at].iter().rev().take_while(|l| l.starts_with("//")).map(|l| l.to_string()).collect()
    }

    #[test]
    fn pictures_and_sounds_are_said_above_their_question_and_in_the_notes() {
        let (quiz, names) = media_course();
        let exported = quiz_to_gift(&quiz, &names);
        let picture = "question `p_veekeetja`: its picture veekeetja.svg (alt: “Klient hoiab veekeetjat leti kohal, selle põhja alt tilgub vett";
        let sound = "question `p_tervitus`: its sound tervitus.mp3 (transcript: “Tere! Kuidas saan aidata?”) is not in the GIFT; \
                     Moodle's GIFT import cannot carry files: add it to the Moodle question by hand";
        for (id, said) in [("p_veekeetja", picture), ("p_tervitus", sound)] {
            let above = comments_above(&exported.gift, id);
            assert!(above.len() == 1 && above[0].starts_with(&format!("// {said}")), "{id}: {above:?}");
            assert!(exported.notes.iter().any(|n| n.starts_with(said)), "{id}: {:#?}", exported.notes);
        }
        assert!(exported.notes.iter().any(|n| n.contains("its picture sisenev.svg")));
        // Whatever is said, the file is still GIFT that imports with every question.
        let items = crate::gift::parse(&exported.gift).unwrap();
        assert_eq!(items.iter().filter(|i| matches!(i, crate::gift::GiftItem::Question(_))).count(), 3);
    }

    #[test]
    fn without_the_course_folder_a_file_is_named_as_packed() {
        let (quiz, _) = media_course();
        let exported = quiz_to_gift(&quiz, &MediaNames::new());
        let Some(Media { file, .. }) = &quiz.questions[2].media else { panic!("the sound question") };
        let said = format!("question `p_tervitus`: its sound content/media/{file} (transcript: “Tere! Kuidas saan aidata?”)");
        assert!(exported.notes.iter().any(|n| n.starts_with(&said)), "{:#?}", exported.notes);
        assert!(comments_above(&exported.gift, "p_tervitus")[0].starts_with(&format!("// {said}")));
    }

    #[test]
    fn a_dialogue_steps_media_and_a_decorative_picture_are_said() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
        let course = crate::load_course(&dir).unwrap_or_else(|e| panic!("{e:?}")).course;
        let mut quiz = course.quizzes.iter().find(|q| q.questions.iter().any(|q| matches!(q.kind, Kind::Dialogue(_)))).unwrap().clone();
        let questions = quiz.questions.to_mut();
        let at = questions.iter().position(|q| matches!(q.kind, Kind::Dialogue(_))).unwrap();
        let Kind::Dialogue(dialogue) = &mut questions[at].kind else { unreachable!() };
        let step = dialogue.steps.to_mut()[0].id.clone();
        dialogue.steps.to_mut()[0].media =
            Some(Media { file: "0123456789abcdef.mp3".into(), shown: Shown::Sound { transcript: "Tere!\nKuidas läheb?".into() } });
        questions[at].media = Some(Media { file: "fedcba9876543210.png".into(), shown: Shown::Image { width: 10, height: 10, alt: None } });
        let id = questions[at].id.clone();
        let names = MediaNames::from([("fedcba9876543210.png".to_string(), "uks.png".to_string())]);
        let exported = quiz_to_gift(&quiz, &names);
        let question = format!("// question `{id}`: its picture uks.png (decorative) is not in the GIFT");
        let of_step = format!("// question `{id}` step `{step}`: its sound content/media/0123456789abcdef.mp3 (transcript: “Tere! Kuidas läheb?”)");
        let comment = format!("// Not exported: dialogue `{id}`");
        let lines: Vec<&str> = exported.gift.lines().collect();
        let at = lines.iter().position(|l| l.starts_with(&comment)).unwrap();
        assert!(lines[at - 2].starts_with(&question) && lines[at - 1].starts_with(&of_step), "{:?}", &lines[at - 2..=at]);
        // The built-in quiz's own pictures are said too; this dialogue's two, once each.
        assert_eq!(exported.notes.iter().filter(|n| n.contains(&format!("question `{id}`")) && n.contains("is not in the GIFT")).count(), 2);
    }

    #[test]
    fn a_text_that_looks_like_a_format_marker_is_protected() {
        assert_eq!(escape("[html]x"), "[plain][html]x");
        assert_eq!(escape("[note] x"), "[note] x");
    }
}
