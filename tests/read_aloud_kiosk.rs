//! Read-aloud in the kiosk and on the screening screens: the idle timer waits
//! while a text is read; the kiosk reads its "are you still there?" to a patient
//! who listened (and not to one who did not), a touch stops that, the wipe stops
//! the reading and sets the volume back; the answer, the verdict and the rule being
//! read are highlighted (snapshots); the language choice says "Choose your
//! language" in each language in turn. Clips made here by espeak-ng
//! (tests/common/narrated.rs).

mod common;

use clinic_edu::app::Route;
use clinic_edu::audio::RecordingOutput;
use clinic_edu::config::Config;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui_kittest::Harness;

use common::narrated::{drawn_harness, events, harness, narrated_content_with, play_to_end};

const STILL_THERE: [&str; 2] = ["ui.still-there-title", "ui.continue"];

fn en() -> Language {
    Language::builtin("en")
}

/// A kiosk in English (idle after 30 s, 10 s to answer, volume 40) on PRP's
/// page, with clips for PRP's first section and the kiosk's question.
fn kiosk_on_prp(name: &str) -> (Harness<'static, ClinicApp>, RecordingOutput, Vec<String>) {
    let (content, ids) = narrated_content_with(name, &["en"], &STILL_THERE);
    let config = Config {
        idle_seconds: 30,
        countdown_seconds: 10,
        volume: 40,
        languages: vec![en()],
        ..Config::default()
    };
    let app = common::kiosk_app_on(Some(&content), config);
    let output = RecordingOutput::new();
    let mut h = harness(app, &output, &content);
    let tap = Strings::load(None).unwrap().get(en(), "tap-to-start");
    common::click(&mut h, &tap);
    common::click_topic(&mut h, en(), "prp");
    (h, output, ids)
}

/// Nobody touches the screen for 31 seconds.
fn wait_31_seconds(h: &mut Harness<'_, ClinicApp>) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + 31.0);
    h.step();
    h.input_mut().time = None;
    h.run();
}

