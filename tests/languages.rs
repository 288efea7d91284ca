//! A clinic adds a language without a rebuild: `extra/urdu` is a clinic folder
//! that adds Urdu (its manifest and strings under `languages/ur/`, a page per
//! topic, and the questions and reasons with their Urdu text). A kiosk started on
//! it offers Urdu, and a patient walks a topic and the screening in it. The same
//! folder with a broken manifest gives a located error, and the app still starts
//! with the other languages.
//!
//! Languages are registered once per process, so both halves run in one test, the
//! broken folder first.

mod common;

use std::path::{Path, PathBuf};

use clinic_edu::app::{Route, ScreeningStep};
use clinic_edu::config::Config;
use clinic_edu::content::languages::load_dir;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::{Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn urdu_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("extra/urdu")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn kiosk(dir: &Path, languages: Vec<Language>) -> anyhow::Result<ClinicApp> {
    ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(dir.to_owned()),
        kiosk: Some(Config {
            clinic_name: "Test Clinic".into(),
            languages,
            pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
            ..Config::default()
        }),
        ..AppOptions::default()
    })
}

#[test]
fn a_clinic_folder_adds_urdu_and_a_broken_manifest_is_located() {
    // The folder with a line height out of range in its manifest.
    let broken = std::env::temp_dir().join(format!("clinic-edu-urdu-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&broken);
    copy_dir(&urdu_folder(), &broken);
    let manifest = broken.join("languages/ur/language.ron");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace("line_height: 2.2", "line_height: 9.0"),
    )
    .unwrap();
    let (added, errors) = load_dir(&broken);
    assert!(added.is_empty());
    let line = text
        .lines()
        .position(|l| l.contains("line_height"))
        .unwrap()
        + 1;
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}:{line}:5: 9 is outside 1 to 3",
            manifest.display()
        )]
    );
    assert!(
        Language::from_tag("ur").is_none(),
        "a broken manifest registers nothing"
    );
    // The app still starts, with the built-in languages, and lists the errors.
    let app = kiosk(
        &broken,
        vec![Language::builtin("ar"), Language::builtin("en")],
    )
    .unwrap();
    assert!(!app.content_errors().is_empty());
    assert!(app.library().languages().iter().all(|l| l.code() != "ur"));
    std::fs::remove_dir_all(&broken).unwrap();

    // The folder as shipped: Urdu is registered, complete, and offered.
    let dir = urdu_folder();
    let (added, errors) = load_dir(&dir);
    assert!(errors.is_empty(), "{errors:?}");
    let ur = Language::builtin("ur");
    assert_eq!(added, [ur]);
    assert!(ur.is_rtl());
    let app = kiosk(&dir, vec![ur, Language::builtin("en")]).unwrap();
    assert!(
        app.content_errors().is_empty(),
        "{:?}",
        app.content_errors()
    );
    assert!(app.library().languages().contains(&ur));
    let strings = Strings::load(Some(&dir)).unwrap();
    // Urdu's own digits, from its manifest's numbering system.
    assert_eq!(strings.number(ur, 12), "۱۲");
    let s = |id: &str| strings.get(ur, id);
    let mut h = Harness::builder()
        .with_size(vec2(1200.0, 900.0))
        .build_eframe(|_| app);
    h.run();
    // The attract screen starts in the first language the kiosk offers.
    h.get_by_role_and_label(Role::Button, &s("tap-to-start"))
        .click();
    h.run();
    assert_eq!(h.state().route(), &Route::LanguageChoice);
    common::click(&mut h, "اردو");
    assert_eq!(h.state().language(), ur);
    // A topic in Urdu, and its screening.
    let title = h
        .state()
        .library()
        .topic("exosome-therapy")
        .unwrap()
        .text(ur)
        .title
        .clone();
    assert_ne!(
        title,
        h.state()
            .library()
            .topic("exosome-therapy")
            .unwrap()
            .text(Language::fallback())
            .title
    );
    common::click(&mut h, &title);
    assert_eq!(
        h.state().open_topic().map(|(id, _)| id),
        Some("exosome-therapy")
    );
    common::click(&mut h, &s("screening-from-topic"));
    assert_eq!(
        h.state().route(),
        &Route::Screening(ScreeningStep::Questions)
    );
    common::click(&mut h, &s("answer-yes"));
    while h
        .state()
        .session()
        .current(h.state().library().screening())
        .is_some()
    {
        common::click(&mut h, &s("answer-no"));
    }
    common::click(&mut h, &s("see-result"));
    assert_eq!(h.state().route(), &Route::Screening(ScreeningStep::Result));
    // The first question (pregnancy) answered yes: exosome therapy is ruled out.
    h.get_by_label(&s("verdict-do-not-treat"));
}
