//! The question types, and everything each one means to the engine: its content, how
//! it is packed, its blank answer, which answers fit it and what they earn, what
//! makes it part of a saved answer's fingerprint, how long its saved answer can be,
//! how a report describes it, and how the learner's answer reads as text.
//!
//! This is the one engine file a new question type touches (with `answer.rs` when its
//! response has a new shape). Every rule here is one `match` over `Kind` that names
//! each variant, so the compiler lists what a new type must say. The rules that hold
//! for every type stay with their job: penalties, settling and percentages in
//! `score`, the resume text in `resume`, SCORM's formats in `cmi`.

use crate::answer::Answer;
use crate::describe::true_false_labels;
use crate::dialogue::Dialogue;
use crate::media::Media;
use crate::model::{Choice, List, Pair, Speaker, Text};
use crate::packed::{PackError, Reader};

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Exactly one correct option.
    Single { options: List<Choice> },
    /// One or more correct options; partial credit (see `answer_credit`).
    Multiple { options: List<Choice> },
    /// A statement that is true or false.
    TrueFalse { answer: bool, feedback_true: Text, feedback_false: Text },
    /// Items listed in their correct order; shown shuffled.
    Ordering { items: List<Text> },
    /// Each left item has exactly one right partner; rights are shown in a select.
    Matching { pairs: List<Pair> },
    /// A line of dialogue (the customer's, unless `speaker` says otherwise); choose
    /// the best reply or reading of it (one correct).
    Scenario { speaker: Speaker, line: Text, options: List<Choice> },
    /// Free-text reflection: never graded, complete once answered.
    Reflection,
    /// A whole conversation, reply by reply, to an ending (`dialogue`); checked by
    /// itself once an ending is reached.
    Dialogue(Dialogue),
}

// The byte that names a question's kind in a pack (`packed`'s grammar): written by
// `tere_authoring::packed` through `Kind::pack_tag`, read back by `Kind::read_body`.
pub const SINGLE: u8 = 0;
pub const MULTIPLE: u8 = 1;
pub const TRUE_FALSE: u8 = 2;
pub const ORDERING: u8 = 3;
pub const MATCHING: u8 = 4;
pub const SCENARIO: u8 = 5;
pub const REFLECTION: u8 = 6;
pub const DIALOGUE: u8 = 7;

/// The most characters a reflection holds: what the learner may type, and what local
/// storage keeps of it (SCORM 2004's long-fill-in keeps 4000).
pub const REFLECTION_MAX: usize = 2000;

/// An answer as a learning record states it, whatever the protocol: the interaction
/// type and the learner's and the right response, in content indices. `cmi` writes
/// it in SCORM's formats.
#[derive(Debug, PartialEq)]
pub enum Response<'a> {
    TrueFalse {
        given: Option<bool>,
        right: bool,
    },
    /// Picked option indices; the options (the right answer is the correct ones).
    Choice {
        given: &'a [u8],
        options: &'a [Choice],
    },
    /// Item at each position; the items (the right order is 0, 1, 2, …).
    Sequencing {
        given: &'a [u8],
        items: &'a [Text],
    },
    /// For each left item the right item chosen; the pairs (left i goes with right i).
    Matching {
        given: &'a [Option<u8>],
        pairs: &'a [Pair],
    },
    /// Free text, whatever the question.
    Text(&'a str),
    /// A dialogue's path: a learning record holds one per step (`Kind::step_response`), none for the whole.
    Path,
    /// An answer of another type's shape (never produced by the player).
    Unfit,
}

