//! What the check says about a media file, as data: `Display` is the command line's
//! English (written once here), and Tere Studio words each variant in the trainer's
//! language.

use std::fmt;

use super::kind::{Foreign, MediaKind};
use super::{MAX_BYTES, MAX_PIXELS, WARN_ABOVE};

/// A problem of one media file (`file` as the course names it), or a warning about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub what: MediaProblem,
}

/// What is wrong with a media file. All are refusals except `Large`, a warning
/// (`MediaProblem::refuses`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaProblem {
    Empty,
    /// The bytes are none of `MediaKind`'s; `seen` is what they are, when recognised.
    /// `extension` is the name's, as written, without the dot.
    Unsupported {
        extension: Option<String>,
        seen: Option<Foreign>,
    },
    /// The name's extension (as written, without the dot; `None` without one) does not
    /// name `found`, the kind the bytes are.
    Mislabelled {
        extension: Option<String>,
        found: MediaKind,
    },
    /// Larger than `MAX_BYTES`: refused.
    TooLarge {
        bytes: usize,
    },
    /// Larger than `WARN_ABOVE`: a warning.
    Large {
        bytes: usize,
    },
    /// A PNG, JPEG or WebP whose width and height cannot be read (damaged, or a JPEG of
    /// a kind browsers do not all show).
    NoSize {
        kind: MediaKind,
    },
    /// More than `MAX_PIXELS`: a phone's browser may fail to decode it.
    TooManyPixels {
        width: u32,
        height: u32,
    },
    /// A problem of an SVG's content, at a line and column (1-based, in characters) of
    /// the SVG file.
    Svg {
        line: u32,
        column: u32,
        problem: SvgProblem,
    },
    /// How many SVG problems were found beyond those listed (`svg::MOST_PROBLEMS`).
    MoreSvgProblems {
        count: usize,
    },
}

/// What is wrong in an SVG. `element` and `attribute` are names as written in the file
/// (`svg:script`, `xlink:href`); `attribute: None` is the element's text (a `<style>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SvgProblem {
    NotUtf8,
    /// Not well-formed XML: the parser's words (English only).
    NotXml {
        detail: String,
    },
    /// A DOCTYPE: refused whole, as it may declare entities (the billion laughs, or
    /// external ones).
    Doctype,
    NotSvg {
        root: String,
    },
    /// The root is not in the SVG namespace: browsers show such a picture as nothing.
    NoNamespace,
    /// A processing instruction other than the XML declaration (`<?xml-stylesheet …?>`).
    ProcessingInstruction {
        target: String,
    },
    /// A `<script>` (or SVG Tiny's `<handler>`).
    Script {
        element: String,
    },
    /// An element that embeds another document, or any HTML element (`foreignObject`,
    /// `iframe`, `embed`, `object`…).
    Embeds {
        element: String,
    },
    /// An event handler attribute (`onload`, `onclick`…).
    EventAttribute {
        element: String,
        attribute: String,
    },
    /// A `javascript:` or `vbscript:` URL.
    ScriptUrl {
        element: String,
        attribute: Option<String>,
    },
    /// A `data:` URL in `href` or `src`: a file carried inside the SVG.
    EmbeddedData {
        element: String,
        attribute: String,
    },
    /// `href` or `src` to anything but an element of the same SVG (`#id`); `target` as
    /// written, shortened to 80 characters.
    ExternalLink {
        element: String,
        attribute: String,
        target: String,
    },
    /// CSS `url()` to anything but `#id` (or `image()`, `image-set()`).
    StyleUrl {
        element: String,
        attribute: Option<String>,
        target: String,
    },
    StyleImport {
        element: String,
        attribute: Option<String>,
    },
    StyleExpression {
        element: String,
        attribute: Option<String>,
    },
    /// An animation (`<set>`, `<animate>`…) of `href`, `src` or an event attribute.
    AnimatesLink {
        element: String,
        attribute: String,
    },
    /// No `width` and `height` in px (or another absolute unit), and no `viewBox`.
    NoSize,
}

impl MediaProblem {
    /// Whether the file is refused for it (all but `Large`, a warning).
    pub fn refuses(&self) -> bool {
        match self {
            MediaProblem::Large { .. } => false,
            MediaProblem::Empty
            | MediaProblem::Unsupported { .. }
            | MediaProblem::Mislabelled { .. }
            | MediaProblem::TooLarge { .. }
            | MediaProblem::NoSize { .. }
            | MediaProblem::TooManyPixels { .. }
            | MediaProblem::Svg { .. }
            | MediaProblem::MoreSvgProblems { .. } => true,
        }
    }
}

