//! Words, written once for every rule that reads text: how a text splits into
//! words, when two words are one (inflected forms), and the per-language lists of
//! absolutes, justification clauses and "all/none of the above".

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

/// Every entry of `list` that stands in `text` as whole words, but not one that only
/// stands inside a longer entry found ("kunagi" within "mitte kunagi").
pub fn all_found<'a>(text: &str, list: &[&'a str]) -> Vec<&'a str> {
    let text = words(text);
    let found: Vec<&str> = list.iter().copied().filter(|entry| contains_phrase(&text, &words(entry))).collect();
    found.iter().copied().filter(|e| !found.iter().any(|f| f != e && contains_phrase(&words(f), &words(e)))).collect()
}

/// Shorter words (ja, on, ei, see, and…) are too common to point at anything.
pub const MIN_LETTERS: usize = 4;
/// How many first letters must agree: "klient" and "kliendile" are one word here.
const STEM: usize = 5;

/// Whether two words (lower-cased) are one: both of `MIN_LETTERS` or more, with the
/// same first `STEM` letters (or all of the shorter one's, when it has fewer).
pub fn same_word(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let n = STEM.min(la).min(lb);
    la >= MIN_LETTERS && lb >= MIN_LETTERS && a.chars().take(n).eq(b.chars().take(n))
}

/// A text's content words: its words of `MIN_LETTERS` letters or more, each once
/// (inflected forms of one word count once).
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        if w.chars().count() >= MIN_LETTERS && !out.iter().any(|o| same_word(o, &w)) {
            out.push(w);
        }
    }
    out
}

/// Whether `word` stands among `text`'s words (as `same_word`).
pub fn holds_word(text: &[String], word: &str) -> bool {
    text.iter().any(|t| same_word(t, word))
}

/// Whether `text` (words) names `option`: holds more than half of the option's
/// content words, and at least two of them. Word order and endings may differ, so
/// this finds an option told in other words ("lõplikku vastust või kõnet kell 14?").
pub fn names(text: &[String], option: &str) -> bool {
    let option = content_words(option);
    let held = option.iter().filter(|w| holds_word(text, w)).count();
    held >= 2 && held * 2 > option.len()
}

/// A text's words and its commas, lower-cased: what the justification clauses are
/// matched in (", et" is a clause, "et" alone may not be).
fn words_and_commas(text: &str) -> Vec<String> {
    text.replace(',', " , ").split(|c: char| !c.is_alphanumeric() && c != ',').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The first entry of `justifications(lang)` that stands in `text`.
pub fn first_justification(text: &str, lang: &str) -> Option<&'static str> {
    let text = words_and_commas(text);
    justifications(lang).iter().copied().find(|entry| contains_phrase(&text, &words_and_commas(entry)))
}

/// Words that open a justification clause ("…, et mitte pealetükkiv olla", "sest…",
/// "…, jotta jono lyhenee"), or argue ("– klient kuuleb ju sõnu"). A reason attached
/// to wrong options more often than to right ones makes the argued-for option the
/// one to avoid. An entry that starts with a comma needs the comma in the text.
fn justifications(lang: &str) -> &'static [&'static str] {
    match lang {
        "et" => ET_JUSTIFICATIONS,
        "fi" => FI_JUSTIFICATIONS,
        _ => EN_JUSTIFICATIONS,
    }
}

const ET_JUSTIFICATIONS: &[&str] = &[", et", "sest", "kuna", "kuivõrd", "seetõttu", "sellepärast", "nii et", "muidu", "ju", "nagunii", "niikuinii", "igatahes"];

const FI_JUSTIFICATIONS: &[&str] = &["jotta", "koska", "sillä", ", että", "siksi", "sen vuoksi", "joten", "niin että", "muutenkin", "kuitenkin", "kumminkin"];

const EN_JUSTIFICATIONS: &[&str] = &["because", "since", "so that", "in order to", ", so", "as it", "as they", "otherwise", "anyway", "after all"];

/// Words that claim no exceptions: `emphatic` ones say how often, how surely or how
/// exclusively ("always", "never", "only", "definitely"), `sweeping` ones claim all
/// or none ("every", "all", "nobody", "must not"). In a false statement either kind
/// tells a learner it is false without understanding why. In an option the sweeping
/// ones are often plain description ("the loaves are all on that shelf"), so only the
/// emphatic ones count there.
pub struct Absolutes {
    pub emphatic: &'static [&'static str],
    pub sweeping: &'static [&'static str],
}

impl Absolutes {
    /// The first absolute of either kind in `text`.
    pub fn first_in(&self, text: &str) -> Option<&'static str> {
        first_found(text, self.emphatic).or_else(|| first_found(text, self.sweeping))
    }
}

pub fn absolutes(lang: &str) -> Absolutes {
    match lang {
        "et" => Absolutes { emphatic: ET_EMPHATIC, sweeping: ET_SWEEPING },
        "fi" => Absolutes { emphatic: FI_EMPHATIC, sweeping: FI_SWEEPING },
        _ => Absolutes { emphatic: EN_EMPHATIC, sweeping: EN_SWEEPING },
    }
}

