//! The cmi5 package: `cmi5.xml`, the course structure (the cmi5 specification's
//! section 13, "Course Structure Data Requirements", and its CourseStructure.xsd), at
//! the root of a zip with the xAPI player (section 14.1). One AU per stage quiz, the
//! stage alone (`index.html?quiz=<id>`: the LMS merges its launch parameters into that
//! query), mastered at its pass mark and satisfied once completed or passed, so the
//! course is satisfied when every stage is. The ids are the ones the player sends
//! (`tere_engine::xapi::ids`).

use std::io;

use tere_authoring::packed::Packs;
use tere_engine::cmi::decimal;
use tere_engine::xapi::ids::{course_iri, quiz_iri};
use tere_engine::{Course, Quiz};

use crate::describe::course_description;
use crate::xml::{self, element, text, text_with, Xml};
use crate::{launch, package_zip, Contents, Player, Source};

/// The course structure's name at the root of a cmi5 zip (section 14).
pub const CMI5_FILE: &str = "cmi5.xml";

/// The course structure's namespace, the schema's target namespace.
const NAMESPACE: &str = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

/// The course structure of `course`: the course, then each stage's AU in menu order.
pub fn cmi5_xml(course: &Course) -> String {
    xml::document(|xml| {
        element(xml, "courseStructure", &[("xmlns", NAMESPACE)], |xml| {
            element(xml, "course", &[("id", &course_iri(&course.title))], |xml| {
                langstring(xml, "title", &course.lang, &course.title)?;
                langstring(xml, "description", &course.lang, &course_description(course))
            })?;
            course.quizzes.iter().try_for_each(|quiz| au(xml, course, quiz))
        })
    })
}

/// A cmi5 package as zip bytes: [`CMI5_FILE`] first, then the xAPI player, the whole
/// course's packs with their gzip copies, and the source (as in a SCORM zip). Fails
/// only on file names a zip cannot hold twice or at all.
pub fn cmi5_zip(xapi: &Player, course: &Course, packs: &Packs, source: &Source) -> Result<Vec<u8>, String> {
    package_zip(CMI5_FILE, xapi, packs, Contents::Course, source, |_| cmi5_xml(course))
}

/// One stage's AU. Its children in the schema's order: title, description, url.
fn au(xml: &mut Xml, course: &Course, quiz: &Quiz) -> io::Result<()> {
    // A scaled score (0 to 1) with at most 2 decimals: the pass mark is whole percent.
    let mastery = decimal(f64::from(quiz.pass_mark) / 100.0);
    let id = quiz_iri(&course.title, &quiz.id);
    element(xml, "au", &[("id", &id), ("moveOn", "CompletedOrPassed"), ("masteryScore", &mastery), ("launchMethod", "AnyWindow")], |xml| {
        langstring(xml, "title", &quiz.lang, &quiz.title)?;
        langstring(xml, "description", &quiz.lang, &quiz.intro)?;
        text(xml, "url", &launch::stage(quiz))
    })
}

