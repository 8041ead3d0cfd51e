//! What each question type (`Kind`) shows: its help line, what it adds above that
//! line, its answer controls and its own feedback. This is the one view file a new
//! question type touches (plus `crate::i18n` for a new UI string): `question` and
//! `feedback` lay out the screen the same way for every kind and call in here for
//! the parts that differ, so every `match` over `Kind` in the view lives here and
//! names every variant, and the compiler points at each place a new kind must fill.
//! Answers are native inputs inside their labels.

use tere_engine::describe::true_false_labels;
use tere_engine::kind::REFLECTION_MAX;
use tere_engine::{Action, Answer, Attempt, Kind, Question, Quiz, Speaker};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{text, Ctx, HEADING_ID};
use crate::i18n::Ui;

/// Where focus goes after "try again": the question's first answer control. It names
/// the elements the controls below are built from, so it lives with them.
pub const FIRST_CONTROL: &str = "section.question .content input:not([disabled]), section.question .content select, section.question .content textarea, section.question .content button:not([disabled])";

/// The help line under the question: how to answer this kind.
pub fn help(ui: &Ui, kind: &Kind) -> &'static str {
    match kind {
        Kind::Multiple { .. } => ui.pick_all,
        Kind::TrueFalse { .. } => ui.pick_true_false,
        Kind::Ordering { .. } => ui.order_help,
        Kind::Matching { .. } => ui.match_help,
        Kind::Reflection => ui.reflect_help,
        Kind::Dialogue(_) => ui.dialogue_help,
        Kind::Single { .. } | Kind::Scenario { .. } => ui.pick_one,
    }
}

/// What a kind shows between the question text and the help line: a scenario's
/// dialogue line; nothing for the others (a dialogue's lines are its controls).
pub fn preamble(ctx: &Ctx, quiz: &Quiz, q: &Question) -> Html {
    match &q.kind {
        Kind::Scenario { speaker, line, .. } => html! {
            <figure class="dialogue">
                <figcaption lang={ctx.lang.code()}>{ says(ctx.ui, speaker, quiz) }</figcaption>
                <blockquote>{ text(line) }</blockquote>
            </figure>
        },
        Kind::Single { .. }
        | Kind::Multiple { .. }
        | Kind::TrueFalse { .. }
        | Kind::Ordering { .. }
        | Kind::Matching { .. }
        | Kind::Reflection
        | Kind::Dialogue(_) => Html::default(),
    }
}

/// The feedback a kind gives for the choice made, beside the verdict: true/false has
/// one feedback text per possible choice, a dialogue the debrief of the ending it
/// reached (the others show theirs in the controls).
pub fn chosen_feedback(kind: &Kind, answer: Option<&Answer>) -> Option<AttrValue> {
    match (kind, answer) {
        (Kind::TrueFalse { feedback_true, feedback_false, .. }, Some(Answer::Choices(p))) => {
            Some(text(if p.first() == Some(&0) { feedback_true } else { feedback_false }))
        }
        (Kind::Dialogue(d), Some(Answer::Path(path))) => match d.walk(path)?.at {
            tere_engine::dialogue::Next::Ending(e) => Some(text(&d.endings[usize::from(e)].debrief)),
            tere_engine::dialogue::Next::Step(_) => None,
        },
        (
            Kind::Single { .. }
            | Kind::Multiple { .. }
            | Kind::TrueFalse { .. }
            | Kind::Ordering { .. }
            | Kind::Matching { .. }
            | Kind::Scenario { .. }
            | Kind::Reflection
            | Kind::Dialogue(_),
            _,
        ) => None,
    }
}

/// Who says a scenario's line, in the UI's language; a name stays in the content's.
pub(super) fn says(ui: &Ui, speaker: &Speaker, quiz: &Quiz) -> Html {
    match speaker {
        Speaker::Customer => html! { ui.customer_says },
        Speaker::Colleague => html! { ui.colleague_says },
        Speaker::Named(name) => {
            let (before, after) = ui.named_says.split_once("{name}").unwrap_or(("", ui.named_says));
            html! { <>{ before }<span lang={text(&quiz.lang)}>{ text(name) }</span>{ after }</> }
        }
    }
}

/// The answer controls of `q`'s kind, filled with the saved answer or the draft; once
/// `checked`, marked right or wrong, and once `revealed`, with the right answer.
pub fn controls(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, q: &Question, checked: bool, revealed: bool) -> Html {
    match (&q.kind, attempt.shown_answer(quiz)) {
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
            // Several picks are checkboxes, one pick radio buttons: the engine's toggling rule.
            let input = if q.kind.picks_many() { "checkbox" } else { "radio" };
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
        (Kind::Dialogue(d), Answer::Path(path)) => super::dialogue::controls(ctx, quiz, attempt, q, d, path, checked),
        (Kind::Reflection, Answer::Text(text)) => {
            let dispatch = ctx.dispatch.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                    dispatch.dispatch(Action::Write(t.value()).into());
                }
            });
            html! {
                <textarea class="reflection" rows="6" maxlength={REFLECTION_MAX.to_string()} aria-labelledby={HEADING_ID} aria-describedby="tere-help"
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
            | Kind::Reflection
            | Kind::Dialogue(_),
            Answer::Choices(_) | Answer::Order(_) | Answer::Matches(_) | Answer::Text(_) | Answer::Path(_),
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
