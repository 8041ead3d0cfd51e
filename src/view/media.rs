//! A question's or a dialogue step's picture or sound (issue 26). A picture keeps its
//! space from the start (its width and height, scaled to the column: nothing moves when
//! it arrives), loads only when its question is on screen, says its alt text (nothing
//! when decorative) and opens larger in a tab of its own; a sound plays with the
//! browser's own controls, never by itself, and its transcript opens below it.
//! A file that cannot be loaded leaves its alt text in place and tells the host once.

use std::cell::RefCell;

use tere_engine::media::{Media, Shown};
use yew::prelude::*;

use super::Ctx;
use crate::content::media_url;
use crate::host;

pub fn show(ctx: &Ctx, media: &Media) -> Html {
    let src = media_url(media);
    let failed = {
        let file = media.file.to_string();
        Callback::from(move |_: Event| tell_once(&file))
    };
    match &media.shown {
        Shown::Image { width, height, alt } => html! {
            <figure class="media">
                <img src={src.clone()} width={width.to_string()} height={height.to_string()} alt={alt.as_deref().unwrap_or_default().to_string()}
                    loading="lazy" decoding="async" onerror={failed} />
                <a class="media-open" href={src} target="_blank" rel="noopener" lang={ctx.lang.code()}>{ ctx.ui.open_larger }</a>
            </figure>
        },
        Shown::Sound { transcript } => html! {
            <figure class="media sound">
                <audio controls=true preload="none" src={src} onerror={failed}></audio>
                <details class="transcript">
                    <summary lang={ctx.lang.code()}>{ ctx.ui.transcript }</summary>
                    <p>{ transcript.to_string() }</p>
                </details>
            </figure>
        },
    }
}

thread_local! {
    /// The files already reported as missing: the host hears of each once.
    static REPORTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn tell_once(file: &str) {
    let first = REPORTED.with(|r| {
        let mut reported = r.borrow_mut();
        let first = !reported.iter().any(|f| f == file);
        if first {
            reported.push(file.to_string());
        }
        first
    });
    if first {
        host::report_error(&format!("content/media/{file} could not be loaded"));
    }
}
