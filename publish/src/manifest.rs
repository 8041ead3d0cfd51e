//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition. Every package has
//! exactly one SCO (docs/moodle.md says why): the whole course (`index.html`, Tere's
//! own stage menu, each stage reported as an objective) or one stage
//! (`index.html?quiz=<id>`, mastery from its pass mark). Every file is listed.

use std::io;

use tere_engine::cmi::Version;
use tere_engine::{Course, Quiz};

use crate::launch;
use crate::xml::{self, element, empty, text, Xml};

/// What one package holds.
#[derive(Clone, Copy)]
pub enum Contents<'a> {
    Course,
    Stage(&'a Quiz),
}

pub fn manifest(version: Version, course: &Course, contents: Contents, files: &[String]) -> String {
    xml::document(|xml| write_manifest(xml, version, course, contents, files))
}

fn write_manifest(xml: &mut Xml, version: Version, course: &Course, contents: Contents, files: &[String]) -> io::Result<()> {
    let v12 = version == Version::Scorm12;
    let attr = if v12 { "adlcp:scormtype" } else { "adlcp:scormType" };
    let (identifier, title, href) = match contents {
        Contents::Course => ("tere_course".to_string(), &*course.title, launch::MENU.to_string()),
        Contents::Stage(q) => (format!("tere_{}", q.id), &*q.title, launch::stage(q)),
    };
    let (namespaces, schema_version) = if v12 { (NAMESPACES_12, "1.2") } else { (NAMESPACES_2004, "2004 4th Edition") };
    let mut root = xml.create_element("manifest").with_attribute(("identifier", identifier.as_str())).with_attribute(("version", "1.0"));
    for namespace in namespaces {
        root = root.new_line().with_attribute(*namespace);
    }
    root.write_inner_content(|xml| {
        element(xml, "metadata", &[], |xml| {
            text(xml, "schema", "ADL SCORM")?;
            text(xml, "schemaversion", schema_version)
        })?;
        element(xml, "organizations", &[("default", "tere_org")], |xml| {
            element(xml, "organization", &[("identifier", "tere_org")], |xml| {
                text(xml, "title", title)?;
                match contents {
                    Contents::Course => course_item(xml, course)?,
                    Contents::Stage(q) => item(xml, version, q)?,
                }
                if v12 {
                    return Ok(());
                }
                element(xml, "imsss:sequencing", &[], |xml| empty(xml, "imsss:controlMode", &[("choice", "true"), ("flow", "true")]))
            })
        })?;
        element(xml, "resources", &[], |xml| {
            element(xml, "resource", &[("identifier", "res_sco"), ("type", "webcontent"), (attr, "sco"), ("href", &href)], |xml| {
                empty(xml, "file", &[("href", launch::MENU)])?;
                empty(xml, "dependency", &[("identifierref", "res_assets")])
            })?;
            element(xml, "resource", &[("identifier", "res_assets"), ("type", "webcontent"), (attr, "asset")], |xml| {
                files.iter().try_for_each(|f| empty(xml, "file", &[("href", f)]))
            })
        })
    })?;
    Ok(())
}

/// The whole course as one SCO: no mastery score, because the course passes when
/// every stage does (the SCO reports that itself), not at a score.
fn course_item(xml: &mut Xml, course: &Course) -> io::Result<()> {
    element(xml, "item", &[("identifier", "item_course"), ("identifierref", "res_sco"), ("isvisible", "true")], |xml| text(xml, "title", &course.title))
}

fn item(xml: &mut Xml, version: Version, quiz: &Quiz) -> io::Result<()> {
    let identifier = format!("item_{}", quiz.id);
    element(xml, "item", &[("identifier", &identifier), ("identifierref", "res_sco"), ("isvisible", "true")], |xml| {
        text(xml, "title", &quiz.title)?;
        match version {
            Version::Scorm12 => text(xml, "adlcp:masteryscore", &quiz.pass_mark.to_string()),
            Version::Scorm2004 => {
                let objective = format!("{}_mastery", quiz.id);
                let measure = tere_engine::cmi::decimal(quiz.pass_mark as f64 / 100.0);
                element(xml, "imsss:sequencing", &[], |xml| {
                    element(xml, "imsss:objectives", &[], |xml| {
                        element(xml, "imsss:primaryObjective", &[("objectiveID", &objective), ("satisfiedByMeasure", "true")], |xml| {
                            text(xml, "imsss:minNormalizedMeasure", &measure)
                        })
                    })
                })
            }
        }
    })
}

const NAMESPACES_12: &[(&str, &str)] = &[
    ("xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2"),
    ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    (
        "xsi:schemaLocation",
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
    ),
];

