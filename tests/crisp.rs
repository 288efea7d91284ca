//! Glyphs land on the physical pixel grid, one texel per pixel, at 1x, 1.5x and 2x:
//! nothing is resampled, so text stays crisp.

use clinic_edu::Language;
use clinic_edu::samples::Samples;
use clinic_edu::text::atlas::PageKind;
use clinic_edu::text::{FontOptions, TextStyle, TextSystem};
use egui::{Color32, pos2};

fn on_grid(v: f32) -> bool {
    (v - v.round()).abs() < 1e-3
}

#[test]
fn glyph_quads_are_pixel_aligned_and_unscaled() {
    let samples = Samples::embedded().unwrap();
    let ctx = egui::Context::default();
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    for ppp in [1.0_f32, 1.5, 2.0] {
        for lang in Language::all() {
            for text in samples.get(lang).strings() {
                let layout = system.layout(text, lang, TextStyle::regular(17.0), Some(420.0), ppp);
                // A block placed at a fractional position is snapped to the pixel grid.
                let mesh = system.mesh(&ctx, pos2(10.3, 20.7), &layout, Color32::BLACK);
                assert!(!mesh.quads.is_empty(), "{lang} at {ppp}: {text}");
                for quad in &mesh.quads {
                    for corner in [quad.rect.min, quad.rect.max] {
                        assert!(
                            on_grid(corner.x * ppp) && on_grid(corner.y * ppp),
                            "{lang} at {ppp}: {:?}",
                            quad.rect
                        );
                    }
                    // Texel coordinates are whole texels.
                    for t in [quad.texels.min, quad.texels.max] {
                        assert!(on_grid(t.x) && on_grid(t.y), "{:?}", quad.texels);
                    }
                    assert_eq!(quad.color, Color32::BLACK, "coloured by the quad's colour");
                    let pixels = quad.rect.size() * ppp;
                    let texels = quad.texels.size();
                    assert!(
                        (pixels - texels).length() < 1e-2,
                        "one texel per pixel: {pixels:?} vs {texels:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn text_is_one_block_of_coverage_quads() {
    let ctx = egui::Context::default();
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let layout = system.layout(
        "مرحبا بالعالم",
        Language::builtin("ar"),
        TextStyle::regular(17.0),
        None,
        1.0,
    );
    let mesh = system.mesh(&ctx, pos2(0.0, 0.0), &layout, Color32::RED);
    // One quad per inked glyph: the space between the words draws nothing.
    assert_eq!(mesh.quads.len(), layout.glyphs().count() - 1);
    // Every glyph of our fonts is coverage, in the one-channel page.
    assert!(mesh.quads.iter().all(|q| q.page == PageKind::Mask));
    assert!(mesh.bounds().is_some());
}