/// A size in KB (1024 bytes) with one decimal, rounded up, so that a file one byte over
/// a limit never reads as the limit itself.
pub fn kilobytes(bytes: usize) -> String {
    // u128: no product of a usize overflows it.
    let tenths = (bytes as u128 * 10).div_ceil(1024);
    format!("{}.{} KB", tenths / 10, tenths % 10)
}

const PICTURES: &str = "PNG, JPEG, WebP or SVG";
const SOUNDS: &str = "MP3, Ogg (Vorbis or Opus) or M4A";

impl fmt::Display for Problem {
    /// `file: message`, and for a place in an SVG `file:line:column: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.what {
            MediaProblem::Svg { line, column, problem } => write!(f, "{}:{line}:{column}: {problem}", self.file),
            what => write!(f, "{}: {what}", self.file),
        }
    }
}

impl fmt::Display for MediaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MediaProblem::Empty => f.write_str("the file is empty"),
            MediaProblem::Unsupported { extension, seen: Some(seen) } => {
                write!(f, "the file is {}", seen.name())?;
                if let Some(ext) = extension.as_deref().filter(|e| MediaKind::from_extension(e).is_some()) {
                    write!(f, " despite its name (`.{ext}`)")?;
                }
                f.write_str(", which a course cannot carry; ")?;
                match seen {
                    Foreign::Gif | Foreign::Bmp | Foreign::Tiff | Foreign::Avif | Foreign::Heic | Foreign::Ico => write!(f, "save it as {PICTURES}"),
                    Foreign::Wav | Foreign::Flac | Foreign::Aac | Foreign::OggOther => write!(f, "save it as {SOUNDS}"),
                    Foreign::Video | Foreign::WebM | Foreign::Pdf | Foreign::Gzip | Foreign::Zip => {
                        write!(f, "a course takes pictures ({PICTURES}) and sounds ({SOUNDS})")
                    }
                }
            }
            MediaProblem::Unsupported { extension, seen: None } => match extension.as_deref().and_then(MediaKind::from_extension) {
                Some(named) => write!(
                    f,
                    "its name says {named} (`.{}`) but the bytes are not one: the file is damaged, or another kind saved under that name; save it again as {PICTURES}, or {SOUNDS}",
                    extension.as_deref().unwrap_or_default()
                ),
                None => write!(f, "the file is not a picture or a sound a course can carry: pictures are {PICTURES}, sounds {SOUNDS}"),
            },
            MediaProblem::Mislabelled { extension, found } => {
                let right = found.extension();
                match extension.as_deref() {
                    None => write!(f, "the name has no extension, but the file is {found}; name it `….{right}`"),
                    Some(ext) => match MediaKind::from_extension(ext) {
                        Some(named) => write!(f, "the name says {named} (`.{ext}`) but the file is {found}; rename it to `….{right}`"),
                        None => write!(f, "the name ends in `.{ext}`, which is no kind a course carries, but the file is {found}; rename it to `….{right}`"),
                    },
                }
            }
            MediaProblem::TooLarge { bytes } => write!(
                f,
                "the file is {}; a course's media file may be at most {} (2 MB): make it smaller (a picture with fewer pixels or more compression, a sound shorter or at a lower bitrate)",
                kilobytes(*bytes),
                kilobytes(MAX_BYTES)
            ),
            MediaProblem::Large { bytes } => write!(
                f,
                "the file is {}, more than {}: every learner downloads it, many on a phone; it may be worth making smaller",
                kilobytes(*bytes),
                kilobytes(WARN_ABOVE)
            ),
            MediaProblem::NoSize { kind } => {
                write!(f, "the file is {kind} whose width and height cannot be read: it is damaged")?;
                match kind {
                    MediaKind::Jpeg => f.write_str(", or a JPEG of a kind browsers do not all show (lossless, arithmetic-coded)")?,
                    MediaKind::Png | MediaKind::Webp | MediaKind::Svg | MediaKind::Mp3 | MediaKind::Ogg | MediaKind::M4a => {}
                }
                f.write_str("; open it in an image editor and save it again")
            }
            MediaProblem::TooManyPixels { width, height } => write!(
                f,
                "the picture is {width} × {height} pixels, more than {:.1} million: a phone may fail to show it; scale it down",
                MAX_PIXELS as f64 / 1e6
            ),
            MediaProblem::Svg { line, column, problem } => write!(f, "line {line}, column {column}: {problem}"),
            MediaProblem::MoreSvgProblems { count } => {
                let problems = if *count == 1 { "problem" } else { "problems" };
                write!(f, "and {count} more {problems} in the SVG after these")
            }
        }
    }
}

