//! One check and install: the repository verified from the trusted root (its
//! metadata kept in `tuf/`, so rollback protection survives a restart), the newest
//! bundle for this channel chosen, streamed into staging, unpacked, checked in
//! full, then swapped in by one rename of the state file, keeping the previous one.

use std::path::Path;

use anyhow::Context as _;
use futures_util::StreamExt as _;
use tough::{Limits, RepositoryLoader};

use super::info::{BundleInfo, MAX_BUNDLE_BYTES, MAX_TIMESTAMP_BYTES, version_older};
use super::state::{Installed, Paths, State, format_time};
use crate::config::Updates;
use crate::content::review::Date;

/// What one check did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing newer for this channel; the installed version, if any.
    UpToDate(Option<u64>),
    /// This content version is now installed.
    Installed(u64),
}

/// Checks the repository once and installs a newer bundle, recording the outcome
/// (the last good check, or the error) in the state beside `config`.
pub fn update_once(config: &Path, updates: &Updates) -> anyhow::Result<Outcome> {
    let paths = Paths::beside(config);
    // One check at a time (the app's own and `update --once`): the lock is the
    // system's, so a process killed mid-install leaves none behind.
    std::fs::create_dir_all(&paths.data)
        .with_context(|| format!("{}: cannot create", paths.data.display()))?;
    let lock_path = paths.data.join("lock");
    let lock = std::fs::File::create(&lock_path)
        .with_context(|| format!("{}: cannot open", lock_path.display()))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            anyhow::bail!(
                "another check or install is running ({} is locked)",
                lock_path.display()
            )
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("{}: cannot lock", lock_path.display()));
        }
    }
    let mut state = State::load(&paths)?;
    let root_path = updates.trusted_root_from(config);
    let result = super::block_on(check_and_install(&paths, &mut state, &root_path, updates))
        .map_err(|e| anyhow::anyhow!(describe(&e)));
    state.latest_seen = state.now();
    match &result {
        Ok(_) => state.last_error = None,
        Err(e) => state.last_error = Some(format!("{}: {e}", format_time(state.now()))),
    }
    // Staging goes first: on a full disk it holds the space the state needs.
    let _ = std::fs::remove_dir_all(paths.staging());
    match (result, state.save(&paths)) {
        (result, Ok(())) => result,
        (Ok(_), Err(saving)) => Err(saving),
        (Err(e), Err(saving)) => Err(anyhow::anyhow!(
            "{e}; and the updater's state cannot be saved: {}",
            describe(&saving)
        )),
    }
}

/// The error on one line: what failed and its first cause (tough's errors repeat
/// their sources in their own text, so the causes between say nothing new).
pub fn describe(error: &anyhow::Error) -> String {
    let first = error.to_string();
    match error.chain().last().map(ToString::to_string) {
        Some(root) if root != first => format!("{first}: {root}"),
        _ => first,
    }
}

/// The repository's `metadata/` and `targets/` addresses under `base`.
fn base_urls(base: &str) -> anyhow::Result<(url::Url, url::Url)> {
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let base = url::Url::parse(&base).with_context(|| format!("{base}: not an address"))?;
    Ok((base.join("metadata/")?, base.join("targets/")?))
}

