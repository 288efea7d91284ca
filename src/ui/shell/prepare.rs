//! The app made, and its first screen prepared, while the window opens.
//!
//! Opening the window (the display connection, the GPU device, the surface) takes
//! most of startup and keeps one core busy. Meanwhile, on another thread, the app
//! loads its content and draws its first screen once into a context of its own
//! that nobody sees: that reads the fonts the screen needs, shapes and lays out its
//! text and rasterises its glyphs into the atlas. The window's first frame then
//! finds all of it in the text engine's caches (shared between the two contexts)
//! and only has to paint. The pass changes nothing: its commands (there are none
//! without input) are dropped, and neither the startup probe nor systemd's
//! watchdog hears of it.

use std::thread::JoinHandle;

use egui::{Context, Pos2, RawInput, Rect, Vec2};

use super::ClinicApp;
use crate::app::Prelude;

impl ClinicApp {
    /// Makes the app from `prelude` ([`ClinicApp::after`]) on another thread and
    /// draws its first screen for a window of `size` points (glyphs rasterised at
    /// one pixel per point, as on the kiosk's screens and under Xvfb; on a scaled
    /// display only the layouts carry over). Join it for the app, or for the error
    /// that kept it from starting.
    pub fn prepare(prelude: Prelude, size: [f32; 2]) -> JoinHandle<anyhow::Result<Self>> {
        std::thread::spawn(move || {
            let mut app = Self::after(prelude)?;
            app.draw_unseen(size);
            Ok(app)
        })
    }

    /// Draws the first screen once into a context that is then dropped.
    fn draw_unseen(&mut self, size: [f32; 2]) {
        let ctx = Context::default();
        // Cleared as the window will be (src/main.rs), so the pass paints what the
        // window's first frame will.
        crate::theme::set_window_clear(&ctx, Some(self.window_clear()));
        self.install(&ctx);
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::from(size))),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| self.draw(ui));
        // Nothing is painted from this pass: its texture uploads (egui's own font
        // atlas) are dropped with the context, and must be said to be.
        output.textures_delta.clear();
        self.commands.clear();
        // The window's own context gets the same text engine at its first frame.
        self.window.installed = false;
    }
}
