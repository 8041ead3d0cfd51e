//! The course menu: every stage quiz with its status.

use tere_engine::{Action, Status};
use yew::prelude::*;

use super::{text, Ctx, HEADING_ID};
use crate::i18n::fill;

pub fn view(ctx: &Ctx) -> Html {
    let ui = ctx.ui;
    let course = ctx.session.course;
    let not_found = ctx.config.unknown_quiz.then(|| html! { <p class="notice" role="alert">{ ui.not_found }</p> });
    html! {
        <section class="menu">
            { for not_found }
            <h1 id={HEADING_ID} tabindex="-1" lang={text(&course.lang)}>{ text(&course.title) }</h1>
            <ul class="quiz-list">
            { for course.quizzes.iter().enumerate().map(|(i, quiz)| {
                let record = &ctx.session.quizzes[i].record;
                let (status_class, status) = match record.status {
                    Status::NotStarted => ("not-started", ui.not_started),
                    Status::InProgress => ("in-progress", ui.in_progress),
                    Status::Passed => ("passed", ui.passed),
                    Status::Failed => ("failed", ui.failed),
                };
                let best = record.best.map(|b| format!(" · {}", fill(ui.best, b as usize, 0)));
                html! {
                    <li>
                        <button type="button" class="quiz-entry" data-quiz-id={text(&quiz.id)} onclick={ctx.on(Action::Open(i))}>
                            <span class="quiz-title" lang={text(&quiz.lang)}>{ text(&quiz.title) }</span>
                            <span class={classes!("status", status_class)}>{ status }{ best.unwrap_or_default() }</span>
                        </button>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
