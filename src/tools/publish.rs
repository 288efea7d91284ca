//! `clinic-edu repo init|rotate-key` and `clinic-edu publish`: make a signed
//! content repository, and add a checked, reviewed content folder to it as a
//! bundle (README, "Updating many kiosks").

use std::path::Path;

use anyhow::Context as _;
use clinic_edu::content::review::Date;
use clinic_edu::update::info::{BundleInfo, targets_dir};
use clinic_edu::update::publish::{self, Bundle, Expiry, InitOptions};
use clinic_edu::update::{bundle, check, rotate};

use super::print_out;
use crate::cli::RepoAction;

pub fn repo(action: RepoAction) -> anyhow::Result<()> {
    match action {
        RepoAction::Init {
            repo,
            keys,
            root_keys,
            root_threshold,
            root_days,
        } => {
            publish::init(
                &repo,
                &keys,
                &InitOptions {
                    root_keys,
                    root_threshold,
                    root_days,
                },
            )?;
            print_out(&format!(
                "{}: a repository with no bundles; its keys are in {} ({root_threshold} of {root_keys} root keys sign a new root).\n\
                 Install {} on each kiosk as its trusted root; keep the root-*.pk8 keys offline, apart.\n",
                repo.display(),
                keys.display(),
                repo.join("metadata").join("1.root.json").display()
            ))?;
            Ok(())
        }
        RepoAction::RotateKey {
            repo,
            keys,
            role,
            root_days,
        } => {
            let version = rotate::rotate_key(&repo, &keys, &role, root_days)?;
            print_out(&format!(
                "{}: root version {version} replaces the {role} key; the old key is in {}\n",
                repo.display(),
                keys.join("revoked").display()
            ))?;
            Ok(())
        }
    }
}

/// What `publish` was asked.
pub struct PublishArgs<'a> {
    pub content: Option<&'a Path>,
    pub repo: &'a Path,
    pub keys: &'a Path,
    pub channel: &'a str,
    pub allow_unreviewed: bool,
    pub refresh_timestamp: bool,
    pub timestamp_days: u32,
}

pub fn publish(args: &PublishArgs<'_>) -> anyhow::Result<()> {
    let expiry = Expiry {
        timestamp_days: args.timestamp_days,
        ..Expiry::default()
    };
    if args.refresh_timestamp {
        let expires = publish::refresh_timestamp(args.repo, args.keys, args.timestamp_days)?;
        print_out(&format!(
            "{}: the timestamp is re-signed; it stands until {expires}\n",
            args.repo.display()
        ))?;
        return Ok(());
    }
    anyhow::ensure!(
        clinic_edu::config::CHANNELS.contains(&args.channel),
        "--channel {}: give pilot or stable",
        args.channel
    );
    let dir = args.content.context("give --content DIR")?;
    let checked = check::check_folder(dir, Date::today()).map_err(|errors| {
        anyhow::anyhow!(
            "{} fails validation; nothing was published:\n{}",
            dir.display(),
            errors.join("\n")
        )
    })?;
    if !checked.unreviewed.is_empty() && !args.allow_unreviewed {
        anyhow::bail!(
            "{} has texts not reviewed or changed since review; nothing was published \
             (record reviews with `clinic-edu review`, or give --allow-unreviewed):\n{}",
            dir.display(),
            checked.unreviewed.join("\n")
        );
    }
    let version = next_version(args.repo)?;
    let staging = args.repo.join(".publishing");
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("{}: cannot create", staging.display()))?;
    let tar = staging.join(BundleInfo::target_name(version));
    bundle::pack(dir, &tar)?;
    let info = BundleInfo {
        content_version: version,
        channel: args.channel.to_owned(),
        review_by: checked.review_by.map(|d| d.to_string()),
        min_app_version: env!("CARGO_PKG_VERSION").to_owned(),
        languages: checked.languages.clone(),
        reviewed: checked.unreviewed.is_empty(),
    };
    let result = publish::add_bundle(
        args.repo,
        args.keys,
        Bundle {
            tar: &tar,
            info: info.clone(),
        },
        expiry,
    );
    let _ = std::fs::remove_dir_all(&staging);
    result?;
    print_out(&format!(
        "{}: published content version {version} on {} (review by {}, languages {}); \
         upload {} and {} to the host, targets first\n",
        args.repo.display(),
        info.channel,
        info.review_by.as_deref().unwrap_or("none: not reviewed"),
        info.languages.join(", "),
        targets_dir(args.repo).display(),
        args.repo.join("metadata").display(),
    ))?;
    Ok(())
}

/// One above the repository's highest content version.
fn next_version(repo: &Path) -> anyhow::Result<u64> {
    let loaded = clinic_edu::update::block_on_load_own(repo)?;
    Ok(publish::bundles(&loaded)
        .last()
        .map_or(1, |(_, _, i)| i.content_version + 1))
}
