//! What an LMS has not received, as one text for local storage, so that the next
//! launch delivers it once: the interaction and objective records (set or not: only a
//! successful Commit delivers), and what the LMS attempt should hold per quiz (its
//! records, which the next launch writes instead of the device's best).
//!
//! Format: `u2:` then three framed parts: the records; where each was placed in the
//! LMS's page (its index, or empty), framed; and the held records
//! (`<quiz id>|<status>|<best>|<attempts>` each, framed). A text without the mark is
//! the first format: records only.

use super::{List, Write};
use crate::progress;
use crate::session::Record;

const MARK: &str = "u2:";

/// What an LMS has not received.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unsent {
    /// Interaction and objective records, in order, each with the index the LMS's
    /// page gave it, if any (a record cut short there is finished at that index when
    /// the LMS attempt still has it). Plain values are left out: the next launch
    /// derives them again from the saved state.
    pub listed: Vec<(Write, Option<u32>)>,
    /// What the LMS attempt should hold, by quiz id.
    pub held: Vec<(String, Record)>,
}

impl Unsent {
    pub fn encode(&self) -> String {
        let held: Vec<String> = self.held.iter().map(|(id, record)| format!("{id}|{}", progress::encode_record(record))).collect();
        let at: Vec<String> = self.listed.iter().map(|(_, at)| at.map_or(String::new(), |n| n.to_string())).collect();
        let records = encode_listed(self.listed.iter().map(|(w, _)| w));
        format!("{MARK}{}", progress::frame(&[records, progress::frame(&at), progress::frame(&held)]))
    }

    /// The inverse of `encode` (and the first format's records alone); `None` when the text is damaged.
    pub fn decode(text: &str) -> Option<Unsent> {
        let Some(rest) = text.strip_prefix(MARK) else {
            return Some(Unsent { listed: decode_listed(text)?.into_iter().map(|w| (w, None)).collect(), held: Vec::new() });
        };
        let [listed, at, held] = progress::unframe(rest)?[..] else { return None };
        let at = progress::unframe(at)?.into_iter().map(|n| if n.is_empty() { Some(None) } else { n.parse().ok().map(Some) }).collect::<Option<Vec<_>>>()?;
        let held = progress::unframe(held)?
            .into_iter()
            .map(|entry| {
                let [id, status, best, attempts] = entry.splitn(4, '|').collect::<Vec<_>>()[..] else { return None };
                Some((id.to_string(), progress::decode_record(status, best, attempts)?))
            })
            .collect::<Option<_>>()?;
        let listed = decode_listed(listed)?;
        if listed.len() != at.len() {
            return None;
        }
        Some(Unsent { listed: listed.into_iter().zip(at).collect(), held })
    }
}

/// Interaction and objective records as one text (plain values are left out).
pub fn encode_listed<'a>(writes: impl IntoIterator<Item = &'a Write>) -> String {
    let records: Vec<String> = writes
        .into_iter()
        .filter_map(|w| match w {
            Write::Listed { list, key, fields } => {
                let mut parts = vec![match list {
                    List::Interactions => "i".to_string(),
                    List::Objectives => "o".to_string(),
                }];
                parts.push(key.clone().unwrap_or_default());
                for (f, v) in fields {
                    parts.push(f.clone());
                    parts.push(v.clone());
                }
                Some(progress::frame(&parts))
            }
            Write::Value(..) => None,
        })
        .collect();
    progress::frame(&records)
}

/// The inverse of `encode_listed`; `None` when the text is damaged.
pub fn decode_listed(text: &str) -> Option<Vec<Write>> {
    progress::unframe(text)?
        .into_iter()
        .map(|record| {
            let parts = progress::unframe(record)?;
            let (head, fields) = parts.split_at_checked(2)?;
            let list = match head[0] {
                "i" => List::Interactions,
                "o" => List::Objectives,
                _ => return None,
            };
            let key = (!head[1].is_empty()).then(|| head[1].to_string());
            if fields.len() % 2 != 0 {
                return None;
            }
            let fields = fields.chunks(2).map(|p| (p[0].to_string(), p[1].to_string())).collect();
            Some(Write::Listed { list, key, fields })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Status;

    #[test]
    fn unsent_work_round_trips_and_the_first_format_is_still_read() {
        let listed = vec![Write::Listed { list: List::Interactions, key: None, fields: vec![("id".into(), "q1".into()), ("result".into(), "correct".into())] }];
        let unsent = Unsent {
            listed: vec![(listed[0].clone(), Some(3)), (listed[0].clone(), None)],
            held: vec![("alpha".into(), Record { status: Status::Failed, best: Some(40), attempts: 2 })],
        };
        assert_eq!(Unsent::decode(&unsent.encode()), Some(unsent));
        assert_eq!(Unsent::decode(&encode_listed(&listed)), Some(Unsent { listed: vec![(listed[0].clone(), None)], held: Vec::new() }));
        assert_eq!(Unsent::decode("u2:zz"), None);
        assert_eq!(Unsent::decode("u2:1:x0:0:"), None);
    }
}
