//! Tere: customer-service stage quizzes. The Yew shell over `tere-engine`.

mod app;
mod content;
mod host;
mod i18n;
mod params;
mod player;
mod state;
mod view;

fn main() {
    // Through Yew: its renderer replaces any hook set with `std::panic::set_hook`.
    yew::set_custom_panic_hook(Box::new(on_panic));
    // Lets tests prove the panic path (documented in tests/README.md).
    if self_test("panic") {
        panic!("self-test panic requested by the URL");
    }
    let root = mount_point();
    yew::Renderer::<app::App>::with_root(root).render();
}

/// Whether the URL asks for a self-test (`?tereSelfTest=<name>`), which tests use to
/// prove the crash paths.
pub fn self_test(name: &str) -> bool {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|q| q.get("tereSelfTest")).is_some_and(|v| v == name)
}

/// A crash must not leave a dead page: say so on the console, to the host, and to
/// the learner (as plain text). Answers were saved after each check, so nothing is lost.
fn on_panic(info: &std::panic::PanicHookInfo) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("Tere stopped: {message}").into());
    host::report_error(&message);
    mount_point().set_text_content(Some(
        "Vabandust, test katkes vea tõttu. Sinu vastused on salvestatud – laadi leht uuesti. · \
         Pahoittelemme, testi keskeytyi virheen vuoksi. Vastauksesi ovat tallessa – lataa sivu uudelleen. · \
         Sorry, the quiz stopped because of an error. Your answers are saved – please reload the page.",
    ));
}

/// The element the widget renders into: `#tere` when the page has one, else `<body>`.
pub fn mount_point() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    document.get_element_by_id("tere").or_else(|| document.body().map(Into::into)).expect("a page body")
}

// talc instead of the default wasm allocator (dlmalloc): about 2 KB brotli smaller.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
