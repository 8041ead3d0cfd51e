//! SVG: recognised by its root, sized by its attributes, and checked (never rewritten)
//! for anything that runs script, fetches another file or carries one inside. A
//! picture of a quiz is drawn from its own elements only; whatever else it holds is
//! refused with the element or attribute and its line, for the author to remove.
//!
//! The checks are a deny list over the parsed document, not over the text, so that
//! entities, CDATA and namespace prefixes cannot hide anything: names are compared
//! without regard to case or namespace (an HTML parser that inlines the SVG
//! lower-cases them), attribute values are read after XML's own unescaping, and CSS
//! after its escapes (`css`). roxmltree refuses any DTD, so no entity can be declared
//! (the billion laughs, external entities).

use roxmltree::{Attribute, Document, Node, NodeType};

use super::css::{self, Found};
use super::dimensions::Dimensions;
use super::problem::{MediaProblem, SvgProblem};

/// The namespace every SVG's root must be in: without it a browser shows an `<img>` of it as nothing.
const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";
/// The problems reported one by one; the rest are counted (a generated SVG may have
/// thousands of `onclick`s, and one message per line is no help).
pub const MOST_PROBLEMS: usize = 20;

/// Elements that run script.
const SCRIPT_ELEMENTS: [&str; 2] = ["script", "handler"];
/// Elements that embed another document or page, or change how the page is read: never
/// needed to draw a picture.
const EMBEDDING_ELEMENTS: [&str; 10] = ["foreignObject", "iframe", "frame", "frameset", "embed", "object", "applet", "link", "meta", "base"];
/// SMIL elements that can set another attribute (`<set attributeName="href" to="…">`).
const ANIMATION_ELEMENTS: [&str; 5] = ["animate", "set", "animateMotion", "animateTransform", "animateColor"];

/// Whether the bytes are an SVG document: after an optional byte order mark, the XML
/// declaration and any comments, processing instructions or DOCTYPE (which `check`
/// then refuses, with a message that says so), the root element is `<svg`.
pub fn looks_like_svg(bytes: &[u8]) -> bool {
    let mut s = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        s = s.trim_ascii_start();
        let skipped = if s.starts_with(b"<?") {
            after(s, b"?>")
        } else if s.starts_with(b"<!--") {
            after(&s[4..], b"-->")
        } else if s.starts_with(b"<!DOCTYPE") {
            after_doctype(s)
        } else {
            break;
        };
        match skipped {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    s.starts_with(b"<svg") && s.get(4).is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
}

/// What follows the first `end` in `s`.
fn after<'a>(s: &'a [u8], end: &[u8]) -> Option<&'a [u8]> {
    let at = s.windows(end.len()).position(|w| w == end)?;
    Some(&s[at + end.len()..])
}

/// What follows a DOCTYPE, whose internal subset (in brackets) may hold `>`.
fn after_doctype(s: &[u8]) -> Option<&[u8]> {
    let mut depth = 0usize;
    for (i, &c) in s.iter().enumerate() {
        match c {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'>' if depth == 0 => return Some(&s[i + 1..]),
            _ => {}
        }
    }
    None
}

/// The SVG's size as its root gives it (see `root_size`), if it is an SVG document.
pub fn size(bytes: &[u8]) -> Option<Dimensions> {
    let text = std::str::from_utf8(bytes).ok()?;
    let doc = Document::parse(text).ok()?;
    root_size(doc.root_element())
}

