//! The xAPI package: `tincan.xml` (Tin Can package metadata, namespace
//! `http://projecttincan.com/tincan.xsd`) at the root of a zip with the xAPI player,
//! as Moodle's "xAPI Launch Link" (mod_tincanlaunch) and LRS-side players import it.
//!
//! mod_tincanlaunch reads the first `<activity>` in the first child of `<tincan>`: its
//! `id` becomes the activity's id and its `<launch>`, below the unpacked package, the
//! launch URL, to which it appends `?endpoint=…&auth=…&actor=…&registration=…` (and
//! `activity_id` in its recent versions). So the course comes first and launches the
//! stage menu, `index.html` with no query of its own (a `?quiz=` would be broken by the
//! plugin's `?`). The stages follow as assessments, so that an LRS can name them in
//! reports, with no launch: only one activity of a package may have one (Rustici's
//! packaging rules, which the plugin follows). The ids are the ones the player sends
//! (`tere_engine::xapi::ids`).

use std::io;

use tere_authoring::packed::Packs;
use tere_engine::xapi::ids::{course_iri, quiz_iri};
use tere_engine::{Course, Quiz};

use crate::describe::course_description;
use crate::xml::{self, element, text_with, Xml};
use crate::{launch, package_zip, Contents, Player, Source};

/// The metadata's name at the root of an xAPI zip.
pub const TINCAN_FILE: &str = "tincan.xml";

const NAMESPACE: &str = "http://projecttincan.com/tincan.xsd";
/// xAPI's activity types (ADL's vocabulary).
const COURSE_TYPE: &str = "http://adlnet.gov/expapi/activities/course";
const ASSESSMENT_TYPE: &str = "http://adlnet.gov/expapi/activities/assessment";

/// The package metadata of `course`: the course with its launch, then each stage.
pub fn tincan_xml(course: &Course) -> String {
    xml::document(|xml| {
        element(xml, "tincan", &[("xmlns", NAMESPACE)], |xml| {
            element(xml, "activities", &[], |xml| {
                element(xml, "activity", &[("id", &course_iri(&course.title)), ("type", COURSE_TYPE)], |xml| {
                    let lang = [("lang", &*course.lang)];
                    text_with(xml, "name", &lang, &course.title)?;
                    text_with(xml, "description", &lang, &course_description(course))?;
                    text_with(xml, "launch", &lang, launch::MENU)
                })?;
                course.quizzes.iter().try_for_each(|quiz| stage(xml, course, quiz))
            })
        })
    })
}

/// An xAPI package as zip bytes: [`TINCAN_FILE`] first, then the same files as
/// [`crate::cmi5_zip`]'s (the xAPI player, the whole course's packs with their gzip
/// copies, the source). Fails only on file names a zip cannot hold twice or at all.
pub fn xapi_zip(xapi: &Player, course: &Course, packs: &Packs, source: &Source) -> Result<Vec<u8>, String> {
    package_zip(TINCAN_FILE, xapi, packs, Contents::Course, source, |_| tincan_xml(course))
}

/// A stage, described for reports; launched only through the course's menu.
fn stage(xml: &mut Xml, course: &Course, quiz: &Quiz) -> io::Result<()> {
    element(xml, "activity", &[("id", &quiz_iri(&course.title, &quiz.id)), ("type", ASSESSMENT_TYPE)], |xml| {
        let lang = [("lang", &*quiz.lang)];
        text_with(xml, "name", &lang, &quiz.title)?;
        text_with(xml, "description", &lang, &quiz.intro)
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::process::Command;

    use tere_authoring::load_course;
    use tere_engine::xapi::ids::{course_iri, quiz_iri};
    use tere_engine::Course;

    use super::{tincan_xml, ASSESSMENT_TYPE, COURSE_TYPE, NAMESPACE};
    use crate::xml::tree::parse;

    fn course() -> Course {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("publish is inside the repo");
        load_course(&root.join("questions")).unwrap_or_else(|_| panic!("questions/ has errors")).course
    }

    /// What mod_tincanlaunch takes: the first child of the first child of the root.
    #[test]
    fn moodle_takes_the_course_and_the_menu_from_the_first_activity() {
        let course = course();
        let tincan = parse(&tincan_xml(&course)).expect("well-formed");
        assert_eq!((tincan.name.as_str(), tincan.attribute("xmlns")), ("tincan", Some(NAMESPACE)));
        let activities = &tincan.children[0];
        assert_eq!((activities.name.as_str(), tincan.children.len()), ("activities", 1));
        let first = &activities.children[0];
        assert_eq!(first.name, "activity");
        assert_eq!((first.attribute("id"), first.attribute("type")), (Some(course_iri(&course.title).as_str()), Some(COURSE_TYPE)));
        let launch = first.one("launch");
        assert_eq!((launch.text.as_str(), launch.attribute("lang")), ("index.html", Some(&*course.lang)));
        assert_eq!(first.one("name").text, *course.title);
        assert_eq!(activities.children.iter().filter(|a| a.all("launch").next().is_some()).count(), 1, "only one activity launches");
    }

    #[test]
    fn the_stages_follow_as_assessments_in_menu_order() {
        let course = course();
        let tincan = parse(&tincan_xml(&course)).expect("well-formed");
        let stages: Vec<_> = tincan.one("activities").all("activity").skip(1).collect();
        assert_eq!(stages.len(), course.quizzes.len());
        for (activity, quiz) in stages.iter().zip(course.quizzes.iter()) {
            assert_eq!((activity.attribute("id"), activity.attribute("type")), (Some(quiz_iri(&course.title, &quiz.id).as_str()), Some(ASSESSMENT_TYPE)));
            let children: Vec<(&str, &str, Option<&str>)> = activity.children.iter().map(|c| (c.name.as_str(), c.text.as_str(), c.attribute("lang"))).collect();
            assert_eq!(children, [("name", &*quiz.title, Some(&*quiz.lang)), ("description", &*quiz.intro, Some(&*quiz.lang))]);
        }
    }

    #[test]
    fn texts_are_escaped_so_that_moodle_reads_them_as_written() {
        let mut course = course();
        course.title = "Kurs & <õpe> \"x\" 'y'".into();
        course.quizzes.to_mut()[0].intro = "A & B <c> \"d\" &amp;".into();
        let xml = tincan_xml(&course);
        assert!(xml.contains("<name lang=\"et\">Kurs &amp; &lt;õpe&gt; \"x\" 'y'</name>"), "{xml}");
        let tincan = parse(&xml).expect("well-formed");
        let activities = tincan.one("activities");
        assert_eq!(activities.children[0].one("name").text, "Kurs & <õpe> \"x\" 'y'");
        assert_eq!(activities.children[1].one("description").text, "A & B <c> \"d\" &amp;");
        // mod_tincanlaunch turns each `&` not followed by 2 to 6 word characters and `;`
        // into `&amp;` before parsing: every `&` written must already be an entity.
        for (at, _) in xml.match_indices('&') {
            let entity = xml[at + 1..].split(';').next().unwrap();
            assert!((2..=6).contains(&entity.len()) && entity.chars().all(|c| c.is_alphanumeric() || c == '_'), "&{entity}; at {at}");
        }
        if Command::new("xmllint").arg("--version").output().is_ok() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("tincan.xml");
            std::fs::write(&file, &xml).unwrap();
            let out = Command::new("xmllint").arg("--noout").arg(&file).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        } else {
            eprintln!("no xmllint: tincan.xml checked by quick-xml alone");
        }
    }
}
