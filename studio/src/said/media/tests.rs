//! Every media problem, and every kind of file problem inside it, is worded in each
//! language with the value it is about; a course with broken media, checked as the
//! Studio checks a draft, gets those words at its media fields.

use std::collections::{BTreeMap, BTreeSet};

use tere_authoring::draft::Draft;
use tere_authoring::media::{samples, Foreign, MediaKind, MediaProblem, Problem, SvgProblem, MAX_BYTES, WARN_ABOVE};
use tere_authoring::said::MediaSaid;
use tere_authoring::{CourseFiles, Said};
use tere_engine::media::MAX_SIDE;

use super::{name_of, size};
use crate::i18n::{Lang, LangUi, Ui};
use crate::said::{field_label, say};

const LANGS: [Lang; 3] = [Lang::Et, Lang::Fi, Lang::En];

const FOREIGN: [Foreign; 15] = [
    Foreign::Gif,
    Foreign::Bmp,
    Foreign::Tiff,
    Foreign::Avif,
    Foreign::Heic,
    Foreign::Ico,
    Foreign::Wav,
    Foreign::Flac,
    Foreign::Aac,
    Foreign::OggOther,
    Foreign::Video,
    Foreign::WebM,
    Foreign::Pdf,
    Foreign::Gzip,
    Foreign::Zip,
];

fn file(name: &str, what: MediaProblem) -> MediaSaid {
    MediaSaid::File(Problem { file: name.to_string(), what })
}

fn svg(problem: SvgProblem) -> MediaSaid {
    file("Leti joonis.svg", MediaProblem::Svg { line: 4, column: 2, problem })
}

/// One of each problem, and of each value that changes its wording.
fn samples() -> Vec<MediaSaid> {
    let (e, a) = (|s: &str| s.to_string(), |s: &str| Some(s.to_string()));
    let mut out = vec![
        MediaSaid::BadName { file: "../pildid/lett.png".into() },
        MediaSaid::Missing { path: "kursus/media/lett.png".into(), near: None },
        MediaSaid::Missing { path: r"C:\kursus\media\Lett.PNG".into(), near: Some("lett.png".into()) },
        MediaSaid::TooBig { width: 20000, height: 300 },
        MediaSaid::NoAlt,
        MediaSaid::AltAndDecorative,
        MediaSaid::NoTranscript,
        MediaSaid::NotForSound { key: "alt" },
        MediaSaid::NotForSound { key: "decorative" },
        MediaSaid::TranscriptOnPicture,
        file("tühi.png", MediaProblem::Empty),
        file("kaebus.wav", MediaProblem::Unsupported { extension: Some("wav".into()), seen: None }),
        file("lett.png", MediaProblem::Unsupported { extension: Some("png".into()), seen: None }),
        file("heli.mp3", MediaProblem::Unsupported { extension: Some("mp3".into()), seen: None }),
        file("LOEMIND", MediaProblem::Unsupported { extension: None, seen: None }),
        file("suur.jpg", MediaProblem::TooLarge { bytes: MAX_BYTES + 1 }),
        file("pikk.mp3", MediaProblem::TooLarge { bytes: 7 * 1024 * 1024 + 300 * 1024 }),
        file("foto.jpg", MediaProblem::Large { bytes: WARN_ABOVE + 1 }),
        file("foto2.webp", MediaProblem::Large { bytes: 1024 * 1024 + 512 * 1024 }),
        file("katki.jpg", MediaProblem::NoSize { kind: MediaKind::Jpeg }),
        file("katki.png", MediaProblem::NoSize { kind: MediaKind::Png }),
        file("plakat.png", MediaProblem::TooManyPixels { width: 8000, height: 6000 }),
        file("Leti joonis.svg", MediaProblem::MoreSvgProblems { count: 1 }),
        file("Leti joonis.svg", MediaProblem::MoreSvgProblems { count: 7 }),
        svg(SvgProblem::NotUtf8),
        svg(SvgProblem::NotXml { detail: "unexpected end of stream".into() }),
        svg(SvgProblem::Doctype),
        svg(SvgProblem::NotSvg { root: "html".into() }),
        svg(SvgProblem::NoNamespace),
        svg(SvgProblem::ProcessingInstruction { target: "xml-stylesheet".into() }),
        svg(SvgProblem::Script { element: "script".into() }),
        svg(SvgProblem::Embeds { element: "foreignObject".into() }),
        svg(SvgProblem::EventAttribute { element: "svg".into(), attribute: "onload".into() }),
        svg(SvgProblem::ScriptUrl { element: "a".into(), attribute: a("xlink:href") }),
        svg(SvgProblem::ScriptUrl { element: "style".into(), attribute: None }),
        svg(SvgProblem::EmbeddedData { element: "image".into(), attribute: e("href") }),
        svg(SvgProblem::ExternalLink { element: "use".into(), attribute: e("href"), target: "other.svg#a".into() }),
        svg(SvgProblem::StyleUrl { element: "rect".into(), attribute: a("style"), target: "http://example.com/p.svg#g".into() }),
        svg(SvgProblem::StyleUrl { element: "style".into(), attribute: None, target: "font.woff".into() }),
        svg(SvgProblem::StyleImport { element: "style".into(), attribute: None }),
        svg(SvgProblem::StyleExpression { element: "g".into(), attribute: a("style") }),
        svg(SvgProblem::AnimatesLink { element: "set".into(), attribute: "href".into() }),
        svg(SvgProblem::NoSize),
    ];
    // Each kind a file may be found to be, under no extension, another kind's, and an unknown one.
    for (i, found) in MediaKind::ALL.into_iter().enumerate() {
        let other = MediaKind::ALL[(i + 1) % MediaKind::ALL.len()].extension();
        let extension = [None, Some(other.to_string()), Some("dat".to_string())][i % 3].clone();
        let name = extension.as_ref().map_or(format!("fail{i}"), |ext| format!("fail{i}.{ext}"));
        out.push(file(&name, MediaProblem::Mislabelled { extension, found }));
    }
    // Each kind a course cannot carry, named as one it can or not.
    for (i, seen) in FOREIGN.into_iter().enumerate() {
        let extension = if i % 2 == 0 { Some("png".to_string()) } else { Some("bin".to_string()) };
        out.push(file(&format!("võõras{i}.{}", extension.as_deref().unwrap_or_default()), MediaProblem::Unsupported { extension, seen: Some(seen) }));
    }
    out
}

