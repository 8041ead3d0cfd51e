//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition: one organization for
//! the course, one SCO per quiz (launched as `index.html?quiz=<id>`), mastery from
//! each quiz's pass mark, and every file of the package listed.

use tere_engine::cmi::Version;
use tere_engine::{Course, Quiz};

pub fn manifest(version: Version, course: &Course, quizzes: &[&Quiz], files: &[String]) -> String {
    let v12 = version == Version::Scorm12;
    let attr = if v12 { "scormtype" } else { "scormType" };
    let items: String = quizzes.iter().map(|q| item(version, q)).collect();
    let scos: String = quizzes
        .iter()
        .map(|q| {
            format!(
                "    <resource identifier=\"res_{id}\" type=\"webcontent\" adlcp:{attr}=\"sco\" href=\"index.html?quiz={id}\">\n      <file href=\"index.html\"/>\n      <dependency identifierref=\"res_assets\"/>\n    </resource>\n",
                id = q.id,
            )
        })
        .collect();
    let assets: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", escape(f))).collect();
    let (head, schema_version, org_sequencing) = if v12 {
        (HEAD_12, "1.2", "")
    } else {
        (HEAD_2004, "2004 4th Edition", "      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n")
    };
    let single = quizzes.len() == 1;
    let identifier = if single { format!("tere_{}", quizzes[0].id) } else { "tere_course".to_string() };
    let title = escape(if single { &quizzes[0].title } else { &course.title });
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"{identifier}\" version=\"1.0\"\n{head}>\n  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>{schema_version}</schemaversion>\n  </metadata>\n  <organizations default=\"tere_org\">\n    <organization identifier=\"tere_org\">\n      <title>{title}</title>\n{items}{org_sequencing}    </organization>\n  </organizations>\n  <resources>\n{scos}    <resource identifier=\"res_assets\" type=\"webcontent\" adlcp:{attr}=\"asset\">\n{assets}    </resource>\n  </resources>\n</manifest>\n"
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
        "      <item identifier=\"item_{id}\" identifierref=\"res_{id}\" isvisible=\"true\">\n        <title>{}</title>\n{mastery}      </item>\n",
        escape(&quiz.title),
        id = quiz.id
    )
}

const HEAD_12: &str = "  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\"";

const HEAD_2004: &str = "  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\"";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
