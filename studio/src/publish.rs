//! What the trainer can publish, made in the browser by the same code as
//! `cargo xtask package` (`tere_publish`), from the draft and the player this page
//! carries. Publishing needs a course without problems; the view blocks it before.

use tere_authoring::packed::pack;
use tere_authoring::Draft;
use tere_engine::cmi::Version;
use tere_publish::{Contents, Source};

use crate::i18n::Ui;
use crate::page;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Scorm2004,
    Scorm12,
    Offline,
    Toml,
    Gift,
}

pub const OUTPUTS: [Output; 5] = [Output::Scorm2004, Output::Scorm12, Output::Offline, Output::Toml, Output::Gift];

impl Output {
    /// The downloaded file's name and type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Output::Scorm2004 => ("tere-scorm2004.zip", "application/zip"),
            Output::Scorm12 => ("tere-scorm12.zip", "application/zip"),
            Output::Offline => ("tere-offline.html", "text/html"),
            Output::Toml => ("tere-course-source.zip", "application/zip"),
            Output::Gift => ("tere-course.gift", "text/plain"),
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
        }
    }
}

/// The course's source as the packages carry it (the TOML export).
pub fn source(draft: &Draft) -> Source {
    Source { files: draft.export() }
}

/// The bytes of `output` for the draft.
pub fn make(draft: &Draft, output: Output, ui: &Ui) -> Result<Vec<u8>, String> {
    let loaded = tere_authoring::load_course_files(draft.files()).map_err(|errors| ui.count(errors.len(), &ui.problems_count))?;
    let course = &loaded.course;
    let source = source(draft);
    match output {
        Output::Scorm2004 | Output::Scorm12 => {
            let version = if output == Output::Scorm2004 { Version::Scorm2004 } else { Version::Scorm12 };
            tere_publish::scorm_zip(version, &page::player(), course, &pack(course), Contents::Course, &source)
        }
        Output::Offline => tere_publish::offline_page(&page::player(), &pack(course), &source).map(String::into_bytes),
        Output::Toml => tere_publish::source_zip(&source),
        Output::Gift => {
            let mut gift = String::new();
            for quiz in course.quizzes.iter() {
                gift.push_str(&format!("$CATEGORY: {}\n\n", tere_authoring::gift::escape(&quiz.title)));
                gift.push_str(&tere_authoring::gift::quiz_to_gift(quiz).gift);
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
    tere_publish::offline_page(&page::player(), &pack(&loaded.course), &Source::default()).map_err(PreviewError::Failed)
}
