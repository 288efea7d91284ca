//! The `clinic-edu` command: runs the app, or one of the tools behind it.

mod cli;
mod tools;

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;

use cli::{Cli, RunArgs, Tool};
use clinic_edu::app::Prelude;
use clinic_edu::{AppOptions, ClinicApp};

fn main() -> ExitCode {
    // A clinic folder's own languages are registered before the arguments are
    // read, so that `--lang` (and the config) may name them.
    for dir in content_dirs(std::env::args_os().skip(1)) {
        clinic_edu::content::languages::load_dir(&dir);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        None => run_app(&cli.run),
        Some(Tool::Validate { dir }) => tools::validate::validate(dir.as_deref()),
        Some(Tool::NotifyRelay { command }) => tools::notify_relay::notify_relay(&command),
        Some(Tool::Repo { action }) => tools::publish::repo(action),
        Some(Tool::Publish {
            content,
            repo,
            keys,
            channel,
            allow_unreviewed,
            refresh_timestamp,
            timestamp_days,
        }) => tools::publish::publish(&tools::publish::PublishArgs {
            content: content.as_deref(),
            repo: &repo,
            keys: &keys,
            channel: &channel,
            allow_unreviewed,
            refresh_timestamp,
            timestamp_days,
        }),
        Some(Tool::Update { once: _, config }) => tools::update::update_once(&config),
        Some(Tool::Status { config }) => tools::update::status(&config),
        Some(Tool::Narration { action }) => tools::narration::narration(action),
        Some(Tool::SetPin { config, kiosk }) => tools::set_pin::set_pin(config.as_deref(), kiosk),
        Some(Tool::Screen {
            treatment,
            answers,
            lang,
            list,
        }) => tools::screen::screen(&treatment, &answers, lang, list),
        Some(Tool::Layout {
            lang,
            width,
            size,
            bold,
            system_fonts,
            text,
        }) => tools::layout::print_layout(lang, width, size, bold, system_fonts, &text),
        Some(Tool::Review {
            topic,
            lang,
            reviewer,
            date,
            registration,
            content,
        }) => tools::review::review(tools::review::Request {
            topic: &topic,
            lang,
            reviewer: &reviewer,
            date: date.as_deref(),
            registration: registration.as_deref(),
            content: content.as_deref(),
        }),
        Some(Tool::Handout {
            topic,
            lang,
            staff_lang,
            sections,
            paper,
            content,
            config,
            output,
            print,
            printer,
        }) => tools::handout::handout(&tools::handout::HandoutArgs {
            topic: &topic,
            lang,
            staff_lang,
            sections: &sections,
            paper: &paper,
            content: content.as_deref(),
            config: config.as_deref(),
            output: output.as_ref(),
            print: print.then_some(printer.as_deref()),
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`| head`, a closed pipe): as ripgrep
        // does, that ends the command normally, here and nowhere else.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clinic-edu: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The folders given with `--content DIR` or `--content=DIR`, before clap reads
/// the arguments (it checks language tags against the registered languages).
fn content_dirs(mut args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::path::PathBuf> {
    let mut dirs = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--content" {
            dirs.extend(args.next().map(Into::into));
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--content=")) {
            dirs.push(dir.into());
        }
    }
    dirs
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run_app(args: &RunArgs) -> anyhow::Result<()> {
    // Without --content, the signed bundle the updater installed is the clinic's
    // folder (README, "Updating many kiosks").
    let content_dir = args.content.clone().or_else(|| {
        let config = if args.kiosk {
            clinic_edu::config::kiosk_config_path(args.config.as_deref())
        } else {
            clinic_edu::config::config_path(args.config.as_deref())
        };
        let dir = clinic_edu::update::state::installed_content(&config.ok()?)?;
        clinic_edu::content::languages::load_dir(&dir);
        Some(dir)
    });
    let options = AppOptions {
        system_fonts: !args.no_system_fonts,
        language: args.lang,
        installed_bundle: args.content.is_none() && content_dir.is_some(),
        content_dir,
        ..AppOptions::for_config(args.config.as_deref(), args.kiosk)?
    };
    // The settings and the kiosk's config (with its PIN) are checked before a
    // window opens; the content is loaded, and the first screen laid out, on
    // another core while it opens.
    let prelude = Prelude::new(options)?;
    let kiosk = prelude.is_kiosk();
    if kiosk {
        clinic_edu::kiosk::install_panic_guard();
    }
    let size = prelude.window_size().unwrap_or([1100.0, 760.0]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("clinic-edu")
        // Matches the desktop entry (clinic-edu.desktop), so a Wayland compositor
        // shows its name and icon for the window.
        .with_app_id("clinic-edu")
        .with_inner_size(size)
        .with_min_inner_size([480.0, 360.0]);
    if kiosk {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
    }
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let prepared = ClinicApp::prepare(prelude, size);
    // An app that could not start says why after the window closes, as it would
    // have before it opened.
    let failed = std::sync::Arc::new(std::sync::Mutex::new(None));
    let slot = failed.clone();
    let result = eframe::run_native(
        "clinic-edu",
        native,
        Box::new(move |_cc| {
            let app = match prepared.join() {
                Ok(Ok(app)) => app,
                Ok(Err(e)) => {
                    *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                    return Err("the app could not start".into());
                }
                Err(panic) => std::panic::resume_unwind(panic),
            };
            Ok(Box::new(Window { app, clear: None }))
        }),
    );
    if let Some(e) = failed.lock().unwrap_or_else(|p| p.into_inner()).take() {
        return Err(e);
    }
    result
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("could not open the app window")
}

/// The app in its native window, which eframe clears before egui paints. On the
/// kiosk's attract screen it is cleared to the screen's colour, and the screen
/// leaves that colour to the clear instead of painting a rectangle over the whole
/// window: software rendering shades every pixel of such a rectangle, which cost
/// 2.1 % of a core on the attract screen, against 0.3 % without (README, "Startup
/// and idle"). Elsewhere the clear is eframe's own and nothing changes.
struct Window {
    app: ClinicApp,
    /// The clear colour the current frame was drawn for.
    clear: Option<egui::Color32>,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // Decided before the frame, and kept until it is painted: a tap that leaves
        // the attract screen takes effect at the frame's end.
        self.clear = Some(self.app.window_clear());
        clinic_edu::theme::set_window_clear(ui.ctx(), self.clear);
        eframe::App::ui(&mut self.app, ui, frame);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        match self.clear {
            Some(colour) => colour.to_normalized_gamma_f32(),
            None => eframe::App::clear_color(&self.app, visuals),
        }
    }

    fn on_exit(&mut self) {
        eframe::App::on_exit(&mut self.app);
    }
}