#[test]
fn the_kiosk_waits_while_a_text_is_read_then_asks_aloud_then_wipes() {
    let (mut h, output, ids) = kiosk_on_prp("wipe");
    assert_eq!(h.state().volume(), 40);
    common::click(&mut h, "Listen");
    common::click(&mut h, "Louder");
    assert_eq!(h.state().volume(), 60);
    // Listening is using the kiosk: no question while the text is read.
    wait_31_seconds(&mut h);
    assert_eq!(h.state().still_there(), None);
    assert_eq!(h.state().speech().unwrap().current(), Some(ids[0].as_str()));
    // Paused, the patient may have gone: the kiosk asks, aloud.
    common::click(&mut h, "Pause");
    let n = events(&output).len();
    wait_31_seconds(&mut h);
    assert!(h.state().still_there().is_some());
    let speech = h.state().speech().expect("the question is read aloud");
    assert_eq!(speech.current(), Some(STILL_THERE[0]));
    assert!(
        events(&output)[n..].iter().any(|e| e.starts_with("play ")),
        "{:?}",
        &events(&output)[n..]
    );
    // The question, then its button.
    play_to_end(&mut h, &output);
    assert_eq!(h.state().speech().unwrap().current(), Some(STILL_THERE[1]));
    // Nobody answers: the wipe stops the reading and sets the volume back.
    wait_31_seconds(&mut h);
    assert_eq!(h.state().route(), &Route::Attract);
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
fn a_patient_who_did_not_listen_is_asked_in_silence() {
    let (mut h, output, _) = kiosk_on_prp("silent");
    wait_31_seconds(&mut h);
    assert!(h.state().still_there().is_some());
    assert!(h.state().speech().is_none());
    assert!(events(&output).is_empty(), "{:?}", events(&output));
}

#[test]
fn a_touch_stops_the_kiosk_asking_aloud() {
    let (mut h, output, _) = kiosk_on_prp("touch");
    common::click(&mut h, "Listen");
    common::click(&mut h, "Stop");
    wait_31_seconds(&mut h);
    assert_eq!(
        h.state().speech().unwrap().current(),
        Some(STILL_THERE[0]),
        "the patient listened this visit"
    );
    let n = events(&output).len();
    common::click(&mut h, "Continue");
    assert_eq!(h.state().still_there(), None);
    assert!(h.state().speech().is_none());
    assert_eq!(events(&output)[n..], ["stop".to_owned()]);
    assert_eq!(h.state().open_topic().map(|(id, _)| id), Some("prp"));
}

/// A staff app in `code` with clips for the answers, the verdicts and exosome
/// therapy's rules, drawn by wgpu.
fn screening_app(code: &str, name: &str) -> (Harness<'static, ClinicApp>, RecordingOutput) {
    let extra = [
        "ui.answer-yes",
        "ui.answer-no",
        "ui.answer-not-sure",
        "ui.verdict-do-not-treat",
        "ui.verdict-discuss",
        "ui.verdict-no-concerns",
        "exosome-therapy.rule.",
    ];
    let (content, _) = narrated_content_with(name, &[code], &extra);
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin(code),
        content_dir: Some(content.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    let output = RecordingOutput::new();
    let mut h = drawn_harness(app, &output, &content);
    let strings = Strings::load(None).unwrap();
    let lang = Language::builtin(code);
    common::click(&mut h, &strings.get(lang, "menu-screening"));
    common::click_topic(&mut h, lang, "exosome-therapy");
    common::click(&mut h, &strings.get(lang, "screening-start"));
    (h, output)
}

#[test]
fn the_answer_being_read_is_highlighted() {
    let (mut h, output) = screening_app("en", "answer");
    // The question has no clip here: the answers are read, "Yes" first; then "No".
    common::click(&mut h, "Listen");
    assert_eq!(h.state().speech().unwrap().current(), Some("ui.answer-yes"));
    play_to_end(&mut h, &output);
    assert_eq!(h.state().speech().unwrap().current(), Some("ui.answer-no"));
    h.hover_at(egui::pos2(1.0, 899.0));
    h.run();
    h.snapshot("read_aloud_answer_en");
}

/// Pregnant: yes, the rest no; the result read aloud, at its first rule.
fn result_snapshot(code: &str) {
    let (mut h, output) = screening_app(code, &format!("result-{code}"));
    let strings = Strings::load(None).unwrap();
    let lang = Language::builtin(code);
    common::click(&mut h, &strings.get(lang, "answer-yes"));
    common::answer_rest_no(&mut h);
    common::click(&mut h, &strings.get(lang, "see-result"));
    common::click(&mut h, &strings.get(lang, "listen"));
    assert_eq!(
        h.state().speech().unwrap().current(),
        Some("ui.verdict-do-not-treat")
    );
    play_to_end(&mut h, &output);
    let rule = h.state().speech().unwrap().current().unwrap().to_owned();
    assert!(rule.starts_with("exosome-therapy.rule."), "{rule}");
    h.hover_at(egui::pos2(1.0, 899.0));
    h.run();
    h.snapshot(format!("read_aloud_result_{code}"));
}

#[test]
fn the_rule_being_read_is_highlighted_en() {
    result_snapshot("en");
}

#[test]
fn the_rule_being_read_is_highlighted_ar() {
    result_snapshot("ar");
}

#[test]
fn the_language_choice_is_spoken_in_each_language_in_turn() {
    let (content, _) = narrated_content_with("choice", &["en", "ar"], &["ui.choose-language"]);
    let ar = Language::builtin("ar");
    let config = Config {
        languages: vec![en(), ar],
        ..Config::default()
    };
    let app = common::kiosk_app_on(Some(&content), config);
    let output = RecordingOutput::new();
    let mut h = drawn_harness(app, &output, &content);
    let tap = Strings::load(None).unwrap().get(en(), "tap-to-start");
    common::click(&mut h, &tap);
    assert_eq!(h.state().route(), &Route::LanguageChoice);
    common::click(&mut h, "Listen");
    let speech = h.state().speech().unwrap();
    assert_eq!(
        (speech.lang(), speech.current()),
        (Some(en()), Some("ui.choose-language"))
    );
    play_to_end(&mut h, &output);
    let speech = h.state().speech().unwrap();
    assert_eq!(
        (speech.lang(), speech.current()),
        (Some(ar), Some("ui.choose-language"))
    );
    let plays = events(&output)
        .iter()
        .filter(|e| e.starts_with("play "))
        .count();
    assert_eq!(plays, 2, "one clip per language");
    h.hover_at(egui::pos2(1.0, 899.0));
    h.run();
    h.snapshot("read_aloud_language_choice_ar");
    // The patient taps the language they heard: the reading stops there.
    common::click(&mut h, ar.native_name());
    assert_eq!(h.state().language(), ar);
    assert!(h.state().speech().is_none());
}
