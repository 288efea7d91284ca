//! Kiosk mode with a controllable clock (the harness's step time): the idle
//! countdown and reset, the staff unlock and PIN lockout, refusing to close, and a
//! whole patient visit from the attract screen back to it.

mod common;

use std::path::PathBuf;

use clinic_edu::app::{Route, ScreeningStep};
use clinic_edu::config::Config;
use clinic_edu::i18n::Strings;
use clinic_edu::kiosk::{Overlay, hash_pin, verify_pin};
use clinic_edu::screening::Answer;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::{
    Event, Modifiers, PointerButton, Role, ViewportCommand, ViewportEvent, ViewportId, pos2, vec2,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const PIN: &str = "2468";
const SIZE: egui::Vec2 = vec2(1200.0, 900.0);

fn config(idle_seconds: u32, countdown_seconds: u32) -> Config {
    Config {
        clinic_name: "Test Clinic".into(),
        idle_seconds,
        countdown_seconds,
        pin_hash: Some(hash_pin(PIN).unwrap()),
        ..Config::default()
    }
}

fn harness(config: Config) -> Harness<'static, ClinicApp> {
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        content_dir: None,
        kiosk: Some(config),
        settings_path: None,
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    let mut h = Harness::builder().with_size(SIZE).build_eframe(|_| app);
    h.run();
    h
}

use common::click;

/// Lets `seconds` pass without any input.
fn wait(h: &mut Harness<'_, ClinicApp>, seconds: f64) {
    // The controllable clock: egui's input time moves on by `seconds` in one
    // frame with no input; then the app settles.
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + seconds);
    h.step();
    h.input_mut().time = None;
    h.run();
}

/// From the attract screen into the app in `lang`, then exosome screening with "pregnant: yes".
fn start_and_answer(h: &mut Harness<'_, ClinicApp>, strings: &Strings, lang: Language) {
    assert_eq!(h.state().route(), &Route::Attract);
    let tap = strings.get(Language::builtin("en"), "tap-to-start");
    h.get_by_role_and_label(Role::Button, &tap).click();
    h.run();
    assert_eq!(h.state().route(), &Route::LanguageChoice);
    click(h, lang.native_name());
    assert_eq!(h.state().language(), lang);
    click(h, &strings.get(lang, "menu-screening"));
    let title = h
        .state()
        .library()
        .topic("exosome-therapy")
        .unwrap()
        .text(lang)
        .title
        .clone();
    click(h, &title);
    click(h, &strings.get(lang, "screening-start"));
    click(h, &strings.get(lang, "answer-yes"));
    assert_eq!(
        h.state().session().answers.get("pregnant"),
        Some(&Answer::Yes)
    );
}

#[test]
fn a_visit_from_attract_to_result_and_finish_back_to_attract() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(600, 20));
    start_and_answer(&mut h, &strings, Language::builtin("ar"));
    let s = |id: &str| strings.get(Language::builtin("ar"), id);
    common::answer_rest_no(&mut h);
    click(&mut h, &s("see-result"));
    h.get_by_label(&s("verdict-do-not-treat"));
    // Finishing wipes the session: answers, language and screen.
    click(&mut h, &s("finish"));
    assert_eq!(h.state().route(), &Route::Attract);
    assert!(h.state().session().answers.is_empty());
    assert!(h.state().session().treatments.is_empty());
    assert_eq!(h.state().language(), Language::builtin("en"));
    // "Tap to start" in whichever language the attract screen shows now.
    let now = h.ctx.input(|i| i.time);
    let showing = clinic_edu::ui::screens::kiosk::attract_language(&Language::all(), now);
    h.get_by_role_and_label(Role::Button, &strings.get(showing, "tap-to-start"));
}

#[test]
fn attract_screen_cycles_through_the_languages() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(600, 20));
    for lang in Language::all() {
        h.get_by_role_and_label(Role::Button, &strings.get(lang, "tap-to-start"));
        wait(&mut h, 3.0);
    }
    h.get_by_role_and_label(
        Role::Button,
        &strings.get(Language::builtin("en"), "tap-to-start"),
    );
}

#[test]
fn idle_countdown_then_reset_wipes_the_answers() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(30, 10));
    start_and_answer(&mut h, &strings, Language::builtin("ja"));
    wait(&mut h, 29.0);
    assert_eq!(h.state().still_there(), None);
    wait(&mut h, 2.0);
    assert!(
        matches!(h.state().still_there(), Some(8..=10)),
        "{:?}",
        h.state().still_there()
    );
    // Asked in the patient's language.
    h.get_by_label(&strings.get(Language::builtin("ja"), "still-there-title"));
    wait(&mut h, 10.0);
    assert_eq!(h.state().route(), &Route::Attract);
    assert!(
        h.state().session().answers.is_empty(),
        "answers are gone after the reset"
    );
    assert_eq!(h.state().language(), Language::builtin("en"));
    assert_eq!(h.state().still_there(), None);
}

