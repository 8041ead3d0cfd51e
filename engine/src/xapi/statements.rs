//! The xAPI statements Tere sends, field by field (docs/cmi5.md lists them): the cmi5
//! defined ones (`initialized`, `completed`, `passed`, `failed`, `terminated`) and an
//! `answered` for every settled answer and every dialogue reply, with the same record
//! SCORM 2004 gets (`cmi::Record`: xAPI took its response formats from it).

use crate::cmi::{self, Version};
use crate::json::Json;
use crate::shuffle::Rng;

/// A verb Tere uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Initialized,
    Answered,
    Completed,
    Passed,
    Failed,
    Terminated,
}

impl Verb {
    pub fn iri(self) -> &'static str {
        match self {
            Verb::Initialized => "http://adlnet.gov/expapi/verbs/initialized",
            Verb::Answered => "http://adlnet.gov/expapi/verbs/answered",
            Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
            Verb::Passed => "http://adlnet.gov/expapi/verbs/passed",
            Verb::Failed => "http://adlnet.gov/expapi/verbs/failed",
            Verb::Terminated => "http://adlnet.gov/expapi/verbs/terminated",
        }
    }

    fn display(self) -> &'static str {
        match self {
            Verb::Initialized => "initialized",
            Verb::Answered => "answered",
            Verb::Completed => "completed",
            Verb::Passed => "passed",
            Verb::Failed => "failed",
            Verb::Terminated => "terminated",
        }
    }

    /// A cmi5 defined verb (with the cmi5 category); `answered` is only cmi5 allowed.
    fn is_cmi5_defined(self) -> bool {
        match self {
            Verb::Initialized | Verb::Completed | Verb::Passed | Verb::Failed | Verb::Terminated => true,
            Verb::Answered => false,
        }
    }

    /// Whether the result says completion or success (then the moveOn category goes with it).
    fn moves_on(self) -> bool {
        match self {
            Verb::Completed | Verb::Passed | Verb::Failed => true,
            Verb::Initialized | Verb::Answered | Verb::Terminated => false,
        }
    }
}

pub const CMI5_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
pub const MOVE_ON_CATEGORY: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
pub const MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// Result extensions for what SCORM keeps in its resume data: the tries a question
/// took and the hints the learner opened.
pub const TRIES: &str = "urn:tere:result:tries";
pub const HINTS: &str = "urn:tere:result:hints";
const INTERACTION_TYPE: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// One statement: its id (made here, so sending it again stores it once) and its JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub id: String,
    pub body: String,
}

/// Who and where, the same for every statement of a launch.
#[derive(Clone, Debug)]
pub struct Subject {
    pub actor: Json,
    pub registration: Option<String>,
    /// The LMS's context template (cmi5), or an empty object.
    pub context: Json,
    /// The course's activity (every statement's grouping).
    pub course: String,
    /// Whether cmi5's rules hold (categories on the defined verbs).
    pub cmi5: bool,
    /// The LMS's mastery score (0-1) as it gave it: passed and failed repeat it.
    pub mastery: Option<Json>,
}

/// The result of a `completed`, `passed` or `failed`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Judged {
    /// 0-100; `None` when nothing is graded.
    pub score: Option<u8>,
    pub duration_centis: u64,
}

