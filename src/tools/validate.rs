//! `clinic-edu validate [DIR]`: checks the built-in content, or DIR layered over it,
//! and reports every error with where it is.

use std::path::Path;

use clinic_edu::Language;
use clinic_edu::content::{self, ContentFiles};
use clinic_edu::text::{FontOptions, TextSystem};

use super::print_out;

pub fn validate(dir: Option<&Path>) -> anyhow::Result<()> {
    let mut files = ContentFiles::embedded();
    if let Some(dir) = dir {
        match ContentFiles::from_dir(dir) {
            Ok(over) => files = files.layered(over),
            Err(errors) => {
                for error in &errors {
                    print_out(&format!("{error}\n"))?;
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
        print_out(&format!("{error}\n"))?;
    }
    print_out(&format!("{}\n", loaded.summary()))?;
    anyhow::ensure!(loaded.errors.is_empty(), "the content has errors");
    Ok(())
}
