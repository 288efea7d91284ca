//! Kiosk mode's input, frame by frame: a close request is refused, any input keeps
//! the visit, taps in the hidden corner count towards the staff gesture, and the
//! idle countdown runs. The app only maps egui's input to [`KioskState`] calls.

use egui::{Context, Event, Rect, ViewportCommand, pos2, vec2};

use super::{ClinicApp, Route};
use crate::kiosk::Idle;
use crate::ui::screens::kiosk as kiosk_screens;

/// Side of the square in the bottom-left corner that takes the staff gesture.
const CORNER: f32 = 90.0;

impl ClinicApp {
    /// Kiosk mode's input: refuse to close, any input keeps the visit, the hidden
    /// corner gesture, and the idle countdown.
    pub(super) fn kiosk_frame(&mut self, ctx: &Context) {
        let now = self.now;
        let Some(kiosk) = &mut self.kiosk else { return };
        if ctx.input(|i| i.viewport().close_requested()) && !kiosk.may_close() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        let screen = ctx.content_rect();
        let corner = Rect::from_min_size(
            pos2(screen.min.x, screen.max.y - CORNER),
            vec2(CORNER, CORNER),
        );
        let (touched, corner_taps) = ctx.input(|i| {
            let touched = i.events.iter().any(|e| {
                matches!(
                    e,
                    Event::PointerButton { .. }
                        | Event::PointerMoved(_)
                        | Event::Touch { .. }
                        | Event::Key { .. }
                        | Event::Text(_)
                        | Event::MouseWheel { .. }
                )
            });
            let taps = i
                .events
                .iter()
                .filter(|e| matches!(e, Event::PointerButton { pos, pressed: true, .. } if corner.contains(*pos)))
                .count();
            (touched, taps)
        });
        if touched {
            kiosk.touch(now);
        }
        for _ in 0..corner_taps {
            kiosk.corner_tap(now);
        }
        self.still_there = None;
        let attract = self.state.route == Route::Attract;
        let wait = if attract {
            kiosk_screens::until_next_language(now)
        } else {
            match kiosk.idle(now) {
                Idle::Active => {}
                Idle::Countdown { seconds_left } => self.still_there = Some(seconds_left),
                Idle::Expired => {
                    self.state.wipe(Route::Attract, kiosk.first_language());
                    kiosk.wipe(now);
                }
            }
            kiosk.next_change_in(now)
        };
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
    }
}
