//! `clinic-edu handout`: a topic's take-home handout as a PDF file, in the patient's
//! language and, if asked, the staff member's beside it.

use std::path::{Path, PathBuf};

use clinic_edu::Language;
use clinic_edu::config::{Config, config_path};
use clinic_edu::content::{self, ContentFiles, SectionId};
use clinic_edu::i18n::Strings;
use clinic_edu::pdf::{self, HandoutRequest, Paper};
use clinic_edu::text::{FontOptions, TextSystem};

/// What `clinic-edu handout` was asked for.
pub struct HandoutArgs<'a> {
    pub topic: &'a str,
    pub lang: Language,
    pub staff_lang: Option<Language>,
    pub sections: &'a [String],
    pub paper: &'a str,
    pub content: Option<&'a Path>,
    pub config: Option<&'a Path>,
    pub output: Option<&'a PathBuf>,
    /// Print it: on this printer, or `None` on the default one.
    pub print: Option<Option<&'a str>>,
}

pub fn handout(args: &HandoutArgs<'_>) -> anyhow::Result<()> {
    let paper = Paper::parse(args.paper)
        .ok_or_else(|| anyhow::anyhow!("--paper must be a4 or letter, not {:?}", args.paper))?;
    let sections = if args.sections.is_empty() {
        SectionId::ALL.to_vec()
    } else {
        args.sections
            .iter()
            .map(|s| pdf::parse_section(s))
            .collect::<Result<Vec<_>, _>>()?
    };
    let mut files = ContentFiles::embedded();
    if let Some(dir) = args.content {
        match ContentFiles::from_dir(dir) {
            Ok(over) => files = files.layered(over),
            Err(errors) => {
                for error in &errors {
                    eprintln!("{error}");
                }
                anyhow::bail!("{} could not be read", dir.display());
            }
        }
    }
    let loaded = content::load(&files, None);
    if !loaded.errors.is_empty() {
        for error in &loaded.errors {
            eprintln!("{error}");
        }
        anyhow::bail!("the content has errors; no handout was made");
    }
    // The clinic's name comes from its config, when it has one.
    let config_file = config_path(args.config)?;
    let config = if config_file.exists() {
        Some(Config::load(&config_file)?)
    } else {
        None
    };
    let request = HandoutRequest {
        topic: args.topic.to_owned(),
        lang: args.lang,
        staff_lang: args.staff_lang,
        sections,
        paper,
        clinic_name: config.as_ref().map(|c| c.clinic_name.clone()),
        date: clinic_edu::content::review::Date::today(),
        review_months: config.map_or(clinic_edu::content::review::DEFAULT_VALID_MONTHS, |c| {
            c.review_valid_months
        }),
    };
    // A clinic folder's own languages bring their own strings.
    let strings = Strings::load(args.content)?;
    let mut text = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let bytes = pdf::make(&loaded.library, &strings, &mut text, &request)?;
    if let Some(output) = args.output {
        pdf::write_atomic(output, &bytes)?;
    }
    if let Some(printer) = args.print {
        let said = pdf::print::print_and_clean_up(&bytes, printer)?;
        super::print_out(&format!("{said}\n"))?;
    }
    Ok(())
}
