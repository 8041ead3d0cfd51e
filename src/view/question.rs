//! One question: progress, text, hints, the answer controls for its kind, and after
//! checking, the feedback. Answers are native inputs inside their labels. With tries
//! left after a wrong check, the right answer stays hidden until the last try.

use tere_engine::{Action, Answer, Attempt, Kind, Phase, Question, Quiz, Speaker};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{feedback, text, Ctx, HEADING_ID};
use crate::i18n::{fill, Ui};
use tere_engine::describe::true_false_labels;

/// Where focus goes after "try again": the question's first answer control.
const FIRST_CONTROL: &str = "section.question .content input:not([disabled]), section.question .content select, section.question .content textarea, section.question .content button:not([disabled])";

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
    let help = match &q.kind {
        Kind::Multiple { .. } => ui.pick_all,
        Kind::TrueFalse { .. } => ui.pick_true_false,
        Kind::Ordering { .. } => ui.order_help,
        Kind::Matching { .. } => ui.match_help,
        Kind::Reflection => ui.reflect_help,
        Kind::Single { .. } | Kind::Scenario { .. } => ui.pick_one,
    };
    let heading = format!("#{HEADING_ID}");
    let primary = |hook: &'static str, label: &str, action: Action, focus: &str| {
        html! {
            <button type="button" class="primary" data-action={hook} onclick={ctx.on_then_focus(action, focus.to_string())}>{ label.to_string() }</button>
        }
    };
    let action = if !checked {
        ctx.button("check", ui.check, Action::Check, attempt.can_check(quiz))
    } else if !revealed {
        primary("try-again", ui.try_again, Action::TryAgain, FIRST_CONTROL)
    } else if attempt.is_last() {
        primary("finish", ui.finish, Action::Finish, &heading)
    } else {
        primary("next", ui.next, Action::Next, &heading)
    };
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
                if let Kind::Scenario { speaker, line, .. } = &q.kind {
                    <figure class="dialogue">
                        <figcaption lang={ctx.lang.code()}>{ says(ui, speaker, quiz) }</figcaption>
                        <blockquote>{ text(line) }</blockquote>
                    </figure>
                }
                <p class="help" id="tere-help" lang={ctx.lang.code()}>{ help }</p>
                <ol class="hints" aria-live="polite" hidden={shown == 0}>
                { for q.hints.iter().take(shown).enumerate().map(|(n, hint)| html! {
                    <li class="hint" tabindex="-1">
                        <strong lang={ctx.lang.code()}>{ fill(ui.hint, n + 1, 0) }{ ": " }</strong>{ text(hint) }
                    </li>
                }) }
                </ol>
                { controls(ctx, quiz, attempt, q, checked, revealed) }
            </div>
            <div class="feedback-region" aria-live="polite">
                if checked {
                    { feedback::view(ctx, quiz, attempt, revealed) }
                }
            </div>
            <div class="actions">
                { action }
                { for hint_button }
                { ctx.menu_button() }
            </div>
        </section>
    }
}

/// Who says a scenario's line, in the UI's language; a name stays in the content's.
fn says(ui: &Ui, speaker: &Speaker, quiz: &Quiz) -> Html {
    match speaker {
        Speaker::Customer => html! { ui.customer_says },
        Speaker::Colleague => html! { ui.colleague_says },
        Speaker::Named(name) => {
            let (before, after) = ui.named_says.split_once("{name}").unwrap_or(("", ui.named_says));
            html! { <>{ before }<span lang={text(&quiz.lang)}>{ text(name) }</span>{ after }</> }
        }
    }
}

