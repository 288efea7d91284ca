//! Urdu is the fifth built-in language, in Nastaliq: `clinic-edu validate` checks
//! its strings against its fonts and its content beside the others', and finds
//! nothing wrong; a kiosk offers Urdu, in Nastaliq, with Urdu digits.

mod common;

use std::process::Command;

use clinic_edu::config::Config;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};

#[test]
fn urdu_validates_and_a_kiosk_offers_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("validate")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        stdout.lines().last(),
        Some("5 topics x 5 languages, 0 errors")
    );
    assert!(!stdout.contains("UI strings missing"), "{stdout}");

    let ur = Language::builtin("ur");
    assert!(Language::all().contains(&ur));
    assert!(ur.is_rtl());
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        kiosk: Some(Config {
            languages: vec![ur, Language::fallback()],
            pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
            ..Config::default()
        }),
        ..AppOptions::default()
    })
    .unwrap();
    assert!(
        app.content_errors().is_empty(),
        "{:?}",
        app.content_errors()
    );
    assert!(app.library().languages().contains(&ur));
    let strings = Strings::load(None).unwrap();
    assert_eq!(strings.number(ur, 12), "۱۲", "Urdu digits, by ICU4X");
    // Urdu letters are set in Nastaliq, not in Arabic's Naskh.
    let layout = common::shape(ur, 400.0, "میسوتھراپی");
    let system = common::system();
    let families: Vec<String> = layout
        .glyphs()
        .map(|g| system.family_name(g.font_id))
        .collect();
    assert!(
        families.iter().all(|f| f == "Noto Nastaliq Urdu"),
        "{families:?}"
    );
}
