//! A deliberately broken question file must stop packaging with its file and line,
//! before any build, and write nothing.

use std::path::Path;
use std::process::Command;

#[test]
fn broken_question_file_stops_packaging_with_file_and_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = tempfile::Builder::new().prefix("tere-broken-").tempdir().unwrap();
    let broken = dir.path().join("course");
    std::fs::create_dir(&broken).unwrap();
    for entry in std::fs::read_dir(root.join("questions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, broken.join(path.file_name().unwrap())).unwrap();
        }
    }
    // Remove the only `correct = true` of the first question.
    let file = broken.join("kontakti_loomine.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let type_line = text.lines().position(|l| l.starts_with("type = ")).unwrap() + 1;
    std::fs::write(&file, text.replacen("correct = true\n", "", 1)).unwrap();

    let out_dir = dir.path().join("packages");
    let out = Command::new(env!("CARGO_BIN_EXE_xtask")).arg("package").arg("--course").arg(&broken).arg("--out").arg(&out_dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "packaging accepted broken content");
    let expected = format!("kontakti_loomine.toml:{type_line}:");
    assert!(stderr.contains(&expected) && stderr.contains("exactly one option with `correct = true`, found 0"), "expected `{expected}` in:\n{stderr}");
    assert!(!out_dir.exists(), "nothing is written for a course with errors");
}
