//! What the trainer can publish, made in the browser by the same code as
//! `cargo xtask package` (`tere_publish`), from the draft and the player this page
//! carries. Publishing needs a course without problems; the view blocks it before.

use tere_authoring::packed::pack_loaded;
use tere_authoring::Draft;
use tere_engine::cmi::Version;
use tere_publish::{Contents, Source};

use tere_engine::Course;

use crate::i18n::{fill, Ui};
use crate::page;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Scorm2004,
    Scorm12,
    Offline,
    Toml,
    Gift,
    /// Every stage's SCORM 2004 package in one zip (one Moodle activity per stage).
    Stages2004,
    Stages12,
    /// The cmi5 package (an LMS that launches cmi5, with a Learning Record Store).
    Cmi5,
    /// The xAPI package (Moodle's xAPI Launch Link, `tincan.xml`).
    Xapi,
}

/// The whole course's files, one button each.
pub const OUTPUTS: [Output; 7] = [Output::Scorm2004, Output::Scorm12, Output::Offline, Output::Cmi5, Output::Xapi, Output::Toml, Output::Gift];
/// Every stage's package apart, in each SCORM version (grouped under their own heading).
pub const STAGE_OUTPUTS: [Output; 2] = [Output::Stages2004, Output::Stages12];

impl Output {
    /// The downloaded file's name and type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Output::Scorm2004 => ("tere-scorm2004.zip", "application/zip"),
            Output::Scorm12 => ("tere-scorm12.zip", "application/zip"),
            Output::Offline => ("tere-offline.html", "text/html"),
            Output::Toml => ("tere-course-source.zip", "application/zip"),
            Output::Gift => ("tere-course.gift", "text/plain"),
            Output::Stages2004 => ("tere-stages-scorm2004.zip", "application/zip"),
            Output::Stages12 => ("tere-stages-scorm12.zip", "application/zip"),
            Output::Cmi5 => ("tere-cmi5.zip", "application/zip"),
            Output::Xapi => ("tere-xapi.zip", "application/zip"),
        }
    }

    /// The automation hook of its button.
    pub fn hook(self) -> &'static str {
        match self {
            Output::Scorm2004 => "publish-scorm2004",
            Output::Scorm12 => "publish-scorm12",
            Output::Offline => "publish-offline",
            Output::Toml => "publish-toml",
            Output::Gift => "publish-gift",
            Output::Stages2004 => "publish-stages-scorm2004",
            Output::Stages12 => "publish-stages-scorm12",
            Output::Cmi5 => "publish-cmi5",
            Output::Xapi => "publish-xapi",
        }
    }

    /// The SCORM version of a SCORM output.
    fn version(self) -> Option<Version> {
        match self {
            Output::Scorm2004 | Output::Stages2004 => Some(Version::Scorm2004),
            Output::Scorm12 | Output::Stages12 => Some(Version::Scorm12),
            Output::Offline | Output::Toml | Output::Gift | Output::Cmi5 | Output::Xapi => None,
        }
    }
}

/// The README beside the stages' packages, in the trainer's language: what the zip
/// holds, that each package inside is one Moodle SCORM activity, each file with its
/// quiz's title in the course's order, and the Moodle app's SCORM 1.2 only.
pub fn stages_readme(ui: &Ui, version: Version, course: &Course) -> String {
    let name = match version {
        Version::Scorm2004 => "SCORM 2004",
        Version::Scorm12 => "SCORM 1.2",
    };
    let mut readme = fill(ui.stages_readme, &[("{course}", &*course.title), ("{version}", name)]);
    readme.push_str("\n\n");
    for quiz in course.quizzes.iter() {
        readme.push_str(&format!("{}  {}\n", tere_publish::stage_zip_name(version, &quiz.id), quiz.title));
    }
    readme.push('\n');
    readme.push_str(ui.moodle_app);
    readme.push('\n');
    // Read on Windows too (Notepad of old shows a lone LF as nothing).
    readme.replace('\n', "\r\n")
}

/// The course's source as the packages carry it: the TOML export, and the media files
/// some question names.
pub fn source(draft: &Draft) -> Source {
    Source { files: draft.export(), media: draft.media_kept().into_iter().map(|(name, bytes)| (name, bytes.to_vec())).collect() }
}

