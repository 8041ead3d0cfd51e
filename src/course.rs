//! The built-in course, validated and generated at build time (see build.rs).

use std::borrow::Cow;
use tere_engine::{Choice, Course, Kind, Pair, Question, Quiz, Source};

pub static COURSE: Course = include!(concat!(env!("OUT_DIR"), "/course.rs"));
