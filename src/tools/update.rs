//! `clinic-edu update --once` and `clinic-edu status`: one check and install of
//! signed content, and what is installed (README, "Updating many kiosks").

use std::path::PathBuf;

use anyhow::Context as _;
use clinic_edu::config::{Config, Updates, config_path, kiosk_config_path};
use clinic_edu::update::client::{self, Outcome};
use clinic_edu::update::state::{Paths, State};

use super::print_out;
use crate::cli::ConfigArgs;

fn config(args: &ConfigArgs) -> anyhow::Result<(PathBuf, Updates)> {
    let path = if args.kiosk {
        kiosk_config_path(args.config.as_deref())?
    } else {
        config_path(args.config.as_deref())?
    };
    let config = Config::load(&path)?;
    let updates = config.updates.with_context(|| {
        format!(
            "{}: no `updates` section names a repository (README, \"Updating many kiosks\")",
            path.display()
        )
    })?;
    Ok((path, updates))
}

pub fn update_once(args: &ConfigArgs) -> anyhow::Result<()> {
    let (path, updates) = config(args)?;
    match client::update_once(&path, &updates)? {
        Outcome::Installed(version) => {
            print_out(&format!("installed content version {version}\n"))?
        }
        Outcome::UpToDate(Some(version)) => {
            print_out(&format!("up to date: content version {version}\n"))?
        }
        Outcome::UpToDate(None) => print_out("up to date: no bundle for this channel yet\n")?,
    }
    Ok(())
}

pub fn status(args: &ConfigArgs) -> anyhow::Result<()> {
    let (path, updates) = config(args)?;
    let paths = Paths::beside(&path);
    let state = State::load(&paths)?;
    let installed = state.installed.as_ref();
    let lines = [
        format!("repository: {}", updates.repository),
        format!("channel: {}", updates.channel),
        format!(
            "installed: {}",
            installed.map_or("none (the built-in content shows)".to_owned(), |i| format!(
                "content version {} ({}){}",
                i.content_version,
                i.channel,
                if i.reviewed { "" } else { ", not reviewed" }
            ))
        ),
        format!(
            "review by: {}",
            installed
                .and_then(|i| i.review_by.clone())
                .unwrap_or_else(|| "none".to_owned())
        ),
        format!(
            "previous: {}",
            state
                .previous
                .as_ref()
                .map_or("none".to_owned(), |i| format!(
                    "content version {}",
                    i.content_version
                ))
        ),
        format!(
            "last good check: {}",
            state.last_good_check.as_deref().unwrap_or("never")
        ),
        format!(
            "last error: {}",
            state.last_error.as_deref().unwrap_or("none")
        ),
        format!("data folder: {}", paths.data.display()),
    ];
    print_out(&(lines.join("\n") + "\n"))?;
    Ok(())
}
