//! Pictures and sounds in a course (issue 26): a course folder with a `media/` folder,
//! written on the fly, loads with its files checked and kept (each once, by its hash),
//! packs, and reads back with the same `Media`; each mistake in a `media = { … }` is
//! an error at its line; a large file is a notice, not an error.

mod common;

use std::path::Path;

use common::{question, Folder, DIALOGUE, HEADER};
use tere_authoring::media::{self, samples, MediaProblem, Problem};
use tere_authoring::packed::pack_loaded;
use tere_authoring::said::MediaSaid;
use tere_authoring::{load_course, load_course_files, ContentError, CourseFiles, LoadedCourse, Said};
use tere_engine::media::MAX_SIDE;
use tere_engine::{Kind, Media, Shown};

/// A course folder with the quiz file `quiz` and `files` in its `media/`.
fn folder(quiz: &str, files: &[(&str, Vec<u8>)]) -> Folder {
    let dir = common::folder(&[("q", quiz)]);
    std::fs::create_dir(dir.join(media::COURSE_FOLDER)).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(media::COURSE_FOLDER).join(name), bytes).unwrap();
    }
    dir
}

/// A single-choice question with `media` as written (a line, or nothing).
fn with_media(id: &str, media: &str) -> String {
    question(
        id,
        "single",
        &format!("{media}\n\n[[question.option]]\ntext = \"Yes\"\nfeedback = \"F\"\ncorrect = true\n\n[[question.option]]\ntext = \"No\"\nfeedback = \"F\"\n"),
    )
}

