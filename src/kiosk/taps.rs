//! The hidden staff gesture: five taps in a screen corner within three seconds.

use std::collections::VecDeque;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
