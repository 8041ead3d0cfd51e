//! The cold load of a stage with pictures (issue 26), and what the offline page pays
//! for carrying the course's media. bench.mjs plays the stage in the browser and
//! records what was fetched on each screen and when each picture was put on screen;
//! here those files are sized and the player's promise is checked: the player and the
//! stage's packs come first, and each picture only once a question or step showing it
//! is on screen (`<img loading="lazy">`, rendered only with its question).

use std::path::Path;

use serde_json::Value;
use tere_authoring::media::media_names;
use tere_authoring::CourseFiles;
use tere_engine::packed::media_path;
use tere_engine::{Kind, Quiz};

use super::{brotli_len, compress, in_load_order, is_content, ColdLoad, Sized};
use crate::util::Result;

/// The stage whose questions and dialogue steps show the most pictures and sounds (the
/// first of equals, in course order), if any does.
pub fn stage(quizzes: &[Quiz]) -> Option<&Quiz> {
    let most = quizzes.iter().map(|q| q.media().count()).max().filter(|&n| n > 0)?;
    quizzes.iter().find(|q| q.media().count() == most)
}

/// Where the course shows a media file: its question (and dialogue step).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub question: String,
    pub step: Option<String>,
}

/// Every media file `quiz` shows, by packed name (`<hash>.<ext>`), where it shows it, in
/// content order (a question's own, then its dialogue steps').
pub fn places(quiz: &Quiz) -> Vec<(String, Place)> {
    let mut out = Vec::new();
    for q in quiz.questions.iter() {
        let place = |step: Option<&str>| Place { question: q.id.to_string(), step: step.map(str::to_string) };
        out.extend(q.media.iter().map(|m| (m.file.to_string(), place(None))));
        if let Kind::Dialogue(d) = &q.kind {
            out.extend(d.steps.iter().filter_map(|s| Some((s.media.as_ref()?.file.to_string(), place(Some(&s.id))))));
        }
    }
    out
}

/// One picture or sound the played stage fetched.
pub struct Fetched {
    /// Its file in dist/ (`content/media/<hash>.<ext>`), sized.
    pub file: Sized,
    /// Its name in the course folder's `media/`, if a file there has its bytes.
    pub source: Option<String>,
    pub place: Option<Place>,
    /// The question's place in the attempt (1 = first) on whose screen it showed first.
    pub position: Option<u64>,
    /// When it was first put on screen and when its fetch began, ms from navigation start.
    pub shown_ms: Option<f64>,
    pub fetch_ms: Option<f64>,
}

pub struct MediaStage {
    pub quiz: String,
    /// What the cold load fetched up to the first question on screen, media aside: the
    /// player, the course index and the stage's pack.
    pub load: ColdLoad,
    /// Those of them fetched before Start was usable (the intro screen), by name.
    pub before_start: Vec<String>,
    /// Each media file fetched while playing, in the order first fetched.
    pub media: Vec<Fetched>,
    /// How the played stage broke the promise, if it did: a file fetched before its
    /// picture was on screen, on a screen that does not show it, or more than once.
    pub early: Vec<String>,
    /// The stage's media the path played never showed (so never fetched).
    pub unshown: Vec<(String, Place)>,
    /// Questions played.
    pub questions: u64,
}

