//! The idle timer: after so many seconds without input the kiosk asks "are you
//! still there?" and counts down; at zero the visit is wiped. Times are seconds on
//! any steady clock (the app uses egui's input time), so tests can drive it.

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
}
