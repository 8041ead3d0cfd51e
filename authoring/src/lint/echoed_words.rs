//! Words echoed between a matching row and only its right answer: "Püsiklient tuleb
//! taas" → „Rõõm Teid taas näha!“ can be matched by the word "taas" alone. A word
//! that other rows or other answers also have points nowhere, so it passes. Words
//! are compared by their beginning (4-5 letters), so inflected forms count as one.

use super::words::{same_word, words};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule =
    Rule { name: "echoed_words", scope: Scope::Question, about: "a matching row shares a word with its right answer and with no other answer", check };

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let Kind::Matching { pairs } = &q.kind else { continue };
        let lefts: Vec<Vec<String>> = pairs.iter().map(|p| words(&p.left)).collect();
        let rights: Vec<Vec<String>> = pairs.iter().map(|p| words(&p.right)).collect();
        let holders = |sides: &[Vec<String>], w: &str| -> Vec<usize> {
            sides.iter().enumerate().filter(|(_, side)| side.iter().any(|sw| same_word(w, sw))).map(|(j, _)| j).collect()
        };
        let mut echoes = Vec::new();
        for (i, pair) in pairs.iter().enumerate() {
            let mut shared: Vec<String> = lefts[i].iter().filter(|w| holders(&rights, w) == [i] && holders(&lefts, w) == [i]).cloned().collect();
            shared.dedup();
            if !shared.is_empty() {
                echoes.push(format!("{} and {} share \"{}\"", quote(&pair.left), quote(&pair.right), shared.join("\", \"")));
            }
        }
        if !echoes.is_empty() {
            out.push(Finding {
                rule: RULE.name,
                question: Some(q.id.clone()),
                message: format!("{}, which no other answer has, so the pair can be found by the word alone; reword one side", echoes.join("; ")),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, matching, quiz};
    use super::*;

    #[test]
    fn a_word_shared_with_only_the_right_answer_is_reported() {
        let q = quiz(
            "et",
            vec![matching(
                "m",
                &[("Püsiklient tuleb taas", "„Rõõm Teid taas näha!“"), ("Letil on plekid", "Puhastan leti"), ("Klient ostis kommi", "„Head maiustamist!“")],
            )],
        );
        let found = found(&RULE, &q);
        assert_eq!(found.len(), 1);
        assert!(found[0].1.contains("share \"taas\""), "{}", found[0].1);
        assert!(found[0].1.contains("share \"letil\""), "inflected forms are one word: {}", found[0].1);
        assert!(!found[0].1.contains("kommi"), "{}", found[0].1);
    }

    #[test]
    fn a_word_every_answer_has_gives_nothing_away() {
        let q = quiz("et", vec![matching("m", &[("Klient A", "Klient nutab"), ("Klient B", "Klient naerab")])]);
        assert!(found(&RULE, &q).is_empty());
    }

    #[test]
    fn a_word_other_rows_have_too_gives_nothing_away() {
        let q = quiz("fi", vec![matching("m", &[("Asiakas lukee", "Ennen saapumista"), ("Asiakkaalle soitetaan", "Asiakkaan lähdön jälkeen")])]);
        assert!(found(&RULE, &q).is_empty());
    }
}
