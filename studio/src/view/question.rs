//! One question's editor: the fields its type has, each bound to the draft.

use std::ops::RangeInclusive;

use tere_authoring::draft::SpeakerChoice;
use tere_authoring::draft::{is_placeholder, keys};
use tere_authoring::kinds::QuestionType;
use tere_authoring::{Field, Seg};
use tere_engine::model::{MAX_CHOICES, MAX_HINTS};
use yew::prelude::*;

use super::fields::{checkbox, index, key, remove_button, small_button, text};
use super::Ctx;
use crate::i18n::{fill, start_of};
use crate::i18n::{Ui, TYPES};
use crate::state::Change;

/// Question `i` of the quiz file `file` (of `count`) as a one-line card: its number,
/// type, the start of its text and how many problems it has. A click opens it as its
/// editor (one at a time), so a quiz of twenty questions fits on one screen.
pub fn card(ctx: &Ctx, file: &str, i: usize, count: usize) -> Html {
    let ui = ctx.ui;
    let q = index(&Field { file: file.to_string(), path: vec![Seg::Key(keys::QUESTION.into())] }, i);
    let kind = ctx.studio.draft.get_str(&key(&q, keys::TYPE)).unwrap_or_default();
    let id = ctx.studio.draft.get_str(&key(&q, keys::ID)).unwrap_or_default();
    let type_name = TYPES.iter().position(|t| *t == kind).map_or(kind.as_str(), |n| ui.type_names[n]);
    let question_text = ctx.studio.draft.get_str(&key(&q, keys::TEXT)).unwrap_or_default();
    let shown_text = if is_placeholder(&question_text) { String::new() } else { start_of(&question_text, 90) };
    let problems = ctx.studio.problems_in_question(file, i);
    let open = ctx.studio.at_question == Some(i);
    let toggle = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Change::OpenQuestion((!open).then_some(i))))
    };
    let body = format!("q-{}-{i}-body", file.replace('.', "_"));
    html! {
        <section class={classes!("question-editor", open.then_some("open"))} data-question-id={id.clone()} aria-labelledby={format!("q-{file}-{i}")}>
            <h3 id={format!("q-{file}-{i}")}>
                <button type="button" class="card-head" data-action="question-open" aria-expanded={if open { "true" } else { "false" }} aria-controls={body.clone()} onclick={toggle}>
                    <span class="number">{ format!("{} {}", ui.question, i + 1) }</span>
                    <span class="type">{ type_name.to_string() }</span>
                    <span class="start">{ shown_text }</span>
                    if problems > 0 { <span class="badge" aria-label={format!("{} ({problems})", ui.problems)}>{ problems }</span> }
                </button>
            </h3>
            if open { <div id={body}>{ editor(ctx, &q, i, count, &kind, &id, &question_text) }</div> }
        </section>
    }
}

/// The open question's editor: its tools, then the fields its type has.
fn editor(ctx: &Ctx, q: &Field, i: usize, count: usize, kind: &str, id: &str, question_text: &str) -> Html {
    let ui = ctx.ui;
    let file = q.file.clone();
    let questions = Field { file: file.clone(), path: vec![Seg::Key(keys::QUESTION.into())] };
    let (f1, f2, f3, f4) = (file.clone(), file.clone(), questions.clone(), questions.clone());
    let preview = ctx.preview.reform(move |_| Some(i));
    html! {
        <>
            <div class="tools">
                <span class="question-id">{ id.to_string() }</span>
                { small_button(ctx, ui.move_up, "question-up", i > 0, move || Change::Move(f3.clone(), i, i - 1)) }
                { small_button(ctx, ui.move_down, "question-down", i + 1 < count, move || Change::Move(f4.clone(), i, i + 1)) }
                { small_button(ctx, ui.duplicate, "question-duplicate", true, move || Change::DuplicateQuestion { file: f1.clone(), index: i }) }
                <button type="button" class="small" data-action="question-preview" onclick={preview}>{ ui.preview_question }</button>
                { remove_button(ctx, "question-remove", count > 1, Some(fill(ui.remove_question_confirm, &[("{n}", &(i + 1).to_string()), ("{text}", &start_of(question_text, 60))])), format!("{} {}", ui.question, i + 1), { let q = q.clone(); move || Change::Remove(q.clone()) }) }
            </div>
            { type_choice(ctx, q, kind) }
            { text(ctx, ui.question_text, &key(q, keys::TEXT), true) }
            { super::media::media(ctx, q) }
            { body(ctx, q, kind) }
            { text(ctx, ui.explanation, &key(q, keys::EXPLANATION), true) }
            { list(ctx, q, keys::HINT, (ui.hints, ui.hint, ui.add_hint), 0..=MAX_HINTS) }
            { section(ctx, q) }
            <div class="tools">{ super::course::add_question(ctx, &f2, i + 1, ui.add_question_after, "question-add-after") }</div>
        </>
    }
}

