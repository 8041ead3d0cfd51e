//! Tere Studio: a trainer edits a course and publishes its packages in the browser,
//! offline, with nothing installed. A thin Yew shell over `tere-authoring` (the
//! build's own validation, editing the TOML source) and `tere-publish` (the packages).

mod app;
mod i18n;
mod media_store;
mod open;
mod page;
mod publish;
mod said;
mod state;
mod store;
mod view;

fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("studio")).expect("the page has #studio");
    yew::Renderer::<app::Root>::with_root(root).render();
}
