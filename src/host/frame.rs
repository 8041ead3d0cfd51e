//! Moodle's SCORM player shows the SCO in a same-origin iframe whose height it fixes
//! from the window (666 px on most screens), so the learner would scroll inside the
//! frame and find "Check" hidden below its edge. From the same origin a SCO may size
//! its own frame to its content: the LMS page then scrolls instead of the frame.

use wasm_bindgen::JsCast;

fn frame() -> Option<web_sys::HtmlElement> {
    // Cross-origin parents answer `null`: nothing to size then. The frame element
    // belongs to the parent's realm, where `instanceof` this realm's HTMLElement is
    // false: hence the unchecked cast (it is an iframe, so an HTML element).
    Some(web_sys::window()?.frame_element().ok().flatten()?.unchecked_into())
}

/// Whether the widget sits in a frame it may size.
pub fn fits_frame() -> bool {
    frame().is_some()
}

/// Sets the frame's height to the content's. Applied on every change and every
/// resize, because the LMS page may set its own height again at any time.
pub fn fit_frame(height: u32) {
    if let Some(frame) = frame() {
        let _ = frame.style().set_property("height", &format!("{height}px"));
    }
}