async fn check_and_install(
    paths: &Paths,
    state: &mut State,
    root_path: &Path,
    updates: &Updates,
) -> anyhow::Result<Outcome> {
    let root = std::fs::read(root_path)
        .with_context(|| format!("{}: cannot read the trusted root", root_path.display()))?;
    std::fs::create_dir_all(paths.tuf())
        .with_context(|| format!("{}: cannot create", paths.tuf().display()))?;
    let (metadata, targets) = base_urls(&updates.repository)?;
    let installed = state.installed.as_ref().map(|i| i.content_version);
    let settled = match &state.settled {
        Some((channel, version)) if *channel == updates.channel && state.last_error.is_none() => {
            Some(*version)
        }
        _ => None,
    };
    let quick = match settled {
        Some(version) => {
            super::quick::nothing_new(&metadata, &paths.tuf(), version, state.now()).await
        }
        None => false,
    };
    if quick {
        state.last_good_check = Some(format_time(jiff::Timestamp::now().as_second()));
        return Ok(Outcome::UpToDate(installed));
    }
    let limits = Limits {
        max_timestamp_size: MAX_TIMESTAMP_BYTES,
        ..Limits::default()
    };
    let repo = RepositoryLoader::new(&root, metadata, targets)
        .datastore(paths.tuf())
        .limits(limits)
        .load()
        .await
        .with_context(|| format!("{}: the repository does not verify", updates.repository))?;
    state.last_good_check = Some(format_time(jiff::Timestamp::now().as_second()));
    let accepted: &[&str] = match updates.channel.as_str() {
        "pilot" => &["pilot", "stable"],
        _ => &["stable"],
    };
    let ours = env!("CARGO_PKG_VERSION");
    let newest = super::publish::bundles(&repo)
        .into_iter()
        .rfind(|(_, _, info)| {
            accepted.contains(&info.channel.as_str()) && !version_older(ours, &info.min_app_version)
        });
    state.settled = None;
    let settled = Some((
        updates.channel.clone(),
        repo.timestamp().signed.version.get(),
    ));
    let Some((name, target, info)) = newest else {
        state.settled = settled;
        return Ok(Outcome::UpToDate(installed));
    };
    if info.content_version <= state.highest_version {
        state.settled = settled;
        return Ok(Outcome::UpToDate(installed));
    }
    let today = Date::from_unix_seconds(state.now());
    if let Some(day) = info.review_by.as_deref() {
        let ends = Date::parse(day).with_context(|| format!("review-by date {day:?}"))?;
        anyhow::ensure!(
            today < ends,
            "bundle {} is past its review-by date {day}; it is not installed",
            info.content_version
        );
    }
    anyhow::ensure!(
        target.length <= MAX_BUNDLE_BYTES,
        "bundle {} is {} bytes; at most {MAX_BUNDLE_BYTES} are installed",
        info.content_version,
        target.length
    );
    // Staging starts empty: what a crash left there is not trusted.
    let staging = paths.staging();
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("{}: cannot create", staging.display()))?;
    let tar_path = staging.join("bundle.tar");
    let mut stream = repo
        .read_target(&name)
        .await
        .context("cannot fetch the bundle")?
        .with_context(|| format!("{} is not in the repository", name.raw()))?;
    {
        let file = std::fs::File::create(&tar_path)
            .with_context(|| format!("{}: cannot create", tar_path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        let mut first = true;
        while let Some(chunk) = stream.next().await {
            let chunk =
                chunk.with_context(|| format!("bundle {} refused", info.content_version))?;
            std::io::Write::write_all(&mut out, &chunk)
                .with_context(|| format!("{}: cannot write", tar_path.display()))?;
            if first {
                std::io::Write::flush(&mut out)?;
                super::abort_point("download");
                first = false;
            }
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
            .with_context(|| format!("{}: cannot write", tar_path.display()))?;
    }
    let content = staging.join("content");
    let tar = std::fs::File::open(&tar_path)?;
    super::bundle::unpack(std::io::BufReader::new(tar), &content, || {
        super::abort_point("unpack")
    })
    .with_context(|| format!("bundle {} cannot be unpacked", info.content_version))?;
    if let Err(errors) = super::check::check_folder(&content, today) {
        let shown: Vec<&str> = errors.iter().take(5).map(String::as_str).collect();
        anyhow::bail!(
            "bundle {} verifies but does not pass the content checks ({} errors): {}",
            info.content_version,
            errors.len(),
            shown.join("; ")
        );
    }
    swap(paths, state, &content, &info, settled)?;
    Ok(Outcome::Installed(info.content_version))
}

/// Moves the checked bundle into `bundles/`, then points the state at it (the one
/// step that changes what the app loads), then removes bundles older than the
/// previous one.
fn swap(
    paths: &Paths,
    state: &mut State,
    content: &Path,
    info: &BundleInfo,
    settled: Option<(String, u64)>,
) -> anyhow::Result<()> {
    let dest = paths.bundle(info.content_version);
    std::fs::create_dir_all(paths.bundles())?;
    if dest.exists() {
        // Left by an install stopped before the state named it.
        std::fs::remove_dir_all(&dest)?;
    }
    std::fs::rename(content, &dest)
        .with_context(|| format!("{}: cannot move the bundle in", dest.display()))?;
    super::abort_point("swap");
    let mut next = state.clone();
    next.previous = next.installed.take();
    next.installed = Some(Installed {
        content_version: info.content_version,
        channel: info.channel.clone(),
        review_by: info.review_by.clone(),
        reviewed: info.reviewed,
    });
    next.highest_version = info.content_version;
    next.last_error = None;
    next.settled = settled;
    next.save(paths)?;
    *state = next;
    let keep: Vec<u64> = [&state.installed, &state.previous]
        .into_iter()
        .flatten()
        .map(|i| i.content_version)
        .collect();
    for entry in std::fs::read_dir(paths.bundles())?.flatten() {
        let name = entry.file_name();
        let version = name
            .to_str()
            .and_then(|n| n.strip_prefix('v')?.parse().ok());
        if version.is_none_or(|v| !keep.contains(&v)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}
