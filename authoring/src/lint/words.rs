//! Words, written once for every rule that reads text: how a text splits into
//! words, and the per-language lists of absolutes and "all/none of the above".

/// A text's words, lower-cased; anything but letters and digits separates them.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Where `phrase` (words) stands in `text` (words) as whole consecutive words.
pub fn contains_phrase(text: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && text.windows(phrase.len()).any(|w| w == phrase)
}

/// The first entry of `list` that stands in `text` as whole words.
pub fn first_found<'a>(text: &str, list: &[&'a str]) -> Option<&'a str> {
    let text = words(text);
    list.iter().copied().find(|entry| contains_phrase(&text, &words(entry)))
}

/// Words that claim no exceptions ("always", "only", "every"…). In a false statement
/// they tell a learner it is false without understanding why.
pub fn absolutes(lang: &str) -> &'static [&'static str] {
    match lang {
        "et" => ET_ABSOLUTES,
        "fi" => FI_ABSOLUTES,
        _ => EN_ABSOLUTES,
    }
}

const ET_ABSOLUTES: &[&str] = &[
    "alati",
    "iial",
    "kunagi",
    "ainult",
    "üksnes",
    "ainuüksi",
    "vaid",
    "üldse",
    "täielikult",
    "eranditult",
    "kindlasti",
    "igal juhul",
    "iga",
    "igal",
    "igale",
    "igas",
    "igat",
    "igaüks",
    "igaühele",
    "kõik",
    "kõiki",
    "kõigi",
    "kõigile",
    "kõigil",
    "ükski",
    "mitte midagi",
    "mitte keegi",
    "ei tohi",
];

const FI_ABSOLUTES: &[&str] = &[
    "aina",
    "ikinä",
    "koskaan",
    "ainoastaan",
    "vain",
    "pelkästään",
    "yksinomaan",
    "täysin",
    "ehdottomasti",
    "varmasti",
    "kaikki",
    "kaikkia",
    "kaikille",
    "kaikkien",
    "kaikilla",
    "jokainen",
    "jokaisen",
    "jokaiselle",
    "jokaista",
    "kukaan",
    "mikään",
    "mitään",
    "ei saa",
];

const EN_ABSOLUTES: &[&str] = &[
    "always",
    "never",
    "only",
    "all",
    "none",
    "every",
    "everyone",
    "everybody",
    "everything",
    "nothing",
    "nobody",
    "no one",
    "completely",
    "entirely",
    "absolutely",
    "certainly",
];

/// "All of the above", "none of the above" and their kin, in every language the
/// widget has: an option that points at the other options (content may quote any language).
pub const ALL_OR_NONE: &[&str] = &[
    // English
    "all of the above",
    "all the above",
    "none of the above",
    "all of these",
    "none of these",
    "both of the above",
    "any of the above",
    // Estonian
    "kõik eelnevad",
    "kõik eelnev",
    "kõik eelpool",
    "kõik eespool",
    "kõik ülaltoodud",
    "kõik ülalnimetatud",
    "kõik nimetatud",
    "kõik vastused",
    "kõik variandid",
    "kõik neist",
    "mõlemad eelnevad",
    "ükski eelnevatest",
    "ükski neist",
    "mitte ükski",
    "ei ükski",
    // Finnish
    "kaikki edellä",
    "kaikki yllä",
    "kaikki edelliset",
    "kaikki mainitut",
    "kaikki vaihtoehdot",
    "kaikki näistä",
    "molemmat edellä",
    "ei mikään",
    "ei yksikään",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        assert_eq!(words("„Tere!“ Kas Te-saaksite 2x?"), ["tere", "kas", "te", "saaksite", "2x"]);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert_eq!(first_found("See kehtib alati.", ET_ABSOLUTES), Some("alati"));
        assert_eq!(first_found("Igapäevased mured", ET_ABSOLUTES), None, "`iga` is not inside `igapäevased`");
        assert_eq!(first_found("Kaikki edellä mainitut", ALL_OR_NONE), Some("kaikki edellä"));
    }
}
