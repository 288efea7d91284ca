//! The Compare screen, driven by label in every language: choose two or three
//! treatments (a fourth is refused), see every row with each topic's cell, the
//! number rows from the same timeline the topic page draws, and snapshots of the
//! screen in each language and side by side. The kiosk offers it too.

mod common;

use clinic_edu::app::Route;
use clinic_edu::content::cite::cited;
use clinic_edu::content::model::Step;
use clinic_edu::i18n::Strings;
use clinic_edu::theme::timeline::step_text;
use clinic_edu::{ClinicApp, Language};
use egui::vec2;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotResults};

const ROWS: [&str; 11] = [
    "compare-what-it-is",
    "compare-sessions",
    "compare-interval",
    "compare-results",
    "compare-lasts",
    "compare-downtime",
    "compare-common",
    "compare-serious",
    "compare-regulatory",
    "compare-evidence",
    "compare-who-should-not",
];

fn choose(h: &mut Harness<'_, ClinicApp>, strings: &Strings, lang: Language, id: &str) {
    let title = h
        .state()
        .library()
        .topic(id)
        .unwrap()
        .text(lang)
        .title
        .clone();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("treatment", title);
    common::click(h, &strings.format(lang, "compare-choose", Some(&args)));
}

#[test]
fn compare_two_or_three_treatments_in_every_language() {
    let strings = Strings::embedded().unwrap();
    for lang in Language::all() {
        let mut h = common::harness(common::app(lang), vec2(1400.0, 1600.0));
        common::click(&mut h, &strings.get(lang, "menu-compare"));
        assert_eq!(h.state().route(), &Route::Compare);
        // One treatment: no table yet.
        choose(&mut h, &strings, lang, "prp");
        assert!(h.query_by_label(&strings.get(lang, ROWS[0])).is_none());
        choose(&mut h, &strings, lang, "mesotherapy");
        choose(&mut h, &strings, lang, "exosome-therapy");
        assert_eq!(
            h.state().state().compared,
            ["prp", "mesotherapy", "exosome-therapy"]
        );
        for row in ROWS {
            h.get_by_label(&strings.get(lang, row));
        }
        let library = h.state().library().clone();
        for id in ["prp", "mesotherapy", "exosome-therapy"] {
            let topic = library.topic(id).unwrap();
            let cell = &topic.text(lang).compare.serious_risks;
            let text = cited(topic, lang, &cell.text, &cell.cite);
            assert!(
                h.query_by_label(&text).is_some(),
                "{lang} {id}: no {text:?}"
            );
            // The number rows say what the timeline says, or that there is no figure.
            match topic.timeline.iter().find(|s| s.step == Step::Downtime) {
                Some(step) => {
                    let text = cited(topic, lang, &step_text(&strings, lang, step), &step.cite);
                    assert!(
                        h.query_all_by_label(&text).next().is_some(),
                        "{lang} {id}: no {text:?}"
                    );
                }
                None => {
                    h.get_all_by_label(&strings.get(lang, "compare-no-figure"))
                        .next()
                        .unwrap();
                }
            }
        }
        // A fourth is refused; taking one away makes room again.
        let fourth = library
            .topic("botox-chronic-pain")
            .unwrap()
            .text(lang)
            .title
            .clone();
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("treatment", fourth);
        let label = strings.format(lang, "compare-choose", Some(&args));
        h.get_by_label(&label).click();
        h.run();
        assert_eq!(h.state().state().compared.len(), 3);
        choose(&mut h, &strings, lang, "mesotherapy");
        assert_eq!(h.state().state().compared, ["prp", "exosome-therapy"]);
    }
}

#[test]
fn the_kiosk_offers_compare_and_forgets_the_choice_with_the_visit() {
    let strings = Strings::embedded().unwrap();
    let app = common::kiosk_app(clinic_edu::config::Config::default());
    let mut h = common::harness(app, vec2(1280.0, 900.0));
    common::click(
        &mut h,
        &strings.get(Language::builtin("en"), "tap-to-start"),
    );
    common::click(&mut h, Language::builtin("ar").native_name());
    common::click(
        &mut h,
        &strings.get(Language::builtin("ar"), "menu-compare"),
    );
    choose(&mut h, &strings, Language::builtin("ar"), "prp");
    choose(
        &mut h,
        &strings,
        Language::builtin("ar"),
        "fibroblast-therapy",
    );
    h.get_by_label(&strings.get(Language::builtin("ar"), "compare-regulatory"));
    common::click(&mut h, &strings.get(Language::builtin("ar"), "finish"));
    assert!(h.state().state().compared.is_empty());
}

fn snapshot(lang: Language, side_by_side: bool, results: &mut SnapshotResults) {
    let strings = Strings::embedded().unwrap();
    let mut h = Harness::builder()
        .with_size(vec2(1100.0, 1500.0))
        .wgpu()
        .build_eframe(|_| common::app(lang));
    h.run();
    common::click(&mut h, &strings.get(lang, "menu-compare"));
    choose(&mut h, &strings, lang, "prp");
    choose(&mut h, &strings, lang, "botox-chronic-pain");
    let mut name = format!("compare_{}", lang.code());
    if side_by_side {
        common::click(&mut h, &strings.get(lang, "side-by-side"));
        name.push_str("_side_by_side_en");
    }
    h.snapshot(&name);
    results.extend_harness(&mut h);
}

#[test]
fn compare_snapshots() {
    let mut results = SnapshotResults::new();
    for lang in Language::all() {
        snapshot(lang, false, &mut results);
    }
    snapshot(Language::builtin("ar"), true, &mut results);
    results.unwrap();
}
