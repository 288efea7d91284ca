//! Content with narration made here by espeak-ng, and a harness whose app plays
//! through an output that records what it is given (tests/read_aloud*.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::audio::RecordingOutput;
use clinic_edu::{ClinicApp, Language};
use egui_kittest::Harness;

/// A copy of the built-in content with espeak-ng clips for the texts of PRP's
/// first section in each of `langs`; returns the folder and those texts' ids.
pub fn narrated_content(name: &str, langs: &[&str]) -> (PathBuf, Vec<String>) {
    narrated_content_with(name, langs, &[])
}

/// [`narrated_content`], with clips for the narration ids `extra` too (questions,
/// rules, UI strings); an entry ending in `.` stands for every id it begins.
pub fn narrated_content_with(name: &str, langs: &[&str], extra: &[&str]) -> (PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!(
        "clinic-edu-read-aloud-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("content");
    super::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content"),
        &content,
    );
    let library = clinic_edu::content::load::for_app(Some(&content)).0;
    let prp = library.topic("prp").unwrap().text(Language::builtin("en"));
    let ids: Vec<String> = prp
        .identified()
        .into_iter()
        .filter(|p| p.place == "what_it_is")
        .map(|p| format!("prp.{}", p.id))
        .collect();
    assert!(ids.len() >= 2, "{ids:?}");
    for lang in langs {
        let script = Command::new(super::BIN)
            .args(["narration", "script", "--lang", lang])
            .args(["--content", content.to_str().unwrap()])
            .output()
            .unwrap();
        let script = String::from_utf8(script.stdout).unwrap();
        let recordings = dir.join(format!("recordings-{lang}"));
        std::fs::create_dir_all(&recordings).unwrap();
        for block in script.split("\n\n") {
            if let Some((id, text)) = block.split_once('\n')
                && (ids.iter().any(|i| i == id) || wanted(extra, id))
            {
                let wav = recordings.join(format!("{id}.wav"));
                let status = Command::new("espeak-ng")
                    .args(["-v", lang, "-w", wav.to_str().unwrap(), text])
                    .status()
                    .expect("espeak-ng must be installed (.ci/run installs it)");
                assert!(status.success());
            }
        }
        let out = Command::new(super::BIN)
            .args([
                "narration",
                "import",
                recordings.to_str().unwrap(),
                "--lang",
                lang,
            ])
            .args(["--content", content.to_str().unwrap()])
            .args(["--computer", &format!("espeak-ng:{lang}")])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    (content, ids)
}

/// `app` playing through `output` the clips in `content`, in a 1100 x 900 harness
/// (no GPU: for what the state and the output say).
pub fn harness(
    app: ClinicApp,
    output: &RecordingOutput,
    content: &Path,
) -> Harness<'static, ClinicApp> {
    build(app, output, content, false)
}

/// [`harness`] drawn by wgpu, for snapshots.
pub fn drawn_harness(
    app: ClinicApp,
    output: &RecordingOutput,
    content: &Path,
) -> Harness<'static, ClinicApp> {
    build(app, output, content, true)
}

fn build(
    mut app: ClinicApp,
    output: &RecordingOutput,
    content: &Path,
    wgpu: bool,
) -> Harness<'static, ClinicApp> {
    app.set_speaker(Box::new(output.clone()), content);
    let mut builder = Harness::builder();
    builder = builder.with_size(egui::vec2(1100.0, 900.0));
    if wgpu {
        builder = builder.wgpu();
    }
    let mut h = builder.build_eframe(|_| app);
    h.run();
    h
}

pub fn events(output: &RecordingOutput) -> Vec<String> {
    output.snapshot().events
}

/// Plays the current clip to its end and lets the app move on.
pub fn play_to_end(h: &mut Harness<'_, ClinicApp>, output: &RecordingOutput) -> usize {
    let samples = output
        .snapshot()
        .current
        .map(|(clip, _)| clip.samples.len())
        .unwrap();
    output.advance(samples);
    h.run();
    samples
}

fn wanted(extra: &[&str], id: &str) -> bool {
    extra
        .iter()
        .any(|e| id == *e || (e.ends_with('.') && id.starts_with(e)))
}
