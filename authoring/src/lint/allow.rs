//! Silencing one warning with a written reason:
//! `allow = { rule = "…", reason = "…" }` in a `[[question]]` silences that rule's
//! findings about the question; at the top of a quiz file, the quiz-wide ones. An
//! unknown rule or a missing reason is an error; an `allow` that silences nothing is
//! itself a warning, so stale ones do not pile up.

use toml::Spanned;

use super::{rule, Finding, Scope, RULES};
use crate::error::Reporter;
use crate::source::AllowSrc;

/// A reason shorter than this many words says nothing ("ok", "see on õige").
const MIN_REASON_WORDS: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allow {
    pub rule: String,
    pub reason: String,
    /// The question it is written in; `None` at the top of a quiz file.
    pub question: Option<String>,
}

/// An `allow` as written, checked: the rule must exist and the reason be written.
pub(crate) fn read(src: &Spanned<AllowSrc>, question: Option<&str>, r: &mut Reporter) -> Option<Allow> {
    let AllowSrc { rule: name, reason } = src.get_ref();
    let mut ok = true;
    if rule(name.get_ref()).is_none() {
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        r.at(name.span(), format!("`allow` names no rule `{}`; the rules are {}", name.get_ref(), names.join(", ")));
        ok = false;
    }
    if reason.get_ref().split_whitespace().count() < MIN_REASON_WORDS {
        r.at(reason.span(), "`reason` must say in a sentence why this breaks the rule on purpose, so the next author can judge it");
        ok = false;
    }
    ok.then(|| Allow { rule: name.get_ref().clone(), reason: reason.get_ref().trim().to_string(), question: question.map(str::to_string) })
}

/// Drops the findings an `allow` silences. Returns the findings left and the
/// indices of the allows that silenced nothing.
pub fn silence(findings: Vec<Finding>, allows: &[Allow]) -> (Vec<Finding>, Vec<usize>) {
    let mut used = vec![false; allows.len()];
    let kept = findings
        .into_iter()
        .filter(|f| {
            let by = allows.iter().position(|a| a.rule == f.rule && a.question.as_deref() == f.question.as_deref());
            if let Some(i) = by {
                used[i] = true;
            }
            by.is_none()
        })
        .collect();
    (kept, used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect())
}

/// The message for an `allow` that silenced nothing, with a hint when it stands in
/// the wrong place for its rule.
pub fn unused_message(allow: &Allow) -> String {
    let scope = rule(&allow.rule).map(|r| r.scope);
    let hint = match (scope, &allow.question) {
        (Some(Scope::Quiz), Some(_)) => " (this rule is about the whole quiz: put the `allow` at the top of the quiz file, before the first [[question]])",
        (Some(Scope::Question), None) => " (this rule is about single questions: put the `allow` in the question it concerns)",
        _ => "",
    };
    format!("this `allow` silences nothing: rule `{}` finds nothing to warn about here{hint}; remove it", allow.rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, question: Option<&str>) -> Finding {
        Finding { rule, question: question.map(|q| q.to_string().into()), message: "m".into() }
    }

    fn allow(rule: &str, question: Option<&str>) -> Allow {
        Allow { rule: rule.into(), reason: "a reason in words".into(), question: question.map(str::to_string) }
    }

    #[test]
    fn an_allow_silences_its_rule_where_it_stands_only() {
        let findings = vec![finding("longest_option", Some("a")), finding("longest_option", Some("b")), finding("longest_option", None)];
        let (kept, unused) = silence(findings, &[allow("longest_option", Some("a")), allow("echoed_words", Some("b"))]);
        assert_eq!(kept, [finding("longest_option", Some("b")), finding("longest_option", None)]);
        assert_eq!(unused, [1]);
    }

    #[test]
    fn a_quiz_wide_allow_silences_quiz_wide_findings() {
        let (kept, unused) = silence(vec![finding("true_false_balance", None)], &[allow("true_false_balance", None)]);
        assert!(kept.is_empty() && unused.is_empty());
    }

    #[test]
    fn an_allow_in_the_wrong_place_says_where_it_belongs() {
        assert!(unused_message(&allow("true_false_balance", Some("a"))).contains("top of the quiz file"));
        assert!(unused_message(&allow("echoed_words", None)).contains("in the question it concerns"));
    }
}