const ET_EMPHATIC: &[&str] = &[
    "alati",
    "iial",
    "mitte kunagi",
    "kunagi",
    "ainult",
    "üksnes",
    "ainuüksi",
    "vaid",
    "üldse",
    "täielikult",
    "eranditult",
    "kindlasti",
    "kindlalt",
    "mitte mingil juhul",
    "igal juhul",
];

const ET_SWEEPING: &[&str] = &[
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

const FI_EMPHATIC: &[&str] = &[
    "aina",
    "ikinä",
    "ei koskaan",
    "koskaan",
    "ainoastaan",
    "vain",
    "pelkästään",
    "yksinomaan",
    "täysin",
    "ehdottomasti",
    "varmasti",
    "ilman muuta",
    "missään tapauksessa",
];

const FI_SWEEPING: &[&str] =
    &["kaikki", "kaikkia", "kaikille", "kaikkien", "kaikilla", "jokainen", "jokaisen", "jokaiselle", "jokaista", "kukaan", "mikään", "mitään", "ei saa"];

const EN_EMPHATIC: &[&str] =
    &["always", "never", "only", "completely", "entirely", "absolutely", "certainly", "definitely", "surely", "no matter what", "under no circumstances"];

const EN_SWEEPING: &[&str] = &["all", "none", "every", "everyone", "everybody", "everything", "nothing", "nobody", "no one"];

/// The word that offers a choice in a question ("…: sinu või veekeetja peale?",
/// "…, vai…?", "…, or…?"). A hint that asks one sets two answers against each other,
/// and the learner picks the one the hint favours.
fn either_or(lang: &str) -> &'static [&'static str] {
    match lang {
        "et" => &["või"],
        "fi" => &["vai", "tai"],
        _ => &["or"],
    }
}

/// The first question of `text` (a sentence ending in "?") that offers a choice, in
/// the quiz's language.
pub fn either_or_question<'a>(text: &'a str, lang: &str) -> Option<&'a str> {
    // A question is what follows the last sentence end (". ", "! ") before its "?".
    let last_sentence = |s: &'a str| s.rsplit(". ").next().unwrap_or(s).rsplit("! ").next().unwrap_or(s).trim();
    let questions = text.split_inclusive('?').filter(|s| s.ends_with('?'));
    questions.map(last_sentence).find(|q| either_or(lang).iter().any(|w| contains_phrase(&words(q), &words(w))))
}

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
        assert_eq!(absolutes("et").first_in("See kehtib alati."), Some("alati"));
        assert_eq!(absolutes("et").first_in("Igapäevased mured"), None, "`iga` is not inside `igapäevased`");
        assert_eq!(absolutes("et").first_in("Kõik kliendid"), Some("kõik"));
        assert_eq!(first_found("Kaikki edellä mainitut", ALL_OR_NONE), Some("kaikki edellä"));
    }

    #[test]
    fn a_phrase_found_hides_the_shorter_entries_inside_it() {
        assert_eq!(all_found("Ma ei tee seda mitte kunagi, ainult homme.", ET_EMPHATIC), ["mitte kunagi", "ainult"]);
        assert_eq!(all_found("Kunagi ammu.", ET_EMPHATIC), ["kunagi"]);
    }

    #[test]
    fn inflected_forms_are_one_content_word() {
        assert!(same_word("klient", "kliendile") && !same_word("klient", "kohv") && !same_word("ja", "ja"));
        assert_eq!(content_words("Klient ja kliendile: tasuta kohaletoomine"), ["klient", "tasuta", "kohaletoomine"]);
        let hint = words("Kas lõplikku vastust või kõnet kell 14.00?");
        assert!(names(&hint, "Annan lõpliku vastuse kell 14.00"));
        assert!(!names(&hint, "Helistan homme"), "no word in common");
        assert!(!names(&words("Mõtle kliendile."), "Tervitan klienti"), "one word of two is not more than half");
    }

    #[test]
    fn a_question_offering_a_choice_is_found() {
        let hint = "Vabandus on juba öeldud. Mida klient nüüd vajab: veel sõnu või järgmist sammu? Mõtle, või küsi.";
        assert_eq!(either_or_question(hint, "et"), Some("Mida klient nüüd vajab: veel sõnu või järgmist sammu?"));
        assert_eq!(either_or_question("Kelle mure peab olema keskmes?", "et"), None);
        assert_eq!(either_or_question("Mõtle: kas vabandus või hüvitis.", "et"), None, "no question");
        assert!(either_or_question("Onko asiakas vihainen sinulle vai laitteelle?", "fi").is_some());
        assert!(either_or_question("Is the customer angry with you or with the kettle?", "en").is_some());
    }

    #[test]
    fn justifications_are_found_with_their_comma() {
        assert_eq!(first_justification("Ootan, et mitte pealetükkiv olla.", "et"), Some(", et"));
        assert_eq!(first_justification("Et klient rahuneks, kuulan.", "et"), None, "\"et\" without a comma before it");
        assert_eq!(first_justification("Siivoan, jotta odotustila pysyy siistinä.", "fi"), Some("jotta"));
        assert_eq!(first_justification("I wait, so the queue moves.", "en"), Some(", so"));
        assert_eq!(first_justification("Sestra", "et"), None, "whole words only");
    }
}