/// Checks an SVG: well-formed UTF-8 XML without a DTD, an `<svg>` root in the SVG
/// namespace, nothing that runs or fetches anything, and a size. Gives the size, or
/// every problem (the first `MOST_PROBLEMS`) in the order of the document.
pub fn check(bytes: &[u8]) -> Result<Dimensions, Vec<MediaProblem>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(bytes, e.valid_up_to());
            return Err(vec![MediaProblem::Svg { line, column, problem: SvgProblem::NotUtf8 }]);
        }
    };
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(roxmltree::Error::DtdDetected) => {
            let at = text.find("<!DOCTYPE").unwrap_or(0);
            let (line, column) = line_column(text.as_bytes(), at);
            return Err(vec![MediaProblem::Svg { line, column, problem: SvgProblem::Doctype }]);
        }
        Err(e) => {
            let pos = e.pos();
            // The parser's words without its position, which the problem carries.
            let detail = e.to_string().replace(&format!(" at {pos}"), "");
            return Err(vec![MediaProblem::Svg { line: pos.row, column: pos.col, problem: SvgProblem::NotXml { detail } }]);
        }
    };
    let mut found = Collected::new(&doc);
    let root = doc.root_element();
    if !root.tag_name().name().eq_ignore_ascii_case("svg") {
        found.at(root.range().start, SvgProblem::NotSvg { root: qualified(&doc, root) });
    } else if root.tag_name().namespace() != Some(SVG_NS) {
        found.at(root.range().start, SvgProblem::NoNamespace);
    }
    for node in doc.descendants() {
        match node.node_type() {
            NodeType::Element => element(&doc, node, &mut found),
            NodeType::PI => {
                let target = node.pi().map_or_else(String::new, |pi| pi.target.to_string());
                found.at(node.range().start, SvgProblem::ProcessingInstruction { target });
            }
            NodeType::Root | NodeType::Comment | NodeType::Text => {}
        }
    }
    let size = root_size(root);
    if size.is_none() {
        found.at(root.range().start, SvgProblem::NoSize);
    }
    match (found.problems.is_empty(), size) {
        (true, Some(size)) => Ok(size),
        _ => Err(found.finish()),
    }
}

/// The problems found so far, placed, and how many beyond the first `MOST_PROBLEMS`.
struct Collected<'a, 'input> {
    doc: &'a Document<'input>,
    problems: Vec<MediaProblem>,
    more: usize,
}

impl<'a, 'input> Collected<'a, 'input> {
    fn new(doc: &'a Document<'input>) -> Self {
        Collected { doc, problems: Vec::new(), more: 0 }
    }

