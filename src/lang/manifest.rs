//! A language's manifest, `languages/<tag>/language.ron`: its BCP 47 tag, its name
//! in itself, direction, script, the ordered stack of font families with their
//! files, numbering system, and the smallest font size and line height its script
//! reads well at. Parsed and checked here; errors point into the file as
//! `PATH:LINE:COL: message`.

use serde::Deserialize;

/// Which way paragraphs in the language run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

/// One family of the font stack, with the files that hold its faces.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFamily {
    pub family: String,
    /// File names, in the language's folder or among the bundled fonts.
    pub files: Vec<String>,
    /// Size relative to the text's size, for a script whose letters run small at
    /// the same nominal size (Naskh beside Noto Sans).
    #[serde(default = "one")]
    pub scale: f32,
}

fn one() -> f32 {
    1.0
}

/// What the app needs to show text in one language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// BCP 47 tag, the same as the folder's name.
    pub tag: String,
    /// The language's name written in itself ("العربية").
    pub name: String,
    pub direction: Direction,
    /// ISO 15924 code of the script its letters are in ("Arab", "Beng", "Jpan").
    pub script: String,
    /// The families to shape with, the language's own first.
    pub fonts: Vec<FontFamily>,
    /// CLDR numbering system for numbers the app writes ("latn", "beng", "arabext").
    pub numbering: String,
    /// The smallest font size, in points, text in this script is set at.
    pub min_font_size: f32,
    /// The smallest line height, as a multiple of the font size.
    pub line_height: f32,
}

/// A manifest that could not be used, with where in the file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ManifestError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The numbering systems the app can write digits in.
pub const NUMBERING_SYSTEMS: [&str; 5] = ["latn", "arab", "arabext", "beng", "deva"];

/// Scripts the text engine knows how to pick faces for (ISO 15924).
pub const SCRIPTS: [&str; 7] = ["Latn", "Arab", "Beng", "Jpan", "Deva", "Hans", "Hant"];

impl Manifest {
    /// Parses and checks `text`, the manifest at `path` in the folder named `folder`.
    pub fn parse(path: &str, folder: &str, text: &str) -> Result<Self, ManifestError> {
        let manifest: Manifest = ron::from_str(text).map_err(|e| ManifestError {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let at = |field: &str, message: String| {
            let (line, column) = position(text, field);
            ManifestError {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        };
        if manifest.tag != folder {
            return Err(at(
                "tag",
                format!(
                    "the tag {:?} differs from the folder's name {folder:?}",
                    manifest.tag
                ),
            ));
        }
        if manifest
            .tag
            .parse::<unic_langid::LanguageIdentifier>()
            .is_err()
        {
            return Err(at("tag", format!("{:?} is not a BCP 47 tag", manifest.tag)));
        }
        if manifest.name.trim().is_empty() {
            return Err(at("name", "the name is empty".into()));
        }
        if !SCRIPTS.contains(&manifest.script.as_str()) {
            return Err(at(
                "script",
                format!(
                    "unknown script {:?}; expected one of {}",
                    manifest.script,
                    SCRIPTS.join(", ")
                ),
            ));
        }
        if manifest.fonts.is_empty() || manifest.fonts.iter().any(|f| f.files.is_empty()) {
            return Err(at(
                "fonts",
                "every language needs a font family with files".into(),
            ));
        }
        if let Some(f) = manifest
            .fonts
            .iter()
            .find(|f| !(0.5..=2.0).contains(&f.scale))
        {
            return Err(at(
                "scale",
                format!("{}: scale {} is outside 0.5 to 2", f.family, f.scale),
            ));
        }
        if !NUMBERING_SYSTEMS.contains(&manifest.numbering.as_str()) {
            return Err(at(
                "numbering",
                format!(
                    "unknown numbering system {:?}; expected one of {}",
                    manifest.numbering,
                    NUMBERING_SYSTEMS.join(", ")
                ),
            ));
        }
        if !(6.0..=48.0).contains(&manifest.min_font_size) {
            return Err(at(
                "min_font_size",
                format!("{} is outside 6 to 48 points", manifest.min_font_size),
            ));
        }
        if !(1.0..=3.0).contains(&manifest.line_height) {
            return Err(at(
                "line_height",
                format!("{} is outside 1 to 3", manifest.line_height),
            ));
        }
        Ok(manifest)
    }

    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::RightToLeft
    }
}

/// Line and column (1-based) where `field:` first stands in `text`, or 1:1.
fn position(text: &str, field: &str) -> (usize, usize) {
    let needle = format!("{field}:");
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        if let Some(col) = code.find(&needle) {
            return (i + 1, code[..col].chars().count() + 1);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"(
    tag: "ur",
    name: "اردو",
    direction: RightToLeft,
    script: "Arab",
    fonts: [(family: "Noto Nastaliq Urdu", files: ["NotoNastaliqUrdu-Regular.ttf"])],
    numbering: "arabext",
    min_font_size: 16.0,
    line_height: 2.2,
)"#;

    #[test]
    fn a_good_manifest_parses() {
        let m = Manifest::parse("languages/ur/language.ron", "ur", GOOD).unwrap();
        assert!(m.is_rtl());
        assert_eq!(m.fonts[0].scale, 1.0);
    }

    #[test]
    fn errors_point_at_the_field() {
        let bad = GOOD.replace("2.2", "9.0");
        let e = Manifest::parse("languages/ur/language.ron", "ur", &bad).unwrap_err();
        assert_eq!(
            e.to_string(),
            "languages/ur/language.ron:9:5: 9 is outside 1 to 3"
        );
        let e = Manifest::parse("languages/xx/language.ron", "xx", GOOD).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("languages/xx/language.ron:2:5: the tag")
        );
        let e = Manifest::parse("p", "ur", "(tag: )").unwrap_err();
        assert_eq!((e.line, e.column), (1, 6));
    }
}
