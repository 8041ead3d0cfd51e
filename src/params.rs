//! What the page URL asks for: `?quiz=<id>` (one quiz, no menu) and `?lang=et|fi|en`.

use crate::i18n::Lang;

pub struct Params {
    pub quiz: Option<String>,
    pub lang: Lang,
}

impl Params {
    pub fn from_page() -> Params {
        let window = web_sys::window();
        let search = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |key: &str| query.as_ref().and_then(|q| q.get(key)).filter(|v| !v.is_empty());
        let browser = window.and_then(|w| w.navigator().language());
        Params {
            quiz: get("quiz"),
            lang: choose_lang(get("lang").as_deref(), browser.as_deref()),
        }
    }
}

/// `?lang=` first, then the browser's language, then Estonian.
pub fn choose_lang(requested: Option<&str>, browser: Option<&str>) -> Lang {
    requested.and_then(Lang::parse).or_else(|| browser.and_then(Lang::parse)).unwrap_or(Lang::Et)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_browser_beats_default() {
        assert_eq!(choose_lang(Some("fi"), Some("en-US")), Lang::Fi);
        assert_eq!(choose_lang(Some("xx"), Some("en-US")), Lang::En);
        assert_eq!(choose_lang(None, Some("de-DE")), Lang::Et);
    }
}
