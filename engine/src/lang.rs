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

    /// `n` with the form of a counted phrase that the number takes in this language:
    /// `forms` is the phrase for one and for any other number, `{n}` the number
    /// ("1 küsimus", "2 küsimust"; "1 kysymys", "5 kysymystä"; "0 questions").
    pub fn count(self, n: usize, forms: &Counted) -> String {
        let form = match self {
            // Estonian and Finnish: the nominative singular after 1 (not after 21), the
            // partitive singular after any other number; English: the plural but for 1.
            Lang::Et | Lang::Fi | Lang::En => usize::from(n != 1),
        };
        forms[form].replace("{n}", &n.to_string())
    }
}

/// A UI phrase that names a count, in the two forms `Lang::count` picks from: for one,
/// and for any other number (`{n}` is the number).
pub type Counted = [&'static str; 2];

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

    #[test]
    fn a_count_takes_the_form_its_number_needs() {
        let forms = |lang: Lang, counted: &Counted| [0, 1, 2, 5, 21].map(|n| lang.count(n, counted));
        assert_eq!(forms(Lang::Et, &["{n} küsimus", "{n} küsimust"]), ["0 küsimust", "1 küsimus", "2 küsimust", "5 küsimust", "21 küsimust"]);
        assert_eq!(forms(Lang::Fi, &["{n} kysymys", "{n} kysymystä"]), ["0 kysymystä", "1 kysymys", "2 kysymystä", "5 kysymystä", "21 kysymystä"]);
        assert_eq!(forms(Lang::En, &["{n} question", "{n} questions"]), ["0 questions", "1 question", "2 questions", "5 questions", "21 questions"]);
    }
}
