//! The glyph atlas keeps what it rasterised: a tour of the staff screens that
//! scrolls long pages back and forth and switches between two languages uploads
//! glyphs the first time round and nothing the second, and every frame's changes
//! go up as one texture write per atlas page at most. Measured on egui_kittest's
//! wgpu renderer (Mesa's lavapipe here), which runs the text's paint callbacks and
//! so their uploads; each screen of the tour is drawn, and the text system counts
//! what it sends.

mod common;

use clinic_edu::content::SectionId;
use clinic_edu::i18n::Strings;
use clinic_edu::text::TextSystem;
use clinic_edu::text::atlas::UploadStats;
use clinic_edu::{ClinicApp, Language};
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
    harness.render().unwrap();
}

/// Clicks the button `label` and draws the screen it leads to.
fn click(harness: &mut Harness<'_, ClinicApp>, label: &str) {
    common::click(harness, label);
    harness.render().unwrap();
}

/// Every topic's longest sections, scrolled down and up, in both languages.
fn tour(harness: &mut Harness<'_, ClinicApp>, strings: &Strings) {
    for lang in [Language::builtin("ar"), Language::builtin("en")] {
        click(harness, lang.native_name());
        let topics: Vec<String> = harness
            .state()
            .library()
            .topics()
            .iter()
            .map(|t| t.text(lang).title.clone())
            .collect();
        for title in topics {
            click(harness, &strings.get(lang, "menu-topics"));
            click(harness, &title);
            for section in [
                SectionId::WhatToExpect,
                SectionId::SideEffects,
                SectionId::Sources,
            ] {
                click(harness, &strings.get(lang, section.string_id()));
                for dy in [-600.0, -600.0, 600.0, 600.0] {
                    scroll(harness, dy);
                }
            }
        }
    }
}

fn stats(harness: &Harness<'_, ClinicApp>) -> UploadStats {
    TextSystem::with(&harness.ctx, |t| t.atlas().upload_stats())
}

#[test]
fn a_second_tour_of_scrolled_pages_in_two_languages_uploads_nothing() {
    let app = common::app(Language::builtin("en"));
    let mut harness = Harness::builder()
        .with_size(vec2(1000.0, 800.0))
        .wgpu()
        .build_eframe(|_| app);
    harness.run();
    let strings = Strings::embedded().unwrap();

    tour(&mut harness, &strings);
    let first = stats(&harness);
    tour(&mut harness, &strings);
    let second = stats(&harness);
    let coverage_mb = first.bytes[0] as f64 / 1e6;
    println!(
        "first tour: {coverage_mb:.2} MB of coverage in {} writes over {} frames \
         (as RGBA it would be {:.2} MB); colour page: {} bytes; \
         second tour: {} bytes in {} writes over {} frames",
        first.uploads[0],
        first.frames,
        coverage_mb * 4.0,
        first.bytes[1],
        second.total_bytes() - first.total_bytes(),
        second.uploads[0] + second.uploads[1] - first.uploads[0] - first.uploads[1],
        second.frames - first.frames,
    );
    assert!(first.frames > 50, "the text was drawn: {first:?}");
    assert!(first.bytes[0] > 0, "the first tour rasterises glyphs");
    assert_eq!(first.bytes[1], 0, "our fonts have no colour glyphs");
    assert!(
        second.most_in_a_frame.iter().all(|&n| n <= 1),
        "more than one write per page in a frame: {second:?}"
    );
    assert_eq!(
        second.total_bytes(),
        first.total_bytes(),
        "the second tour uploaded again"
    );
    assert_eq!(second.uploads, first.uploads);
}
