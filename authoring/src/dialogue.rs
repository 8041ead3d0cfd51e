//! A dialogue (`type = "dialogue"`) from its quiz file: its steps, replies and endings,
//! each checked where it is written, then the way through it as the engine plays it
//! (`tere_engine::dialogue::Dialogue::problems`: loops, ways too long, parts no way
//! leads to), each reported at the part it concerns.

use std::collections::HashMap;

use tere_engine::dialogue::{
    Branch, Dialogue, Ending, Mood, Next, Problem, Reply, Step, MAX_DIALOGUE_NODES, MAX_DIALOGUE_STEPS, MAX_REPLIES, MAX_REPLY_POINTS,
};
use tere_engine::model::Kind;
use toml::Spanned;

use crate::error::Reporter;
use crate::said::{DialogueSaid, Said};
use crate::source::{EndingSrc, QuestionSrc, StepSrc};
use crate::validate::{is_plain_id, speaker, text, Context};

impl From<DialogueSaid> for Said {
    fn from(said: DialogueSaid) -> Said {
        Said::Dialogue(said)
    }
}

/// The dialogue `src` writes, every problem reported (the sections its steps cite must
/// be in `ctx.sections`, their media files in `ctx.media`).
pub(crate) fn validate(src: &QuestionSrc, r: &mut Reporter, ctx: &mut Context) -> Kind {
    let at_type = src.kind.span();
    let errors_before = r.errors.len();
    let coach = match &src.mode {
        None => true,
        Some(mode) => match mode.get_ref().as_str() {
            "coach" => true,
            "real" => false,
            other => {
                r.at(mode.span(), DialogueSaid::BadMode { value: other.to_string() });
                true
            }
        },
    };
    let steps_src = src.steps.as_deref().unwrap_or(&[]);
    let endings_src = src.endings.as_deref().unwrap_or(&[]);
    if steps_src.is_empty() {
        r.at(at_type.clone(), DialogueSaid::NoSteps);
    }
    if endings_src.is_empty() {
        r.at(at_type.clone(), DialogueSaid::NoEndings);
    }
    for (endings, found) in [(false, steps_src.len()), (true, endings_src.len())] {
        if found > MAX_DIALOGUE_NODES {
            r.at(at_type.clone(), DialogueSaid::TooManyParts { endings, found });
        }
    }
    let steps_src = &steps_src[..steps_src.len().min(MAX_DIALOGUE_NODES)];
    let endings_src = &endings_src[..endings_src.len().min(MAX_DIALOGUE_NODES)];

    // Every part by its id, for `next`.
    let mut ids: HashMap<&str, Next> = HashMap::new();
    let parts = steps_src.iter().enumerate().map(|(i, s)| (&s.get_ref().id, Next::Step(i as u8)));
    let parts = parts.chain(endings_src.iter().enumerate().map(|(i, e)| (&e.get_ref().id, Next::Ending(i as u8))));
    for (id, at) in parts {
        if !is_plain_id(id.get_ref()) {
            r.at(id.span(), Said::BadId { what: "step or ending", id: id.get_ref().clone() });
        }
        if ids.insert(id.get_ref(), at).is_some() {
            r.at(id.span(), DialogueSaid::DuplicateId { id: id.get_ref().clone() });
        }
    }
    let most = (MAX_DIALOGUE_STEPS * usize::from(MAX_REPLY_POINTS)) as u16;
    let mut lead = |r: &mut Reporter, next: &Spanned<String>| match ids.get(next.get_ref().as_str()) {
        Some(&at) => at,
        None => {
            r.at(next.span(), DialogueSaid::UnknownNext { next: next.get_ref().clone() });
            Next::Ending(0)
        }
    };
    let steps: Vec<Step> = steps_src.iter().map(|s| step(s, r, ctx, &mut lead, most)).collect();
    let endings: Vec<Ending> = endings_src.iter().map(|e| ending(e.get_ref(), r)).collect();
    let dialogue = Dialogue { speaker: speaker(r, &src.speaker), coach, steps: steps.into(), endings: endings.into() };
    // What the parts alone could not show: how the ways through fit together. Problems
    // of single parts were reported above, where they stand.
    if r.errors.len() == errors_before {
        for problem in dialogue.problems() {
            let id_of = |next: Next| match next {
                Next::Step(i) => &steps_src[usize::from(i)].get_ref().id,
                Next::Ending(i) => &endings_src[usize::from(i)].get_ref().id,
            };
            match problem {
                Problem::Loop { step } => {
                    r.at(id_of(Next::Step(step as u8)).span(), DialogueSaid::Loop { step: id_of(Next::Step(step as u8)).get_ref().clone() })
                }
                Problem::TooLong => r.at(at_type.clone(), DialogueSaid::TooLong),
                Problem::Unreachable(part) => r.at(id_of(part).span(), DialogueSaid::Unreachable { id: id_of(part).get_ref().clone() }),
                // Reported above at the part itself.
                Problem::Size | Problem::Replies { .. } | Problem::Points { .. } | Problem::NoBest { .. } | Problem::Missing { .. } => {}
            }
        }
    }
    Kind::Dialogue(dialogue)
}

