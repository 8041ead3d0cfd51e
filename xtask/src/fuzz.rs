//! `cargo xtask fuzz` (to be written).

use crate::util::Result;

pub fn run(_args: &[String]) -> Result {
    Err("not written yet".into())
}
