//! Pictures in a GIFT question's text: Moodle writes a question's picture as an
//! `<img src="@@PLUGINFILE@@/kassa%201.png" alt="…">` tag in its HTML, with the file
//! itself kept apart (in its own files area, which GIFT does not carry). The import
//! takes the tags out of the text, because Tere shows texts as plain text and a tag
//! would show as markup, and looks the file up among the course's media files.
//!
//! The text is whatever a GIFT file holds, so the scanner is tolerant: a `<img` that
//! does not close is left as text, never a panic (the proptest below).

use std::collections::BTreeSet;

use crate::media::MediaKind;

/// Moodle's placeholder for the question's own files area, before a file's name.
const PLUGINFILE: &str = "@@PLUGINFILE@@";

/// An `<img>` tag of a text: its `src` and `alt` as written, entities decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Img {
    pub src: String,
    /// `None` when the tag has no `alt`; empty when it says `alt=""`.
    pub alt: Option<String>,
}

/// `text` without its `<img …>` tags, and the tags, in order. Where a tag stood
/// between two words a space keeps them apart.
pub(crate) fn take_images(text: &str) -> (String, Vec<Img>) {
    let (mut out, mut images, mut joined) = one_pass(text);
    // Taking a tag out can make one of what stood around it (`<img<img …>>`); another
    // pass takes that out too. Only such crafted text needs more than one, and the
    // passes are few, so a huge text of it cannot take long: whatever tag were left
    // would show as text, which the import reports as markup.
    let mut passes = 1;
    while joined && passes < MAX_PASSES {
        let (again, more, join) = one_pass(&out);
        (out, joined) = (again, join);
        images.extend(more);
        passes += 1;
    }
    (out, images)
}

/// The most passes `take_images` makes over one text.
const MAX_PASSES: usize = 16;

/// One pass of `take_images`, and whether taking a tag out joined a `<`, `<i`, `<im`
/// or `<img` before it to the text after it (which may now make a tag).
fn one_pass(text: &str) -> (String, Vec<Img>, bool) {
    let mut out = String::with_capacity(text.len());
    let mut images = Vec::new();
    let mut joined = false;
    let mut rest = text;
    // A tag was removed since the last text kept: a word after it must not join the one before.
    let mut gap = false;
    while let Some(start) = find_img_start(rest) {
        let Some((img, len)) = tag(&rest[start..]) else {
            // A `<img` that does not close runs to the end of the text (as in a browser),
            // so the rest is kept as it is. Looking for tags inside it instead would read
            // the rest again from every `<img` in it: a crafted text would take hours.
            break;
        };
        push_kept(&mut out, &rest[..start], &mut gap);
        joined |= ends_in_img_start(&out);
        gap = true;
        images.push(img);
        rest = &rest[start + len..];
    }
    push_kept(&mut out, rest, &mut gap);
    (out.trim().to_string(), images, joined)
}

/// Whether `text` ends in the start of a `<img`: `<`, `<i`, `<im` or `<img`, any case.
fn ends_in_img_start(text: &str) -> bool {
    let bytes = text.as_bytes();
    (1..=4).any(|k| bytes.len() >= k && bytes[bytes.len() - k] == b'<' && bytes[bytes.len() - k + 1..].eq_ignore_ascii_case(&b"img"[..k - 1]))
}

/// Appends kept text, with one space where a removed tag stood between two non-spaces.
fn push_kept(out: &mut String, mut kept: &str, gap: &mut bool) {
    if *gap && (out.is_empty() || out.ends_with(char::is_whitespace)) {
        // `a <img> b` leaves one space, not two.
        kept = kept.trim_start_matches([' ', '\t']);
    }
    if kept.is_empty() {
        return;
    }
    if *gap && !out.is_empty() && !out.ends_with(char::is_whitespace) && !kept.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    *gap = false;
    out.push_str(kept);
}

