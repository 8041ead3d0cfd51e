//! The Studio's root component: the state in one reducer, the draft saved as the
//! trainer types, a question before leaving with unpublished changes, opening files,
//! publishing and the preview.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use tere_authoring::Draft;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{fill, Lang, LangUi, Ui};
use crate::publish::{self, Output, PreviewError};
use crate::state::{Change, Notice, Studio};
use crate::view::{self, Ctx};
use crate::{open, page, store};

/// How long typing must pause before the draft is validated: validating the
/// whole course on every keystroke would slow typing on a tablet.
const PAUSE_MS: u32 = 200;

/// The built-in course, from the page's own data blocks.
fn builtin() -> Draft {
    open::draft_of(page::builtin_source())
}

/// `?lang=` first, then the browser's language, then Estonian.
fn ui_lang() -> Lang {
    let window = web_sys::window();
    let search = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let asked = web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|q| q.get("lang"));
    asked.as_deref().and_then(Lang::parse).or_else(|| window.and_then(|w| w.navigator().language()).as_deref().and_then(Lang::parse)).unwrap_or(Lang::Et)
}

/// The Studio once the saved pictures and sounds are read (IndexedDB answers only
/// asynchronously, within milliseconds): a draft opens with its media, never without.
#[function_component(Root)]
pub fn root() -> Html {
    let media = use_state(|| None::<Rc<BTreeMap<String, Arc<[u8]>>>>);
    {
        let media = media.clone();
        use_effect_with((), move |_| yew::platform::spawn_local(async move { media.set(Some(Rc::new(store::load_media().await))) }));
    }
    match &*media {
        Some(media) => html! { <App media={media.clone()} /> },
        None => html! { <div class="studio" aria-busy="true"></div> },
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The saved pictures and sounds, read before the Studio opens.
    pub media: Rc<BTreeMap<String, Arc<[u8]>>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = *use_memo((), |_| ui_lang());
    let ui = lang.ui();
    let saved = use_memo((), |_| store::load(props.media.as_ref().clone()));
    let times = use_mut_ref(|| saved.as_ref().as_ref().map(|s| s.times).unwrap_or_default());
    let studio = use_reducer(|| match &*saved {
        Some(saved) => {
            // Opened as it was published: nothing is unfinished.
            let published = saved.times.published_draft == Some(store::fingerprint(&saved.draft));
            let notice = match (published, saved.times.published) {
                (true, Some(at)) => Notice::RestoredPublished(at),
                _ => Notice::Restored,
            };
            let mut studio = Studio::new(saved.draft.clone(), Some(notice));
            studio.unpublished = !published;
            studio.quiz = saved.quiz.min(studio.draft.quiz_files().len().saturating_sub(1));
            studio.at_question = saved.question;
            studio
        }
        None => Studio::new(builtin(), None),
    });
    use_open_at_question(studio.at_question);
    let preview = use_state(|| None::<(String, bool)>);
    // Saved as the trainer types (each edit, undo or opened course moves the history),
    // so a closed tab loses nothing. Choosing a quiz, opening a card or searching
    // changes no draft: they save only the place to reopen at.
    use_effect_with(Rc::as_ptr(&studio.history) as usize, {
        let (studio, times) = (studio.clone(), times.clone());
        move |_| {
            let saved = store::save(&studio.draft, *times.borrow());
            *times.borrow_mut() = saved;
            let dispatch = studio.dispatcher();
            store::save_media(&studio.draft, move |kept| dispatch.dispatch(Change::MediaSaved(kept)));
        }
    });
    use_effect_with((studio.quiz, studio.at_question), |&(quiz, question)| store::save_place(quiz, question));
    // Validated once typing pauses.
    use_effect_with(studio.version, {
        let dispatch = studio.dispatcher();
        move |version: &u64| {
            let version = *version;
            let pause = Timeout::new(PAUSE_MS, move || dispatch.dispatch(Change::Validate(version)));
            move || drop(pause)
        }
    });
    use_leave_guard(studio.unpublished);

    let on_publish = {
        let (studio, times) = (studio.clone(), times.clone());
        Callback::from(move |output: Output| {
            let (name, mime) = output.file();
            match publish::make(&studio.draft, output, ui).and_then(|bytes| page::save(name, &bytes, mime)) {
                Ok(()) => {
                    let published = store::published(&studio.draft, *times.borrow());
                    *times.borrow_mut() = published;
                    studio.dispatch(Change::Published(name.to_string()))
                }
                Err(e) => studio.dispatch(Change::PublishFailed(e)),
            }
        })
    };
    // The preview's page, and `#start` when it plays one question at once.
    let on_preview = {
        let (studio, preview) = (studio.clone(), preview.clone());
        Callback::from(move |question: Option<usize>| {
            let quizzes = studio.draft.quiz_files();
            let Some((id, _)) = quizzes.get(studio.quiz) else { return };
            match publish::preview(&studio.draft, id, question) {
                Ok(html) => {
                    // A preview opened again replaces the one shown: its page is released.
                    if let Some((url, _)) = &*preview {
                        let _ = web_sys::Url::revoke_object_url(url);
                    }
                    preview.set(page::page_url(&html).map(|url| (url, question.is_some())))
                }
                Err(PreviewError::Problems(n)) => studio.dispatch(Change::PreviewBlocked(n)),
                Err(PreviewError::Failed(e)) => studio.dispatch(Change::PublishFailed(e)),
            }
        })
    };
    let close_preview = {
        let preview = preview.clone();
        Callback::from(move |_| {
            if let Some((url, _)) = &*preview {
                let _ = web_sys::Url::revoke_object_url(url);
            }
            preview.set(None);
        })
    };
    let open_files = {
        let studio = studio.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let (dispatch, current) = (studio.dispatcher(), studio.draft.clone());
            yew::platform::spawn_local(async move {
                match open::open(files, current, lang, ui).await {
                    Ok(opened) => dispatch.dispatch(Change::Open(opened.draft, Notice::Opened(opened.what))),
                    Err(e) => dispatch.dispatch(Change::OpenFailed(e)),
                }
            });
        })
    };
    let on_pick = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
            input.set_value(""); // the same file may be opened again
            open_files.emit(files);
        })
    };
    let on_drop = {
        let open_files = open_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = e.data_transfer().and_then(|d| d.files()).map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
            open_files.emit(files);
        })
    };
    let on_builtin = {
        let dispatch = studio.dispatcher();
        let ask = ui.open_builtin_confirm;
        Callback::from(move |_| {
            if view::fields::confirm(ask) {
                dispatch.dispatch(Change::Open(builtin(), Notice::OpenedBuiltin));
            }
        })
    };
    use_undo_keys(studio.dispatcher());
    let history_button = |label: &'static str, hook: &'static str, enabled: bool, change: fn() -> Change| {
        let dispatch = studio.dispatcher();
        let shortcut = if hook == "undo" { "Control+Z" } else { "Control+Shift+Z" };
        html! { <button type="button" class="secondary" data-action={hook} aria-keyshortcuts={shortcut} disabled={!enabled} onclick={Callback::from(move |_| dispatch.dispatch(change()))}>{ label }</button> }
    };
    let ctx = Ctx { studio: &studio, ui, lang, dispatch: studio.dispatcher(), preview: on_preview.clone() };
    let notice = studio.notice.as_ref().map(|n| match n {
        Notice::Opened(what) => (false, fill(ui.opened, &[("{what}", what)])),
        Notice::OpenedBuiltin => (false, ui.opened_builtin.to_string()),
        Notice::OpenFailed(why) => (true, format!("{}: {why}", ui.open_failed)),
        Notice::Published(name) => (false, fill(ui.published, &[("{name}", name)])),
        Notice::PublishFailed(why) => (true, fill(ui.publish_failed, &[("{why}", why)])),
        Notice::Restored => (false, ui.draft_restored.to_string()),
        Notice::RestoredPublished(at) => (false, fill(ui.draft_restored_published, &[("{time}", &clock(*at))])),
        Notice::Removed(what) => (false, fill(ui.removed, &[("{what}", what)])),
        Notice::PreviewBlocked(n) => (true, fill(ui.preview_blocked, &[("{n}", &n.to_string())])),
    });
    let removed = matches!(studio.notice, Some(Notice::Removed(_)));
    html! {
        <div class="studio" lang={lang.code()} ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
            <header class="studio-header">
                <h1>{ ui.studio }</h1>
                <div class="history">
                    { history_button(ui.undo, "undo", studio.history.can_undo(), || Change::Undo) }
                    { history_button(ui.redo, "redo", studio.history.can_redo(), || Change::Redo) }
                </div>
                <div class="open">
                    // One button, as the media box's picker (`view::media`): the input is hidden from sight only.
                    <span class="file-pick">
                        <input id="open-files" type="file" multiple=true accept={format!(".toml,.zip,.html,.htm,.gift,.txt,{}", view::media::accepted())} onchange={on_pick} />
                        <label class="secondary" for="open-files">{ ui.open_files }</label>
                    </span>
                    <button type="button" class="secondary" data-action="open-builtin" onclick={on_builtin}>{ ui.open_builtin }</button>
                </div>
                <p class="save-status" data-saved={times.borrow().saved.map(|_| "")}>{ save_status(ui, &times.borrow(), studio.media_saved) }</p>
                <a class="jump" href="#problems-heading">{ format!("{} ({}) · {}", ui.problems, studio.problems.len(), ui.publish) }</a>
            </header>
            <p class={classes!("notice", notice.as_ref().is_some_and(|n| n.0).then_some("error"))} role={if notice.as_ref().is_some_and(|n| n.0) { "alert" } else { "status" }} hidden={notice.is_none()}>
                { notice.map(|n| n.1).unwrap_or_default() }
                if removed {
                    { " " }{ history_button(ui.undo, "undo-removal", true, || Change::Undo) }
                }
            </p>
            <div class="layout">
                { view::course::sidebar(&ctx) }
                <main class="editor">{ view::course::quiz(&ctx) }</main>
                <aside class="side">
                    { view::publish::problems(&ctx) }
                    { view::publish::advice(&ctx) }
                    { view::publish::actions(&ctx, &on_publish) }
                </aside>
            </div>
            if let Some((url, start)) = &*preview {
                <div class="preview" role="dialog" aria-modal="false" aria-label={ui.preview}>
                    <button type="button" class="secondary" data-action="close-preview" onclick={close_preview}>{ ui.close_preview }</button>
                    <iframe title={ui.preview} src={if *start { format!("{url}#start") } else { url.clone() }}></iframe>
                </div>
            }
        </div>
    }
}

