//! One font database per process, filled as languages are used: laying out English
//! reads only its own family's files; validating the content, starting the app
//! (which checks a clinic's folder against the fonts and sets up the screen's text
//! system), laying out Arabic, Bengali and Japanese, and making handouts in two
//! languages on another thread parse each bundled font file exactly once.
//!
//! Alone in its binary: the count is per process, and cargo runs the tests of one
//! binary on threads of one process.

use clinic_edu::content::{self, ContentFiles, SectionId};
use clinic_edu::i18n::Strings;
use clinic_edu::pdf::{self, HandoutRequest, Paper};
use clinic_edu::text::{FontOptions, TextStyle, TextSystem, fonts};
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui_kittest::Harness;

const BUNDLED_ONLY: FontOptions = FontOptions {
    system_fonts: false,
};

#[test]
fn each_bundled_font_file_is_parsed_once_per_process() {
    let bundled = fonts::bundled_files().len();
    assert!(bundled >= 10, "the five languages' regular and bold faces");
    assert_eq!(
        fonts::parse_count(),
        0,
        "no font is parsed before one is used"
    );

    // A language's fonts are read when it is first laid out, not before.
    let mut english = TextSystem::new(BUNDLED_ONLY);
    assert_eq!(
        fonts::parse_count(),
        0,
        "a text system reads no font by itself"
    );
    let layout = english.layout(
        "Platelet-rich plasma",
        Language::fallback(),
        TextStyle::regular(16.0),
        None,
        1.0,
    );
    assert!(layout.glyphs().all(|g| g.glyph_id != 0));
    assert_eq!(
        fonts::parse_count(),
        2,
        "English reads Noto Sans's two files and nothing else"
    );

    // `clinic-edu validate`: every string of the content checked against the fonts.
    let mut validator = TextSystem::new(BUNDLED_ONLY);
    let mut check = |text: &str, lang: Language| validator.missing_glyph(text, lang);
    let loaded = content::load(&ContentFiles::embedded(), Some(&mut check));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(
        fonts::parse_count(),
        bundled,
        "validating parsed each file once"
    );

    // The app with a clinic's (empty) folder: loading checks its strings against the
    // fonts, and the first frame sets up the screen's text system.
    let folder = std::env::temp_dir().join(format!("clinic-edu-fonts-once-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(folder.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(app.content_errors().is_empty());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_eframe(|_| app);
    harness.run();
    let samples = [
        (Language::builtin("ar"), "وافقت (FDA) على 3-5 جلسات"),
        (Language::builtin("bn"), "ক্ষ স্ত্র কি ত্বকের চিকিৎসা"),
        (
            Language::builtin("ja"),
            "注射は2回です。「効果」は、ゆっくり。",
        ),
    ];
    TextSystem::with(&harness.ctx, |system| {
        for (lang, text) in samples {
            let layout = system.layout(text, lang, TextStyle::regular(17.0), Some(300.0), 1.0);
            assert!(layout.glyphs().all(|g| g.glyph_id != 0), "{lang}: {text}");
        }
    });
    assert_eq!(
        fonts::parse_count(),
        bundled,
        "the app parsed no font again"
    );

    // Handouts, each made off the UI thread with its own text system, as the app does.
    let library = harness.state().library().clone();
    std::thread::spawn(move || {
        let strings = Strings::embedded().unwrap();
        for (lang, staff_lang) in [
            (Language::builtin("ar"), Some(Language::builtin("en"))),
            (Language::builtin("ja"), None),
        ] {
            let request = HandoutRequest {
                topic: "mesotherapy".into(),
                lang,
                staff_lang,
                sections: SectionId::ALL.to_vec(),
                paper: Paper::A4,
                clinic_name: None,
                date: content::review::Date::parse("2026-12-01").unwrap(),
                review_months: 24,
            };
            let mut text = TextSystem::new(BUNDLED_ONLY);
            let bytes = pdf::make(&library, &strings, &mut text, &request).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{lang}");
        }
    })
    .join()
    .unwrap();
    assert_eq!(
        fonts::parse_count(),
        bundled,
        "a handout is made without parsing a font again"
    );
}
