//! The TOML keys of a course's source files that the Studio addresses, written once.
//! The schema itself is `source.rs`; the test below reads its fields, so a key renamed
//! there and not here fails the build's tests.

pub const TITLE: &str = "title";
pub const INTRO: &str = "intro";
pub const LANG: &str = "lang";
pub const DRAW: &str = "draw";
pub const DRAW_PER_SECTION: &str = "draw_per_section";
pub const TRIES: &str = "tries";
pub const TRY_PENALTY: &str = "try_penalty";
pub const HINT_PENALTY: &str = "hint_penalty";
/// A section's heading in `sections.toml`.
pub const HEADING: &str = "heading";
/// A quiz file's array of questions.
pub const QUESTION: &str = "question";
pub const PASS_MARK: &str = "pass_mark";
pub const TYPE: &str = "type";
pub const ID: &str = "id";
pub const TEXT: &str = "text";
pub const EXPLANATION: &str = "explanation";
/// A question's hints (an array of texts).
pub const HINT: &str = "hint";
/// A question's options (an array of tables).
pub const OPTION: &str = "option";
pub const CORRECT: &str = "correct";
pub const FEEDBACK: &str = "feedback";
/// A true/false question's answer.
pub const ANSWER: &str = "answer";
pub const FEEDBACK_TRUE: &str = "feedback_true";
pub const FEEDBACK_FALSE: &str = "feedback_false";
/// An ordering question's items, in the right order.
pub const ITEMS: &str = "items";
/// A matching question's pairs (an array of tables).
pub const PAIR: &str = "pair";
pub const LEFT: &str = "left";
pub const RIGHT: &str = "right";
/// A scenario's line, and the older name for it.
pub const LINE: &str = "line";
pub const CUSTOMER: &str = "customer";
/// Who says a scenario's line: "customer", "colleague", or a table with `name`.
pub const SPEAKER: &str = "speaker";
pub const NAME: &str = "name";
/// Where a question's teaching comes from: `{ seed, section }`.
pub const SOURCE: &str = "source";
pub const SEED: &str = "seed";
pub const SECTION: &str = "section";
/// A dialogue's feedback mode, steps, replies and endings, and their own keys.
pub const MODE: &str = "mode";
pub const STEP: &str = "step";
pub const REPLY: &str = "reply";
pub const ENDING: &str = "ending";
pub const MOOD: &str = "mood";
pub const POINTS: &str = "points";
pub const NEXT: &str = "next";
pub const GOOD: &str = "good";
pub const DEBRIEF: &str = "debrief";
/// A question's or a dialogue step's picture or sound (`{ file, alt, decorative,
/// transcript }`), and its own keys: the file's name in the course's `media/`, a
/// picture's text or `decorative = true`, a sound's words.
pub const MEDIA: &str = "media";
pub const FILE: &str = "file";
pub const ALT: &str = "alt";
pub const DECORATIVE: &str = "decorative";
pub const TRANSCRIPT: &str = "transcript";

#[cfg(test)]
mod tests {
    /// Every key is a field of the source schema (a `pub <key>:`, a serde rename or alias
    /// to it, or, for a named speaker, the table `speaker` documents).
    #[test]
    fn every_key_is_a_field_of_the_schema() {
        let schema = include_str!("../source.rs");
        let keys = [
            super::TITLE,
            super::INTRO,
            super::LANG,
            super::DRAW,
            super::DRAW_PER_SECTION,
            super::TRIES,
            super::TRY_PENALTY,
            super::HINT_PENALTY,
            super::HEADING,
            super::QUESTION,
            super::PASS_MARK,
            super::TYPE,
            super::ID,
            super::TEXT,
            super::EXPLANATION,
            super::HINT,
            super::OPTION,
            super::CORRECT,
            super::FEEDBACK,
            super::ANSWER,
            super::FEEDBACK_TRUE,
            super::FEEDBACK_FALSE,
            super::ITEMS,
            super::PAIR,
            super::LEFT,
            super::RIGHT,
            super::LINE,
            super::CUSTOMER,
            super::SPEAKER,
            super::SOURCE,
            super::SEED,
            super::SECTION,
            super::MODE,
            super::STEP,
            super::REPLY,
            super::ENDING,
            super::MOOD,
            super::POINTS,
            super::NEXT,
            super::GOOD,
            super::DEBRIEF,
            super::MEDIA,
            super::FILE,
            super::ALT,
            super::DECORATIVE,
            super::TRANSCRIPT,
        ];
        for key in keys {
            let field = format!("pub {key}:");
            let renamed = format!("rename = \"{key}\"");
            let alias = format!("alias = \"{key}\"");
            assert!(schema.contains(&field) || schema.contains(&renamed) || schema.contains(&alias), "`{key}` is not a field of source.rs");
        }
        assert!(schema.contains(&format!("{{ {} = ", super::NAME)), "a named speaker is `{{ name = … }}`");
    }
}
