//! Any text as what an LMS or an LRS sends an xAPI door: a JSON document (read, written
//! and read again to the same value), the `LMS.LaunchData` document, the fetch URL's
//! answer, the learner preferences, and launch URL parameters (one `name=value` a
//! line). Each is refused or read; nothing panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tere_engine::json::Json;
use tere_engine::xapi::launch::{preferred_lang, read_launch_data, read_token, read_url};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(json) = Json::parse(&text) {
        let written = json.write();
        let again = Json::parse(&written).unwrap_or_else(|| panic!("our own `{written}` is refused"));
        assert_eq!(again.write(), written, "writing what was read is not stable");
    }
    if let Some(data) = read_launch_data(&text) {
        assert!(data.pass_mark.is_none_or(|m| m <= 100));
        assert_eq!(data.pass_mark.is_some(), data.mastery.is_some());
    }
    let _ = read_token(200, &text);
    let _ = preferred_lang(&text);
    let pairs: Vec<(&str, &str)> = text.lines().filter_map(|l| l.split_once('=')).collect();
    if let Some(launch) = read_url(&|key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()).filter(|v| !v.is_empty())) {
        assert!(launch.endpoint.ends_with('/'));
        assert!(Json::parse(&launch.actor.write()).is_some());
    }
});
