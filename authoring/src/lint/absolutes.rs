//! Absolutes in false statements and wrong options: "always", "only", "every",
//! "definitely"… tell a learner what is wrong without knowing why. Warned for a false
//! true/false statement that holds a word from its language's lists
//! (`words::absolutes`), and for a question whose wrong options hold an emphatic one
//! ("always", "only", "definitely"…) that none of its right options does (a native
//! reviewer found "kindlasti" and "ehdottomasti" six times in the built-in course,
//! always in wrong options). A word a right option uses too gives nothing away, so
//! it passes.

use super::words::{absolutes, all_found, contains_phrase, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::{Kind, Question, Quiz};

pub const RULE: Rule = Rule {
    name: "absolute_in_false",
    scope: Scope::Question,
    about: "a false true/false statement, or only the wrong options of a question, say \"always\", \"only\", \"definitely\"…",
    check,
};

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    let list = absolutes(&quiz.lang);
    for q in quiz.questions.iter() {
        if let Kind::TrueFalse { answer: false, .. } = q.kind {
            if let Some(word) = list.first_in(&q.text) {
                out.push(Finding {
                    rule: RULE.name,
                    question: Some(q.id.clone()),
                    message: format!(
                        "this false statement says \"{word}\", and an absolute gives a statement away as false; state the mistaken belief as someone would hold it, without the absolute"
                    ),
                });
            }
        }
        let in_wrong_only = in_wrong_options_only(q, list.emphatic);
        if !in_wrong_only.is_empty() {
            let said: Vec<String> = in_wrong_only.iter().map(|(word, option)| format!("the wrong option {} says \"{word}\"", quote(option))).collect();
            out.push(Finding {
                rule: RULE.name,
                question: Some(q.id.clone()),
                message: format!(
                    "{}, and no right option of the question says so, which marks the option as wrong without understanding; reword it without the absolute (or let a right option speak as firmly)",
                    said.join("; ")
                ),
            });
        }
    }
}

/// `(word, wrong option)` for each word of `list` in a wrong option of `q` that no
/// right option holds.
fn in_wrong_options_only<'a>(q: &'a Question, list: &[&'static str]) -> Vec<(&'static str, &'a str)> {
    let options = q.kind.options();
    let right: Vec<Vec<String>> = options.iter().filter(|o| o.correct).map(|o| words(&o.text)).collect();
    let mut out = Vec::new();
    for option in options.iter().filter(|o| !o.correct) {
        for word in all_found(&option.text, list) {
            if !right.iter().any(|r| contains_phrase(r, &words(word))) {
                out.push((word, &*option.text));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz, scenario, single, true_false};
    use super::*;

    #[test]
    fn an_absolute_in_a_false_statement_is_reported_in_the_quizs_language() {
        let et = quiz("et", vec![true_false("a", "Klient on alati pahane sinu peale.", false), true_false("b", "Klient on sageli pahane toote peale.", false)]);
        assert_eq!(found(&RULE, &et), [("a".to_string(), found(&RULE, &et)[0].1.clone())]);
        assert!(found(&RULE, &et)[0].1.contains("\"alati\""));
        let fi = quiz("fi", vec![true_false("c", "Asiakas tulee aina ovesta.", false)]);
        assert_eq!(found(&RULE, &fi).len(), 1);
        let en = quiz("en", vec![true_false("d", "Only new staff need training.", false)]);
        assert_eq!(found(&RULE, &en).len(), 1);
    }

    #[test]
    fn true_statements_may_hold_absolutes() {
        let q = quiz("et", vec![true_false("a", "Tervita alati ka kiirel ajal.", true)]);
        assert!(found(&RULE, &q).is_empty());
    }

    #[test]
    fn an_absolute_only_wrong_options_say_is_reported() {
        let q = quiz(
            "et",
            vec![
                scenario(
                    "a",
                    "Mida vastad?",
                    "Kas see kohv on hea?",
                    &[("Mis Teile maitseb?", true), ("Kindlasti, see on meie parim!", false), ("Ei tea.", false)],
                ),
                single("b", "Q?", &[("Pakun ainult seda, mida klient vajab", true), ("Pakun ainult kõige kallimat", false)]),
            ],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["a"], "a word the right option has too passes: {found:?}");
        assert!(found[0].1.starts_with("the wrong option “Kindlasti, see on meie parim!” says \"kindlasti\""), "{}", found[0].1);
        let fi = quiz("fi", vec![multiple("m", "Q?", &[("Kysyn tarpeista", true), ("Suosittelen ehdottomasti kalleinta", false)])]);
        assert!(found_in(&fi).contains("\"ehdottomasti\""));
        let en = quiz("en", vec![single("e", "Q?", &[("Ask what they need", true), ("Definitely offer the dearest", false)])]);
        assert!(found_in(&en).contains("\"definitely\""));
    }

    #[test]
    fn sweeping_words_in_options_pass() {
        let q = quiz("et", vec![scenario("a", "Mida vastad?", "Kus on leivad?", &[("Näitan kätte", true), ("Leivad on kõik seal riiulis", false)])]);
        assert!(found(&RULE, &q).is_empty());
    }

    #[test]
    fn the_longest_phrase_is_named_once() {
        let q = quiz("et", vec![single("a", "Q?", &[("Küsin", true), ("Ei küsi mitte kunagi", false)])]);
        let found = found(&RULE, &q);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("says \"mitte kunagi\", and no right option"), "{}", found[0].1);
    }

    fn found_in(q: &Quiz) -> String {
        found(&RULE, q).into_iter().map(|(_, m)| m).collect()
    }
}
