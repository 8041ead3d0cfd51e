//! How Tere is launched to report to an LRS, and what the launch says.
//!
//! Two entries (docs/cmi5.md):
//! - **cmi5** (an LMS launching an assignable unit): `endpoint`, `fetch`, `actor`,
//!   `registration` and `activityId` in the URL; the auth token comes once from a POST
//!   to `fetch`; the `LMS.LaunchData` state document says the launch mode, the mastery
//!   score, the context every statement carries and where to return;
//! - **the xAPI launch link** (Moodle's mod_tincanlaunch and the older "Tin Can"
//!   launch): `endpoint`, `auth` ("Basic …"), `actor`, and optionally `registration` and
//!   `activity_id` in the URL, and nothing to read first.
//!
//! Both may give the learner's language as the `cmi5LearnerPreferences` agent profile.

use crate::json::Json;
use crate::lang::Lang;

/// Which launch started the widget, with what only it gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// cmi5: the one-time URL that gives the auth token.
    Cmi5 { fetch: String },
    /// The xAPI launch link: the Authorization header's value, as given.
    LaunchLink { auth: String },
}

impl Entry {
    /// The agent profile holding the learner's preferences: cmi5's `cmi5LearnerPreferences`;
    /// Moodle's launch link writes the learner's Moodle language as `CMI5LearnerPreferences`
    /// (ids are case-sensitive).
    pub fn preferences_id(&self) -> &'static str {
        match self {
            Entry::Cmi5 { .. } => "cmi5LearnerPreferences",
            Entry::LaunchLink { .. } => "CMI5LearnerPreferences",
        }
    }
}

/// What the launch URL says.
#[derive(Clone, Debug, PartialEq)]
pub struct LaunchUrl {
    /// The LRS's xAPI endpoint, ending in `/`.
    pub endpoint: String,
    /// The learner as an xAPI agent.
    pub actor: Json,
    pub registration: Option<String>,
    /// The activity the launch is about (cmi5: the AU's id; required there).
    pub activity: Option<String>,
    pub entry: Entry,
}

/// Reads the launch from the URL's parameters (`get` answers one, `None` when absent
/// or empty): `None` when this is neither launch, or a required part is missing or unreadable.
pub fn read_url(get: &dyn Fn(&str) -> Option<String>) -> Option<LaunchUrl> {
    let endpoint = get("endpoint")?;
    let endpoint = if endpoint.ends_with('/') { endpoint } else { format!("{endpoint}/") };
    let actor = agent(&Json::parse(&get("actor")?)?)?;
    let registration = get("registration");
    if let Some(fetch) = get("fetch") {
        // cmi5 requires all five.
        return Some(LaunchUrl { endpoint, actor, registration: Some(registration?), activity: Some(get("activityId")?), entry: Entry::Cmi5 { fetch } });
    }
    let auth = get("auth")?;
    let activity = get("activity_id").or_else(|| get("activityId"));
    Some(LaunchUrl { endpoint, actor, registration, activity, entry: Entry::LaunchLink { auth } })
}

/// An agent in xAPI 1.0's form. Older launches ("Tin Can" 0.9, still written by some
/// LMSs) give every property as a one-element list and an account as
/// `accountServiceHomePage`/`accountName`: those are turned into today's form.
fn agent(actor: &Json) -> Option<Json> {
    let Json::Object(members) = actor else { return None };
    let mut out = Vec::new();
    for (name, value) in members {
        let value = match value {
            Json::List(items) if items.len() == 1 => &items[0],
            other => other,
        };
        let value = match (name.as_str(), value) {
            ("account", account) => account_of(account)?,
            (_, value) => value.clone(),
        };
        out.push((name.clone(), value));
    }
    let mut agent = Json::Object(out);
    agent.add_missing("objectType", Json::str("Agent"));
    let identified = ["mbox", "mbox_sha1sum", "openid", "account"].iter().any(|k| agent.get(k).is_some());
    identified.then_some(agent)
}

fn account_of(account: &Json) -> Option<Json> {
    let home = account.get("homePage").or_else(|| account.get("accountServiceHomePage"))?.as_str()?;
    let name = account.get("name").or_else(|| account.get("accountName"))?.as_str()?;
    Some(Json::object([("homePage", Json::str(home)), ("name", Json::str(name))]))
}

