//! Item-writing lint: flaws that let a learner answer without understanding (the
//! longest option is right, statements with "always" are false, wrong options give
//! reasons, ticking every option pays, words echo between a matching row and its
//! answer, hints are free or name options…). Content with such flaws is valid, so these are
//! warnings, not errors: the build shows them, `cargo xtask check --strict` fails on
//! them. A question (or, for quiz-wide rules, the quiz file) may silence one rule
//! with a written reason: `allow = { rule = "…", reason = "…" }` (see `allow`).
//!
//! Each rule is one file with one `check` over a quiz; they work on the model, so
//! any tool holding a `Quiz` can run them.

mod absolutes;
mod all_or_none;
pub(super) mod allow;
mod dialogue_shape;
mod echoed_words;
mod figures;
mod free_hints;
mod hint_gives_answer;
mod justification;
mod key_first;
mod longest_option;
mod option_in_stem;
mod pick_all;
mod true_false_balance;
mod words;
mod wrong_option_count;

pub use allow::{silence, Allow};
pub use figures::{figures, Figures};

use tere_engine::model::{Quiz, Text};

/// One flaw the lint found: in a question, or (`question: None`) in the quiz as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub question: Option<Text>,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

/// What a rule's findings are about, and so where an `allow` for it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Question,
    Quiz,
    /// Findings about single questions and about the quiz as a whole.
    Both,
}

pub struct Rule {
    /// The name an `allow` uses.
    pub name: &'static str,
    pub scope: Scope,
    /// One line for authors: what the rule looks for.
    pub about: &'static str,
    check: fn(&Quiz, &mut Vec<Finding>),
}

/// Every rule, in the order their findings are listed.
pub const RULES: &[Rule] = &[
    longest_option::RULE,
    true_false_balance::RULE,
    absolutes::RULE,
    justification::RULE,
    all_or_none::RULE,
    wrong_option_count::RULE,
    pick_all::RULE,
    key_first::RULE,
    echoed_words::RULE,
    option_in_stem::RULE,
    hint_gives_answer::RULE,
    free_hints::RULE,
    dialogue_shape::RULE,
];

pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// Every finding of every rule for one quiz, before any `allow` is applied.
pub fn lint(quiz: &Quiz) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(quiz, &mut out);
    }
    out
}

/// A content text shortened for a message: „first words…“.
fn quote(text: &str) -> String {
    const MAX: usize = 48;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        format!("“{one_line}”")
    } else {
        format!("“{}…”", one_line.chars().take(MAX - 1).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_and_plain() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(r.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", r.name);
            assert!(RULES[..i].iter().all(|o| o.name != r.name), "{} twice", r.name);
            assert!(!r.about.is_empty());
        }
    }

    #[test]
    fn long_texts_are_shortened_in_messages() {
        assert_eq!(quote("Tere!"), "“Tere!”");
        let long = quote(&"sõna ".repeat(30));
        assert!(long.ends_with("…”") && long.chars().count() <= 51, "{long}");
    }
}