fn controls(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, q: &Question, checked: bool, revealed: bool) -> Html {
    let draft = attempt.answers[attempt.current].as_ref().unwrap_or(&attempt.draft);
    match (&q.kind, draft) {
        (Kind::TrueFalse { answer, .. }, Answer::Choices(picked)) => {
            let labels = true_false_labels(&quiz.lang);
            let rows = [(labels[0], *answer), (labels[1], !*answer)];
            choice_list(
                ctx,
                q,
                picked,
                (checked, revealed),
                "radio",
                rows.iter().enumerate().map(|(i, (label, correct))| (i, AttrValue::Static(label), *correct, None)).collect(),
            )
        }
        (Kind::Single { options } | Kind::Scenario { options, .. } | Kind::Multiple { options }, Answer::Choices(picked)) => {
            let input = if matches!(q.kind, Kind::Multiple { .. }) { "checkbox" } else { "radio" };
            let rows = attempt.option_order(quiz).into_iter().map(|i| {
                let o = &options[i];
                (i, text(&o.text), o.correct, Some(text(&o.feedback)))
            });
            choice_list(ctx, q, picked, (checked, revealed), input, rows.collect())
        }
        (Kind::Ordering { items }, Answer::Order(order)) => ordering(ctx, items, order, checked, revealed),
        (Kind::Matching { pairs }, Answer::Matches(chosen)) => {
            let right_order = attempt.option_order(quiz);
            html! {
                <ul class="matching" aria-describedby="tere-help">
                { for pairs.iter().enumerate().map(|(i, pair)| {
                    // Once checked, the choice is plain text: a disabled select would cut a
                    // long answer short on a phone (and costs the browser more to update).
                    if checked {
                        let right = chosen[i] == Some(i as u8);
                        let choice = chosen[i].and_then(|r| pairs.get(r as usize)).map_or(AttrValue::Static("–"), |p| text(&p.right));
                        return html! {
                            <li class="match-row">
                                <span class="match-left">{ text(&pair.left) }</span>
                                <span class="match-choice" data-pair-index={i.to_string()}>{ choice }</span>
                                <span class={if right { "mark correct" } else { "mark incorrect" }}>
                                    { match (right, revealed) {
                                        (true, _) => format!("✓ {}", ctx.ui.correct),
                                        (false, true) => format!("✗ {} · {}: {}", ctx.ui.incorrect, ctx.ui.correct_answer, pair.right),
                                        // Tries left: not yet the right partner.
                                        (false, false) => format!("✗ {}", ctx.ui.incorrect),
                                    } }
                                </span>
                            </li>
                        };
                    }
                    let select_id = format!("tere-match-{i}");
                    let dispatch = ctx.dispatch.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let value = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                        dispatch.dispatch(Action::Match { pair: i as u8, right: value.parse().ok() }.into());
                    });
                    html! {
                        <li class="match-row">
                            <label for={select_id.clone()}>{ text(&pair.left) }</label>
                            <select id={select_id} data-pair-index={i.to_string()} {onchange}>
                                <option value="" selected={chosen[i].is_none()}>{ ctx.ui.choose }</option>
                                { for right_order.iter().map(|&r| html! {
                                    <option value={r.to_string()} selected={chosen[i] == Some(r as u8)}>{ text(&pairs[r].right) }</option>
                                }) }
                            </select>
                        </li>
                    }
                }) }
                </ul>
            }
        }
        (Kind::Reflection, Answer::Text(text)) => {
            let dispatch = ctx.dispatch.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                    dispatch.dispatch(Action::Write(t.value()).into());
                }
            });
            html! {
                <textarea class="reflection" rows="6" aria-labelledby={HEADING_ID} aria-describedby="tere-help"
                    value={text.clone()} readonly={checked} {oninput} />
            }
        }
        // A draft of another type's shape is never made (`Attempt::blank_draft`).
        (
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection,
            Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_),
        ) => Html::default(),
    }
}