const NAMESPACES_2004: &[(&str, &str)] = &[
    ("xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1"),
    ("xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3"),
    ("xmlns:adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
    ("xmlns:adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
    ("xmlns:imsss", "http://www.imsglobal.org/xsd/imsss"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    (
        "xsi:schemaLocation",
        "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd",
    ),
];

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use tere_authoring::load_course;
    use tere_engine::cmi::Version;
    use tere_engine::Course;

    use super::{manifest, Contents};

    /// The repository root (this crate lives one level below it).
    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("publish is inside the repo").to_path_buf()
    }

    fn course() -> Course {
        let loaded = load_course(&root().join("questions")).unwrap_or_else(|_| panic!("questions/ has errors"));
        loaded.course
    }

    fn files() -> Vec<String> {
        ["index.html", "tere-1.js", "tere-1_bg.wasm", "style & <more>.css", "dir/\"ü'.svg"].map(String::from).to_vec()
    }

    #[test]
    fn a_stage_manifest_has_the_elements_attributes_and_order_of_scorm_1_2() {
        let course = course();
        let q = &course.quizzes[0];
        let expected = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tere_{id}" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="tere_org">
    <organization identifier="tere_org">
      <title>{title}</title>
      <item identifier="item_{id}" identifierref="res_sco" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{mark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_sco" type="webcontent" adlcp:scormtype="sco" href="index.html?quiz={id}">
      <file href="index.html"/>
      <dependency identifierref="res_assets"/>
    </resource>
    <resource identifier="res_assets" type="webcontent" adlcp:scormtype="asset">
      <file href="index.html"/>
      <file href="tere-1.js"/>
      <file href="tere-1_bg.wasm"/>
      <file href="style &amp; &lt;more&gt;.css"/>
      <file href="dir/&quot;ü&apos;.svg"/>
    </resource>
  </resources>
</manifest>
"#,
            id = q.id,
            title = q.title,
            mark = q.pass_mark
        );
        assert_eq!(manifest(Version::Scorm12, &course, Contents::Stage(q), &files()), expected);
    }

    #[test]
    fn texts_are_escaped_and_scorm_2004_has_its_sequencing() {
        let mut course = course();
        course.title = "Kurs & <õpe> \"x\" 'y'".into();
        let whole = manifest(Version::Scorm2004, &course, Contents::Course, &files());
        assert!(whole.contains("<title>Kurs &amp; &lt;õpe&gt; \"x\" 'y'</title>"), "{whole}");
        assert!(whole.contains(r#"adlcp:scormType="sco" href="index.html">"#), "{whole}");
        assert!(whole
            .contains("      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n    </organization>"));
        assert!(!whole.contains("minNormalizedMeasure"));
        let q = &course.quizzes[0];
        let stage = manifest(Version::Scorm2004, &course, Contents::Stage(q), &files());
        let measure = tere_engine::cmi::decimal(q.pass_mark as f64 / 100.0);
        assert!(stage.contains(&format!(
            "<imsss:primaryObjective objectiveID=\"{}_mastery\" satisfiedByMeasure=\"true\">\n              <imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>",
            q.id
        )));
    }

    /// Every manifest of the built-in course (with a title and file names full of markup)
    /// against the official schemas, where xmllint and the schemas are found
    /// (`$TERE_SCORM_XSD`, else `../shared/scorm-xsd`, as the browser tests look).
    #[test]
    fn every_manifest_validates_against_the_scorm_schemas() {
        let xsd = std::env::var_os("TERE_SCORM_XSD").map_or_else(|| root().join("../shared/scorm-xsd"), PathBuf::from);
        if !xsd.join("scorm12/wrapper12.xsd").is_file() || Command::new("xmllint").arg("--version").output().is_err() {
            eprintln!("skipped: no xmllint or no SCORM schemas at {}", xsd.display());
            return;
        }
        let mut course = course();
        course.title = "Kurs & <õpe> \"x\" 'y'".into();
        let dir = tempfile::tempdir().unwrap();
        let mut sets = vec![("course".to_string(), Contents::Course)];
        sets.extend(course.quizzes.iter().map(|q| (q.id.to_string(), Contents::Stage(q))));
        for (version, schema) in [(Version::Scorm12, "scorm12/wrapper12.xsd"), (Version::Scorm2004, "scorm2004/wrapper2004.xsd")] {
            for (name, contents) in &sets {
                let file = dir.path().join(format!("{name}-{schema}.xml").replace('/', "-"));
                std::fs::write(&file, manifest(version, &course, *contents, &files())).unwrap();
                let out = Command::new("xmllint").arg("--noout").arg("--schema").arg(xsd.join(schema)).arg(&file).output().unwrap();
                assert!(out.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
            }
        }
    }
}
