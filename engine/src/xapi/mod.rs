//! cmi5 and xAPI: what Tere sends to a Learning Record Store, and how (docs/cmi5.md).
//! As with SCORM (`sco`), every rule lives here without I/O: the door in the browser
//! (`src/host/xapi.rs`) only makes the requests and runs the timers.

mod client;
pub mod ids;
pub mod launch;
pub mod statements;

pub use client::{Client, Launched, Reply, Request, XAPI_VERSION};