fn step(src: &Spanned<StepSrc>, r: &mut Reporter, ctx: &mut Context, lead: &mut impl FnMut(&mut Reporter, &Spanned<String>) -> Next, most: u16) -> Step {
    let s = src.get_ref();
    let source = s.source.get_ref();
    if !ctx.sections.contains(&(source.seed.clone(), source.section.clone())) {
        r.at(s.source.span(), Said::UnknownSection { seed: source.seed.clone(), section: source.section.clone() });
    }
    if !(2..=MAX_REPLIES).contains(&s.replies.len()) {
        r.at(s.id.span(), DialogueSaid::Replies { step: s.id.get_ref().clone(), found: s.replies.len() });
    }
    let replies: Vec<Reply> = s
        .replies
        .iter()
        .map(|reply| {
            let reply = reply.get_ref();
            let points = bounded(r, &reply.points, 0..=i64::from(MAX_REPLY_POINTS), |value| DialogueSaid::Points { value }) as u8;
            let branches: Vec<Branch> = reply
                .branch
                .iter()
                .map(|b| {
                    let b = b.get_ref();
                    let at_least = bounded(r, &b.at_least, 1..=i64::from(most), |value| DialogueSaid::Threshold { value, most }) as u16;
                    Branch { at_least, next: lead(r, &b.next) }
                })
                .collect();
            Reply {
                text: text(r, &reply.text, "text"),
                points,
                feedback: text(r, &reply.feedback, "feedback"),
                next: lead(r, &reply.next),
                branches: branches.into(),
            }
        })
        .collect();
    if replies.len() >= 2 && replies.iter().all(|reply| reply.points == replies[0].points) {
        r.at(s.id.span(), DialogueSaid::NoBest { step: s.id.get_ref().clone() });
    }
    Step {
        id: s.id.get_ref().clone().into(),
        speaker: s.speaker.as_ref().map(|_| speaker(r, &s.speaker)),
        line: text(r, &s.line, "line"),
        mood: mood(r, &s.mood),
        section: source.section.clone().into(),
        media: ctx.media.media(&s.media, r),
        replies: replies.into(),
    }
}

/// A number that must lie in `range`: reported as `said` at its place when it does
/// not, and brought into the range (the course is refused anyway).
fn bounded(r: &mut Reporter, value: &Spanned<i64>, range: std::ops::RangeInclusive<i64>, said: impl FnOnce(i64) -> DialogueSaid) -> i64 {
    let n = *value.get_ref();
    if !range.contains(&n) {
        r.at(value.span(), said(n));
    }
    n.clamp(*range.start(), *range.end())
}

fn ending(e: &EndingSrc, r: &mut Reporter) -> Ending {
    Ending {
        id: e.id.get_ref().clone().into(),
        line: text(r, &e.line, "line"),
        mood: mood(r, &e.mood),
        good: e.good.as_ref().is_some_and(|g| *g.get_ref()),
        debrief: text(r, &e.debrief, "debrief"),
    }
}

fn mood(r: &mut Reporter, value: &Option<Spanned<String>>) -> Option<Mood> {
    let value = value.as_ref()?;
    let mood = Mood::parse(value.get_ref());
    if mood.is_none() {
        r.at(value.span(), DialogueSaid::BadMood { value: value.get_ref().clone() });
    }
    mood
}