/// Ctrl+Z (⌘Z) undoes the last edit, Ctrl+Shift+Z (or Ctrl+Y) redoes it, wherever the
/// focus is: the fields are bound to the draft, so the browser's own undo of one
/// field would only be put back by the next render.
#[hook]
fn use_undo_keys(dispatch: UseReducerDispatcher<Studio>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
            EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if !(key.ctrl_key() || key.meta_key()) || key.alt_key() {
                    return;
                }
                let change = match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                    ("z", false) => Change::Undo,
                    ("z", true) | ("y", false) => Change::Redo,
                    _ => return,
                };
                e.prevent_default();
                dispatch.dispatch(change);
            })
        });
        move || drop(listener)
    });
}

/// A time of day, as the trainer's clock shows it (HH:MM).
fn clock(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// "Mustand salvestatud 12:03 · avaldatud 11:58" (or "pole veel avaldatud"), and
/// when the pictures did not fit the browser's storage, that.
fn save_status(ui: &Ui, times: &store::Times, media_saved: bool) -> String {
    let saved = times.saved.map(|at| fill(ui.saved_at, &[("{time}", &clock(at))]));
    let published = times.published.map_or_else(|| ui.not_published.to_string(), |at| fill(ui.published_at, &[("{time}", &clock(at))]));
    let media = (!media_saved).then(|| ui.media_not_saved.to_string());
    saved.into_iter().chain([published]).chain(media).collect::<Vec<_>>().join(" · ")
}

/// Opens the Studio again at the question the trainer last edited.
#[hook]
fn use_open_at_question(question: Option<usize>) {
    use_effect_with((), move |_| {
        let found = question.and_then(|n| web_sys::window()?.document()?.query_selector_all("section.question-editor").ok()?.item(n as u32));
        if let Some(editor) = found.and_then(|e| e.dyn_into::<web_sys::Element>().ok()) {
            editor.scroll_into_view();
        }
    });
}

/// While there are unpublished changes, leaving the page asks first.
#[hook]
fn use_leave_guard(unpublished: bool) {
    let flag = use_memo((), |_| Rc::new(Cell::new(false)));
    flag.set(unpublished);
    let flag = (*flag).clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(&window, "beforeunload", EventListenerOptions::enable_prevent_default(), move |e| {
                if flag.get() {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        e.set_return_value("unpublished");
                    }
                }
            })
        });
        move || drop(listener)
    });
}