/// The variants the samples hold, by name: every variant of every enum a media problem
/// carries must be among them (the matches below fail to compile when one is added).
fn variants(said: &MediaSaid, seen: &mut BTreeSet<String>) {
    let name = match said {
        MediaSaid::BadName { .. } => "BadName",
        MediaSaid::Missing { .. } => "Missing",
        MediaSaid::TooBig { .. } => "TooBig",
        MediaSaid::NoAlt => "NoAlt",
        MediaSaid::AltAndDecorative => "AltAndDecorative",
        MediaSaid::NoTranscript => "NoTranscript",
        MediaSaid::NotForSound { .. } => "NotForSound",
        MediaSaid::TranscriptOnPicture => "TranscriptOnPicture",
        MediaSaid::File(problem) => {
            let what = match &problem.what {
                MediaProblem::Empty => "Empty".to_string(),
                MediaProblem::Unsupported { seen: Some(foreign), .. } => format!("Unsupported {foreign:?}"),
                MediaProblem::Unsupported { seen: None, .. } => "Unsupported".to_string(),
                MediaProblem::Mislabelled { found, .. } => format!("Mislabelled {found:?}"),
                MediaProblem::TooLarge { .. } => "TooLarge".to_string(),
                MediaProblem::Large { .. } => "Large".to_string(),
                MediaProblem::NoSize { .. } => "NoSize".to_string(),
                MediaProblem::TooManyPixels { .. } => "TooManyPixels".to_string(),
                MediaProblem::MoreSvgProblems { .. } => "MoreSvgProblems".to_string(),
                MediaProblem::Svg { problem, .. } => format!(
                    "Svg {}",
                    match problem {
                        SvgProblem::NotUtf8 => "NotUtf8",
                        SvgProblem::NotXml { .. } => "NotXml",
                        SvgProblem::Doctype => "Doctype",
                        SvgProblem::NotSvg { .. } => "NotSvg",
                        SvgProblem::NoNamespace => "NoNamespace",
                        SvgProblem::ProcessingInstruction { .. } => "ProcessingInstruction",
                        SvgProblem::Script { .. } => "Script",
                        SvgProblem::Embeds { .. } => "Embeds",
                        SvgProblem::EventAttribute { .. } => "EventAttribute",
                        SvgProblem::ScriptUrl { .. } => "ScriptUrl",
                        SvgProblem::EmbeddedData { .. } => "EmbeddedData",
                        SvgProblem::ExternalLink { .. } => "ExternalLink",
                        SvgProblem::StyleUrl { .. } => "StyleUrl",
                        SvgProblem::StyleImport { .. } => "StyleImport",
                        SvgProblem::StyleExpression { .. } => "StyleExpression",
                        SvgProblem::AnimatesLink { .. } => "AnimatesLink",
                        SvgProblem::NoSize => "NoSize",
                    }
                ),
            };
            seen.insert(format!("File {what}"));
            "File"
        }
    };
    seen.insert(name.to_string());
}