/// Where the next `<img` (any case) followed by a space, `/`, `>` or the end starts.
fn find_img_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text[from..].find('<') {
        let at = from + offset;
        let name = bytes.get(at + 1..at + 4);
        let after = bytes.get(at + 4).copied();
        if name.is_some_and(|n| n.eq_ignore_ascii_case(b"img")) && after.is_none_or(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The tag that `text` (starting `<img`) begins with and its length in bytes, or
/// `None` when it does not close (no `>` outside a quoted value).
fn tag(text: &str) -> Option<(Img, usize)> {
    let mut at = 4; // after `<img`
    let (mut src, mut alt) = (None, None);
    loop {
        at += skip(&text[at..], |c| c.is_whitespace() || c == '/');
        let rest = &text[at..];
        let c = rest.chars().next()?;
        if c == '>' {
            let img = Img { src: src.unwrap_or_default(), alt };
            return Some((img, at + 1));
        }
        let name_len = skip(rest, |c| !(c.is_whitespace() || c == '=' || c == '>' || c == '/'));
        // A lone `=` (no name before it) is skipped as one character, so the loop always moves on.
        let name = rest[..name_len].to_ascii_lowercase();
        at += name_len.max(c.len_utf8() * usize::from(name_len == 0));
        at += skip(&text[at..], char::is_whitespace);
        if !text[at..].starts_with('=') || name.is_empty() {
            continue;
        }
        at += 1;
        at += skip(&text[at..], char::is_whitespace);
        let (value, len) = value(&text[at..])?;
        at += len;
        // The first of a repeated attribute counts, as in browsers.
        match name.as_str() {
            "src" if src.is_none() => src = Some(decode_entities(&value)),
            "alt" if alt.is_none() => alt = Some(decode_entities(&value)),
            _ => {}
        }
    }
}

/// An attribute's value at the start of `text` and its length: `"…"`, `'…'` or up to a
/// space or `>`. A quote written `\"` (as a GIFT author may escape it) counts as `"`.
/// `None` when a quote does not close.
fn value(text: &str) -> Option<(String, usize)> {
    let escaped = text.starts_with("\\\"") || text.starts_with("\\'");
    let body = if escaped { &text[1..] } else { text };
    let offset = usize::from(escaped);
    match body.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let end = body[1..].find(quote)?;
            let mut value = &body[1..1 + end];
            if escaped {
                value = value.strip_suffix('\\').unwrap_or(value);
            }
            Some((value.to_string(), offset + end + 2))
        }
        _ => {
            let len = skip(text, |c| !(c.is_whitespace() || c == '>'));
            Some((text[..len].to_string(), len))
        }
    }
}

/// The length in bytes of the run of characters at the start of `text` that `keep` accepts.
fn skip(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.find(|c: char| !keep(c)).unwrap_or(text.len())
}

/// HTML's character references as an editor writes them in attributes: the five
/// named ones, `&nbsp;`, and numeric ones. Anything else stays as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest[1..].find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..1 + end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What an `<img>`'s `src` names among the course's media files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// The file of this name in the course's `media/`.
    Found(String),
    /// A file name that `media/` does not hold; `near` is one that differs only in case.
    Missing { name: String, near: Option<String> },
    /// A file of `media/` whose extension says it is not a picture (`kind`).
    NotPicture { name: String, kind: MediaKind },
    /// Not a file of the course at all: a web address, a `data:` URI, nothing.
    Elsewhere,
}

