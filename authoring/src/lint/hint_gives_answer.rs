//! A hint that says the right answer: it should make the learner think (what to look
//! at, what to ask themselves), not hand over the option to pick.

use super::words::{contains_phrase, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::Quiz;

pub const RULE: Rule = Rule { name: "hint_gives_answer", scope: Scope::Question, about: "a hint holds the right option word for word", check };

/// Options this short ("Jah", "Ei") may stand in any text by chance.
const MIN_WORDS: usize = 2;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        for (n, hint) in q.hints.iter().enumerate() {
            let hint_words = words(hint);
            for option in q.kind.options().iter().filter(|o| o.correct) {
                let option_words = words(&option.text);
                if option_words.len() >= MIN_WORDS && contains_phrase(&hint_words, &option_words) {
                    out.push(Finding {
                        rule: RULE.name,
                        question: Some(q.id.clone()),
                        message: format!(
                            "hint {} holds the right option {} word for word, which gives the answer away; point the learner at what to think about instead",
                            n + 1,
                            quote(&option.text)
                        ),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, quiz, single};
    use super::*;

    #[test]
    fn a_hint_quoting_the_right_option_is_reported() {
        let mut a = single("a", "Mida teed, kui klient siseneb?", &[("Annan noogutusega märku", true), ("Jätkan tööd", false)]);
        a.hints = vec!["Mõtle, mida klient vajab.".into(), "Vihje: annan noogutusega märku.".into()].into();
        let mut b = single("b", "Mida teed?", &[("Tervitan klienti", true), ("Jätkan tööd", false)]);
        // A wrong option in a hint is no give-away.
        b.hints = vec!["Kas jätkan tööd on hea mõte?".into()].into();
        let found = found(&RULE, &quiz("et", vec![a, b]));
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["a"], "{found:?}");
        assert!(found[0].1.starts_with("hint 2 holds the right option “Annan noogutusega märku”"), "{}", found[0].1);
    }
}