/// The stage played in the browser (`browser.mediaStage`, bench.mjs) against its
/// course: the files sized from `dist`, each fetched picture named and placed.
pub fn measure(browser: &Value, dist: &Path, quiz: &Quiz, course_dir: &Path) -> std::result::Result<MediaStage, String> {
    let run = browser.get("mediaStage").ok_or("bench.mjs played no stage with pictures")?;
    if let Some(skipped) = run.get("skipped").and_then(Value::as_str) {
        return Err(skipped.to_string());
    }
    let strings = |v: &Value| -> Vec<String> { v.as_array().into_iter().flatten().filter_map(|s| Some(s.as_str()?.to_string())).collect() };
    let is_media = |f: &str| f.starts_with(&media_path(""));
    let in_dist = |f: &str| {
        let path = dist.join(f);
        if path.is_file() {
            Ok(path)
        } else {
            Err(format!("the stage with pictures fetched {f}, which dist/ does not hold (rebuilt during the benchmark? run it again)"))
        }
    };

    let first: Vec<String> = strings(&run["toFirstQuestion"]).into_iter().filter(|f| !is_media(f)).collect();
    let first = first.iter().map(|f| in_dist(f)).collect::<Result<Vec<_>>>()?;
    let load = ColdLoad { files: in_load_order(first, dist).iter().map(|p| compress(dist, p)).collect::<Result<Vec<_>>>()? };
    if !load.files.iter().any(|f| is_content(&f.name)) {
        return Err("the stage with pictures fetched no pack before its first question".into());
    }

    let screens = run["screens"].as_array().cloned().unwrap_or_default();
    let before_start = screens.iter().find(|s| s["screen"] == "intro").map_or_else(Vec::new, |s| strings(&s["fetched"]));
    let mut early = media_out_of_place(&screens, &is_media);
    let places = places(quiz);
    // The course's own names for its media files (none when it has no folder).
    let sources = CourseFiles::from_dir(course_dir).map(|files| media_names(&files.media)).unwrap_or_default();
    let mut media = Vec::new();
    for m in run["media"].as_array().into_iter().flatten() {
        let name = m["file"].as_str().unwrap_or_default();
        let path = in_dist(name)?;
        let packed = name.rsplit('/').next().unwrap_or(name);
        if m["early"].as_bool() != Some(false) {
            early.push(format!("{name}: its fetch began before it was put on screen (or it was never shown)"));
        }
        if m["requests"].as_u64().is_some_and(|n| n > 1) {
            early.push(format!("{name}: fetched {} times", m["requests"]));
        }
        media.push(Fetched {
            file: compress(dist, &path)?,
            source: sources.get(packed).cloned(),
            place: places.iter().find(|(f, _)| f == packed).map(|(_, p)| p.clone()),
            position: screens.iter().find(|s| strings(&s["pictures"]).iter().any(|p| p == name)).and_then(|s| s["position"].as_u64()),
            shown_ms: m["shownMs"].as_f64(),
            fetch_ms: m["fetchStartMs"].as_f64(),
        });
    }
    early.dedup();
    let fetched: Vec<&str> = media.iter().map(|m| m.file.name.rsplit('/').next().unwrap_or_default()).collect();
    let unshown = places.into_iter().filter(|(f, _)| !fetched.contains(&f.as_str())).collect();
    Ok(MediaStage { quiz: quiz.id.to_string(), load, before_start, media, early, unshown, questions: run["questions"].as_u64().unwrap_or(0) })
}

/// The media files fetched on a screen that does not show them (bench.mjs's `screens`:
/// each screen's files fetched since the screen before, and the pictures it shows).
fn media_out_of_place(screens: &[Value], is_media: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for s in screens {
        let on = |key: &str| -> Vec<&str> { s[key].as_array().into_iter().flatten().filter_map(Value::as_str).collect() };
        let pictures = on("pictures");
        for f in on("fetched").into_iter().filter(|f| is_media(f) && !pictures.contains(f)) {
            let screen = match (s["screen"].as_str(), s["position"].as_u64(), s["step"].as_str()) {
                (Some("question"), Some(n), Some(step)) => format!("question {n}, step {step}"),
                (Some("question"), Some(n), None) => format!("question {n}"),
                (other, _, _) => format!("the {}", other.unwrap_or("unknown screen")),
            };
            out.push(format!("{f}: fetched on {screen}, which does not show it"));
        }
    }
    out
}

/// What the offline page pays for carrying the course's media.
#[derive(Debug, PartialEq)]
pub struct OfflineMedia {
    /// Its `<script data-media>` blocks.
    pub files: u64,
    /// Bytes the blocks take in the page, tags and all.
    pub in_page: u64,
    /// The files' own bytes (the blocks' base64 decoded).
    pub decoded: u64,
    /// The page's bytes, and brotli -q 11 of the page with and without the blocks.
    pub page: u64,
    pub page_brotli: u64,
    pub without_brotli: u64,
}

