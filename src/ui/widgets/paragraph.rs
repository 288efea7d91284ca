//! A paragraph of running text in one language.

use crate::ui::UiExt;
use egui::{Color32, Response, Role, Ui, Widget};

use super::text_block::{Width, text_block};
use crate::lang::Language;
use crate::text::TextStyle;

/// Wrapping body text; right-aligned when the language is right-to-left.
pub struct Paragraph<'a> {
    text: &'a str,
    lang: Language,
    style: Option<TextStyle>,
    color: Option<Color32>,
    width: Width,
}

impl<'a> Paragraph<'a> {
    pub fn new(text: &'a str, lang: Language) -> Self {
        Self {
            text,
            lang,
            style: None,
            color: None,
            width: Width::Fill,
        }
    }

    /// Overrides the body style from the tokens.
    pub fn style(mut self, style: TextStyle) -> Self {
        self.style = Some(style);
        self
    }

    /// As wide as the text rather than the whole row (for bars and rows).
    pub fn fit(mut self) -> Self {
        self.width = Width::Fit;
        self
    }

    /// Overrides the text colour from the tokens.
    pub fn color(mut self, color: Color32) -> Self {
        self.color = Some(color);
        self
    }
}

impl Widget for Paragraph<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        text_block(
            ui,
            self.text,
            self.lang,
            self.style.unwrap_or(tokens.body),
            self.color.unwrap_or(tokens.text),
            Role::Label,
            self.width,
        )
    }
}