fn loads(dir: &Path) -> LoadedCourse {
    load_course(dir).unwrap_or_else(|errors| panic!("{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

fn errors(dir: &Path) -> Vec<ContentError> {
    match load_course(dir) {
        Ok(_) => panic!("the course loaded"),
        Err(errors) => errors,
    }
}

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("no `{needle}` in the quiz")) + 1
}

/// Files of a course's `media/`: name and bytes.
type Files = Vec<(&'static str, Vec<u8>)>;

/// The packed name of `bytes` as a file of `extension`'s kind.
fn packed(bytes: &[u8], extension: &str) -> String {
    format!("{}.{extension}", media::hash(bytes))
}

/// The built-in dialogue with `media` on its first step (`open`).
fn dialogue_with_step_media(media: &str) -> String {
    question("d", "dialogue", &DIALOGUE.replacen("id = \"open\"\n", &format!("id = \"open\"\n{media}\n"), 1))
}

#[test]
fn a_course_with_pictures_and_sounds_loads_packs_and_reads_back() {
    let (svg, mp3, png) = (samples::svg(640, 480), samples::mp3_frames(), samples::png(320, 200));
    let quiz = format!(
        "{HEADER}{}{}{}{}",
        with_media("a", r#"media = { file = "counter.svg", alt = "A shop counter" }"#),
        with_media("b", r#"media = { file = "complaint.mp3", transcript = "I waited all day!" }"#),
        // The same picture under another name: carried once.
        with_media("c", r#"media = { file = "counter copy.svg", decorative = true }"#),
        dialogue_with_step_media(r#"media = { file = "door.png", alt = "The customer at the door" }"#),
    );
    let dir = folder(&quiz, &[("counter.svg", svg.clone()), ("counter copy.svg", svg.clone()), ("complaint.mp3", mp3.clone()), ("door.png", png.clone())]);
    let loaded = loads(&dir);
    let questions = &loaded.course.quizzes[0].questions;
    let picture = Media { file: packed(&svg, "svg").into(), shown: Shown::Image { width: 640, height: 480, alt: Some("A shop counter".into()) } };
    let sound = Media { file: packed(&mp3, "mp3").into(), shown: Shown::Sound { transcript: "I waited all day!".into() } };
    let decorative = Media { file: packed(&svg, "svg").into(), shown: Shown::Image { width: 640, height: 480, alt: None } };
    let door = Media { file: packed(&png, "png").into(), shown: Shown::Image { width: 320, height: 200, alt: Some("The customer at the door".into()) } };
    assert_eq!(questions[0].media.as_ref(), Some(&picture));
    assert_eq!(questions[1].media.as_ref(), Some(&sound));
    assert_eq!(questions[2].media.as_ref(), Some(&decorative));
    assert_eq!(questions[3].media, None);
    let Kind::Dialogue(dialogue) = &questions[3].kind else { panic!("a dialogue") };
    assert_eq!(dialogue.steps[0].media.as_ref(), Some(&door));
    assert!(dialogue.steps[1..].iter().all(|s| s.media.is_none()));
    assert_eq!(picture.path(), format!("content/media/{}", packed(&svg, "svg")));
    let listed: Vec<&Media> = loaded.course.quizzes[0].media().collect();
    assert_eq!(listed, [&picture, &sound, &decorative, &door], "a quiz lists its media in order, a step's after its question's");

    let mut expected = vec![(packed(&svg, "svg"), svg), (packed(&mp3, "mp3"), mp3), (packed(&png, "png"), png)];
    expected.sort();
    assert_eq!(loaded.media, expected, "each file once, by its packed name");
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);

    let packs = pack_loaded(&loaded);
    assert_eq!(packs.media, loaded.media, "the packs carry the media files");
    let read = packs.read().expect("the packs read back");
    let read_questions = &read.quizzes[0].questions;
    for (read, written) in read_questions.iter().zip(questions.iter()) {
        assert_eq!(read.media, written.media, "{}", written.id);
        assert_eq!(read.kind, written.kind, "{}: a step's media too", written.id);
    }

    // The same course from memory, as the Studio holds one: the same media.
    let files = CourseFiles::from_dir(&dir).expect("the folder reads");
    assert_eq!(files.media.len(), 4, "every file of media/, by its name there");
    let from_memory = load_course_files(&files).expect("the course loads from memory");
    assert_eq!(from_memory.course, loaded.course);
    assert_eq!(from_memory.media, loaded.media);
}

#[test]
fn a_course_without_media_has_none_and_needs_no_folder() {
    let dir = common::folder(&[("q", &format!("{HEADER}{}", with_media("a", "")))]);
    let loaded = loads(&dir);
    assert!(loaded.media.is_empty() && loaded.notices.is_empty());
    assert_eq!(pack_loaded(&loaded).media, []);
}

/// Each mistake in a `media = { … }`: the quiz line, the files beside it, and what the
/// error at that line must say.
#[test]
fn every_media_mistake_is_an_error_at_its_line() {
    let svg = || ("counter.svg", samples::svg(64, 48));
    let mp3 = || ("complaint.mp3", samples::mp3_frames());
    let file = |problem: MediaProblem, name: &str| Said::Media(MediaSaid::File(Problem { file: name.to_string(), what: problem }));
    let cases: Vec<(&str, Files, Said)> = vec![
        (r#"media = { file = "nothere.svg", alt = "A" }"#, vec![svg()], Said::Media(MediaSaid::Missing { path: String::new(), near: None })),
        (
            r#"media = { file = "Counter.svg", alt = "A" }"#,
            vec![svg()],
            Said::Media(MediaSaid::Missing { path: String::new(), near: Some("counter.svg".into()) }),
        ),
        (r#"media = { file = "../counter.svg", alt = "A" }"#, vec![svg()], Said::Media(MediaSaid::BadName { file: "../counter.svg".into() })),
        (r#"media = { file = "media/counter.svg", alt = "A" }"#, vec![svg()], Said::Media(MediaSaid::BadName { file: "media/counter.svg".into() })),
        (r#"media = { file = "/tmp/counter.svg", alt = "A" }"#, vec![svg()], Said::Media(MediaSaid::BadName { file: "/tmp/counter.svg".into() })),
        // A hidden file would validate and then fail to publish (the packages' source takes plain names only).
        (
            r#"media = { file = ".counter.svg", alt = "A" }"#,
            vec![(".counter.svg", samples::svg(64, 48))],
            Said::Media(MediaSaid::BadName { file: ".counter.svg".into() }),
        ),
        (
            r#"media = { file = "counter.png", alt = "A" }"#,
            vec![("counter.png", samples::svg(64, 48))],
            file(MediaProblem::Mislabelled { extension: Some("png".into()), found: media::MediaKind::Svg }, "counter.png"),
        ),
        (r#"media = { file = "empty.png", alt = "A" }"#, vec![("empty.png", Vec::new())], file(MediaProblem::Empty, "empty.png")),
        (r#"media = { file = "counter.svg" }"#, vec![svg()], Said::Media(MediaSaid::NoAlt)),
        (r#"media = { file = "counter.svg", decorative = false }"#, vec![svg()], Said::Media(MediaSaid::NoAlt)),
        (r#"media = { file = "counter.svg", alt = "A", decorative = true }"#, vec![svg()], Said::Media(MediaSaid::AltAndDecorative)),
        (r#"media = { file = "counter.svg", alt = "A", transcript = "Words" }"#, vec![svg()], Said::Media(MediaSaid::TranscriptOnPicture)),
        (r#"media = { file = "counter.svg", alt = " " }"#, vec![svg()], Said::Empty { key: "alt" }),
        (r#"media = { file = "complaint.mp3" }"#, vec![mp3()], Said::Media(MediaSaid::NoTranscript)),
        (r#"media = { file = "complaint.mp3", transcript = "" }"#, vec![mp3()], Said::Empty { key: "transcript" }),
        (r#"media = { file = "complaint.mp3", transcript = "W", alt = "A" }"#, vec![mp3()], Said::Media(MediaSaid::NotForSound { key: "alt" })),
        (r#"media = { file = "complaint.mp3", transcript = "W", decorative = true }"#, vec![mp3()], Said::Media(MediaSaid::NotForSound { key: "decorative" })),
        (
            r#"media = { file = "wide.svg", alt = "A" }"#,
            vec![("wide.svg", samples::svg(u32::from(MAX_SIDE) + 1, 10))],
            Said::Media(MediaSaid::TooBig { width: u32::from(MAX_SIDE) + 1, height: 10 }),
        ),
    ];
    for (media, files, said) in cases {
        for (quiz, at) in [(format!("{HEADER}{}", with_media("a", media)), "media = "), (format!("{HEADER}{}", dialogue_with_step_media(media)), "media = ")] {
            let dir = folder(&quiz, &files);
            let errors = errors(&dir);
            let line = line_of(&quiz, at);
            let found = errors.iter().find(|e| match (&e.said, &said) {
                // The path looked for names the folder of this run.
                (Said::Media(MediaSaid::Missing { path, near }), Said::Media(MediaSaid::Missing { near: want, .. })) => {
                    near == want && Path::new(path) == dir.join("media").join(media.split('"').nth(1).unwrap())
                }
                (got, want) => got == want,
            });
            let shown = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n");
            let error = found.unwrap_or_else(|| panic!("`{media}`: no {said:?} among\n{shown}"));
            assert_eq!(error.line, line, "`{media}`: at the media line\n{shown}");
            assert!(error.file.ends_with("q.toml"), "{}", error.file.display());
            assert_eq!(errors.len(), 1, "`{media}`: that error alone\n{shown}");
        }
    }
}

#[test]
fn an_svg_that_runs_script_is_refused_with_each_of_its_problems() {
    let quiz = format!("{HEADER}{}", with_media("a", r#"media = { file = "evil.svg", alt = "A" }"#));
    let dir = folder(&quiz, &[("evil.svg", samples::svg_hostile())]);
    let errors = errors(&dir);
    assert!(errors.len() > 5, "every problem of the SVG: {errors:?}");
    for e in &errors {
        assert_eq!(e.line, line_of(&quiz, "media = "));
        let Said::Media(MediaSaid::File(problem)) = &e.said else { panic!("{e}") };
        assert!(problem.what.refuses() && problem.file == "evil.svg", "{e}");
        assert!(e.message.starts_with("evil.svg:"), "the SVG's own line and column follow its name: {e}");
    }
}

#[test]
fn a_missing_file_says_where_it_was_looked_for() {
    let quiz = format!("{HEADER}{}", with_media("a", r#"media = { file = "nothere.svg", alt = "A" }"#));
    let dir = folder(&quiz, &[]);
    let errors = errors(&dir);
    let shown = errors[0].to_string();
    assert!(shown.contains(&dir.join("media").join("nothere.svg").display().to_string()), "{shown}");
    assert!(shown.starts_with(&format!("{}:", dir.join("q.toml").display())), "{shown}");
}

#[test]
fn a_large_file_is_a_notice_once_not_an_error() {
    // An SVG past 200 KB by a comment: valid, and worth a look.
    let mut svg = samples::svg(64, 48);
    let end = svg.len() - "</svg>".len();
    let comment = format!("<!-- {} -->", "x".repeat(media::WARN_ABOVE));
    svg.splice(end..end, comment.into_bytes());
    let quiz = format!(
        "{HEADER}{}{}",
        with_media("a", r#"media = { file = "big.svg", alt = "A" }"#),
        with_media("b", r#"media = { file = "big.svg", decorative = true }"#)
    );
    let dir = folder(&quiz, &[("big.svg", svg.clone())]);
    let loaded = loads(&dir);
    assert_eq!(loaded.notices.len(), 1, "one notice a file, where it is first named: {:?}", loaded.notices);
    let notice = &loaded.notices[0];
    assert_eq!(notice.line, line_of(&quiz, "big.svg"));
    assert_eq!(notice.said, Said::Media(MediaSaid::File(Problem { file: "big.svg".into(), what: MediaProblem::Large { bytes: svg.len() } })));
    assert!(notice.to_string().contains(": warning: big.svg: the file is"), "{notice}");
    assert!(loaded.warnings.iter().all(|w| !w.message.contains("big.svg")), "no item-writing warning: {:?}", loaded.warnings);
    assert_eq!(loaded.media.len(), 1);
}

#[test]
fn a_media_table_with_an_unknown_key_is_an_error_at_its_line() {
    let quiz = format!("{HEADER}{}", with_media("a", r#"media = { file = "counter.svg", caption = "A" }"#));
    let dir = folder(&quiz, &[("counter.svg", samples::svg(64, 48))]);
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, line_of(&quiz, "caption"));
    assert!(errors[0].message.contains("caption"), "{}", errors[0]);
}

/// The fuzz targets' course (`fuzz/fixture`) shows a picture and plays a sound, so the
/// resume target's course and the content seeds have media; it must stay valid.
#[test]
fn the_fuzz_fixture_loads_with_its_picture_and_sound() {
    let loaded = loads(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fixture"));
    let shown: Vec<&Media> = loaded.course.quizzes.iter().flat_map(|q| q.media()).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown.iter().any(|m| m.is_image()) && shown.iter().any(|m| !m.is_image()));
    assert_eq!(loaded.media.len(), 2, "the picture shown twice is carried once");
    let read = pack_loaded(&loaded).read().expect("its packs read back");
    assert_eq!(read.quizzes.iter().flat_map(|q| q.media()).count(), 3);
}
