//! `repo rotate-key`: replaces one role's key (a stolen or leaving one) by a new
//! key in a new root version, signed by the root keys at hand (enough for the old
//! root's threshold and the new one's), then re-signs the online roles. The old
//! key file is moved to `KEYDIR/revoked/`.

use std::path::Path;

use anyhow::Context as _;
use tough::editor::RepositoryEditor;
use tough::schema::RoleType;

use super::info::{expires_in_days, metadata_dir};
use super::keys::{self, ONLINE_ROLES};
use super::publish::{Expiry, load_own, set_versions};

/// Replaces the key named `name` (`timestamp`, `targets`, `snapshot`, `root-2`...)
/// and returns the new root's version.
pub fn rotate_key(repo: &Path, keydir: &Path, name: &str, root_days: u32) -> anyhow::Result<u64> {
    let role = match name {
        "targets" => RoleType::Targets,
        "snapshot" => RoleType::Snapshot,
        "timestamp" => RoleType::Timestamp,
        n if n
            .strip_prefix("root-")
            .is_some_and(|i| i.parse::<u32>().is_ok()) =>
        {
            RoleType::Root
        }
        _ => anyhow::bail!("--role {name:?}: give targets, snapshot, timestamp or root-N"),
    };
    let old_path = keys::key_path(keydir, name);
    let old_key = keys::public_key(&old_path)?;
    super::block_on(async {
        let loaded = load_own(repo).await?;
        let mut root = loaded.root().signed.clone();
        let old_id = keys::key_id(&old_key)?;
        anyhow::ensure!(
            root.roles
                .get(&role)
                .is_some_and(|r| r.keyids.contains(&old_id)),
            "{}: this key is not the repository's {name} key",
            old_path.display()
        );
        let revoked = keydir.join("revoked");
        std::fs::create_dir_all(&revoked)?;
        let moved = revoked.join(format!("{name}-root-v{}.pk8", root.version));
        std::fs::rename(&old_path, &moved)
            .with_context(|| format!("{}: cannot move the old key", old_path.display()))?;
        let new_key = keys::generate(&old_path)?;
        let new_id = keys::key_id(&new_key)?;
        root.keys.remove(&old_id);
        root.keys.insert(new_id.clone(), new_key);
        if let Some(role_keys) = root.roles.get_mut(&role) {
            role_keys.keyids.retain(|k| *k != old_id);
            role_keys.keyids.push(new_id);
        }
        root.version = root.version.saturating_add(1);
        root.expires = expires_in_days(root_days);
        let version = root.version.get();
        let signed = keys::sign_root(root, keydir, "the new root").await?;
        let dir = metadata_dir(repo);
        signed.write(&dir, true).await?;
        std::fs::write(dir.join("root.json"), signed.buffer())?;
        let versions = [
            loaded.targets().signed.version.get() + 1,
            loaded.snapshot().signed.version.get() + 1,
            loaded.timestamp().signed.version.get() + 1,
        ];
        let mut editor = RepositoryEditor::from_repo(dir.join("root.json"), loaded).await?;
        set_versions(&mut editor, versions, Expiry::default())?;
        let online = keys::sources(keydir, &ONLINE_ROLES)?;
        let resigned = editor.sign(&online).await.context("cannot re-sign")?;
        resigned.write(&dir).await?;
        anyhow::Ok(version)
    })
}
