//! The built-in course, validated and packed at build time (see build.rs), read once.

use std::sync::OnceLock;

use tere_engine::{packed, Course};

static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/course.txt"));
static SHAPE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.shape"));

pub fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| packed::unpack(TEXT, SHAPE))
}
