//! UI strings (buttons, titles, messages) in every language, from the Fluent file
//! of each language's folder (`assets/languages/<tag>/main.ftl`). Fluent gives each language its own plural rules, which
//! Arabic needs (six forms).

pub mod msg;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use std::path::Path;

use crate::lang::{Language, PerLang};

/// A problem with an embedded Fluent file.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("missing UI strings file assets/languages/{0}/main.ftl")]
    Missing(Language),
    #[error("{message} in the main.ftl of {lang}")]
    Syntax { lang: Language, message: String },
}

/// The UI strings of every registered language that has them; a language without
/// a file, or without a message, falls back to English.
pub struct Strings {
    bundles: PerLang<FluentBundle<FluentResource>>,
    /// The source of each language's file, for listing its ids.
    sources: PerLang<String>,
}

impl Strings {
    /// Loads the embedded Fluent files.
    pub fn embedded() -> Result<Self, I18nError> {
        Self::load(None)
    }

    /// Loads each registered language's Fluent file: from the clinic folder `dir`
    /// (`DIR/languages/<tag>/main.ftl`) when it has one, else the built-in one.
    /// English must have one; another language may have none.
    pub fn load(dir: Option<&Path>) -> Result<Self, I18nError> {
        let mut bundles = PerLang::default();
        let mut sources = PerLang::default();
        for lang in Language::all() {
            let clinic = dir.and_then(|d| {
                std::fs::read_to_string(d.join("languages").join(lang.code()).join("main.ftl")).ok()
            });
            let Some(source) =
                clinic.or_else(|| crate::lang::builtin_file(lang.code(), "main.ftl"))
            else {
                if lang == Language::fallback() {
                    return Err(I18nError::Missing(lang));
                }
                continue;
            };
            bundles.insert(lang, bundle(lang, source.clone())?);
            sources.insert(lang, source);
        }
        Ok(Self { bundles, sources })
    }

    /// The string `id` in `lang`.
    pub fn get(&self, lang: Language, id: &str) -> String {
        self.format(lang, id, None)
    }

