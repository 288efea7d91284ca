//! The eframe app: each frame it turns input into kiosk calls, draws the screen the
//! route names, and applies the frame's commands at its end.

pub mod command;
pub mod handout;
mod inspect;
mod kiosk_input;
mod startup;
pub mod state;

pub use command::{Command, Effect, KioskCommand};
pub use startup::AppOptions;
pub use state::{AppState, Route, ScreeningStep};

use std::path::PathBuf;

use egui::{CentralPanel, Context, Frame, Ui, ViewportCommand};

use crate::content::{ContentError, Library};
use crate::i18n::Strings;
use crate::kiosk::KioskState;
use crate::samples::Samples;
use crate::theme::Tokens;
use crate::ui::screens::{self, kiosk as kiosk_screens};
use crate::ui::top_bar::TopBar;

/// The whole app.
pub struct ClinicApp {
    state: AppState,
    /// Kiosk mode's timers, gesture and PIN pad; `None` in staff mode.
    kiosk: Option<KioskState>,
    library: Library,
    content_errors: Vec<ContentError>,
    samples: Samples,
    strings: Strings,
    commands: Vec<Command>,
    /// "Are you still there?" is showing, with this many seconds left.
    still_there: Option<u32>,
    /// The clock (egui's input time) at the current frame.
    now: f64,
    window_size: Option<[f32; 2]>,
    settings_path: Option<PathBuf>,
    system_fonts: bool,
    /// Whether the text engine and tokens are on the egui context yet.
    installed: bool,
    /// Reports startup time and memory for `benches/startup.sh`, when asked to.
    probe: crate::probe::StartupProbe,
    /// The handout panel of the topic page, closed whenever another page opens.
    handout: handout::HandoutPanel,
    handout_setup: handout::HandoutSetup,
    /// The config's `review_valid_months`.
    review_months: u32,
    /// systemd's watchdog, fed while the kiosk draws frames.
    watchdog: crate::kiosk::watchdog::Watchdog,
}

impl ClinicApp {
    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.installed {
            self.install(ui.ctx());
        }
        let ctx = ui.ctx().clone();
        self.probe.frame(&ctx);
        self.now = ctx.input(|i| i.time);
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            self.window_size = Some([rect.width(), rect.height()]);
        }
        self.kiosk_frame(&ctx);
        if self.kiosk.is_some() {
            self.watchdog.frame(std::time::Instant::now());
            if self.watchdog.is_active() {
                // Keep drawing now and then, so a healthy kiosk keeps feeding it.
                ctx.request_repaint_after(crate::kiosk::watchdog::HEARTBEAT);
            }
        }
        if self.state.route == Route::Attract
            && let Some(kiosk) = &self.kiosk
        {
            let name = &kiosk.config().clinic_name;
            CentralPanel::default_margins()
                .frame(Frame::new())
                .show(ui, |ui| {
                    kiosk_screens::attract(
                        ui,
                        &self.strings,
                        name,
                        kiosk.languages(),
                        self.now,
                        &mut self.commands,
                    );
                });
        } else {
            self.page(ui);
        }
        if let Some(kiosk) = &self.kiosk {
            let overlays = kiosk_screens::Overlays {
                kiosk,
                strings: &self.strings,
                patient: self.state.language,
                staff: self.state.staff_language,
                still_there: self.still_there,
                now: self.now,
            };
            kiosk_screens::overlays(&ctx, &overlays, &mut self.commands);
        }
        self.apply_commands(&ctx);
    }

    /// The top bar and the screen below it.
    fn page(&mut self, ui: &mut Ui) {
        let languages = self.languages().to_vec();
        // The language choice stands alone: its buttons are the only way on.
        let bar = (self.state.route != Route::LanguageChoice).then(|| TopBar {
            lang: self.state.language,
            route: &self.state.route,
            kiosk: self.kiosk.is_some(),
            languages: &languages,
            strings: &self.strings,
        });
        let mut cx = screens::Context {
            lang: self.state.language,
            staff_lang: self.state.staff_language,
            library: &self.library,
            strings: &self.strings,
            languages: &languages,
            content_errors: &self.content_errors,
            commands: &mut self.commands,
            handout: &mut self.handout,
            handout_setup: &self.handout_setup,
            review_months: self.review_months,
        };
        screens::page(ui, bar.as_ref(), &mut cx, &self.state, &self.samples);
    }

    fn apply_commands(&mut self, ctx: &Context) {
        // Most frames carry no command; then nothing below has anything to do.
        if self.commands.is_empty() {
            return;
        }
        let before = std::mem::discriminant(&self.state.route);
        let topic_before = self.topic_id();
        for command in std::mem::take(&mut self.commands) {
            let effect = self
                .state
                .apply(command, &self.library, self.kiosk.as_mut(), self.now);
            match effect {
                Effect::None => {}
                Effect::SaveSettings => self.save_settings(),
                Effect::LeaveKiosk => {
                    self.kiosk = None;
                    self.still_there = None;
                    Tokens::standard().install(ctx);
                    ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
                    ctx.send_viewport_cmd(ViewportCommand::Decorations(true));
                }
                Effect::Close => ctx.send_viewport_cmd(ViewportCommand::Close),
            }
        }
        // Another page, or a new patient: the handout panel starts closed again.
        if std::mem::discriminant(&self.state.route) != before || self.topic_id() != topic_before {
            self.handout.reset();
        }
    }

    fn topic_id(&self) -> Option<String> {
        match &self.state.route {
            Route::Topic { id, .. } => Some(id.clone()),
            _ => None,
        }
    }
}

impl eframe::App for ClinicApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}
