//! A deliberately broken question file must stop the real build with its file and line.

use std::path::Path;
use std::process::Command;

#[test]
fn broken_question_file_fails_the_build_with_file_and_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = tempfile::Builder::new().prefix("tere-broken-").tempdir().unwrap();
    let broken = dir.path();
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

    let out = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--package", "tere", "--target-dir"])
        .arg(root.join("target/broken-content-check"))
        .env("TERE_QUESTIONS", broken)
        .current_dir(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build accepted broken content");
    let expected = format!("kontakti_loomine.toml:{type_line}:");
    assert!(stderr.contains(&expected) && stderr.contains("exactly one option with `correct = true`, found 0"), "expected `{expected}` in:\n{stderr}");
}
