//! A test renderer that draws nothing and counts the texture bytes egui hands it:
//! for measuring glyph-atlas uploads, and for long runs (it keeps no texture, so
//! memory stays flat however long the run).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::TexturesDelta;
use egui_kittest::TestRenderer;

/// Bytes and texture updates uploaded so far; shared with the renderer.
#[derive(Clone, Default)]
pub struct Uploads {
    bytes: Arc<AtomicU64>,
    updates: Arc<AtomicU64>,
}

impl Uploads {
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    pub fn updates(&self) -> u64 {
        self.updates.load(Ordering::Relaxed)
    }
}

/// Counts, then drops, every texture delta.
pub struct CountingRenderer {
    uploads: Uploads,
}

impl CountingRenderer {
    pub fn new() -> (Self, Uploads) {
        let uploads = Uploads::default();
        (
            Self {
                uploads: uploads.clone(),
            },
            uploads,
        )
    }
}

impl TestRenderer for CountingRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        for image in delta.set.values().flatten() {
            let [w, h] = image.image.size();
            self.uploads
                .bytes
                .fetch_add((w * h * 4) as u64, Ordering::Relaxed);
            self.uploads.updates.fetch_add(1, Ordering::Relaxed);
        }
        delta.clear();
    }

    fn render(
        &mut self,
        _ctx: &egui::Context,
        _output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        Err("the counting renderer draws nothing".to_owned())
    }
}
