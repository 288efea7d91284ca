//! Snapshot images of the Scripts page in each language at 1x and 2x, rendered with
//! wgpu (software Vulkan in CI). A missing renderer fails the test; it never skips.
//! Update the images with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::vec2;
use egui_kittest::{Harness, SnapshotResults};

fn snapshot(lang: Language) {
    let mut results = SnapshotResults::new();
    for ppp in [1.0, 2.0] {
        let app = ClinicApp::new(AppOptions {
            system_fonts: false,
            language: lang,
        })
        .unwrap();
        let mut harness = Harness::builder()
            .with_size(vec2(900.0, 720.0))
            .with_pixels_per_point(ppp)
            .wgpu()
            .build_eframe(|_| app);
        harness.run();
        harness.snapshot(format!("scripts_{}_{}x", lang.code(), ppp as u32));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

#[test]
fn scripts_page_english() {
    snapshot(Language::English);
}

#[test]
fn scripts_page_arabic() {
    snapshot(Language::Arabic);
}

#[test]
fn scripts_page_bengali() {
    snapshot(Language::Bengali);
}

#[test]
fn scripts_page_japanese() {
    snapshot(Language::Japanese);
}
