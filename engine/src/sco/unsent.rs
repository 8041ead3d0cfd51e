//! Interaction and objective records an LMS has not received, as one text for local
//! storage, so that the next launch delivers them once.

use super::{List, Write};
use crate::progress;

/// Interaction and objective records waiting for delivery, as one text for local storage.
/// Plain values are left out: the next launch derives them again from the saved state.
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
