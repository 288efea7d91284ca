//! A list with bullets, which sit on the right for right-to-left languages.

use crate::ui::UiExt;
use egui::{Color32, Response, Role, Sense, Ui, Widget, WidgetInfo, pos2, vec2};

use crate::lang::Language;

/// One bullet per item; each item wraps within the space beside its bullet.
pub struct BulletList<'a, S: AsRef<str>> {
    items: &'a [S],
    lang: Language,
    colors: &'a [Color32],
}

impl<'a, S: AsRef<str>> BulletList<'a, S> {
    pub fn new(items: &'a [S], lang: Language) -> Self {
        Self {
            items,
            lang,
            colors: &[],
        }
    }

    /// Bullet colours, item by item (a legend); items past the end use the accent.
    pub fn colors(mut self, colors: &'a [Color32]) -> Self {
        self.colors = colors;
        self
    }
}

impl<S: AsRef<str>> Widget for BulletList<'_, S> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        let ppp = ui.ctx().pixels_per_point();
        let rtl = self.lang.is_rtl();
        ui.vertical(|ui| {
            for (i, item) in self.items.iter().enumerate() {
                let bullet_color = self.colors.get(i).copied().unwrap_or(tokens.accent);
                let item = item.as_ref();
                let full = ui.available_width().max(tokens.bullet_indent + 1.0);
                let text_width = full - tokens.bullet_indent;
                {
                    let engine = ui.text_engine();
                    let system = &mut *engine.lock();
                    let layout = system.layout(item, self.lang, tokens.body, Some(text_width), ppp);
                    let (rect, response) =
                        ui.allocate_exact_size(vec2(full, layout.height), Sense::hover());
                    if ui.is_rect_visible(rect) {
                        let (text_x, bullet_x) = if rtl {
                            (rect.min.x, rect.max.x - tokens.bullet_indent / 2.0)
                        } else {
                            (
                                rect.min.x + tokens.bullet_indent,
                                rect.min.x + tokens.bullet_indent / 2.0,
                            )
                        };
                        // Centre the bullet on the first line.
                        let first = layout.lines.first();
                        let bullet_y = rect.min.y + first.map_or(0.0, |l| l.top + l.height / 2.0);
                        ui.painter().circle_filled(
                            pos2(bullet_x, bullet_y),
                            tokens.bullet_radius,
                            bullet_color,
                        );
                        system.paint(ui.painter(), pos2(text_x, rect.min.y), &layout, tokens.text);
                    }
                    let enabled = ui.is_enabled();
                    response.widget_info(|| WidgetInfo::labeled(Role::ListItem, enabled, item));
                    super::speak_in(ui.ctx(), response.id, self.lang);
                };
            }
        })
        .response
    }
}
