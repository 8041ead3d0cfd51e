//! After "check": the verdict, what was right, and why; after a wrong try with tries
//! left, only the verdict, the picked options' feedback and how many tries are left
//! (the next hint appears with the question's hints). The same for every kind; a
//! kind's own feedback text comes from `kinds`.

use tere_engine::{Attempt, Quiz};
use yew::prelude::*;

use super::{kinds, text, verdict, Ctx};
use crate::i18n::fill;

/// Where focus goes after "check": the feedback itself (it takes focus, not Tab).
pub const FOCUS: &str = "section.question .feedback";

/// `practice`: an ungraded round, where no points count.
pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, revealed: bool, practice: bool) -> Html {
    let q = attempt.question(quiz);
    let position = attempt.current;
    // The verdict is about this answer; `data-credit` is the question's credit after penalties.
    let raw = attempt.answer_credit_at(quiz, position);
    let credit = attempt.credit_at(quiz, position);
    let tries_left = usize::from(quiz.tries.saturating_sub(attempt.tries[position]));
    let chosen_feedback = kinds::chosen_feedback(&q.kind, Some(attempt.shown_answer(quiz)));
    html! {
        <div class="feedback" tabindex="-1" data-credit={credit.map(tere_engine::cmi::decimal).unwrap_or_default()} data-final={revealed.to_string()}>
            // What counts, once it is final (another try may still change it) and graded.
            { verdict(ctx.ui, raw, credit.filter(|_| revealed && !practice)) }
            if let Some(f) = chosen_feedback { <p class="choice-feedback" lang={text(&quiz.lang)}>{ f }</p> }
            if revealed {
                <div class="explanation">
                    <h3>{ ctx.ui.explanation }</h3>
                    <p lang={text(&quiz.lang)}>{ text(&q.explanation) }</p>
                </div>
            } else {
                <p class="tries-left">{ fill(ctx.ui.tries_left, tries_left, 0) }</p>
            }
        </div>
    }
}
