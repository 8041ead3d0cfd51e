//! "All of the above" and "none of the above", in any language: such an option
//! is answered by spotting two right (or wrong) options, not by knowing each.

use super::words::{first_found, ALL_OR_NONE};
use super::{quote, Finding, Rule, Scope};
use tere_engine::model::Quiz;

pub const RULE: Rule = Rule { name: "all_or_none", scope: Scope::Question, about: "an option says \"all of the above\" or \"none of the above\"", check };

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        for option in q.kind.options() {
            if let Some(phrase) = first_found(&option.text, ALL_OR_NONE) {
                out.push(Finding {
                    rule: RULE.name,
                    question: Some(q.id.clone()),
                    message: format!(
                        "the option {} says \"{phrase}\": it can be answered by spotting two options, and it is meaningless once options are shuffled; write an option of its own",
                        quote(&option.text)
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{found, multiple, quiz, single};
    use super::*;

    #[test]
    fn pointing_at_the_other_options_is_reported_in_any_language() {
        let q = quiz(
            "et",
            vec![
                single("en", "Q?", &[("All of the above", true), ("Smile", false)]),
                single("et", "Q?", &[("Naeratan", false), ("Kõik eelnevad vastused", true)]),
                multiple("fi", "Q?", &[("Hymyilen", true), ("Ei mikään näistä", false)]),
                single("fine", "Q?", &[("Kõik kliendid on olulised", true), ("Mitte keegi", false)]),
            ],
        );
        let ids: Vec<String> = found(&RULE, &q).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["en", "et", "fi"]);
    }
}
