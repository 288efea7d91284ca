//! What every widget reaches through its `Ui`: the design tokens (shared, not
//! copied) and the text engine.

use std::sync::{Arc, Mutex, MutexGuard};

use egui::{Context, Ui};

use crate::text::TextSystem;
use crate::theme::Tokens;

/// A handle on the text engine of a context; lock it for as long as a widget lays
/// out and paints, while the `Ui` stays free to allocate space.
pub struct TextEngine(Arc<Mutex<TextSystem>>);

impl TextEngine {
    pub fn lock(&self) -> MutexGuard<'_, TextSystem> {
        // A panic elsewhere while laying out leaves nothing half-written that
        // matters here: caches are rebuilt on demand.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The tokens and the text engine of a `Ui` or `Context`.
pub trait UiExt {
    /// The design tokens in force.
    fn tokens(&self) -> Arc<Tokens>;

    /// The text engine.
    fn text_engine(&self) -> TextEngine;
}

impl UiExt for Context {
    fn tokens(&self) -> Arc<Tokens> {
        Tokens::get(self)
    }

    fn text_engine(&self) -> TextEngine {
        TextEngine(TextSystem::shared(self))
    }
}

impl UiExt for Ui {
    fn tokens(&self) -> Arc<Tokens> {
        Tokens::get(self.ctx())
    }

    fn text_engine(&self) -> TextEngine {
        TextEngine(TextSystem::shared(self.ctx()))
    }
}