    /// The string `id` in `lang` with `args` filled in; falls back to English, and
    /// to the id itself, so a missing translation shows up without crashing.
    pub fn format(&self, lang: Language, id: &str, args: Option<&FluentArgs>) -> String {
        for lang in [lang, Language::fallback()] {
            let bundle = self.bundles.get(lang);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        format!("[{id}]")
    }

    /// The name of `lang` in the UI language `ui` (its `lang-<tag>` message), or the
    /// language's name in itself when no file has that message.
    pub fn language_name(&self, ui: Language, lang: Language) -> String {
        let id = msg::language(lang);
        [ui, Language::fallback()]
            .into_iter()
            .find(|l| self.bundles.get(*l).has_message(&id))
            .map_or_else(|| lang.native_name().to_owned(), |l| self.get(l, &id))
    }

    /// `n` written with the digits usual for `lang` (Bengali digits in Bengali).
    pub fn number(&self, lang: Language, n: u32) -> String {
        localize_digits(lang, &n.to_string())
    }

    /// "3" or "3–5" in `lang`'s digits.
    pub fn range(&self, lang: Language, min: u32, max: u32) -> String {
        if min == max {
            self.number(lang, min)
        } else {
            format!("{}–{}", self.number(lang, min), self.number(lang, max))
        }
    }

    /// A message that takes a `range` ("3–5") and a `max` for choosing the plural form.
    pub fn counted(&self, lang: Language, id: &str, min: u32, max: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("range", self.range(lang, min, max));
        args.set("max", max);
        args.set("min", min);
        self.format(lang, id, Some(&args))
    }

    /// A message with one named string argument.
    pub fn with_arg(
        &self,
        lang: Language,
        id: &str,
        name: &'static str,
        value: impl Into<String>,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(name, value.into());
        self.format(lang, id, Some(&args))
    }

    /// Ids of the messages defined for `lang`, sorted.
    pub fn ids(&self, lang: Language) -> Vec<String> {
        let source = self.sources.get_exact(lang).cloned().unwrap_or_default();
        let mut ids: Vec<String> = source
            .lines()
            .filter_map(|line| {
                let (id, _) = line.split_once('=')?;
                let id = id.trim();
                (!line.starts_with([' ', '#', '\t', '.'])
                    && !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .then(|| id.to_owned())
            })
            .collect();
        ids.sort();
        ids
    }
}

/// One language's bundle from its Fluent source.
fn bundle(lang: Language, source: String) -> Result<FluentBundle<FluentResource>, I18nError> {
    let resource = FluentResource::try_new(source).map_err(|(_, errors)| I18nError::Syntax {
        lang,
        message: errors
            .iter()
            .map(|e| format!("{:?} at byte {}", e.kind, e.pos.start))
            .collect::<Vec<_>>()
            .join("; "),
    })?;
    let langid = lang
        .code()
        .parse()
        .expect("a manifest's tag is a valid language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // No isolation marks around arguments: every string is laid out by the
    // Unicode bidi algorithm alone, with nothing added (see crate::text).
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| I18nError::Syntax {
            lang,
            message: format!("{errors:?}"),
        })?;
    Ok(bundle)
}

/// Rewrites each number in `text` (a run of ASCII digits) in the language's
/// numbering system (its manifest's `numbering`: Bengali digits for `beng`, Urdu's
/// for `arabext`), formatted by ICU4X, without grouping separators. Anything else
/// in `text` is left as it is.
pub fn localize_digits(lang: Language, text: &str) -> String {
    let Some(formatter) = numbers::formatter(lang) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let digits = &rest[start..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        match digits[..end].parse::<u64>() {
            // Leading zeros are part of what is written ("007"), so such a run is
            // written digit by digit.
            Ok(n) if !(end > 1 && digits.starts_with('0')) => {
                out.push_str(&formatter.format(&n.into()).to_string());
            }
            _ => {
                for c in digits[..end].chars() {
                    let d = u64::from(c.to_digit(10).unwrap_or(0));
                    out.push_str(&formatter.format(&d.into()).to_string());
                }
            }
        }
        rest = &digits[end..];
    }
    out.push_str(rest);
    out
}

/// ICU4X's decimal formatters, one per language and thread, made on first use
/// (a formatter holds reference-counted data, so each thread keeps its own).
mod numbers {
    use std::cell::RefCell;
    use std::rc::Rc;

    use icu_decimal::DecimalFormatter;
    use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
    use icu_locale_core::Locale;

    use crate::lang::Language;

    type Cache = Vec<(String, Option<Rc<DecimalFormatter>>)>;

    thread_local! {
        static CACHE: RefCell<Cache> = const { RefCell::new(Vec::new()) };
    }

    /// The formatter for `lang`'s numbering system, or `None` for Latin digits
    /// (nothing to rewrite) or a locale ICU4X has no data for.
    pub fn formatter(lang: Language) -> Option<Rc<DecimalFormatter>> {
        let manifest = lang.manifest();
        if manifest.numbering == "latn" {
            return None;
        }
        let key = format!("{}-u-nu-{}", manifest.tag, manifest.numbering);
        CACHE.with_borrow_mut(|cache| {
            if let Some((_, f)) = cache.iter().find(|(k, _)| *k == key) {
                return f.clone();
            }
            let made = key.parse::<Locale>().ok().and_then(|locale| {
                let mut options = DecimalFormatterOptions::default();
                options.grouping_strategy = Some(GroupingStrategy::Never);
                DecimalFormatter::try_new((&locale).into(), options)
                    .ok()
                    .map(Rc::new)
            });
            cache.push((key, made.clone()));
            made
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let strings = Strings::embedded().unwrap();
        let sessions = |lang, min, max| strings.counted(lang, msg::TIMELINE_SESSIONS, min, max);
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(plain(sessions(Language::fallback(), 1, 1)), "1 session");
        assert_eq!(plain(sessions(Language::fallback(), 3, 5)), "3–5 sessions");
        assert_eq!(plain(sessions(Language::builtin("ar"), 1, 1)), "جلسة واحدة");
        assert_eq!(plain(sessions(Language::builtin("ar"), 3, 5)), "3–5 جلسات");
        assert_eq!(plain(sessions(Language::builtin("ar"), 12, 12)), "12 جلسة");
        assert_eq!(plain(sessions(Language::builtin("ar"), 2, 2)), "جلستان");
        assert_eq!(plain(sessions(Language::builtin("ar"), 1, 2)), "1–2 جلسات");
        let weeks = |min, max| {
            plain(strings.counted(Language::builtin("ar"), msg::DURATION_WEEKS, min, max))
        };
        assert_eq!(weeks(2, 2), "أسبوعين");
        assert_eq!(weeks(3, 6), "3–6 أسابيع");
        assert_eq!(weeks(12, 12), "12 أسبوعًا");
        assert_eq!(plain(sessions(Language::builtin("bn"), 3, 5)), "৩–৫টি সেশন");
        assert_eq!(plain(sessions(Language::builtin("ja"), 3, 3)), "3回");
    }

    #[test]
    fn numbers_follow_the_numbering_system_by_icu4x() {
        let bn = Language::builtin("bn");
        assert_eq!(
            localize_digits(bn, "12 and 3–5 [1, 10]"),
            "১২ and ৩–৫ [১, ১০]"
        );
        assert_eq!(localize_digits(bn, "100000"), "১০০০০০", "no grouping");
        assert_eq!(localize_digits(bn, "007"), "০০৭");
        assert_eq!(
            localize_digits(Language::builtin("ar"), "3-5"),
            "3-5",
            "latn"
        );
    }

    #[test]
    fn strings_are_translated() {
        let strings = Strings::embedded().unwrap();
        assert_eq!(
            strings.get(Language::builtin("ar"), msg::LANGUAGE_LABEL),
            "اللغة"
        );
        assert_eq!(
            strings.get(Language::builtin("ja"), msg::LANGUAGE_LABEL),
            "言語"
        );
        assert_eq!(
            strings.get(Language::fallback(), "no-such-string"),
            "[no-such-string]"
        );
    }
}
