//! An option repeated word for word in the question (or the scenario's line): the
//! stem points at it, or a wrong option is a trap that only echoes the stem.

use super::words::{contains_phrase, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule = Rule { name: "option_in_stem", scope: Scope::Question, about: "an option stands word for word in the question text", check };

/// Options this short ("Jah", "Ei") may stand in any text by chance.
const MIN_WORDS: usize = 2;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let mut stem = words(&q.text);
        if let Kind::Scenario { line, .. } = &q.kind {
            stem.extend(words(line));
        }
        for option in q.kind.options() {
            let option_words = words(&option.text);
            if option_words.len() >= MIN_WORDS && contains_phrase(&stem, &option_words) {
                let which = if option.correct { "right" } else { "wrong" };
                out.push(Finding {
                    rule: RULE.name,
                    question: Some(q.id.clone()),
                    message: format!(
                        "the {which} option {} stands word for word in the question, which points at it; say it in other words",
                        quote(&option.text)
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, scenario, single};
    use super::*;

    #[test]
    fn an_option_quoted_in_the_stem_is_reported() {
        let q = quiz(
            "et",
            vec![
                single("a", "Mis on positiivne näoilme osa?", &[("Positiivne näoilme", true), ("Tšekk", false)]),
                scenario("b", "Mida vastad?", "Kas see oli kõik?", &[("Jah, see oli kõik", false), ("Kas on veel küsimusi?", true)]),
                single("c", "Mida teed?", &[("Tervitan", true), ("Ei tee midagi", false)]),
            ],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["a"], "{found:?}");
        assert!(found[0].1.starts_with("the right option “Positiivne näoilme”"), "{}", found[0].1);
    }

    #[test]
    fn the_scenario_line_counts_as_stem() {
        let q =
            quiz("et", vec![scenario("b", "Mida vastad?", "Kas see on kõik, mis mul vaja on?", &[("see on kõik", false), ("Kas on veel küsimusi?", true)])]);
        assert_eq!(found(&RULE, &q).len(), 1);
    }
}
