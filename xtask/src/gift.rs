//! `cargo xtask gift-import` / `gift-export` (to be written).

use crate::util::Result;

pub fn import(_args: &[String]) -> Result {
    Err("not written yet".into())
}

pub fn export(_args: &[String]) -> Result {
    Err("not written yet".into())
}
