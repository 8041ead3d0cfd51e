//! Any bytes as a media file: `check` under every extension a kind has, one no kind
//! has, and none, refuses them or takes them without a panic, and agrees with `sniff`
//! (unsupported exactly when nothing sniffs, mislabelled exactly when the name names
//! another kind, taken only as the sniffed kind, with a size exactly when a picture).
//! The parts are fed too, each on its own: every kind's `dimensions`, the SVG check,
//! `Foreign::sniff`. A course's media come from trainers' disks and the Studio's file
//! picker, so nothing about them is trusted.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tere_authoring::media::{check, dimensions, svg, Foreign, MediaKind, MediaProblem, HASH_LEN, MAX_BYTES, MAX_PIXELS};

/// Every extension of every kind, then one that names no kind, then no extension.
fn names() -> Vec<String> {
    let mut names: Vec<String> = MediaKind::ALL.iter().flat_map(|k| k.extensions()).map(|e| format!("fuzz.{e}")).collect();
    names.extend(["fuzz.gif".to_string(), "fuzz".to_string()]);
    names
}

fuzz_target!(|data: &[u8]| {
    let sniffed = MediaKind::sniff(data);
    if sniffed.is_none() {
        let _ = Foreign::sniff(data);
    }
    for kind in MediaKind::ALL {
        if let Some(size) = dimensions(kind, data) {
            assert!(size.width > 0 && size.height > 0, "{kind:?}: {size:?}");
        }
    }
    if let Ok(size) = svg::check(data) {
        assert_eq!(sniffed.filter(|k| *k == MediaKind::Svg).and(dimensions(MediaKind::Svg, data)), Some(size), "an SVG that passes sniffs and is sized");
    }
    for name in names() {
        let named = name.rsplit_once('.').and_then(|(_, e)| MediaKind::from_extension(e));
        match check(&name, data) {
            Ok(c) => {
                assert_eq!((Some(c.kind), named), (sniffed, sniffed), "{name}");
                assert_eq!((c.width.is_some(), c.height.is_some()), (c.kind.is_image(), c.kind.is_image()));
                assert!(c.bytes_len == data.len() && c.bytes_len <= MAX_BYTES);
                assert!(c.kind == MediaKind::Svg || u64::from(c.width.unwrap_or(0)) * u64::from(c.height.unwrap_or(0)) <= MAX_PIXELS);
                assert_eq!(c.hash.len(), HASH_LEN);
                assert!(c.warnings.iter().all(|w| !w.what.refuses() && !w.to_string().is_empty()));
            }
            Err(problems) => {
                assert!(!problems.is_empty());
                assert!(problems.iter().all(|p| p.what.refuses() && p.file == name && !p.to_string().is_empty()));
                let unsupported = problems.iter().any(|p| matches!(p.what, MediaProblem::Unsupported { .. } | MediaProblem::Empty));
                assert_eq!(unsupported, sniffed.is_none(), "{name}: {problems:?}");
                let mislabelled = problems.iter().any(|p| matches!(p.what, MediaProblem::Mislabelled { .. }));
                assert_eq!(mislabelled, sniffed.is_some() && named != sniffed, "{name}: {problems:?}");
            }
        }
    }
});
