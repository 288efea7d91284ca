//! The eframe app: each frame it turns input into commands, draws the screen the
//! route names, and applies the frame's commands at its end through the one pure
//! [`AppState::apply`]; what an applied command asks of the window or a service
//! (an [`Effect`]) is carried out here.

mod input;
mod inspect;
mod prepare;
mod speech;

use std::sync::{Arc, Mutex};

use egui::{CentralPanel, Context, Frame, Ui, ViewportCommand};

use crate::app::{AppOptions, AppState, Command, Effect, Prelude, Route, Services};
use crate::kiosk::watchdog::{HEARTBEAT, Watchdog};
use crate::pdf::HandoutRequest;
use crate::probe::StartupProbe;
use crate::text::{FontOptions, TextSystem};
use crate::theme::Tokens;
use crate::ui::screens::{self, kiosk as kiosk_screens};
use crate::ui::top_bar::TopBar;

/// The whole app.
pub struct ClinicApp {
    state: AppState,
    services: Services,
    /// The commands of the frame being drawn, applied at its end.
    commands: Vec<Command>,
    /// The clock (egui's input time) at the current frame.
    now: f64,
    window: Window,
}

/// What only the window has: the text engine, the startup probe and systemd's
/// watchdog.
struct Window {
    /// The text engine; put on the window's egui context at its first frame.
    text: Arc<Mutex<TextSystem>>,
    /// Whether the text engine and tokens are on the egui context yet.
    installed: bool,
    /// Reports startup time and memory for `benches/startup.sh`, when asked to.
    probe: StartupProbe,
    /// systemd's watchdog, fed while the kiosk draws frames.
    watchdog: Watchdog,
    /// The updater thread, when the config names a repository.
    updates: Option<crate::app::updates::Poller>,
    /// Content it installed and loaded, not yet shown.
    pending: Option<crate::app::updates::Ready>,
}

impl ClinicApp {
    /// Loads the content, the settings and, in kiosk mode, checks the config (see
    /// [`crate::app::start`]). The text engine is set up on the first frame.
    pub fn new(options: AppOptions) -> anyhow::Result<Self> {
        Self::after(Prelude::new(options)?)
    }

    /// [`ClinicApp::new`], from what was read before the window opened.
    pub fn after(prelude: Prelude) -> anyhow::Result<Self> {
        let started = crate::app::start_after(prelude)?;
        Ok(Self {
            state: started.state,
            services: started.services,
            commands: Vec::new(),
            now: 0.0,
            window: Window {
                text: Arc::new(Mutex::new(TextSystem::new(FontOptions {
                    system_fonts: started.system_fonts,
                }))),
                installed: false,
                probe: StartupProbe::from_env(),
                watchdog: Watchdog::from_env(),
                updates: started.updates,
                pending: None,
            },
        })
    }

    /// Puts the text engine and the design tokens on `ctx`.
    fn install(&mut self, ctx: &Context) {
        TextSystem::install_shared(ctx, self.window.text.clone());
        self.tokens().install(ctx);
        self.window.installed = true;
    }

    /// The colour the window is cleared to: the attract screen's in the kiosk's
    /// attract screen, else the background (src/main.rs; `theme::window_clear`).
    pub fn window_clear(&self) -> egui::Color32 {
        let tokens = self.tokens();
        if self.state.kiosk.is_some() && self.state.route == Route::Attract {
            tokens.accent
        } else {
            tokens.background
        }
    }

    fn tokens(&self) -> Tokens {
        if self.state.kiosk.is_some() {
            Tokens::kiosk()
        } else {
            Tokens::standard()
        }
    }

    /// Takes content the updater installed and loaded. A kiosk swaps it in at its
    /// safe point, its attract screen, where no visit is under way (after the idle
    /// wipe); staff are offered it with a banner ([`Command::UseNewContent`]).
    fn take_new_content(&mut self) {
        if let Some(ready) = self.window.updates.as_ref().and_then(|p| p.take()) {
            self.window.pending = Some(ready);
        }
        if self.state.kiosk.is_some() && self.state.route == Route::Attract {
            self.swap_content();
        }
    }