/// The question's type, to change in place. What the new type has too stays (the
/// options, between single, multiple and scenario); when the change would remove
/// something the trainer wrote, they are asked first, and a "no" puts the choice back.
fn type_choice(ctx: &Ctx, q: &Field, kind: &str) -> Html {
    let ui = ctx.ui;
    let field = key(q, keys::TYPE);
    let id = super::fields::dom_id(&field);
    // A problem with the type (an unknown one, a field it lacks) shows under the choice.
    let (described, problems) = super::fields::problems(ctx, &field);
    let loses = QuestionType::ALL.map(|t| ctx.studio.draft.type_change_loses(q, t));
    let onchange = {
        let (dispatch, q, now, ask) = (ctx.dispatch.clone(), q.clone(), kind.to_string(), ui.change_type_confirm);
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let Some(n) = QuestionType::ALL.iter().position(|t| t.name() == select.value()) else { return };
            let confirmed = || web_sys::window().and_then(|w| w.confirm_with_message(ask).ok()).unwrap_or(false);
            if !loses[n] || confirmed() {
                dispatch.dispatch(Change::Retype(q.clone(), QuestionType::ALL[n]));
            } else {
                select.set_value(&now);
            }
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ ui.question_type }</label>
            <select id={id} onchange={onchange} aria-describedby={described}>
                { type_options(ui, kind) }
            </select>
            { problems }
        </div>
    }
}

/// Every question type as a select's options, by their names in the UI language;
/// `selected` (a type's TOML name) is the chosen one, if any.
pub fn type_options(ui: &Ui, selected: &str) -> Html {
    html! { <>{ for TYPES.iter().enumerate().map(|(n, t)| html! { <option value={*t} selected={*t == selected}>{ ui.type_names[n] }</option> }) }</> }
}

/// The fields of the question's own kind.
fn body(ctx: &Ctx, q: &Field, kind: &str) -> Html {
    let ui = ctx.ui;
    match QuestionType::from_name(kind) {
        Some(QuestionType::Single | QuestionType::Multiple) => options(ctx, q),
        Some(QuestionType::Scenario) => {
            let line = if ctx.studio.draft.get_str(&key(q, keys::CUSTOMER)).is_some() { keys::CUSTOMER } else { keys::LINE };
            html! { <>{ speaker(ctx, q) }{ text(ctx, ui.customer_line, &key(q, line), true) }{ options(ctx, q) }</> }
        }
        Some(QuestionType::TrueFalse) => html! {
            <>
                { checkbox(ctx, ui.statement_is_true, &key(q, keys::ANSWER)) }
                { text(ctx, ui.feedback_true, &key(q, keys::FEEDBACK_TRUE), true) }
                { text(ctx, ui.feedback_false, &key(q, keys::FEEDBACK_FALSE), true) }
            </>
        },
        Some(QuestionType::Ordering) => list(ctx, q, keys::ITEMS, (ui.items_in_order, ui.item, ui.add_item), 2..=MAX_CHOICES),
        Some(QuestionType::Matching) => pairs(ctx, q),
        // A reflection has no answer to set.
        Some(QuestionType::Reflection) => Html::default(),
        Some(QuestionType::Dialogue) => super::dialogue::editor(ctx, q),
        // An unknown type: validation shows it as a problem at its `type`.
        None => Html::default(),
    }
}

