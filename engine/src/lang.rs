//! The languages Tere speaks, written once: content may be in them (validated at
//! authoring time), and the player's and the Studio's UIs are in them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Et,
    Fi,
    En,
}

/// Every language's code, in the order Tere lists them (what content may use).
pub const CODES: [&str; 3] = [Lang::Et.code(), Lang::Fi.code(), Lang::En.code()];

impl Lang {
    /// From a BCP 47 tag such as `fi`, `fi-FI` or `en-GB`.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag.get(..2)?.to_ascii_lowercase().as_str() {
            "et" => Some(Lang::Et),
            "fi" => Some(Lang::Fi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Lang::Et => "et",
            Lang::Fi => "fi",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_and_regions_are_ignored() {
        for code in CODES {
            assert_eq!(Lang::parse(code).map(Lang::code), Some(code));
        }
        assert_eq!(Lang::parse("fi-FI"), Some(Lang::Fi));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse("e"), None);
    }
}
