//! One question: progress, text, the answer controls for its kind, and after
//! checking, the feedback. Answers are native inputs inside their labels.

use tere_engine::{Action, Answer, Attempt, Kind, Phase, Question, Quiz, Speaker};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{feedback, text, Ctx, HEADING_ID};
use crate::i18n::{fill, Ui};
use tere_engine::describe::true_false_labels;

pub fn view(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt) -> Html {
    let ui = ctx.ui;
    let q = attempt.question(quiz);
    let total = attempt.questions.len();
    let position = attempt.current + 1;
    let checked = attempt.phase == Phase::Checked;
    let progress = fill(ui.progress, position, total);
    let help = match &q.kind {
        Kind::Multiple { .. } => ui.pick_all,
        Kind::TrueFalse { .. } => ui.pick_true_false,
        Kind::Ordering { .. } => ui.order_help,
        Kind::Matching { .. } => ui.match_help,
        Kind::Reflection => ui.reflect_help,
        _ => ui.pick_one,
    };
    let action = if !checked {
        ctx.button("check", ui.check, Action::Check, attempt.can_check(quiz))
    } else if attempt.is_last() {
        ctx.button("finish", ui.finish, Action::Finish, true)
    } else {
        ctx.button("next", ui.next, Action::Next, true)
    };
    html! {
        <section class="question" data-question-id={text(&q.id)} data-question-type={q.kind.name()}>
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
                { controls(ctx, quiz, attempt, q, checked) }
            </div>
            <div class="feedback-region" aria-live="polite">
                if checked {
                    { feedback::view(ctx, quiz, attempt) }
                }
            </div>
            <div class="actions">
                { action }
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

fn controls(ctx: &Ctx, quiz: &Quiz, attempt: &Attempt, q: &Question, checked: bool) -> Html {
    let draft = attempt.answers[attempt.current].as_ref().unwrap_or(&attempt.draft);
    match (&q.kind, draft) {
        (Kind::TrueFalse { answer, .. }, Answer::Choices(picked)) => {
            let labels = true_false_labels(&quiz.lang);
            let rows = [(labels[0], *answer), (labels[1], !*answer)];
            choice_list(ctx, q, picked, checked, "radio", rows.iter().enumerate().map(|(i, (label, correct))| (i, AttrValue::Static(label), *correct, None)))
        }
        (Kind::Single { options } | Kind::Scenario { options, .. } | Kind::Multiple { options }, Answer::Choices(picked)) => {
            let input = if matches!(q.kind, Kind::Multiple { .. }) { "checkbox" } else { "radio" };
            let rows = attempt.option_order(quiz).into_iter().map(|i| {
                let o = &options[i];
                (i, text(&o.text), o.correct, Some(text(&o.feedback)))
            });
            choice_list(ctx, q, picked, checked, input, rows)
        }
        (Kind::Ordering { items }, Answer::Order(order)) => ordering(ctx, items, order, checked),
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
                                    { if right { format!("✓ {}", ctx.ui.correct) } else { format!("✗ {} · {}: {}", ctx.ui.incorrect, ctx.ui.correct_answer, pair.right) } }
                                </span>
                            </li>
                        };
                    }
                    let select_id = format!("tere-match-{i}");
                    let dispatch = ctx.dispatch.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let value = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
                        dispatch.dispatch(Action::Match { pair: i as u8, right: value.parse().ok() });
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
                    dispatch.dispatch(Action::Write(t.value()));
                }
            });
            html! {
                <textarea class="reflection" rows="6" aria-labelledby={HEADING_ID} aria-describedby="tere-help"
                    value={text.clone()} readonly={checked} {oninput} />
            }
        }
        _ => Html::default(),
    }
}

/// Radio or checkbox options; after checking, each is marked and its feedback shown.
fn choice_list(
    ctx: &Ctx,
    q: &Question,
    picked: &[u8],
    checked: bool,
    input: &'static str,
    rows: impl Iterator<Item = (usize, AttrValue, bool, Option<AttrValue>)>,
) -> Html {
    let ui = ctx.ui;
    let name = format!("tere-{}", q.id);
    html! {
        <fieldset class="choices" aria-labelledby={HEADING_ID} aria-describedby="tere-help">
        { for rows.map(|(i, text, correct, option_feedback)| {
            let is_picked = picked.contains(&(i as u8));
            let marked = checked && (is_picked || correct);
            let state = match (checked, is_picked, correct) {
                (false, _, _) => "",
                (true, true, true) => "correct",
                (true, true, false) => "incorrect",
                (true, false, true) => "missed",
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
fn ordering(ctx: &Ctx, items: &[tere_engine::Text], order: &[u8], checked: bool) -> Html {
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
        if checked {
            <div class="correct-order">
                <p>{ ui.correct_order }</p>
                <ol>{ for items.iter().map(|i| html! { <li>{ text(i) }</li> }) }</ol>
            </div>
        }
        </>
    }
}