#[test]
fn a_touch_during_the_countdown_keeps_the_session() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(30, 10));
    start_and_answer(&mut h, &strings, Language::builtin("bn"));
    wait(&mut h, 33.0);
    assert!(h.state().still_there().is_some());
    click(&mut h, &strings.get(Language::builtin("bn"), "continue"));
    assert_eq!(h.state().still_there(), None);
    wait(&mut h, 20.0);
    assert_eq!(h.state().still_there(), None, "the idle time started again");
    assert_eq!(
        h.state().session().answers.get("pregnant"),
        Some(&Answer::Yes)
    );
    // Any touch counts, not only the button.
    wait(&mut h, 12.0);
    assert!(h.state().still_there().is_some());
    h.event(Event::PointerMoved(pos2(600.0, 400.0)));
    h.run();
    assert_eq!(h.state().still_there(), None);
    assert_eq!(
        h.state().route(),
        &Route::Screening(ScreeningStep::Questions)
    );
}

fn corner_taps(h: &mut Harness<'_, ClinicApp>, count: usize) {
    let at = pos2(10.0, SIZE.y - 10.0);
    for _ in 0..count {
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
}

fn type_pin(h: &mut Harness<'_, ClinicApp>, strings: &Strings, pin: &str) {
    for digit in pin.chars() {
        click(h, &digit.to_string());
    }
    click(h, &strings.get(Language::builtin("en"), "pin-ok"));
}

#[test]
fn hidden_corner_gesture_pin_lockout_and_staff_menu() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(600, 20));
    start_and_answer(&mut h, &strings, Language::builtin("en"));
    corner_taps(&mut h, 4);
    assert_eq!(
        h.state().kiosk_overlay(),
        Some(Overlay::None),
        "four taps are not enough"
    );
    corner_taps(&mut h, 1);
    assert_eq!(h.state().kiosk_overlay(), Some(Overlay::PinPad));

    for tries_left in (1..=4).rev() {
        type_pin(&mut h, &strings, "1111");
        h.get_by_label(&strings.counted(
            Language::builtin("en"),
            "pin-wrong",
            tries_left,
            tries_left,
        ));
    }
    type_pin(&mut h, &strings, "1111");
    h.get_by_label_contains("Too many wrong PINs");
    // Locked: even the right PIN does nothing for a minute.
    type_pin(&mut h, &strings, PIN);
    assert_eq!(h.state().kiosk_overlay(), Some(Overlay::PinPad));
    wait(&mut h, 61.0);
    type_pin(&mut h, &strings, PIN);
    assert_eq!(h.state().kiosk_overlay(), Some(Overlay::StaffMenu));

    // The staff menu shows the current patient's summary, side by side.
    click(
        &mut h,
        &strings.get(Language::builtin("en"), "patient-summary"),
    );
    assert_eq!(h.state().kiosk_overlay(), Some(Overlay::None));
    assert!(h.state().is_kiosk());

    // Back in the menu, staff mode leaves the kiosk but keeps the app.
    corner_taps(&mut h, 5);
    type_pin(&mut h, &strings, PIN);
    click(&mut h, &strings.get(Language::builtin("en"), "staff-mode"));
    assert!(!h.state().is_kiosk());
}

fn request_close(h: &mut Harness<'_, ClinicApp>) -> Vec<ViewportCommand> {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    let commands = h
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default();
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .clear();
    commands
}

#[test]
fn a_close_request_is_refused_until_staff_leave_the_kiosk() {
    let strings = Strings::embedded().unwrap();
    let mut h = harness(config(600, 20));
    assert!(request_close(&mut h).contains(&ViewportCommand::CancelClose));
    h.run();
    corner_taps(&mut h, 5);
    type_pin(&mut h, &strings, PIN);
    h.get_by_role_and_label(
        Role::Button,
        &strings.get(Language::builtin("en"), "leave-kiosk"),
    )
    .click();
    h.step();
    let commands = h.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone();
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(!request_close(&mut h).contains(&ViewportCommand::CancelClose));
}

#[test]
fn staff_mode_app_lets_the_window_close() {
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        ..AppOptions::default()
    })
    .unwrap();
    let mut h = Harness::builder().with_size(SIZE).build_eframe(|_| app);
    h.run();
    assert!(!request_close(&mut h).contains(&ViewportCommand::CancelClose));
}

