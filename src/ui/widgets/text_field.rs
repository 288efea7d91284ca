//! A one-line text field whose text goes through the text engine: what staff type
//! (a name in Arabic or Bengali, a role in Japanese through an input method) is
//! shaped and laid out by the same engine as every other string, with the
//! paragraph direction of the UI language, and the caret stands where the layout
//! puts the cursor. egui supplies the input events and the focus; the editing rules
//! are in [`super::caret`].

use std::sync::Arc;

use egui::{
    CornerRadius, Event, EventFilter, Id, ImeEvent, Key, Rect, Response, Role, Sense, Stroke,
    StrokeKind, Ui, Widget, WidgetInfo, pos2, vec2,
};

use super::caret::{FieldText, caret_x, nearest};
use crate::lang::Language;
use crate::text::TextLayout;
use crate::ui::UiExt;

/// What a field keeps between frames, in egui's memory under its id.
#[derive(Clone, Default)]
struct FieldState {
    /// A byte index at a grapheme boundary of the text.
    cursor: usize,
    /// How far the text is shifted to keep the caret in view, in points.
    scroll: f32,
    /// What an input method is composing, shown at the cursor until it commits.
    preedit: String,
    /// A click placed the cursor, and focus has not come yet.
    clicked: bool,
    /// The layout drawn last, with where it was drawn: what a click is placed in.
    drawn: Option<(Arc<TextLayout>, f32)>,
}

/// A one-line field editing `value`, named `label` for screen readers and tests.
pub struct TextField<'a> {
    value: &'a mut String,
    lang: Language,
    label: &'a str,
}

impl<'a> TextField<'a> {
    /// `lang` is the UI language: it gives the paragraph direction, whatever the
    /// script typed.
    pub fn new(value: &'a mut String, lang: Language, label: &'a str) -> Self {
        Self { value, lang, label }
    }

    /// The id of the field labelled `label` (its egui and accesskit id): one
    /// field per label on a screen.
    pub fn id(label: &str) -> Id {
        Id::unique(("text-field", label))
    }

    /// The layout the field with `id` drew last (for tests: it is the engine's).
    pub fn drawn(ctx: &egui::Context, id: Id) -> Option<Arc<TextLayout>> {
        ctx.data(|d| d.get_temp::<FieldState>(id))
            .and_then(|s| s.drawn.map(|(layout, _)| layout))
    }
}

