//! The app shell and the Scripts page, driven by label like a screen reader would.

mod common;

use clinic_edu::app::Route;
use clinic_edu::i18n::Strings;
use clinic_edu::samples::Samples;
use clinic_edu::{ClinicApp, Language};
use egui::{Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::app;

/// The app on its Scripts page, reached through the menu.
fn harness(lang: Language) -> Harness<'static, ClinicApp> {
    let mut harness = Harness::builder()
        // Wide enough for the whole top bar on one row in every language.
        .with_size(vec2(1200.0, 900.0))
        .build_eframe(|_| app(lang));
    let strings = Strings::embedded().unwrap();
    harness.run();
    harness
        .get_by_label(&strings.get(lang, "menu-scripts"))
        .click();
    harness.run();
    harness
}

fn rect_of(harness: &Harness<'_, ClinicApp>, label: &str) -> Rect {
    harness.get_by_label(label).rect()
}

#[test]
fn every_sample_string_is_found_by_label_in_every_language() {
    let samples = Samples::embedded().unwrap();
    for lang in Language::all() {
        let mut harness = harness(lang);
        harness.run();
        for text in samples.get(lang).strings() {
            harness.get_by_label(text);
        }
    }
}

#[test]
fn language_buttons_are_named_in_their_own_language_and_switch_the_page() {
    let samples = Samples::embedded().unwrap();
    let mut harness = harness(Language::builtin("en"));
    harness.run();
    for lang in [
        Language::builtin("ar"),
        Language::builtin("bn"),
        Language::builtin("ja"),
        Language::builtin("en"),
    ] {
        harness.get_by_label(lang.native_name()).click();
        harness.run();
        assert_eq!(harness.state().language(), lang);
        harness.get_by_label(&samples.get(lang).heading);
    }
}

#[test]
fn scripts_page_is_reachable_from_the_menu() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut harness = harness(lang);
        harness.run();
        harness
            .get_by_label(&strings.get(lang, "menu-scripts"))
            .click();
        harness.run();
        assert_eq!(harness.state().route(), &Route::Scripts);
    }
}

#[test]
fn arabic_mirrors_the_rows_and_right_aligns_the_text() {
    let strings = Strings::embedded().unwrap();
    let samples = Samples::embedded().unwrap();

    let mut en = harness(Language::builtin("en"));
    en.run();
    let title = rect_of(&en, &strings.get(Language::builtin("en"), "app-title"));
    let menu = rect_of(&en, &strings.get(Language::builtin("en"), "menu-scripts"));
    let english = rect_of(&en, "English");
    let topics = rect_of(&en, &strings.get(Language::builtin("en"), "menu-topics"));
    assert!(
        topics.center().x < menu.center().x,
        "LTR: menu in reading order"
    );
    assert!(
        title.center().x < menu.center().x,
        "LTR: title first, on the left"
    );
    assert!(
        menu.center().x < english.center().x,
        "LTR: languages at the far right"
    );

    let mut ar = harness(Language::builtin("ar"));
    ar.run();
    let title = rect_of(&ar, &strings.get(Language::builtin("ar"), "app-title"));
    let menu = rect_of(&ar, &strings.get(Language::builtin("ar"), "menu-scripts"));
    let english = rect_of(&ar, "English");
    let topics = rect_of(&ar, &strings.get(Language::builtin("ar"), "menu-topics"));
    assert!(
        topics.center().x > menu.center().x,
        "RTL: menu in reading order, mirrored"
    );
    assert!(
        title.center().x > menu.center().x,
        "RTL: title first, on the right"
    );
    assert!(
        menu.center().x > english.center().x,
        "RTL: languages at the far left"
    );

    // The sample button sits at the right end of its row in Arabic.
    let button = rect_of(&ar, &samples.get(Language::builtin("ar")).button);
    let heading = rect_of(&ar, &samples.get(Language::builtin("ar")).heading);
    assert!(
        (button.max.x - heading.max.x).abs() < 1.0,
        "button {button:?}, heading {heading:?}"
    );
}

#[test]
fn a_frame_of_cached_text_rasterises_nothing_new() {
    let mut harness = harness(Language::builtin("ja"));
    harness.run();
    let ctx = harness.ctx.clone();
    let before =
        clinic_edu::text::TextSystem::with(&ctx, |s| (s.atlas().len(), s.layout_cache().stats().1));
    harness.step();
    let after =
        clinic_edu::text::TextSystem::with(&ctx, |s| (s.atlas().len(), s.layout_cache().stats().1));
    assert_eq!(
        before, after,
        "a repeated frame lays out and rasterises nothing new"
    );
    assert!(before.0 > 50, "the page's glyphs are in the atlas");
}
