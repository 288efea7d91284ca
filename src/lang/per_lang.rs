//! [`PerLang`], the one shape of "a value in each language": a text in every
//! language, a Fluent bundle each, a topic's text in each. In RON it is written
//! `(en: ..., ar: ..., ur: ...)` with any registered tags.

use std::fmt;

use super::Language;

/// One value per language, in the registry's order.
#[derive(Clone, PartialEq, Eq)]
pub struct PerLang<T> {
    values: Vec<(Language, T)>,
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        Self { values: Vec::new() }
    }
}

impl<T: fmt::Debug> fmt::Debug for PerLang<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.values.iter().map(|(l, v)| (l.code(), v)))
            .finish()
    }
}

impl<T> PerLang<T> {
    /// The value for each registered language from `f`.
    pub fn from_fn(mut f: impl FnMut(Language) -> T) -> Self {
        Self {
            values: Language::all().into_iter().map(|l| (l, f(l))).collect(),
        }
    }

    /// The value in `lang`, if it has one.
    pub fn get_exact(&self, lang: Language) -> Option<&T> {
        self.values.iter().find(|(l, _)| *l == lang).map(|(_, v)| v)
    }

    /// The value in `lang`, or in the fallback language when `lang` has none.
    ///
    /// # Panics
    /// When neither has one: validation refuses such a value before it is used.
    pub fn get(&self, lang: Language) -> &T {
        self.get_exact(lang)
            .or_else(|| self.get_exact(Language::fallback()))
            .unwrap_or_else(|| panic!("no value in {lang} nor in the fallback language"))
    }

    pub fn get_mut(&mut self, lang: Language) -> Option<&mut T> {
        self.values
            .iter_mut()
            .find(|(l, _)| *l == lang)
            .map(|(_, v)| v)
    }

    /// Sets the value in `lang`.
    pub fn insert(&mut self, lang: Language, value: T) {
        match self.get_mut(lang) {
            Some(slot) => *slot = value,
            None => {
                self.values.push((lang, value));
                self.values.sort_by_key(|(l, _)| *l);
            }
        }
    }

    /// Whether `lang` has a value.
    pub fn contains(&self, lang: Language) -> bool {
        self.get_exact(lang).is_some()
    }

    /// Each language with its value, in the registry's order.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &T)> {
        self.values.iter().map(|(l, v)| (*l, v))
    }
}

impl<T> PerLang<Option<T>> {
    /// Every registered language's value, or `None` if any language has none.
    pub fn all(self) -> Option<PerLang<T>> {
        let mut mine = self.values;
        let mut values = Vec::new();
        for lang in Language::all() {
            let i = mine.iter().position(|(l, _)| *l == lang)?;
            let (_, value) = mine.swap_remove(i);
            values.push((lang, value?));
        }
        Some(PerLang { values })
    }
}

impl<T: serde::Serialize> serde::Serialize for PerLang<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.values.len()))?;
        for (lang, value) in &self.values {
            map.serialize_entry(lang.code(), value)?;
        }
        map.end()
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for PerLang<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = PerLang<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value per language, as (en: ..., ar: ...)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<PerLang<T>, A::Error> {
                let mut out = PerLang::default();
                while let Some(tag) = map.next_key::<String>()? {
                    let lang: Language = tag.parse().map_err(serde::de::Error::custom)?;
                    if out.contains(lang) {
                        return Err(serde::de::Error::custom(format!("{tag} is given twice")));
                    }
                    let value = map.next_value()?;
                    out.insert(lang, value);
                }
                Ok(out)
            }
        }
        // RON writes it as a struct with a field per language; JSON as a map.
        d.deserialize_struct("PerLang", &[], Visitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Language {
        Language::from_tag(tag).unwrap()
    }

    #[test]
    fn per_lang_reads_back_what_it_was_built_with() {
        let codes = PerLang::from_fn(Language::code);
        for (lang, code) in codes.iter() {
            assert_eq!(*code, lang.code());
        }
        let parsed: PerLang<String> =
            ron::from_str(r#"(en: "a", ar: "b", bn: "c", ja: "d")"#).unwrap();
        assert_eq!(parsed.get(lang("bn")), "c");
        let partial = PerLang::from_fn(|l| (l != lang("ja")).then_some(1));
        assert!(partial.all().is_none());
        let full = PerLang::from_fn(|_| Some(1)).all().unwrap();
        assert_eq!(full.iter().count(), Language::all().len());
    }

    #[test]
    fn a_missing_language_falls_back_and_an_unknown_one_is_refused() {
        let parsed: PerLang<String> = ron::from_str(r#"(en: "a", ar: "b")"#).unwrap();
        assert_eq!(parsed.get(lang("ja")), "a");
        assert_eq!(parsed.get_exact(lang("ja")), None);
        let e = ron::from_str::<PerLang<String>>(r#"(en: "a", xx: "b")"#).unwrap_err();
        assert!(e.to_string().contains("unknown language \"xx\""), "{e}");
        assert!(ron::from_str::<PerLang<String>>(r#"(en: "a", en: "b")"#).is_err());
    }
}
