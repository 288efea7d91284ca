//! Narration authoring and checking, end to end with real tools: recordings made
//! by espeak-ng (their length checked with sox), imported with `clinic-edu narration
//! import`, and `validate`'s report on a folder with present, missing, stale and
//! broken clips. espeak-ng, sox and oggenc must be installed (.ci/run does); the
//! test fails without them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "clinic-edu-narration-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed (.ci/run installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The script's (id, text) pairs.
fn script(content: &Path) -> Vec<(String, String)> {
    let (ok, text) = run(&[
        "narration",
        "script",
        "--lang",
        "en",
        "--content",
        content.to_str().unwrap(),
    ]);
    assert!(ok, "{text}");
    text.split("\n\n")
        .skip(1)
        .filter_map(|block| block.split_once('\n'))
        .map(|(id, text)| (id.to_owned(), text.to_owned()))
        .collect()
}

#[test]
fn recordings_are_imported_checked_and_reported_per_language() {
    let dir = scratch("import");
    let content = dir.join("content");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content"),
        &content,
    );
    let texts = script(&content);
    assert!(texts.len() > 400, "{} texts", texts.len());
    assert_eq!(texts[0].0, "mesotherapy.mesotherapy-means-many");

    // Three recordings: two readings of their texts, one silence.
    let recordings = dir.join("recordings");
    std::fs::create_dir_all(&recordings).unwrap();
    for (id, text) in &texts[..2] {
        let wav = recordings.join(format!("{id}.wav"));
        tool(
            "espeak-ng",
            &["-v", "en", "-w", wav.to_str().unwrap(), text],
        );
        let seconds: f32 = tool("sox", &["--i", "-D", wav.to_str().unwrap()])
            .trim()
            .parse()
            .unwrap();
        let chars = text.chars().count() as f32;
        assert!(
            seconds > chars / 30.0 && seconds < chars / 2.0,
            "{id}: {seconds} s for {chars} characters"
        );
    }
    let silent = recordings.join(format!("{}.wav", texts[2].0));
    tool(
        "sox",
        &[
            "-n",
            "-r",
            "22050",
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed-integer",
            silent.to_str().unwrap(),
            "trim",
            "0",
            "4",
        ],
    );
    std::fs::write(recordings.join("no-such-text.ogg"), b"OggS").unwrap();

    let (ok, out) = run(&[
        "narration",
        "import",
        recordings.to_str().unwrap(),
        "--lang",
        "en",
        "--content",
        content.to_str().unwrap(),
        "--computer",
        "espeak-ng:en",
    ]);
    assert!(
        !ok,
        "a silent recording and an unknown id are problems:\n{out}"
    );
    assert!(
        out.contains(&format!("{}: the clip is silent", silent.display())),
        "{out}"
    );
    assert!(
        out.contains("no-such-text.ogg: no text has the id \"no-such-text\""),
        "{out}"
    );
    assert!(out.contains("2 clip(s) imported"), "{out}");
    let first = content.join("mesotherapy/narration/en/mesotherapy-means-many.ogg");
    assert!(first.exists());
    let sidecar = std::fs::read_to_string(first.with_extension("ron")).unwrap();
    assert!(
        sidecar.contains("Computer") && sidecar.contains("espeak-ng"),
        "{sidecar}"
    );

    // validate: two present in English, the rest missing, none stale or bad.
    let (ok, out) = run(&["validate", content.to_str().unwrap()]);
    assert!(ok, "{out}");
    let line = format!(
        "{}: narration en: 2 of {} texts have a clip (0 recorded, 2 computer voice)",
        content.display(),
        texts.len()
    );
    assert!(out.contains(&line), "{out}");
    assert!(out.contains("narration ar: 0 of"), "{out}");

    // The first text changes: its clip is stale. The second clip is damaged.
    let en = content.join("mesotherapy/en.ron");
    let source = std::fs::read_to_string(&en).unwrap();
    let changed = source.replacen(&texts[0].1, &format!("{} (Changed.)", texts[0].1), 1);
    assert_ne!(source, changed);
    std::fs::write(&en, changed).unwrap();
    let second = content.join(format!(
        "mesotherapy/narration/en/{}.ogg",
        texts[1].0.split_once('.').unwrap().1
    ));
    std::fs::write(&second, b"not a clip").unwrap();
    let (ok, out) = run(&["validate", content.to_str().unwrap()]);
    assert!(!ok, "stale and broken clips fail validate:\n{out}");
    assert!(
        out.contains(&format!(
            "{}: stale: the text of {} changed",
            first.display(),
            texts[0].0
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{}: not an Ogg Vorbis file", second.display())),
        "{out}"
    );
    assert!(
        out.contains("0 of") && out.contains("2 stale or bad"),
        "{out}"
    );

    // A person's recording of the first text replaces the stale clip; a computer
    // voice imported after it does not replace it.
    let wav = recordings.join(format!("{}.wav", texts[0].0));
    let new_text = format!("{} (Changed.)", texts[0].1);
    tool(
        "espeak-ng",
        &["-v", "en", "-w", wav.to_str().unwrap(), &new_text],
    );
    std::fs::remove_file(&silent).unwrap();
    std::fs::remove_file(recordings.join("no-such-text.ogg")).unwrap();
    let (_, out) = run(&[
        "narration",
        "import",
        recordings.to_str().unwrap(),
        "--lang",
        "en",
        "--content",
        content.to_str().unwrap(),
    ]);
    assert!(out.contains("2 clip(s) imported"), "{out}");
    let (_, out) = run(&[
        "narration",
        "import",
        recordings.to_str().unwrap(),
        "--lang",
        "en",
        "--content",
        content.to_str().unwrap(),
        "--computer",
        "espeak-ng:en",
    ]);
    assert!(out.contains("2 recorded clip(s) kept"), "{out}");
    assert!(
        std::fs::read_to_string(first.with_extension("ron"))
            .unwrap()
            .contains("Recorded")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
