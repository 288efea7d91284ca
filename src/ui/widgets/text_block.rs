//! The shared core of every text widget: lay out with the text engine, allocate,
//! paint, and report the plain string, with its language, to screen readers and tests.

use crate::ui::UiExt;
use egui::{Color32, Context, Id, Response, Role, Sense, Ui, WidgetInfo};

use crate::lang::Language;
use crate::text::TextStyle;

/// How wide a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// Fill the available width, wrapping inside it; RTL text is right-aligned in it.
    Fill,
    /// As wide as the text, wrapping only if it would not fit (for rows and bars).
    Fit,
}

/// Adds a block of text laid out by the text engine.
pub fn text_block(
    ui: &mut Ui,
    text: &str,
    lang: Language,
    style: TextStyle,
    color: Color32,
    role: Role,
    width: Width,
) -> Response {
    let available = ui.available_width().max(1.0);
    let ppp = ui.ctx().pixels_per_point();
    {
        let engine = ui.text_engine();
        let system = &mut *engine.lock();
        let layout = match width {
            Width::Fill => system.layout(text, lang, style, Some(available), ppp),
            Width::Fit => system.layout_fit(text, lang, style, available, ppp),
        };
        let (rect, response) = ui.allocate_exact_size(layout.size(), Sense::hover());
        if ui.is_rect_visible(rect) {
            system.paint(ui.painter(), rect.min, &layout, color);
        }
        let enabled = ui.is_enabled();
        response.widget_info(|| WidgetInfo::labeled(role, enabled, text));
        speak_in(ui.ctx(), response.id, lang);
        response
    }
}

/// Gives the accessibility node of the widget `id` the language its text is in
/// (the BCP 47 tag of the language's manifest), so that a screen reader speaks it
/// with that language's voice. egui knows nothing of the strings our engine draws,
/// so each widget says it after its `widget_info`. Costs nothing while no screen
/// reader (or test) asks for the tree.
pub fn speak_in(ctx: &Context, id: Id, lang: Language) {
    ctx.accesskit_node_builder(id, |node| node.set_language(lang.code()));
}
