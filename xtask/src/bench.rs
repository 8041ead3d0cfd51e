//! `cargo xtask bench` (to be written).

use crate::util::Result;

pub fn run(_args: &[String]) -> Result {
    Err("not written yet".into())
}
