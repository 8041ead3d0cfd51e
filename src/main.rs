//! Tere: customer-service stage quizzes. The Yew shell over `tere-engine`.

mod app;
mod course;
mod host;
mod i18n;
mod params;
mod view;

fn main() {
    let root = mount_point();
    yew::Renderer::<app::App>::with_root(root).render();
}

/// The element the widget renders into: `#tere` when the page has one, else `<body>`.
pub fn mount_point() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    document.get_element_by_id("tere").or_else(|| document.body().map(Into::into)).expect("a page body")
}
