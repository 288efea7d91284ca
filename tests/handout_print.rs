//! `clinic-edu handout --print`: the handout goes to the print system (a stand-in
//! `lp` on PATH records its arguments and what it read) on the printer asked for,
//! with no file written; a print system that refuses is an error that says so.
//! `.ci/windows` runs the same command under Wine, through a PDF program's print
//! verb.
//!
//! Unix only: the stand-in `lp` is a shell script.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn fake_lp(dir: &Path, script: &str) {
    use std::os::unix::fs::PermissionsExt as _;
    let lp = dir.join("lp");
    std::fs::write(&lp, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn handout(dir: &Path, extra: &[&str]) -> std::process::Output {
    let path = format!("{}:{}", dir.display(), std::env::var("PATH").unwrap());
    Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .args(["handout", "--topic", "prp", "--lang", "ar"])
        .args(extra)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap()
}

#[test]
fn handout_print_hands_the_pdf_to_the_print_system_and_writes_no_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("handout-print");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (args, got) = (dir.join("args"), dir.join("got.pdf"));
    fake_lp(
        &dir,
        &format!(
            "echo \"$@\" > '{}'; cat > '{}'; echo 'request id is Front_Desk-7 (1 file(s))'",
            args.display(),
            got.display()
        ),
    );
    let out = handout(&dir, &["--print", "--printer", "Front_Desk"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "request id is Front_Desk-7 (1 file(s))\n"
    );
    let said = std::fs::read_to_string(&args).unwrap();
    assert!(said.starts_with("-d Front_Desk "), "lp was given {said:?}");
    let pdf = std::fs::read(&got).unwrap();
    assert!(
        pdf.starts_with(b"%PDF-") && pdf.len() > 10_000,
        "lp got no handout"
    );
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["args", "got.pdf", "lp"], "a file was written");

    // A print system that refuses: the error says what it said.
    fake_lp(
        &dir,
        "cat > /dev/null; echo 'lp: Error - No default destination.' >&2; exit 1",
    );
    let out = handout(&dir, &["--print"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no printer is set up: lp: Error - No default destination."),
        "{stderr}"
    );

    // Neither a file nor --print: clap says what is missing.
    let out = handout(&dir, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}
