//! Design tokens: every colour, size and spacing the screens and the handouts use,
//! in one place. Kiosk mode is a second, larger set. Below `pdf` and `ui`, so both
//! draw from the same tokens (and the same timeline picture, `timeline.rs`).

pub mod timeline;

use std::sync::Arc;

use egui::{Color32, Context, Id, Vec2, vec2};

use crate::text::TextStyle;

/// The look of the app, read by every widget through [`Tokens::get`].
#[derive(Clone, Debug, PartialEq)]
pub struct Tokens {
    pub body: TextStyle,
    pub heading: TextStyle,
    pub title: TextStyle,
    pub button: TextStyle,
    pub small: TextStyle,

    pub background: Color32,
    pub surface: Color32,
    pub text: Color32,
    pub muted_text: Color32,
    pub accent: Color32,
    pub on_accent: Color32,
    pub button_fill: Color32,
    pub button_hover: Color32,
    pub button_stroke: Color32,
    pub warning_fill: Color32,
    pub warning_text: Color32,
    /// A screening result that rules treatment out, and the PIN pad's refusal.
    pub danger_fill: Color32,
    pub danger_text: Color32,
    /// A screening result with no concerns.
    pub ok_fill: Color32,
    pub ok_text: Color32,
    /// The treatment timeline's steps (sessions and intervals use `accent`).
    /// Behind the paragraph being read aloud.
    pub highlight: Color32,
    pub step_downtime: Color32,
    pub step_results: Color32,
    pub step_lasts: Color32,
    /// Dims the page behind "are you still there?" (the visit shows through).
    pub notice_backdrop: Color32,
    /// Dims the page behind the staff PIN pad and menu more.
    pub staff_backdrop: Color32,

    /// Space between blocks of text.
    pub gap: f32,
    /// Padding inside a button.
    pub button_padding: Vec2,
    /// Smallest height (and width) of anything that can be tapped.
    pub touch_target: f32,
    pub corner_radius: f32,
    /// Width reserved for a list bullet.
    pub bullet_indent: f32,
    pub bullet_radius: f32,
    /// Widest a column of running text gets; longer lines are hard to read.
    pub max_text_width: f32,
    pub page_margin: f32,
}

impl Tokens {
    /// Staff mode on a desktop or tablet.
    pub fn standard() -> Self {
        Self {
            body: TextStyle::regular(17.0),
            heading: TextStyle::bold(24.0),
            title: TextStyle::bold(19.0),
            button: TextStyle::regular(16.0),
            small: TextStyle::regular(14.0),

            background: Color32::from_rgb(0xF6, 0xF7, 0xF9),
            surface: Color32::WHITE,
            text: Color32::from_rgb(0x1E, 0x29, 0x3B),
            muted_text: Color32::from_rgb(0x52, 0x5F, 0x73),
            accent: Color32::from_rgb(0x0F, 0x6E, 0x6A),
            on_accent: Color32::WHITE,
            button_fill: Color32::WHITE,
            button_hover: Color32::from_rgb(0xE6, 0xF2, 0xF1),
            button_stroke: Color32::from_rgb(0xC5, 0xCD, 0xD8),
            warning_fill: Color32::from_rgb(0xFF, 0xF4, 0xD6),
            warning_text: Color32::from_rgb(0x6B, 0x4A, 0x00),
            danger_fill: Color32::from_rgb(0xFD, 0xE8, 0xE8),
            danger_text: Color32::from_rgb(0x9B, 0x1C, 0x1C),
            ok_fill: Color32::from_rgb(0xE6, 0xF2, 0xF1),
            ok_text: Color32::from_rgb(0x0F, 0x5E, 0x5A),
            highlight: Color32::from_rgb(0xFF, 0xEE, 0xA8),
            step_downtime: Color32::from_rgb(0xD9, 0x8E, 0x04),
            step_results: Color32::from_rgb(0x2F, 0x85, 0x4B),
            step_lasts: Color32::from_rgb(0x7C, 0xB3, 0x8B),
            notice_backdrop: Color32::from_black_alpha(120),
            staff_backdrop: Color32::from_black_alpha(160),

            gap: 14.0,
            button_padding: vec2(16.0, 10.0),
            touch_target: 44.0,
            corner_radius: 8.0,
            bullet_indent: 28.0,
            bullet_radius: 3.5,
            max_text_width: 760.0,
            page_margin: 24.0,
        }
    }

    /// The waiting-room kiosk: larger text and touch targets, read at arm's length.
    pub fn kiosk() -> Self {
        Self {
            body: TextStyle::regular(22.0),
            heading: TextStyle::bold(32.0),
            title: TextStyle::bold(24.0),
            button: TextStyle::regular(22.0),
            small: TextStyle::regular(18.0),
            gap: 20.0,
            button_padding: vec2(24.0, 16.0),
            touch_target: 64.0,
            corner_radius: 12.0,
            bullet_indent: 36.0,
            bullet_radius: 5.0,
            max_text_width: 900.0,
            page_margin: 32.0,
            ..Self::standard()
        }
    }

    /// The tokens in force for `ctx` (the standard set unless others were
    /// installed), shared rather than copied; widgets reach them with
    /// [`crate::ui::UiExt::tokens`].
    pub fn get(ctx: &Context) -> Arc<Tokens> {
        ctx.data(|d| d.get_temp::<Arc<Tokens>>(Id::NULL))
            .unwrap_or_else(|| Arc::new(Tokens::standard()))
    }

    /// Makes `self` the tokens every widget of `ctx` reads, and styles egui's own
    /// chrome (backgrounds, scroll bars) to match.
    pub fn install(self, ctx: &Context) {
        let cleared = window_clear(ctx) == Some(self.background);
        ctx.all_styles_mut(|style| {
            style.visuals = egui::Visuals::light();
            // Panels are the background colour; when the window is cleared to it
            // already (the native window, src/main.rs), they need not paint it.
            style.visuals.panel_fill = if cleared {
                Color32::TRANSPARENT
            } else {
                self.background
            };
            style.visuals.window_fill = self.surface;
            style.visuals.selection.bg_fill = self.accent;
            style.spacing.item_spacing = vec2(10.0, 8.0);
            style.spacing.scroll.bar_width = 10.0;
        });
        ctx.data_mut(|d| d.insert_temp(Id::NULL, Arc::new(self)));
    }
}

/// Where the window's clear colour is kept on the context.
fn window_clear_id() -> Id {
    Id::unique("clinic-edu-window-clear")
}

/// Tells the screens that the window is cleared to `colour` before egui paints
/// (the native window does, through eframe's `clear_color`), or to nothing known.
/// A screen whose background is that colour then leaves it to the clear: software
/// renderers shade every pixel of a painted rectangle, but clear at almost no cost.
pub fn set_window_clear(ctx: &Context, colour: Option<Color32>) {
    ctx.data_mut(|d| match colour {
        Some(colour) => {
            d.insert_temp(window_clear_id(), colour);
        }
        None => {
            d.remove::<Color32>(window_clear_id());
        }
    });
}

/// The colour the window is cleared to, when the window said so this frame.
pub fn window_clear(ctx: &Context) -> Option<Color32> {
    ctx.data(|d| d.get_temp::<Color32>(window_clear_id()))
}