/// Looks `src` up in `available` (the names of the course's media files): after
/// Moodle's `@@PLUGINFILE@@/` (or as a relative path), without a query or fragment,
/// URL-decoded, by its last part, since a course's `media/` has no subfolders.
pub(crate) fn resolve(src: &str, available: &BTreeSet<String>) -> Resolved {
    let src = src.trim();
    let path = match src.strip_prefix(PLUGINFILE) {
        Some(path) => path,
        None if src.is_empty() || src.starts_with("//") || has_scheme(src) => return Resolved::Elsewhere,
        None => src,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // `kassa%201.png` → `kassa 1.png`; a `%` not followed by two hex digits stays, and
    // so does the whole path when the bytes it decodes to are not UTF-8.
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().unwrap_or(std::borrow::Cow::Borrowed(path));
    let name = decoded.rsplit(['/', '\\']).next().unwrap_or_default();
    if name.is_empty() || name.trim_matches('.').is_empty() {
        return Resolved::Elsewhere;
    }
    if !available.contains(name) {
        let lower = name.to_lowercase();
        let near = available.iter().find(|n| n.to_lowercase() == lower).cloned();
        return Resolved::Missing { name: name.to_string(), near };
    }
    let kind = name.rsplit_once('.').and_then(|(_, extension)| MediaKind::from_extension(extension));
    match kind {
        Some(kind) if !kind.is_image() => Resolved::NotPicture { name: name.to_string(), kind },
        _ => Resolved::Found(name.to_string()),
    }
}

/// `http:`, `data:`, `file:`…: a URI scheme before the first `/`.
fn has_scheme(src: &str) -> bool {
    match src.split_once(':') {
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// A `src` as a note names it: a `data:` URI can be thousands of characters long.
pub(crate) fn shown_src(src: &str) -> String {
    const ROOM: usize = 60;
    let short: String = src.chars().take(ROOM).collect();
    if short.len() < src.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn img(src: &str, alt: Option<&str>) -> Img {
        Img { src: src.into(), alt: alt.map(str::to_string) }
    }

    fn names(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_are_taken_out_of_the_text() {
        let (text, images) = take_images(r#"<p>Who is at the till? <img src="@@PLUGINFILE@@/kassa%201.png" alt="A man &amp; a till" width="300"></p>"#);
        assert_eq!(text, "<p>Who is at the till? </p>");
        assert_eq!(images, vec![img("@@PLUGINFILE@@/kassa%201.png", Some("A man & a till"))]);

        let (text, images) = take_images("Look<IMG SRC='a.png'/>here, <img alt=\"\" src=b.png> and <img>.");
        assert_eq!(text, "Look here, and .");
        assert_eq!(images, vec![img("a.png", None), img("b.png", Some("")), img("", None)]);
    }

    #[test]
    fn what_is_not_a_whole_tag_stays() {
        for text in ["<image src=\"a.png\">", "<img src=\"a.png", "a <img alt='open", "<imgsrc=a.png>", "<im", "x <", "<img src=\"a>b\""] {
            assert_eq!(take_images(text), (text.trim().to_string(), vec![]), "{text}");
        }
        // After a `<img` that does not close, nothing is a tag.
        let unclosed = "<img src=\"a.png <img src='b.png'> and <img src=c.png>";
        assert_eq!(take_images(unclosed), (unclosed.to_string(), vec![]));
        // A `>` inside a quoted value does not end the tag.
        assert_eq!(take_images("<img alt=\"a > b\" src=x.png>").1, vec![img("x.png", Some("a > b"))]);
    }

    #[test]
    fn a_quote_escaped_for_gift_still_quotes() {
        // As in Moodle's documentation of the "GIFT with medias" format.
        let (text, images) = take_images(r#"Listen <img style=\"margin: 10px;\" src=\"@@PLUGINFILE@@/images/piano.JPG\" alt=\"a piano\" />a piano"#);
        assert_eq!(text, "Listen a piano");
        assert_eq!(images, vec![img("@@PLUGINFILE@@/images/piano.JPG", Some("a piano"))]);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a&amp;b &lt;&gt; &quot;&#39;&#x41;&apos; &nbsp;"), "a&b <> \"'A' \u{a0}");
        assert_eq!(decode_entities("&unknown; & &#xZZ; &#99999999; &"), "&unknown; & &#xZZ; &#99999999; &");
    }

    #[test]
    fn sources_resolve_to_media_files() {
        let available = names(&["kassa 1.png", "uks.svg", "tere.mp3", "Ämber.jpg"]);
        assert_eq!(resolve("@@PLUGINFILE@@/kassa%201.png", &available), Resolved::Found("kassa 1.png".into()));
        assert_eq!(resolve("@@PLUGINFILE@@/kassa 1.png?time=123", &available), Resolved::Found("kassa 1.png".into()));
        assert_eq!(resolve("@@PLUGINFILE@@/pildid/uks.svg", &available), Resolved::Found("uks.svg".into()));
        assert_eq!(resolve("uks.svg", &available), Resolved::Found("uks.svg".into()));
        assert_eq!(resolve("@@PLUGINFILE@@/%C3%84mber.jpg", &available), Resolved::Found("Ämber.jpg".into()));
        assert_eq!(resolve("@@PLUGINFILE@@/Kassa%201.PNG", &available), Resolved::Missing { name: "Kassa 1.PNG".into(), near: Some("kassa 1.png".into()) });
        assert_eq!(resolve("@@PLUGINFILE@@/muu.png", &available), Resolved::Missing { name: "muu.png".into(), near: None });
        assert_eq!(resolve("@@PLUGINFILE@@/tere.mp3", &available), Resolved::NotPicture { name: "tere.mp3".into(), kind: MediaKind::Mp3 });
        for elsewhere in ["https://example.org/uks.svg", "data:image/png;base64,AAAA", "//cdn.example.org/uks.svg", "", "@@PLUGINFILE@@/", "@@PLUGINFILE@@/.."]
        {
            assert_eq!(resolve(elsewhere, &available), Resolved::Elsewhere, "{elsewhere}");
        }
        // Bytes that are not UTF-8 once decoded: the name as written, which no file has.
        assert!(matches!(resolve("%FF.png", &available), Resolved::Missing { .. }));
    }

    /// Texts made to make a scanner read them again and again take no longer than reading.
    #[test]
    fn crafted_texts_are_read_in_one_go() {
        let started = std::time::Instant::now();
        for text in [
            "<img a=\"x\" ".repeat(200_000) + "<img b=\">",
            "<img".repeat(100_000) + &">".repeat(100_000),
            "<img src=x>".repeat(200_000),
            format!("<img src=\"{}\">", "A".repeat(2_000_000)),
        ] {
            let _ = take_images(&text);
        }
        assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<img".to_string()),
            Just("<IMG ".to_string()),
            Just(" src=".to_string()),
            Just(" alt=".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("\\".to_string()),
            Just(">".to_string()),
            Just("/>".to_string()),
            Just("=".to_string()),
            Just("&#x".to_string()),
            Just("&amp;".to_string()),
            Just(";".to_string()),
            Just("%".to_string()),
            Just("%C3".to_string()),
            Just("@@PLUGINFILE@@/".to_string()),
            Just("data:".to_string()),
            Just("kassa 1.png".to_string()),
            "\\PC{0,4}",
            "[ \n\tõä€😀]{1,3}",
        ]
    }

    proptest! {
        /// Whatever surrounds a `<img`, no panic, and what is left holds no tag.
        #[test]
        fn weird_fragments_never_panic(parts in prop::collection::vec(fragment(), 0..24)) {
            let text: String = parts.concat();
            let (kept, images) = take_images(&text);
            prop_assert!(kept.len() <= text.len() + images.len());
            prop_assert!(take_images(&kept).1.is_empty(), "a tag left in {kept:?}");
            let available = names(&["kassa 1.png"]);
            for image in &images {
                let _ = resolve(&image.src, &available);
                let _ = shown_src(&image.src);
            }
        }
    }
}
