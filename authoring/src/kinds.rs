//! Everything the authoring side knows per question type, in one place: the name a
//! quiz file's `type` gives it and the fields it uses there, how validation builds
//! its `Kind`, how it is packed, written as GIFT and as a quiz file, how the lint
//! figures and the longest-option rule count it, and the template the Studio fills in
//! for a new question of that type.
//!
//! This is the one file of this crate that a new question type touches (plus
//! `source.rs` when the type brings new TOML fields; its model and the player's
//! reader of its packed form live in `tere-engine`). Each job is one function with
//! one exhaustive `match` over `QuestionType` or `Kind`, so that a new variant makes
//! the compiler list every job that does not handle it yet. The jobs' own files keep
//! what is common to every type and call in here for the per-type part. The public
//! items: `QuestionType` (the Studio's editor matches on it too), `KINDS` (also
//! reached as `draft::KINDS`) and `scenario_text` (as `gift::scenario_text`).
//!
//! Not here: lint rules that are about one type (`absolutes`, `true_false_balance`, …)
//! pick out their type themselves, and GIFT import maps GIFT's own question types,
//! which a new Tere type does not add to.

use std::fmt::Write as _;
use std::ops::Range;

use toml_edit::{value, Array, ArrayOfTables, InlineTable, Item, Table};

use crate::draft::question::{numbered, option_text, pair_text, quote, Words};
use crate::error::Reporter;
use crate::gift::quiz_file::{basic, string};
use crate::gift::write::{choice, escape, general_feedback, one_line, percent};
use crate::lint::Figures;
use crate::packed::Packed;
use crate::said::{Listed, Said};
use crate::source::QuestionSrc;
use crate::validate::{choices, count_and_distinct, required, speaker, text, Right};
use tere_engine::model::{Choice, Kind, Pair, Question, Speaker, Text};

// ---- The types and their names ----

/// A question type as a quiz file's `type` names it. Validation and the Studio start
/// from the name, before there is a `Kind` to match on; every job on names matches
/// on this instead of on strings, so that none of them can miss a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Matching,
    Scenario,
    Reflection,
    Dialogue,
}

impl QuestionType {
    /// Every type, in the order the Studio offers them and errors list them.
    pub const ALL: [QuestionType; 8] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
        QuestionType::Ordering,
        QuestionType::Matching,
        QuestionType::Scenario,
        QuestionType::Reflection,
        QuestionType::Dialogue,
    ];

    /// The name in `type = "…"`: the same as `Kind::name` of the kind it builds.
    pub const fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::TrueFalse => "true_false",
            QuestionType::Ordering => "ordering",
            QuestionType::Matching => "matching",
            QuestionType::Scenario => "scenario",
            QuestionType::Reflection => "reflection",
            QuestionType::Dialogue => "dialogue",
        }
    }

    /// The type `type = "…"` names, if any; read off `name`, so there is no second list.
    pub fn from_name(name: &str) -> Option<QuestionType> {
        QuestionType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The question types, as `type` names them, in the order the Studio offers them.
pub const KINDS: [&str; QuestionType::ALL.len()] = {
    let mut names = [""; QuestionType::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = QuestionType::ALL[i].name();
        i += 1;
    }
    names
};

/// Every type name as a sentence lists them (`single, multiple … or reflection`), for
/// the error about an unknown one.
pub(crate) fn listed() -> String {
    let (last, rest) = KINDS.split_last().expect("there are question types");
    format!("{} or {last}", rest.join(", "))
}

// ---- Validation: quiz file → model ----

/// The optional fields of a question that belong to some types only, each with where
/// it stands when present, so that validation can refuse those its type does not use.
pub(crate) fn typed_fields(src: &QuestionSrc) -> [(&'static str, Option<Range<usize>>); 11] {
    [
        ("option", src.options.as_ref().and_then(|o| o.first()).map(|o| o.span())),
        ("line", src.line.as_ref().map(|s| s.span())),
        ("speaker", src.speaker.as_ref().map(|s| s.span())),
        ("answer", src.answer.as_ref().map(|s| s.span())),
        ("feedback_true", src.feedback_true.as_ref().map(|s| s.span())),
        ("feedback_false", src.feedback_false.as_ref().map(|s| s.span())),
        ("items", src.items.as_ref().map(|s| s.span())),
        ("pair", src.pairs.as_ref().and_then(|p| p.first()).map(|p| p.span())),
        ("mode", src.mode.as_ref().map(|s| s.span())),
        ("step", src.steps.as_ref().and_then(|s| s.first()).map(|s| s.span())),
        ("ending", src.endings.as_ref().and_then(|e| e.first()).map(|e| e.span())),
    ]
}

impl QuestionType {
    /// Which of the `typed_fields` the type uses; any other present one is an author's mistake.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            QuestionType::Single | QuestionType::Multiple => &["option"],
            QuestionType::Scenario => &["option", "line", "speaker"],
            QuestionType::TrueFalse => &["answer", "feedback_true", "feedback_false"],
            QuestionType::Ordering => &["items"],
            QuestionType::Matching => &["pair"],
            QuestionType::Reflection => &[],
            QuestionType::Dialogue => &["speaker", "mode", "step", "ending"],
        }
    }
}

