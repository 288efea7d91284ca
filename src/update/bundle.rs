//! A bundle: the content folder as one uncompressed tar, written and read as a
//! stream (never whole in memory), unpacked only as plain files and folders below
//! the target folder.

use std::io::{BufWriter, Read};
use std::path::{Component, Path};

use anyhow::Context as _;

/// The most files one bundle may hold.
pub const MAX_FILES: usize = 100_000;

/// Writes `dir`'s files (not hidden ones, not links) as a tar at `out`.
pub fn pack(dir: &Path, out: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::create(out)
        .with_context(|| format!("{}: cannot create the bundle", out.display()))?;
    let mut tar = tar::Builder::new(BufWriter::new(file));
    tar.mode(tar::HeaderMode::Deterministic);
    let mut files = Vec::new();
    walk(dir, Path::new(""), &mut files)?;
    files.sort();
    for rel in files {
        let path = dir.join(&rel);
        tar.append_path_with_name(&path, &rel)
            .with_context(|| format!("{}: cannot add it to the bundle", path.display()))?;
    }
    let writer = tar.into_inner().context("cannot finish the bundle")?;
    let file = writer
        .into_inner()
        .map_err(|e| e.into_error())
        .context("cannot write the bundle")?;
    file.sync_all().context("cannot write the bundle")?;
    Ok(())
}

fn walk(dir: &Path, rel: &Path, out: &mut Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    let here = dir.join(rel);
    for entry in
        std::fs::read_dir(&here).with_context(|| format!("{}: cannot read", here.display()))?
    {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        let path = rel.join(&name);
        if kind.is_dir() {
            walk(dir, &path, out)?;
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Unpacks the tar read from `from` into the empty folder `into`: plain files and
/// folders only, every path relative and below `into`. `after_first` runs once the
/// first file is written (the test hook that stops the process mid-unpack).
pub fn unpack(from: impl Read, into: &Path, after_first: impl Fn()) -> anyhow::Result<usize> {
    std::fs::create_dir_all(into)
        .with_context(|| format!("{}: cannot create the folder", into.display()))?;
    let mut archive = tar::Archive::new(from);
    let mut count = 0;
    for entry in archive.entries().context("the bundle is not a tar")? {
        let mut entry = entry.context("the bundle is not a tar")?;
        let path = entry.path().context("a name in the bundle")?.into_owned();
        let safe = path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        anyhow::ensure!(
            safe,
            "the bundle names {}, outside its folder",
            path.display()
        );
        match entry.header().entry_type() {
            tar::EntryType::Directory => {
                std::fs::create_dir_all(into.join(&path))?;
                continue;
            }
            tar::EntryType::Regular => {}
            other => anyhow::bail!(
                "{}: the bundle holds a {other:?}, not a file",
                path.display()
            ),
        }
        count += 1;
        anyhow::ensure!(
            count <= MAX_FILES,
            "the bundle holds more than {MAX_FILES} files"
        );
        let target = into.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create the folder", parent.display()))?;
        }
        let mut out = std::fs::File::create(&target)
            .with_context(|| format!("{}: cannot create the file", target.display()))?;
        std::io::copy(&mut entry, &mut out)
            .with_context(|| format!("{}: cannot write the file", target.display()))?;
        if count == 1 {
            after_first();
        }
    }
    Ok(count)
}
