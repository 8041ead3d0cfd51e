//! An option repeated word for word in the question (or the scenario's line): the
//! stem points at it, or a wrong option is a trap that only echoes the stem. And a
//! stem that repeats, in any order or ending, most of the words that set the right
//! option apart: the learner matches words, not meaning (a native reviewer found a
//! stem that said what the shop's rules allow, free delivery home and the travel
//! costs refunded, and a key that repeated it next to an apology the wrong options
//! share).

use super::words::{contains_phrase, content_words, holds_word, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule = Rule {
    name: "option_in_stem",
    scope: Scope::Question,
    about: "an option stands word for word in the question text, or the question repeats half or more of the words that set the right option apart",
    check,
};

/// Options this short ("Jah", "Ei") may stand in any text by chance.
const MIN_WORDS: usize = 2;
/// The words that set a right option apart are its content words that no wrong
/// option has (words the wrong options share point at none of them, as in
/// `echoed_words`). The stem gives it away when it repeats at least half of them,
/// and at least this many: one shared word is chance.
const MIN_ECHOED: usize = 2;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let mut stem = words(&q.text);
        if let Kind::Scenario { line, .. } = &q.kind {
            stem.extend(words(line));
        }
        let options = q.kind.options();
        let wrong: Vec<Vec<String>> = options.iter().filter(|o| !o.correct).map(|o| words(&o.text)).collect();
        for option in options {
            let option_words = words(&option.text);
            let which = if option.correct { "right" } else { "wrong" };
            let mut say = |message: String| out.push(Finding { rule: RULE.name, question: Some(q.id.clone()), message });
            if option_words.len() >= MIN_WORDS && contains_phrase(&stem, &option_words) {
                say(format!("the {which} option {} stands word for word in the question, which points at it; say it in other words", quote(&option.text)));
            } else if option.correct {
                let own: Vec<String> = content_words(&option.text).into_iter().filter(|w| !wrong.iter().any(|o| holds_word(o, w))).collect();
                let echoed: Vec<&str> = own.iter().filter(|w| holds_word(&stem, w)).map(String::as_str).collect();
                if echoed.len() >= MIN_ECHOED && echoed.len() * 2 >= own.len() {
                    say(format!(
                        "the question repeats \"{}\" of the right option {} ({} of the {} words no wrong option has), so matching words finds the answer; say the situation in other words, or give wrong options those words too",
                        echoed.join("\", \""),
                        quote(&option.text),
                        echoed.len(),
                        own.len()
                    ));
                }
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

    #[test]
    fn a_stem_repeating_most_of_the_keys_words_is_reported() {
        let q = quiz(
            "et",
            vec![
                single(
                    "echo",
                    "Poe reeglid lubavad tasuta kojuvedu ja sõidukulude hüvitamist. Mida pakud?",
                    &[
                        ("Vabandan, toome tasuta kojuvedu ja sõidukulude hüvitamist neljapäeval", true),
                        ("Vabandan, ei saa midagi teha", false),
                        ("Ei paku midagi", false),
                    ],
                ),
                // The words are the stem's, but the wrong options have them too: no pointer.
                single(
                    "shared",
                    "Poe reeglid lubavad tasuta kojuvedu ja sõidukulude hüvitamist. Mida pakud?",
                    &[("Pakun tasuta kojuvedu", true), ("Pakun sõidukulude hüvitamist ja kojuvedu tasuta", false)],
                ),
                single("little", "Klient on pahane. Mida teed?", &[("Kuulan kliendi mure rahulikult ära", true), ("Vaidlen vastu", false)]),
            ],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["echo"], "{found:?}");
        assert!(
            found[0].1.starts_with(
                "the question repeats \"tasuta\", \"kojuvedu\", \"sõidukulude\", \"hüvitamist\" of the right option “Vabandan, toome tasuta kojuvedu"
            ),
            "{}",
            found[0].1
        );
        assert!(found[0].1.contains("(4 of the 6 words no wrong option has)"), "{}", found[0].1);
    }
}
