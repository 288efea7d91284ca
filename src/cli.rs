//! The command line: clap types only. `main.rs` runs what they name.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use clinic_edu::Language;

#[derive(Parser)]
#[command(
    name = "clinic-edu",
    version,
    about = "Treatment education and screening for clinics"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Tool>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Options for running the app.
#[derive(Args)]
pub struct RunArgs {
    /// Language to start in (en, ar, bn, ja).
    #[arg(long, default_value = "en")]
    pub lang: Language,
    /// Use only the bundled fonts, not the ones installed on this machine.
    #[arg(long)]
    pub no_system_fonts: bool,
    /// A folder of treatment content layered over the built-in content (see
    /// assets/content/FORMAT.md); if it has errors the built-in content is used.
    #[arg(long, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Run as the waiting-room kiosk: fullscreen, no way out without the staff PIN.
    #[arg(long)]
    pub kiosk: bool,
    /// The config file (default: config.ron in this system's config folder).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Tool {
    /// Check the built-in treatment content, or DIR layered over it; exits non-zero on any error.
    Validate {
        /// A content folder laid out like assets/content (one folder per topic).
        dir: Option<PathBuf>,
    },
    /// Run COMMAND and pass its systemd notifications on as this process (the kiosk
    /// unit's main process: `notify-relay -- cage -- clinic-edu --kiosk`).
    NotifyRelay {
        /// The command, after `--`.
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<std::ffi::OsString>,
    },
    /// Narration clips: the script staff read from, and importing their recordings.
    Narration {
        #[command(subcommand)]
        action: NarrationAction,
    },
    /// Set the staff PIN that unlocks the kiosk (read from standard input; at least 4 digits).
    SetPin {
        /// The config file (default: config.ron in this system's config folder).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The kiosk's config: on Windows the machine's, in %ProgramData%\clinic-edu
        /// (as an administrator); elsewhere the same as without.
        #[arg(long, conflicts_with = "config")]
        kiosk: bool,
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
    /// Make a topic's take-home handout as a PDF file.
    Handout {
        /// Topic id, e.g. exosome-therapy.
        #[arg(long)]
        topic: String,
        /// The patient's language (en, ar, bn, ja).
        #[arg(long)]
        lang: Language,
        /// A second column in the staff member's language.
        #[arg(long, value_name = "LANG")]
        staff_lang: Option<Language>,
        /// A section to include, as named in the content files (what_it_is,
        /// side_effects, sources...); repeat for more. Default: every section.
        #[arg(long = "section", value_name = "ID")]
        sections: Vec<String>,
        /// Paper size: a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// A content folder layered over the built-in content.
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
        /// The config file whose clinic name the handout shows.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Where to write the PDF.
        #[arg(
            short = 'o',
            long = "output",
            value_name = "FILE.pdf",
            required_unless_present = "print"
        )]
        output: Option<PathBuf>,
        /// Also print it: with `lp` on Linux, on Windows through the PDF program's
        /// print verb (the file it needs is removed after).
        #[arg(long)]
        print: bool,
        /// The printer to print on (default: the system's default printer).
        #[arg(long, value_name = "NAME", requires = "print")]
        printer: Option<String>,
    },
    /// Record that a clinician reviewed a topic in one language (in the content
    /// folder's reviews.ron, with the SHA-256 of the files it covers).
    Review {
        /// Topic id, e.g. prp.
        #[arg(long)]
        topic: String,
        /// The language of the text reviewed (en, ar, bn, ja).
        #[arg(long)]
        lang: Language,
        /// Who reviewed it: "NAME, ROLE".
        #[arg(long)]
        reviewer: String,
        /// The day of the review, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// The reviewer's professional registration number.
        #[arg(long)]
        registration: Option<String>,
        /// The content folder whose reviews.ron records it (default, in a source
        /// checkout: assets/content).
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
    },
    /// A signed content repository (TUF) for many kiosks: make one, or rotate a key.
    Repo {
        #[command(subcommand)]
        action: RepoAction,
    },
    /// Add a content folder to a repository as a new signed bundle, or re-sign its timestamp.
    Publish {
        /// The content folder (topics, languages, narration, reviews).
        #[arg(
            long,
            value_name = "DIR",
            required_unless_present = "refresh_timestamp"
        )]
        content: Option<PathBuf>,
        #[arg(long, value_name = "REPO")]
        repo: PathBuf,
        #[arg(long, value_name = "KEYDIR")]
        keys: PathBuf,
        /// pilot or stable.
        #[arg(long, default_value = "stable")]
        channel: String,
        /// Publish texts not reviewed, or changed since review (every screen then says "not reviewed").
        #[arg(long)]
        allow_unreviewed: bool,
        /// Only re-sign the timestamp, for --timestamp-days more days.
        #[arg(long, conflicts_with = "content")]
        refresh_timestamp: bool,
        /// Days the signed timestamp stands.
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=365))]
        timestamp_days: u32,
    },
    /// Look for new signed content and install it (the config's `updates`).
    Update {
        /// One check and install, then exit (non-zero on failure).
        #[arg(long, required = true)]
        once: bool,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print the installed content version, channel, review-by date, last good check and last error.
    Status {
        #[command(flatten)]
        config: ConfigArgs,
    },
}

/// Which config a command reads.
#[derive(Args)]
pub struct ConfigArgs {
    /// The config file (default: config.ron in this system's config folder).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The kiosk's config (on Windows the machine's, in %ProgramData%\clinic-edu).
    #[arg(long, conflicts_with = "config")]
    pub kiosk: bool,
}

/// What `clinic-edu repo` does.
#[derive(clap::Subcommand)]
pub enum RepoAction {
    /// Make a repository at REPO and its keys in KEYDIR (root keys apart from the
    /// targets, snapshot and timestamp keys).
    Init {
        repo: PathBuf,
        #[arg(long, value_name = "KEYDIR")]
        keys: PathBuf,
        /// How many root keys to make.
        #[arg(long, default_value_t = 3)]
        root_keys: u32,
        /// How many root keys must sign a new root.
        #[arg(long, default_value_t = 2)]
        root_threshold: u32,
        /// Days the root stands.
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3650))]
        root_days: u32,
    },
    /// Replace one key (targets, snapshot, timestamp or root-N) in a new root version.
    RotateKey {
        repo: PathBuf,
        #[arg(long, value_name = "KEYDIR")]
        keys: PathBuf,
        #[arg(long)]
        role: String,
        /// Days the new root stands.
        #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=3650))]
        root_days: u32,
    },
}

/// What `clinic-edu narration` does.
#[derive(clap::Subcommand)]
pub enum NarrationAction {
    /// Print the recording script for LANG: each text's id and the text, in reading order.
    Script {
        #[arg(long)]
        lang: Language,
        /// A clinic content folder (default: the built-in content).
        #[arg(long, value_name = "DIR")]
        content: Option<PathBuf>,
    },
    /// Import recordings (ID.wav or ID.ogg, named as in the script) from RECORDINGS
    /// into the content folder CONTENT, checked and converted to Ogg Vorbis, each
    /// with its sidecar.
    Import {
        /// The folder holding the recordings.
        recordings: PathBuf,
        #[arg(long)]
        lang: Language,
        /// The clinic content folder the clips go into.
        #[arg(long, value_name = "DIR")]
        content: PathBuf,
        /// The recordings were made by a speech engine, named ENGINE:VOICE
        /// (e.g. "espeak-ng 1.51:en"); without it they are a person's voice.
        #[arg(long, value_name = "ENGINE:VOICE")]
        computer: Option<String>,
    },
}
