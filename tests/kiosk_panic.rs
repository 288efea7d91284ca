//! A panic in kiosk mode, in any thread, ends the app with a non-zero status and a
//! message that carries no answer or patient text; nothing of the visit survives,
//! so the next start is the attract screen.

use std::process::Command;

use clinic_edu::app::Route;
use clinic_edu::config::Config;
use clinic_edu::kiosk::{PANIC_EXIT_CODE, hash_pin, install_panic_guard};
use clinic_edu::{AppOptions, ClinicApp};

const SECRET: &str = "pregnant=yes, Fatema Begum, 12 Harbour Road";

/// Run by the test below in a child process of its own: installs the kiosk's
/// guard, then panics in another thread with patient text in the message.
#[test]
fn child_that_panics_in_a_thread() {
    if std::env::var_os("CLINIC_EDU_PANIC_CHILD").is_none() {
        return;
    }
    install_panic_guard();
    let worker = std::thread::spawn(|| panic!("could not lay out the answer {SECRET}"));
    let _ = worker.join();
    unreachable!("the guard ends the process");
}

#[test]
fn a_panic_in_kiosk_mode_exits_non_zero_without_patient_text() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_that_panics_in_a_thread",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CLINIC_EDU_PANIC_CHILD", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(PANIC_EXIT_CODE), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("clinic-edu: internal error at tests/kiosk_panic.rs:"),
        "{stderr}"
    );
    for part in SECRET.split(", ") {
        assert!(
            !stderr.contains(part) && !stdout.contains(part),
            "{part:?} leaked: {stderr}{stdout}"
        );
    }

    // The next start is the attract screen: nothing of a visit was kept.
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        kiosk: Some(Config {
            pin_hash: Some(hash_pin("2468").unwrap()),
            ..Config::default()
        }),
        ..AppOptions::default()
    })
    .unwrap();
    assert_eq!(app.route(), &Route::Attract);
    assert!(app.session().answers.is_empty());
}