#[test]
fn kiosk_needs_a_pin_and_offers_only_the_configured_topics() {
    let no_pin = ClinicApp::new(AppOptions {
        kiosk: Some(Config::default()),
        system_fonts: false,
        ..AppOptions::default()
    });
    let message = no_pin.err().unwrap().to_string();
    assert!(message.contains("clinic-edu set-pin"), "{message}");

    let mut some = config(600, 20);
    some.topics = vec!["prp".into(), "exosome-therapy".into()];
    some.languages = vec![Language::builtin("ar"), Language::builtin("ja")];
    let h = harness(some);
    let ids: Vec<&str> = h
        .state()
        .library()
        .topics()
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["prp", "exosome-therapy"]);
    assert!(
        h.state()
            .library()
            .screening()
            .rules("botox-chronic-pain")
            .is_none()
    );
    assert_eq!(h.state().language(), Language::builtin("ar"));

    let mut unknown = config(600, 20);
    unknown.topics = vec!["laser".into()];
    let err = ClinicApp::new(AppOptions {
        kiosk: Some(unknown),
        system_fonts: false,
        ..AppOptions::default()
    });
    assert!(
        err.err()
            .unwrap()
            .to_string()
            .contains("unknown topic \"laser\"")
    );
}

fn temp_config(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-edu-kiosk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("config.ron")
}

fn run(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The program may exit before reading (a malformed config): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn set_pin_stores_only_a_salted_hash_and_kiosk_refuses_without_one() {
    let path = temp_config("set-pin");
    let path_str = path.to_str().unwrap();
    // Without a PIN the kiosk does not start, and says how to set one.
    let out = run(&["--kiosk", "--config", path_str], "");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("clinic-edu set-pin --config"), "{stderr}");

    let out = run(&["set-pin", "--config", path_str], "12\n");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 4 digits"));
    assert!(!path.exists(), "nothing written for a bad PIN");

    let out = run(&["set-pin", "--config", path_str], "97531\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("97531"), "the PIN itself is never stored");
    let config = Config::load(&path).unwrap();
    assert!(verify_pin("97531", config.pin_hash.as_deref().unwrap()));

    // Other settings in the file are kept.
    std::fs::write(&path, text.replace("\"Clinic\"", "\"Harbour Skin\"")).unwrap();
    let out = run(&["set-pin", "--config", path_str], "1234\n");
    assert!(out.status.success());
    let config = Config::load(&path).unwrap();
    assert_eq!(config.clinic_name, "Harbour Skin");
    assert!(verify_pin("1234", config.pin_hash.as_deref().unwrap()));
}

#[test]
fn malformed_config_is_a_clear_error_with_its_place() {
    let path = temp_config("malformed");
    std::fs::write(
        &path,
        "(\n    clinic_name: \"A\",\n    idle_seconds: \"ninety\",\n)\n",
    )
    .unwrap();
    let out = run(&["--kiosk", "--config", path.to_str().unwrap()], "");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("config.ron:3:"), "{stderr}");
    let out = run(&["set-pin", "--config", path.to_str().unwrap()], "1234\n");
    assert!(
        !out.status.success(),
        "a malformed config is not overwritten"
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("ninety"));
}

#[test]
fn settings_kept_between_runs_hold_no_answers() {
    let strings = Strings::embedded().unwrap();
    let settings_path = temp_config("settings").with_file_name("settings.ron");
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        content_dir: None,
        kiosk: Some(config(600, 20)),
        settings_path: Some(settings_path.clone()),
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    let mut h = Harness::builder().with_size(SIZE).build_eframe(|_| app);
    h.run();
    start_and_answer(&mut h, &strings, Language::builtin("en"));
    let settings = h.state().settings();
    settings.save(&settings_path).unwrap();
    let text = std::fs::read_to_string(&settings_path).unwrap();
    for leak in ["pregnant", "Yes", "exosome", "answers"] {
        assert!(
            !text.contains(leak),
            "settings must not hold {leak:?}: {text}"
        );
    }
}

#[test]
fn a_printer_name_that_lp_could_misread_is_refused_with_its_place() {
    let path = temp_config("printer");
    for (name, ok) in [
        ("Front_Desk", true),
        ("-d", false),
        ("Front Desk", false),
        ("a/b", false),
        ("", false),
    ] {
        std::fs::write(&path, format!("(\n    printer: Some({name:?}),\n)\n")).unwrap();
        match Config::load(&path) {
            Ok(config) => {
                assert!(ok, "{name:?} was taken");
                assert_eq!(config.printer.as_deref(), Some(name));
            }
            Err(e) => {
                assert!(!ok, "{name:?}: {e}");
                let message = e.to_string();
                assert!(
                    message.starts_with(&format!("{}:2:", path.display())),
                    "{message}"
                );
                assert!(message.contains("printer: "), "{message}");
            }
        }
    }
}
