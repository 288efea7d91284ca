//! Reading aloud, as state: which texts are being read (by narration id, in
//! order), which one now, paused or not, and the volume. Changed only through
//! [`SpeechCommand`]s and by [`AppState::apply`] itself: another screen, another
//! language or the kiosk's wipe stops the reading, and the wipe sets the volume
//! back to the default. The window plays what this says (src/ui/shell/speech.rs).

use super::state::AppState;
use crate::lang::Language;

/// The volume's steps, in percent.
pub const VOLUME_STEP: u8 = 20;

/// What is being read aloud.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    /// The language of the texts.
    pub lang: Language,
    /// Narration ids, in reading order (content::narration).
    pub ids: Vec<String>,
    /// The one being read.
    pub at: usize,
    pub paused: bool,
    /// Changes whenever a clip starts again from its beginning (repeat, next text).
    pub take: u64,
}

impl Speech {
    /// The narration id being read.
    pub fn current(&self) -> Option<&str> {
        self.ids.get(self.at).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeechCommand {
    /// Read these texts aloud, in order, in the patient's language.
    Listen(Vec<String>),
    Pause,
    Resume,
    Stop,
    /// Read the current text again from its start.
    Repeat,
    Quieter,
    Louder,
    /// The current clip played to its end: on to the next text, or done.
    Ended,
}

impl SpeechCommand {
    pub fn name(&self) -> &'static str {
        match self {
            SpeechCommand::Listen(_) => "Speech(Listen)",
            SpeechCommand::Pause => "Speech(Pause)",
            SpeechCommand::Resume => "Speech(Resume)",
            SpeechCommand::Stop => "Speech(Stop)",
            SpeechCommand::Repeat => "Speech(Repeat)",
            SpeechCommand::Quieter => "Speech(Quieter)",
            SpeechCommand::Louder => "Speech(Louder)",
            SpeechCommand::Ended => "Speech(Ended)",
        }
    }
}

impl AppState {
    pub(super) fn apply_speech(&mut self, command: SpeechCommand) {
        let take = self.speech.as_ref().map_or(0, |s| s.take) + 1;
        match command {
            SpeechCommand::Listen(ids) => {
                self.speech = (!ids.is_empty()).then_some(Speech {
                    lang: self.language,
                    ids,
                    at: 0,
                    paused: false,
                    take,
                });
            }
            SpeechCommand::Pause | SpeechCommand::Resume => {
                if let Some(speech) = &mut self.speech {
                    speech.paused = command == SpeechCommand::Pause;
                }
            }
            SpeechCommand::Stop => self.speech = None,
            SpeechCommand::Repeat => {
                if let Some(speech) = &mut self.speech {
                    speech.paused = false;
                    speech.take = take;
                }
            }
            SpeechCommand::Quieter => self.volume = self.volume.saturating_sub(VOLUME_STEP),
            SpeechCommand::Louder => self.volume = self.volume.saturating_add(VOLUME_STEP).min(100),
            SpeechCommand::Ended => {
                if let Some(speech) = &mut self.speech {
                    speech.at += 1;
                    speech.take = take;
                    if speech.at >= speech.ids.len() {
                        self.speech = None;
                    }
                }
            }
        }
    }
}
