//! A bounded cache of layouts, keyed by everything a layout depends on (text,
//! language, style, width, pixels-per-point); the least recently used go first.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::layout::{TextLayout, TextStyle};
use crate::lang::Language;

/// What a layout depends on.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    text: String,
    lang: Language,
    size: u32,
    line_height: u32,
    bold: bool,
    width: Option<u32>,
    pixels_per_point: u32,
}

impl Key {
    fn hash_of(text: &str, lang: Language, style: TextStyle, width: Option<f32>, ppp: f32) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        lang.hash(&mut h);
        style.size.to_bits().hash(&mut h);
        style.line_height.to_bits().hash(&mut h);
        style.bold.hash(&mut h);
        width.map(f32::to_bits).hash(&mut h);
        ppp.to_bits().hash(&mut h);
        h.finish()
    }

    fn matches(
        &self,
        text: &str,
        lang: Language,
        style: TextStyle,
        width: Option<f32>,
        ppp: f32,
    ) -> bool {
        self.text == text
            && self.lang == lang
            && self.size == style.size.to_bits()
            && self.line_height == style.line_height.to_bits()
            && self.bold == style.bold
            && self.width == width.map(f32::to_bits)
            && self.pixels_per_point == ppp.to_bits()
    }
}

struct CacheEntry {
    key: Key,
    layout: Arc<TextLayout>,
    last_used: u64,
}

/// Layouts keyed by text, language, style, width and pixels-per-point, holding at
/// most `capacity` of them; the least recently used go first.
pub struct LayoutCache {
    entries: HashMap<u64, CacheEntry>,
    capacity: usize,
    clock: u64,
    hits: u64,
    misses: u64,
}

impl LayoutCache {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: HashMap::new(),
            capacity: capacity.max(1),
            clock: 0,
            hits: 0,
            misses: 0,
        }
    }

    /// The cached layout, or a new one made with `make` and remembered.
    pub fn get_or_insert_with(
        &mut self,
        text: &str,
        lang: Language,
        style: TextStyle,
        width: Option<f32>,
        ppp: f32,
        make: impl FnOnce() -> TextLayout,
    ) -> Arc<TextLayout> {
        self.clock += 1;
        let hash = Key::hash_of(text, lang, style, width, ppp);
        if let Some(entry) = self.entries.get_mut(&hash)
            && entry.key.matches(text, lang, style, width, ppp)
        {
            entry.last_used = self.clock;
            self.hits += 1;
            return entry.layout.clone();
        }
        self.misses += 1;
        let layout = Arc::new(make());
        if self.entries.len() >= self.capacity && !self.entries.contains_key(&hash) {
            self.evict_oldest_quarter();
        }
        self.entries.insert(
            hash,
            CacheEntry {
                key: Key {
                    text: text.to_owned(),
                    lang,
                    size: style.size.to_bits(),
                    line_height: style.line_height.to_bits(),
                    bold: style.bold,
                    width: width.map(f32::to_bits),
                    pixels_per_point: ppp.to_bits(),
                },
                layout: layout.clone(),
                last_used: self.clock,
            },
        );
        layout
    }

    /// Removes the least recently used quarter (at least one entry), so eviction
    /// work is spread over many insertions.
    fn evict_oldest_quarter(&mut self) {
        let mut ages: Vec<u64> = self.entries.values().map(|e| e.last_used).collect();
        let n = (ages.len() / 4).max(1);
        let (_, &mut cutoff, _) = ages.select_nth_unstable(n - 1);
        self.entries.retain(|_, e| e.last_used > cutoff);
    }

    /// Number of layouts held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// (hits, misses) since creation.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }

    /// Forgets every layout.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dummy(width: f32) -> TextLayout {
        TextLayout {
            lines: Vec::new(),
            width,
            height: 0.0,
            rtl: false,
            pixels_per_point: 1.0,
        }
    }

    #[test]
    fn cache_key_includes_every_input() {
        let mut cache = LayoutCache::new(16);
        let style = TextStyle::regular(16.0);
        let mut made = 0;
        let en = Language::fallback();
        let mut get = |cache: &mut LayoutCache, text: &str, lang, style, width, ppp| {
            cache.get_or_insert_with(text, lang, style, width, ppp, || {
                made += 1;
                dummy(0.0)
            });
        };
        get(&mut cache, "a", en, style, Some(100.0), 1.0);
        get(&mut cache, "a", en, style, Some(100.0), 1.0);
        get(&mut cache, "b", en, style, Some(100.0), 1.0);
        let (ar, bold) = (Language::builtin("ar"), TextStyle::bold(16.0));
        get(&mut cache, "a", ar, style, Some(100.0), 1.0);
        get(&mut cache, "a", en, bold, Some(100.0), 1.0);
        get(&mut cache, "a", en, style, Some(101.0), 1.0);
        get(&mut cache, "a", en, style, None, 1.0);
        get(&mut cache, "a", en, style, Some(100.0), 2.0);
        assert_eq!(made, 7);
        assert_eq!(cache.stats(), (1, 7));
    }

    #[test]
    fn cache_is_bounded_and_keeps_recent_entries() {
        let mut cache = LayoutCache::new(8);
        let style = TextStyle::regular(16.0);
        for i in 0..100 {
            let text = format!("{i}");
            cache.get_or_insert_with(&text, Language::fallback(), style, None, 1.0, || {
                dummy(i as f32)
            });
            // Keep "0" hot.
            cache.get_or_insert_with("0", Language::fallback(), style, None, 1.0, || dummy(0.0));
            assert!(cache.len() <= 8);
        }
        let (_, misses) = cache.stats();
        assert_eq!(misses, 100, "the hot entry was never evicted");
    }
}