/// `tere-offline.html`'s media blocks (`<script type="application/octet-stream"
/// data-media=…>`, base64; publish/src/offline.rs), measured against the page.
pub fn offline(html: &str) -> Result<OfflineMedia> {
    let mut rest = String::with_capacity(html.len());
    let (mut files, mut decoded, mut at) = (0, 0, 0);
    while let Some(open) = html[at..].find("<script").map(|i| at + i) {
        let body = open + html[open..].find('>').ok_or("a <script> tag is not closed")? + 1;
        let end = body + html[body..].find("</script>").ok_or("a <script> block has no </script>")? + "</script>".len();
        if html[open..body].contains(" data-media=\"") {
            let text = html[body..end - "</script>".len()].trim();
            decoded +=
                base64::Engine::decode(&base64::engine::general_purpose::STANDARD, text).map_err(|e| format!("a media block is not base64: {e}"))?.len() as u64;
            files += 1;
            rest += &html[at..open];
            // The line break after each block goes with it.
            at = if html[end..].starts_with('\n') { end + 1 } else { end };
        } else {
            rest += &html[at..end];
            at = end;
        }
    }
    rest += &html[at..];
    Ok(OfflineMedia {
        files,
        in_page: (html.len() - rest.len()) as u64,
        decoded,
        page: html.len() as u64,
        page_brotli: brotli_len(html.as_bytes()),
        without_brotli: brotli_len(rest.as_bytes()),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{media_out_of_place, offline};

    #[test]
    fn the_offline_page_s_media_blocks_are_measured_apart_from_the_rest() {
        // "AAEC" is 3 bytes, "aGk=" 2.
        let html = "<html><script type=\"application/octet-stream\" data-pack=\"course.pack\">AAEC</script>\n\
            <script type=\"application/octet-stream\" data-media=\"0123456789abcdef.svg\" data-type=\"image/svg+xml\">AAEC</script>\n\
            <script type=\"application/octet-stream\" data-media=\"fedcba9876543210.png\" data-type=\"image/png\">\naGk=\n</script>\n\
            <script type=\"module\">x</script></html>";
        let m = offline(html).unwrap();
        let blocks = "<script type=\"application/octet-stream\" data-media=\"0123456789abcdef.svg\" data-type=\"image/svg+xml\">AAEC</script>\n".len()
            + "<script type=\"application/octet-stream\" data-media=\"fedcba9876543210.png\" data-type=\"image/png\">\naGk=\n</script>\n".len();
        assert_eq!((m.files, m.in_page, m.decoded, m.page), (2, blocks as u64, 5, html.len() as u64));
        assert!(m.without_brotli < m.page_brotli);
        let none = offline("<html><script type=\"module\">x</script></html>").unwrap();
        assert_eq!((none.files, none.in_page, none.decoded), (0, 0, 0));
        assert_eq!(none.page_brotli, none.without_brotli);
        assert!(offline("<script data-media=\"a.svg\">not base64!</script>").is_err());
    }

    #[test]
    fn a_picture_fetched_on_a_screen_that_does_not_show_it_is_reported() {
        let is_media = |f: &str| f.starts_with("content/media/");
        let screens = [
            json!({ "screen": "intro", "pictures": [], "fetched": ["index.html", "content/quiz-a.pack"] }),
            json!({ "screen": "question", "position": 1, "step": null, "pictures": ["content/media/a.svg"], "fetched": ["content/media/a.svg"] }),
            json!({ "screen": "question", "position": 2, "step": "start", "pictures": [], "fetched": ["content/media/b.svg"] }),
        ];
        assert_eq!(media_out_of_place(&screens, &is_media), ["content/media/b.svg: fetched on question 2, step start, which does not show it"]);
        let prefetched = [json!({ "screen": "intro", "pictures": [], "fetched": ["content/media/a.svg"] })];
        assert_eq!(media_out_of_place(&prefetched, &is_media), ["content/media/a.svg: fetched on the intro, which does not show it"]);
        assert!(media_out_of_place(&screens[..2], &is_media).is_empty());
    }
}