/// A new statement id: a random (version 4) UUID from the client's generator.
pub fn new_id(rng: &mut Rng) -> String {
    let (a, b) = (rng.next_u64(), rng.next_u64());
    let a = (a & !0xF000) | 0x4000; // version 4
    let b = (b & !(0xC << 60)) | (0x8 << 60); // the RFC 4122 variant
    format!("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF, b >> 48, b & 0xFFFF_FFFF_FFFF)
}

fn activity(id: &str) -> Json {
    Json::object([("objectType", Json::str("Activity")), ("id", Json::str(id))])
}

fn lang_map(lang: &str, text: &str) -> Json {
    Json::Object(vec![(lang.to_string(), Json::str(text))])
}

impl Subject {
    /// A statement of `verb` about `object`; `parent` is the quiz an answer belongs to.
    fn statement(&self, rng: &mut Rng, verb: Verb, object: Json, parent: Option<&str>, result: Option<Json>, epoch_ms: u64) -> Statement {
        let id = new_id(rng);
        let mut context = self.context.clone();
        if let Some(registration) = &self.registration {
            context.add_missing("registration", Json::str(registration));
        }
        if let Some(activities) = context.member_mut("contextActivities", false) {
            let mut add = |list: &str, id: &str| {
                if let Some(Json::List(items)) = activities.member_mut(list, true) {
                    if !items.iter().any(|a| a.get("id").and_then(Json::as_str) == Some(id)) {
                        items.push(activity(id));
                    }
                }
            };
            if let Some(parent) = parent {
                add("parent", parent);
            }
            add("grouping", &self.course);
            if self.cmi5 && verb.is_cmi5_defined() {
                add("category", CMI5_CATEGORY);
                if verb.moves_on() {
                    add("category", MOVE_ON_CATEGORY);
                }
            }
        }
        if let (Some(mastery), Verb::Passed | Verb::Failed) = (&self.mastery, verb) {
            if let Some(Json::Object(extensions)) = context.member_mut("extensions", false) {
                extensions.push((MASTERY_SCORE.to_string(), mastery.clone()));
            }
        }
        let mut members = vec![
            ("id".to_string(), Json::str(&id)),
            ("actor".to_string(), self.actor.clone()),
            ("verb".to_string(), Json::object([("id", Json::str(verb.iri())), ("display", lang_map("en-US", verb.display()))])),
            ("object".to_string(), object),
        ];
        if let Some(result) = result {
            members.push(("result".to_string(), result));
        }
        members.push(("context".to_string(), context));
        members.push(("timestamp".to_string(), Json::str(cmi::timestamp(Version::Scorm2004, epoch_ms))));
        Statement { id, body: Json::Object(members).write() }
    }

    /// `initialized` or `terminated` (with the session's duration) for `object`.
    pub fn session(&self, rng: &mut Rng, verb: Verb, object: &str, duration_centis: Option<u64>, epoch_ms: u64) -> Statement {
        let result = duration_centis.map(|d| Json::object([("duration", Json::str(cmi::duration(Version::Scorm2004, d)))]));
        self.statement(rng, verb, activity(object), None, result, epoch_ms)
    }

    /// `completed`, `passed` or `failed` for `object`: completion, or success with the score.
    pub fn judged(&self, rng: &mut Rng, verb: Verb, object: &str, judged: Judged, epoch_ms: u64) -> Statement {
        let mut result = Vec::new();
        match verb {
            Verb::Completed => result.push(("completion".to_string(), Json::Bool(true))),
            Verb::Passed | Verb::Failed => {
                result.push(("success".to_string(), Json::Bool(verb == Verb::Passed)));
                if let Some(score) = judged.score {
                    result.push(("score".to_string(), score_of(score)));
                }
            }
            Verb::Initialized | Verb::Answered | Verb::Terminated => {}
        }
        result.push(("duration".to_string(), Json::str(cmi::duration(Version::Scorm2004, judged.duration_centis))));
        self.statement(rng, verb, activity(object), None, Some(Json::Object(result)), epoch_ms)
    }

    /// `answered`: one question's (or one dialogue reply's) record as a cmi.interaction
    /// activity below the quiz `parent`, with the tries and hints it took.
    pub fn answered(&self, rng: &mut Rng, parent: &str, record: &cmi::Record, components: Vec<(&'static str, Vec<(String, &str)>)>, used: Used) -> Statement {
        let text = cmi::one_line(record.description, 240);
        let mut definition = vec![
            ("type".to_string(), Json::str(INTERACTION_TYPE)),
            ("name".to_string(), lang_map(record.lang, &cmi::one_line(&text, 100))),
            ("description".to_string(), lang_map(record.lang, &text)),
            ("interactionType".to_string(), Json::str(record.kind)),
        ];
        if let Some(pattern) = &record.pattern {
            definition.push(("correctResponsesPattern".to_string(), Json::List(vec![Json::str(pattern)])));
        }
        for (name, parts) in components {
            let parts =
                parts.into_iter().map(|(id, text)| Json::object([("id", Json::str(id)), ("description", lang_map(record.lang, &cmi::one_line(text, 240)))]));
            definition.push((name.to_string(), Json::List(parts.collect())));
        }
        let object = Json::object([
            ("objectType", Json::str("Activity")),
            ("id", Json::str(format!("{parent}/question/{}", record.id))),
            ("definition", Json::Object(definition)),
        ]);
        // An empty response (nothing chosen) is left out: xAPI LRSs refuse `""`.
        let mut result = Vec::new();
        if !record.response.is_empty() {
            result.push(("response".to_string(), Json::str(&record.response)));
        }
        if let Some(credit) = record.credit {
            result.push(("success".to_string(), Json::Bool(crate::score::is_full_credit(credit))));
            result.push(("score".to_string(), Json::object([("scaled", Json::fraction(credit))])));
        }
        result.push(("duration".to_string(), Json::str(cmi::duration(Version::Scorm2004, record.latency_centis))));
        let extensions = Json::object([(TRIES, Json::int(u64::from(used.tries))), (HINTS, Json::int(u64::from(used.hints)))]);
        result.push(("extensions".to_string(), extensions));
        self.statement(rng, Verb::Answered, object, Some(parent), Some(Json::Object(result)), record.epoch_ms)
    }
}

/// What an answer took: its tries and the hints opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Used {
    pub tries: u32,
    pub hints: u32,
}

/// A score as `scaled` alone: what cmi5 judges by (the mastery score is scaled too).
/// `raw` would need `min` and `max`, and some LRSs (xapi-rs 0.1) refuse `raw == max`,
/// which would drop every full score.
fn score_of(score: u8) -> Json {
    Json::object([("scaled", Json::fraction(f64::from(score) / 100.0))])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(cmi5: bool) -> Subject {
        let context = Json::parse(r#"{"contextActivities":{"grouping":[{"objectType":"Activity","id":"urn:au"}]},"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"s1"}}"#).unwrap();
        Subject {
            actor: Json::parse(r#"{"objectType":"Agent","account":{"homePage":"https://lms","name":"42"}}"#).unwrap(),
            registration: Some("reg-1".into()),
            context,
            course: "urn:tere:course:c".into(),
            cmi5,
            mastery: Json::parse("0.8"),
        }
    }

    #[test]
    fn ids_are_version_4_uuids_and_differ() {
        let mut rng = Rng::new(7);
        let (a, b) = (new_id(&mut rng), new_id(&mut rng));
        assert_ne!(a, b);
        for id in [a, b] {
            let parts: Vec<&str> = id.split('-').collect();
            assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12], "{id}");
            assert!(parts[2].starts_with('4') && matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{id}");
        }
    }

    #[test]
    fn a_passed_statement_keeps_the_template_and_adds_cmi5_parts() {
        let mut rng = Rng::new(1);
        let s = subject(true).judged(&mut rng, Verb::Passed, "urn:au", Judged { score: Some(85), duration_centis: 6150 }, 0);
        let json = Json::parse(&s.body).unwrap();
        assert_eq!(json.get("id").and_then(Json::as_str), Some(s.id.as_str()));
        assert_eq!(json.get("result").unwrap().write(), r#"{"success":true,"score":{"scaled":0.85},"duration":"PT0H1M1.50S"}"#);
        let context = json.get("context").unwrap();
        assert_eq!(context.get("registration").and_then(Json::as_str), Some("reg-1"));
        let activities = context.get("contextActivities").unwrap();
        assert_eq!(
            activities.get("grouping").unwrap().write(),
            r#"[{"objectType":"Activity","id":"urn:au"},{"objectType":"Activity","id":"urn:tere:course:c"}]"#
        );
        assert_eq!(
            activities.get("category").unwrap().write(),
            format!(r#"[{{"objectType":"Activity","id":"{CMI5_CATEGORY}"}},{{"objectType":"Activity","id":"{MOVE_ON_CATEGORY}"}}]"#)
        );
        let extensions = context.get("extensions").unwrap();
        assert_eq!(extensions.get(MASTERY_SCORE).map(Json::write).as_deref(), Some("0.8"));
        assert_eq!(extensions.get(crate::xapi::launch::SESSION_ID).and_then(Json::as_str), Some("s1"), "the template's session id stays");
        assert_eq!(json.get("timestamp").and_then(Json::as_str), Some("1970-01-01T00:00:00.00Z"));
    }

    #[test]
    fn initialized_has_no_move_on_and_a_launch_link_no_category() {
        let mut rng = Rng::new(1);
        let s = subject(true).session(&mut rng, Verb::Initialized, "urn:au", None, 0);
        let json = Json::parse(&s.body).unwrap();
        assert!(json.get("result").is_none());
        assert_eq!(
            json.get("context").unwrap().get("contextActivities").unwrap().get("category").unwrap().write(),
            format!(r#"[{{"objectType":"Activity","id":"{CMI5_CATEGORY}"}}]"#)
        );
        let s = subject(false).session(&mut rng, Verb::Terminated, "urn:au", Some(100), 0);
        let json = Json::parse(&s.body).unwrap();
        assert!(json.get("context").unwrap().get("contextActivities").unwrap().get("category").is_none());
        assert_eq!(json.get("result").unwrap().write(), r#"{"duration":"PT0H0M1.00S"}"#);
        assert!(json.get("context").unwrap().get("extensions").unwrap().get(MASTERY_SCORE).is_none(), "only passed and failed carry the mastery score");
    }
}
