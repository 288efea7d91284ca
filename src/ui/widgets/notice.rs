//! A tinted box with a line of text: for "not yet reviewed" and content errors.

use crate::ui::UiExt;
use egui::{CornerRadius, Frame, Margin, Response, Stroke, Ui, Widget};

use super::Paragraph;
use crate::lang::Language;

/// A warning box around one or more paragraphs.
pub struct Notice<'a> {
    lines: Vec<&'a str>,
    lang: Language,
}

impl<'a> Notice<'a> {
    pub fn new(text: &'a str, lang: Language) -> Self {
        Self {
            lines: vec![text],
            lang,
        }
    }

    /// A heading line followed by more lines (shown in the same language).
    pub fn with_lines(lines: Vec<&'a str>, lang: Language) -> Self {
        Self { lines, lang }
    }
}

impl Widget for Notice<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        Frame::new()
            .fill(tokens.warning_fill)
            .stroke(Stroke::new(1.0, tokens.warning_text.gamma_multiply(0.4)))
            .corner_radius(CornerRadius::same(tokens.corner_radius as u8))
            .inner_margin(Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                for line in &self.lines {
                    ui.add(Paragraph::new(line, self.lang).color(tokens.warning_text));
                }
            })
            .response
    }
}
