//! The end of an attempt: score, passed or not, each question's outcome, retry.

use tere_engine::{Action, Attempt, Quiz};
use yew::prelude::*;

use super::{new_seed, verdict, Ctx, HEADING_ID};
use crate::i18n::fill;

pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt) -> Html {
    let ui = ctx.ui;
    let pass_mark = ctx.session.pass_mark(quiz);
    let result = attempt.result(quiz, pass_mark);
    let message = if result.passed { ui.passed_message } else { ui.failed_message };
    html! {
        <section class="summary" data-result-score={result.score.to_string()} data-result-passed={result.passed.to_string()}>
            <h1 id={HEADING_ID} tabindex="-1" lang={quiz.lang.to_string()}>{ quiz.title.to_string() }</h1>
            <div class="result" role="status">
                <p class="score">{ fill(ui.score, result.score as usize, 0) }</p>
                <p class={if result.passed { "outcome passed" } else { "outcome failed" }}>
                    <span aria-hidden="true">{ if result.passed { "✓ " } else { "✗ " } }</span>
                    { fill(message, pass_mark as usize, 0) }
                </p>
            </div>
            <h2>{ ui.your_answers }</h2>
            <ol class="review">
            { for attempt.questions.iter().zip(&result.credits).map(|(&qi, credit)| {
                let q = &quiz.questions[qi as usize];
                html! {
                    <li data-question-id={q.id.to_string()}>
                        <span class="review-text" lang={quiz.lang.to_string()}>{ q.text.to_string() }</span>
                        { verdict(ui, *credit) }
                    </li>
                }
            }) }
            </ol>
            <div class="actions">
                { ctx.button("retry", ui.retry, Action::Retry { seed: new_seed() }, true) }
                { ctx.menu_button() }
            </div>
        </section>
    }
}
