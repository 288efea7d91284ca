//! Kiosk mode's clock-driven parts, kept pure so tests can drive them with any
//! time: the idle timer with its "are you still there?" countdown, the hidden
//! corner gesture that opens the staff PIN pad, and the PIN pad's lockout.
//! Times are seconds on any steady clock (the app uses egui's input time).

use std::collections::VecDeque;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// What the idle timer says about now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Idle {
    /// Someone used the screen recently.
    Active,
    /// Asking "are you still there?"; whole seconds left before the reset.
    Countdown { seconds_left: u32 },
    /// The countdown ran out: wipe the session.
    Expired,
}

/// Input-driven idle timer.
#[derive(Clone, Debug, PartialEq)]
pub struct IdleTimer {
    idle_after: f64,
    countdown: f64,
    last_input: f64,
}

impl IdleTimer {
    pub fn new(idle_after_seconds: u32, countdown_seconds: u32, now: f64) -> Self {
        Self {
            idle_after: f64::from(idle_after_seconds),
            countdown: f64::from(countdown_seconds),
            last_input: now,
        }
    }

    /// Someone touched the screen: the countdown, if any, stops.
    pub fn touch(&mut self, now: f64) {
        self.last_input = now;
    }

    pub fn state(&self, now: f64) -> Idle {
        let idle = now - self.last_input;
        if idle < self.idle_after {
            Idle::Active
        } else if idle < self.idle_after + self.countdown {
            let left = self.idle_after + self.countdown - idle;
            Idle::Countdown {
                seconds_left: left.ceil() as u32,
            }
        } else {
            Idle::Expired
        }
    }

    /// Seconds until the state next changes (for scheduling a repaint).
    pub fn next_change_in(&self, now: f64) -> f64 {
        match self.state(now) {
            Idle::Active => self.last_input + self.idle_after - now,
            Idle::Countdown { .. } => {
                1.0_f64.min(self.last_input + self.idle_after + self.countdown - now)
            }
            Idle::Expired => 0.0,
        }
        .max(0.0)
    }
}

/// Five taps in a screen corner within three seconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CornerTaps {
    taps: VecDeque<f64>,
}

impl CornerTaps {
    pub const TAPS: usize = 5;
    pub const WITHIN_SECONDS: f64 = 3.0;

    /// Records a tap; true when it completes the gesture (which then starts over).
    pub fn tap(&mut self, now: f64) -> bool {
        self.taps.push_back(now);
        while self
            .taps
            .front()
            .is_some_and(|&t| now - t > Self::WITHIN_SECONDS)
        {
            self.taps.pop_front();
        }
        if self.taps.len() >= Self::TAPS {
            self.taps.clear();
            true
        } else {
            false
        }
    }
}

/// What entering a PIN gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinOutcome {
    Accepted,
    /// Wrong; this many tries are left before the lockout.
    Wrong {
        tries_left: u32,
    },
    /// Too many wrong PINs; whole seconds until the pad opens again.
    Locked {
        seconds_left: u32,
    },
}

/// The staff PIN pad's memory of wrong tries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PinGuard {
    failures: u32,
    locked_until: Option<f64>,
}

impl PinGuard {
    pub const MAX_TRIES: u32 = 5;
    pub const LOCK_SECONDS: f64 = 60.0;

    /// Seconds the pad stays locked, if it is.
    pub fn locked(&self, now: f64) -> Option<u32> {
        self.locked_until
            .filter(|&until| now < until)
            .map(|until| (until - now).ceil() as u32)
    }

    /// Checks `pin` against the stored hash, counting failures.
    pub fn try_pin(&mut self, pin: &str, hash: &str, now: f64) -> PinOutcome {
        if let Some(seconds_left) = self.locked(now) {
            return PinOutcome::Locked { seconds_left };
        }
        if self.locked_until.is_some() {
            // The lock has run out: a fresh set of tries.
            self.locked_until = None;
            self.failures = 0;
        }
        if verify_pin(pin, hash) {
            self.failures = 0;
            return PinOutcome::Accepted;
        }
        self.failures += 1;
        if self.failures >= Self::MAX_TRIES {
            self.locked_until = Some(now + Self::LOCK_SECONDS);
            PinOutcome::Locked {
                seconds_left: Self::LOCK_SECONDS as u32,
            }
        } else {
            PinOutcome::Wrong {
                tries_left: Self::MAX_TRIES - self.failures,
            }
        }
    }
}

/// A PIN is at least four digits and nothing else.
pub fn check_pin_format(pin: &str) -> Result<(), &'static str> {
    if pin.len() < 4 {
        Err("the PIN must have at least 4 digits")
    } else if !pin.chars().all(|c| c.is_ascii_digit()) {
        Err("the PIN may only hold digits")
    } else {
        Ok(())
    }
}