impl Kind {
    /// Stable name used in content files and reports.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::TrueFalse { .. } => "true_false",
            Kind::Ordering { .. } => "ordering",
            Kind::Matching { .. } => "matching",
            Kind::Scenario { .. } => "scenario",
            Kind::Reflection => "reflection",
            Kind::Dialogue(_) => "dialogue",
        }
    }

    pub fn is_graded(&self) -> bool {
        match self {
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Dialogue(_) => true,
            Kind::Reflection => false,
        }
    }

    /// The pictures and sounds its own parts carry (a dialogue's steps'), in order; a
    /// question's own is `Question::media`, and `Quiz::media` lists both.
    pub fn media(&self) -> Vec<&Media> {
        match self {
            Kind::Dialogue(d) => d.steps.iter().filter_map(|s| s.media.as_ref()).collect(),
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection => Vec::new(),
        }
    }

    /// Choice-style options, for the kinds that have them.
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => options,
            Kind::TrueFalse { .. } | Kind::Ordering { .. } | Kind::Matching { .. } | Kind::Reflection | Kind::Dialogue(_) => &[],
        }
    }

    /// How many things the learner picks from: the options (true/false: 2; matching:
    /// the right-hand sides). Answer indices must stay below this.
    pub fn choice_count(&self) -> usize {
        match self {
            Kind::TrueFalse { .. } => 2,
            Kind::Matching { pairs } => pairs.len(),
            Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => options.len(),
            // A dialogue's replies are per step (`Dialogue::walk` checks them).
            Kind::Ordering { .. } | Kind::Reflection | Kind::Dialogue(_) => 0,
        }
    }

    /// Whether its choices are shown in content order rather than shuffled: true and
    /// false always stand in that order.
    pub fn keeps_choice_order(&self) -> bool {
        match self {
            Kind::TrueFalse { .. } => true,
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection
            | Kind::Dialogue(_) => false,
        }
    }

    /// Whether choosing an option toggles it (several may be picked) rather than
    /// replacing the pick.
    pub fn picks_many(&self) -> bool {
        match self {
            Kind::Multiple { .. } => true,
            Kind::Single { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection
            | Kind::Dialogue(_) => false,
        }
    }

    /// Whether an answer is checked as soon as it is complete, without a Check: a
    /// dialogue, once its conversation reaches an ending.
    pub fn checks_itself(&self) -> bool {
        match self {
            Kind::Dialogue(_) => true,
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection => false,
        }
    }

    /// The kind's byte in a pack.
    pub fn pack_tag(&self) -> u8 {
        match self {
            Kind::Single { .. } => SINGLE,
            Kind::Multiple { .. } => MULTIPLE,
            Kind::TrueFalse { .. } => TRUE_FALSE,
            Kind::Ordering { .. } => ORDERING,
            Kind::Matching { .. } => MATCHING,
            Kind::Scenario { .. } => SCENARIO,
            Kind::Reflection => REFLECTION,
            Kind::Dialogue(_) => DIALOGUE,
        }
    }

    /// Reads a question's body after its kind's byte `tag` (`packed`'s grammar, `body`),
    /// checking what the engine relies on: a single choice or scenario has exactly one
    /// right option, a multiple response at least one, every list 2 to `MAX_CHOICES`.
    ///
    /// ```text
    /// body = single/multiple: choices | scenario: speaker t:line choices
    ///      | true_false: u8:answer t:feedback_true t:feedback_false
    ///      | ordering: n:count t* | matching: n:count (t:left t:right)* | reflection: nothing
    ///      | dialogue: `dialogue::read`
    /// ```
    /// A tag is a byte, so this `match` ends in "damaged": the compiler cannot ask for a
    /// new kind's arm here; `pack_tag` above and the pack tests do.
    pub(crate) fn read_body(tag: u8, r: &mut Reader) -> Result<Kind, PackError> {
        Ok(match tag {
            SINGLE => Kind::Single { options: r.choices(Some(1))? },
            MULTIPLE => Kind::Multiple { options: r.choices(None)? },
            SCENARIO => Kind::Scenario { speaker: r.speaker()?, line: r.text()?, options: r.choices(Some(1))? },
            TRUE_FALSE => Kind::TrueFalse { answer: r.flag()?, feedback_true: r.text()?, feedback_false: r.text()? },
            ORDERING => Kind::Ordering { items: r.sized(Reader::text)? },
            MATCHING => Kind::Matching { pairs: r.sized(|r| Ok(Pair { left: r.text()?, right: r.text()? }))? },
            REFLECTION => Kind::Reflection,
            DIALOGUE => Kind::Dialogue(crate::dialogue::read(r)?),
            _ => return Err(PackError::Damaged),
        })
    }

    /// The answer a question starts with. `shuffled(n)` is the question's presented
    /// order of `n` things: an ordering starts in it, and never already solved.
    pub(crate) fn blank_answer(&self, shuffled: impl FnOnce(usize) -> Vec<usize>) -> Answer {
        match self {
            Kind::Ordering { items } => {
                let mut order: Vec<u8> = shuffled(items.len()).into_iter().map(|i| i as u8).collect();
                if order.len() > 1 && order.iter().enumerate().all(|(p, &i)| p == i as usize) {
                    order.rotate_left(1);
                }
                Answer::Order(order)
            }
            Kind::Matching { pairs } => Answer::Matches(vec![None; pairs.len()]),
            Kind::Reflection => Answer::Text(String::new()),
            Kind::Dialogue(_) => Answer::Path(Vec::new()),
            Kind::Single { .. } | Kind::Multiple { .. } | Kind::TrueFalse { .. } | Kind::Scenario { .. } => Answer::Choices(Vec::new()),
        }
    }

    /// Whether `answer` has the shape of an answer to this kind: the right variant,
    /// every index in range, no option picked twice, an ordering that is a permutation.
    /// Saved or edited state that fails this is never scored or restored.
    pub fn fits(&self, answer: &Answer) -> bool {
        let distinct_below = |v: &[u8], n: usize| v.iter().all(|&i| (i as usize) < n) && v.iter().enumerate().all(|(k, i)| !v[..k].contains(i));
        // Picked options in canonical form: ascending, each once (as the reducer keeps them).
        let ascending_below = |v: &[u8], n: usize| v.iter().all(|&i| (i as usize) < n) && v.windows(2).all(|w| w[0] < w[1]);
        match (self, answer) {
            (Kind::TrueFalse { .. } | Kind::Single { .. } | Kind::Multiple { .. } | Kind::Scenario { .. }, Answer::Choices(p)) => {
                ascending_below(p, self.choice_count())
            }
            (Kind::Ordering { items }, Answer::Order(o)) => o.len() == items.len() && distinct_below(o, items.len()),
            (Kind::Matching { pairs }, Answer::Matches(m)) => m.len() == pairs.len() && m.iter().flatten().all(|&r| (r as usize) < pairs.len()),
            (Kind::Reflection, Answer::Text(_)) => true,
            (Kind::Dialogue(d), Answer::Path(p)) => d.walk(p).is_some(),
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_) | Answer::Path(_),
            ) => false,
        }
    }

    /// Whether a fitting `answer` is complete enough to be checked.
    pub(crate) fn is_complete(&self, answer: &Answer) -> bool {
        match (self, answer) {
            (Kind::Single { .. } | Kind::Scenario { .. } | Kind::TrueFalse { .. }, Answer::Choices(p)) => p.len() == 1,
            (Kind::Multiple { .. }, Answer::Choices(p)) => !p.is_empty(),
            (Kind::Matching { .. }, Answer::Matches(m)) => m.iter().all(Option::is_some),
            (Kind::Reflection, Answer::Text(t)) => !t.trim().is_empty(),
            // Every ordering of the items is a complete answer.
            (Kind::Ordering { .. }, Answer::Order(_)) => true,
            (Kind::Dialogue(d), Answer::Path(p)) => d.walk(p).is_some_and(|w| w.ended()),
            // Not reached: `fits` refused an answer of another type's shape.
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_) | Answer::Path(_),
            ) => false,
        }
    }

    /// The credit, 0 to 1, of a fitting answer to a graded kind:
    ///
    /// - single choice, scenario reply, true/false: 1 when the correct option is picked, else 0;
    /// - multiple response: (correct picks - wrong picks) / number of correct options, floored at 0;
    /// - ordering: items in their correct position / number of items;
    /// - matching: correctly matched pairs / number of pairs;
    /// - dialogue: the path's points / the best path's (`Dialogue::credit`);
    /// - reflection: not graded (`score::credit` gives `None` before asking).
    pub(crate) fn answer_credit(&self, answer: &Answer) -> f64 {
        let fraction = |hits: usize, total: usize| if total == 0 { 0.0 } else { hits as f64 / total as f64 };
        let all_or_nothing = |right: bool| if right { 1.0 } else { 0.0 };
        match (self, answer) {
            (Kind::Single { options } | Kind::Scenario { options, .. }, Answer::Choices(picked)) => {
                all_or_nothing(picked.len() == 1 && options[picked[0] as usize].correct)
            }
            (Kind::Multiple { options }, Answer::Choices(picked)) => {
                let total = options.iter().filter(|o| o.correct).count();
                let good = picked.iter().filter(|&&i| options[i as usize].correct).count();
                let bad = picked.len() - good;
                fraction(good.saturating_sub(bad), total)
            }
            (Kind::TrueFalse { answer, .. }, Answer::Choices(picked)) => all_or_nothing(picked.len() == 1 && (picked[0] == 0) == *answer),
            (Kind::Ordering { items }, Answer::Order(order)) => {
                let hits = order.iter().enumerate().filter(|(pos, &item)| *pos == item as usize).count();
                fraction(hits, items.len())
            }
            (Kind::Matching { pairs }, Answer::Matches(chosen)) => {
                let hits = chosen.iter().enumerate().filter(|(i, c)| **c == Some(*i as u8)).count();
                fraction(hits, pairs.len())
            }
            (Kind::Dialogue(d), Answer::Path(path)) => d.credit(path),
            // An answer of another type's shape (`fits` refused it), or a reflection's (ungraded).
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_) | Answer::Path(_),
            ) => 0.0,
        }
    }

    /// Appends what defines this kind's answer to a question's fingerprint text
    /// (`resume::fingerprint`): a change here makes saved answers to it stale.
    pub(crate) fn fingerprint_into(&self, content: &mut String) {
        match self {
            Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => {
                for o in options.iter() {
                    *content += &format!("\u{1f}{}{}", o.correct as u8, o.text);
                }
            }
            Kind::TrueFalse { answer, .. } => *content += if *answer { "t" } else { "f" },
            Kind::Ordering { items } => items.iter().for_each(|i| *content += &format!("\u{1f}{i}")),
            Kind::Matching { pairs } => pairs.iter().for_each(|p| *content += &format!("\u{1f}{}\u{1e}{}", p.left, p.right)),
            Kind::Reflection => {}
            // The steps and their replies: what a saved path's indices point at.
            Kind::Dialogue(d) => {
                for step in d.steps.iter() {
                    *content += &format!("\u{1f}{}", step.id);
                    step.replies.iter().for_each(|r| *content += &format!("\u{1e}{}{}", r.points, r.text));
                }
            }
        }
    }

    /// The longest answer of this kind in the resume text, in characters; a written
    /// answer is kept to `text_keep` characters, each of which could need escaping.
    pub(crate) fn longest_saved_answer(&self, text_keep: usize) -> usize {
        match self {
            Kind::Single { .. } | Kind::Scenario { .. } | Kind::TrueFalse { .. } => 1,
            Kind::Multiple { options } => options.len(),
            Kind::Ordering { items } => items.len(),
            Kind::Matching { pairs } => pairs.len(),
            Kind::Reflection => 3 * text_keep,
            Kind::Dialogue(_) => crate::dialogue::MAX_DIALOGUE_STEPS,
        }
    }

    /// `answer` as a learning record states it.
    pub fn response<'a>(&'a self, answer: &'a Answer) -> Response<'a> {
        match (self, answer) {
            (Kind::TrueFalse { answer: right, .. }, Answer::Choices(p)) => Response::TrueFalse { given: p.first().map(|&i| i == 0), right: *right },
            (Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. }, Answer::Choices(p)) => {
                Response::Choice { given: p, options }
            }
            (Kind::Ordering { items }, Answer::Order(order)) => Response::Sequencing { given: order, items },
            (Kind::Matching { pairs }, Answer::Matches(chosen)) => Response::Matching { given: chosen, pairs },
            (Kind::Dialogue(_), Answer::Path(_)) => Response::Path,
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Text(text),
            ) => Response::Text(text),
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Path(_),
            ) => Response::Unfit,
        }
    }

    /// The learner's answer as lines of text in the content's language `lang`
    /// (matching: `left → right`).
    pub fn given(&self, answer: &Answer, lang: &str) -> Vec<String> {
        match (self, answer) {
            (Kind::TrueFalse { .. }, Answer::Choices(p)) => p.iter().filter_map(|&i| true_false_labels(lang).get(i as usize).map(|s| s.to_string())).collect(),
            (Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. }, Answer::Choices(p)) => {
                p.iter().filter_map(|&i| options.get(i as usize)).map(|o| o.text.to_string()).collect()
            }
            (Kind::Ordering { items }, Answer::Order(order)) => order.iter().filter_map(|&i| items.get(i as usize)).map(|t| t.to_string()).collect(),
            (Kind::Matching { pairs }, Answer::Matches(chosen)) => pairs
                .iter()
                .zip(chosen)
                .map(|(p, c)| format!("{} → {}", p.left, c.and_then(|r| pairs.get(r as usize)).map_or("—", |r| r.right.as_ref())))
                .collect(),
            // The replies chosen, in order.
            (Kind::Dialogue(d), Answer::Path(path)) => d.said(path),
            // Text is shown as written, whatever the question.
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Text(t),
            ) => vec![t.clone()],
            (
                Kind::Single { .. }
                | Kind::Multiple { .. }
                | Kind::TrueFalse { .. }
                | Kind::Ordering { .. }
                | Kind::Matching { .. }
                | Kind::Scenario { .. }
                | Kind::Reflection
                | Kind::Dialogue(_),
                Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Path(_),
            ) => Vec::new(),
        }
    }

    /// The right answer as lines of text; empty for a reflection.
    pub fn expected(&self, lang: &str) -> Vec<String> {
        match self {
            Kind::TrueFalse { answer, .. } => vec![true_false_labels(lang)[if *answer { 0 } else { 1 }].to_string()],
            Kind::Ordering { items } => items.iter().map(|t| t.to_string()).collect(),
            Kind::Matching { pairs } => pairs.iter().map(|p| format!("{} → {}", p.left, p.right)).collect(),
            Kind::Reflection => Vec::new(),
            // The best path's replies.
            Kind::Dialogue(d) => d.said(&d.best_path().0),
            Kind::Single { options } | Kind::Multiple { options } | Kind::Scenario { options, .. } => {
                options.iter().filter(|o| o.correct).map(|o| o.text.to_string()).collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_choices_matches_and_true_false() {
        let options = vec![Choice { text: "A".into(), correct: false, feedback: "".into() }, Choice { text: "B".into(), correct: true, feedback: "".into() }];
        let k = Kind::Single { options: options.into() };
        assert_eq!(k.given(&Answer::Choices(vec![0]), "et"), vec!["A"]);
        assert_eq!(k.expected("et"), vec!["B"]);
        let pairs = vec![Pair { left: "x".into(), right: "1".into() }, Pair { left: "y".into(), right: "2".into() }];
        let m = Kind::Matching { pairs: pairs.into() };
        assert_eq!(m.given(&Answer::Matches(vec![Some(1), None]), "et"), vec!["x → 2", "y → —"]);
        let tf = Kind::TrueFalse { answer: false, feedback_true: "".into(), feedback_false: "".into() };
        assert_eq!(tf.expected("fi"), vec!["Epätosi"]);
        assert_eq!(tf.given(&Answer::Choices(vec![0]), "en"), vec!["True"]);
    }
}
