//! A reader that goes away is a normal end: every subcommand run with its standard
//! output's read end already closed exits 0 and writes nothing to standard error.

use std::process::{Command, Stdio};

fn run_with_closed_stdout(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write as _;
        let mut input = child.stdin.take().unwrap();
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_subcommand_ends_normally_when_its_reader_is_gone() {
    let dir = std::env::temp_dir().join(format!("clinic-edu-closed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A folder with many errors: a long report.
    std::fs::create_dir_all(dir.join("content/prp")).unwrap();
    std::fs::write(dir.join("content/prp/en.ron"), "(meta: oops").unwrap();
    std::fs::create_dir_all(dir.join("content/demo")).unwrap();
    std::fs::write(dir.join("content/demo/topic.ron"), "(").unwrap();
    let content = dir.join("content");
    let config = dir.join("config.ron");
    let (content, config) = (content.to_str().unwrap(), config.to_str().unwrap());
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["validate"], ""),
        (vec!["validate", content], ""),
        (
            vec![
                "screen",
                "--treatment",
                "exosome-therapy",
                "--answer",
                "pregnant=yes",
            ],
            "",
        ),
        (
            vec!["screen", "--treatment", "prp", "--list", "--lang", "ar"],
            "",
        ),
        (
            vec![
                "layout",
                "--lang",
                "ar",
                "--width",
                "200",
                "مرحبا بالعالم (FDA) 3-5",
            ],
            "",
        ),
        (vec!["set-pin", "--config", config], "2468\n"),
        (vec!["--version"], ""),
        (vec!["--help"], ""),
        (vec!["help", "validate"], ""),
    ];
    for (args, stdin) in cases {
        let (code, stderr) = run_with_closed_stdout(&args, stdin);
        assert_eq!(code, Some(0), "{args:?}: exit {code:?}, stderr {stderr}");
        assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    }
    // set-pin did its work before it could not say so.
    assert!(
        std::fs::read_to_string(dir.join("config.ron"))
            .unwrap()
            .contains("argon2id")
    );
}
