//! The content and UI strings the app starts on, with the last good bundle always
//! shown: when the content folder is the bundle the updater installed
//! (`AppOptions::installed_bundle`) and it verified at install but does not load
//! now (files changed on disk since, or an app that checks more), the updater goes
//! back to the bundle before it ([`revert`], which records why for `status`) and
//! that one is loaded instead; with none left, the built-in content shows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::{self, ContentError, Library};
use crate::i18n::Strings;
use crate::lang::{self, Language};
use crate::update::state::{Paths, installed_content, revert};

/// Loads the content of `content_dir` (a clinic folder's over the built-in) and
/// its strings. When `installed_by` names the config whose updater installed that
/// folder, a bundle that does not load is reverted as the module says, and
/// `content_dir` then names the folder the app runs on.
pub(super) fn load(
    content_dir: &mut Option<PathBuf>,
    installed_by: Option<&Path>,
) -> anyhow::Result<(Library, Vec<ContentError>, Strings)> {
    loop {
        let dir = content_dir.clone();
        let (library, errors) = content::load::for_app(dir.as_deref());
        let strings = Strings::load(dir.as_deref());
        let (Some(dir), Some(config)) = (&dir, installed_by) else {
            return Ok((library, errors, strings?));
        };
        let Some(why) = does_not_load(dir, &library, &errors, strings.as_ref().err()) else {
            return Ok((library, errors, strings?));
        };
        let back = revert(&Paths::beside(config), &why);
        eprintln!(
            "clinic-edu: the installed content {} does not load ({why}); {}",
            dir.display(),
            match &back {
                Ok(Some(v)) => format!("back to content version {v}"),
                Ok(None) => "the built-in content shows".to_owned(),
                Err(e) => format!("the built-in content shows (the updater's state: {e:#})"),
            }
        );
        *content_dir = match back {
            Ok(Some(_)) => installed_content(config),
            _ => None,
        };
    }
}

/// Why the installed bundle `dir` does not load, if it does not: any error in its
/// content or strings, as the updater judges a bundle it has just installed. Errors
/// of a language the folder does not bring and is not built in are left out: that
/// language was registered by a newer bundle that did not load, and stays known
/// to this process.
fn does_not_load(
    dir: &Path,
    library: &Library,
    errors: &[ContentError],
    strings: Option<&crate::i18n::I18nError>,
) -> Option<String> {
    if let Some(e) = strings {
        return Some(e.to_string());
    }
    let builtin = lang::builtin_manifests();
    let ours: BTreeSet<Language> = content::languages::load_dir(dir)
        .0
        .into_iter()
        .chain(builtin.iter().filter_map(|m| Language::from_tag(&m.tag)))
        .collect();
    let relevant: Vec<&ContentError> = errors
        .iter()
        .filter(|e| e.lang.is_none_or(|l| ours.contains(&l)))
        .collect();
    load_failure(library, &relevant)
}

/// Why content that loaded as `library` with `errors` is not to be shown, if it is
/// not: any error, or no topic. The updater judges a bundle it has just installed
/// so (`updates`), and the app the installed bundle it starts on ([`load`]).
pub(super) fn load_failure<E: std::fmt::Display>(
    library: &Library,
    errors: &[E],
) -> Option<String> {
    match errors.first() {
        Some(first) => Some(format!("{} errors, the first: {first}", errors.len())),
        None if library.is_empty() => Some("no topics".to_owned()),
        None => None,
    }
}
