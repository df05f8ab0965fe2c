//! Compile parity: every `tests/compile/samples/*.py` must compile to the same code
//! objects under pyrs as under python3 (the oracle). Both sides print the dump format
//! of tests/compile/codedump.py; any difference fails the test with a diff.
//!
//! A sample may start with a `# mode: eval|single` and/or `# optimize: N` line.
//! Samples listed in tests/compile/KNOWN_GAPS.md under "Known mismatches" are
//! still compiled (they must not crash) but their mismatch is reported, not failed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("compile")
}

fn options(source: &str) -> (python::Mode, i32, &'static str) {
    let mut mode = (python::Mode::Exec, "exec");
    let mut optimize = 0;
    for line in source.lines().take(3) {
        if let Some(m) = line.strip_prefix("# mode: ") {
            mode = match m.trim() {
                "eval" => (python::Mode::Eval, "eval"),
                "single" => (python::Mode::Single, "single"),
                _ => (python::Mode::Exec, "exec"),
            };
        }
        if let Some(o) = line.strip_prefix("# optimize: ") {
            optimize = o.trim().parse().unwrap_or(0);
        }
    }
    (mode.0, optimize, mode.1)
}

/// The samples whose mismatch is documented in KNOWN_GAPS.md.
fn known_gaps() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("KNOWN_GAPS.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("- `samples/"))
        .filter_map(|l| l.split('`').next())
        .map(|s| s.to_string())
        .collect()
}

/// A compact line diff: the first differing region with context.
fn diff(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = e
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(e.len().min(g.len()));
    let mut out = String::new();
    let start = first.saturating_sub(5);
    for l in &e[start..first] {
        out += &format!("  {l}\n");
    }
    for l in e.iter().skip(first).take(25) {
        out += &format!("- {l}\n");
    }
    for l in g.iter().skip(first).take(25) {
        out += &format!("+ {l}\n");
    }
    out
}

#[test]
fn samples_match_python3() {
    let python = Command::new("python3").arg("--version").output();
    assert!(
        python.is_ok_and(|o| o.status.success()),
        "python3 (3.11) is the oracle for this test and must be installed"
    );
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .expect("tests/compile/samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no samples found");
    let gaps = known_gaps();
    let (mut passed, mut failed, mut known) = (0, Vec::new(), Vec::new());
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let (mode, optimize, mode_name) = options(&source);
        let out = Command::new("python3")
            .arg(root().join("codedump.py"))
            .arg(path)
            .args(["--mode", mode_name, "--optimize", &optimize.to_string()])
            .output()
            .expect("running python3");
        assert!(
            out.status.success(),
            "python3 failed on {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = String::from_utf8_lossy(&out.stdout).into_owned();
        let path_str = path.to_string_lossy().to_string();
        let got = match python::compile_bytes(&bytes, &path_str, mode, optimize) {
            Ok(co) => python::codedump::dump(&co),
            Err(e) => format!("ERROR {e}\n"),
        };
        if got == expected {
            passed += 1;
        } else if gaps.contains(&name) {
            known.push(name);
        } else {
            failed.push(format!("=== {name}\n{}", diff(&expected, &got)));
        }
    }
    println!(
        "compile parity: {passed} passed, {} failed, {} known gaps",
        failed.len(),
        known.len()
    );
    for k in &known {
        println!("known gap (see KNOWN_GAPS.md): {k}");
    }
    assert!(
        failed.is_empty(),
        "{} sample(s) differ from python3:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
