//! One question: progress, text, hints, the answer controls for its kind, and after
//! checking, the feedback. The same layout for every kind; what differs per kind
//! (help line, dialogue, controls) comes from `kinds`. With tries left after a wrong
//! check, the right answer stays hidden until the last try.

use tere_engine::{Action, Attempt, Phase, Quiz};
use yew::prelude::*;

use super::kinds::{self, FIRST_CONTROL};
use super::{feedback, text, Ctx, HEADING_ID};
use crate::i18n::fill;

/// `practice`: the attempt is an ungraded practice round (`Session::practice`).
pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, practice: bool) -> Html {
    let ui = ctx.ui;
    let q = attempt.question(quiz);
    let total = attempt.questions.len();
    let position = attempt.current + 1;
    let checked = attempt.phase == Phase::Checked;
    // The right answer is shown only once the answer is settled (right, or out of tries).
    let revealed = checked && attempt.is_settled(quiz, attempt.current);
    let progress = fill(ui.progress, position, total);
    let help = kinds::help(ui, &q.kind);
    let heading = format!("#{HEADING_ID}");
    let primary = |hook: &'static str, label: &str, action: Action, focus: &str| {
        html! {
            <button type="button" class="primary" data-action={hook} onclick={ctx.on_then_focus(action, focus.to_string())}>{ label.to_string() }</button>
        }
    };
    let action = if !checked && q.kind.checks_itself() {
        // A conversation is checked by itself at its ending: no Check button.
        Html::default()
    } else if !checked {
        // After a check, focus goes to the feedback: a screen reader reads the verdict,
        // and Tab leads on to the next action right after it (the Check button itself
        // is gone, and focus would fall back to the page's start).
        html! {
            <button type="button" class="primary" data-action="check" disabled={!attempt.can_check(quiz)}
                onclick={ctx.on_then_focus(Action::Check, feedback::FOCUS.to_string())}>{ ui.check }</button>
        }
    } else if !revealed {
        primary("try-again", ui.try_again, Action::TryAgain, FIRST_CONTROL)
    } else if attempt.is_last() {
        primary("finish", ui.finish, Action::Finish, &heading)
    } else {
        primary("next", ui.next, Action::Next, &heading)
    };
    // A conversation not at full credit may be played again beside going on: its best play counts.
    let replay = (revealed && attempt.may_try_again(quiz)).then(|| {
        html! {
            <button type="button" class="secondary" data-action="try-again" onclick={ctx.on_then_focus(Action::TryAgain, FIRST_CONTROL.to_string())}>{ ui.try_again }</button>
        }
    });
    let shown = attempt.hints_shown(attempt.current).min(q.hints.len());
    let hint_button = attempt.may_hint(quiz).then(|| {
        html! {
            <button type="button" class="secondary" data-action="hint" onclick={ctx.on_then_focus(Action::Hint, ".hints li:last-child".to_string())}>
                { fill(ui.show_hint, shown + 1, q.hints.len()) }
            </button>
        }
    });
    html! {
        <section class="question" data-question-id={text(&q.id)} data-question-type={q.kind.name()} data-practice={practice.then_some("true")}>
            if practice {
                <p class="practice-label" role="note">{ ui.practice_label }</p>
            }
            <p class="progress-label" id="tere-progress">{ progress }</p>
            // A native <progress>: accessible as is, and no inline style (strict CSP).
            <progress class="progress" aria-labelledby="tere-progress" max={total.to_string()} value={attempt.answered().to_string()}></progress>
            <div class="content" lang={text(&quiz.lang)}>
                <h2 id={HEADING_ID} tabindex="-1">{ text(&q.text) }</h2>
                { for q.media.as_ref().map(|m| super::media::show(ctx, m)) }
                { kinds::preamble(ctx, quiz, q) }
                <p class="help" id="tere-help" lang={ctx.lang.code()}>{ help }</p>
                <ol class="hints" aria-live="polite" hidden={shown == 0}>
                { for q.hints.iter().take(shown).enumerate().map(|(n, hint)| html! {
                    <li class="hint" tabindex="-1">
                        <strong lang={ctx.lang.code()}>{ fill(ui.hint, n + 1, 0) }{ ": " }</strong>{ text(hint) }
                    </li>
                }) }
                </ol>
                { kinds::controls(ctx, quiz, attempt, q, checked, revealed) }
            </div>
            // Not a live region: focus moves to the feedback, which is read then (a live
            // region would read it twice).
            <div class="feedback-region">
                if checked {
                    { feedback::view(ctx, quiz, attempt, revealed, practice) }
                }
            </div>
            <div class="actions">
                { action }
                { for replay }
                { for hint_button }
                { ctx.menu_button() }
            </div>
        </section>
    }
}
