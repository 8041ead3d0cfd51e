//! A hint that says the right answer: it should make the learner think (what to look
//! at, what to ask themselves), not hand over the option to pick. Warned for a hint
//! that holds a right option word for word (or `QUOTED_WORDS` of it in a row), or
//! names it in other words (most of its content words, `words::names`); for one that
//! names two or more options, which narrows the choice to them or rules them out;
//! and for one that asks "A or B?", which sets two answers against each other so
//! that the learner picks the one the hint favours (a native reviewer found such
//! hints in the built-in course). A hint that names one wrong option alone gives
//! nothing away.

use super::words::{contains_phrase, either_or_question, names, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::{Choice, Quiz};

pub const RULE: Rule =
    Rule { name: "hint_gives_answer", scope: Scope::Question, about: "a hint names a right option or two or more options, or asks \"A or B?\"", check };

/// Options this short ("Jah", "Ei") may stand in any text by chance.
const MIN_WORDS: usize = 2;
/// This many words of a right option in a row quote it, even when the rest differs
/// ("…, kui lahendust veel pole"); fewer ("mida klient vajab") stand anywhere.
const QUOTED_WORDS: usize = 4;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        for (n, hint) in q.hints.iter().enumerate() {
            let hint_words = words(hint);
            let quotes_whole = |option: &Choice| {
                let option_words = words(&option.text);
                option_words.len() >= MIN_WORDS && contains_phrase(&hint_words, &option_words)
            };
            // A run of a right option's words the hint quotes, when it does not quote it whole.
            let quoted_run = |option: &Choice| {
                let option_words = words(&option.text);
                let run = option_words.windows(QUOTED_WORDS).find(|run| contains_phrase(&hint_words, run))?;
                Some(run.join(" "))
            };
            let named: Vec<&Choice> =
                q.kind.options().iter().filter(|o| quotes_whole(o) || (o.correct && quoted_run(o).is_some()) || names(&hint_words, &o.text)).collect();
            let mut say = |message: String| out.push(Finding { rule: RULE.name, question: Some(q.id.clone()), message });
            if let Some(right) = named.iter().find(|o| o.correct) {
                let how = match (quotes_whole(right), quoted_run(right)) {
                    (true, _) => "word for word".to_string(),
                    (false, Some(run)) => format!("in part, word for word (\"{run}\")"),
                    (false, None) => "in other words".to_string(),
                };
                say(format!(
                    "hint {} holds the right option {} {how}, which gives the answer away; point the learner at what to think about instead",
                    n + 1,
                    quote(&right.text)
                ));
            } else if named.len() >= 2 {
                let list: Vec<String> = named.iter().map(|o| quote(&o.text)).collect();
                say(format!(
                    "hint {} names {} options ({}), which narrows the choice to them or rules them out; point the learner back to the principle, not to options",
                    n + 1,
                    named.len(),
                    list.join(", ")
                ));
            } else if let Some(question) = either_or_question(hint, &quiz.lang) {
                say(format!(
                    "hint {} asks {}, which sets two answers against each other, and the learner picks the one the hint favours; point the learner back to the principle, not to a choice between answers",
                    n + 1,
                    quote(question)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz, scenario, single};
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
        assert!(found[0].1.starts_with("hint 2 holds the right option “Annan noogutusega märku” word for word"), "{}", found[0].1);
    }

    #[test]
    fn a_hint_naming_the_right_option_in_other_words_is_reported() {
        let mut a = single(
            "a",
            "Mida lubad kliendile?",
            &[("Luban lõpliku vastuse kell 14.00", true), ("Luban helistada, kui midagi selgub", false), ("Ei luba midagi", false)],
        );
        a.hints = vec!["Mida klient vajab: lõplikku vastust kell 14 või lihtsalt kõnet?".into()].into();
        let found = found(&RULE, &quiz("et", vec![a]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("hint 1 holds the right option “Luban lõpliku vastuse kell 14.00” in other words"), "{}", found[0].1);
    }

    #[test]
    fn a_hint_naming_two_options_is_reported() {
        let mut a = single(
            "a",
            "Mida teed?",
            &[("Kuulan ta ära", true), ("Saadan kliendi juhataja juurde", false), ("Suunan kliendi kodulehele", false), ("Vaikin", false)],
        );
        a.hints = vec!["Kas kliendi saatmine juhataja juurde või kodulehele suunamine lahendab tema mure?".into()].into();
        let found = found(&RULE, &quiz("et", vec![a]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.starts_with("hint 1 names 2 options (“Saadan kliendi juhataja juurde”, “Suunan kliendi kodulehele”)"), "{}", found[0].1);
    }

    #[test]
    fn a_hint_quoting_part_of_the_right_option_is_reported() {
        let mut a = multiple(
            "a",
            "Mis aitab lubadusi pidada?",
            &[("Panen lubaduse kohe kirja", true), ("Helistan kokkulepitud ajal ka siis, kui lahendust veel pole", true), ("Usaldan mälu", false)],
        );
        a.hints = vec!["Mõtle ka sellele, mida teha, kui lahendust veel pole.".into()].into();
        let found = found(&RULE, &quiz("et", vec![a]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("in part, word for word (\"kui lahendust veel pole\")"), "{}", found[0].1);
    }

    #[test]
    fn a_hint_asking_a_or_b_is_reported() {
        let mut a = scenario("a", "Klient on pahane. Mida ütled?", "See on praak!", &[("Vaatame koos", true), ("Rahunege", false)]);
        a.hints = vec!["Mõtle rahulikult. Kelle peale on klient pahane: sinu või veekeetja peale?".into()].into();
        let mut b = scenario("b", "Klient on pahane. Mida ütled?", "See on praak!", &[("Vaatame koos", true), ("Rahunege", false)]);
        b.hints = vec!["Kelle peale on klient tegelikult pahane? Sinu või toote peale.".into()].into();
        let found = found(&RULE, &quiz("et", vec![a, b]));
        assert_eq!(found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["a"], "only a question offers a choice: {found:?}");
        assert!(found[0].1.starts_with("hint 1 asks “Kelle peale on klient pahane: sinu või veekeetj…”"), "{}", found[0].1);
    }
}
