//! The handout panel, driven by label: staff get Save as PDF and Print; Print hands
//! the PDF to `lp` on its standard input (a stand-in `lp` on PATH records what it
//! got) and says when no printer is set up; a kiosk offers Print only when its
//! config names a printer, and never a file dialog; another page closes the panel.
//! One test, because it changes PATH for the whole process.
//!
//! Unix only: the stand-in `lp` is a shell script, and Windows prints through the
//! PDF program's print verb instead (`src/pdf/print_windows.rs`), which
//! `.ci/windows` runs under Wine with a stand-in PDF program.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clinic_edu::config::Config;
use clinic_edu::i18n::Strings;
use clinic_edu::{ClinicApp, Language};
use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn fake_lp(dir: &Path, script: &str) {
    let lp = dir.join("lp");
    std::fs::write(&lp, format!("#!/bin/sh\n{script}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Runs frames until `label` shows (the print job runs on its own thread).
fn wait_for(h: &mut Harness<'_, ClinicApp>, label: &str) {
    let start = Instant::now();
    while h.query_by_label(label).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "{label:?} never showed"
        );
        std::thread::sleep(Duration::from_millis(50));
        h.run();
    }
}

fn open_topic(h: &mut Harness<'_, ClinicApp>, lang: Language, id: &str) {
    common::click_topic(h, lang, id);
}

fn kiosk(printer: Option<&str>) -> Harness<'static, ClinicApp> {
    common::harness(
        common::kiosk_app(Config {
            printer: printer.map(str::to_owned),
            ..Config::default()
        }),
        vec2(1280.0, 900.0),
    )
}

#[test]
fn the_handout_panel_saves_prints_and_keeps_to_the_kiosk_rules() {
    let strings = Strings::embedded().unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("handout_ui");
    let _ = std::fs::remove_dir_all(&dir);
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // SAFETY: this test binary has this one test, so no other thread reads the
    // environment while it changes.
    unsafe { std::env::set_var("PATH", path) };

    // Staff mode, in Arabic: the panel has every section on, both paper sizes and
    // both actions.
    let lang = Language::builtin("ar");
    let t = |id: &str| strings.get(lang, id);
    let mut h = common::harness(common::app(lang), vec2(1200.0, 900.0));
    open_topic(&mut h, lang, "prp");
    common::click(&mut h, &t("handout"));
    h.get_by_role_and_label(Role::Button, &t("handout-save"));
    h.get_by_role_and_label(Role::Button, &t("paper-letter"));
    common::click(
        &mut h,
        &format!("{}: {}", t("handout-sections"), t("section-sources")),
    );

    // Print: the PDF goes to lp on standard input, and the panel says it went.
    let got = dir.join("printed.pdf");
    fake_lp(
        &bin,
        &format!(
            "cat > '{}'; echo 'request id is Test-1 (1 file(s))'",
            got.display()
        ),
    );
    common::click(&mut h, &t("handout-print"));
    wait_for(&mut h, &t("handout-print-sent"));
    let pdf = std::fs::read(&got).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "lp got no PDF");

    // No printer set up: a clear message, and the app goes on.
    fake_lp(
        &bin,
        "cat > /dev/null; echo 'lp: Error - No default destination.' >&2; exit 1",
    );
    common::click(&mut h, &t("handout-print"));
    wait_for(&mut h, &t("handout-no-printer"));

    // Another page closes the panel.
    common::click(&mut h, &t("back"));
    open_topic(&mut h, lang, "prp");
    assert!(h.query_by_label(&t("handout-save")).is_none());

    // A kiosk without a printer offers no handout; with one, Print and no Save.
    for printer in [None, Some("Front_Desk")] {
        let mut h = kiosk(printer);
        let tap = strings.get(Language::builtin("en"), "tap-to-start");
        common::click(&mut h, &tap);
        common::click(&mut h, Language::builtin("en").native_name());
        open_topic(&mut h, Language::builtin("en"), "mesotherapy");
        let handout = strings.get(Language::builtin("en"), "handout");
        match printer {
            None => assert!(h.query_by_label(&handout).is_none()),
            Some(name) => {
                common::click(&mut h, &handout);
                let save = strings.get(Language::builtin("en"), "handout-save");
                assert!(
                    h.query_by_label(&save).is_none(),
                    "a kiosk offered a file dialog"
                );
                let args = dir.join("args");
                fake_lp(
                    &bin,
                    &format!("echo \"$@\" > '{}'; cat > /dev/null", args.display()),
                );
                common::click(
                    &mut h,
                    &strings.get(Language::builtin("en"), "handout-print"),
                );
                wait_for(
                    &mut h,
                    &strings.get(Language::builtin("en"), "handout-print-sent"),
                );
                let args = std::fs::read_to_string(&args).unwrap();
                assert!(args.starts_with(&format!("-d {name} ")), "{args}");
            }
        }
    }
}
