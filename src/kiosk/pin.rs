//! The staff PIN: its format, its salted Argon2id hash, and the pad's lockout after
//! too many wrong tries.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

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
