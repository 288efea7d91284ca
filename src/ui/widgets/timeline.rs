//! The "what to expect" timeline widget: the picture of `theme::timeline` painted
//! with egui, time running in reading direction (right to left in Arabic), and
//! below it each step in words with how sure the sources are.

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::{Color32, Rect, Response, Role, Sense, Stroke, Ui, Widget, WidgetInfo, vec2};

use super::{BulletList, Paragraph};
use crate::content::model::TimelineStep;
use crate::i18n::Strings;
use crate::lang::Language;
use crate::theme::Tokens;
use crate::theme::timeline::{Mark, picture, step_color, step_text};

pub struct Timeline<'a> {
    steps: &'a [TimelineStep],
    lang: Language,
    strings: &'a Strings,
}

impl<'a> Timeline<'a> {
    pub fn new(steps: &'a [TimelineStep], lang: Language, strings: &'a Strings) -> Self {
        Self {
            steps,
            lang,
            strings,
        }
    }
}

impl Widget for Timeline<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        let lang = self.lang;
        let title = self.strings.get(lang, msg::TIMELINE_TITLE);
        if self.steps.is_empty() {
            return ui.add(
                Paragraph::new(&self.strings.get(lang, msg::TIMELINE_NONE), lang)
                    .color(tokens.muted_text),
            );
        }
        let width = ui.available_width();
        let (rect, response) = ui.allocate_exact_size(vec2(width, 64.0), Sense::hover());
        if ui.is_rect_visible(rect) {
            self.paint(ui, rect, &tokens);
        }
        let described: Vec<String> = self
            .steps
            .iter()
            .map(|s| step_text(self.strings, lang, s))
            .collect();
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &title));
        super::speak_in(ui.ctx(), response.id, lang);

        // The legend: each step in words, its bullet in the colour it has in the picture.
        let colors: Vec<Color32> = self
            .steps
            .iter()
            .map(|s| step_color(&tokens, s.step))
            .collect();
        ui.add(BulletList::new(&described, lang).colors(&colors));
        response
    }
}

impl Timeline<'_> {
    fn paint(&self, ui: &Ui, rect: Rect, tokens: &Tokens) {
        let painter = ui.painter();
        for mark in picture(self.steps, self.lang.is_rtl(), rect, tokens) {
            match mark {
                Mark::Band { rect, color } => {
                    painter.rect_filled(rect, 3.0, color);
                }
                Mark::Line {
                    from,
                    to,
                    width,
                    color,
                } => {
                    painter.line_segment([from, to], Stroke::new(width, color));
                }
                Mark::Dot {
                    center,
                    radius,
                    color,
                } => {
                    painter.circle_filled(center, radius, color);
                }
                Mark::Ring {
                    center,
                    radius,
                    fill,
                    stroke_width,
                    stroke,
                } => {
                    painter.circle(center, radius, fill, Stroke::new(stroke_width, stroke));
                }
            }
        }
    }
}
