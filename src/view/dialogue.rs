//! A dialogue on screen: the conversation so far as a transcript (the newest line read
//! out by screen readers: the transcript is a polite live region), the replies of the
//! step it has reached as buttons, and once it has ended, the debrief: each reply's
//! points and feedback, the best way through beside the learner's, and where in the
//! material to read again. In "coach" mode a reply's feedback shows at once.

use tere_engine::dialogue::{Dialogue, Mood, Next, Walk};
use tere_engine::shuffle::{permutation, question_seed};
use tere_engine::{Action, Attempt, Question, Quiz, Speaker};
use yew::prelude::*;

use super::{feedback, text, Ctx};
use crate::i18n::{fill, Ui};

/// Where focus goes after a reply that leads on: the next step's first reply.
const FIRST_REPLY: &str = "section.question .replies button";

pub fn controls(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, q: &Question, d: &Dialogue, path: &[u8], checked: bool) -> Html {
    let Some(walk) = d.walk(path) else { return Html::default() };
    let ui = ctx.ui;
    let lang = text(&quiz.lang);
    let other = |speaker: Option<&Speaker>, line: &tere_engine::Text, mood: Option<Mood>| {
        html! {
            <li class="line other">
                <span class="who" lang={ctx.lang.code()}>{ super::kinds::says(ui, speaker.unwrap_or(&d.speaker), quiz) }{ for mood.map(|m| mood_badge(ui, m)) }</span>
                <span class="said" lang={lang.clone()}>{ text(line) }</span>
            </li>
        }
    };
    let show_feedback = checked || d.coach;
    let transcript = walk.taken.iter().map(|t| {
        let step = &d.steps[usize::from(t.step)];
        let reply = &step.replies[usize::from(t.reply)];
        html! {
            <>
            { other(step.speaker.as_ref(), &step.line, step.mood) }
            <li class="line mine" data-step-id={text(&step.id)}>
                <span class="who">{ ui.you_say }</span>
                <span class="said" lang={lang.clone()}>{ text(&reply.text) }</span>
                if show_feedback {
                    <span class="reply-feedback">
                        { points_mark(ui, reply.points, step.best()) }
                        <span lang={lang.clone()}>{ text(&reply.feedback) }</span>
                    </span>
                }
            </li>
            </>
        }
    });
    let now = match walk.at {
        Next::Step(s) => {
            let step = &d.steps[usize::from(s)];
            other(step.speaker.as_ref(), &step.line, step.mood)
        }
        Next::Ending(e) => {
            let ending = &d.endings[usize::from(e)];
            other(None, &ending.line, ending.mood)
        }
    };
    html! {
        <div class="conversation">
            <ol class="transcript" aria-live="polite" aria-relevant="additions">
                { for transcript }
                { now }
            </ol>
            // The picture or sound of the step on screen.
            if let Next::Step(s) = walk.at {
                { for d.steps[usize::from(s)].media.as_ref().map(|m| super::media::show(ctx, m)) }
            }
            if let (Next::Step(s), false) = (walk.at, checked) {
                { replies(ctx, attempt, q, d, path, usize::from(s)) }
            }
            if checked {
                { debrief(ui, &lang, d, &walk) }
            }
        </div>
    }
}

/// The step's replies as buttons, in an order of their own for each step and attempt.
fn replies(ctx: &Ctx, attempt: &Attempt, q: &Question, d: &Dialogue, path: &[u8], step: usize) -> Html {
    let s = &d.steps[step];
    let order = permutation(s.replies.len(), question_seed(attempt.seed, &format!("{}/{}", q.id, s.id)));
    html! {
        <div class="replies" role="group" aria-labelledby="tere-help">
        { for order.into_iter().map(|i| {
            // A reply that ends the conversation is checked at once: focus goes to the feedback.
            let mut next = path.to_vec();
            next.push(i as u8);
            let ends = d.walk(&next).is_some_and(|w| w.ended());
            let focus = if ends { feedback::FOCUS } else { FIRST_REPLY };
            html! {
                <button type="button" class="reply" data-reply-index={i.to_string()}
                    onclick={ctx.on_then_focus(Action::Choose(i as u8), focus.to_string())}>{ text(&s.replies[i].text) }</button>
            }
        }) }
        </div>
    }
}

/// After the ending: the best way through, the points, and the sections where points
/// were lost.
fn debrief(ui: &Ui, lang: &AttrValue, d: &Dialogue, walk: &Walk) -> Html {
    let (best, total) = d.best_path();
    let best_walk = d.walk(&best);
    let mut lost: Vec<&str> = Vec::new();
    for t in &walk.taken {
        let step = &d.steps[usize::from(t.step)];
        if step.replies[usize::from(t.reply)].points < step.best() && !lost.contains(&step.section.as_ref()) {
            lost.push(&step.section);
        }
    }
    html! {
        <div class="debrief">
            <p class="dialogue-score">{ fill(ui.dialogue_score, usize::from(walk.points()), usize::from(total)) }</p>
            <h3>{ ui.best_path }</h3>
            <ol class="best-path" lang={lang.clone()}>
            { for best_walk.iter().flat_map(|w| w.taken.iter()).map(|t| {
                let step = &d.steps[usize::from(t.step)];
                html! { <li><span class="said">{ text(&step.line) }</span>{ " → " }<span class="said">{ text(&step.replies[usize::from(t.reply)].text) }</span></li> }
            }) }
            </ol>
            if !lost.is_empty() {
                <p class="read-again">{ ui.read_again }</p>
                <ul class="sections" lang={lang.clone()}>{ for lost.iter().map(|s| html! { <li>{ s.to_string() }</li> }) }</ul>
            }
        </div>
    }
}

/// A reply's points with a sign and words, so colour is never the only signal.
fn points_mark(ui: &Ui, points: u8, best: u8) -> Html {
    let (sign, class) = match points {
        p if p >= best => ("✓", "mark correct"),
        0 => ("✗", "mark incorrect"),
        _ => ("◐", "mark partial"),
    };
    html! {
        <span class={class}><span aria-hidden="true">{ sign }</span>{ " " }{ fill(ui.reply_points, usize::from(points), usize::from(best)) }</span>
    }
}

/// The other person's mood: a face and its word.
fn mood_badge(ui: &Ui, mood: Mood) -> Html {
    let (face, word) = match mood {
        Mood::Calm => ("😌", ui.mood_calm),
        Mood::Impatient => ("😒", ui.mood_impatient),
        Mood::Annoyed => ("😠", ui.mood_annoyed),
        Mood::Pleased => ("😊", ui.mood_pleased),
    };
    html! { <span class="mood" data-mood={mood.name()}><span aria-hidden="true">{ face }</span>{ " " }{ word }</span> }
}