/// The auth token from the fetch URL's answer: `Err` with the LMS's words when it
/// refused (an error code, or no token).
pub fn read_token(status: u16, body: &str) -> Result<String, String> {
    let json = Json::parse(body);
    let token = json.as_ref().and_then(|j| j.get("auth-token")).and_then(Json::as_str);
    match (status, token) {
        (200, Some(token)) => Ok(token.to_string()),
        _ => {
            let said = json.as_ref().and_then(|j| j.get("error-text")).and_then(Json::as_str).unwrap_or("no auth-token");
            Err(format!("the LMS's fetch URL answered {status}: {said}"))
        }
    }
}

/// How the LMS launched the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Results are recorded.
    Normal,
    /// Looking around: only `initialized` and `terminated` are sent.
    Browse,
    /// Revisiting: only `initialized` and `terminated` are sent.
    Review,
}

/// The `LMS.LaunchData` state document.
#[derive(Clone, Debug, PartialEq)]
pub struct LaunchData {
    pub mode: Mode,
    /// The mastery score as the LMS gave it (a number from 0 to 1).
    pub mastery: Option<Json>,
    /// The pass mark it imposes (`pass_mark_of`).
    pub pass_mark: Option<u8>,
    pub return_url: Option<String>,
    /// The context every statement starts from (with the session id and the publisher's grouping).
    pub context: Json,
}

impl LaunchData {
    /// The launch of a launch link: no document, everything recorded.
    pub fn plain() -> LaunchData {
        LaunchData { mode: Mode::Normal, mastery: None, pass_mark: None, return_url: None, context: Json::Object(Vec::new()) }
    }

    /// The session id the LMS gave (cmi5 requires it in the context template).
    pub fn session_id(&self) -> Option<&str> {
        self.context.get("extensions")?.get(SESSION_ID)?.as_str()
    }
}

/// cmi5's session id extension.
pub const SESSION_ID: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

/// Reads the `LMS.LaunchData` document: `None` when it is not one (no context template
/// or an unknown launch mode).
pub fn read_launch_data(text: &str) -> Option<LaunchData> {
    let json = Json::parse(text)?;
    let context = json.get("contextTemplate").filter(|c| matches!(c, Json::Object(_)))?.clone();
    let mode = match json.get("launchMode").and_then(Json::as_str)? {
        "Normal" => Mode::Normal,
        "Browse" => Mode::Browse,
        "Review" => Mode::Review,
        _ => return None,
    };
    let mastery = json.get("masteryScore").filter(|m| m.as_ten_thousandths().is_some()).cloned();
    let pass_mark = mastery.as_ref().and_then(Json::as_ten_thousandths).map(pass_mark_of);
    let return_url = json.get("returnURL").and_then(Json::as_str).filter(|u| !u.is_empty()).map(str::to_string);
    Some(LaunchData { mode, mastery, pass_mark, return_url, context })
}

/// The pass mark (percent) a mastery score in ten-thousandths (0-10,000) imposes: the
/// smallest whole percent at or above it, so a score Tere passes is never below the
/// mastery score, and one it fails never reaches it.
pub fn pass_mark_of(ten_thousandths: u32) -> u8 {
    ten_thousandths.div_ceil(100).min(100) as u8
}

/// The xAPI version to speak to an LRS, from its `about` resource: 1.0.3 (cmi5's) when
/// it speaks any 1.0, else 2.0.0 when it speaks that (an LRS refuses a version it does
/// not know); `None` when the answer says neither.
pub fn xapi_version(about: &str) -> Option<&'static str> {
    let json = Json::parse(about)?;
    let Json::List(versions) = json.get("version")? else { return None };
    let speaks = |prefix: &str| versions.iter().filter_map(Json::as_str).any(|v| v.starts_with(prefix));
    if speaks("1.0.") {
        Some("1.0.3")
    } else if speaks("2.0") {
        Some("2.0.0")
    } else {
        None
    }
}

