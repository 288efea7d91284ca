//! A tappable button whose label goes through the text engine.

use crate::ui::UiExt;
use egui::{CornerRadius, Response, Role, Sense, Stroke, StrokeKind, Ui, Widget, WidgetInfo, vec2};

use crate::lang::Language;

/// A button at least one touch target tall; `selected` draws it filled with the accent.
pub struct Button<'a> {
    text: &'a str,
    lang: Language,
    selected: bool,
    /// Being read aloud: on the highlight colour, like the text being read.
    highlighted: bool,
    /// What screen readers say, when the visible text alone would be ambiguous
    /// (in the button's language, like its text).
    accessible: Option<String>,
    min_size: egui::Vec2,
}

impl<'a> Button<'a> {
    pub fn new(text: &'a str, lang: Language) -> Self {
        Self {
            text,
            lang,
            selected: false,
            highlighted: false,
            accessible: None,
            min_size: egui::Vec2::ZERO,
        }
    }

    /// At least this big (for the large answer buttons).
    pub fn min_size(mut self, size: egui::Vec2) -> Self {
        self.min_size = size;
        self
    }

    /// Gives the button a fuller name for screen readers and tests than its text,
    /// written in the button's language.
    pub fn accessible_label(mut self, label: impl Into<String>) -> Self {
        self.accessible = Some(label.into());
        self
    }

    /// Shows the button as the chosen one of a group (e.g. the current language).
    pub fn selected(mut self, selected: bool) -> Self {
        self.selected = selected;
        self
    }

    /// Shows the button's text as the one being read aloud: on the highlight
    /// colour (a chosen button keeps its fill and gets a highlight-coloured edge).
    pub fn highlighted(mut self, highlighted: bool) -> Self {
        self.highlighted = highlighted;
        self
    }
}

impl Widget for Button<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        let ppp = ui.ctx().pixels_per_point();
        let padding = tokens.button_padding;
        {
            let engine = ui.text_engine();
            let system = &mut *engine.lock();
            // Wrap a long label rather than overflow, but never into a sliver: in a
            // crowded row the row itself must make room (see the top bar).
            let room = (ui.available_width() - 2.0 * padding.x).max(4.0 * tokens.touch_target);
            let layout = system.layout_fit(self.text, self.lang, tokens.button, room, ppp);
            let size = vec2(
                (layout.width + 2.0 * padding.x)
                    .max(tokens.touch_target)
                    .max(self.min_size.x),
                (layout.height + 2.0 * padding.y)
                    .max(tokens.touch_target)
                    .max(self.min_size.y),
            );
            let (rect, response) = ui.allocate_exact_size(size, Sense::click());
            if ui.is_rect_visible(rect) {
                let (fill, text_color) = if self.selected {
                    (tokens.accent, tokens.on_accent)
                } else if self.highlighted {
                    (tokens.highlight, tokens.text)
                } else if response.hovered() || response.is_pointer_button_down_on() {
                    (tokens.button_hover, tokens.text)
                } else {
                    (tokens.button_fill, tokens.text)
                };
                let stroke = if self.highlighted && self.selected {
                    Stroke::new(3.0, tokens.highlight)
                } else if response.has_focus() {
                    Stroke::new(2.0, tokens.accent)
                } else {
                    Stroke::new(1.0, tokens.button_stroke)
                };
                let radius = CornerRadius::same(tokens.corner_radius as u8);
                ui.painter()
                    .rect(rect, radius, fill, stroke, StrokeKind::Inside);
                let origin = rect.center() - layout.size() / 2.0;
                system.paint(ui.painter(), origin, &layout, text_color);
            }
            let enabled = ui.is_enabled();
            let label = self.accessible.as_deref().unwrap_or(self.text);
            response
                .widget_info(|| WidgetInfo::selected(Role::Button, enabled, self.selected, label));
            super::speak_in(ui.ctx(), response.id, self.lang);
            response
        }
    }
}
