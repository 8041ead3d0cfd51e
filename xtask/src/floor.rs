//! The size floor: what any Yew widget that plays one stage of this course loads before
//! a line of its own code. A bare Yew counter (`bench/yew-floor`, built with Tere's
//! release profile, wasm-opt level and the same tool and crate versions) plus the
//! stage's content: the course index and its quiz's pack (`tere_authoring::packed`),
//! each brotli -q 11.

use std::path::Path;

use tere_authoring::packed::pack;
use tere_engine::packed::{quiz_file, INDEX_FILE};
use tere_engine::Course;

use crate::bench::{compress, Sized};
use crate::util::{self, Result};

pub struct Floor {
    /// The counter's shipped wasm and glue.
    pub yew: Vec<Sized>,
    /// The course index and the stage's quiz pack.
    pub index: Sized,
    pub stage: Sized,
}

impl Floor {
    pub fn yew_brotli(&self) -> u64 {
        self.yew.iter().map(|f| f.brotli).sum()
    }

    pub fn total_brotli(&self) -> u64 {
        self.yew_brotli() + self.index.brotli + self.stage.brotli
    }
}

pub fn measure(root: &Path, work: &Path, course: &Course, stage: &str) -> Result<Floor> {
    let app = root.join("bench/yew-floor");
    // Same wasm-bindgen and wasm-opt as Tere (Trunk cannot download here), same crate versions.
    let trunk = std::fs::read_to_string(root.join("Trunk.toml")).map_err(|e| format!("Trunk.toml: {e}"))?;
    let tools: String = trunk.lines().filter(|l| l.starts_with("wasm_bindgen") || l.starts_with("wasm_opt")).map(|l| format!("{l}\n")).collect();
    std::fs::write(app.join("Trunk.toml"), format!("[build]\noffline = true\n\n[tools]\n{tools}")).map_err(|e| format!("floor Trunk.toml: {e}"))?;
    std::fs::copy(root.join("Cargo.lock"), app.join("Cargo.lock")).map_err(|e| format!("floor Cargo.lock: {e}"))?;
    let dist = work.join("floor-dist");
    let mut build = util::cmd("trunk");
    build.current_dir(&app).args(["build", "--release", "--dist"]).arg(&dist).env("CARGO_TARGET_DIR", root.join("target/bench-floor"));
    util::run(&mut build, "trunk build (bench/yew-floor)")?;
    let mut yew = Vec::new();
    for entry in std::fs::read_dir(&dist).map_err(|e| format!("read {}: {e}", dist.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js")) {
            yew.push(compress(&dist, &path)?);
        }
    }
    yew.sort_by(|a, b| a.name.cmp(&b.name));

    let packs = pack(course);
    let (index, quiz) = (work.join(INDEX_FILE), work.join(quiz_file(stage)));
    std::fs::write(&index, packs.index()).map_err(|e| e.to_string())?;
    std::fs::write(&quiz, packs.quiz(stage).ok_or(format!("no quiz `{stage}`"))?).map_err(|e| e.to_string())?;
    Ok(Floor { yew, index: compress(work, &index)?, stage: compress(work, &quiz)? })
}