/// The question's `Kind` from its type's fields, with every rule of the type checked
/// and reported (at `type` when a field is missing or the parts do not add up).
pub(crate) fn validate(t: QuestionType, src: &QuestionSrc, r: &mut Reporter, ctx: &mut crate::validate::Context) -> Kind {
    let at_type = src.kind.span();
    match t {
        QuestionType::Single => Kind::Single { options: choices(src, r, Right::One).into() },
        QuestionType::Multiple => Kind::Multiple { options: choices(src, r, Right::AtLeastOne).into() },
        QuestionType::Scenario => {
            // The options first, then speaker and line: the order the errors are reported in.
            let options = choices(src, r, Right::One);
            Kind::Scenario { speaker: speaker(r, &src.speaker), line: required(r, &src.line, at_type, "line"), options: options.into() }
        }
        QuestionType::TrueFalse => {
            let answer = match &src.answer {
                Some(a) => *a.get_ref(),
                None => {
                    r.at(at_type.clone(), Said::TrueFalseNeedsAnswer);
                    true
                }
            };
            Kind::TrueFalse {
                answer,
                feedback_true: required(r, &src.feedback_true, at_type.clone(), "feedback_true"),
                feedback_false: required(r, &src.feedback_false, at_type, "feedback_false"),
            }
        }
        QuestionType::Ordering => {
            let items: Vec<Text> = src.items.as_ref().map_or(&[][..], |i| i.get_ref()).iter().map(|i| text(r, i, "item")).collect();
            count_and_distinct(r, at_type, Listed::Items, &items);
            Kind::Ordering { items: items.into() }
        }
        QuestionType::Matching => {
            let pairs: Vec<Pair> = src
                .pairs
                .as_deref()
                .unwrap_or(&[])
                .iter()
                .map(|p| Pair { left: text(r, &p.get_ref().left, "left"), right: text(r, &p.get_ref().right, "right") })
                .collect();
            let rights: Vec<Text> = pairs.iter().map(|p| p.right.clone()).collect();
            count_and_distinct(r, at_type, Listed::PairRights, &rights);
            Kind::Matching { pairs: pairs.into() }
        }
        QuestionType::Reflection => Kind::Reflection,
        QuestionType::Dialogue => crate::dialogue::validate(src, r, ctx),
    }
}

// ---- Packing: model → the bytes the player reads ----

/// A question's kind as its pack holds it: the engine's tag (`Kind::pack_tag`), then
/// the kind's fields. The engine's `Kind::read_body` reads exactly this back, so the
/// two change together.
pub(crate) fn pack(kind: &Kind, p: &mut Packed) {
    p.shape.push(kind.pack_tag());
    match kind {
        Kind::Single { options } | Kind::Multiple { options } => p.choices(options),
        Kind::Scenario { speaker, line, options } => {
            p.speaker(speaker);
            p.text(line);
            p.choices(options);
        }
        Kind::Dialogue(dialogue) => tere_engine::dialogue::write(dialogue, p),
        Kind::TrueFalse { answer, feedback_true, feedback_false } => {
            p.shape.push(u8::from(*answer));
            p.text(feedback_true);
            p.text(feedback_false);
        }
        Kind::Ordering { items } => {
            p.count(items.len());
            items.iter().for_each(|i| p.text(i));
        }
        Kind::Matching { pairs } => {
            p.count(pairs.len());
            for pair in pairs.iter() {
                p.text(&pair.left);
                p.text(&pair.right);
            }
        }
        Kind::Reflection => {}
    }
}

// ---- GIFT export: model → Moodle's GIFT ----