    fn at(&mut self, offset: usize, problem: SvgProblem) {
        if self.problems.len() < MOST_PROBLEMS {
            let pos = self.doc.text_pos_at(offset);
            self.problems.push(MediaProblem::Svg { line: pos.row, column: pos.col, problem });
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<MediaProblem> {
        if self.more > 0 {
            self.problems.push(MediaProblem::MoreSvgProblems { count: self.more });
        }
        self.problems
    }
}

/// One element's problems: itself, its attributes, and a `<style>`'s CSS.
fn element(doc: &Document, node: Node, found: &mut Collected) {
    let name = node.tag_name().name();
    let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
    let here = node.range().start;
    if is(&SCRIPT_ELEMENTS) {
        found.at(here, SvgProblem::Script { element: qualified(doc, node) });
    } else if is(&EMBEDDING_ELEMENTS) || node.tag_name().namespace() == Some(XHTML_NS) {
        found.at(here, SvgProblem::Embeds { element: qualified(doc, node) });
    }
    if name.eq_ignore_ascii_case("style") {
        let css: String = node.children().filter_map(|c| c.text()).collect();
        for f in css::problems(&css) {
            found.at(here, style_problem(qualified(doc, node), None, f));
        }
    }
    if is(&ANIMATION_ELEMENTS) {
        if let Some(target) = node.attributes().find(|a| a.name() == "attributeName") {
            // The attribute it animates, without a prefix (`xlink:href`).
            let local = target.value().trim().rsplit(':').next().unwrap_or_default();
            if is_link_name(local) || is_event_name(local) {
                found.at(target.range().start, SvgProblem::AnimatesLink { element: qualified(doc, node), attribute: target.value().trim().to_string() });
            }
        }
    }
    for attr in node.attributes() {
        attribute(doc, node, attr, found);
    }
}

/// One attribute's problems: an event handler, a link out of the document, CSS that
/// fetches or runs something.
fn attribute(doc: &Document, node: Node, attr: Attribute, found: &mut Collected) {
    let name = attr.name();
    let here = attr.range().start;
    let element = || qualified(doc, node);
    let attribute = || doc.input_text().get(attr.range_qname()).unwrap_or(name).to_string();
    if is_event_name(name) {
        found.at(here, SvgProblem::EventAttribute { element: element(), attribute: attribute() });
        return;
    }
    let value = attr.value();
    if is_link_name(name) {
        let target = value.trim();
        if css::is_fragment(target) {
            return;
        }
        let scheme: String = target.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).take(11).collect::<String>().to_ascii_lowercase();
        let problem = if scheme.starts_with("javascript:") || scheme.starts_with("vbscript:") {
            SvgProblem::ScriptUrl { element: element(), attribute: Some(attribute()) }
        } else if scheme.starts_with("data:") {
            SvgProblem::EmbeddedData { element: element(), attribute: attribute() }
        } else {
            SvgProblem::ExternalLink { element: element(), attribute: attribute(), target: css::shorten(target) }
        };
        found.at(here, problem);
        return;
    }
    // Every other value is read as CSS: `style`, and presentation attributes such as
    // `fill="url(…)"`, which the browser parses as CSS too.
    for f in css::problems(value) {
        found.at(here, style_problem(element(), Some(attribute()), f));
    }
}

fn style_problem(element: String, attribute: Option<String>, found: Found) -> SvgProblem {
    match found {
        Found::Url(target) => SvgProblem::StyleUrl { element, attribute, target },
        Found::Import => SvgProblem::StyleImport { element, attribute },
        Found::Expression => SvgProblem::StyleExpression { element, attribute },
        Found::Script => SvgProblem::ScriptUrl { element, attribute },
    }
}

/// `onload`, `ONCLICK`, `ev:onclick`…: every event handler attribute starts with `on`,
/// and no attribute that draws does.
fn is_event_name(local: &str) -> bool {
    local.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"))
}

/// Attributes that point at another resource: `href` in any namespace (SVG 2's, and
/// `xlink:href`) and HTML's `src`.
fn is_link_name(local: &str) -> bool {
    local.eq_ignore_ascii_case("href") || local.eq_ignore_ascii_case("src")
}

/// An element's name as written (`svg:script`), for messages.
fn qualified(doc: &Document, node: Node) -> String {
    let text = doc.input_text();
    let start = node.range().start + 1;
    let tail = text.get(start..).unwrap_or_default();
    let end = tail.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(tail.len());
    let written = &tail[..end];
    if written.is_empty() {
        node.tag_name().name().to_string()
    } else {
        written.to_string()
    }
}

/// The size the root gives: `width` and `height` in px or another absolute unit; one of
/// them and the `viewBox`'s proportions; or the `viewBox`'s own width and height.
/// Percentages and font-relative units say nothing about the picture, and an SVG with
/// no usable size would be shown at an arbitrary 300 × 150.
fn root_size(root: Node) -> Option<Dimensions> {
    let width = root.attribute("width").and_then(length);
    let height = root.attribute("height").and_then(length);
    let view = root.attribute("viewBox").and_then(view_box);
    let (w, h) = match (width, height, view) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (None, None, Some(view)) => view,
        (Some(_) | None, Some(_) | None, None) => return None,
    };
    Some(Dimensions { width: px(w)?, height: px(h)? })
}

/// A positive finite length in CSS pixels, at least 1, saturating at `u32::MAX`.
fn px(value: f64) -> Option<u32> {
    // `as` saturates, so an absurd size is a large one, never a panic.
    (value.is_finite() && value > 0.0).then(|| (value.round() as u32).max(1))
}

/// A length attribute in CSS pixels: a number, then nothing, `px`, or an absolute unit;
/// `None` for a percentage, a font-relative unit, or no number.
fn length(value: &str) -> Option<f64> {
    let value = value.trim();
    let (number, unit) = split_number(value)?;
    let per_unit = match unit.to_ascii_lowercase().as_str() {
        "" | "px" => 1.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        "q" => 96.0 / 101.6,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        _ => return None,
    };
    // Zero or negative is kept, and refused by `px`: such a picture would not show, so it
    // must not fall back to the view box.
    Some(number * per_unit).filter(|px| px.is_finite())
}