    /// Puts the pending new content in place of the content shown.
    fn swap_content(&mut self) {
        let Some(ready) = self.window.pending.take() else {
            return;
        };
        let mut library = ready.library;
        if let Some(kiosk) = &self.state.kiosk {
            let topics = &kiosk.config().topics;
            if let Some(missing) = topics.iter().find(|t| library.topic(t).is_none()) {
                eprintln!(
                    "clinic-edu: updates: content version {} lacks the topic {missing:?} the config offers; the content shown stays",
                    ready.version
                );
                return;
            }
            if !topics.is_empty() {
                library = library.only(topics);
            }
        }
        self.services.library = library;
        self.services.content_errors.clear();
        self.services.handouts = crate::app::handout::HandoutJobs::new(ready.strings.clone());
        self.services.strings = ready.strings;
        self.services.narration = ready.narration;
        self.services.review_folder = Some(ready.folder);
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.window.installed {
            self.install(ui.ctx());
        }
        let ctx = ui.ctx().clone();
        self.window.probe.frame(&ctx);
        self.now = ctx.input(|i| i.time);
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            self.services.settings.window_size = Some([rect.width(), rect.height()]);
        }
        self.kiosk_input(&ctx);
        self.take_new_content();
        if self.state.kiosk.is_some() {
            self.window.watchdog.frame(std::time::Instant::now());
            if self.window.watchdog.is_active() {
                // Keep drawing now and then, so a healthy kiosk keeps feeding it.
                ctx.request_repaint_after(HEARTBEAT);
            }
        }
        self.draw(ui);
        self.speech_tick(&ctx);
        self.apply_commands(&ctx);
        self.schedule_kiosk_repaint(&ctx);
    }

    /// The screen the route names, and the kiosk's overlays; what the patient
    /// does becomes the frame's commands.
    fn draw(&mut self, ui: &mut Ui) {
        if let (Route::Attract, Some(kiosk)) = (&self.state.route, &self.state.kiosk) {
            CentralPanel::default_margins()
                .frame(Frame::new())
                .show(ui, |ui| {
                    kiosk_screens::attract(
                        ui,
                        &self.services.strings,
                        &kiosk.config().clinic_name,
                        kiosk.languages(),
                        self.now,
                        &mut self.commands,
                    );
                });
        } else {
            self.page(ui);
        }
        if let Some(kiosk) = &self.state.kiosk {
            // The updater's state, read for the staff menu only.
            let status = (kiosk.overlay() == crate::kiosk::Overlay::StaffMenu)
                .then(|| self.window.updates.as_ref().and_then(|p| p.status()))
                .flatten();
            let overlays = kiosk_screens::Overlays {
                kiosk,
                strings: &self.services.strings,
                patient: self.state.language,
                staff: self.state.staff_language,
                now: self.now,
                updates: status.as_ref(),
            };
            kiosk_screens::overlays(ui.ctx(), &overlays, &mut self.commands);
        }
    }

    /// The top bar and the screen below it.
    fn page(&mut self, ui: &mut Ui) {
        let languages = self.languages();
        // The language choice stands alone: its buttons are the only way on.
        let bar = (self.state.route != Route::LanguageChoice).then(|| TopBar {
            lang: self.state.language,
            route: &self.state.route,
            kiosk: self.state.kiosk.is_some(),
            languages: &languages,
            strings: &self.services.strings,
        });
        let mut cx = screens::Context {
            lang: self.state.language,
            staff_lang: self.state.staff_language,
            library: &self.services.library,
            strings: &self.services.strings,
            languages: &languages,
            content_errors: &self.services.content_errors,
            commands: &mut self.commands,
            handout: &self.state.handout,
            handout_status: self.services.handouts.status(self.state.handout.generation),
            handout_setup: &self.services.handout_setup,
            review_months: self.services.review_months,
            today: self
                .window
                .updates
                .as_ref()
                .map_or_else(crate::content::review::Date::today, |p| p.today()),
            staff: self.state.kiosk.is_none(),
            content_ready: self.state.kiosk.is_none() && self.window.pending.is_some(),
            review_folder: self.services.review_folder.as_deref(),
            review_message: self.services.review_message.as_ref(),
            sign_off: &self.state.sign_off,
            speech: screens::listen::SpeechView {
                narration: (self.services.speaker.is_some() && !self.services.narration.is_empty())
                    .then_some(&self.services.narration),
                speech: self.state.speech.as_ref(),
            },
        };
        screens::page(
            ui,
            bar.as_ref(),
            &mut cx,
            &self.state,
            &self.services.samples,
        );
    }

    /// Applies the frame's commands, in order, and carries out their effects.
    fn apply_commands(&mut self, ctx: &Context) {
        if self.commands.is_empty() {
            return;
        }
        let before = self.state.clone();
        for command in std::mem::take(&mut self.commands) {
            let effect = self.state.apply(command, &self.services.library, self.now);
            self.carry_out(ctx, effect);
        }
        self.follow_speech(&before.speech, before.volume);
        // The frame was drawn from the state before: draw the new one.
        if self.state != before {
            ctx.request_repaint();
        }
    }

    fn carry_out(&mut self, ctx: &Context, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::SaveSettings => self.save_settings(),
            Effect::SwapContent => {
                self.swap_content();
                ctx.request_repaint();
            }
            Effect::LeaveKiosk => {
                Tokens::standard().install(ctx);
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
                ctx.send_viewport_cmd(ViewportCommand::Decorations(true));
            }
            Effect::Close => ctx.send_viewport_cmd(ViewportCommand::Close),
            Effect::StartHandout(action) => self.start_handout(ctx, action),
            Effect::RecordReview(record) => self.record_review(*record),
            Effect::Refused { command, why } => {
                eprintln!("clinic-edu: dropped {command}: {why}");
            }
        }
    }

    fn start_handout(&self, ctx: &Context, action: crate::app::handout::Action) {
        let state = &self.state;
        let Some((topic, _)) = state.open_topic() else {
            return;
        };
        let services = &self.services;
        let request = HandoutRequest {
            topic: topic.to_owned(),
            lang: state.language,
            staff_lang: state.side_by_side.then_some(state.staff_language),
            sections: state.handout.sections.clone(),
            paper: state.handout.paper,
            clinic_name: services.handout_setup.clinic_name.clone(),
            date: crate::content::review::Date::today(),
            review_months: services.review_months,
        };
        let ctx = ctx.clone();
        services.handouts.start(
            state.handout.generation,
            action,
            &services.library,
            request,
            &services.handout_setup,
            move || ctx.request_repaint(),
        );
    }

    /// Writes a signed review into the clinic folder's reviews.ron and into the
    /// library, so every screen shows it at once.
    fn record_review(&mut self, record: crate::content::review::ReviewRecord) {
        use crate::content::review::{Date, reviews_file, with_review, write_reviews};
        let services = &mut self.services;
        let result = match (&services.review_folder, Date::parse(&record.date)) {
            (None, _) => Err("no clinic folder".to_owned()),
            (_, Some(day)) if day > Date::today() => Err("the date is in the future".to_owned()),
            (Some(dir), _) => {
                reviews_file(&with_review(services.library.reviews(), record.clone()))
                    .map_err(|e| e.to_string())
                    .and_then(|text| {
                        // The text as reviewed first, then the record that names it.
                        crate::content::changes::write_kept(dir, &record)
                            .and_then(|_| write_reviews(dir, &text))
                            .map_err(|e| e.to_string())
                    })
            }
        };
        services.review_message = Some(match result {
            Ok(path) => {
                services.library.record_review(record);
                Ok(path.display().to_string())
            }
            Err(e) => {
                eprintln!("clinic-edu: the review was not recorded: {e}");
                Err(e)
            }
        });
    }

    fn save_settings(&self) {
        self.services.settings.save(self.state.staff_language);
    }
}

impl eframe::App for ClinicApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if !self.window.installed
            && let Some(render_state) = frame.wgpu_render_state()
        {
            crate::text::install_gpu(render_state);
        }
        self.show(ui);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}
