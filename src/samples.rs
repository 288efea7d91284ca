//! Sample text for the Scripts page, from `assets/samples.ron`.

use serde::Deserialize;

use crate::assets::Assets;
use crate::lang::{Language, PerLang};

/// One language's sample.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub bullets: Vec<String>,
    pub button: String,
}

impl Sample {
    /// Every string of the sample, in reading order.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.heading.as_str())
            .chain(self.paragraphs.iter().map(String::as_str))
            .chain(self.bullets.iter().map(String::as_str))
            .chain(std::iter::once(self.button.as_str()))
    }
}

/// The samples of all four languages.
#[derive(Clone, Debug)]
pub struct Samples(PerLang<Sample>);

impl Samples {
    /// Parses the embedded `assets/samples.ron`.
    pub fn embedded() -> Result<Self, String> {
        let source = Assets::text("samples.ron").ok_or("assets/samples.ron is not embedded")?;
        ron::from_str(&source).map(Samples).map_err(|e| {
            format!(
                "assets/samples.ron:{}:{}: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })
    }

    pub fn get(&self, lang: Language) -> &Sample {
        self.0.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_samples_parse() {
        let samples = Samples::embedded().unwrap();
        for lang in Language::all() {
            assert!(samples.get(lang).strings().count() >= 5);
        }
    }
}
