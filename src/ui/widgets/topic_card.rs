//! A tappable card for one treatment: its title and one-line summary.

use crate::ui::UiExt;
use egui::{
    CornerRadius, Response, Role, Sense, Stroke, StrokeKind, Ui, Widget, WidgetInfo, pos2, vec2,
};

use crate::lang::Language;

pub struct TopicCard<'a> {
    title: &'a str,
    summary: &'a str,
    lang: Language,
}

impl<'a> TopicCard<'a> {
    pub fn new(title: &'a str, summary: &'a str, lang: Language) -> Self {
        Self {
            title,
            summary,
            lang,
        }
    }
}

impl Widget for TopicCard<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        let ppp = ui.ctx().pixels_per_point();
        let pad = tokens.button_padding;
        let width = ui.available_width();
        let inner = (width - 2.0 * pad.x).max(1.0);
        {
            let engine = ui.text_engine();
            let system = &mut *engine.lock();
            let title = system.layout(self.title, self.lang, tokens.title, Some(inner), ppp);
            let summary = system.layout(self.summary, self.lang, tokens.body, Some(inner), ppp);
            let height =
                (title.height + summary.height + 2.0 * pad.y + 4.0).max(tokens.touch_target);
            let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
            if ui.is_rect_visible(rect) {
                let fill = if response.hovered() || response.is_pointer_button_down_on() {
                    tokens.button_hover
                } else {
                    tokens.surface
                };
                let stroke = if response.has_focus() {
                    Stroke::new(2.0, tokens.accent)
                } else {
                    Stroke::new(1.0, tokens.button_stroke)
                };
                ui.painter().rect(
                    rect,
                    CornerRadius::same(tokens.corner_radius as u8),
                    fill,
                    stroke,
                    StrokeKind::Inside,
                );
                let x = rect.min.x + pad.x;
                system.paint(
                    ui.painter(),
                    pos2(x, rect.min.y + pad.y),
                    &title,
                    tokens.accent,
                );
                let y = rect.min.y + pad.y + title.height + 4.0;
                system.paint(ui.painter(), pos2(x, y), &summary, tokens.text);
            }
            let enabled = ui.is_enabled();
            response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, self.title));
            // The title names the card; the summary under it describes it.
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_description(self.summary);
            });
            super::speak_in(ui.ctx(), response.id, self.lang);
            response
        }
    }
}
