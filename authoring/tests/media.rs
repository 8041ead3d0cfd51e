//! Media files (issue 26): what `media::check` takes and refuses, from tiny files made
//! byte by byte (`media::samples`): every kind told by its bytes, names that lie, the
//! size limits at their exact bounds, pictures' sizes, the SVG sanitiser against each
//! attack, and properties that hold for any bytes (no panic; sniffing and checking agree).
//! `PROPTEST_CASES=N` runs more cases.

use proptest::prelude::*;

use tere_authoring::media::samples;
use tere_authoring::media::{
    self, check, dimensions, kilobytes, svg, Checked, Dimensions, Foreign, MediaKind, MediaProblem, Problem, SvgProblem, MAX_BYTES, MAX_PIXELS, WARN_ABOVE,
};

fn ok(name: &str, bytes: &[u8]) -> Checked {
    check(name, bytes).unwrap_or_else(|e| panic!("{name} refused: {}", e.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")))
}

fn refused(name: &str, bytes: &[u8]) -> Vec<MediaProblem> {
    match check(name, bytes) {
        Ok(c) => panic!("{name} taken: {c:?}"),
        Err(problems) => {
            assert!(problems.iter().all(|p| p.file == name && p.what.refuses()), "{problems:?}");
            problems.into_iter().map(|p| p.what).collect()
        }
    }
}

/// A `Checked`'s width and height.
type Size = (Option<u32>, Option<u32>);

fn size(width: u32, height: u32) -> Size {
    (Some(width), Some(height))
}

// ---------------------------------------------------------------------------
// Kinds

#[test]
fn every_kind_is_told_by_its_bytes_and_taken_under_its_name() {
    let cases: Vec<(&str, Vec<u8>, MediaKind, Size)> = vec![
        ("a.png", samples::png(3, 2), MediaKind::Png, size(3, 2)),
        ("a.jpg", samples::jpeg(9, 8, None), MediaKind::Jpeg, size(9, 8)),
        ("a.jpeg", samples::jpeg(100, 37, None), MediaKind::Jpeg, size(100, 37)),
        ("a.webp", samples::webp_lossy(40, 30), MediaKind::Webp, size(40, 30)),
        ("a.webp", samples::webp_lossless(41, 31), MediaKind::Webp, size(41, 31)),
        ("a.webp", samples::webp_extended(400, 300), MediaKind::Webp, size(400, 300)),
        ("a.webp", samples::WEBP_1X1.to_vec(), MediaKind::Webp, size(1, 1)),
        ("a.svg", samples::svg(40, 30), MediaKind::Svg, size(40, 30)),
        ("a.mp3", samples::mp3_frames(), MediaKind::Mp3, (None, None)),
        ("a.mp3", samples::mp3_id3(), MediaKind::Mp3, (None, None)),
        ("a.ogg", samples::ogg_vorbis(), MediaKind::Ogg, (None, None)),
        ("a.opus", samples::ogg_opus(), MediaKind::Ogg, (None, None)),
        ("a.oga", samples::ogg_opus(), MediaKind::Ogg, (None, None)),
        ("a.m4a", samples::m4a(), MediaKind::M4a, (None, None)),
        ("a.m4a", samples::mp4(b"mp42", &[b"isom", b"mp42"], &[b"soun"]), MediaKind::M4a, (None, None)),
        ("a.m4a", samples::mp4(b"isom", &[b"iso2"], &[b"soun", b"soun"]), MediaKind::M4a, (None, None)),
    ];
    for (name, bytes, kind, (width, height)) in cases {
        assert_eq!(MediaKind::sniff(&bytes), Some(kind), "{name}");
        let c = ok(name, &bytes);
        assert_eq!((c.kind, c.width, c.height, c.bytes_len), (kind, width, height, bytes.len()), "{name}");
        assert_eq!(c.hash.len(), media::HASH_LEN);
        assert!(c.hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
        assert_eq!(c.packed_name(), format!("{}.{}", c.hash, kind.extension()));
        assert!(c.warnings.is_empty());
    }
}

#[test]
fn every_sample_is_taken_under_its_own_name() {
    for (name, bytes) in samples::all() {
        ok(name, &bytes);
    }
}

#[test]
fn the_extension_is_read_in_any_case_and_from_a_path() {
    ok("pildid/Foto.JPG", &samples::jpeg(8, 8, None));
    ok(r"C:\Heli\Tere.MP3", &samples::mp3_frames());
}

#[test]
fn a_changed_picture_gets_another_name() {
    let a = ok("a.png", &samples::png(3, 2));
    let b = ok("a.png", &samples::png(2, 3));
    assert_ne!(a.hash, b.hash);
    assert_eq!(ok("b.png", &samples::png(3, 2)).hash, a.hash, "the name is not in the hash");
}

#[test]
fn kinds_a_course_does_not_take_are_named() {
    let cases: Vec<(&str, Vec<u8>, Option<Foreign>)> = vec![
        ("a.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), Some(Foreign::Gif)),
        ("a.bmp", [b"BM".as_slice(), &[0; 12], &40u32.to_le_bytes(), &[0; 36]].concat(), Some(Foreign::Bmp)),
        ("a.wav", b"RIFF\x24\0\0\0WAVEfmt \x10\0\0\0".to_vec(), Some(Foreign::Wav)),
        ("a.flac", b"fLaC\0\0\0\x22".to_vec(), Some(Foreign::Flac)),
        ("a.ogv", samples::ogg_theora(), Some(Foreign::OggOther)),
        ("a.mp4", samples::mp4(b"isom", &[b"iso2", b"mp41"], &[b"vide", b"soun"]), Some(Foreign::Video)),
        // A video under an audio brand is still a video.
        ("a.m4a", samples::mp4(b"M4A ", &[b"M4A "], &[b"soun", b"vide"]), Some(Foreign::Video)),
        // A general brand without a sound track says nothing of sound.
        ("a.m4a", samples::mp4(b"isom", &[b"iso2"], &[]), Some(Foreign::Video)),
        ("a.avif", samples::mp4(b"avif", &[b"mif1", b"miaf"], &[]), Some(Foreign::Avif)),
        ("a.heic", samples::mp4(b"heic", &[b"mif1"], &[]), Some(Foreign::Heic)),
        ("a.svgz", vec![0x1F, 0x8B, 8, 0, 0, 0, 0, 0], Some(Foreign::Gzip)),
        ("a.pdf", b"%PDF-1.7\n".to_vec(), Some(Foreign::Pdf)),
        ("a.txt", b"Tere!".to_vec(), None),
        ("a.html", b"<html><svg/></html>".to_vec(), None),
    ];
    for (name, bytes, seen) in cases {
        assert_eq!(MediaKind::sniff(&bytes), None, "{name}");
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_string());
        assert_eq!(refused(name, &bytes), [MediaProblem::Unsupported { extension, seen }], "{name}");
    }
    let gif = check("a.gif", b"GIF89a\x01\x00\x01\x00").unwrap_err();
    assert_eq!(gif[0].to_string(), "a.gif: the file is a GIF picture, which a course cannot carry; save it as PNG, JPEG, WebP or SVG");
    let wav = check("heli.mp3", b"RIFF\x24\0\0\0WAVEfmt ").unwrap_err();
    assert_eq!(
        wav[0].to_string(),
        "heli.mp3: the file is a WAV sound despite its name (`.mp3`), which a course cannot carry; save it as MP3, Ogg (Vorbis or Opus) or M4A"
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(refused("a.png", &[]), [MediaProblem::Empty]);
}

#[test]
fn damaged_files_under_a_right_name_say_so() {
    let mut png = samples::png(3, 2);
    png.truncate(8);
    assert_eq!(refused("a.png", &png), [MediaProblem::NoSize { kind: MediaKind::Png }]);
    let text = check("a.png", &png).unwrap_err()[0].to_string();
    assert!(text.starts_with("a.png: the file is a PNG picture whose width and height cannot be read"), "{text}");
    // Not a PNG at all under a PNG's name.
    let text = check("a.png", b"hello").unwrap_err()[0].to_string();
    assert!(text.contains("its name says a PNG picture (`.png`) but the bytes are not one"), "{text}");
}

// ---------------------------------------------------------------------------
// Names that lie

#[test]
fn a_mislabelled_file_is_refused_naming_both_kinds() {
    let jpeg = samples::jpeg(8, 8, None);
    let problems = check("kass.png", &jpeg).unwrap_err();
    assert_eq!(problems, [Problem { file: "kass.png".into(), what: MediaProblem::Mislabelled { extension: Some("png".into()), found: MediaKind::Jpeg } }]);
    assert_eq!(problems[0].to_string(), "kass.png: the name says a PNG picture (`.png`) but the file is a JPEG picture; rename it to `….jpg`");

    let problems = check("heli.ogg", &samples::mp3_frames()).unwrap_err();
    assert_eq!(problems[0].to_string(), "heli.ogg: the name says an Ogg sound (`.ogg`) but the file is an MP3 sound; rename it to `….mp3`");

    assert_eq!(refused("pilt.gif", &samples::png(1, 1)), [MediaProblem::Mislabelled { extension: Some("gif".into()), found: MediaKind::Png }]);
    let text = check("pilt.gif", &samples::png(1, 1)).unwrap_err()[0].to_string();
    assert!(text.contains("`.gif`, which is no kind a course carries, but the file is a PNG picture; rename it to `….png`"), "{text}");

    assert_eq!(refused("pilt", &samples::png(1, 1)), [MediaProblem::Mislabelled { extension: None, found: MediaKind::Png }]);
    // A picture under a sound's name, and an SVG under a PNG's.
    assert_eq!(refused("a.mp3", &samples::png(1, 1)), [MediaProblem::Mislabelled { extension: Some("mp3".into()), found: MediaKind::Png }]);
    assert_eq!(refused("a.png", &samples::svg(1, 1)), [MediaProblem::Mislabelled { extension: Some("png".into()), found: MediaKind::Svg }]);
}

#[test]
fn a_mislabelled_file_is_also_checked_for_everything_else() {
    let problems = refused("a.png", b"<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><script/></svg>");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(matches!(problems[0], MediaProblem::Mislabelled { found: MediaKind::Svg, .. }));
    assert!(matches!(problems[1], MediaProblem::Svg { problem: SvgProblem::Script { .. }, .. }));
}

// ---------------------------------------------------------------------------
// Size limits

/// A PNG padded after its end to exactly `len` bytes (the header is all that is read).
fn png_of_len(len: usize) -> Vec<u8> {
    let mut bytes = samples::png(1, 1);
    bytes.resize(len, 0);
    bytes
}

#[test]
fn the_size_warning_starts_one_byte_above_200_kb() {
    assert_eq!(WARN_ABOVE, 204_800);
    assert!(ok("a.png", &png_of_len(WARN_ABOVE)).warnings.is_empty());
    let c = ok("a.png", &png_of_len(WARN_ABOVE + 1));
    assert_eq!(c.warnings, [Problem { file: "a.png".into(), what: MediaProblem::Large { bytes: WARN_ABOVE + 1 } }]);
    assert!(!c.warnings[0].what.refuses());
    assert_eq!(
        c.warnings[0].to_string(),
        "a.png: the file is 200.1 KB, more than 200.0 KB: every learner downloads it, many on a phone; it may be worth making smaller"
    );
}

#[test]
fn the_size_refusal_starts_one_byte_above_2_mb() {
    assert_eq!(MAX_BYTES, 2_097_152);
    let c = ok("a.png", &png_of_len(MAX_BYTES));
    assert!(matches!(c.warnings[..], [Problem { what: MediaProblem::Large { bytes: MAX_BYTES }, .. }]));
    let problems = check("suur.png", &png_of_len(MAX_BYTES + 1)).unwrap_err();
    assert_eq!(problems, [Problem { file: "suur.png".into(), what: MediaProblem::TooLarge { bytes: MAX_BYTES + 1 } }]);
    assert!(problems[0].to_string().starts_with("suur.png: the file is 2048.1 KB; a course's media file may be at most 2048.0 KB (2 MB)"), "{}", problems[0]);
    // An oversized SVG is refused for its size without being parsed.
    let mut svg = samples::svg(1, 1);
    svg.resize(MAX_BYTES + 1, b' ');
    assert_eq!(refused("a.svg", &svg), [MediaProblem::TooLarge { bytes: MAX_BYTES + 1 }]);
}

#[test]
fn kilobytes_have_one_decimal() {
    assert_eq!(kilobytes(1536), "1.5 KB");
    assert_eq!(kilobytes(300 * 1024 + 100), "300.1 KB");
}

// ---------------------------------------------------------------------------
// Dimensions

#[test]
fn picture_sizes_are_read_from_their_headers() {
    let d = |width, height| Some(Dimensions { width, height });
    assert_eq!(dimensions(MediaKind::Png, &samples::png(300, 1)), d(300, 1));
    assert_eq!(dimensions(MediaKind::Jpeg, &samples::jpeg(640, 480, None)), d(640, 480));
    assert_eq!(dimensions(MediaKind::Webp, &samples::webp_lossy(16383, 2)), d(16383, 2));
    assert_eq!(dimensions(MediaKind::Webp, &samples::webp_lossless(16384, 1)), d(16384, 1));
    assert_eq!(dimensions(MediaKind::Webp, &samples::webp_extended(1 << 24, 7)), d(1 << 24, 7));
    // Sounds, and bytes of another kind, have none.
    assert_eq!(dimensions(MediaKind::Mp3, &samples::mp3_frames()), None);
    assert_eq!(dimensions(MediaKind::Png, &samples::jpeg(8, 8, None)), None);
    assert_eq!(dimensions(MediaKind::Webp, &samples::png(8, 8)), None);
}

#[test]
fn a_jpeg_turned_by_its_exif_orientation_is_as_wide_as_it_is_shown() {
    for (orientation, shown) in [(1, (16, 8)), (3, (16, 8)), (5, (8, 16)), (6, (8, 16)), (8, (8, 16))] {
        let c = ok("a.jpg", &samples::jpeg(16, 8, Some(orientation)));
        assert_eq!((c.width, c.height), size(shown.0, shown.1), "orientation {orientation}");
    }
}

#[test]
fn a_jpeg_without_a_frame_browsers_show_has_no_size() {
    // SOF0 turned into SOF3 (lossless).
    let mut jpeg = samples::jpeg(8, 8, None);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 1] = 0xC3;
    assert_eq!(refused("a.jpg", &jpeg), [MediaProblem::NoSize { kind: MediaKind::Jpeg }]);
    assert!(check("a.jpg", &jpeg).unwrap_err()[0].to_string().contains("lossless"));
    // A height of 0 (left to a DNL marker).
    let mut jpeg = samples::jpeg(8, 8, None);
    jpeg[sof + 5..sof + 7].copy_from_slice(&[0, 0]);
    assert_eq!(refused("a.jpg", &jpeg), [MediaProblem::NoSize { kind: MediaKind::Jpeg }]);
}

/// A PNG whose header claims `width` × `height` (its data is a 1 × 1 picture's).
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = samples::png(1, 1);
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    png
}

#[test]
fn pictures_of_more_than_4096_by_4096_pixels_are_refused() {
    assert_eq!(MAX_PIXELS, 4096 * 4096);
    assert_eq!(ok("a.png", &png_claiming(4096, 4096)).width, Some(4096));
    assert_eq!(ok("a.png", &png_claiming(16_777_216, 1)).width, Some(16_777_216));
    assert_eq!(refused("a.png", &png_claiming(4097, 4096)), [MediaProblem::TooManyPixels { width: 4097, height: 4096 }]);
    let text = check("a.png", &png_claiming(100_000, 100_000)).unwrap_err()[0].to_string();
    assert_eq!(text, "a.png: the picture is 100000 × 100000 pixels, more than 16.8 million: a phone may fail to show it; scale it down");
    assert_eq!(refused("a.webp", &samples::webp_extended(1 << 24, 1 << 24)), [MediaProblem::TooManyPixels { width: 1 << 24, height: 1 << 24 }]);
    // Beyond PNG's own limit, or 0: no size.
    assert_eq!(refused("a.png", &png_claiming(u32::MAX, 1)), [MediaProblem::NoSize { kind: MediaKind::Png }]);
    assert_eq!(refused("a.png", &png_claiming(0, 1)), [MediaProblem::NoSize { kind: MediaKind::Png }]);
}

fn svg_size(attributes: &str) -> Option<Size> {
    let text = format!("<svg xmlns='http://www.w3.org/2000/svg' {attributes}><rect width='1' height='1'/></svg>");
    check("a.svg", text.as_bytes()).ok().map(|c| (c.width, c.height))
}

#[test]
fn svg_sizes_come_from_width_height_or_the_view_box() {
    assert_eq!(svg_size("width='40' height='30'"), Some(size(40, 30)));
    assert_eq!(svg_size("width='40px' height='30.4px' viewBox='0 0 4 3'"), Some(size(40, 30)));
    assert_eq!(svg_size("viewBox='0 0 120 60'"), Some(size(120, 60)));
    assert_eq!(svg_size("viewBox='-10,-10,120.5,60.2'"), Some(size(121, 60)));
    // One side, the other from the view box's proportions.
    assert_eq!(svg_size("width='200' viewBox='0 0 120 60'"), Some(size(200, 100)));
    assert_eq!(svg_size("height='30' viewBox='0 0 120 60'"), Some(size(60, 30)));
    // Absolute units in CSS pixels (Inkscape's A4 in mm).
    assert_eq!(svg_size("width='210mm' height='297mm' viewBox='0 0 210 297'"), Some(size(794, 1123)));
    assert_eq!(svg_size("width='1in' height='72pt'"), Some(size(96, 96)));
    // Percentages and font-relative units fall back to the view box.
    assert_eq!(svg_size("width='100%' height='100%' viewBox='0 0 50 40'"), Some(size(50, 40)));
    assert_eq!(svg_size("width='10em' height='5em' viewBox='0 0 50 40'"), Some(size(50, 40)));
}

#[test]
fn an_svg_without_a_usable_size_is_refused() {
    for attributes in
        ["", "width='40'", "width='100%' height='100%'", "viewBox='0 0 0 10'", "viewBox='0 0 10'", "width='-5' height='5'", "width='0' viewBox='0 0 1 1'"]
    {
        let text = format!("<svg xmlns='http://www.w3.org/2000/svg' {attributes}/>");
        assert_eq!(refused("a.svg", text.as_bytes()), [MediaProblem::Svg { line: 1, column: 1, problem: SvgProblem::NoSize }], "{attributes}");
    }
    let text = check("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap_err()[0].to_string();
    assert_eq!(text, "a.svg:1:1: the <svg> root gives no size: give it `width` and `height` (in px), or a `viewBox`");
}

// ---------------------------------------------------------------------------
// The SVG sanitiser

const SVG_OPEN: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">\n";

/// The SVG problems of `body` inside a clean root (line 1); the body starts on line 2.
fn svg_problems(body: &str) -> Vec<(u32, SvgProblem)> {
    let text = format!("{SVG_OPEN}{body}\n</svg>");
    refused("a.svg", text.as_bytes())
        .into_iter()
        .map(|p| match p {
            MediaProblem::Svg { line, problem, .. } => (line, problem),
            other => panic!("not an SVG problem: {other:?}"),
        })
        .collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn a_clean_svg_with_gradients_and_uses_of_its_own_elements_is_taken() {
    let c = ok("a.svg", &samples::svg_drawing());
    assert_eq!((c.kind, c.width, c.height), (MediaKind::Svg, Some(200), Some(100)));
}

#[test]
fn every_attack_at_once_is_refused_each_at_its_line() {
    let problems = refused("a.svg", &samples::svg_hostile());
    let found: Vec<(u32, SvgProblem)> = problems
        .into_iter()
        .map(|p| match p {
            MediaProblem::Svg { line, problem, .. } => (line, problem),
            other => panic!("not an SVG problem: {other:?}"),
        })
        .collect();
    let expected = [
        (2, SvgProblem::ProcessingInstruction { target: s("xml-stylesheet") }),
        (3, SvgProblem::EventAttribute { element: s("svg"), attribute: s("onload") }),
        (4, SvgProblem::Script { element: s("script") }),
        (5, SvgProblem::Embeds { element: s("foreignObject") }),
        (5, SvgProblem::Embeds { element: s("iframe") }),
        (5, SvgProblem::ExternalLink { element: s("iframe"), attribute: s("src"), target: s("https://evil.example/") }),
        (6, SvgProblem::ScriptUrl { element: s("a"), attribute: Some(s("xlink:href")) }),
        (7, SvgProblem::ExternalLink { element: s("a"), attribute: s("href"), target: s("https://evil.example/") }),
        (8, SvgProblem::ExternalLink { element: s("use"), attribute: s("href"), target: s("other.svg#a") }),
        (9, SvgProblem::EmbeddedData { element: s("image"), attribute: s("href") }),
        (10, SvgProblem::StyleUrl { element: s("rect"), attribute: Some(s("style")), target: s("http://evil.example/p.svg#g") }),
        (11, SvgProblem::StyleImport { element: s("style"), attribute: None }),
        (12, SvgProblem::StyleExpression { element: s("g"), attribute: Some(s("style")) }),
        (13, SvgProblem::AnimatesLink { element: s("set"), attribute: s("href") }),
        (13, SvgProblem::ScriptUrl { element: s("set"), attribute: Some(s("to")) }),
    ];
    assert_eq!(found, expected);
}

#[test]
fn script_is_refused() {
    assert_eq!(svg_problems("<script>alert(1)</script>"), [(2, SvgProblem::Script { element: s("script") })]);
    assert_eq!(svg_problems("<g>\n  <svg:script xmlns:svg='http://www.w3.org/2000/svg'/>\n</g>"), [(3, SvgProblem::Script { element: s("svg:script") })]);
    // In any namespace and any case: an HTML page inlining the SVG reads it so.
    assert_eq!(svg_problems("<SCRIPT xmlns='http://example.org'/>"), [(2, SvgProblem::Script { element: s("SCRIPT") })]);
    let text = check("a.svg", format!("{SVG_OPEN}<script/></svg>").as_bytes()).unwrap_err()[0].to_string();
    assert_eq!(text, "a.svg:2:1: a <script> element: an SVG in a course may not run script; remove it");
}

#[test]
fn event_attributes_are_refused() {
    assert_eq!(
        svg_problems("<rect width='1' height='1' onload='alert(1)'/>"),
        [(2, SvgProblem::EventAttribute { element: s("rect"), attribute: s("onload") })]
    );
    assert_eq!(
        svg_problems("<g xmlns:ev='http://www.w3.org/2001/xml-events' ev:OnClick='x()'/>"),
        [(2, SvgProblem::EventAttribute { element: s("g"), attribute: s("ev:OnClick") })]
    );
    let root = "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'\n     onload='alert(1)'/>";
    let problems = check("a.svg", root.as_bytes()).unwrap_err();
    assert_eq!(problems[0].to_string(), "a.svg:2:6: the `onload` attribute of <svg> runs script; remove it");
}

#[test]
fn links_out_of_the_document_are_refused() {
    assert_eq!(
        svg_problems("<a href='https://example.org'><text>x</text></a>"),
        [(2, SvgProblem::ExternalLink { element: s("a"), attribute: s("href"), target: s("https://example.org") })]
    );
    assert_eq!(
        svg_problems("<a xlink:href='http://evil.example/'><text>x</text></a>"),
        [(2, SvgProblem::ExternalLink { element: s("a"), attribute: s("xlink:href"), target: s("http://evil.example/") })]
    );
    assert_eq!(
        svg_problems("<use href='other.svg#a'/>"),
        [(2, SvgProblem::ExternalLink { element: s("use"), attribute: s("href"), target: s("other.svg#a") })]
    );
    assert_eq!(
        svg_problems("<use xlink:href='#a' href='//x/#a'/>"),
        [(2, SvgProblem::ExternalLink { element: s("use"), attribute: s("href"), target: s("//x/#a") })]
    );
    assert_eq!(
        svg_problems("<image href='cat.png' width='1' height='1'/>"),
        [(2, SvgProblem::ExternalLink { element: s("image"), attribute: s("href"), target: s("cat.png") })]
    );
    // Not an id: an XPointer, a scheme after the `#`, nothing after it.
    for target in ["#xpointer(id('a'))", "#a:b", "#", "# a"] {
        assert!(matches!(svg_problems(&format!("<use href=\"{target}\"/>"))[..], [(2, SvgProblem::ExternalLink { .. })]), "{target}");
    }
    let text = check("a.svg", format!("{SVG_OPEN}<use href='other.svg#a'/></svg>").as_bytes()).unwrap_err()[0].to_string();
    assert_eq!(
        text,
        "a.svg:2:6: the `href` attribute of <use> points outside the SVG, to `other.svg#a`; an SVG in a course may point only at its own elements (`#id`)"
    );
}

#[test]
fn javascript_and_data_urls_are_refused() {
    assert_eq!(svg_problems("<a href='javascript:alert(1)'><text>x</text></a>"), [(2, SvgProblem::ScriptUrl { element: s("a"), attribute: Some(s("href")) })]);
    // Hidden by case, entities, tabs and spaces, as a URL parser would undo them.
    assert_eq!(
        svg_problems("<a xlink:href=' &#x09;Java&#10;Script&#58;alert(1)'><text>x</text></a>"),
        [(2, SvgProblem::ScriptUrl { element: s("a"), attribute: Some(s("xlink:href")) })]
    );
    assert_eq!(
        svg_problems("<image width='1' height='1' xlink:href='data:image/png;base64,iVBORw0KGgo='/>"),
        [(2, SvgProblem::EmbeddedData { element: s("image"), attribute: s("xlink:href") })]
    );
    assert_eq!(svg_problems("<image href='DATA:image/svg+xml,&lt;svg/>'/>"), [(2, SvgProblem::EmbeddedData { element: s("image"), attribute: s("href") })]);
    // In any attribute, not only a link.
    assert_eq!(
        svg_problems("<set attributeName='fill' to='javascript:alert(1)'/>"),
        [(2, SvgProblem::ScriptUrl { element: s("set"), attribute: Some(s("to")) })]
    );
}

#[test]
fn embedding_elements_are_refused() {
    assert_eq!(
        svg_problems("<foreignObject width='10' height='10'><div xmlns='http://www.w3.org/1999/xhtml'>Hi</div></foreignObject>"),
        [(2, SvgProblem::Embeds { element: s("foreignObject") }), (2, SvgProblem::Embeds { element: s("div") })]
    );
    for element in ["iframe", "embed", "object", "link", "meta", "base"] {
        assert_eq!(svg_problems(&format!("<{element}/>")), [(2, SvgProblem::Embeds { element: s(element) })]);
    }
    // Any HTML element, wherever it is.
    assert_eq!(svg_problems("<html:img xmlns:html='http://www.w3.org/1999/xhtml' src='#a'/>"), [(2, SvgProblem::Embeds { element: s("html:img") })]);
}

#[test]
fn css_that_loads_or_runs_anything_is_refused() {
    assert_eq!(
        svg_problems("<rect width='1' height='1' style='fill: url(http://evil.example/a.svg#g)'/>"),
        [(2, SvgProblem::StyleUrl { element: s("rect"), attribute: Some(s("style")), target: s("http://evil.example/a.svg#g") })]
    );
    assert_eq!(
        svg_problems("<rect width='1' height='1' fill='url(//evil.example/p.svg#g)'/>"),
        [(2, SvgProblem::StyleUrl { element: s("rect"), attribute: Some(s("fill")), target: s("//evil.example/p.svg#g") })]
    );
    assert_eq!(
        svg_problems("<style>\n@import url(#a);\n.a { background: url('https://e.example/x.png') }\n</style>"),
        [
            (2, SvgProblem::StyleUrl { element: s("style"), attribute: None, target: s("https://e.example/x.png") }),
            (2, SvgProblem::StyleImport { element: s("style"), attribute: None })
        ]
    );
    assert_eq!(svg_problems("<style>@import 'x.css';</style>"), [(2, SvgProblem::StyleImport { element: s("style"), attribute: None })]);
    assert_eq!(svg_problems("<g style='width: expression(alert(1))'/>"), [(2, SvgProblem::StyleExpression { element: s("g"), attribute: Some(s("style")) })]);
    assert_eq!(
        svg_problems("<style><![CDATA[ a { b: u\\72l(JavaScript:alert(1)) } ]]></style>"),
        [
            (2, SvgProblem::StyleUrl { element: s("style"), attribute: None, target: s("JavaScript:alert(1") }),
            (2, SvgProblem::ScriptUrl { element: s("style"), attribute: None })
        ]
    );
    let text = check("a.svg", format!("{SVG_OPEN}<style>@import 'x.css';</style></svg>").as_bytes()).unwrap_err()[0].to_string();
    assert_eq!(text, "a.svg:2:1: CSS in the <style> element has `@import`, which loads another style sheet; remove it");
}

#[test]
fn animating_a_link_or_a_handler_is_refused() {
    assert_eq!(
        svg_problems("<a><set attributeName='href' to='#a'/><text>x</text></a>"),
        [(2, SvgProblem::AnimatesLink { element: s("set"), attribute: s("href") })]
    );
    assert_eq!(
        svg_problems("<a><animate attributeName='xlink:href' values='#a;#b'/></a>"),
        [(2, SvgProblem::AnimatesLink { element: s("animate"), attribute: s("xlink:href") })]
    );
    assert_eq!(svg_problems("<set attributeName='onclick' to='#a'/>"), [(2, SvgProblem::AnimatesLink { element: s("set"), attribute: s("onclick") })]);
}

#[test]
fn a_doctype_is_refused_with_or_without_entities() {
    let laughs = samples::svg_laughs();
    assert_eq!(MediaKind::sniff(&laughs), Some(MediaKind::Svg));
    assert_eq!(refused("a.svg", &laughs), [MediaProblem::Svg { line: 2, column: 1, problem: SvgProblem::Doctype }]);
    let external = r#"<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">&x;</svg>"#;
    assert_eq!(refused("a.svg", external.as_bytes()), [MediaProblem::Svg { line: 1, column: 1, problem: SvgProblem::Doctype }]);
    // Illustrator's plain one too: the message says to remove it.
    let plain = r#"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#;
    let text = check("a.svg", plain.as_bytes()).unwrap_err()[0].to_string();
    assert_eq!(text, "a.svg:1:1: the SVG has a DOCTYPE, which may declare entities; remove the `<!DOCTYPE …>` (a picture needs none)");
}

#[test]
fn processing_instructions_other_than_the_declaration_are_refused() {
    let text = "<?xml version='1.0'?>\n<?xml-stylesheet href='evil.css' type='text/css'?>\n<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>";
    assert_eq!(
        refused("a.svg", text.as_bytes()),
        [MediaProblem::Svg { line: 2, column: 1, problem: SvgProblem::ProcessingInstruction { target: s("xml-stylesheet") } }]
    );
    assert_eq!(svg_problems("<?php echo 1 ?>"), [(2, SvgProblem::ProcessingInstruction { target: s("php") })]);
}

#[test]
fn what_is_not_an_svg_document_is_refused() {
    let no_ns = "<svg width='1' height='1'/>";
    assert_eq!(refused("a.svg", no_ns.as_bytes()), [MediaProblem::Svg { line: 1, column: 1, problem: SvgProblem::NoNamespace }]);
    let broken = "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'>\n<g></svg>";
    let problems = refused("a.svg", broken.as_bytes());
    assert!(
        matches!(&problems[..], [MediaProblem::Svg { line: 2, problem: SvgProblem::NotXml { detail }, .. }] if detail == "expected 'g' tag, not 'svg'"),
        "{problems:?}"
    );
    let text = check("a.svg", broken.as_bytes()).unwrap_err()[0].to_string();
    assert_eq!(text, "a.svg:2:4: the SVG is not well-formed XML: expected 'g' tag, not 'svg'");
    let entity = "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'><text>&nbsp;</text></svg>";
    assert!(matches!(&refused("a.svg", entity.as_bytes())[..], [MediaProblem::Svg { problem: SvgProblem::NotXml { .. }, .. }]));
    let latin1 = b"<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'>\n<text>\xE4</text></svg>";
    assert_eq!(refused("a.svg", latin1), [MediaProblem::Svg { line: 2, column: 7, problem: SvgProblem::NotUtf8 }]);
}

#[test]
fn many_problems_are_listed_up_to_twenty_and_the_rest_counted() {
    let body = "<rect onclick='x()'/>\n".repeat(25);
    let text = format!("{SVG_OPEN}{body}</svg>");
    let problems = refused("a.svg", text.as_bytes());
    assert_eq!(problems.len(), svg::MOST_PROBLEMS + 1);
    assert_eq!(problems.last(), Some(&MediaProblem::MoreSvgProblems { count: 5 }));
    assert!(matches!(problems[19], MediaProblem::Svg { line: 21, .. }));
}

#[test]
fn a_deeply_nested_svg_is_checked_without_overflowing_the_stack() {
    let depth = 200_000;
    let text = format!("{SVG_OPEN}{}<script/>{}</svg>", "<g>".repeat(depth), "</g>".repeat(depth));
    assert!(matches!(svg_problems(&text[SVG_OPEN.len()..text.len() - 6])[..], [(2, SvgProblem::Script { .. })]));
}

#[test]
fn a_long_target_is_shortened_in_the_problem() {
    let target = format!("https://example.org/{}", "a".repeat(500));
    let problems = svg_problems(&format!("<use href='{target}'/>"));
    let [(_, SvgProblem::ExternalLink { target: shown, .. })] = &problems[..] else { panic!("{problems:?}") };
    assert_eq!(shown.chars().count(), 81);
}

// ---------------------------------------------------------------------------
// Properties

/// `cases` per property unless PROPTEST_CASES says otherwise; failures are not saved.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Every name `check` is given in the properties: each kind's extensions, one it does
/// not take, and none.
fn names() -> Vec<String> {
    let mut names: Vec<String> = MediaKind::ALL.iter().flat_map(|k| k.extensions()).map(|e| format!("f.{e}")).collect();
    names.extend(["f.gif".to_string(), "f".to_string()]);
    names
}

/// Runs everything on `bytes` (none of it may panic) and checks that `check` agrees
/// with `sniff`: a file is refused as unsupported exactly when it sniffs as nothing,
/// called mislabelled exactly when the name is another kind's, and taken only as the
/// kind it sniffs as, with a size exactly when it is a picture.
fn agrees(bytes: &[u8]) -> Result<(), TestCaseError> {
    let sniffed = MediaKind::sniff(bytes);
    let _ = Foreign::sniff(bytes);
    for kind in MediaKind::ALL {
        let _ = dimensions(kind, bytes);
    }
    let _ = svg::check(bytes);
    for name in names() {
        let named = name.rsplit_once('.').and_then(|(_, e)| MediaKind::from_extension(e));
        match check(&name, bytes) {
            Ok(c) => {
                prop_assert_eq!(Some(c.kind), sniffed);
                prop_assert_eq!(named, sniffed);
                prop_assert_eq!(c.width.is_some(), c.kind.is_image());
                prop_assert_eq!(c.height.is_some(), c.kind.is_image());
                prop_assert_eq!(c.hash.len(), media::HASH_LEN);
                prop_assert!(c.warnings.iter().all(|w| !w.what.refuses()));
                for w in &c.warnings {
                    prop_assert!(w.to_string().starts_with(&name));
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| p.what.refuses() && p.file == name));
                for p in &problems {
                    prop_assert!(p.to_string().starts_with(&name));
                }
                let unsupported = problems.iter().any(|p| matches!(p.what, MediaProblem::Unsupported { .. } | MediaProblem::Empty));
                prop_assert_eq!(unsupported, sniffed.is_none());
                let mislabelled = problems.iter().any(|p| matches!(p.what, MediaProblem::Mislabelled { .. }));
                prop_assert_eq!(mislabelled, sniffed.is_some() && named != sniffed);
            }
        }
    }
    Ok(())
}

/// A sample file with some bytes changed, some cut off or some added: inputs that get
/// past the signatures into the headers.
fn damaged_sample() -> impl Strategy<Value = Vec<u8>> {
    let samples: Vec<Vec<u8>> = samples::all().into_iter().map(|(_, b)| b).collect();
    (
        proptest::sample::select(samples),
        proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..6),
        any::<proptest::sample::Index>(),
        proptest::collection::vec(any::<u8>(), 0..8),
    )
        .prop_map(|(mut bytes, changes, cut, tail)| {
            for (at, value) in changes {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let keep = bytes.len() - cut.index(bytes.len() / 4 + 1);
            bytes.truncate(keep);
            bytes.extend(tail);
            bytes
        })
}

/// SVG text from pieces that the sanitiser and the size care about, in any order.
fn svg_text() -> impl Strategy<Value = String> {
    let pieces = [
        "<g>",
        "</g>",
        "<rect width='1' height='1'/>",
        "<script>x</script>",
        " onload='x'",
        "<use href='#a'/>",
        "<use href='b.svg#a'/>",
        "<a xlink:href='javascript:x'>",
        "</a>",
        "<style>a{fill:url(#a)}</style>",
        "<style>@import 'x'</style>",
        "<image href='data:x'/>",
        "<?pi x?>",
        "<!-- c -->",
        "&amp;",
        "&lol;",
        "<![CDATA[ ]]>",
        "<foreignObject/>",
        "<set attributeName='href' to='#a'/>",
        "\u{e4}",
        "\u{0}",
    ];
    let roots = [
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>",
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1e40 1e-40'>",
        "<svg xmlns='http://www.w3.org/2000/svg' width='1e39' viewBox='0 0 1e-39 1'>",
        "<?xml version='1.0'?><!DOCTYPE svg><svg xmlns='http://www.w3.org/2000/svg'>",
        "<svg width='1' height='1'>",
    ];
    (proptest::sample::select(roots.to_vec()), proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..12), any::<bool>())
        .prop_map(|(root, body, close)| format!("{root}{}{}", body.concat(), if close { "</svg>" } else { "" }))
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_bytes_are_refused_or_taken_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        agrees(&bytes)?;
    }

    #[test]
    fn damaged_samples_are_refused_or_taken_without_a_panic(bytes in damaged_sample()) {
        agrees(&bytes)?;
    }

    #[test]
    fn any_svg_made_of_risky_pieces_is_refused_or_taken_without_a_panic(text in svg_text()) {
        agrees(text.as_bytes())?;
        // A refusal that is not about the XML itself names its place in the file.
        if let Err(problems) = svg::check(text.as_bytes()) {
            let lines = text.lines().count().max(1) as u32;
            for p in problems {
                if let MediaProblem::Svg { line, column, .. } = p {
                    prop_assert!(line >= 1 && line <= lines && column >= 1);
                }
            }
        }
    }

    #[test]
    fn any_sample_named_as_its_kind_is_taken(index in any::<proptest::sample::Index>()) {
        let all = samples::all();
        let (name, bytes) = &all[index.index(all.len())];
        let kind = MediaKind::sniff(bytes).expect("a sample sniffs");
        for ext in kind.extensions() {
            let c = check(&format!("x.{ext}"), bytes);
            prop_assert!(c.is_ok(), "{name} as .{ext}: {c:?}");
        }
    }
}
