//! Glyphs land on the physical pixel grid, one texel per pixel, at 1x, 1.5x and 2x:
//! nothing is resampled, so text stays crisp.

use clinic_edu::Language;
use clinic_edu::samples::Samples;
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
        for lang in Language::ALL {
            for text in samples.get(lang).strings() {
                let layout = system.layout(text, lang, TextStyle::regular(17.0), Some(420.0), ppp);
                // A block placed at a fractional position is snapped to the pixel grid.
                let mesh = system.mesh(&ctx, pos2(10.3, 20.7), &layout, Color32::BLACK);
                let atlas = system.atlas().size() as f32;
                assert!(!mesh.vertices.is_empty(), "{lang} at {ppp}: {text}");
                for quad in mesh.vertices.chunks_exact(4) {
                    for v in quad {
                        assert!(
                            on_grid(v.pos.x * ppp) && on_grid(v.pos.y * ppp),
                            "{lang} at {ppp}: {:?}",
                            v.pos
                        );
                        assert!(on_grid(v.uv.x * atlas) && on_grid(v.uv.y * atlas));
                        assert_eq!(v.color, Color32::BLACK, "coloured by vertex colour");
                    }
                    let (min, max) = (quad[0], quad[3]);
                    let pixels = (max.pos - min.pos) * ppp;
                    let texels = (max.uv - min.uv) * atlas;
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
fn text_is_one_mesh_per_block_on_the_atlas_texture() {
    let ctx = egui::Context::default();
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let layout = system.layout(
        "مرحبا بالعالم",
        Language::Arabic,
        TextStyle::regular(17.0),
        None,
        1.0,
    );
    let mesh = system.mesh(&ctx, pos2(0.0, 0.0), &layout, Color32::RED);
    let quads = mesh.vertices.len() / 4;
    // One quad per inked glyph: the space between the words draws nothing.
    assert_eq!(quads, layout.glyphs().count() - 1);
    assert!(mesh.indices.len() == mesh.vertices.len() / 4 * 6);
    assert_ne!(
        mesh.texture_id,
        egui::TextureId::default(),
        "the glyph atlas, not egui's font texture"
    );
}