/// A number at the start of `value` (sign, digits, fraction, exponent) and what follows.
fn split_number(value: &str) -> Option<(f64, &str)> {
    let bytes = value.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end += 1;
    }
    let digits = |from: usize| bytes.get(from..).map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count());
    let whole = digits(end);
    end += whole;
    let mut fraction = 0;
    if bytes.get(end) == Some(&b'.') {
        fraction = digits(end + 1);
        end += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    // An exponent only when digits follow, so that `1em` is 1 and a unit of `em`.
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let signed = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exponent = digits(end + 1 + signed);
        if exponent > 0 {
            end += 1 + signed + exponent;
        }
    }
    Some((value[..end].parse().ok()?, value[end..].trim()))
}

/// `viewBox`'s width and height, when it is four numbers and both are positive.
fn view_box(value: &str) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = value
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<f64>().ok().filter(|n| n.is_finite()))
        .collect::<Option<_>>()?;
    match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w, h)),
        _ => None,
    }
}

/// 1-based line and column (in characters) of a byte offset, in text that may not be
/// UTF-8 beyond it.
fn line_column(bytes: &[u8], offset: usize) -> (u32, u32) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        assert_eq!(length("100"), Some(100.0));
        assert_eq!(length(" 12.5px "), Some(12.5));
        assert_eq!(length("1in"), Some(96.0));
        assert_eq!(length("72pt"), Some(96.0));
        assert_eq!(length("1e2"), Some(100.0));
        assert_eq!(length("1E+2PX"), Some(100.0));
        assert_eq!(length("1em"), None);
        assert_eq!(length("100%"), None);
        assert_eq!(length("0"), Some(0.0));
        assert_eq!(length("-5"), Some(-5.0));
        assert_eq!(length(".5"), Some(0.5));
        assert_eq!(length("."), None);
        assert_eq!(length("1e999"), None);
        assert_eq!(length(""), None);
        assert!((length("210mm").unwrap() - 793.7).abs() < 0.1);
    }

    #[test]
    fn view_boxes() {
        assert_eq!(view_box("0 0 40 30"), Some((40.0, 30.0)));
        assert_eq!(view_box("0,0,40,30"), Some((40.0, 30.0)));
        assert_eq!(view_box(" -5 -5 , 10 20 "), Some((10.0, 20.0)));
        assert_eq!(view_box("0 0 40"), None);
        assert_eq!(view_box("0 0 40 0"), None);
        assert_eq!(view_box("0 0 inf 3"), None);
        assert_eq!(view_box("0 0 NaN 3"), None);
    }

    #[test]
    fn sizes_in_pixels_saturate_and_round() {
        assert_eq!(px(0.4), Some(1));
        assert_eq!(px(2.5), Some(3));
        assert_eq!(px(1e30), Some(u32::MAX));
        assert_eq!(px(f64::INFINITY), None);
    }

    #[test]
    fn sniffing_skips_the_prolog() {
        assert!(looks_like_svg(b"<svg xmlns='http://www.w3.org/2000/svg'/>"));
        assert!(looks_like_svg(b"\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- made by hand -->\n<svg>"));
        assert!(looks_like_svg(b"<!DOCTYPE svg [<!ENTITY a '>'>]><svg/>"));
        assert!(looks_like_svg(b"<?xml-stylesheet href='a.css'?><svg\n/>"));
        assert!(!looks_like_svg(b"<svgfoo/>"));
        assert!(!looks_like_svg(b"<html><svg/></html>"));
        assert!(!looks_like_svg(b"<!-- unclosed <svg/>"));
        assert!(!looks_like_svg(b"<svg"));
    }

    #[test]
    fn line_and_column_of_a_byte() {
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_column("ä\nää".as_bytes(), 5), (2, 2));
        assert_eq!(line_column(b"a", 99), (1, 2));
    }
}
