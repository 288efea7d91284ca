//! A clinic adds a language without a rebuild: a temporary clinic folder
//! with a small manifest for Tagalog (`tl`), a font taken from `fonts/`, a few UI
//! strings, and one topic (its page, its reasons, and the questions) in it. A kiosk
//! started on that folder, offering that topic, offers the language, and a patient
//! walks the topic and the screening in it. The same folder with a broken manifest
//! gives a located error, and the app still starts with the other languages.
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

use common::TAGALOG_MANIFEST as MANIFEST;

/// A few of the UI strings; the others fall back to English.
const STRINGS: &str = "tap-to-start = Pindutin upang magsimula\n\
    answer-yes = Oo\n\
    answer-no = Hindi\n\
    see-result = Tingnan ang resulta\n";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// Each `en: "..."` of a RON text map followed by `tl: "[tl] ..."`.
fn with_tagalog(ron: &str) -> String {
    let mut out = String::new();
    let mut rest = ron;
    while let Some(at) = rest.find("en: \"") {
        let value_start = at + 4;
        let mut end = value_start + 1;
        let bytes = rest.as_bytes();
        while bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let value = &rest[value_start + 1..end];
        out.push_str(&rest[..=end]);
        out.push_str(&format!(", tl: \"[tl] {value}\""));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A clinic folder adding Tagalog, with PRP and the questions in it.
fn clinic_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-edu-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let lang = dir.join("languages/tl");
    std::fs::create_dir_all(&lang).unwrap();
    std::fs::write(lang.join("language.ron"), MANIFEST).unwrap();
    std::fs::write(lang.join("main.ftl"), STRINGS).unwrap();
    std::fs::copy(
        root().join("fonts/NotoSans-Regular.ttf"),
        lang.join("NotoSans-Regular.ttf"),
    )
    .unwrap();
    let content = root().join("assets/content");
    let read = |rel: &str| std::fs::read_to_string(content.join(rel)).unwrap();
    std::fs::write(
        dir.join("questions.ron"),
        with_tagalog(&read("questions.ron")),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("prp")).unwrap();
    std::fs::write(
        dir.join("prp/screening.ron"),
        with_tagalog(&read("prp/screening.ron")),
    )
    .unwrap();
    let page = read("prp/en.ron").replace(
        "title: \"PRP (platelet-rich plasma)\"",
        "title: \"PRP (plasma na mayaman sa platelet)\"",
    );
    std::fs::write(dir.join("prp/tl.ron"), page).unwrap();
    dir
}

fn kiosk(dir: &Path, languages: Vec<Language>) -> anyhow::Result<ClinicApp> {
    ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(dir.to_owned()),
        kiosk: Some(Config {
            clinic_name: "Test Clinic".into(),
            languages,
            topics: vec!["prp".into()],
            pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
            ..Config::default()
        }),
        ..AppOptions::default()
    })
}

#[test]
fn a_clinic_folder_adds_a_language_and_a_broken_manifest_is_located() {
    let before = Language::all().len();
    // The folder with a line height out of range in its manifest.
    let broken = clinic_folder("broken-language");
    let manifest = broken.join("languages/tl/language.ron");
    std::fs::write(
        &manifest,
        MANIFEST.replace("line_height: 1.5", "line_height: 9.0"),
    )
    .unwrap();
    let (added, errors) = load_dir(&broken);
    assert!(added.is_empty());
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!("{}:10:5: 9 is outside 1 to 3", manifest.display())]
    );
    assert!(
        Language::from_tag("tl").is_none(),
        "a broken manifest registers nothing"
    );
    // The app still starts, with the built-in languages, and lists the errors.
    let app = kiosk(
        &broken,
        vec![Language::builtin("ar"), Language::builtin("en")],
    )
    .unwrap();
    assert!(!app.content_errors().is_empty());
    assert_eq!(app.library().languages().len(), before);
    std::fs::remove_dir_all(&broken).unwrap();

    // The folder as a clinic would write it: Tagalog is registered and offered.
    let dir = clinic_folder("sixth-language");
    let (added, errors) = load_dir(&dir);
    assert!(errors.is_empty(), "{errors:?}");
    let tl = Language::builtin("tl");
    assert_eq!(added, [tl]);
    assert_eq!(Language::all().len(), before + 1);
    let app = kiosk(&dir, vec![tl, Language::builtin("en")]).unwrap();
    // Only PRP is offered, and it is complete in Tagalog; the other topics are
    // not, which leaves Tagalog out wherever they are offered.
    assert!(app.library().languages().contains(&tl));
    let strings = Strings::load(Some(&dir)).unwrap();
    let s = |id: &str| strings.get(tl, id);
    assert_eq!(s("answer-yes"), "Oo");
    assert_eq!(
        s("finish"),
        strings.get(Language::fallback(), "finish"),
        "falls back"
    );
    let mut h = Harness::builder()
        .with_size(vec2(1200.0, 900.0))
        .build_eframe(|_| app);
    h.run();
    // The attract screen starts in the first language the kiosk offers.
    h.get_by_role_and_label(Role::Button, &s("tap-to-start"))
        .click();
    h.run();
    assert_eq!(h.state().route(), &Route::LanguageChoice);
    common::click(&mut h, "Tagalog");
    assert_eq!(h.state().language(), tl);
    common::click(&mut h, "PRP (plasma na mayaman sa platelet)");
    assert_eq!(h.state().open_topic().map(|(id, _)| id), Some("prp"));
    common::click(&mut h, &s("screening-from-topic"));
    assert_eq!(
        h.state().route(),
        &Route::Screening(ScreeningStep::Questions)
    );
    // The questions are the folder's, in Tagalog.
    let first = h
        .state()
        .session()
        .current(h.state().library().screening())
        .unwrap();
    let text = first.text.get(tl).clone();
    assert!(text.starts_with("[tl] "), "{text}");
    h.get_by_label_contains(&text);
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
    std::fs::remove_dir_all(&dir).unwrap();
}
