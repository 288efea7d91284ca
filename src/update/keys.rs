//! A repository's signing keys in KEYDIR: Ed25519, one PKCS#8 file per key
//! (`root-1.pk8` ... `root-N.pk8`, `targets.pk8`, `snapshot.pk8`, `timestamp.pk8`),
//! readable by tough's and tuftool's local key source.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair as _};
use tough::key_source::{KeySource, LocalKeySource};
use tough::schema::decoded::{Decoded, Hex};
use tough::schema::key::{Ed25519Key, Ed25519Scheme, Key};

/// The online roles, each with one key of its own.
pub const ONLINE_ROLES: [&str; 3] = ["targets", "snapshot", "timestamp"];

/// The file of `role`'s key (`root-2.pk8` for the second root key).
pub fn key_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.pk8"))
}

/// Makes a new key at `path` (never over an existing one), readable by its owner only.
pub fn generate(path: &Path) -> anyhow::Result<Key> {
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng)
        .map_err(|_| anyhow::anyhow!("could not make an Ed25519 key"))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("{}: cannot create the key file", path.display()))?;
    std::io::Write::write_all(&mut file, pkcs8.as_ref())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("{}: cannot write the key file", path.display()))?;
    public_key(path)
}

/// The TUF public key of the key file at `path`.
pub fn public_key(path: &Path) -> anyhow::Result<Key> {
    let bytes =
        std::fs::read(path).with_context(|| format!("{}: cannot read the key", path.display()))?;
    let pair = Ed25519KeyPair::from_pkcs8(&bytes)
        .map_err(|_| anyhow::anyhow!("{}: not an Ed25519 PKCS#8 key", path.display()))?;
    Ok(Key::Ed25519 {
        keyval: Ed25519Key {
            public: pair.public_key().as_ref().to_vec().into(),
            _extra: Default::default(),
        },
        scheme: Ed25519Scheme::Ed25519,
        _extra: Default::default(),
    })
}

/// The key's id, as TUF computes it (SHA-256 of its canonical JSON).
pub fn key_id(key: &Key) -> anyhow::Result<Decoded<Hex>> {
    key.key_id().context("cannot compute a key id")
}

/// Key sources for the files in `dir` whose names start with one of `names`
/// (`root` takes `root-1.pk8`, `root-2.pk8`...), sorted by file name.
pub fn sources(dir: &Path, names: &[&str]) -> anyhow::Result<Vec<Box<dyn KeySource>>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the keys", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            p.extension().is_some_and(|e| e == "pk8")
                && names
                    .iter()
                    .any(|n| stem == *n || stem.starts_with(&format!("{n}-")))
        })
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| Box::new(LocalKeySource { path }) as Box<dyn KeySource>)
        .collect())
}

/// `root` signed by the root keys in `dir` (the `root-*.pk8` files there); `what`
/// names it in the error.
pub async fn sign_root(
    root: tough::schema::Root,
    dir: &Path,
    what: &str,
) -> anyhow::Result<tough::editor::signed::SignedRole<tough::schema::Root>> {
    let signers = sources(dir, &["root"])?;
    tough::editor::signed::SignedRole::new(
        root.clone(),
        &tough::schema::KeyHolder::Root(root),
        &signers,
        &aws_lc_rs::rand::SystemRandom::new(),
    )
    .await
    .with_context(|| format!("cannot sign {what}"))
}
