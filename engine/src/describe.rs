//! Words an answer is read in: the true/false labels of each content language. The
//! answers themselves as text are `Kind::given` and `Kind::expected`.

/// True/false labels in a content language, shared by the UI and review texts.
/// Estonian statements are *tõene*/*väär*; *õige*/*vale* are the verdict words.
pub fn true_false_labels(lang: &str) -> [&'static str; 2] {
    match lang.get(..2) {
        Some("fi") => ["Tosi", "Epätosi"],
        Some("en") => ["True", "False"],
        _ => ["Tõene", "Väär"],
    }
}
