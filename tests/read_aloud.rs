//! Read-aloud in the app, heard through an output that records what it is given:
//! a section's clips play to their end one after another, pause, go on, stop and
//! volume do what they say, leaving the screen and the kiosk's idle wipe stop the
//! reading, and the wipe sets the volume back to the kiosk's default. The clips
//! are made here by espeak-ng and imported with `clinic-edu narration import`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::audio::RecordingOutput;
use clinic_edu::config::Config;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

/// A copy of the built-in content with espeak-ng clips for the texts of PRP's
/// first section in each of `langs`; returns the folder and those texts' ids.
fn narrated_content(name: &str, langs: &[&str]) -> (PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!(
        "clinic-edu-read-aloud-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("content");
    common::copy_tree(
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
        let script = Command::new(BIN)
            .args(["narration", "script", "--lang", lang])
            .args(["--content", content.to_str().unwrap()])
            .output()
            .unwrap();
        let script = String::from_utf8(script.stdout).unwrap();
        let recordings = dir.join(format!("recordings-{lang}"));
        std::fs::create_dir_all(&recordings).unwrap();
        for block in script.split("\n\n") {
            if let Some((id, text)) = block.split_once('\n')
                && ids.iter().any(|i| i == id)
            {
                let wav = recordings.join(format!("{id}.wav"));
                let status = Command::new("espeak-ng")
                    .args(["-v", lang, "-w", wav.to_str().unwrap(), text])
                    .status()
                    .expect("espeak-ng must be installed (.ci/run installs it)");
                assert!(status.success());
            }
        }
        let out = Command::new(BIN)
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

fn harness(
    mut app: ClinicApp,
    output: &RecordingOutput,
    content: &Path,
) -> Harness<'static, ClinicApp> {
    app.set_speaker(Box::new(output.clone()), content);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_eframe(|_| app);
    h.run();
    h
}

fn events(output: &RecordingOutput) -> Vec<String> {
    output.snapshot().events
}

/// Plays the current clip to its end and lets the app move on.
fn play_to_end(h: &mut Harness<'_, ClinicApp>, output: &RecordingOutput) -> usize {
    let samples = output
        .snapshot()
        .current
        .map(|(clip, _)| clip.samples.len())
        .unwrap();
    output.advance(samples);
    h.run();
    samples
}

#[test]
fn a_section_is_read_clip_after_clip_and_the_controls_work() {
    let (content, ids) = narrated_content("staff", &["en"]);
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    let output = RecordingOutput::new();
    let mut h = harness(app, &output, &content);
    assert!(
        h.query_by_label("Listen").is_none(),
        "no clips on the home screen's texts"
    );
    common::click_topic(&mut h, Language::builtin("en"), "prp");
    common::click(&mut h, "Listen");
    assert_eq!(h.state().speech().unwrap().current(), Some(ids[0].as_str()));
    assert!(
        events(&output)[0].starts_with("play "),
        "{:?}",
        events(&output)
    );
    assert!(events(&output)[0].ends_with(" 0.80"), "the default volume");

    // Each clip plays to its end, then the next; after the last, the reading ends.
    let mut played = 0;
    for id in &ids[1..] {
        played += play_to_end(&mut h, &output);
        assert_eq!(h.state().speech().unwrap().current(), Some(id.as_str()));
    }
    played += play_to_end(&mut h, &output);
    assert!(h.state().speech().is_none());
    assert_eq!(
        output.snapshot().played_samples,
        played,
        "every sample of every clip was played"
    );
    let plays = events(&output)
        .iter()
        .filter(|e| e.starts_with("play "))
        .count();
    assert_eq!(plays, ids.len());

    // Pause, go on, louder, again, stop.
    common::click(&mut h, "Listen");
    common::click(&mut h, "Pause");
    assert!(h.state().speech().unwrap().paused);
    output.advance(1_000_000);
    h.run();
    assert_eq!(
        h.state().speech().unwrap().current(),
        Some(ids[0].as_str()),
        "a paused clip does not move on"
    );
    common::click(&mut h, "Go on");
    common::click(&mut h, "Louder");
    assert_eq!(h.state().volume(), 100);
    common::click(&mut h, "Quieter");
    common::click(&mut h, "Quieter");
    assert_eq!(h.state().volume(), 60);
    common::click(&mut h, "Again");
    common::click(&mut h, "Stop");
    assert!(h.state().speech().is_none());
    let tail: Vec<String> = events(&output)
        .into_iter()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let expected = [
        "pause",
        "resume",
        "volume 1.00",
        "volume 0.80",
        "volume 0.60",
        "stop",
    ];
    let mut at = 0;
    for event in &tail {
        if at < expected.len() && event == expected[at] {
            at += 1;
        }
    }
    assert_eq!(at, expected.len(), "{tail:?}");

    // Leaving the screen stops the reading.
    common::click(&mut h, "Listen");
    let n = events(&output).len();
    common::click(&mut h, "Back");
    assert!(h.state().speech().is_none());
    assert_eq!(events(&output)[n..], ["stop".to_owned()]);
}

#[test]
fn the_idle_wipe_stops_the_reading_and_resets_the_volume() {
    let (content, ids) = narrated_content("kiosk", &["en"]);
    let mut config = Config {
        idle_seconds: 30,
        countdown_seconds: 10,
        volume: 40,
        languages: vec![Language::builtin("en")],
        ..Config::default()
    };
    config.pin_hash = Some(clinic_edu::kiosk::hash_pin("2468").unwrap());
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content.clone()),
        kiosk: Some(config),
        ..AppOptions::default()
    })
    .unwrap();
    let output = RecordingOutput::new();
    let mut h = harness(app, &output, &content);
    assert_eq!(h.state().volume(), 40);
    let strings = clinic_edu::i18n::Strings::load(None).unwrap();
    let tap = strings.get(Language::builtin("en"), "tap-to-start");
    h.get_by_role_and_label(egui::accesskit::Role::Button, &tap)
        .click();
    h.run();
    common::click_topic(&mut h, Language::builtin("en"), "prp");
    common::click(&mut h, "Listen");
    common::click(&mut h, "Louder");
    assert_eq!(h.state().volume(), 60);
    assert_eq!(h.state().speech().unwrap().current(), Some(ids[0].as_str()));
    // Nobody touches the screen: the countdown, then the wipe.
    for _ in 0..2 {
        let now = h.ctx.input(|i| i.time);
        h.input_mut().time = Some(now + 31.0);
        h.step();
        h.input_mut().time = None;
        h.run();
    }
    assert_eq!(h.state().route(), &clinic_edu::app::Route::Attract);
    assert!(h.state().speech().is_none());
    assert_eq!(h.state().volume(), 40, "back to the kiosk's default");
    let events = events(&output);
    assert_eq!(
        events[events.len() - 2..],
        ["volume 0.40", "stop"],
        "{events:?}"
    );
}

