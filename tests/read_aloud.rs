//! Read-aloud in the app, heard through an output that records what it is given:
//! a section's clips play to their end one after another, pause, go on, stop and
//! volume do what they say, and leaving the screen stops the reading. The clips
//! are made here by espeak-ng and imported with `clinic-edu narration import`
//! (tests/common/narrated.rs). The kiosk's part: tests/read_aloud_kiosk.rs.

mod common;

use clinic_edu::audio::RecordingOutput;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::narrated::{drawn_harness, events, harness, narrated_content, play_to_end};

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
fn without_an_audio_output_the_controls_are_not_shown() {
    let (content, _) = narrated_content("no-device", &["en"]);
    // An app made in a test plays through no device unless told to, so that it
    // behaves the same on a machine with a sound card and one without.
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    assert!(!app.can_speak());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_eframe(|_| app);
    h.run();
    common::click_topic(&mut h, Language::builtin("en"), "prp");
    assert!(h.query_by_label("Listen").is_none());
    // The app itself opens the default output if there is one (a developer's
    // machine); CI and the VM have none.
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content),
        audio_device: true,
        ..AppOptions::default()
    })
    .unwrap();
    assert_eq!(
        app.can_speak(),
        clinic_edu::audio::DeviceOutput::open().is_ok()
    );
}

/// The PRP page while its first paragraph is read aloud in `code`: the controls,
/// and the paragraph on the highlight colour.
fn reading_snapshot(code: &str) {
    let (content, _) = narrated_content(&format!("pixels-{code}"), &[code]);
    let strings = clinic_edu::i18n::Strings::load(None).unwrap();
    let lang = Language::builtin(code);
    let app = common::app_on(lang, Some(&content));
    let mut h = drawn_harness(app, &RecordingOutput::new(), &content);
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
