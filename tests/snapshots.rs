//! Snapshot images of the Scripts page in each language at 1x and 2x, rendered with
//! wgpu (software Vulkan in CI). A missing renderer fails the test; it never skips.
//! Update the images with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

mod common;

use clinic_edu::app::Route;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::vec2;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotResults};

fn snapshot(lang: Language) {
    let mut results = SnapshotResults::new();
    for ppp in [1.0, 2.0] {
        let app = common::app(lang);
        let mut harness = Harness::builder()
            .with_size(vec2(900.0, 720.0))
            .with_pixels_per_point(ppp)
            .wgpu()
            .build_eframe(|_| app);
        harness.run();
        let strings = Strings::embedded().unwrap();
        harness
            .get_by_label(&strings.get(lang, "menu-scripts"))
            .click();
        harness.run();
        assert_eq!(harness.state().route(), &Route::Scripts);
        harness.snapshot(format!("scripts_{}_{}x", lang.code(), ppp as u32));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

#[test]
fn scripts_page_english() {
    snapshot(Language::builtin("en"));
}

#[test]
fn scripts_page_arabic() {
    snapshot(Language::builtin("ar"));
}

#[test]
fn scripts_page_bengali() {
    snapshot(Language::builtin("bn"));
}

#[test]
fn scripts_page_japanese() {
    snapshot(Language::builtin("ja"));
}

/// The PRP page in `lang` at 1100 x 900, opened from the home list.
fn prp_page(lang: Language) -> Harness<'static, ClinicApp> {
    let app = common::app(lang);
    let title = app.library().topic("prp").unwrap().text(lang).title.clone();
    let mut harness = Harness::builder()
        .with_size(vec2(1100.0, 900.0))
        .wgpu()
        .build_eframe(|_| app);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, &title)
        .click();
    harness.run();
    harness
}

/// The PRP page at "What to expect" (timeline picture and text), at 1x.
fn topic_snapshot(lang: Language, side_by_side: bool) {
    let strings = Strings::embedded().unwrap();
    let mut harness = prp_page(lang);
    let section = strings.get(lang, "section-what-to-expect");
    harness
        .get_by_role_and_label(egui::Role::Button, &section)
        .click();
    harness.run();
    let mut name = format!("topic_prp_{}", lang.code());
    if side_by_side {
        harness
            .get_by_label(&strings.get(lang, "side-by-side"))
            .click();
        harness.run();
        name.push_str("_side_by_side_en");
    }
    harness.snapshot(name);
}

/// The clinical review screen of PRP in `lang`, at its top: the review state, the
/// first paragraphs with the sources they cite.
fn review_snapshot(lang: Language) {
    let strings = Strings::embedded().unwrap();
    let mut harness = prp_page(lang);
    harness
        .get_by_role_and_label(
            egui::Role::Button,
            &strings.get(lang, "clinical-review-open"),
        )
        .click();
    harness.run();
    harness.snapshot(format!("clinical_review_prp_{}", lang.code()));
}

#[test]
fn clinical_review_arabic() {
    review_snapshot(Language::builtin("ar"));
}

#[test]
fn clinical_review_bengali() {
    review_snapshot(Language::builtin("bn"));
}

#[test]
fn topic_page_arabic() {
    topic_snapshot(Language::builtin("ar"), false);
}

#[test]
fn topic_page_japanese() {
    topic_snapshot(Language::builtin("ja"), false);
}

#[test]
fn scripts_page_urdu() {
    snapshot(Language::builtin("ur"));
}

#[test]
fn topic_page_urdu() {
    topic_snapshot(Language::builtin("ur"), false);
}

#[test]
fn topic_page_arabic_side_by_side_with_english() {
    topic_snapshot(Language::builtin("ar"), true);
}

/// Exosome therapy screening: pregnant = yes, the rest no; at question 3, and at the result.
fn screening_snapshot(lang: Language, name: &str, until_result: bool, side_by_side: bool) {
    let strings = Strings::embedded().unwrap();
    let app = common::app(lang);
    let title = app
        .library()
        .topic("exosome-therapy")
        .unwrap()
        .text(lang)
        .title
        .clone();
    let mut harness = Harness::builder()
        .with_size(vec2(1100.0, 900.0))
        .wgpu()
        .build_eframe(|_| app);
    harness.run();
    common::click(&mut harness, &strings.get(lang, "menu-screening"));
    common::click(&mut harness, &title);
    common::click(&mut harness, &strings.get(lang, "screening-start"));
    common::click(&mut harness, &strings.get(lang, "answer-yes"));
    common::click(&mut harness, &strings.get(lang, "answer-no"));
    if until_result {
        common::answer_rest_no(&mut harness);
        common::click(&mut harness, &strings.get(lang, "see-result"));
        if side_by_side {
            common::click(&mut harness, &strings.get(lang, "side-by-side"));
        }
    }
    // Move the pointer away so no button shows a hover state.
    harness.hover_at(egui::pos2(1.0, 899.0));
    harness.run();
    harness.snapshot(name);
}

#[test]
fn screening_question_bengali() {
    screening_snapshot(
        Language::builtin("bn"),
        "screening_question_bn",
        false,
        false,
    );
}

#[test]
fn screening_question_urdu() {
    screening_snapshot(
        Language::builtin("ur"),
        "screening_question_ur",
        false,
        false,
    );
}

#[test]
fn screening_result_japanese() {
    screening_snapshot(Language::builtin("ja"), "screening_result_ja", true, false);
}

#[test]
fn screening_result_arabic_side_by_side_with_english() {
    screening_snapshot(
        Language::builtin("ar"),
        "screening_result_ar_side_by_side_en",
        true,
        true,
    );
}

fn kiosk_harness(languages: Vec<Language>) -> Harness<'static, ClinicApp> {
    let config = clinic_edu::config::Config {
        clinic_name: "Harbour Skin Clinic".into(),
        languages,
        idle_seconds: 30,
        countdown_seconds: 10,
        pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
        ..Default::default()
    };
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
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .wgpu()
        .build_eframe(|_| app);
    harness.run();
    harness
}

/// Moves the harness clock to `time` (seconds) and lets the app settle.
fn at_time(harness: &mut Harness<'_, ClinicApp>, time: f64) {
    harness.input_mut().time = Some(time);
    harness.step();
    harness.input_mut().time = None;
    harness.run();
}

#[test]
fn kiosk_attract_screen_arabic() {
    let mut harness = kiosk_harness(Language::all());
    // The second language in the cycle.
    at_time(&mut harness, 3.5);
    harness.snapshot("kiosk_attract_ar");
}

#[test]
fn kiosk_attract_screen_urdu() {
    let mut harness = kiosk_harness(Language::all());
    // The fifth language in the cycle.
    at_time(&mut harness, 12.5);
    harness.snapshot("kiosk_attract_ur");
}

#[test]
fn kiosk_still_there_bengali() {
    let strings = Strings::embedded().unwrap();
    let mut harness = kiosk_harness(vec![Language::builtin("bn"), Language::builtin("en")]);
    harness
        .get_by_role_and_label(
            egui::Role::Button,
            &strings.get(Language::builtin("bn"), "tap-to-start"),
        )
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, "বাংলা")
        .click();
    harness.run();
    let now = harness.ctx.input(|i| i.time);
    at_time(&mut harness, now + 33.5);
    harness.snapshot("kiosk_still_there_bn");
}
