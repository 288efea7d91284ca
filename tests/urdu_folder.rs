//! `extra/urdu` is a clinic folder that adds Urdu in Nastaliq: `clinic-edu validate
//! extra/urdu` registers its language, checks every string against its fonts and
//! its content in every language, and finds nothing wrong; a kiosk on it offers
//! Urdu, in Nastaliq, with Urdu digits.

mod common;

use std::path::Path;
use std::process::Command;

use clinic_edu::config::Config;
use clinic_edu::content::languages::load_dir;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};

#[test]
fn the_urdu_folder_validates_and_a_kiosk_on_it_offers_urdu() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("extra/urdu");
    let out = Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("validate")
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert_eq!(
        stdout.lines().last(),
        Some("5 topics x 5 languages, 0 errors")
    );
    assert!(!stdout.contains("UI strings missing"), "{stdout}");

    let (added, errors) = load_dir(&dir);
    assert!(errors.is_empty(), "{errors:?}");
    let ur = Language::builtin("ur");
    assert_eq!(added, [ur]);
    assert!(ur.is_rtl());
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(dir.clone()),
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
    let strings = Strings::load(Some(&dir)).unwrap();
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