/// Question `q` as GIFT, appended to `out`; what GIFT cannot hold goes to `notes`, and
/// scenario questions (which become multiple choice) to `scenarios`, for `scenarios_note`.
pub(crate) fn to_gift(q: &Question, lang: &str, out: &mut String, notes: &mut Vec<String>, scenarios: &mut Vec<String>) {
    match &q.kind {
        Kind::Single { options } => choice(out, q, &q.text, options, single_marker),
        Kind::Scenario { speaker, line, options } => {
            scenarios.push(q.id.to_string());
            choice(out, q, &scenario_text(speaker, line, &q.text, lang), options, single_marker)
        }
        Kind::Multiple { options } => {
            let right = options.iter().filter(|o| o.correct).count() as f64;
            choice(out, q, &q.text, options, |o| {
                // Moodle adds the weights of the picked options (never below 0): +100/k and -100/k is Tere's rule.
                let weight = if o.correct { 100.0 / right } else { -100.0 / right };
                format!("~%{}%", percent(weight))
            })
        }
        Kind::TrueFalse { answer, feedback_true, feedback_false } => {
            // Moodle reads {TRUE#feedback for a wrong answer#feedback for a right answer}.
            let (word, wrong, right) = if *answer { ("TRUE", feedback_false, feedback_true) } else { ("FALSE", feedback_true, feedback_false) };
            let _ = write!(out, "::{}::{}{{{word}#{}#{}", q.id, escape(&q.text), escape(wrong), escape(right));
            general_feedback(out, q, "");
            out.push_str("}\n\n");
        }
        Kind::Matching { pairs } => {
            let _ = writeln!(out, "::{}::{}{{", q.id, escape(&q.text));
            for pair in pairs.iter() {
                if pair.left.contains("->") {
                    notes.push(format!("`{}`: the left side `{}` contains `->`, which GIFT reads as the pair's arrow; it is written as `→`", q.id, pair.left));
                }
                let _ = writeln!(out, "\t={} -> {}", escape(&pair.left.replace("->", "→")), escape(&pair.right));
            }
            general_feedback(out, q, "\t");
            out.push_str("}\n\n");
        }
        Kind::Reflection => {
            let _ = write!(out, "::{}::{}{{", q.id, escape(&q.text));
            general_feedback(out, q, "");
            out.push_str("}\n\n");
        }
        Kind::Dialogue(dialogue) => {
            notes.push(format!("`{}`: dialogue not exported; GIFT has no conversation type, so it stands in the file as a comment", q.id));
            let _ = writeln!(out, "// Not exported: dialogue `{}` ({} steps; GIFT has no conversation type).", q.id, dialogue.steps.len());
            let _ = writeln!(out, "// {}", one_line(&q.text));
            out.push('\n');
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

/// The one note, after the questions' own, on what became of the quiz's scenario questions.
pub(crate) fn scenarios_note(scenarios: &[String]) -> String {
    format!(
        "scenario questions become multiple choice with the line of dialogue (after the speaker's name, unless it is the customer's) as the first line of the question text: {}",
        scenarios.join(", ")
    )
}

/// How a scenario's line and question text share GIFT's one question text: the
/// customer's line as is, anyone else's after their name in the quiz's language.
pub fn scenario_text(speaker: &Speaker, line: &str, text: &str, lang: &str) -> String {
    match speaker.label(lang) {
        None => format!("– {line}\n{text}"),
        Some(name) => format!("– {name}: {line}\n{text}"),
    }
}

/// The marker of an option of a type with one right option: `=` for the right one, `~` for the others.
fn single_marker(option: &Choice) -> String {
    match (option.correct, option.text.starts_with('%')) {
        (true, _) => "=".into(),
        // An explicit zero weight keeps a leading `%` of the text from being read as one.
        (false, true) => "~%0%".into(),
        (false, false) => "~".into(),
    }
}

// ---- Quiz file: model → the TOML a GIFT import writes ----

/// The kind's fields in question table `t`, laid out as authors write them: its own
/// keys (inserted before `explanation`, so they stand right after `text`) and its
/// `[[question.option]]` or `[[question.pair]]` tables (which TOML puts after every key).
pub(crate) fn to_toml(kind: &Kind, t: &mut Table) {
    match kind {
        Kind::Single { options } | Kind::Multiple { options } => option_tables(options, t),
        Kind::Scenario { speaker, line, options } => {
            match speaker {
                Speaker::Customer => {}
                Speaker::Colleague => {
                    t.insert("speaker", string("colleague"));
                }
                Speaker::Named(name) => {
                    let mut named = InlineTable::new();
                    named.insert("name", basic(name));
                    t.insert("speaker", value(named));
                }
            }
            t.insert("line", string(line));
            option_tables(options, t);
        }
        Kind::TrueFalse { answer, feedback_true, feedback_false } => {
            t.insert("answer", value(*answer));
            t.insert("feedback_true", string(feedback_true));
            t.insert("feedback_false", string(feedback_false));
        }
        Kind::Ordering { items } => {
            // One item a line, indented, with a trailing comma.
            let mut list = Array::new();
            for item in items.iter() {
                let mut item = basic(item);
                item.decor_mut().set_prefix("\n    ");
                list.push_formatted(item);
            }
            list.set_trailing_comma(true);
            list.set_trailing("\n");
            t.insert("items", value(list));
        }
        Kind::Matching { pairs } => {
            let pairs: ArrayOfTables = pairs
                .iter()
                .map(|pair| {
                    let mut p = Table::new();
                    p.insert("left", string(&pair.left));
                    p.insert("right", string(&pair.right));
                    p
                })
                .collect();
            t.insert("pair", Item::ArrayOfTables(pairs));
        }
        Kind::Reflection => {}
        Kind::Dialogue(dialogue) => {
            let doc: toml_edit::DocumentMut = dialogue_toml(dialogue).parse().expect("a dialogue's TOML is valid");
            for (key, item) in doc.into_table() {
                t.insert(&key, item);
            }
        }
    }
}

/// A dialogue's own keys and tables as a quiz file writes them (relative to its
/// question: `mode`, `speaker`, `[[step]]`, `[[step.reply]]`, `[[ending]]`).
fn dialogue_toml(d: &tere_engine::dialogue::Dialogue) -> String {
    use tere_engine::dialogue::Next;
    let id = |next: Next| match next {
        Next::Step(i) => d.steps[usize::from(i)].id.to_string(),
        Next::Ending(i) => d.endings[usize::from(i)].id.to_string(),
    };
    let speaker = |s: &Speaker| match s {
        Speaker::Customer => quote("customer"),
        Speaker::Colleague => quote("colleague"),
        Speaker::Named(name) => format!("{{ name = {} }}", quote(name)),
    };
    let mut out = format!("mode = {}\nspeaker = {}\n", quote(if d.coach { "coach" } else { "real" }), speaker(&d.speaker));
    for step in d.steps.iter() {
        let _ = write!(out, "\n[[step]]\nid = {}\nline = {}\n", quote(&step.id), quote(&step.line));
        if let Some(mood) = step.mood {
            let _ = writeln!(out, "mood = {}", quote(mood.name()));
        }
        if let Some(s) = &step.speaker {
            let _ = writeln!(out, "speaker = {}", speaker(s));
        }
        for reply in step.replies.iter() {
            let _ = write!(
                out,
                "\n[[step.reply]]\ntext = {}\npoints = {}\nfeedback = {}\nnext = {}\n",
                quote(&reply.text),
                reply.points,
                quote(&reply.feedback),
                quote(&id(reply.next))
            );
            if !reply.branches.is_empty() {
                let branches: Vec<String> = reply.branches.iter().map(|b| format!("{{ at_least = {}, next = {} }}", b.at_least, quote(&id(b.next)))).collect();
                let _ = writeln!(out, "branch = [{}]", branches.join(", "));
            }
        }
    }
    for ending in d.endings.iter() {
        let _ = write!(out, "\n[[ending]]\nid = {}\nline = {}\n", quote(&ending.id), quote(&ending.line));
        if let Some(mood) = ending.mood {
            let _ = writeln!(out, "mood = {}", quote(mood.name()));
        }
        let _ = write!(out, "good = {}\ndebrief = {}\n", ending.good, quote(&ending.debrief));
    }
    out
}

/// `[[question.option]]` tables, `correct` only on the right ones (false is the default).
fn option_tables(options: &[Choice], t: &mut Table) {
    let options: ArrayOfTables = options
        .iter()
        .map(|option| {
            let mut o = Table::new();
            o.insert("text", string(&option.text));
            if option.correct {
                o.insert("correct", value(true));
            }
            o.insert("feedback", string(&option.feedback));
            o
        })
        .collect();
    if !options.is_empty() {
        t.insert("option", Item::ArrayOfTables(options));
    }
}

// ---- Lint: what the figures and the longest-option rule count ----

/// The options of the types with exactly one right option (single, scenario), where a
/// learner who does not know the answer may pick the longest one.
pub(crate) fn one_right_options(kind: &Kind) -> Option<&[Choice]> {
    match kind {
        Kind::Single { options } | Kind::Scenario { options, .. } => Some(options),
        Kind::Multiple { .. } | Kind::TrueFalse { .. } | Kind::Ordering { .. } | Kind::Matching { .. } | Kind::Reflection | Kind::Dialogue(_) => None,
    }
}

/// Counts a question of `kind` in the course's figures: true/false answers, the wrong
/// options of multiple-answer questions, and the current quiz's `reflections`.
pub(crate) fn figures(kind: &Kind, f: &mut Figures, reflections: &mut usize) {
    match kind {
        Kind::TrueFalse { answer, .. } => {
            f.statements += 1;
            f.true_statements += usize::from(*answer);
        }
        Kind::Multiple { options } => *f.wrong_counts.entry(options.iter().filter(|o| !o.correct).count()).or_default() += 1,
        Kind::Reflection => *reflections += 1,
        // Single and scenario questions are counted by their options' lengths (`one_right_options`).
        Kind::Single { .. } | Kind::Ordering { .. } | Kind::Matching { .. } | Kind::Scenario { .. } | Kind::Dialogue(_) => {}
    }
}

// ---- Studio: the template of a new question ----

/// A new question's parts that depend on its type, as TOML text in placeholder words.
pub(crate) struct Template {
    /// Its `text`: a statement for true/false, a question for the rest.
    pub text: &'static str,
    /// Its own keys, written between `text` and `explanation`.
    pub fields: String,
    /// Its `[[option]]` or `[[pair]]` tables.
    pub tables: String,
}

/// What a new question of type `t` needs to pass validation as it is: for choices, the
/// first option right and the second wrong.
pub(crate) fn template(t: QuestionType, w: &Words, source: &(String, String)) -> Template {
    let options = || option_text(w.right, true, w.feedback) + &option_text(w.wrong, false, w.feedback);
    let (text, fields, tables) = match t {
        QuestionType::Single | QuestionType::Multiple => (w.text, String::new(), options()),
        QuestionType::Scenario => (w.text, format!("line = {}\n", quote(w.line)), options()),
        QuestionType::TrueFalse => {
            (w.statement, format!("answer = true\nfeedback_true = {}\nfeedback_false = {}\n", quote(w.feedback_true), quote(w.feedback_false)), String::new())
        }
        QuestionType::Ordering => {
            (w.text, format!("items = [{}]\n", (1..=3).map(|n| quote(&numbered(w.step, n))).collect::<Vec<_>>().join(", ")), String::new())
        }
        QuestionType::Matching => (w.text, String::new(), (1..=3).map(|n| pair_text(w, n)).collect()),
        QuestionType::Reflection => (w.text, String::new(), String::new()),
        // One step with a better and a worse reply, both leading to the one ending.
        QuestionType::Dialogue => {
            let cites = format!("source = {{ seed = {}, section = {} }}\n", quote(&source.0), quote(&source.1));
            let reply = |text: &str, points: u8| {
                format!("\n[[step.reply]]\ntext = {}\npoints = {points}\nfeedback = {}\nnext = \"end\"\n", quote(text), quote(w.feedback))
            };
            let tables = format!("\n[[step]]\nid = \"start\"\nline = {}\n{cites}", quote(w.line))
                + &reply(w.right, 1)
                + &reply(w.wrong, 0)
                + &format!("\n[[ending]]\nid = \"end\"\nline = {}\ngood = true\ndebrief = {}\n", quote(w.line), quote(w.explanation));
            (w.text, "mode = \"coach\"\n".to_string(), tables)
        }
    };
    Template { text, fields, tables }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_is_found_by_its_name() {
        for t in QuestionType::ALL {
            assert_eq!(QuestionType::from_name(t.name()), Some(t));
        }
        assert_eq!(QuestionType::from_name("essay"), None);
        assert_eq!(listed(), "single, multiple, true_false, ordering, matching, scenario, reflection or dialogue");
    }

    /// The names quiz files use are the engine's names of the kinds they build.
    #[test]
    fn the_names_are_the_engines() {
        let kinds = [
            Kind::Single { options: Default::default() },
            Kind::Multiple { options: Default::default() },
            Kind::TrueFalse { answer: true, feedback_true: "".into(), feedback_false: "".into() },
            Kind::Ordering { items: Default::default() },
            Kind::Matching { pairs: Default::default() },
            Kind::Scenario { speaker: Speaker::Customer, line: "".into(), options: Default::default() },
            Kind::Reflection,
            Kind::Dialogue(tere_engine::dialogue::Dialogue { speaker: Speaker::Customer, coach: true, steps: Default::default(), endings: Default::default() }),
        ];
        let names: Vec<&str> = kinds.iter().map(Kind::name).collect();
        assert_eq!(names, KINDS);
    }
}