/// The learner's language from the `cmi5LearnerPreferences` agent profile: the first
/// of its `languagePreference` list that Tere speaks.
pub fn preferred_lang(profile: &str) -> Option<Lang> {
    let json = Json::parse(profile)?;
    json.get("languagePreference")?.as_str()?.split(',').find_map(|tag| Lang::parse(tag.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(pairs: &[(&str, &str)]) -> Option<LaunchUrl> {
        read_url(&|key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()).filter(|v| !v.is_empty()))
    }

    const ACTOR: &str = r#"{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"42"}}"#;

    #[test]
    fn a_cmi5_launch_needs_all_five() {
        let full = [
            ("endpoint", "https://lrs.example/xapi"),
            ("fetch", "https://lms.example/f?k=1"),
            ("actor", ACTOR),
            ("registration", "r-1"),
            ("activityId", "urn:x:au"),
        ];
        let launch = url(&full).unwrap();
        assert_eq!(launch.endpoint, "https://lrs.example/xapi/");
        assert_eq!(launch.entry, Entry::Cmi5 { fetch: "https://lms.example/f?k=1".into() });
        assert_eq!(launch.activity.as_deref(), Some("urn:x:au"));
        for missing in ["registration", "activityId", "actor", "endpoint"] {
            let some: Vec<_> = full.iter().copied().filter(|(k, _)| *k != missing).collect();
            assert_eq!(url(&some), None, "without {missing}");
        }
        assert_eq!(url(&[("quiz", "x")]), None, "no launch at all");
    }

    #[test]
    fn a_launch_link_takes_an_old_actor() {
        let old = r#"{"name":["Mari Maasikas"],"mbox":["mailto:mari@example.ee"]}"#;
        let launch = url(&[("endpoint", "http://127.0.0.1:1/xapi/"), ("auth", "Basic YTpi"), ("actor", old), ("activity_id", "urn:tere:course:c")]).unwrap();
        assert_eq!(launch.actor.write(), r#"{"name":"Mari Maasikas","mbox":"mailto:mari@example.ee","objectType":"Agent"}"#);
        assert_eq!(launch.registration, None);
        assert_eq!(launch.entry, Entry::LaunchLink { auth: "Basic YTpi".into() });
        let account = r#"{"account":[{"accountServiceHomePage":"https://m.example","accountName":"7"}]}"#;
        let launch = url(&[("endpoint", "e"), ("auth", "a"), ("actor", account)]).unwrap();
        assert_eq!(launch.actor.get("account").unwrap().write(), r#"{"homePage":"https://m.example","name":"7"}"#);
        assert_eq!(url(&[("endpoint", "e"), ("auth", "a"), ("actor", r#"{"name":"nobody"}"#)]), None, "an agent needs an identifier");
    }

    #[test]
    fn launch_data_and_token() {
        let data = r#"{"contextTemplate":{"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"s1"}},"launchMode":"Review","masteryScore":0.8125,"moveOn":"CompletedOrPassed","returnURL":"https://lms.example/back"}"#;
        let data = read_launch_data(data).unwrap();
        assert_eq!((data.mode, data.session_id(), data.return_url.as_deref()), (Mode::Review, Some("s1"), Some("https://lms.example/back")));
        assert_eq!(data.pass_mark, Some(82));
        assert_eq!((pass_mark_of(8000), pass_mark_of(0), pass_mark_of(10_000), pass_mark_of(7001)), (80, 0, 100, 71));
        assert_eq!(read_launch_data(r#"{"launchMode":"Normal"}"#), None);
        assert_eq!(read_token(200, r#"{"auth-token":"QWxh"}"#), Ok("QWxh".into()));
        assert!(read_token(200, r#"{"error-code":"1","error-text":"already used"}"#).unwrap_err().contains("already used"));
        assert!(read_token(401, "").is_err());
        assert_eq!(preferred_lang(r#"{"languagePreference":"de-DE, fi-FI,et"}"#), Some(Lang::Fi));
        assert_eq!(xapi_version(r#"{"version":["2.0.0"]}"#), Some("2.0.0"));
        assert_eq!(xapi_version(r#"{"version":["1.0.0","1.0.3","2.0.0"]}"#), Some("1.0.3"));
        assert_eq!(xapi_version(r#"{"version":["0.95"]}"#), None);
    }
}
