//! The `clinic-edu` command: runs the app, or one of the tools behind it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use clinic_edu::config::{Config, Settings, config_path};
use clinic_edu::content::{self, ContentFiles};
use clinic_edu::i18n::Strings;
use clinic_edu::kiosk::{check_pin_format, hash_pin};
use clinic_edu::report::{QuestionJson, VerdictJson};
use clinic_edu::screening::{Answer, Answers};
use clinic_edu::text::{FontOptions, TextStyle, TextSystem, debug};
use clinic_edu::{AppOptions, ClinicApp, Language};

#[derive(Parser)]
#[command(
    name = "clinic-edu",
    version,
    about = "Treatment education and screening for clinics"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Tool>,
    #[command(flatten)]
    run: RunArgs,
}

/// Options for running the app.
#[derive(Args)]
struct RunArgs {
    /// Language to start in (en, ar, bn, ja).
    #[arg(long, default_value = "en")]
    lang: Language,
    /// Use only the bundled fonts, not the ones installed on this machine.
    #[arg(long)]
    no_system_fonts: bool,
    /// A folder of treatment content layered over the built-in content (see
    /// assets/content/FORMAT.md); if it has errors the built-in content is used.
    #[arg(long, value_name = "DIR")]
    content: Option<PathBuf>,
    /// Run as the waiting-room kiosk: fullscreen, no way out without the staff PIN.
    #[arg(long)]
    kiosk: bool,
    /// The config file (default: config.ron in this system's config folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Tool {
    /// Check the built-in treatment content, or DIR layered over it; exits non-zero on any error.
    Validate {
        /// A content folder laid out like assets/content (one folder per topic).
        dir: Option<PathBuf>,
    },
    /// Set the staff PIN that unlocks the kiosk (read from standard input; at least 4 digits).
    SetPin {
        /// The config file (default: config.ron in this system's config folder).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Screen answers for one treatment and print the verdict as JSON.
    Screen {
        /// Treatment id, e.g. exosome-therapy.
        #[arg(long)]
        treatment: String,
        /// An answer, QID=yes|no|unsure; repeat for each question.
        #[arg(long = "answer", value_name = "QID=yes|no|unsure")]
        answers: Vec<String>,
        /// Language of the question and reason texts (en, ar, bn, ja).
        #[arg(long, default_value = "en")]
        lang: Language,
        /// Print the treatment's questions instead of a verdict.
        #[arg(long)]
        list: bool,
    },
    /// Print how TEXT is shaped and broken into lines, as JSON (one object per visual line).
    Layout {
        /// Language of the text (en, ar, bn, ja): decides direction and fonts.
        #[arg(long)]
        lang: Language,
        /// Wrap width in pixels.
        #[arg(long)]
        width: f32,
        /// Font size in pixels.
        #[arg(long, default_value_t = 16.0)]
        size: f32,
        /// Lay out in bold.
        #[arg(long)]
        bold: bool,
        /// Also use installed system fonts (after the bundled ones).
        #[arg(long)]
        system_fonts: bool,
        /// The text to lay out.
        text: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run_app(&cli.run),
        Some(Tool::Validate { dir }) => validate(dir.as_deref()),
        Some(Tool::SetPin { config }) => set_pin(config.as_deref()),
        Some(Tool::Screen {
            treatment,
            answers,
            lang,
            list,
        }) => screen(&treatment, &answers, lang, list),
        Some(Tool::Layout {
            lang,
            width,
            size,
            bold,
            system_fonts,
            text,
        }) => print_layout(lang, width, size, bold, system_fonts, &text),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clinic-edu: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_app(args: &RunArgs) -> anyhow::Result<()> {
    // The config folder may not be known (then settings are not kept); in kiosk
    // mode the config is required.
    let config_path = config_path(args.config.as_deref());
    let kiosk = if args.kiosk {
        let path = config_path.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        let config = Config::load(path)?;
        anyhow::ensure!(
            config.pin_hash.is_some(),
            "kiosk mode needs a staff PIN, and {} has none: set one with `clinic-edu set-pin{}`",
            path.display(),
            args.config
                .as_ref()
                .map_or(String::new(), |p| format!(" --config {}", p.display()))
        );
        Some(config)
    } else {
        None
    };
    let settings_path = config_path.ok().map(|p| Settings::path_beside(&p));
    let window_size = settings_path
        .as_deref()
        .map(Settings::load)
        .and_then(|s| s.window_size);
    let options = AppOptions {
        system_fonts: !args.no_system_fonts,
        language: args.lang,
        content_dir: args.content.clone(),
        kiosk,
        settings_path,
    };
    // Load the content before opening a window, so a broken build fails here.
    let app = ClinicApp::new(options)?;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("clinic-edu")
        .with_inner_size(window_size.unwrap_or([1100.0, 760.0]))
        .with_min_inner_size([480.0, 360.0]);
    if app.is_kiosk() {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
    }
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native("clinic-edu", native, Box::new(move |_cc| Ok(Box::new(app))))
        .map_err(|e| anyhow::anyhow!("{e}"))
        .context("could not open the app window")
}

fn set_pin(config: Option<&Path>) -> anyhow::Result<()> {
    use std::io::{BufRead as _, IsTerminal as _};
    let path = config_path(config)?;
    // Check the config first: a malformed file is reported, not overwritten.
    let mut current = Config::load(&path)?;
    let pin = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New staff PIN (at least 4 digits): ")?;
        check_pin_format(first.trim()).map_err(anyhow::Error::msg)?;
        let second = rpassword::prompt_password("Type the PIN again: ")?;
        anyhow::ensure!(
            first.trim() == second.trim(),
            "the two PINs differ; nothing was changed"
        );
        first.trim().to_owned()
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim().to_owned()
    };
    check_pin_format(&pin).map_err(anyhow::Error::msg)?;
    current.pin_hash = Some(hash_pin(&pin).map_err(anyhow::Error::msg)?);
    current.save(&path)?;
    println!("The staff PIN is set in {}", path.display());
    Ok(())
}

fn validate(dir: Option<&Path>) -> anyhow::Result<()> {
    let mut files = ContentFiles::embedded();
    if let Some(dir) = dir {
        match ContentFiles::from_dir(dir) {
            Ok(over) => files = files.layered(over),
            Err(errors) => {
                for error in &errors {
                    println!("error: {error}");
                }
                anyhow::bail!("{} could not be read", dir.display());
            }
        }
    }
    // Only the bundled fonts count: a clinic's kiosk may have no others.
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let mut check = |text: &str, lang: Language| system.missing_glyph(text, lang);
    let loaded = content::load(&files, Some(&mut check));
    for error in &loaded.errors {
        println!("error: {error}");
    }
    println!("{}", loaded.summary());
    anyhow::ensure!(loaded.errors.is_empty(), "the content has errors");
    Ok(())
}

fn screen(treatment: &str, answers: &[String], lang: Language, list: bool) -> anyhow::Result<()> {
    let loaded = content::load(&ContentFiles::embedded(), None);
    anyhow::ensure!(
        loaded.errors.is_empty(),
        "the built-in content has errors; run `clinic-edu validate`"
    );
    let screening = loaded.library.screening();
    let strings = Strings::embedded()?;
    if screening.rules(treatment).is_none() {
        let known: Vec<&str> = screening.treatments().collect();
        anyhow::bail!(
            "unknown treatment {treatment:?}: expected one of {}",
            known.join(", ")
        );
    }
    let mut given = Answers::new();
    for pair in answers {
        let (id, value) = pair
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--answer needs QID=yes|no|unsure, not {pair:?}"))?;
        let id = id.trim();
        anyhow::ensure!(
            screening.question(id).is_some(),
            "unknown question {id:?} in --answer {pair:?}; `clinic-edu screen --treatment {treatment} --list` shows the questions"
        );
        let answer = Answer::parse(value).ok_or_else(|| {
            anyhow::anyhow!("the answer to {id:?} must be yes, no or unsure, not {value:?}")
        })?;
        given.insert(id.to_owned(), answer);
    }
    let json = if list {
        let questions: Vec<QuestionJson> = screening
            .questions_for(&[treatment])
            .into_iter()
            .map(|q| QuestionJson::new(q, lang))
            .collect();
        serde_json::to_string(&questions)?
    } else {
        let outcome = screening
            .evaluate(treatment, &given)
            .expect("treatment has rules");
        serde_json::to_string(&VerdictJson::new(screening, &strings, &outcome, lang))?
    };
    print_out(&format!("{json}\n"))
}

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn print_layout(
    lang: Language,
    width: f32,
    size: f32,
    bold: bool,
    system_fonts: bool,
    text: &str,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        width.is_finite() && width > 0.0,
        "--width must be a positive number of pixels, not {width}"
    );
    anyhow::ensure!(
        size.is_finite() && size > 0.0,
        "--size must be a positive number of pixels, not {size}"
    );
    let mut system = TextSystem::new(FontOptions { system_fonts });
    let style = if bold {
        TextStyle::bold(size)
    } else {
        TextStyle::regular(size)
    };
    let layout = system.layout_uncached(text, lang, style, Some(width), 1.0);
    print_out(&debug::to_json_lines(&debug::describe(&system, &layout)))
}
