//! A dialogue that teaches little by its shape: a best way through of fewer than 3
//! replies (hardly a conversation), or a best reply that is the longest of its step
//! noticeably, or in more than a third of the dialogue's steps, so that its length gives
//! it away as the longest option does in a choice question (`longest_option`).

use super::longest_option::{MIN_EXTRA, RATIO};
use super::{Finding, Rule, Scope};
use tere_engine::model::{Kind, Quiz};

pub const RULE: Rule = Rule {
    name: "dialogue_shape",
    scope: Scope::Question,
    about: "a dialogue whose best path has fewer than 3 replies, or whose best replies give themselves away by their length",
    check,
};

/// The fewest replies along a dialogue's best path.
const SHORTEST_BEST_PATH: usize = 3;

fn check(quiz: &Quiz, out: &mut Vec<Finding>) {
    for q in quiz.questions.iter() {
        let Kind::Dialogue(d) = &q.kind else { continue };
        let mut finding = |message: String| out.push(Finding { rule: RULE.name, question: Some(q.id.clone()), message });
        let (best, _) = d.best_path();
        if best.len() < SHORTEST_BEST_PATH {
            finding(format!("the best way through has {} replies; a conversation worth practising has at least {SHORTEST_BEST_PATH}", best.len()));
        }
        let (mut longest, mut by_far) = (Vec::new(), Vec::new());
        for step in d.steps.iter() {
            let len = |text: &str| text.chars().count();
            let top = step.best();
            let right = step.replies.iter().filter(|r| r.points == top).map(|r| len(&r.text)).max().unwrap_or(0);
            let wrong = step.replies.iter().filter(|r| r.points < top).map(|r| len(&r.text)).max().unwrap_or(usize::MAX);
            if right > wrong {
                longest.push(step.id.to_string());
            }
            if right as f64 >= wrong as f64 * RATIO && right >= wrong.saturating_add(MIN_EXTRA) {
                by_far.push(step.id.to_string());
            }
        }
        if !by_far.is_empty() {
            finding(format!("the best reply is by far the longest at step {}; shorten it, or give the other replies as much detail", by_far.join(", ")));
        }
        if longest.len() > 1 && longest.len() * 3 > d.steps.len() {
            finding(format!(
                "the best reply is the longest at {} of the {} steps ({}); keep that to a third at most, so that length does not give the reply away",
                longest.len(),
                d.steps.len(),
                longest.join(", ")
            ));
        }
    }
}