impl Widget for TextField<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let tokens = ui.tokens();
        let ppp = ui.ctx().pixels_per_point();
        let id = Self::id(self.label);
        let rtl = self.lang.is_rtl();
        let padding = tokens.button_padding;
        let mut state: FieldState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let mut field = FieldText::new(self.value, state.cursor);

        let line_height = {
            let engine = ui.text_engine();
            let empty = engine.lock().layout("", self.lang, tokens.body, None, ppp);
            empty.height
        };
        let size = vec2(
            ui.available_width(),
            (line_height + 2.0 * padding.y).max(tokens.touch_target),
        );
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let response = ui.interact(rect, id, Sense::click());
        let inner = rect.shrink2(padding);

        if response.clicked() {
            response.request_focus();
            if let (Some(pointer), Some((layout, left))) =
                (response.interact_pointer_pos(), &state.drawn)
            {
                field.cursor = nearest(layout, &field.text, pointer.x - left);
                state.clicked = true;
            }
        }
        let focused = response.has_focus();
        // Focus from the keyboard (Tab) or a screen reader puts the cursor at the
        // end, where typing goes on; a click puts it where it points.
        if response.gained_focus() && !state.clicked {
            field.cursor = field.text.len();
        }
        if focused {
            state.clicked = false;
        }
        let mut changed = false;
        if focused {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    EventFilter {
                        horizontal_arrows: true,
                        ..EventFilter::default()
                    },
                )
            });
            let events = ui.input(|i| i.events.clone());
            for event in events {
                let before = field.text.clone();
                match event {
                    Event::Text(typed) | Event::Paste(typed) => field.insert(&typed),
                    Event::Ime(ImeEvent::Commit(typed)) => {
                        state.preedit.clear();
                        field.insert(&typed);
                    }
                    Event::Ime(ImeEvent::Preedit { text, .. }) => state.preedit = text,
                    Event::Key {
                        key, pressed: true, ..
                    } => match key {
                        Key::Backspace => field.backspace(),
                        Key::Delete => field.delete(),
                        Key::ArrowLeft => field.arrow(true, rtl),
                        Key::ArrowRight => field.arrow(false, rtl),
                        Key::Home => field.cursor = 0,
                        Key::End => field.cursor = field.text.len(),
                        _ => {}
                    },
                    _ => {}
                }
                changed |= field.text != before;
            }
        }
        // A screen reader or test may set the whole value.
        let set = ui.input(|i| {
            i.accesskit_action_requests(id, egui::accesskit::Action::SetValue)
                .filter_map(|r| match &r.data {
                    Some(egui::accesskit::ActionData::Value(v)) => Some(v.to_string()),
                    _ => None,
                })
                .last()
        });
        if let Some(value) = set {
            field = FieldText::new(&value, value.len());
            changed = true;
        }

        // What is drawn: the text, with what an input method composes at the cursor.
        let mut shown = field.text.clone();
        shown.insert_str(field.cursor, &state.preedit);
        let caret = field.cursor + state.preedit.len();
        let engine = ui.text_engine();
        let system = &mut *engine.lock();
        let layout = system.layout(&shown, self.lang, tokens.body, None, ppp);
        let x = caret_x(&layout, &shown, caret);
        // The text starts at the paragraph's start edge; it is shifted as little as
        // keeps the caret inside the field.
        let base = if rtl {
            inner.right() - layout.width
        } else {
            inner.left()
        };
        let spare = (layout.width - inner.width()).max(0.0);
        let mut scroll = state.scroll;
        let at = base + scroll + x;
        if at > inner.right() {
            scroll -= at - inner.right();
        } else if at < inner.left() {
            scroll += inner.left() - at;
        }
        scroll = if rtl {
            scroll.clamp(0.0, spare)
        } else {
            scroll.clamp(-spare, 0.0)
        };
        let left = base + scroll;

        if ui.is_rect_visible(rect) {
            let stroke = if focused {
                Stroke::new(2.0, tokens.accent)
            } else {
                Stroke::new(1.0, tokens.button_stroke)
            };
            let radius = CornerRadius::same(tokens.corner_radius as u8);
            ui.painter()
                .rect(rect, radius, tokens.surface, stroke, StrokeKind::Inside);
            let top = inner.center().y - layout.height.max(line_height) / 2.0;
            let painter = ui.painter_at(inner.expand(1.0));
            system.paint(&painter, pos2(left, top), &layout, tokens.text);
            if focused {
                let caret_x = (left + x).clamp(inner.left(), inner.right());
                let caret = Rect::from_min_size(pos2(caret_x - 1.0, top), vec2(2.0, line_height));
                painter.rect_filled(caret, 0.0, tokens.text);
                ui.output_mut(|o| {
                    o.ime = Some(egui::output::IMEOutput {
                        purpose: egui::IMEPurpose::Normal,
                        rect,
                        cursor_rect: caret,
                        should_interrupt_composition: false,
                    })
                });
            }
        }

        if changed {
            *self.value = field.text.clone();
        }
        state.cursor = field.cursor;
        state.scroll = scroll;
        state.drawn = Some((layout, left));
        ui.data_mut(|d| d.insert_temp(id, state));

        let mut response = response;
        if changed {
            response.mark_changed();
        }
        let enabled = ui.is_enabled();
        let (label, value) = (self.label.to_owned(), field.text);
        response.widget_info(|| {
            let mut info = WidgetInfo::labeled(Role::TextInput, enabled, &label);
            info.current_text_value = Some(value.clone());
            info
        });
        ui.ctx().accesskit_node_builder(id, |node| {
            node.add_action(egui::accesskit::Action::SetValue);
        });
        // The label is in the UI language; so is the paragraph the value is laid out in.
        super::speak_in(ui.ctx(), id, self.lang);
        response
    }
}
