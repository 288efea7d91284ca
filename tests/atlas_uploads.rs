//! The glyph atlas keeps what it rasterised: a tour of the staff screens that
//! scrolls long pages back and forth and switches between two languages uploads
//! glyphs the first time round and nothing the second. Measured with a renderer
//! that counts the texture bytes egui hands it.

mod common;

use clinic_edu::content::SectionId;
use clinic_edu::i18n::Strings;
use clinic_edu::{ClinicApp, Language};
use common::renderer::{CountingRenderer, Uploads};
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, pos2, vec2};
use egui_kittest::Harness;

fn scroll(harness: &mut Harness<'_, ClinicApp>, dy: f32) {
    harness.hover_at(pos2(500.0, 500.0));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}

/// Every topic's longest sections, scrolled down and up, in both languages.
fn tour(harness: &mut Harness<'_, ClinicApp>, strings: &Strings) {
    for lang in [Language::Arabic, Language::English] {
        common::click(harness, lang.native_name());
        let topics: Vec<String> = harness
            .state()
            .library()
            .topics()
            .iter()
            .map(|t| t.text(lang).title.clone())
            .collect();
        for title in topics {
            common::click(harness, &strings.get(lang, "menu-topics"));
            common::click(harness, &title);
            for section in [
                SectionId::WhatToExpect,
                SectionId::SideEffects,
                SectionId::Sources,
            ] {
                common::click(harness, &strings.get(lang, section.string_id()));
                for dy in [-600.0, -600.0, 600.0, 600.0] {
                    scroll(harness, dy);
                }
            }
        }
    }
}

#[test]
fn a_second_tour_of_scrolled_pages_in_two_languages_uploads_nothing() {
    let (renderer, uploads): (CountingRenderer, Uploads) = CountingRenderer::new();
    let app = common::app(Language::English);
    let mut harness = Harness::builder()
        .with_size(vec2(1000.0, 800.0))
        .renderer(renderer)
        .build_eframe(|_| app);
    harness.run();
    let strings = Strings::embedded().unwrap();

    tour(&mut harness, &strings);
    let first = uploads.bytes();
    let steps_before = uploads.updates();
    tour(&mut harness, &strings);
    let second = uploads.bytes() - first;
    println!(
        "first tour: {:.2} MB in {} texture updates; second tour: {second} bytes",
        first as f64 / 1e6,
        steps_before
    );
    assert!(first > 0, "the first tour rasterises glyphs");
    assert_eq!(second, 0, "the second tour re-uploaded {second} bytes");
}