#[test]
fn without_an_audio_output_the_controls_are_not_shown() {
    let (content, _) = narrated_content("no-device", &["en"]);
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content),
        ..AppOptions::default()
    })
    .unwrap();
    // The app opened the default output if there is one (a developer's machine);
    // CI and the VM have none.
    let device = clinic_edu::audio::DeviceOutput::open().is_ok();
    assert_eq!(app.can_speak(), device);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_eframe(|_| app);
    h.run();
    common::click_topic(&mut h, Language::builtin("en"), "prp");
    assert_eq!(h.query_by_label("Listen").is_some(), device);
}

/// The PRP page while its first paragraph is read aloud in `code`: the controls,
/// and the paragraph on the highlight colour.
fn reading_snapshot(code: &str) {
    let (content, _) = narrated_content(&format!("pixels-{code}"), &[code]);
    let strings = clinic_edu::i18n::Strings::load(None).unwrap();
    let lang = Language::builtin(code);
    let mut app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: lang,
        content_dir: Some(content.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    app.set_speaker(Box::new(RecordingOutput::new()), &content);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .wgpu()
        .build_eframe(|_| app);
    h.run();
    common::click_topic(&mut h, lang, "prp");
    common::click(&mut h, &strings.get(lang, "listen"));
    assert!(h.state().speech().is_some());
    h.snapshot(format!("read_aloud_prp_{code}"));
}

#[test]
fn the_text_being_read_is_highlighted_en() {
    reading_snapshot("en");
}

#[test]
fn the_text_being_read_is_highlighted_ar() {
    reading_snapshot("ar");
}
