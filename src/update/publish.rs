//! The publishing side: `repo init` (keys and a signed root), `publish` (a bundle
//! as a new target with its metadata re-signed) and `--refresh-timestamp`.

use std::collections::HashMap;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use aws_lc_rs::rand::SystemRandom;
use tough::editor::RepositoryEditor;
use tough::editor::signed::{PathExists, SignedRole};
use tough::schema::{KeyHolder, RoleKeys, RoleType, Root, Target};
use tough::{ExpirationEnforcement, RepositoryLoader, TargetName};

use super::info::{BundleInfo, expires_in_days, metadata_dir, targets_dir};
use super::keys::{self, ONLINE_ROLES};

/// How `repo init` makes a repository.
pub struct InitOptions {
    pub root_keys: u32,
    pub root_threshold: u32,
    pub root_days: u32,
}

/// How long each signed role stands, in days.
#[derive(Clone, Copy)]
pub struct Expiry {
    pub targets_days: u32,
    pub snapshot_days: u32,
    pub timestamp_days: u32,
}

impl Default for Expiry {
    fn default() -> Self {
        Self {
            targets_days: 365,
            snapshot_days: 365,
            timestamp_days: 7,
        }
    }
}

/// Makes the keys in `keys` and a repository at `repo` with a signed root and
/// empty targets.
pub fn init(repo: &Path, keydir: &Path, options: &InitOptions) -> anyhow::Result<()> {
    anyhow::ensure!(
        (1..=options.root_keys).contains(&options.root_threshold) && options.root_keys <= 9,
        "--root-threshold {} of --root-keys {}: give 1 to 9 keys and a threshold no larger",
        options.root_threshold,
        options.root_keys
    );
    anyhow::ensure!(
        !metadata_dir(repo).join("root.json").exists(),
        "{}: a repository is already there",
        repo.display()
    );
    std::fs::create_dir_all(keydir)
        .with_context(|| format!("{}: cannot create the folder", keydir.display()))?;
    let mut root = Root {
        spec_version: "1.0.0".to_owned(),
        consistent_snapshot: true,
        version: NonZeroU64::MIN,
        expires: expires_in_days(options.root_days),
        keys: HashMap::new(),
        roles: HashMap::new(),
        _extra: HashMap::new(),
    };
    let mut add = |role: RoleType, names: Vec<String>, threshold: u32| -> anyhow::Result<()> {
        let mut keyids = Vec::new();
        for name in names {
            let key = keys::generate(&keys::key_path(keydir, &name))?;
            let id = keys::key_id(&key)?;
            root.keys.insert(id.clone(), key);
            keyids.push(id);
        }
        root.roles.insert(
            role,
            RoleKeys {
                keyids,
                threshold: NonZeroU64::new(u64::from(threshold)).unwrap_or(NonZeroU64::MIN),
                _extra: HashMap::new(),
            },
        );
        Ok(())
    };
    let root_names = (1..=options.root_keys)
        .map(|i| format!("root-{i}"))
        .collect();
    add(RoleType::Root, root_names, options.root_threshold)?;
    add(RoleType::Targets, vec!["targets".into()], 1)?;
    add(RoleType::Snapshot, vec!["snapshot".into()], 1)?;
    add(RoleType::Timestamp, vec!["timestamp".into()], 1)?;
    super::block_on(async {
        let signed = keys::sign_root(root, keydir, "the root").await?;
        write_root(repo, &signed).await?;
        std::fs::create_dir_all(targets_dir(repo))?;
        let mut editor = RepositoryEditor::new(metadata_dir(repo).join("root.json")).await?;
        set_versions(&mut editor, [1, 1, 1], Expiry::default())?;
        let online = keys::sources(keydir, &ONLINE_ROLES)?;
        let signed = editor
            .sign(&online)
            .await
            .context("cannot sign the metadata")?;
        signed.write(metadata_dir(repo)).await?;
        anyhow::Ok(())
    })
}

/// Writes `N.root.json` and `root.json` (the latest, what the editor starts from).
async fn write_root(repo: &Path, signed: &SignedRole<Root>) -> anyhow::Result<()> {
    let dir = metadata_dir(repo);
    signed
        .write(&dir, true)
        .await
        .context("cannot write the root")?;
    std::fs::write(dir.join("root.json"), signed.buffer())
        .with_context(|| format!("{}: cannot write root.json", dir.display()))?;
    Ok(())
}