/// What the sentence for `said` must hold in `lang`: the values it is about (the file's
/// name, its size and the limit, the pixels, the place in the SVG), or the fields to fill.
fn values(ui: &Ui, lang: Lang, said: &MediaSaid) -> Vec<String> {
    let labels = |labels: &[&str]| labels.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    match said {
        MediaSaid::BadName { file } => vec![file.clone(), ui.media.into()],
        MediaSaid::Missing { path, near } => [name_of(path).to_string(), ui.media.into()].into_iter().chain(near.clone()).collect(),
        MediaSaid::TooBig { width, height } => vec![format!("{width} × {height}"), MAX_SIDE.to_string()],
        MediaSaid::NoAlt | MediaSaid::AltAndDecorative => labels(&[ui.media_alt, ui.media_decorative]),
        MediaSaid::NoTranscript => labels(&[ui.media_transcript]),
        MediaSaid::NotForSound { key } => labels(&[if *key == "alt" { ui.media_alt } else { ui.media_decorative }, ui.media_transcript]),
        MediaSaid::TranscriptOnPicture => labels(&[ui.media_transcript, ui.media_alt]),
        MediaSaid::File(problem) => {
            let mut out = vec![problem.file.clone()];
            match &problem.what {
                MediaProblem::Empty | MediaProblem::NoSize { .. } => {}
                MediaProblem::Unsupported { extension, .. } => {
                    out.extend(extension.iter().filter(|e| MediaKind::from_extension(e).is_some()).map(|e| format!(".{e}")))
                }
                MediaProblem::Mislabelled { found, .. } => out.push(format!(".{}", found.extension())),
                MediaProblem::TooLarge { bytes } => out.extend([size(lang, *bytes), size(lang, MAX_BYTES)]),
                MediaProblem::Large { bytes } => out.extend([size(lang, *bytes), size(lang, WARN_ABOVE)]),
                MediaProblem::TooManyPixels { width, height } => out.push(format!("{width} × {height}")),
                MediaProblem::MoreSvgProblems { count } => out.push(count.to_string()),
                MediaProblem::Svg { problem, .. } => match problem {
                    SvgProblem::NotUtf8 | SvgProblem::NotXml { .. } | SvgProblem::Doctype | SvgProblem::NoNamespace | SvgProblem::NoSize => {}
                    SvgProblem::NotSvg { root } => out.push(format!("<{root}>")),
                    SvgProblem::ProcessingInstruction { target } => out.push(format!("<?{target}")),
                    SvgProblem::Script { element } | SvgProblem::Embeds { element } => out.push(format!("<{element}>")),
                    SvgProblem::EventAttribute { element, attribute }
                    | SvgProblem::EmbeddedData { element, attribute }
                    | SvgProblem::AnimatesLink { element, attribute } => out.extend([format!("<{element}>"), attribute.clone()]),
                    SvgProblem::ScriptUrl { element, attribute }
                    | SvgProblem::StyleImport { element, attribute }
                    | SvgProblem::StyleExpression { element, attribute } => {
                        out.push(format!("<{element}>"));
                        out.extend(attribute.clone());
                    }
                    SvgProblem::ExternalLink { element, attribute, target } => out.extend([format!("<{element}>"), attribute.clone(), target.clone()]),
                    SvgProblem::StyleUrl { element, attribute, target } => {
                        out.extend([format!("<{element}>"), target.clone()]);
                        out.extend(attribute.clone());
                    }
                },
            }
            out
        }
    }
}