/// Radio or checkbox options; after checking, each picked one is marked and its
/// feedback shown, and once `revealed`, the right ones not picked too.
fn choice_list(
    ctx: &Ctx,
    q: &Question,
    picked: &[u8],
    (checked, revealed): (bool, bool),
    input: &'static str,
    // A list, not a generic iterator: one copy of this markup in the wasm, not one per caller.
    rows: Vec<(usize, AttrValue, bool, Option<AttrValue>)>,
) -> Html {
    let ui = ctx.ui;
    let name = format!("tere-{}", q.id);
    html! {
        <fieldset class="choices" aria-labelledby={HEADING_ID} aria-describedby="tere-help">
        { for rows.into_iter().map(|(i, text, correct, option_feedback)| {
            let is_picked = picked.contains(&(i as u8));
            let marked = checked && (is_picked || (correct && revealed));
            let state = match (checked, is_picked, correct) {
                (false, _, _) => "",
                (true, true, true) => "correct",
                (true, true, false) => "incorrect",
                (true, false, true) if revealed => "missed",
                _ => "",
            };
            let mark = marked.then(|| {
                let (sign, words) = match (is_picked, correct) {
                    (true, true) => ("✓", format!("{} · {}", ui.your_choice, ui.correct)),
                    (true, false) => ("✗", format!("{} · {}", ui.your_choice, ui.incorrect)),
                    _ => ("✓", ui.correct_answer.to_string()),
                };
                html! {
                    <span class="option-result">
                        <span class="mark"><span aria-hidden="true">{ sign }</span>{ " " }{ words }</span>
                        if let Some(f) = option_feedback.clone() { <span class="option-feedback">{ f }</span> }
                    </span>
                }
            });
            html! {
                <label class={classes!("option", is_picked.then_some("picked"), (!state.is_empty()).then_some(state))} data-option-index={i.to_string()}>
                    <input type={input} name={name.clone()} value={i.to_string()} checked={is_picked} disabled={checked}
                        onchange={ctx.on(Action::Choose(i as u8))} />
                    <span class="option-text">{ text }{ for mark }</span>
                </label>
            }
        }) }
        </fieldset>
    }
}

/// Where focus goes after moving `item`: its same button, or the other one when the
/// item reached the end of the list (the same button is then disabled).
fn follow(item: u8, at_end: bool, direction: &str) -> String {
    let button = match (direction, at_end) {
        ("up", false) | ("down", true) => "move-up",
        _ => "move-down",
    };
    format!("li[data-item-index=\"{item}\"] [data-action=\"{button}\"]")
}

/// Ordering: a list with move-up / move-down buttons (no drag-only interaction).
fn ordering(ctx: &Ctx, items: &[tere_engine::Text], order: &[u8], checked: bool, revealed: bool) -> Html {
    let ui = ctx.ui;
    let last = order.len().saturating_sub(1);
    html! {
        <>
        <ol class="ordering" aria-describedby="tere-help">
        { for order.iter().enumerate().map(|(pos, &item)| {
            let item_text = text(&items[item as usize]);
            let right = pos == item as usize;
            let mark = checked.then(|| html! {
                <span class={if right { "mark correct" } else { "mark incorrect" }}>
                    <span aria-hidden="true">{ if right { "✓" } else { "✗" } }</span>{ " " }{ if right { ui.correct } else { ui.incorrect } }
                </span>
            });
            html! {
                <li class="order-item" key={item} data-item-index={item.to_string()}>
                    <span class="order-text">{ item_text.clone() }{ for mark }</span>
                    if !checked {
                        <span class="order-buttons">
                            <button type="button" class="move" data-action="move-up" aria-label={format!("{}: {}", ui.move_up, item_text)}
                                disabled={pos == 0} onclick={ctx.on_then_focus(Action::Move { position: pos, up: true }, follow(item, pos <= 1, "up"))}>{ "↑" }</button>
                            <button type="button" class="move" data-action="move-down" aria-label={format!("{}: {}", ui.move_down, item_text)}
                                disabled={pos == last} onclick={ctx.on_then_focus(Action::Move { position: pos, up: false }, follow(item, pos + 1 >= last, "down"))}>{ "↓" }</button>
                        </span>
                    }
                </li>
            }
        }) }
        </ol>
        if revealed {
            <div class="correct-order">
                <p>{ ui.correct_order }</p>
                <ol>{ for items.iter().map(|i| html! { <li>{ text(i) }</li> }) }</ol>
            </div>
        }
        </>
    }
}
