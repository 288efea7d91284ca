//! `clinic-edu narration script|import`: the recording script a clinic's staff read
//! from, and bringing their recordings into the content folder as checked clips.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clinic_edu::Language;
use clinic_edu::audio::{Clip, clip_problem};
use clinic_edu::content::narration::{
    ClipState, Narratable, Sidecar, Voice, clip_state, narratables, text_sha256,
};

use super::print_out;
use crate::cli::NarrationAction;

pub fn narration(action: NarrationAction) -> anyhow::Result<()> {
    match action {
        NarrationAction::Script { lang, content } => script(lang, content.as_deref()),
        NarrationAction::Import {
            recordings,
            lang,
            content,
            computer,
        } => import(&recordings, lang, &content, computer.as_deref()),
    }
}

fn texts(lang: Language, content: Option<&Path>) -> anyhow::Result<Vec<Narratable>> {
    let (library, errors) = clinic_edu::content::load::for_app(content);
    if let Some(dir) = content {
        anyhow::ensure!(
            errors.is_empty(),
            "{} has errors (run `clinic-edu validate {}`): {}",
            dir.display(),
            dir.display(),
            errors[0]
        );
    }
    anyhow::ensure!(
        library.languages().contains(&lang),
        "the content is not complete in {lang}"
    );
    let strings = clinic_edu::i18n::Strings::load(content)?;
    Ok(narratables(&library, &strings, lang))
}

/// Prints each text's id and text, in reading order, with a blank line between.
fn script(lang: Language, content: Option<&Path>) -> anyhow::Result<()> {
    let items = texts(lang, content)?;
    print_out(&format!(
        "# Recording script, {lang}: {} texts. Save each recording as ID.wav (or ID.ogg), one file per text, then run `clinic-edu narration import FOLDER --lang {lang} --content DIR`.\n\n",
        items.len()
    ))?;
    for item in items {
        print_out(&format!("{}\n{}\n\n", item.id, item.text))?;
    }
    Ok(())
}

fn import(
    recordings: &Path,
    lang: Language,
    content: &Path,
    computer: Option<&str>,
) -> anyhow::Result<()> {
    let voice = match computer {
        None => Voice::Recorded,
        Some(spec) => {
            let (engine, voice) = spec
                .split_once(':')
                .context("--computer takes ENGINE:VOICE, e.g. \"espeak-ng 1.51:en\"")?;
            Voice::Computer {
                engine: engine.to_owned(),
                voice: voice.to_owned(),
            }
        }
    };
    let items = texts(lang, Some(content))?;
    let entries = std::fs::read_dir(recordings)
        .with_context(|| format!("cannot read {}", recordings.display()))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let (mut imported, mut kept, mut problems) = (0, 0, 0);
    for file in files {
        let Some((id, ext)) = file
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.rsplit_once('.'))
        else {
            continue;
        };
        if !matches!(ext, "wav" | "ogg") {
            continue;
        }
        let Some(item) = items.iter().find(|i| i.id == id) else {
            print_out(&format!(
                "{}: no text has the id {id:?} (see `clinic-edu narration script --lang {lang}`)\n",
                file.display()
            ))?;
            problems += 1;
            continue;
        };
        // A person's recording is never replaced by a computer voice.
        if matches!(voice, Voice::Computer { .. })
            && clip_state(content, item, false) == ClipState::Present(Voice::Recorded)
        {
            kept += 1;
            continue;
        }
        match import_one(&file, ext, item, content, &voice) {
            Ok(()) => imported += 1,
            Err(why) => {
                print_out(&format!("{}: {why}\n", file.display()))?;
                problems += 1;
            }
        }
    }
    print_out(&format!(
        "{imported} clip(s) imported into {}, {kept} recorded clip(s) kept, {problems} problem(s)\n",
        content.display()
    ))?;
    anyhow::ensure!(problems == 0, "{problems} recording(s) were not imported");
    Ok(())
}

/// Converts (WAV) or takes (Ogg Vorbis) one recording, checks it, and writes the
/// clip and its sidecar.
fn import_one(
    file: &Path,
    ext: &str,
    item: &Narratable,
    content: &Path,
    voice: &Voice,
) -> Result<(), String> {
    let bytes = if ext == "wav" {
        encode_vorbis(file)?
    } else {
        std::fs::read(file).map_err(|e| format!("cannot be read: {e}"))?
    };
    let clip = Clip::decode_vorbis(&bytes)?;
    if let Some(problem) = clip_problem(&clip.stats(), item.text.chars().count()) {
        return Err(problem);
    }
    let target = content.join(&item.clip);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&target, &bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    let sidecar = Sidecar {
        text_sha256: text_sha256(&item.text),
        voice: voice.clone(),
    };
    let sidecar_path = content.join(item.sidecar());
    std::fs::write(&sidecar_path, sidecar.to_ron())
        .map_err(|e| format!("{}: {e}", sidecar_path.display()))
}

/// WAV to Ogg Vorbis with `oggenc` (vorbis-tools), an authoring-time tool: the
/// kiosk only decodes.
fn encode_vorbis(wav: &Path) -> Result<Vec<u8>, String> {
    let out = std::process::Command::new("oggenc")
        .args(["--quiet", "--quality", "3", "--output", "-"])
        .arg(wav)
        .output()
        .map_err(|e| {
            format!("cannot run oggenc to convert WAV ({e}); install vorbis-tools, or give Ogg Vorbis files")
        })?;
    if !out.status.success() {
        return Err(format!(
            "oggenc could not convert it ({}): is it a WAV file? {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}