/// The sentence every problem without words of its own gets.
fn generic(lang: Lang) -> String {
    say(lang, lang.ui(), &Said::Other("anything".into()))
}

/// A sentence reads as the trainer's: the language's own quotation marks and none of
/// another's, no code quoting, no placeholder left unfilled.
fn assert_reads_right(lang: Lang, text: &str) {
    let foreign_quotes: &[char] = match lang {
        Lang::Et => &['”'],
        Lang::Fi => &['„', '“'],
        Lang::En => &['„'],
    };
    assert!(!text.contains(foreign_quotes), "{lang:?}: another language's quotation marks in {text:?}");
    assert!(!text.contains(['`', '{', '}']), "{lang:?}: code or a placeholder in {text:?}");
    assert!(text.ends_with('.'), "{lang:?}: not a whole sentence: {text:?}");
}

#[test]
fn every_media_problem_is_worded_with_its_value_in_every_language() {
    let samples = samples();
    let mut seen = BTreeSet::new();
    for said in &samples {
        variants(said, &mut seen);
    }
    // MediaSaid's 9 variants; MediaProblem's 9 but `Svg`, counted by its SvgProblem's 17,
    // and `Mislabelled`, by each MediaKind found; `Unsupported` also by each Foreign seen.
    let expected = 9 + (9 - 2) + 17 + MediaKind::ALL.len() + FOREIGN.len();
    assert_eq!(seen.len(), expected, "a variant has no sample: {seen:#?}");

    let mut said_before: BTreeMap<String, &MediaSaid> = BTreeMap::new();
    for said in &samples {
        let texts = LANGS.map(|lang| say(lang, lang.ui(), &Said::Media(said.clone())));
        for (lang, text) in LANGS.into_iter().zip(&texts) {
            assert_ne!(*text, generic(lang), "{lang:?}: {said:?} has only the generic sentence");
            for value in values(lang.ui(), lang, said) {
                assert!(text.contains(&value), "{lang:?}: {text:?} does not name {value:?} ({said:?})");
            }
            assert_reads_right(lang, text);
            if let Some(other) = said_before.insert(text.clone(), said) {
                panic!("{lang:?}: {said:?} and {other:?} both say {text:?}");
            }
        }
        let [et, fi, en] = &texts;
        assert!(et != fi && fi != en && et != en, "one language repeats another's sentence: {texts:?}");
    }
}

#[test]
fn sizes_read_as_a_person_reads_them_and_never_as_the_limit() {
    assert_eq!(size(Lang::Et, MAX_BYTES), "2\u{a0}MB");
    assert_eq!(size(Lang::Et, MAX_BYTES + 1), "2,1\u{a0}MB");
    assert_eq!(size(Lang::Fi, MAX_BYTES + 1), "2,1\u{a0}Mt");
    assert_eq!(size(Lang::En, MAX_BYTES + 1), "2.1\u{a0}MB");
    assert_eq!(size(Lang::Et, WARN_ABOVE), "200\u{a0}kB");
    assert_eq!(size(Lang::Fi, WARN_ABOVE + 1), "201\u{a0}kt");
    assert_eq!(size(Lang::En, WARN_ABOVE + 1), "201\u{a0}KB");
    assert_eq!(size(Lang::En, 1), "1\u{a0}KB");
    assert_eq!(size(Lang::En, 0), "0\u{a0}KB");
    // Just under a megabyte reads as one, not as "1024 KB".
    assert_eq!(size(Lang::En, 1024 * 1024 - 1), "1\u{a0}MB");
    assert_eq!(size(Lang::Et, 7 * 1024 * 1024 + 300 * 1024), "7,3\u{a0}MB");
    assert!(size(Lang::En, usize::MAX).ends_with("\u{a0}MB"));
    let limit = say(Lang::Et, Lang::Et.ui(), &Said::Media(file("suur.jpg", MediaProblem::TooLarge { bytes: MAX_BYTES + 1 })));
    assert_eq!(
        limit,
        "Fail „suur.jpg“ on 2,1\u{a0}MB, aga pilt või heli võib olla kuni 2\u{a0}MB. Tee fail väiksemaks (pildil väiksemad mõõtmed või tugevam tihendus, helil lühem kestus või madalam kvaliteet) ja vali see uuesti."
    );
}

