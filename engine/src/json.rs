//! JSON, as much as an xAPI door needs: what a Learning Record Store and an LMS send
//! (a launch's actor, the auth token, the `LMS.LaunchData` document, learner
//! preferences) is read into a `Json` and statements are written from one. Written
//! here rather than taken from a crate so the engine keeps no dependencies; the reader
//! checks everything, refuses what is too deep, and never panics.

use std::fmt::Write as _;

/// A JSON value. Objects keep their members in order and numbers their text, so what
/// is read is written back the same way (a `contextTemplate` the LMS wrote goes into
/// every statement unaltered). Keeping numbers as text also keeps float parsing and
/// printing (some 10 KB of code and tables) out of the wasm.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as its JSON text (checked when read, made by `int` and `fraction`).
    Num(String),
    Str(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// How deeply values may nest in what is read: far more than any xAPI document has,
/// and little enough that hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

impl Json {
    /// An object from `(name, value)` pairs.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    pub fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    pub fn int(n: u64) -> Json {
        Json::Num(n.to_string())
    }

    /// A number to four decimal places (a score, a credit), with no trailing zeros.
    pub fn fraction(value: f64) -> Json {
        let ten_thousandths = (value * 10_000.0).round() as i64;
        let sign = if ten_thousandths < 0 { "-" } else { "" };
        let (whole, part) = (ten_thousandths.abs() / 10_000, ten_thousandths.abs() % 10_000);
        let text = if part == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{}", format!("{part:04}").trim_end_matches('0')) };
        Json::Num(text)
    }

    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            Json::Null | Json::Bool(_) | Json::Num(_) | Json::Str(_) | Json::List(_) => None,
        }
    }

    /// The member `name`, made an empty object (or list, with `list`) first when missing;
    /// `None` when `self` is no object or the member is of another shape.
    pub fn member_mut(&mut self, name: &str, list: bool) -> Option<&mut Json> {
        let Json::Object(members) = self else { return None };
        let at = match members.iter().position(|(k, _)| k == name) {
            Some(at) => at,
            None => {
                members.push((name.to_string(), if list { Json::List(Vec::new()) } else { Json::Object(Vec::new()) }));
                members.len() - 1
            }
        };
        let value = &mut members[at].1;
        let fits = matches!((&*value, list), (Json::List(_), true) | (Json::Object(_), false));
        fits.then_some(value)
    }

    /// Sets member `name` unless the object already has it (a template's values are
    /// never overwritten).
    pub fn add_missing(&mut self, name: &str, value: Json) {
        if let Json::Object(members) = self {
            if !members.iter().any(|(k, _)| k == name) {
                members.push((name.to_string(), value));
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            Json::Null | Json::Bool(_) | Json::Num(_) | Json::List(_) | Json::Object(_) => None,
        }
    }

    /// A number's JSON text.
    pub fn as_number(&self) -> Option<&str> {
        match self {
            Json::Num(n) => Some(n),
            Json::Null | Json::Bool(_) | Json::Str(_) | Json::List(_) | Json::Object(_) => None,
        }
    }

    /// A number from 0 to 1 in ten-thousandths (`0.8125` is 8125), read from its text
    /// without floats; `None` for anything else or more than four decimals that matter.
    pub fn as_ten_thousandths(&self) -> Option<u32> {
        let text = self.as_number()?;
        let (whole, part) = text.split_once('.').unwrap_or((text, ""));
        let part = part.trim_end_matches('0');
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 4 || whole.len() > 3 {
            return None;
        }
        let value = whole.parse::<u32>().ok()? * 10_000 + format!("{part:0<4}").parse::<u32>().ok()?;
        (value <= 10_000).then_some(value)
    }

    /// The value as JSON text, without spaces.
    pub fn write(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_to(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(name, out);
                    out.push(':');
                    value.write_to(out);
                }
                out.push('}');
            }
        }
    }

    /// Reads JSON text: `None` for anything that is not exactly one JSON value.
    pub fn parse(text: &str) -> Option<Json> {
        let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
        let value = reader.value(0)?;
        reader.space();
        (reader.at == reader.bytes.len()).then_some(value)
    }
}

