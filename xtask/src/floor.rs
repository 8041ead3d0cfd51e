//! The size floor: what any Yew widget that carries this course ships before a line of
//! its own code. A bare Yew counter (`bench/yew-floor`, built with Tere's release
//! profile, wasm-opt level and the same tool and crate versions) plus the course's
//! packed text and shape (`tere_authoring::packed`), each brotli -q 11.

use std::path::Path;

use tere_authoring::packed::pack;
use tere_engine::Course;

use crate::bench::{compress, Sized};
use crate::util::{self, Result};

pub struct Floor {
    /// The counter's shipped wasm and glue.
    pub yew: Vec<Sized>,
    pub text: Sized,
    pub shape: Sized,
}

impl Floor {
    pub fn yew_brotli(&self) -> u64 {
        self.yew.iter().map(|f| f.brotli).sum()
    }

    pub fn total_brotli(&self) -> u64 {
        self.yew_brotli() + self.text.brotli + self.shape.brotli
    }
}

pub fn measure(root: &Path, work: &Path, course: &Course) -> Result<Floor> {
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

    let packed = pack(course);
    let (text, shape) = (work.join("course.txt"), work.join("course.shape"));
    std::fs::write(&text, &packed.text).map_err(|e| e.to_string())?;
    std::fs::write(&shape, &packed.shape).map_err(|e| e.to_string())?;
    Ok(Floor { yew, text: compress(work, &text)?, shape: compress(work, &shape)? })
}