#[test]
fn the_kinds_a_course_takes_are_listed_from_its_kinds() {
    let gif = |lang: Lang| {
        say(lang, lang.ui(), &Said::Media(file("logo.gif", MediaProblem::Unsupported { extension: Some("gif".into()), seen: Some(Foreign::Gif) })))
    };
    assert_eq!(
        gif(Lang::Et),
        "Fail „logo.gif“ on GIF-pilt. Seda kursusel kasutada ei saa. Salvesta see PNG-, JPEG-, WebP- või SVG-vormingus ja vali salvestatud fail."
    );
    assert_eq!(
        gif(Lang::Fi),
        "Tiedosto ”logo.gif” on GIF-kuva. Sitä ei voi käyttää kurssilla. Tallenna se PNG-, JPEG-, WebP- tai SVG-muotoon ja valitse tallennettu tiedosto."
    );
    assert_eq!(gif(Lang::En), "The file “logo.gif” is a GIF picture. A course cannot use it. Save it as PNG, JPEG, WebP or SVG and choose the saved file.");
    let pdf =
        say(Lang::En, Lang::En.ui(), &Said::Media(file("ohje.pdf", MediaProblem::Unsupported { extension: Some("pdf".into()), seen: Some(Foreign::Pdf) })));
    assert!(pdf.ends_with("Choose a picture (PNG, JPEG, WebP or SVG) or a sound (MP3, Ogg or M4A)."), "{pdf}");
}

