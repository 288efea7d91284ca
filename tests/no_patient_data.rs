//! Nothing about a patient touches the disk. A whole kiosk visit (attract,
//! language, screening, result, finish) runs with HOME and the XDG folders in a
//! temporary folder; afterwards the only file the app has written is
//! `settings.ron`, and it holds no answer, treatment or patient language.
//!
//! `.ci/run` also runs this test under `strace -f -e trace=%file` and fails on any
//! file opened for writing but the settings file (and the kernel's own). There it
//! prepares the config first (`CLINIC_EDU_VISIT_HOME` names the folder) so that the
//! traced run writes nothing of the test's own.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clinic_edu::app::{Route, ScreeningStep};
use clinic_edu::config::{Config, Settings};
use clinic_edu::i18n::{Strings, msg};
use clinic_edu::kiosk::hash_pin;
use clinic_edu::{AppOptions, ClinicApp, Language};
use common::renderer::CountingRenderer;
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn files_under(dir: &Path, out: &mut BTreeSet<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.insert(path);
        }
    }
}

#[test]
fn a_kiosk_visit_writes_only_settings_and_nothing_about_the_patient() {
    // One test in this binary: the environment is the process's own.
    let prepared = std::env::var_os("CLINIC_EDU_VISIT_HOME").map(PathBuf::from);
    let home = prepared.clone().unwrap_or_else(|| {
        let home = std::env::temp_dir().join(format!("clinic-edu-visit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        home
    });
    // SAFETY: no other thread runs yet in this test binary's only test.
    unsafe {
        std::env::set_var("HOME", &home);
        for (var, sub) in [
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CACHE_HOME", ".cache"),
            ("XDG_STATE_HOME", ".local/state"),
        ] {
            std::env::set_var(var, home.join(sub));
        }
    }
    let config_path = clinic_edu::config::config_path(None).unwrap();
    assert!(config_path.starts_with(&home), "{}", config_path.display());
    if prepared.is_none() {
        Config {
            pin_hash: Some(hash_pin("2468").unwrap()),
            ..Config::default()
        }
        .save(&config_path)
        .unwrap();
    }
    let mut before = BTreeSet::new();
    files_under(&home, &mut before);

    // The app as `clinic-edu --kiosk` starts it.
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        ..AppOptions::for_config(None, true).unwrap()
    })
    .unwrap();
    let (renderer, _) = CountingRenderer::new();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .renderer(renderer)
        .build_eframe(|_| app);
    h.run();
    let strings = Strings::embedded().unwrap();
    let lang = Language::builtin("bn");
    let s = |id: &str| strings.get(lang, id);

    h.get_by_role_and_label(
        Role::Button,
        &strings.get(Language::builtin("en"), msg::TAP_TO_START),
    )
    .click();
    h.run();
    common::click(&mut h, lang.native_name());
    common::click(&mut h, &s(msg::MENU_SCREENING));
    for id in ["exosome-therapy", "prp"] {
        common::click_topic(&mut h, lang, id);
    }
    common::click(&mut h, &s(msg::SCREENING_START));
    common::click(&mut h, &s(msg::ANSWER_YES));
    common::answer_rest_no(&mut h);
    common::click(&mut h, &s(msg::SEE_RESULT));
    assert_eq!(h.state().route(), &Route::Screening(ScreeningStep::Result));
    h.get_by_label(&s(msg::VERDICT_DO_NOT_TREAT));
    common::click(&mut h, &s(msg::FINISH));
    assert_eq!(h.state().route(), &Route::Attract);
    // The app saves its settings when it closes.
    eframe::App::on_exit(h.state_mut());
    drop(h);

    let mut after = BTreeSet::new();
    files_under(&home, &mut after);
    let written: Vec<&PathBuf> = after.difference(&before).collect();
    let settings = Settings::path_beside(&config_path);
    assert_eq!(written, [&settings], "files written by the visit");
    let text = std::fs::read_to_string(&settings).unwrap();
    for leak in [
        "exosome",
        "prp",
        "pregnant",
        "Yes",
        "yes",
        "bn",
        "Bengali",
        "answer",
        "treatment",
    ] {
        assert!(!text.contains(leak), "settings.ron holds {leak:?}: {text}");
    }
    assert!(text.contains("staff_language"), "{text}");
    if prepared.is_none() {
        let _ = std::fs::remove_dir_all(&home);
    }
}
