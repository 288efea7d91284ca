//! Where clips play: the default output device, or a recorder for tests.

use std::num::NonZero;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Clip;

/// A place clips play. One clip at a time: playing one replaces the last.
pub trait Output: Send {
    /// Plays `clip` from its start at `volume` (0..=1).
    fn play(&mut self, clip: Clip, volume: f32);
    fn pause(&mut self);
    fn resume(&mut self);
    /// Stops and forgets the clip.
    fn stop(&mut self);
    fn set_volume(&mut self, volume: f32);
    /// Whether nothing is playing or paused: the clip played to its end, or was stopped.
    fn finished(&self) -> bool;
}

enum Message {
    Play(Clip, f32),
    Pause,
    Resume,
    Stop,
    Volume(f32),
}

/// The default output device, driven from a thread of its own (the device's
/// stream may not leave the thread that opened it).
pub struct DeviceOutput {
    tx: Sender<Message>,
    idle: Arc<AtomicBool>,
}

impl DeviceOutput {
    /// Opens the default output device; the error says why there is none.
    pub fn open() -> Result<Self, String> {
        // Without a sound card ALSA has nothing to open, and says so at length on
        // standard error while it tries: ask the kernel first.
        #[cfg(target_os = "linux")]
        {
            let cards = std::fs::read_to_string("/proc/asound/cards").unwrap_or_default();
            if cards.trim().is_empty() || cards.contains("no soundcards") {
                return Err("the kernel lists no sound card in /proc/asound/cards".to_owned());
            }
        }
        let (tx, rx) = mpsc::channel::<Message>();
        let (opened_tx, opened_rx) = mpsc::channel::<Result<(), String>>();
        let idle = Arc::new(AtomicBool::new(true));
        let idle_thread = idle.clone();
        std::thread::Builder::new()
            .name("clinic-edu audio".to_owned())
            .spawn(move || {
                let sink = match rodio::stream::DeviceSinkBuilder::open_default_sink() {
                    Ok(sink) => sink,
                    Err(e) => {
                        let _ = opened_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                let mut sink = sink;
                sink.log_on_drop(false);
                let player = rodio::Player::connect_new(sink.mixer());
                let _ = opened_tx.send(Ok(()));
                loop {
                    match rx.recv_timeout(Duration::from_millis(50)) {
                        Ok(Message::Play(clip, volume)) => {
                            player.stop();
                            player.set_volume(volume);
                            let (Some(channels), Some(rate)) =
                                (NonZero::new(clip.channels), NonZero::new(clip.sample_rate))
                            else {
                                continue;
                            };
                            player.append(rodio::buffer::SamplesBuffer::new(
                                channels,
                                rate,
                                clip.samples,
                            ));
                            player.play();
                            idle_thread.store(false, Ordering::SeqCst);
                        }
                        Ok(Message::Pause) => player.pause(),
                        Ok(Message::Resume) => player.play(),
                        Ok(Message::Stop) => player.stop(),
                        Ok(Message::Volume(v)) => player.set_volume(v),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    idle_thread.store(player.empty(), Ordering::SeqCst);
                }
            })
            .map_err(|e| format!("cannot start the audio thread: {e}"))?;
        opened_rx
            .recv()
            .map_err(|_| "the audio thread ended".to_owned())??;
        Ok(Self { tx, idle })
    }

    fn send(&self, message: Message) {
        let _ = self.tx.send(message);
    }
}

impl Output for DeviceOutput {
    fn play(&mut self, clip: Clip, volume: f32) {
        self.idle.store(false, Ordering::SeqCst);
        self.send(Message::Play(clip, volume));
    }
    fn pause(&mut self) {
        self.send(Message::Pause);
    }
    fn resume(&mut self) {
        self.send(Message::Resume);
    }
    fn stop(&mut self) {
        self.send(Message::Stop);
    }
    fn set_volume(&mut self, volume: f32) {
        self.send(Message::Volume(volume));
    }
    fn finished(&self) -> bool {
        self.idle.load(Ordering::SeqCst)
    }
}

/// What a [`RecordingOutput`] was asked to do, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recorded {
    /// `play <samples> <volume>`, `pause`, `resume`, `stop`, `volume <v>`, `end`.
    pub events: Vec<String>,
    /// The clip playing (or paused), with how many of its samples were played.
    pub current: Option<(Clip, usize)>,
    pub paused: bool,
    pub volume: f32,
    /// Every sample handed to the speaker, in order, for checking a clip was played whole.
    pub played_samples: usize,
}

/// An output for tests: records what it is asked and plays in no time. A test
/// moves the clip on with [`RecordingOutput::advance`].
#[derive(Clone, Default)]
pub struct RecordingOutput {
    pub record: Arc<Mutex<Recorded>>,
}

impl RecordingOutput {
    pub fn new() -> Self {
        Self::default()
    }

    fn with<R>(&self, f: impl FnOnce(&mut Recorded) -> R) -> R {
        f(&mut self.record.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Plays up to `samples` more samples of the current clip (unless paused);
    /// at its end the clip is over.
    pub fn advance(&self, samples: usize) {
        self.with(|r| {
            if r.paused {
                return;
            }
            let mut ended = false;
            if let Some((clip, at)) = &mut r.current {
                let step = samples.min(clip.samples.len() - *at);
                *at += step;
                r.played_samples += step;
                ended = *at == clip.samples.len();
            }
            if ended {
                r.current = None;
                r.events.push("end".to_owned());
            }
        });
    }

    pub fn snapshot(&self) -> Recorded {
        self.with(|r| r.clone())
    }
}

impl Output for RecordingOutput {
    fn play(&mut self, clip: Clip, volume: f32) {
        self.with(|r| {
            r.events
                .push(format!("play {} {volume:.2}", clip.samples.len()));
            r.current = Some((clip, 0));
            r.paused = false;
            r.volume = volume;
        });
    }
    fn pause(&mut self) {
        self.with(|r| {
            r.events.push("pause".to_owned());
            r.paused = true;
        });
    }
    fn resume(&mut self) {
        self.with(|r| {
            r.events.push("resume".to_owned());
            r.paused = false;
        });
    }
    fn stop(&mut self) {
        self.with(|r| {
            r.events.push("stop".to_owned());
            r.current = None;
            r.paused = false;
        });
    }
    fn set_volume(&mut self, volume: f32) {
        self.with(|r| {
            r.events.push(format!("volume {volume:.2}"));
            r.volume = volume;
        });
    }
    fn finished(&self) -> bool {
        self.with(|r| r.current.is_none())
    }
}