/// Where CSS was found: "the `style` attribute of <rect>", "the <style> element".
fn place(element: &str, attribute: &Option<String>) -> String {
    match attribute {
        Some(attribute) => format!("the `{attribute}` attribute of <{element}>"),
        None => format!("the <{element}> element"),
    }
}

impl fmt::Display for SvgProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ONLY_OWN: &str = "an SVG in a course may point only at its own elements (`#id`)";
        match self {
            SvgProblem::NotUtf8 => f.write_str("the SVG is not UTF-8 text; save it as UTF-8"),
            SvgProblem::NotXml { detail } => write!(f, "the SVG is not well-formed XML: {detail}"),
            SvgProblem::Doctype => f.write_str("the SVG has a DOCTYPE, which may declare entities; remove the `<!DOCTYPE …>` (a picture needs none)"),
            SvgProblem::NotSvg { root } => write!(f, "the root element is <{root}>, not <svg>"),
            SvgProblem::NoNamespace => {
                f.write_str("the <svg> root lacks xmlns=\"http://www.w3.org/2000/svg\", without which browsers show the picture as nothing; add it")
            }
            SvgProblem::ProcessingInstruction { target } => write!(f, "a processing instruction `<?{target} …?>`, which can load other files; remove it"),
            SvgProblem::Script { element } => write!(f, "a <{element}> element: an SVG in a course may not run script; remove it"),
            SvgProblem::Embeds { element } => write!(f, "a <{element}> element: an SVG in a course may not embed other documents or HTML; remove it"),
            SvgProblem::EventAttribute { element, attribute } => write!(f, "the `{attribute}` attribute of <{element}> runs script; remove it"),
            SvgProblem::ScriptUrl { element, attribute } => write!(f, "a `javascript:` URL in {}, which runs script; remove it", place(element, attribute)),
            SvgProblem::EmbeddedData { element, attribute } => write!(
                f,
                "the `{attribute}` attribute of <{element}> carries a file inside the SVG (a `data:` URL); {ONLY_OWN}: add that file to the course as a picture of its own"
            ),
            SvgProblem::ExternalLink { element, attribute, target } => {
                write!(f, "the `{attribute}` attribute of <{element}> points outside the SVG, to `{target}`; {ONLY_OWN}")
            }
            SvgProblem::StyleUrl { element, attribute, target } => {
                write!(f, "CSS in {} loads `{target}`; {ONLY_OWN}, as `url(#id)`", place(element, attribute))
            }
            SvgProblem::StyleImport { element, attribute } => write!(f, "CSS in {} has `@import`, which loads another style sheet; remove it", place(element, attribute)),
            SvgProblem::StyleExpression { element, attribute } => {
                write!(f, "CSS in {} has `expression(…)`, which runs script; remove it", place(element, attribute))
            }
            SvgProblem::AnimatesLink { element, attribute } => {
                write!(f, "<{element}> animates `{attribute}`, which can make a link out of the SVG or run script; remove the animation")
            }
            SvgProblem::NoSize => f.write_str("the <svg> root gives no size: give it `width` and `height` (in px), or a `viewBox`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kilobytes_round_up_to_a_tenth() {
        assert_eq!(kilobytes(0), "0.0 KB");
        assert_eq!(kilobytes(1), "0.1 KB");
        assert_eq!(kilobytes(1024), "1.0 KB");
        assert_eq!(kilobytes(200 * 1024), "200.0 KB");
        assert_eq!(kilobytes(200 * 1024 + 1), "200.1 KB");
        assert_eq!(kilobytes(2 * 1024 * 1024 + 1), "2048.1 KB");
        assert!(kilobytes(usize::MAX).ends_with(" KB"));
    }

    #[test]
    fn only_large_is_a_warning() {
        assert!(!MediaProblem::Large { bytes: 1 }.refuses());
        assert!(MediaProblem::TooLarge { bytes: 1 }.refuses());
    }
}
