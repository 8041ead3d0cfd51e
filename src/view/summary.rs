//! The end of an attempt: score, passed or not, each question's outcome, a review of
//! every answer with the right one and the explanation, retry, and a practice round of
//! the questions not fully right (ungraded); and the end of that practice round.

use tere_engine::{Action, Attempt, Question, Quiz};
use yew::prelude::*;

use super::{new_seed, text, verdict, Ctx, HEADING_ID};
use crate::i18n::fill;

pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt) -> Html {
    let ui = ctx.ui;
    let pass_mark = ctx.session.pass_mark(quiz);
    let result = attempt.result(quiz, pass_mark);
    let message = if result.passed { ui.passed_message } else { ui.failed_message };
    // A weaker retry never replaces a better result: say which one stays recorded.
    let best_kept = ctx.session.quiz().and_then(|(i, _)| ctx.session.quizzes[i].record.best).filter(|&best| best > result.score);
    let asked: Vec<(&Question, usize)> = attempt.questions.iter().enumerate().map(|(pos, &qi)| (&quiz.questions[qi as usize], pos)).collect();
    html! {
        <section class="summary" data-result-score={result.score.to_string()} data-result-passed={result.passed.to_string()}>
            <h1 id={HEADING_ID} tabindex="-1" lang={text(&quiz.lang)}>{ text(&quiz.title) }</h1>
            <div class="result" role="status">
                <p class="score">{ fill(ui.score, result.score as usize, 0) }</p>
                <p class={if result.passed { "outcome passed" } else { "outcome failed" }}>
                    <span aria-hidden="true">{ if result.passed { "✓ " } else { "✗ " } }</span>
                    { fill(message, pass_mark as usize, 0) }
                </p>
                if let Some(best) = best_kept {
                    <p class="best-kept" data-best-kept={best.to_string()}>{ fill(ui.best_kept, best as usize, 0) }</p>
                }
            </div>
            <h2>{ ui.your_answers }</h2>
            <ol class="review">
            { for asked.iter().map(|&(q, pos)| html! {
                <li data-question-id={text(&q.id)}>
                    <span class="review-text" lang={text(&quiz.lang)}>{ text(&q.text) }</span>
                    { verdict(ui, attempt.answer_credit_at(quiz, pos), result.credits[pos]) }
                </li>
            }) }
            </ol>
            <details class="review-all">
                <summary data-action="review">{ ui.review }</summary>
                <ol class="review-full">
                { for asked.iter().map(|&(q, pos)| review_entry(ctx, quiz, q, attempt, pos, result.credits[pos])) }
                </ol>
            </details>
            <div class="actions">
                { ctx.button("retry", ui.retry, Action::Retry { seed: new_seed() }, true) }
                if !attempt.missed(quiz).is_empty() {
                    <button type="button" class="secondary" data-action="practice"
                        onclick={ctx.on_then_focus(Action::Practise { seed: new_seed() }, format!("#{HEADING_ID}"))}>{ ui.practise_missed }</button>
                }
                { ctx.menu_button() }
            </div>
        </section>
    }
}

/// The end of a practice round: how it went (never a score that counts), the review,
/// and the way back to the attempt's summary.
pub fn practice_end(ctx: &Ctx, quiz: &Quiz, practice: &Attempt) -> Html {
    let ui = ctx.ui;
    let n = practice.questions.len();
    let right = (0..n).filter(|&p| practice.answer_credit_at(quiz, p).is_some_and(tere_engine::score::is_full_credit)).count();
    html! {
        <section class="practice-end" data-practice-right={right.to_string()} data-practice-total={n.to_string()}>
            <h1 id={HEADING_ID} tabindex="-1" lang={text(&quiz.lang)}>{ text(&quiz.title) }</h1>
            <p class="practice-label" role="note">{ ui.practice_label }</p>
            <p class="practice-result" role="status">{ fill(ui.practice_done, right, n) }</p>
            <details class="review-all">
                <summary data-action="review">{ ui.review }</summary>
                <ol class="review-full">
                { for (0..n).map(|p| review_entry(ctx, quiz, practice.question_at(quiz, p), practice, p, None)) }
                </ol>
            </details>
            <div class="actions">
                <button type="button" class="primary" data-action="end-practice"
                    onclick={ctx.on_then_focus(Action::EndPractice, format!("#{HEADING_ID}"))}>{ ui.back_to_results }</button>
                { ctx.menu_button() }
            </div>
        </section>
    }
}

/// `counted`: the points the question earned in a graded attempt (`None` in practice).
fn review_entry(ctx: &Ctx, quiz: &Quiz, q: &Question, attempt: &Attempt, position: usize, counted: Option<f64>) -> Html {
    let ui = ctx.ui;
    let lines = |texts: Vec<String>| html! { <ul class="answer-lines">{ for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    let given = attempt.answers[position].as_ref().map(|a| q.kind.given(a, &quiz.lang)).unwrap_or_default();
    let expected = q.kind.expected(&quiz.lang);
    html! {
        <li class="review-entry" data-question-id={text(&q.id)}>
            <h3 lang={text(&quiz.lang)}>{ text(&q.text) }</h3>
            { verdict(ui, attempt.answer_credit_at(quiz, position), counted) }
            <dl>
                <dt>{ ui.your_answer }</dt>
                <dd lang={text(&quiz.lang)}>{ lines(given) }</dd>
                if !expected.is_empty() {
                    <dt>{ ui.correct_answer }</dt>
                    <dd lang={text(&quiz.lang)}>{ lines(expected) }</dd>
                }
                <dt>{ ui.explanation }</dt>
                <dd lang={text(&quiz.lang)}>{ text(&q.explanation) }</dd>
            </dl>
        </li>
    }
}
