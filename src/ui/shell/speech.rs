//! Reading aloud, carried out: after each frame's commands the speaker is made to
//! play what the state says ([`crate::app::speech`]), and while a text is read the
//! frame asks whether its clip has ended, which moves the reading on.

use std::time::Duration;

use egui::Context;

use super::ClinicApp;
use crate::app::Command;
use crate::app::speech::{Speech, SpeechCommand};
use crate::audio::{Clip, Output};

/// How often a frame looks whether a clip has ended.
const POLL: Duration = Duration::from_millis(100);

impl ClinicApp {
    /// Plays through `output` instead of the default device (tests give one that
    /// records), and reads `dir`'s narration clips only (not the built-in ones).
    pub fn set_speaker(&mut self, output: Box<dyn Output>, dir: &std::path::Path) {
        self.services.narration = crate::content::narration::NarrationIndex::scan(
            &[dir],
            &self.services.library,
            &self.services.strings,
        );
        self.services.speaker = Some(output);
    }

    /// Whether read-aloud controls are shown: there are clips and an output.
    pub fn can_speak(&self) -> bool {
        self.services.speaker.is_some() && !self.services.narration.is_empty()
    }

    /// Makes the speaker follow the state, from what it was before the commands.
    pub(super) fn follow_speech(&mut self, before: &Option<Speech>, before_volume: u8) {
        let Some(speaker) = self.services.speaker.as_mut() else {
            return;
        };
        let volume = f32::from(self.state.volume) / 100.0;
        if self.state.volume != before_volume {
            speaker.set_volume(volume);
        }
        match (before, &self.state.speech) {
            (_, None) => {
                if before.is_some() {
                    speaker.stop();
                }
            }
            (Some(old), Some(new)) if old.take == new.take && old.texts == new.texts => {
                if old.paused != new.paused {
                    if new.paused {
                        speaker.pause();
                    } else {
                        speaker.resume();
                    }
                }
            }
            (_, Some(new)) => {
                let clip = new
                    .texts
                    .get(new.at)
                    .and_then(|(lang, id)| self.services.narration.clip(*lang, id))
                    .map(|path| {
                        std::fs::read(path)
                            .map_err(|e| e.to_string())
                            .and_then(|bytes| Clip::decode_vorbis(&bytes))
                            .map_err(|e| format!("{}: {e}", path.display()))
                    });
                match clip {
                    Some(Ok(clip)) => speaker.play(clip, volume),
                    // A clip that cannot be played is passed over: the next frame
                    // sees nothing playing and moves on.
                    Some(Err(e)) => {
                        eprintln!("clinic-edu: {e}");
                        speaker.stop();
                    }
                    None => speaker.stop(),
                }
            }
        }
    }

    /// While a text is read: when its clip has ended, the next one.
    pub(super) fn speech_tick(&mut self, ctx: &Context) {
        let (Some(speech), Some(speaker)) = (&self.state.speech, &self.services.speaker) else {
            return;
        };
        if speech.paused {
            return;
        }
        if speaker.finished() {
            self.commands.push(Command::Speech(SpeechCommand::Ended));
        } else {
            ctx.request_repaint_after(POLL);
        }
    }
}
