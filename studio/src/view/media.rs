//! A question's or a dialogue step's picture or sound: the file (picked, or dropped on
//! it), shown as the learner will see or hear it, with the fields that go with its kind
//! beside it (a picture's alt text or "decorative", a sound's transcript). What is wrong
//! with the file or its fields is validation's to say, at the field, as for every field.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use tere_authoring::draft::keys;
use tere_authoring::media::{kilobytes, MediaKind, MediaProblem, Problem, MAX_BYTES};
use tere_authoring::said::MediaSaid;
use tere_authoring::{Field, Said};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::fields::{checkbox, dom_id, key, problems, remove_button, text};
use super::Ctx;
use crate::i18n::{fill, Lang, Ui};
use crate::page;
use crate::said::say;
use crate::state::Change;

/// The pickers' `accept`: every extension of every kind a course may carry.
pub fn accepted() -> String {
    MediaKind::ALL.iter().flat_map(|k| k.extensions()).map(|e| format!(".{e}")).collect::<Vec<_>>().join(",")
}

thread_local! {
    /// The `blob:` URL that shows each file (by its bytes' place in memory, shared by
    /// every draft that holds it), made once for the page's life: a render makes none.
    static URLS: RefCell<HashMap<usize, String>> = RefCell::new(HashMap::new());
}

/// A URL that shows `bytes` as `kind`.
fn url_of(bytes: &Arc<[u8]>, kind: MediaKind) -> Option<String> {
    let at = Arc::as_ptr(bytes) as *const u8 as usize;
    if let Some(url) = URLS.with_borrow(|urls| urls.get(&at).cloned()) {
        return Some(url);
    }
    let url = page::object_url(bytes, kind.mime())?;
    URLS.with_borrow_mut(|urls| urls.insert(at, url.clone()));
    Some(url)
}

/// The picture or sound of `owner` (a question's or a dialogue step's field).
pub fn media(ctx: &Ctx, owner: &Field) -> Html {
    let ui = ctx.ui;
    let field = key(owner, keys::MEDIA);
    let file_field = key(&field, keys::FILE);
    let name = ctx.studio.draft.get_str(&file_field);
    let bytes = name.as_ref().and_then(|n| ctx.studio.draft.media_files().get(n).cloned());
    let kind = bytes.as_deref().and_then(MediaKind::sniff).or_else(|| name.as_deref().and_then(|n| MediaKind::from_extension(n.rsplit('.').next()?)));
    // A problem with the whole (no alt text, say) is read with the group's name.
    let (described, at_media) = problems(ctx, &field);
    let (_, at_file) = problems(ctx, &file_field);
    let pick_id = format!("{}-pick", dom_id(&field));
    let attach = attach(ctx, owner);
    let on_pick = {
        let attach = attach.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                attach.emit(file);
            }
            input.set_value(""); // the same file may be picked again
        })
    };
    let on_drop = {
        let attach = attach.clone();
        Callback::from(move |e: DragEvent| {
            // Dropped here, a file is this question's, not a course to open.
            e.prevent_default();
            e.stop_propagation();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|list| list.get(0)) {
                attach.emit(file);
            }
        })
    };
    // The input itself is hidden from sight, not from the keyboard or a screen reader:
    // its label is the one button the trainer sees (the browser's own control would be
    // a second one, with "no file chosen" beside a file that is there).
    let picker = |label: &str| {
        html! {
            <span class="file-pick">
                <input id={pick_id.clone()} type="file" accept={accepted()} onchange={on_pick.clone()} data-action="media-pick" />
                <label class="small" for={pick_id.clone()}>{ label.to_string() }</label>
            </span>
        }
    };
    let hint = fill(ui.media_hint, &[("{limit}", &format!("{} MB", MAX_BYTES >> 20))]);
    html! {
        <fieldset class={classes!("media-field", has_problem(ctx, &field, &file_field).then_some("has-problem"))} aria-describedby={described} ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <legend>{ ui.media }</legend>
            if let Some(name) = name {
                { shown(&name, bytes.as_ref(), kind) }
                { at_file }
                { for ctx.studio.notices_at(&file_field).into_iter().map(|n| html! { <p class="field-note">{ say(ctx.lang, ui, &n.notice.said) }</p> }) }
                if kind.is_some_and(|k| !k.is_image()) {
                    { text(ctx, ui.media_transcript, &key(&field, keys::TRANSCRIPT), true) }
                } else {
                    { text(ctx, ui.media_alt, &key(&field, keys::ALT), true) }
                    { checkbox(ctx, ui.media_decorative, &key(&field, keys::DECORATIVE)) }
                }
                { at_media }
                <div class="tools">
                    { picker(ui.media_replace) }
                    { remove_button(ctx, "media-remove", true, None, format!("{} ({name})", ui.media), { let field = field.clone(); move || Change::Remove(field.clone()) }) }
                </div>
            } else {
                <div class="tools">{ picker(ui.media_add) }</div>
                <p class="field-hint">{ hint }</p>
            }
        </fieldset>
    }
}

/// Whether validation found a problem at the media or its file.
fn has_problem(ctx: &Ctx, field: &Field, file: &Field) -> bool {
    !ctx.studio.problems_at(field).is_empty() || !ctx.studio.problems_at(file).is_empty()
}

/// The file as the learner gets it (a picture, or the browser's player for a sound),
/// its name and size; a file the course does not have is its name alone (validation
/// says so at the file).
fn shown(name: &str, bytes: Option<&Arc<[u8]>>, kind: Option<MediaKind>) -> Html {
    let Some(bytes) = bytes else {
        return html! { <p class="media-file" data-media-file={name.to_string()}>{ name.to_string() }</p> };
    };
    let about = format!("{name} · {}", kilobytes(bytes.len()));
    let url = kind.and_then(|k| url_of(bytes, k));
    html! {
        <div class="media-shown">
            // The trainer's preview: the alt text is in the field beside it, so the
            // picture itself is not read out twice.
            if let (Some(url), Some(true)) = (url.clone(), kind.map(MediaKind::is_image)) {
                <img src={url} alt="" />
            } else if let Some(url) = url {
                <audio controls=true preload="metadata" src={url}></audio>
            }
            <p class="media-file" data-media-file={name.to_string()}>{ about }</p>
        </div>
    }
}

/// Reads a picked or dropped file and attaches it to `owner`; a file larger than a
/// course takes is not read, and the trainer is told why in the check's own words.
fn attach(ctx: &Ctx, owner: &Field) -> Callback<web_sys::File> {
    let (dispatch, owner, lang, ui) = (ctx.dispatch.clone(), owner.clone(), ctx.lang, ctx.ui);
    Callback::from(move |file: web_sys::File| {
        let (dispatch, owner) = (dispatch.clone(), owner.clone());
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            let why = too_large(lang, ui, &name, file.size() as usize);
            dispatch.dispatch(Change::OpenFailed(fill(ui.media_refused, &[("{why}", &why)])));
            return;
        }
        yew::platform::spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes: Arc<[u8]> = js_sys::Uint8Array::new(&buffer).to_vec().into();
                    dispatch.dispatch(Change::AttachMedia(owner, name, bytes));
                }
                Err(_) => dispatch.dispatch(Change::OpenFailed(fill(ui.open_unreadable, &[("{name}", &name)]))),
            }
        });
    })
}

/// Why the file `name` of `bytes` is refused, as validation words it.
fn too_large(lang: Lang, ui: &Ui, name: &str, bytes: usize) -> String {
    say(lang, ui, &Said::Media(MediaSaid::File(Problem { file: name.to_string(), what: MediaProblem::TooLarge { bytes } })))
}
