//! What the page URL asks for: `?quiz=<id>` (one quiz, no menu), `?lang=et|fi|en`,
//! `?host=scorm12|scorm2004|postmessage|standalone` (force a host) and
//! `?hostOrigin=<origin>` (where postMessage events may go) and `?theme=<css>` (a
//! stylesheet next to the widget that overrides its custom properties). The fragment
//! `#start` starts the one quiz at once (Tere Studio's one-question preview: a page
//! made as a `blob:` URL can carry a fragment, not a query).

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostChoice {
    Scorm12,
    Scorm2004,
    PostMessage,
    Standalone,
}

pub struct Params {
    pub quiz: Option<String>,
    /// The language asked for in the URL (it beats the LMS's and the browser's).
    pub lang: Option<Lang>,
    /// The browser's preferred language.
    pub browser_lang: Option<Lang>,
    pub host: Option<HostChoice>,
    /// Where the postMessage door may send (a player without that door ignores it).
    #[cfg_attr(not(feature = "page"), allow(dead_code))]
    pub host_origin: Option<String>,
    /// A relative stylesheet URL; anything with a scheme or host is refused.
    pub theme: Option<String>,
    /// Start the quiz `?quiz=` names (or the course's only quiz) without its intro.
    pub start: bool,
}

impl Params {
    pub fn from_page() -> Params {
        let window = web_sys::window();
        let search = window.as_ref().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |key: &str| query.as_ref().and_then(|q| q.get(key)).filter(|v| !v.is_empty());
        Params {
            quiz: get("quiz"),
            lang: get("lang").as_deref().and_then(Lang::parse),
            browser_lang: window.as_ref().and_then(|w| w.navigator().language()).as_deref().and_then(Lang::parse),
            host: get("host").as_deref().and_then(parse_host),
            host_origin: get("hostOrigin"),
            theme: get("theme").filter(|t| is_relative_url(t)),
            start: window.as_ref().and_then(|w| w.location().hash().ok()).is_some_and(|h| h == "#start"),
        }
    }
}

pub fn parse_host(value: &str) -> Option<HostChoice> {
    match value {
        "scorm12" => Some(HostChoice::Scorm12),
        "scorm2004" => Some(HostChoice::Scorm2004),
        "postmessage" => Some(HostChoice::PostMessage),
        "standalone" => Some(HostChoice::Standalone),
        _ => None,
    }
}

/// Only same-site relative paths (no scheme, no `//host`), so a theme cannot pull
/// in another site's resources.
pub fn is_relative_url(url: &str) -> bool {
    !url.contains(':') && !url.starts_with("//") && !url.starts_with('\\')
}

/// The UI language: `?lang=` first, then the LMS learner's preference, then the
/// language of the content on screen (so an Estonian quiz has Estonian buttons in an
/// English browser), then the browser's, then Estonian.
pub fn choose_lang(url: Option<Lang>, lms: Option<Lang>, content: Option<Lang>, browser: Option<Lang>) -> Lang {
    url.or(lms).or(content).or(browser).unwrap_or(Lang::Et)
}

/// The language preferences known at start; the content's language comes with each screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LangPrefs {
    pub url: Option<Lang>,
    pub lms: Option<Lang>,
    pub browser: Option<Lang>,
}

impl LangPrefs {
    /// The UI language for a screen whose content is in `content` (a BCP 47 tag).
    pub fn for_content(self, content: &str) -> Lang {
        choose_lang(self.url, self.lms, Lang::parse(content), self.browser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_lms_beats_content_beats_browser_beats_default() {
        use Lang::*;
        assert_eq!(choose_lang(Some(Fi), Some(En), Some(Et), Some(En)), Fi);
        assert_eq!(choose_lang(None, Some(En), Some(Fi), Some(Fi)), En);
        assert_eq!(choose_lang(None, None, Some(Et), Some(En)), Et, "an Estonian quiz in an English browser");
        assert_eq!(choose_lang(None, None, None, Some(Fi)), Fi);
        assert_eq!(choose_lang(None, None, None, None), Et);
    }

    #[test]
    fn the_ui_follows_the_content_on_screen_unless_asked_otherwise() {
        let english_browser = LangPrefs { url: None, lms: None, browser: Some(Lang::En) };
        assert_eq!(english_browser.for_content("et"), Lang::Et);
        assert_eq!(english_browser.for_content("fi"), Lang::Fi, "moving to the Finnish stage switches the buttons too");
        assert_eq!(english_browser.for_content("de"), Lang::En, "content in a language the UI lacks: the browser's");
        let asked = LangPrefs { url: None, lms: Some(Lang::En), browser: Some(Lang::Et) };
        assert_eq!(asked.for_content("fi"), Lang::En);
        assert_eq!(LangPrefs { url: Some(Lang::Fi), ..asked }.for_content("et"), Lang::Fi);
    }

    #[test]
    fn themes_must_be_relative() {
        assert!(is_relative_url("theme.css"));
        assert!(is_relative_url("../themes/dark.css"));
        assert!(!is_relative_url("https://evil.example/x.css"));
        assert!(!is_relative_url("//evil.example/x.css"));
        assert!(!is_relative_url("javascript:alert(1)"));
    }

    #[test]
    fn host_names() {
        assert_eq!(parse_host("scorm2004"), Some(HostChoice::Scorm2004));
        assert_eq!(parse_host("SCORM"), None);
    }
}
