//! CSS in an SVG (a `<style>` element, a `style` attribute, a presentation attribute
//! such as `fill="url(#g)"`), looked through for what fetches or runs something:
//! `url()` to anything but an element of the same document, `@import`, `expression()`,
//! `javascript:`. CSS escapes and comments are undone first, so `u\72l(` or
//! `@im/**/port` are seen as what the browser reads.

/// Something in a piece of CSS that the SVG may not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// `url()` (or `src()`, `image()`, `image-set()`) to something outside the document;
    /// the target as written, shortened.
    Url(String),
    Import,
    Expression,
    /// `javascript:` or `vbscript:`.
    Script,
}

/// What `css` has that fetches or runs something: the URLs in order, then the rest.
pub fn problems(css: &str) -> Vec<Found> {
    let text = normalise(css);
    // ASCII lower-casing keeps every byte where it was: found in `lower`, read in `text`
    // (a target is shown, and an id compared, as written).
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for function in ["url(", "src(", "image(", "image-set("] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(function) {
            from += at + function.len();
            let target = argument(&text[from..]);
            // `image()` and `image-set()` take images by string, never an element: any is refused.
            let inside = matches!(function, "url(" | "src(") && is_fragment(target);
            if !inside {
                found.push(Found::Url(shorten(target)));
            }
        }
    }
    let text = lower;
    if text.contains("@import") {
        found.push(Found::Import);
    }
    if text.contains("expression(") {
        found.push(Found::Expression);
    }
    if text.contains("javascript:") || text.contains("vbscript:") {
        found.push(Found::Script);
    }
    found.dedup();
    found
}

/// Whether `target` is a reference to an element of the same document: `#` and an id.
pub fn is_fragment(target: &str) -> bool {
    target.strip_prefix('#').is_some_and(is_id)
}

/// An XML id as SVG editors write them: a letter or `_` first, then letters, digits,
/// `-`, `_`, `.` (any non-ASCII letter too). Nothing that could start a scheme, a path
/// or an XPointer (`:`, `/`, `(`).
fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    first_ok && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The argument of a function whose `(` was just read: a quoted string, or everything
/// to the `)`, without the spaces around it.
fn argument(after: &str) -> &str {
    let after = after.trim_start();
    match after.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &after[1..];
            inner.find(quote).map_or(inner, |end| &inner[..end]).trim()
        }
        _ => after.find(')').map_or(after, |end| &after[..end]).trim(),
    }
}

/// At most 80 characters of a target, for a message (a `data:` URL can be a megabyte).
pub fn shorten(target: &str) -> String {
    const MOST: usize = 80;
    match target.char_indices().nth(MOST) {
        Some((end, _)) => format!("{}…", &target[..end]),
        None => target.to_string(),
    }
}

/// The CSS as the browser's tokenizer sees it: comments removed, escapes
/// (`\75`, `\u`) replaced by their characters, escaped newlines joined, and the ASCII
/// whitespace and control characters that a URL scheme may be split with removed
/// (`java\9script:`).
fn normalise(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                // To the closing `*/`, or to the end: an unclosed comment runs to the end.
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '\\' => {
                let mut hex = String::new();
                while hex.len() < 6 {
                    match chars.peek() {
                        Some(h) if h.is_ascii_hexdigit() => {
                            hex.push(*h);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                if hex.is_empty() {
                    // `\` and any other character is that character; `\` and a newline is nothing.
                    if let Some(next) = chars.next() {
                        if next != '\n' {
                            out.push(next);
                        }
                    }
                } else {
                    // One whitespace after a hex escape belongs to it.
                    if chars.peek().is_some_and(|w| w.is_ascii_whitespace()) {
                        chars.next();
                    }
                    let code = u32::from_str_radix(&hex, 16).unwrap_or(0);
                    match char::from_u32(code).filter(|c| *c != '\0') {
                        // A control character is dropped as a literal one is (`java\9script:`).
                        Some(c) if c.is_ascii_control() => {}
                        Some(c) => out.push(c),
                        None => out.push('\u{FFFD}'),
                    }
                }
            }
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_allowed_and_everything_else_found() {
        assert_eq!(problems("fill: url(#grad1); stroke: url( '#a.b-c' )"), []);
        assert_eq!(problems("fill:url(http://x/y.svg#a)"), [Found::Url("http://x/y.svg#a".into())]);
        assert_eq!(problems("background: URL(\"//Evil\")"), [Found::Url("//Evil".into())]);
        assert_eq!(problems("b: url(#x:y)"), [Found::Url("#x:y".into())]);
        assert_eq!(problems("b: url(#default#VML)"), [Found::Url("#default#VML".into())]);
        assert_eq!(problems("b: image-set('a.png' 1x)"), [Found::Url("a.png".into())]);
        assert_eq!(problems("@IMPORT 'x.css';"), [Found::Import]);
        assert_eq!(problems("width: expression(alert(1))"), [Found::Expression]);
        assert_eq!(problems("x: 'JavaScript:alert(1)'"), [Found::Script]);
    }

    #[test]
    fn escapes_and_comments_do_not_hide_anything() {
        assert_eq!(problems(r"fill: u\72l(http://e)"), [Found::Url("http://e".into())]);
        assert_eq!(problems(r"fill: \75 \52 L(http://e)"), [Found::Url("http://e".into())]);
        assert_eq!(problems("@im/* */port 'a.css'"), [Found::Import]);
        assert_eq!(problems("x: java\tscript:1"), [Found::Script]);
        assert_eq!(problems(r"fill: url(Java\9Script:1)"), [Found::Url("JavaScript:1".into()), Found::Script]);
        assert_eq!(
            problems(
                r"x: java\
script:1"
            ),
            [Found::Script]
        );
        assert_eq!(problems(r"x: \0 \110000 \"), []);
        assert_eq!(problems("/* unclosed url(http://e)"), []);
    }

    #[test]
    fn targets_are_shortened_on_a_character_boundary() {
        let long = "ä".repeat(200);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), 81);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("#a"), "#a");
    }
}