/// A course whose questions' media go wrong in most of the ways a trainer meets, as
/// the Studio holds it, with a dialogue step's picture too.
fn broken_course() -> Draft {
    let source = "source = { seed = \"s.txt\", section = \"Main\" }";
    let question = |id: &str, media: &str| {
        format!(
            "\n[[question]]\nid = \"{id}\"\ntype = \"single\"\ntext = \"Q {id}\"\nexplanation = \"E\"\n{source}\nmedia = {media}\n\n[[question.option]]\ntext = \"Jah\"\nfeedback = \"F\"\ncorrect = true\n\n[[question.option]]\ntext = \"Ei\"\nfeedback = \"F\"\n"
        )
    };
    let dialogue = format!(
        "\n[[question]]\nid = \"d\"\ntype = \"dialogue\"\ntext = \"Q d\"\nexplanation = \"E\"\n{source}\nmode = \"coach\"\n\n[[question.step]]\nid = \"open\"\nline = \"Tere!\"\n{source}\nmedia = {{ file = \"uks.png\" }}\n\n[[question.step.reply]]\ntext = \"Tere.\"\npoints = 2\nfeedback = \"Hea.\"\nnext = \"good\"\n\n[[question.step.reply]]\ntext = \"Jah?\"\npoints = 0\nfeedback = \"Külm.\"\nnext = \"good\"\n\n[[question.ending]]\nid = \"good\"\nline = \"Aitäh!\"\ngood = true\ndebrief = \"Hästi.\"\n"
    );
    let quiz = [
        "id = \"q\"\ntitle = \"Test\"\nlang = \"et\"\nintro = \"Sissejuhatus\"\n".to_string(),
        question("script", r#"{ file = "skript.svg", alt = "Lett" }"#),
        question("hostile", r#"{ file = "kuri.svg", alt = "Lett" }"#),
        question("missing", r#"{ file = "Lett.svg", alt = "Lett" }"#),
        question("no_alt", r#"{ file = "lett.svg" }"#),
        question("both", r#"{ file = "lett.svg", alt = "Lett", decorative = true }"#),
        question("transcript", r#"{ file = "lett.svg", alt = "Lett", transcript = "Tere" }"#),
        question("sound_alt", r#"{ file = "kaebus.mp3", alt = "Klient" }"#),
        question("gif", r#"{ file = "logo.gif", alt = "Logo" }"#),
        question("path", r#"{ file = "../lett.svg", alt = "Lett" }"#),
        dialogue,
    ]
    .concat();
    let files = [
        ("course.toml", "title = \"Kursus\"\nlang = \"et\"\nquizzes = [\"q\"]\n".to_string()),
        ("sections.toml", "[[section]]\nseed = \"s.txt\"\nheading = \"Main\"\n".to_string()),
        ("q.toml", quiz),
    ];
    let script = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>".to_vec();
    let media = [
        ("skript.svg", script),
        ("kuri.svg", samples::svg_hostile()),
        ("lett.svg", samples::svg(640, 480)),
        ("kaebus.mp3", samples::mp3_frames()),
        ("logo.gif", b"GIF89a\x01\0\x01\0\0\0\0;".to_vec()),
        ("uks.png", samples::png(4, 3)),
    ];
    Draft::new(CourseFiles {
        base: "kursus".into(),
        files: files.into_iter().map(|(name, text)| (name.to_string(), text)).collect(),
        media: media.into_iter().map(|(name, bytes)| (name.to_string(), bytes.into())).collect(),
    })
}

#[test]
fn a_course_with_broken_media_gets_words_at_its_media_fields() {
    let problems = broken_course().check();
    let media: Vec<_> = problems.iter().filter_map(|p| if let Said::Media(said) = &p.error.said { Some((said, p)) } else { None }).collect();
    assert_eq!(media.len(), problems.len(), "every problem is a media problem: {problems:#?}");
    for lang in LANGS {
        let ui = lang.ui();
        for (said, problem) in &media {
            let text = say(lang, ui, &problem.error.said);
            assert_ne!(text, generic(lang), "{said:?}");
            assert_reads_right(lang, &text);
            let at = problem.at.as_ref().unwrap_or_else(|| panic!("{said:?} is at no field"));
            let label = field_label(ui, at).unwrap_or_default();
            let field = [ui.media, ui.media_alt, ui.media_decorative, ui.media_transcript].into_iter().find(|f| label.ends_with(f));
            assert!(field.is_some(), "{lang:?}: {said:?} is at {label:?}, no media field");
        }
    }
    let et = |said: &MediaSaid| say(Lang::Et, Lang::Et.ui(), &Said::Media(said.clone()));
    let found = |what: fn(&MediaSaid) -> bool| media.iter().map(|(said, _)| *said).filter(|said| what(said)).map(et).collect::<Vec<_>>();
    let script =
        found(|s| matches!(s, MediaSaid::File(Problem { file, what: MediaProblem::Svg { problem: SvgProblem::Script { .. }, .. } }) if file == "skript.svg"));
    assert_eq!(
        script,
        ["Joonises „skript.svg“ on skript (<script>), aga kursuse pilt ei tohi skripte käivitada. Salvesta joonis uuesti ilma skriptideta või PNG-vormingus ja vali salvestatud fail."]
    );
    let hostile = found(|s| matches!(s, MediaSaid::File(Problem { file, .. }) if file == "kuri.svg"));
    assert!(hostile.len() > 5, "the hostile drawing's problems, each worded: {hostile:#?}");
    assert_eq!(
        found(|s| matches!(s, MediaSaid::Missing { .. })),
        ["Faili „Lett.svg“ pole, aga on „lett.svg“: nimi peab klappima ka suurte ja väikeste tähtede poolest. Vali õige fail väljal „Pilt või heli“."]
    );
    for what in [
        (|s: &MediaSaid| matches!(s, MediaSaid::NoAlt)) as fn(&MediaSaid) -> bool,
        |s| matches!(s, MediaSaid::AltAndDecorative),
        |s| matches!(s, MediaSaid::TranscriptOnPicture),
        |s| matches!(s, MediaSaid::NotForSound { .. }),
        |s| matches!(s, MediaSaid::NoTranscript),
        |s| matches!(s, MediaSaid::BadName { .. }),
        |s| matches!(s, MediaSaid::File(Problem { what: MediaProblem::Unsupported { seen: Some(Foreign::Gif), .. }, .. })),
    ] {
        assert!(!found(what).is_empty(), "{:#?}", media.iter().map(|(s, _)| s).collect::<Vec<_>>());
    }
    // Two pictures without alt: a question's and a dialogue step's, each labelled as the form is.
    let ui = Lang::Et.ui();
    let no_alt: Vec<String> = media.iter().filter(|(s, _)| matches!(s, MediaSaid::NoAlt)).filter_map(|(_, p)| field_label(ui, p.at.as_ref()?)).collect();
    assert_eq!(no_alt, ["Küsimus 4 · Pilt või heli", "Küsimus 10 · Samm 1 · Pilt või heli"]);
}
