//! Kiosk mode's input, frame by frame, as commands: any input keeps the visit
//! (`Touch`), taps in the hidden corner count towards the staff gesture
//! (`CornerTap`), and time passing runs the idle countdown (`Tick`). A close
//! request is refused here: that is the window's business, not the state's.

use egui::{Context, Event, Rect, ViewportCommand, pos2, vec2};

use super::ClinicApp;
use crate::app::{Command, KioskCommand, Route};
use crate::ui::screens::kiosk as kiosk_screens;

/// Side of the square in the bottom-left corner that takes the staff gesture.
const CORNER: f32 = 90.0;

impl ClinicApp {
    /// Kiosk mode's input as commands, before the screen adds its own.
    pub(super) fn kiosk_input(&mut self, ctx: &Context) {
        let Some(kiosk) = &self.state.kiosk else {
            return;
        };
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
            self.commands.push(Command::Kiosk(KioskCommand::Touch));
        }
        for _ in 0..corner_taps {
            self.commands.push(Command::Kiosk(KioskCommand::CornerTap));
        }
        self.commands.push(Command::Kiosk(KioskCommand::Tick));
    }

    /// Wakes the kiosk when its screen next changes on its own: the attract
    /// screen's next language, or the idle timer's next step.
    pub(super) fn schedule_kiosk_repaint(&self, ctx: &Context) {
        let Some(kiosk) = &self.state.kiosk else {
            return;
        };
        let wait = if self.state.route == Route::Attract {
            kiosk_screens::until_next_language(self.now)
        } else {
            kiosk.next_change_in(self.now)
        };
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
    }
}