/// A salted Argon2id hash of `pin` in PHC string form.
pub fn hash_pin(pin: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("could not hash the PIN: {e}"))
}

/// Whether `pin` matches the stored hash (false for a malformed hash).
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_timer_counts_down_and_expires() {
        let mut t = IdleTimer::new(90, 20, 0.0);
        assert_eq!(t.state(89.9), Idle::Active);
        assert_eq!(t.state(90.0), Idle::Countdown { seconds_left: 20 });
        assert_eq!(t.state(100.5), Idle::Countdown { seconds_left: 10 });
        assert_eq!(t.state(109.9), Idle::Countdown { seconds_left: 1 });
        assert_eq!(t.state(110.0), Idle::Expired);
        // A touch during the countdown starts the idle time again.
        t.touch(105.0);
        assert_eq!(t.state(106.0), Idle::Active);
        assert_eq!(t.state(195.0), Idle::Countdown { seconds_left: 20 });
        assert!((t.next_change_in(150.0) - 45.0).abs() < 1e-9);
    }

    #[test]
    fn five_corner_taps_within_three_seconds_open_the_pad() {
        let mut taps = CornerTaps::default();
        for t in [0.0, 0.5, 1.0, 1.5] {
            assert!(!taps.tap(t));
        }
        assert!(taps.tap(2.0));
        // Too slow: the first taps fall out of the window.
        let mut taps = CornerTaps::default();
        for t in [0.0, 1.0, 2.0, 3.0] {
            assert!(!taps.tap(t));
        }
        assert!(!taps.tap(3.5), "the tap at 0.0 is more than 3 s old");
        assert!(taps.tap(3.9));
    }

    #[test]
    fn pins_are_hashed_with_salt_and_verified() {
        let a = hash_pin("2468").unwrap();
        let b = hash_pin("2468").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "a fresh salt each time");
        assert!(!a.contains("2468"));
        assert!(verify_pin("2468", &a) && verify_pin("2468", &b));
        assert!(!verify_pin("2469", &a));
        assert!(!verify_pin("2468", "not a hash"));
        assert!(check_pin_format("123").is_err());
        assert!(check_pin_format("12a4").is_err());
        assert!(check_pin_format("0000").is_ok());
    }

    #[test]
    fn five_wrong_pins_lock_the_pad_for_a_minute() {
        let hash = hash_pin("1357").unwrap();
        let mut guard = PinGuard::default();
        for (i, left) in (1..=4).rev().enumerate() {
            assert_eq!(
                guard.try_pin("0000", &hash, i as f64),
                PinOutcome::Wrong { tries_left: left }
            );
        }
        assert_eq!(
            guard.try_pin("0000", &hash, 4.0),
            PinOutcome::Locked { seconds_left: 60 }
        );
        // Even the right PIN is refused while locked.
        assert_eq!(
            guard.try_pin("1357", &hash, 30.0),
            PinOutcome::Locked { seconds_left: 34 }
        );
        assert_eq!(guard.locked(63.5), Some(1));
        assert_eq!(guard.locked(64.0), None);
        assert_eq!(guard.try_pin("1357", &hash, 64.0), PinOutcome::Accepted);
    }
}

/// Which kiosk overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    PinPad,
    StaffMenu,
}

/// The last PIN pad message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinMessage {
    Wrong { tries_left: u32 },
    Locked,
}

/// Everything kiosk mode keeps between frames. Nothing here is about a patient.
#[derive(Clone, Debug)]
pub struct KioskState {
    pub config: crate::config::Config,
    /// Created on the first frame, when the clock's value is known.
    pub idle: Option<IdleTimer>,
    pub taps: CornerTaps,
    pub guard: PinGuard,
    pub overlay: Overlay,
    /// Digits typed on the PIN pad (cleared after each try).
    pub pin: String,
    pub pin_message: Option<PinMessage>,
    /// Set by "leave the kiosk" in the staff menu: the next close request is let through.
    pub allow_close: bool,
}

impl KioskState {
    pub fn new(config: crate::config::Config) -> Self {
        Self {
            config,
            idle: None,
            taps: CornerTaps::default(),
            guard: PinGuard::default(),
            overlay: Overlay::None,
            pin: String::new(),
            pin_message: None,
            allow_close: false,
        }
    }

    /// The idle timer, started at `now` if it was not yet.
    pub fn idle(&mut self, now: f64) -> &mut IdleTimer {
        let (idle, countdown) = (self.config.idle_seconds, self.config.countdown_seconds);
        self.idle
            .get_or_insert_with(|| IdleTimer::new(idle, countdown, now))
    }

    /// Closes any overlay and forgets the PIN typed.
    pub fn close_overlay(&mut self) {
        self.overlay = Overlay::None;
        self.pin.clear();
        self.pin_message = None;
    }
}
