//! `assets/content/FORMAT.md` documents every field of the content files: each field
//! (and each variant) of the raw serde types that `topic.ron`, `<lang>.ron`,
//! `questions.ron`, `screening.ron`, `reviews.ron` and the text a review keeps
//! (`reviewed/<topic>/<lang>.ron`) are read into must appear in
//! it. The names are read from the types themselves, through serde, so a field
//! added to a type without a word in FORMAT.md fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use clinic_edu::content::kept::KeptParagraph;
use clinic_edu::content::raw::{LangFile, TopicFile};
use clinic_edu::content::review::ReviewRecord;
use clinic_edu::screening::{Question, TopicRules};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

/// What the tracer found: the fields of each struct and the variants of each enum.
#[derive(Default)]
struct Names {
    fields: BTreeMap<&'static str, BTreeSet<&'static str>>,
    variants: BTreeMap<&'static str, BTreeSet<&'static str>>,
    /// Which variant to take for each enum on this pass.
    pick: usize,
}

#[derive(Debug)]
struct Stop(String);
impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Stop {}
impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Stop(msg.to_string())
    }
}

/// A deserializer that makes up the smallest value of any type and notes the
/// names serde asks for on the way.
struct Tracer<'a>(&'a mut Names);

impl<'de> Deserializer<'de> for Tracer<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_str("en")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_bool(false)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_u32(1)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_u64(1)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_some(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_seq(One(Some(self.0)))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Stop> {
        // A value per language is written as a struct with a field per language.
        let keys: &'static [&'static str] = if name == "PerLang" {
            &["en", "ar", "bn", "ja"]
        } else {
            self.0.fields.entry(name).or_default().extend(fields);
            fields
        };
        v.visit_map(Fields {
            names: self.0,
            keys: keys.iter(),
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Stop> {
        self.0.variants.entry(name).or_default().extend(variants);
        let index = self.0.pick.min(variants.len() - 1);
        v.visit_enum(Variant {
            names: self.0,
            variant: variants[index],
        })
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Stop> {
        v.visit_str("en")
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct map ignored_any
    }
}

/// A list of one element.
struct One<'a>(Option<&'a mut Names>);
impl<'de> de::SeqAccess<'de> for One<'_> {
    type Error = Stop;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        match self.0.take() {
            Some(names) => seed.deserialize(Tracer(names)).map(Some),
            None => Ok(None),
        }
    }
}

/// A struct's fields, each given a made-up value.
struct Fields<'a> {
    names: &'a mut Names,
    keys: std::slice::Iter<'static, &'static str>,
}
impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Stop;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        match self.keys.next() {
            Some(key) => {
                let key: de::value::StrDeserializer<'_, Stop> = (*key).into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Stop> {
        seed.deserialize(Tracer(&mut *self.names))
    }
}

/// One variant of an enum.
struct Variant<'a> {
    names: &'a mut Names,
    variant: &'static str,
}
impl<'de, 'a> de::EnumAccess<'de> for Variant<'a> {
    type Error = Stop;
    type Variant = Self;
    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), Stop> {
        let name: de::value::StrDeserializer<'_, Stop> = self.variant.into_deserializer();
        let value = seed.deserialize(name)?;
        Ok((value, self))
    }
}
impl<'de> de::VariantAccess<'de> for Variant<'_> {
    type Error = Stop;
    fn unit_variant(self) -> Result<(), Stop> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Stop> {
        seed.deserialize(Tracer(self.names))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Stop> {
        v.visit_seq(One(Some(self.names)))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Stop> {
        self.names
            .fields
            .entry(self.variant)
            .or_default()
            .extend(fields);
        v.visit_map(Fields {
            names: self.names,
            keys: fields.iter(),
        })
    }
}

/// Every field and variant name of `T`, taking each enum's variants in turn.
fn trace<T: serde::de::DeserializeOwned>(names: &mut Names) {
    for pick in 0..8 {
        names.pick = pick;
        // A made-up value may fail a type's own check; the names are noted first.
        let _ = T::deserialize(Tracer(&mut *names));
    }
}

#[test]
fn format_md_names_every_field_of_the_content_files() {
    let mut names = Names::default();
    trace::<TopicFile>(&mut names);
    trace::<LangFile>(&mut names);
    trace::<Vec<Question>>(&mut names);
    trace::<TopicRules>(&mut names);
    trace::<Vec<ReviewRecord>>(&mut names);
    trace::<Vec<KeptParagraph>>(&mut names);
    // The tracer reached the nested types too.
    for name in [
        "TimelineStep",
        "CompareRows",
        "SideEffects",
        "Item",
        "ListItem",
        "Para",
        "Rule",
        "KeptParagraph",
    ] {
        assert!(names.fields.contains_key(name), "not traced: {name}");
    }
    assert!(names.variants.contains_key("Step"));

    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content/FORMAT.md"),
    )
    .unwrap();
    let mut missing = Vec::new();
    for (ty, fields) in &names.fields {
        for field in fields {
            // In a RON example (`field:`) or named in running text (`` `field` ``).
            if !doc.contains(&format!("{field}:")) && !doc.contains(&format!("`{field}`")) {
                missing.push(format!("field {ty}.{field}"));
            }
        }
    }
    for (ty, variants) in &names.variants {
        for variant in variants {
            let said = doc.match_indices(variant).any(|(at, _)| {
                let before = doc[..at].chars().next_back();
                let after = doc[at + variant.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if !said {
                missing.push(format!("variant {ty}::{variant}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "assets/content/FORMAT.md does not document: {missing:#?}"
    );
}
