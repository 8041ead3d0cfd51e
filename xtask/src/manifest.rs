//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition. Every package has
//! exactly one SCO (docs/moodle.md says why): the whole course (`index.html`, Tere's
//! own stage menu, each stage reported as an objective) or one stage
//! (`index.html?quiz=<id>`, mastery from its pass mark). Every file is listed.

use tere_engine::cmi::Version;
use tere_engine::{Course, Quiz};

/// What one package holds.
#[derive(Clone, Copy)]
pub enum Contents<'a> {
    Course,
    Stage(&'a Quiz),
}

pub fn manifest(version: Version, course: &Course, contents: Contents, files: &[String]) -> String {
    let v12 = version == Version::Scorm12;
    let attr = if v12 { "scormtype" } else { "scormType" };
    let (identifier, title, href, item) = match contents {
        Contents::Course => ("tere_course".to_string(), escape(&course.title), "index.html".to_string(), course_item(course)),
        Contents::Stage(q) => (format!("tere_{}", q.id), escape(&q.title), format!("index.html?quiz={}", q.id), item(version, q)),
    };
    let assets: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", escape(f))).collect();
    let (head, schema_version, org_sequencing) = if v12 {
        (HEAD_12, "1.2", "")
    } else {
        (HEAD_2004, "2004 4th Edition", "      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n")
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"{identifier}\" version=\"1.0\"\n{head}>\n  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>{schema_version}</schemaversion>\n  </metadata>\n  <organizations default=\"tere_org\">\n    <organization identifier=\"tere_org\">\n      <title>{title}</title>\n{item}{org_sequencing}    </organization>\n  </organizations>\n  <resources>\n    <resource identifier=\"res_sco\" type=\"webcontent\" adlcp:{attr}=\"sco\" href=\"{href}\">\n      <file href=\"index.html\"/>\n      <dependency identifierref=\"res_assets\"/>\n    </resource>\n    <resource identifier=\"res_assets\" type=\"webcontent\" adlcp:{attr}=\"asset\">\n{assets}    </resource>\n  </resources>\n</manifest>\n"
    )
}

/// The whole course as one SCO: no mastery score, because the course passes when
/// every stage does (the SCO reports that itself), not at a score.
fn course_item(course: &Course) -> String {
    format!(
        "      <item identifier=\"item_course\" identifierref=\"res_sco\" isvisible=\"true\">\n        <title>{}</title>\n      </item>\n",
        escape(&course.title)
    )
}

fn item(version: Version, quiz: &Quiz) -> String {
    let mastery = match version {
        Version::Scorm12 => format!("        <adlcp:masteryscore>{}</adlcp:masteryscore>\n", quiz.pass_mark),
        Version::Scorm2004 => format!(
            "        <imsss:sequencing>\n          <imsss:objectives>\n            <imsss:primaryObjective objectiveID=\"{}_mastery\" satisfiedByMeasure=\"true\">\n              <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>\n",
            quiz.id,
            tere_engine::cmi::decimal(quiz.pass_mark as f64 / 100.0)
        ),
    };
    format!(
        "      <item identifier=\"item_{id}\" identifierref=\"res_sco\" isvisible=\"true\">\n        <title>{}</title>\n{mastery}      </item>\n",
        escape(&quiz.title),
        id = quiz.id
    )
}

const HEAD_12: &str = "  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\"";

const HEAD_2004: &str = "  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\"";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
