//! Rendering: plain functions from the session to HTML. Automation hooks
//! (`data-action`, `data-quiz-id`, `data-result-*`) are a contract: tests/README.md.

mod dialogue;
mod feedback;
mod intro;
mod kinds;
mod media;
mod menu;
mod question;
mod summary;

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use tere_engine::{Action, Phase, Screen, Session, Text};
use yew::prelude::*;

use crate::i18n::{fill, Lang, Ui};
use crate::state::{Config, Model};

/// The id of the heading that receives focus when the screen changes.
pub const HEADING_ID: &str = "tere-heading";

pub struct Ctx<'a> {
    pub session: &'a Session,
    /// The UI language of this screen (`LangPrefs::for_content`), and its strings.
    pub lang: Lang,
    pub ui: &'static Ui,
    pub config: &'a Config,
    pub dispatch: UseReducerDispatcher<Model>,
    /// A CSS selector to focus after the next render (see `focus_pending`).
    pub focus_next: Rc<RefCell<Option<String>>>,
}

impl Ctx<'_> {
    /// An event handler (click, change, …) that dispatches `action`.
    pub fn on<E: 'static>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action.clone().into()))
    }

    /// A click handler that dispatches `action`, then focuses `selector` once rendered.
    pub fn on_then_focus(&self, action: Action, selector: String) -> Callback<MouseEvent> {
        let (dispatch, focus_next) = (self.dispatch.clone(), self.focus_next.clone());
        Callback::from(move |_| {
            *focus_next.borrow_mut() = Some(selector.clone());
            dispatch.dispatch(action.clone().into())
        })
    }

    /// A primary button with its automation hook.
    pub fn button(&self, hook: &'static str, label: &str, action: Action, enabled: bool) -> Html {
        html! {
            <button type="button" class="primary" data-action={hook} disabled={!enabled} onclick={self.on(action)}>{ label.to_string() }</button>
        }
    }

    pub fn menu_button(&self) -> Html {
        if self.config.single_quiz {
            return Html::default();
        }
        html! { <button type="button" class="secondary" data-action="menu" onclick={self.on(Action::ShowMenu)}>{ self.ui.menu }</button> }
    }
}

pub fn screen(ctx: &Ctx) -> Html {
    let Screen::Quiz(i) = ctx.session.screen else {
        return menu::view(ctx);
    };
    let quiz_data = &ctx.session.course.quizzes[i];
    // A practice round stands in front of the summary it came from.
    if let Some(p) = ctx.session.practice() {
        return match p.phase {
            Phase::Finished => summary::practice_end(ctx, quiz_data, p),
            _ => question::view(ctx, quiz_data, p, true),
        };
    }
    match &ctx.session.quizzes[i].attempt {
        None => intro::view(ctx, quiz_data),
        Some(a) if a.phase == Phase::Finished => summary::view(ctx, quiz_data, a),
        Some(a) => question::view(ctx, quiz_data, a, false),
    }
}

/// A fresh attempt seed: randomness stays in the shell so the reducer is pure.
pub fn new_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

pub fn focus_heading() {
    focus(&format!("#{HEADING_ID}"), true);
}

/// Scrolls the question's primary action (after a check: try again, next or finish)
/// into view, the least distance that shows it, smoothly unless the learner asked
/// for less motion. On a phone the hint and the feedback push it below the fold.
/// It moves no focus.
pub fn reveal_action() {
    let Some(window) = web_sys::window() else { return };
    let Some(action) = window.document().and_then(|d| d.query_selector(".question .actions .primary").ok().flatten()) else { return };
    let still = window.match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(if still { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    action.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses what a handler asked for, once the DOM shows the new state, without
/// scrolling: what follows a check is brought into view in the next frame
/// (`reveal_action`), the feedback above the action it shows.
pub fn focus_pending(pending: &RefCell<Option<String>>) {
    if let Some(selector) = pending.borrow_mut().take() {
        focus(&selector, false);
    }
}

/// Focuses the element `selector` finds; `scroll`: scrolls it into view too, which
/// needs the layout, forced then in the task that changed the DOM (a frame early).
fn focus(selector: &str, scroll: bool) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(!scroll);
        let _ = e.focus_with_options(&options);
    }
}

/// A content text for the DOM without a copy: built-in texts borrow from the packed
/// course, which lives as long as the page.
pub fn text(t: &Text) -> AttrValue {
    match t {
        Cow::Borrowed(s) => AttrValue::Static(s),
        Cow::Owned(s) => AttrValue::from(s.clone()),
    }
}

/// A ✓ / ✗ / ◐ sign with its words, so colour is never the only signal. The verdict is
/// on the answer itself (`Attempt::answer_credit_at`); when extra tries or hints cut its
/// points, a line under it says what `counted` (`Attempt::credit_at`), so a right answer
/// on a second try reads "correct" and says what it earned.
pub fn verdict(ui: &Ui, answer_credit: Option<f64>, counted: Option<f64>) -> Html {
    let (class, sign, words) = match answer_credit {
        None => ("verdict saved", "✎", ui.saved),
        Some(c) if tere_engine::score::is_full_credit(c) => ("verdict correct", "✓", ui.correct),
        Some(c) if c > 0.0 => ("verdict partial", "◐", ui.partly_correct),
        Some(_) => ("verdict incorrect", "✗", ui.incorrect),
    };
    let cut = counted.filter(|&c| answer_credit.is_some_and(|a| c < a));
    html! {
        <>
            <p class={class}><span class="sign" aria-hidden="true">{ sign }</span>{ " " }{ words }</p>
            if let Some(c) = cut {
                <p class="counted">{ fill(ui.counted, usize::from(tere_engine::score::percent(c, 1)), 0) }</p>
            }
        </>
    }
}
