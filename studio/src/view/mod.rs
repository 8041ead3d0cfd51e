//! The Studio's screens: plain functions from the state to HTML. Automation hooks
//! (`data-action`, `data-quiz-file`, `data-question-id`, `.problem`) are a contract:
//! tests/README.md.

pub mod course;
mod dialogue;
pub mod fields;
pub mod media;
pub mod publish;
pub mod question;

use yew::prelude::*;

use crate::i18n::{Lang, Ui};
use crate::state::Studio;

pub struct Ctx<'a> {
    pub studio: &'a Studio,
    pub ui: &'static Ui,
    /// The Studio's language (what `ui` is in), for the problems' words.
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<Studio>,
    /// Opens the preview of the selected quiz, or of its question `Some(i)` alone.
    pub preview: Callback<Option<usize>>,
}

/// Focuses the element `id` once the next render has put it on the page.
pub fn focus_after_render(id: String) {
    let Some(window) = web_sys::window() else { return };
    let focus = wasm_bindgen::closure::Closure::once_into_js(move || {
        let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(element) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = element.focus();
        }
    });
    let _ = window.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&focus));
}
