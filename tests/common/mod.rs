//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::{Mutex, MutexGuard, OnceLock};

use clinic_edu::Language;
use clinic_edu::text::{FontOptions, TextLayout, TextStyle, TextSystem};

/// One text system with the bundled fonts only, shared by a test binary.
pub fn system() -> MutexGuard<'static, TextSystem> {
    static SYSTEM: OnceLock<Mutex<TextSystem>> = OnceLock::new();
    SYSTEM
        .get_or_init(|| {
            Mutex::new(TextSystem::new(FontOptions {
                system_fonts: false,
            }))
        })
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Lays out `text` at 16 px, wrapping at `width`, at scale 1.
pub fn shape(lang: Language, width: f32, text: &str) -> TextLayout {
    system().layout_uncached(text, lang, TextStyle::regular(16.0), Some(width), 1.0)
}
