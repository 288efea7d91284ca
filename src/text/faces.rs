//! Which font families each registered language is set in, read from the
//! languages' manifests (their ordered font stacks and scripts) and kept as one
//! snapshot until a language is registered or replaced.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, RwLock};

use unicode_script::Script;

use crate::lang::{self, Language};

/// One language's faces: its script and its families, its own first, with the
/// size each is set at relative to the text's size.
struct LangFaces {
    script: String,
    families: Vec<(&'static str, f32)>,
}

/// The faces of every registered language.
pub struct Faces {
    langs: Vec<LangFaces>,
    latin: &'static str,
}

static SNAPSHOT: RwLock<Option<(u64, Arc<Faces>)>> = RwLock::new(None);

/// Family names live as long as the process: a handful, interned once each.
fn intern(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock().unwrap_or_else(|p| p.into_inner());
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// The faces of the languages registered now.
pub fn faces() -> Arc<Faces> {
    let generation = lang::generation();
    if let Some((g, faces)) = &*SNAPSHOT.read().unwrap_or_else(|p| p.into_inner())
        && *g == generation
    {
        return faces.clone();
    }
    let langs: Vec<LangFaces> = Language::all()
        .into_iter()
        .map(|l| {
            let manifest = l.manifest();
            LangFaces {
                script: manifest.script.clone(),
                families: manifest
                    .fonts
                    .iter()
                    .map(|f| (intern(&f.family), f.scale))
                    .collect(),
            }
        })
        .collect();
    let latin = langs
        .iter()
        .find(|l| l.script == "Latn")
        .map_or(intern("Noto Sans"), |l| l.families[0].0);
    let faces = Arc::new(Faces { langs, latin });
    *SNAPSHOT.write().unwrap_or_else(|p| p.into_inner()) = Some((generation, faces.clone()));
    faces
}

/// Whether a character of `script` is written in the manifest script `iso`
/// (ISO 15924; "Jpan" is kanji and both kana).
fn covers(iso: &str, script: Script) -> bool {
    match iso {
        "Jpan" => matches!(script, Script::Han | Script::Hiragana | Script::Katakana),
        "Hans" | "Hant" => script == Script::Han,
        _ => script.short_name() == iso,
    }
}

impl Faces {
    /// `lang`'s faces: the snapshot holds every language in registry order.
    fn of(&self, lang: Language) -> &LangFaces {
        &self.langs[lang.index().min(self.langs.len() - 1)]
    }

    /// The family for text in `lang` that has no script of its own.
    pub fn primary(&self, lang: Language) -> &'static str {
        self.of(lang).families[0].0
    }

    /// The family of Latin letters and ASCII digits in every language.
    pub fn latin(&self) -> &'static str {
        self.latin
    }

    /// The family a letter of `script` takes in a paragraph in `lang`: the
    /// language's own for its own script, else that of the first registered
    /// language written in the script; `None` for a script no language has.
    pub fn for_script(&self, lang: Language, script: Script) -> Option<&'static str> {
        let own = self.of(lang);
        if covers(&own.script, script) {
            return Some(own.families[0].0);
        }
        self.langs
            .iter()
            .find(|l| covers(&l.script, script))
            .map(|l| l.families[0].0)
    }

    /// The size `family` is set at relative to the text's size.
    pub fn scale(&self, family: &str) -> f32 {
        self.langs
            .iter()
            .flat_map(|l| &l.families)
            .find(|(f, _)| *f == family)
            .map_or(1.0, |(_, s)| *s)
    }

    /// Every family of every language, each once, in registry order.
    pub fn all(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for (family, _) in self.langs.iter().flat_map(|l| &l.families) {
            if !out.contains(family) {
                out.push(family);
            }
        }
        out
    }
}
