//! Form fields bound to a place in the draft: each has a label, its value from the
//! draft, dispatches its edit, and shows the problems validation found exactly there
//! (linked with `aria-describedby`, so a screen reader reads them with the field).

use tere_authoring::draft::is_placeholder;
use tere_authoring::{Field, Seg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::Ctx;
use crate::said::say;
use crate::state::Change;

/// A field's element id, from its file and path (stable across renders).
pub fn dom_id(field: &Field) -> String {
    let mut id = format!("f-{}", field.file.replace(|c: char| !c.is_ascii_alphanumeric(), "_"));
    for seg in &field.path {
        match seg {
            Seg::Key(k) => id.push_str(&format!("-{k}")),
            Seg::Index(i) => id.push_str(&format!("-{i}")),
        }
    }
    id
}

/// `field` with one more step.
pub fn at(field: &Field, seg: Seg) -> Field {
    let mut path = field.path.clone();
    path.push(seg);
    Field { file: field.file.clone(), path }
}

pub fn key(field: &Field, key: &str) -> Field {
    at(field, Seg::Key(key.to_string()))
}

pub fn index(field: &Field, i: usize) -> Field {
    at(field, Seg::Index(i))
}

/// The problems validation found at `field`, as a list the field points to.
pub fn problems(ctx: &Ctx, field: &Field) -> (Option<String>, Html) {
    let found = ctx.studio.problems_at(field);
    if found.is_empty() {
        return (None, Html::default());
    }
    let id = format!("{}-problem", dom_id(field));
    let html = html! {
        <ul class="field-problems" id={id.clone()}>
            { for found.iter().map(|p| html! { <li class="problem" data-problem-line={p.error.line.to_string()}>{ say(ctx.lang, ctx.ui, &p.error.said) }</li> }) }
        </ul>
    };
    (Some(id), html)
}

/// A one-line or multi-line text field.
pub fn text(ctx: &Ctx, label: &str, field: &Field, multiline: bool) -> Html {
    let id = dom_id(field);
    let value = ctx.studio.draft.get_str(field).unwrap_or_default();
    // A new question's template text is a hint, shown greyed in the empty field, not as
    // content: the trainer writes over nothing (it stays a problem until written).
    let (value, hint) = if is_placeholder(&value) { (String::new(), Some(value)) } else { (value, None) };
    let (described, problems) = problems(ctx, field);
    let oninput = {
        let (dispatch, field) = (ctx.dispatch.clone(), field.clone());
        Callback::from(move |e: InputEvent| {
            let Some(target) = e.target() else { return };
            let value = if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                t.value()
            } else if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
                i.value()
            } else {
                return;
            };
            dispatch.dispatch(Change::SetStr(field.clone(), value));
        })
    };
    let invalid = described.is_some().then_some("true");
    html! {
        <div class={classes!("field", described.is_some().then_some("has-problem"))}>
            <label for={id.clone()}>{ label.to_string() }</label>
            if multiline {
                <textarea id={id} rows="2" value={value} placeholder={hint} oninput={oninput} aria-invalid={invalid} aria-describedby={described.clone()} />
            } else {
                <input id={id} type="text" value={value} placeholder={hint} oninput={oninput} aria-invalid={invalid} aria-describedby={described.clone()} />
            }
            { problems }
        </div>
    }
}

/// A whole-number field (pass mark, draw); empty removes the key (its default applies).
pub fn number(ctx: &Ctx, label: &str, field: &Field, min: i64, max: i64, placeholder: &str) -> Html {
    let id = dom_id(field);
    let value = ctx.studio.draft.get_int(field).map(|n| n.to_string()).unwrap_or_default();
    let (described, problems) = problems(ctx, field);
    // Every keystroke reaches the draft (as in the text fields): a value still waiting
    // for `change` would be put back by the re-render that validation causes.
    let oninput = {
        let (dispatch, field) = (ctx.dispatch.clone(), field.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            match input.value().trim().parse::<i64>() {
                Ok(n) => dispatch.dispatch(Change::SetInt(field.clone(), n)),
                Err(_) if input.value().trim().is_empty() => dispatch.dispatch(Change::Remove(field.clone())),
                Err(_) => {}
            }
        })
    };
    html! {
        <div class={classes!("field", "narrow", described.is_some().then_some("has-problem"))}>
            <label for={id.clone()}>{ label.to_string() }</label>
            <input id={id} type="number" inputmode="numeric" min={min.to_string()} max={max.to_string()} placeholder={placeholder.to_string()} value={value} oninput={oninput} aria-describedby={described} />
            { problems }
        </div>
    }
}

/// A checkbox (a right option, a true statement).
pub fn checkbox(ctx: &Ctx, label: &str, field: &Field) -> Html {
    let id = dom_id(field);
    let checked = ctx.studio.draft.get_bool(field).unwrap_or(false);
    let (described, problems) = problems(ctx, field);
    let onchange = {
        let (dispatch, field) = (ctx.dispatch.clone(), field.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            // `correct = false` is what an absent key means: keep the file as a person writes it.
            if input.checked() {
                dispatch.dispatch(Change::SetBool(field.clone(), true));
            } else {
                dispatch.dispatch(Change::Remove(field.clone()));
            }
        })
    };
    html! {
        <div class="field check">
            <input id={id.clone()} type="checkbox" checked={checked} onchange={onchange} aria-describedby={described} />
            <label for={id}>{ label.to_string() }</label>
            { problems }
        </div>
    }
}

/// A choice among fixed values (a language, a section).
pub fn select(ctx: &Ctx, label: &str, field: &Field, choices: &[(String, String)]) -> Html {
    let id = dom_id(field);
    let value = ctx.studio.draft.get_str(field).unwrap_or_default();
    let (described, problems) = problems(ctx, field);
    let onchange = {
        let (dispatch, field) = (ctx.dispatch.clone(), field.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() else { return };
            dispatch.dispatch(Change::SetStr(field.clone(), select.value()));
        })
    };
    html! {
        <div class={classes!("field", described.is_some().then_some("has-problem"))}>
            <label for={id.clone()}>{ label.to_string() }</label>
            <select id={id} onchange={onchange} aria-describedby={described}>
                { for choices.iter().map(|(v, shown)| html! { <option value={v.clone()} selected={*v == value}>{ shown.clone() }</option> }) }
            </select>
            { problems }
        </div>
    }
}

/// A small button that dispatches `change` (remove, move, duplicate).
pub fn small_button(ctx: &Ctx, label: &str, hook: &'static str, enabled: bool, change: impl Fn() -> Change + 'static) -> Html {
    let dispatch = ctx.dispatch.clone();
    html! {
        <button type="button" class="small" data-action={hook} disabled={!enabled} onclick={Callback::from(move |_| dispatch.dispatch(change()))}>{ label.to_string() }</button>
    }
}

/// A small button that removes what the trainer wrote: it asks first (`asks`, when
/// there is something written to lose), then removes it with an undo offered in the
/// notice, which names it (`what`).
pub fn remove_button(ctx: &Ctx, hook: &'static str, enabled: bool, asks: Option<String>, what: String, change: impl Fn() -> Change + 'static) -> Html {
    let dispatch = ctx.dispatch.clone();
    let onclick = Callback::from(move |_| {
        if asks.as_deref().is_none_or(confirm) {
            dispatch.dispatch(Change::Discard(Box::new(change()), what.clone()));
        }
    });
    html! {
        <button type="button" class="small" data-action={hook} disabled={!enabled} onclick={onclick}>{ ctx.ui.remove }</button>
    }
}

/// The browser's own question, answered OK or Cancel.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}
