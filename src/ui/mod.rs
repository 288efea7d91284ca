//! Screens, widgets and design tokens. Text goes through [`crate::text`]; egui draws
//! everything else.

mod ext;
pub mod screens;
pub mod shell;
pub mod top_bar;
pub mod widgets;

pub use ext::{TextEngine, UiExt};

use egui::{Align, InnerResponse, Layout, Ui, vec2};

/// Lays out a row in reading order: left to right, or mirrored (first item on the
/// right) when the UI language is right-to-left.
pub fn row<R>(ui: &mut Ui, rtl: bool, add_contents: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    // Starting at the height of a touch target keeps text vertically centred on buttons.
    let height = ui.tokens().touch_target;
    row_of_height(ui, rtl, height, add_contents)
}

/// Buttons in reading order that wrap onto more lines when they do not fit.
pub fn wrapping_row<R>(
    ui: &mut Ui,
    rtl: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    let layout = if rtl {
        egui::Layout::right_to_left(egui::Align::Min).with_main_wrap(true)
    } else {
        egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true)
    };
    ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), 0.0), layout, add_contents)
}

/// A [`row`] only as tall as its contents (for rows of text without buttons).
pub fn text_row<R>(
    ui: &mut Ui,
    rtl: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    row_of_height(ui, rtl, 0.0, add_contents)
}

fn row_of_height<R>(
    ui: &mut Ui,
    rtl: bool,
    height: f32,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    // Like `ui.horizontal`: as wide as the space, as tall as the contents.
    let size = vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(size, row_layout(rtl), add_contents)
}

/// Like [`row`], but starting from the far end: the right for LTR, the left for RTL.
pub fn row_end<R>(
    ui: &mut Ui,
    rtl: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<R> {
    ui.with_layout(row_layout(!rtl), add_contents)
}

fn row_layout(rtl: bool) -> Layout {
    if rtl {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    }
}
