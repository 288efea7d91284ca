//! A section heading in one language.

use crate::ui::UiExt;
use egui::{Response, Role, Ui, Widget};

use super::text_block::{Width, text_block};
use crate::lang::Language;

/// Bold heading text; screen readers announce it as a heading.
pub struct Heading<'a> {
    text: &'a str,
    lang: Language,
}

impl<'a> Heading<'a> {
    pub fn new(text: &'a str, lang: Language) -> Self {
        Self { text, lang }
    }
}

impl Widget for Heading<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        text_block(
            ui,
            self.text,
            self.lang,
            tokens.heading,
            tokens.text,
            Role::Heading,
            Width::Fill,
        )
    }
}
