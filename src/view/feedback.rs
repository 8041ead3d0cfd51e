//! After "check": the verdict, what was right, and why.

use tere_engine::{Attempt, Kind, Quiz};
use yew::prelude::*;

use super::{text, verdict, Ctx};

pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt) -> Html {
    let q = attempt.question(quiz);
    let credit = attempt.answers[attempt.current].as_ref().and_then(|a| tere_engine::score::credit(&q.kind, a));
    // True/false has one feedback text per possible choice.
    let chosen_feedback = match (&q.kind, &attempt.answers[attempt.current]) {
        (Kind::TrueFalse { feedback_true, feedback_false, .. }, Some(tere_engine::Answer::Choices(p))) => {
            Some(text(if p.first() == Some(&0) { feedback_true } else { feedback_false }))
        }
        _ => None,
    };
    html! {
        <div class="feedback" data-credit={credit.map(tere_engine::cmi::decimal).unwrap_or_default()}>
            { verdict(ctx.ui, credit) }
            if let Some(f) = chosen_feedback { <p class="choice-feedback" lang={text(&quiz.lang)}>{ f }</p> }
            <div class="explanation">
                <h3>{ ctx.ui.explanation }</h3>
                <p lang={text(&quiz.lang)}>{ text(&q.explanation) }</p>
            </div>
        </div>
    }
}
