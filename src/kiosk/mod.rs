//! Kiosk mode's own state: the idle timer, the hidden corner gesture, the staff PIN
//! pad and its overlays, behind methods named for what happens (a corner tap, a
//! digit, a PIN submitted, a wipe). Nothing here is about a patient, and nothing
//! here knows egui: the app turns input into these calls.

mod idle;
mod panic;
mod pin;
mod taps;
pub mod watchdog;

pub use idle::{Idle, IdleTimer};
pub use panic::{PANIC_EXIT_CODE, install_panic_guard};
pub use pin::{PinGuard, PinOutcome, check_pin_format, hash_pin, verify_pin};
pub use taps::CornerTaps;

use crate::config::Config;
use crate::lang::Language;

/// Which kiosk overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    PinPad,
    StaffMenu,
}

/// What the PIN pad says under the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinStatus {
    /// The last PIN was wrong; this many tries are left.
    Wrong { tries_left: u32 },
    /// Too many wrong PINs; the pad opens again in this many seconds.
    Locked { seconds: u32 },
}

/// The most digits the pad takes.
const MAX_PIN_DIGITS: usize = 12;

/// Everything kiosk mode keeps between frames.
#[derive(Clone, Debug, PartialEq)]
pub struct KioskState {
    config: Config,
    /// Started on first use, when the clock's value is known.
    idle: Option<IdleTimer>,
    taps: CornerTaps,
    guard: PinGuard,
    overlay: Overlay,
    /// Digits typed on the PIN pad (forgotten after each try).
    pin: String,
    wrong: Option<u32>,
    /// Set by "leave the kiosk": the next close request is let through.
    may_close: bool,
    /// "Are you still there?" is showing, with this many seconds left.
    countdown: Option<u32>,
}

impl KioskState {
    pub fn new(config: Config) -> Self {
        Self {
            config,
            idle: None,
            taps: CornerTaps::default(),
            guard: PinGuard::default(),
            overlay: Overlay::None,
            pin: String::new(),
            wrong: None,
            may_close: false,
            countdown: None,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The languages offered, in the config's order.
    pub fn languages(&self) -> &[Language] {
        &self.config.languages
    }

    /// The language a new visit starts in.
    pub fn first_language(&self) -> Language {
        self.config
            .languages
            .first()
            .copied()
            .unwrap_or(Language::fallback())
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    /// How many digits are on the pad (shown as dots).
    pub fn entered_digits(&self) -> usize {
        self.pin.len()
    }

    /// The pad's message at `now`, if any.
    pub fn pin_status(&self, now: f64) -> Option<PinStatus> {
        match self.guard.locked(now) {
            Some(seconds) => Some(PinStatus::Locked { seconds }),
            None => self.wrong.map(|tries_left| PinStatus::Wrong { tries_left }),
        }
    }

    /// Whether a request to close the window is let through.
    pub fn may_close(&self) -> bool {
        self.may_close
    }

    fn timer(&mut self, now: f64) -> &mut IdleTimer {
        let (idle, countdown) = (self.config.idle_seconds, self.config.countdown_seconds);
        self.idle
            .get_or_insert_with(|| IdleTimer::new(idle, countdown, now))
    }

    /// Someone touched the screen (or typed, or scrolled): the countdown stops.
    pub fn touch(&mut self, now: f64) {
        self.timer(now).touch(now);
        self.countdown = None;
    }

    /// A tap in the hidden corner; the fifth in three seconds opens the PIN pad.
    pub fn corner_tap(&mut self, now: f64) {
        if self.taps.tap(now) && self.overlay == Overlay::None {
            self.overlay = Overlay::PinPad;
        }
    }

    pub fn push_digit(&mut self, digit: char) {
        if digit.is_ascii_digit() && self.pin.len() < MAX_PIN_DIGITS {
            self.pin.push(digit);
        }
    }

    pub fn delete_digit(&mut self) {
        self.pin.pop();
    }

    /// Checks the digits typed; the right PIN opens the staff menu.
    pub fn submit_pin(&mut self, now: f64) {
        let hash = self.config.pin_hash.clone().unwrap_or_default();
        let pin = std::mem::take(&mut self.pin);
        match self.guard.try_pin(&pin, &hash, now) {
            PinOutcome::Accepted => {
                self.close_overlay();
                self.overlay = Overlay::StaffMenu;
            }
            PinOutcome::Wrong { tries_left } => self.wrong = Some(tries_left),
            PinOutcome::Locked { .. } => self.wrong = None,
        }
    }

    /// Closes any overlay and forgets the digits typed.
    pub fn close_overlay(&mut self) {
        self.overlay = Overlay::None;
        self.pin.clear();
        self.wrong = None;
    }

    /// The idle timer's state at `now`.
    pub fn idle(&mut self, now: f64) -> Idle {
        self.timer(now).state(now)
    }

    /// Time passed: the idle state at `now`, with the countdown it shows kept for
    /// drawing. [`Idle::Expired`] means the visit must be wiped.
    pub fn tick(&mut self, now: f64) -> Idle {
        let idle = self.idle(now);
        self.countdown = match idle {
            Idle::Countdown { seconds_left } => Some(seconds_left),
            Idle::Active | Idle::Expired => None,
        };
        idle
    }

    /// Seconds left on "are you still there?", when it shows.
    pub fn countdown(&self) -> Option<u32> {
        self.countdown
    }

    /// Seconds until the idle state next changes (the whole idle time if the timer
    /// has not started yet).
    pub fn next_change_in(&self, now: f64) -> f64 {
        self.idle
            .as_ref()
            .map_or(f64::from(self.config.idle_seconds), |t| {
                t.next_change_in(now)
            })
    }

    /// The visit ended: overlays close, the idle time starts again.
    pub fn wipe(&mut self, now: f64) {
        self.close_overlay();
        self.touch(now);
    }

    /// "Leave the kiosk": the next close request is let through.
    pub fn allow_close(&mut self) {
        self.may_close = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kiosk() -> KioskState {
        KioskState::new(Config {
            pin_hash: Some(hash_pin("2468").unwrap()),
            ..Config::default()
        })
    }

    #[test]
    fn five_corner_taps_open_the_pad_and_the_right_pin_the_staff_menu() {
        let mut k = kiosk();
        for t in 0..5 {
            k.corner_tap(f64::from(t) * 0.2);
        }
        assert_eq!(k.overlay(), Overlay::PinPad);
        for d in "1111".chars() {
            k.push_digit(d);
        }
        k.push_digit('x');
        assert_eq!(k.entered_digits(), 4);
        k.submit_pin(2.0);
        assert_eq!(k.pin_status(2.0), Some(PinStatus::Wrong { tries_left: 4 }));
        assert_eq!(k.entered_digits(), 0, "digits are forgotten after a try");
        for d in "2468".chars() {
            k.push_digit(d);
        }
        k.submit_pin(3.0);
        assert_eq!(k.overlay(), Overlay::StaffMenu);
        assert_eq!(k.pin_status(3.0), None);
        k.wipe(4.0);
        assert_eq!(k.overlay(), Overlay::None);
    }
}
