//! Sound: narration clips (Ogg Vorbis, decoded in pure Rust by lewton), what can be
//! measured of a clip (duration, loudness, clipping), and where clips are played:
//! the default output device through rodio (a headset plugged in is the default),
//! or, in tests, an output that records what it was given. Knows nothing of
//! content: a clip is bytes in, samples out.

mod output;

use std::io::Cursor;

pub use output::{DeviceOutput, Output, Recorded, RecordingOutput};

/// A decoded clip: interleaved samples in -1..=1.
#[derive(Clone, Debug, PartialEq)]
pub struct Clip {
    pub channels: u16,
    pub sample_rate: u32,
    pub samples: Vec<f32>,
}

/// What a clip's samples say about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClipStats {
    pub seconds: f32,
    /// The loudest sample, 0..=1.
    pub peak: f32,
    /// Root mean square of all samples, 0..=1.
    pub rms: f32,
    /// The share of samples at full scale (|s| ≥ 0.999): a clipped recording.
    pub clipped: f32,
}

impl Clip {
    /// Decodes an Ogg Vorbis file.
    pub fn decode_vorbis(bytes: &[u8]) -> Result<Clip, String> {
        let mut reader = lewton::inside_ogg::OggStreamReader::new(Cursor::new(bytes))
            .map_err(|e| format!("not an Ogg Vorbis file: {e}"))?;
        let channels = u16::from(reader.ident_hdr.audio_channels);
        let sample_rate = reader.ident_hdr.audio_sample_rate;
        let mut samples = Vec::new();
        loop {
            match reader.read_dec_packet_itl() {
                Ok(Some(packet)) => {
                    samples.extend(packet.into_iter().map(|s| f32::from(s) / 32768.0))
                }
                Ok(None) => break,
                Err(e) => return Err(format!("the Vorbis stream is damaged: {e}")),
            }
        }
        if channels == 0 || sample_rate == 0 {
            return Err("the Vorbis stream names no channels or sample rate".to_owned());
        }
        Ok(Clip {
            channels,
            sample_rate,
            samples,
        })
    }

    pub fn seconds(&self) -> f32 {
        self.samples.len() as f32 / f32::from(self.channels.max(1)) / self.sample_rate.max(1) as f32
    }

    pub fn stats(&self) -> ClipStats {
        let n = self.samples.len().max(1) as f64;
        let mut peak = 0.0f32;
        let mut sum = 0.0f64;
        let mut full = 0usize;
        for &s in &self.samples {
            let a = s.abs();
            peak = peak.max(a);
            sum += f64::from(s) * f64::from(s);
            if a >= 0.999 {
                full += 1;
            }
        }
        ClipStats {
            seconds: self.seconds(),
            peak,
            rms: (sum / n).sqrt() as f32,
            clipped: (full as f64 / n) as f32,
        }
    }
}

/// What is wrong with a clip as narration of a text of `chars` characters, if
/// anything: silent, clipped, or a length no reading of that text could have.
pub fn clip_problem(stats: &ClipStats, chars: usize) -> Option<String> {
    if stats.peak < 0.01 || stats.rms < 0.002 {
        return Some(format!(
            "the clip is silent (peak {:.3}, RMS {:.4})",
            stats.peak, stats.rms
        ));
    }
    if stats.clipped > 0.001 {
        return Some(format!(
            "the clip is clipped: {:.2} % of its samples are at full scale",
            stats.clipped * 100.0
        ));
    }
    // Speech runs at roughly 5 to 25 characters a second across the scripts we
    // ship (a kana or a Bengali letter is slower to say than a Latin one); a clip
    // far outside that is the wrong clip, or cut short, or padded with silence.
    let chars = chars.max(1) as f32;
    let (fastest, slowest) = (chars / 30.0, chars / 2.0 + 2.0);
    if stats.seconds < fastest || stats.seconds > slowest {
        return Some(format!(
            "the clip lasts {:.1} s, implausible for a text of {} characters (expected {:.1} to {:.1} s)",
            stats.seconds, chars as usize, fastest, slowest
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(seconds: f32, peak: f32, rms: f32, clipped: f32) -> ClipStats {
        ClipStats {
            seconds,
            peak,
            rms,
            clipped,
        }
    }

    #[test]
    fn silence_clipping_and_length_are_problems() {
        assert!(clip_problem(&stats(3.0, 0.5, 0.1, 0.0), 40).is_none());
        assert!(
            clip_problem(&stats(3.0, 0.0, 0.0, 0.0), 40)
                .unwrap()
                .contains("silent")
        );
        assert!(
            clip_problem(&stats(3.0, 1.0, 0.5, 0.02), 40)
                .unwrap()
                .contains("clipped")
        );
        assert!(
            clip_problem(&stats(0.2, 0.5, 0.1, 0.0), 200)
                .unwrap()
                .contains("implausible")
        );
        assert!(
            clip_problem(&stats(90.0, 0.5, 0.1, 0.0), 20)
                .unwrap()
                .contains("implausible")
        );
    }

    #[test]
    fn not_vorbis_is_an_error() {
        assert!(
            Clip::decode_vorbis(b"RIFF....WAVE")
                .unwrap_err()
                .contains("not an Ogg Vorbis")
        );
    }
}