/// `<name><langstring lang="…">text</langstring></name>`: each text of a course or
/// quiz is in its one language.
fn langstring(xml: &mut Xml, name: &str, lang: &str, text: &str) -> io::Result<()> {
    element(xml, name, &[], |xml| text_with(xml, "langstring", &[("lang", lang)], text))
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use tere_authoring::load_course;
    use tere_engine::xapi::ids::{course_iri, quiz_iri};
    use tere_engine::Course;

    use super::{cmi5_xml, NAMESPACE};
    use crate::xml::tree::parse;

    /// The repository root (this crate lives one level below it).
    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("publish is inside the repo").to_path_buf()
    }

    fn load(folder: &str) -> Course {
        load_course(&root().join(folder)).unwrap_or_else(|_| panic!("{folder} has errors")).course
    }

    /// The built-in course with a title and a stage title full of markup.
    fn marked_up() -> Course {
        let mut course = load("questions");
        course.title = "Kurs & <õpe> \"x\" 'y'".into();
        course.quizzes.to_mut()[1].title = "A & B <c> \"d\"".into();
        course
    }

    #[test]
    fn the_course_has_its_iri_title_and_description_in_its_language() {
        let course = load("questions");
        let structure = parse(&cmi5_xml(&course)).expect("well-formed");
        assert_eq!((structure.name.as_str(), structure.attribute("xmlns")), ("courseStructure", Some(NAMESPACE)));
        let names: Vec<&str> = structure.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[0], "course");
        assert!(names[1..].iter().all(|n| *n == "au"), "{names:?}");
        let head = structure.one("course");
        assert_eq!(head.attribute("id"), Some(course_iri(&course.title).as_str()));
        for (name, text) in [("title", course.title.to_string()), ("description", super::course_description(&course))] {
            let langstring = head.one(name).one("langstring");
            assert_eq!((langstring.attribute("lang"), langstring.text.as_str()), (Some(&*course.lang), text.as_str()), "{name}");
        }
        assert!(super::course_description(&course).contains(&*course.quizzes[0].title));
    }

    #[test]
    fn each_stage_is_one_au_with_its_iri_launch_and_the_mastery_of_its_pass_mark() {
        let mut course = load("questions");
        // Pass marks that format differently: none, a half, two decimals, all.
        for (quiz, mark) in course.quizzes.to_mut().iter_mut().zip([0, 50, 33, 100, 80, 75, 1]) {
            quiz.pass_mark = mark;
        }
        let structure = parse(&cmi5_xml(&course)).expect("well-formed");
        let aus: Vec<_> = structure.all("au").collect();
        assert_eq!(aus.len(), course.quizzes.len());
        for (au, quiz) in aus.iter().zip(course.quizzes.iter()) {
            assert_eq!(au.attribute("id"), Some(quiz_iri(&course.title, &quiz.id).as_str()));
            let mastery: f64 = au.attribute("masteryScore").expect("a mastery score").parse().expect("a decimal");
            assert_eq!((mastery * 100.0).round() as u8, quiz.pass_mark, "{}", quiz.id);
            assert!((0.0..=1.0).contains(&mastery));
            assert_eq!((au.attribute("moveOn"), au.attribute("launchMethod")), (Some("CompletedOrPassed"), Some("AnyWindow")));
            let children: Vec<&str> = au.children.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(children, ["title", "description", "url"], "the schema's order");
            assert_eq!(au.one("url").text, format!("index.html?quiz={}", quiz.id));
            for (name, text) in [("title", &quiz.title), ("description", &quiz.intro)] {
                let langstring = au.one(name).one("langstring");
                assert_eq!((langstring.attribute("lang"), langstring.text.as_str()), (Some(&*quiz.lang), &**text), "{} {name}", quiz.id);
            }
        }
        let marks: Vec<&str> = aus.iter().take(7).map(|au| au.attribute("masteryScore").unwrap()).collect();
        assert_eq!(marks, ["0", "0.5", "0.33", "1", "0.8", "0.75", "0.01"]);
    }

    #[test]
    fn texts_are_escaped_and_read_back_as_written() {
        let course = marked_up();
        let xml = cmi5_xml(&course);
        assert!(xml.contains("<langstring lang=\"et\">Kurs &amp; &lt;õpe&gt; \"x\" 'y'</langstring>"), "{xml}");
        assert!(xml.contains("<langstring lang=\"et\">A &amp; B &lt;c&gt; \"d\"</langstring>"), "{xml}");
        let structure = parse(&xml).expect("well-formed");
        assert_eq!(structure.one("course").one("title").one("langstring").text, "Kurs & <õpe> \"x\" 'y'");
        assert_eq!(structure.all("au").nth(1).unwrap().one("title").one("langstring").text, "A & B <c> \"d\"");
        // A description made of stage titles is escaped as well.
        assert!(structure.one("course").one("description").one("langstring").text.contains("A & B <c> \"d\""));
    }

    /// The built-in course (with texts full of markup) and the hostile course against the
    /// cmi5 course structure schema, where xmllint and the schema are found
    /// (`$TERE_CMI5_XSD`, a folder holding CourseStructure.xsd, else `../shared/cmi5`).
    #[test]
    fn every_course_structure_validates_against_the_cmi5_schema() {
        let xsd = std::env::var_os("TERE_CMI5_XSD").map_or_else(|| root().join("../shared/cmi5"), PathBuf::from).join("CourseStructure.xsd");
        if !xsd.is_file() || Command::new("xmllint").arg("--version").output().is_err() {
            eprintln!("skipped: no xmllint or no cmi5 schema at {}", xsd.display());
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        for (name, course) in [("questions", marked_up()), ("hostile", load("tests/hostile-content"))] {
            let file = dir.path().join(format!("{name}-cmi5.xml"));
            std::fs::write(&file, cmi5_xml(&course)).unwrap();
            let out = Command::new("xmllint").arg("--noout").arg("--schema").arg(&xsd).arg(&file).output().unwrap();
            assert!(out.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
        }
    }
}