pub(super) fn set_versions(
    editor: &mut RepositoryEditor,
    [targets, snapshot, timestamp]: [u64; 3],
    expiry: Expiry,
) -> anyhow::Result<()> {
    let v = |n: u64| NonZeroU64::new(n).unwrap_or(NonZeroU64::MIN);
    editor
        .targets_version(v(targets))?
        .targets_expires(expires_in_days(expiry.targets_days))?;
    editor
        .snapshot_version(v(snapshot))
        .snapshot_expires(expires_in_days(expiry.snapshot_days))
        .timestamp_version(v(timestamp))
        .timestamp_expires(expires_in_days(expiry.timestamp_days));
    Ok(())
}

/// The repository at `repo` as it stands, verified against its own root but not
/// for expiry (a publisher refreshes what ran out).
pub(super) async fn load_own(repo: &Path) -> anyhow::Result<tough::Repository> {
    let root_path = metadata_dir(repo).join("1.root.json");
    let root = std::fs::read(&root_path).with_context(|| {
        format!(
            "{}: no repository here (run `repo init`)",
            root_path.display()
        )
    })?;
    let meta = super::dir_url(&metadata_dir(repo))?;
    let targets = super::dir_url(&targets_dir(repo))?;
    RepositoryLoader::new(&root, meta, targets)
        .expiration_enforcement(ExpirationEnforcement::Unsafe)
        .load()
        .await
        .with_context(|| format!("{}: the repository does not verify", repo.display()))
}

/// The bundles listed in a repository's targets, by content version.
pub fn bundles(repo: &tough::Repository) -> Vec<(TargetName, Target, BundleInfo)> {
    let mut out: Vec<_> = repo
        .all_targets()
        .filter_map(|(name, target)| {
            BundleInfo::from_custom(&target.custom).map(|i| (name.clone(), target.clone(), i))
        })
        .collect();
    out.sort_by_key(|(_, _, info)| info.content_version);
    out
}

/// What `publish` adds.
pub struct Bundle<'a> {
    pub tar: &'a Path,
    pub info: BundleInfo,
}

/// Adds `bundle` as a new target (refusing a content version not above every
/// earlier one) and re-signs targets, snapshot and timestamp; the bundle is copied
/// in before the metadata that names it, the timestamp written last.
pub fn add_bundle(
    repo: &Path,
    keydir: &Path,
    bundle: Bundle<'_>,
    expiry: Expiry,
) -> anyhow::Result<PathBuf> {
    super::block_on(async {
        let loaded = load_own(repo).await?;
        let highest = bundles(&loaded)
            .last()
            .map_or(0, |(_, _, i)| i.content_version);
        anyhow::ensure!(
            bundle.info.content_version > highest,
            "content version {} is not above the repository's highest, {highest}",
            bundle.info.content_version
        );
        let versions = [
            loaded.targets().signed.version.get() + 1,
            loaded.snapshot().signed.version.get() + 1,
            loaded.timestamp().signed.version.get() + 1,
        ];
        let mut target = Target::from_path(bundle.tar).await?;
        target.custom = bundle.info.to_custom();
        let name = TargetName::new(BundleInfo::target_name(bundle.info.content_version))?;
        let root = metadata_dir(repo).join("root.json");
        let mut editor = RepositoryEditor::from_repo(&root, loaded).await?;
        editor.add_target(name.clone(), target)?;
        set_versions(&mut editor, versions, expiry)?;
        let online = keys::sources(keydir, &ONLINE_ROLES)?;
        let signed = editor
            .sign(&online)
            .await
            .with_context(|| format!("cannot sign with the keys in {}", keydir.display()))?;
        let out = targets_dir(repo);
        std::fs::create_dir_all(&out)?;
        signed
            .copy_target(bundle.tar, &out, PathExists::Skip, Some(&name))
            .await
            .context("cannot copy the bundle into the repository")?;
        signed.write(metadata_dir(repo)).await?;
        anyhow::Ok(out)
    })
}

/// Re-signs the timestamp with a new version, standing `days` days from now.
pub fn refresh_timestamp(repo: &Path, keydir: &Path, days: u32) -> anyhow::Result<jiff::Timestamp> {
    super::block_on(async {
        let loaded = load_own(repo).await?;
        let mut timestamp = loaded.timestamp().signed.clone();
        timestamp.version = timestamp.version.saturating_add(1);
        timestamp.expires = expires_in_days(days);
        let expires = timestamp.expires;
        let signers = keys::sources(keydir, &["timestamp"])?;
        let signed = SignedRole::new(
            timestamp,
            &KeyHolder::Root(loaded.root().signed.clone()),
            &signers,
            &SystemRandom::new(),
        )
        .await
        .context("cannot sign the timestamp")?;
        signed.write(metadata_dir(repo), true).await?;
        anyhow::Ok(expires)
    })
}