/// The bytes of `output` for the draft.
pub fn make(draft: &Draft, output: Output, ui: &Ui) -> Result<Vec<u8>, String> {
    let loaded = tere_authoring::load_course_files(draft.files()).map_err(|errors| ui.count(errors.len(), &ui.problems_count))?;
    let course = &loaded.course;
    let source = source(draft);
    let packs = pack_loaded(&loaded);
    match output {
        Output::Scorm2004 | Output::Scorm12 => {
            let version = output.version().expect("a SCORM output");
            tere_publish::scorm_zip(version, &page::players(), course, &packs, Contents::Course, &source)
        }
        Output::Stages2004 | Output::Stages12 => {
            let version = output.version().expect("a SCORM output");
            tere_publish::stage_zips(version, &page::players(), course, &packs, &source, &stages_readme(ui, version, course))
        }
        Output::Offline => tere_publish::offline_page(&page::players(), &packs, &source).map(String::into_bytes),
        Output::Cmi5 => tere_publish::cmi5_zip(&page::xapi_player(), course, &packs, &source),
        Output::Xapi => tere_publish::xapi_zip(&page::xapi_player(), course, &packs, &source),
        Output::Toml => tere_publish::source_zip(&source),
        Output::Gift => {
            // The files GIFT cannot carry are named in its comments as the trainer knows them.
            let names = tere_authoring::media::media_names(draft.media_files());
            let mut gift = String::new();
            for quiz in course.quizzes.iter() {
                gift.push_str(&format!("$CATEGORY: {}\n\n", tere_authoring::gift::escape(&quiz.title)));
                gift.push_str(&tere_authoring::gift::quiz_to_gift(quiz, &names).gift);
                gift.push('\n');
            }
            Ok(gift.into_bytes())
        }
    }
}

/// Why a preview could not be made.
pub enum PreviewError {
    /// What it would play has this many problems (other quizzes' do not count).
    Problems(usize),
    Failed(String),
}

/// The real player, playing the draft's quiz `quiz_id` alone (or only its question
/// `question`, started at once), as a page (the preview). Problems elsewhere in the
/// course do not stop it.
pub fn preview(draft: &Draft, quiz_id: &str, question: Option<usize>) -> Result<String, PreviewError> {
    let cut = draft.preview_of(quiz_id, question).map_err(|e| PreviewError::Failed(e.to_string()))?;
    let loaded = tere_authoring::load_course_files(cut.files()).map_err(|errors| PreviewError::Problems(errors.len()))?;
    tere_publish::offline_page(&page::players(), &pack_loaded(&loaded), &Source::default()).map_err(PreviewError::Failed)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use tere_engine::cmi::Version;

    use super::{stages_readme, Output, OUTPUTS, STAGE_OUTPUTS};
    use crate::i18n::{Lang, LangUi};

    #[test]
    fn the_stages_readme_says_in_the_trainers_language_what_each_inner_zip_is_and_lists_them_in_course_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("studio is inside the repo");
        let course = tere_authoring::load_course(&root.join("questions")).unwrap_or_else(|_| panic!("questions/ has errors")).course;
        let readme = stages_readme(Lang::Et.ui(), Version::Scorm12, &course);
        assert!(readme.starts_with(&format!("Kursus „{}“: iga etapp eraldi SCORM 1.2 paketina.", course.title)), "{readme}");
        assert!(readme.contains("üks Moodle'i SCORM-tegevus"));
        let listed: Vec<&str> = readme.lines().filter_map(|l| l.split_once("  ").map(|(file, _)| file)).collect();
        let files: Vec<String> = course.quizzes.iter().map(|q| format!("{}-scorm12.zip", q.id)).collect();
        assert_eq!(listed, files);
        assert!(readme.contains(&format!("ettevalmistus-scorm12.zip  {}\r\n", course.quiz("ettevalmistus").unwrap().title)));
        assert!(readme.trim_end().ends_with(Lang::Et.ui().moodle_app));
        assert!(stages_readme(Lang::Fi.ui(), Version::Scorm2004, &course).contains("SCORM 2004 -pakettinaan"));
        assert!(stages_readme(Lang::En.ui(), Version::Scorm2004, &course).contains("one Moodle SCORM activity"));
    }

    #[test]
    fn every_output_has_its_own_file_and_hook() {
        let all: Vec<Output> = OUTPUTS.into_iter().chain(STAGE_OUTPUTS).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.file().0, b.file().0);
                assert_ne!(a.hook(), b.hook());
            }
        }
    }
}