fn write_str(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.bytes.get(self.at)? {
            b'n' => self.eat("null").then_some(Json::Null),
            b't' => self.eat("true").then_some(Json::Bool(true)),
            b'f' => self.eat("false").then_some(Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat("]") {
                    return Some(Json::List(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat("]") {
                        return Some(Json::List(items));
                    }
                    if !self.eat(",") {
                        return None;
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.eat("}") {
                    return Some(Json::Object(members));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return None;
                    }
                    let name = self.string()?;
                    self.space();
                    if !self.eat(":") {
                        return None;
                    }
                    members.push((name, self.value(depth + 1)?));
                    self.space();
                    if self.eat("}") {
                        return Some(Json::Object(members));
                    }
                    if !self.eat(",") {
                        return None;
                    }
                }
            }
            _ => self.number(),
        }
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        // Rust's float syntax is wider than JSON's ("inf", "1.", ".5"): check JSON's.
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (int, rest) = digits.split_at(digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len()));
        let fraction_ok = rest.strip_prefix('.').is_none_or(|f| f.starts_with(|c: char| c.is_ascii_digit()));
        let exponent_ok = match rest.split_once(['e', 'E']) {
            Some((_, e)) => {
                let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
            }
            None => true,
        };
        let fraction = rest.split(['e', 'E']).next().unwrap_or("");
        let fraction_ok = fraction_ok && (fraction.is_empty() || fraction.strip_prefix('.').is_some_and(|f| f.bytes().all(|b| b.is_ascii_digit())));
        let ok = !int.is_empty() && (int == "0" || !int.starts_with('0')) && fraction_ok && exponent_ok;
        ok.then(|| Json::Num(text.to_string()))
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while self.bytes.get(self.at).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escaped = *self.bytes.get(self.at)?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                if !self.eat("\\u") {
                                    return None;
                                }
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return None;
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code)?);
                        }
                        _ => return None,
                    }
                }
                // A raw control character.
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok().filter(|_| digits.iter().all(u8::is_ascii_hexdigit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back_in_order() {
        let text = r#"{"b":[1,2.5,-3e2,true,false,null],"a":{"x":"y \"q\" \\ / \u00e4 \ud83d\ude00"}}"#;
        let json = Json::parse(text).unwrap();
        assert_eq!(json.get("a").and_then(|a| a.get("x")).and_then(Json::as_str), Some("y \"q\" \\ / ä 😀"));
        assert_eq!(json.write(), r#"{"b":[1,2.5,-3e2,true,false,null],"a":{"x":"y \"q\" \\ / ä 😀"}}"#);
        assert_eq!(Json::parse(&json.write()), Some(json));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "1e",
            "1e+",
            "1.5.5",
            "1-2",
            "1e5e5",
            "--1",
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            ".5",
            "inf",
            "\"\\x\"",
            "\"\u{1}\"",
            "\"\\ud800\"",
            "nul",
            "1 2",
            "{a:1}",
        ] {
            assert_eq!(Json::parse(bad), None, "{bad:?}");
        }
        let deep = "[".repeat(100_000);
        assert_eq!(Json::parse(&deep), None);
    }

    #[test]
    fn numbers_are_made_and_read_without_floats() {
        assert_eq!(
            [Json::fraction(0.85), Json::fraction(1.0), Json::fraction(0.0), Json::fraction(0.33333), Json::fraction(-0.5), Json::int(7)].map(|j| j.write()),
            ["0.85", "1", "0", "0.3333", "-0.5", "7"]
        );
        let read = |t: &str| Json::parse(t).and_then(|j| j.as_ten_thousandths());
        assert_eq!(
            [read("0.8125"), read("1"), read("0.80000"), read("0"), read("1.0001"), read("0.81251"), read("8e-1"), read("-0.5")],
            [Some(8125), Some(10_000), Some(8000), Some(0), None, None, None, None]
        );
    }

    #[test]
    fn a_template_keeps_its_values() {
        let mut context = Json::parse(r#"{"registration":"r","contextActivities":{"grouping":[{"id":"p"}]}}"#).unwrap();
        context.add_missing("registration", Json::str("other"));
        let grouping = context.member_mut("contextActivities", false).unwrap().member_mut("grouping", true).unwrap();
        if let Json::List(items) = grouping {
            items.push(Json::object([("id", Json::str("q"))]));
        }
        assert_eq!(context.write(), r#"{"registration":"r","contextActivities":{"grouping":[{"id":"p"},{"id":"q"}]}}"#);
        assert_eq!(Json::Str("a\u{1}\n".into()).write(), "\"a\\u0001\\n\"");
    }
}