fn options(ctx: &Ctx, q: &Field) -> Html {
    let ui = ctx.ui;
    let list = key(q, keys::OPTION);
    let n = ctx.studio.draft.len(&list);
    // Which options are right (none, or not exactly one) is a problem of the list, shown beside its boxes.
    let (described, problems) = super::fields::problems(ctx, &list);
    html! {
        <fieldset class={classes!("options", described.is_some().then_some("has-problem"))} aria-describedby={described.clone()}>
            <legend>{ ui.options }</legend>
            { problems }
            <ol>
                { for (0..n).map(|i| {
                    let o = index(&list, i);
                    let l1 = list.clone();
                    html! {
                        <li class="option-editor">
                            { text(ctx, &format!("{} {}", ui.option, i + 1), &key(&o, keys::TEXT), true) }
                            { checkbox(ctx, ui.right_answer, &key(&o, keys::CORRECT)) }
                            { text(ctx, ui.feedback, &key(&o, keys::FEEDBACK), true) }
                            <div class="tools">
                                { small_button(ctx, ui.move_up, "option-up", i > 0, move || Change::Move(l1.clone(), i, i - 1)) }
                                { remove_part(ctx, "option-remove", n > 2, &key(&o, keys::TEXT), &o) }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            { small_button(ctx, ui.add_option, "option-add", n < MAX_CHOICES, move || Change::Append(list.clone())) }
        </fieldset>
    }
}

/// Removes a part of a question (`gone`: an option, an item, a pair, a hint), named by
/// the text at `named`; asks first when that text was written.
pub fn remove_part(ctx: &Ctx, hook: &'static str, enabled: bool, named: &Field, gone: &Field) -> Html {
    let written = ctx.studio.draft.get_str(named).unwrap_or_default();
    let asks = (!written.trim().is_empty()).then(|| fill(ctx.ui.remove_part_confirm, &[("{text}", &start_of(&written, 60))]));
    let what = if written.trim().is_empty() { ctx.ui.remove.to_lowercase() } else { format!("„{}“", start_of(&written, 40)) };
    let gone = gone.clone();
    remove_button(ctx, hook, enabled, asks, what, move || Change::Remove(gone.clone()))
}

/// A list of texts (hints, items) of `bounds.start()` to `bounds.end()` entries.
fn list(ctx: &Ctx, q: &Field, name: &str, (legend, each, add): (&str, &str, &str), bounds: RangeInclusive<usize>) -> Html {
    let ui = ctx.ui;
    let list = key(q, name);
    let n = ctx.studio.draft.len(&list);
    html! {
        <fieldset class="items">
            <legend>{ legend.to_string() }</legend>
            <ol>
                { for (0..n).map(|i| {
                    let l = list.clone();
                    html! {
                        <li>
                            { text(ctx, &format!("{each} {}", i + 1), &index(&list, i), true) }
                            <div class="tools">
                                { small_button(ctx, ui.move_up, "item-up", i > 0, { let l = l.clone(); move || Change::Move(l.clone(), i, i - 1) }) }
                                // Removing the last hint removes the key: an empty `hint = []` is refused.
                                { remove_part(ctx, "item-remove", n > *bounds.start(), &index(&l, i), &if n == 1 { l.clone() } else { index(&l, i) }) }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            { small_button(ctx, add, "item-add", n < *bounds.end(), move || Change::Append(list.clone())) }
        </fieldset>
    }
}

fn pairs(ctx: &Ctx, q: &Field) -> Html {
    let ui = ctx.ui;
    let list = key(q, keys::PAIR);
    let n = ctx.studio.draft.len(&list);
    html! {
        <fieldset class="pairs">
            <legend>{ ui.add_pair.to_string() }</legend>
            <ol>
                { for (0..n).map(|i| {
                    let p = index(&list, i);
                    html! {
                        <li class="pair-editor">
                            { text(ctx, ui.pair_left, &key(&p, keys::LEFT), false) }
                            { text(ctx, ui.pair_right, &key(&p, keys::RIGHT), false) }
                            <div class="tools">{ remove_part(ctx, "pair-remove", n > 2, &key(&p, keys::LEFT), &p) }</div>
                        </li>
                    }
                }) }
            </ol>
            { small_button(ctx, ui.add_pair, "pair-add", n < MAX_CHOICES, move || Change::Append(list.clone())) }
        </fieldset>
    }
}

/// Which section of the material the question teaches (sections.toml): choosing one
/// sets the question's `source` seed and heading together.
fn section(ctx: &Ctx, q: &Field) -> Html {
    let sections = ctx.studio.draft.sections();
    let source = key(q, keys::SOURCE);
    let field = key(&source, keys::SECTION);
    let id = super::fields::dom_id(&field);
    let now = (ctx.studio.draft.get_str(&key(&source, keys::SEED)).unwrap_or_default(), ctx.studio.draft.get_str(&field).unwrap_or_default());
    let (described, problems) = super::fields::problems(ctx, &field);
    let onchange = {
        let (dispatch, q, sections) = (ctx.dispatch.clone(), q.clone(), sections.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let Some((seed, heading)) = select.value().parse::<usize>().ok().and_then(|i| sections.get(i).cloned()) else { return };
            dispatch.dispatch(Change::Cite { question: q.clone(), seed, heading });
        })
    };
    let known = sections.contains(&now);
    // Grouped by the material each comes from; first the sections this quiz's questions cite.
    let questions = Field { file: q.file.clone(), path: vec![Seg::Key(keys::QUESTION.into())] };
    let cited: Vec<(String, String)> = (0..ctx.studio.draft.len(&questions))
        .filter_map(|i| {
            let source = key(&index(&questions, i), keys::SOURCE);
            Some((ctx.studio.draft.get_str(&key(&source, keys::SEED))?, ctx.studio.draft.get_str(&key(&source, keys::SECTION))?))
        })
        .collect();
    let mut seeds: Vec<&String> = Vec::new();
    for (seed, _) in &sections {
        if !seeds.contains(&seed) {
            seeds.push(seed);
        }
    }
    let option = |i: usize, s: &(String, String)| html! { <option value={i.to_string()} selected={*s == now}>{ s.1.clone() }</option> };
    // A question not written yet cites the quiz's most cited section: a suggestion, said so.
    let suggested = ctx.studio.draft.get_str(&key(q, keys::TEXT)).is_some_and(|t| is_placeholder(&t)).then(|| format!("{id}-suggested"));
    let has_problem = described.is_some();
    let described = [described, suggested.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    html! {
        <div class={classes!("field", has_problem.then_some("has-problem"))}>
            <label for={id.clone()}>{ ctx.ui.source_section }</label>
            if let Some(note) = &suggested { <p class="suggestion" id={note.clone()}>{ ctx.ui.section_suggested }</p> }
            <select id={id} onchange={onchange} aria-describedby={(!described.is_empty()).then_some(described)}>
                if !known { <option value="" selected=true>{ now.1.clone() }</option> }
                <optgroup label={ctx.ui.quiz_sections}>
                    { for sections.iter().enumerate().filter(|(_, s)| cited.contains(s)).map(|(i, s)| option(i, s)) }
                </optgroup>
                { for seeds.iter().map(|seed| html! {
                    <optgroup label={(*seed).clone()}>
                        { for sections.iter().enumerate().filter(|(_, s)| s.0 == **seed && !cited.contains(s)).map(|(i, s)| option(i, s)) }
                    </optgroup>
                }) }
            </select>
            { problems }
        </div>
    }
}

/// Who says a scenario's line: the customer, a colleague, or someone named.
fn speaker(ctx: &Ctx, q: &Field) -> Html {
    let ui = ctx.ui;
    let now = ctx.studio.draft.speaker(q);
    let field = key(q, keys::SPEAKER);
    let id = super::fields::dom_id(&field);
    // A problem with the speaker as a whole (an empty name) shows under the choice.
    let (described, problems) = super::fields::problems(ctx, &field);
    let onchange = {
        let (dispatch, q, name) = (ctx.dispatch.clone(), q.clone(), ui.speaker_named_default.to_string());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            let choice = match select.value().as_str() {
                "colleague" => SpeakerChoice::Colleague,
                "named" => SpeakerChoice::Named(name.clone()),
                _ => SpeakerChoice::Customer,
            };
            dispatch.dispatch(Change::Speaker(q.clone(), choice));
        })
    };
    let value = match now {
        SpeakerChoice::Customer => "customer",
        SpeakerChoice::Colleague => "colleague",
        SpeakerChoice::Named(_) => "named",
    };
    html! {
        <>
            <div class="field">
                <label for={id.clone()}>{ ui.speaker }</label>
                <select id={id} onchange={onchange} aria-describedby={described}>
                    <option value="customer" selected={value == "customer"}>{ ui.speaker_customer }</option>
                    <option value="colleague" selected={value == "colleague"}>{ ui.speaker_colleague }</option>
                    <option value="named" selected={value == "named"}>{ ui.speaker_named }</option>
                </select>
                { problems }
            </div>
            if value == "named" { { text(ctx, ui.speaker_name, &key(&key(q, keys::SPEAKER), "name"), false) } }
        </>
    }
}
