//! The glyph atlas: rasterised glyphs packed into one egui texture.
//!
//! Glyphs are rasterised in physical pixels and stored as white with coverage in
//! alpha (premultiplied), so one texture serves every colour: the mesh's vertex
//! colour tints them. When the atlas is full it doubles in size, up to the largest
//! texture the renderer takes; only there, under real pressure, are glyphs evicted,
//! least recently used first and never one the current pass uses. Glyphs of a page
//! scrolled out of view and back, or of the other of two languages, stay put, so a
//! steady screen uploads nothing.
//!
//! Growing changes the texture size, and so the meaning of every UV coordinate
//! already handed out this pass; the owner must discard the pass when
//! [`GlyphAtlas::take_grown`] says so. If one pass needs more than the largest atlas
//! holds, [`GlyphAtlas::take_overflowed`] says so: the owner clears the atlas and
//! draws the pass again, which rasterises only what that pass shows.

use std::collections::HashMap;

use cosmic_text::{CacheKey, SwashContent, SwashImage};

mod pixels;
use egui::{Context, Rect, TextureId, pos2};
use etagere::{AllocId, BucketedAtlasAllocator, size2};
use pixels::Pixels;

/// Empty pixels kept around each glyph so linear sampling never bleeds neighbours in.
const PADDING: i32 = 1;

/// Where one glyph's pixels are, and how to place them relative to its pen position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AtlasGlyph {
    /// Top-left corner of the glyph's pixels in the atlas.
    pub x: u32,
    pub y: u32,
    /// Size in physical pixels; zero for glyphs that draw nothing (spaces).
    pub width: u32,
    pub height: u32,
    /// Offset of the bitmap's left edge from the pen position, in physical pixels.
    pub left: i32,
    /// Offset of the bitmap's top edge above the baseline, in physical pixels.
    pub top: i32,
    /// A colour glyph (emoji) carries its own colour; a mask glyph takes the vertex colour.
    pub is_color: bool,
}

struct Entry {
    glyph: AtlasGlyph,
    alloc: Option<AllocId>,
    last_used: u64,
}

/// Packs glyph bitmaps into a texture that grows when needed.
pub struct GlyphAtlas {
    allocator: BucketedAtlasAllocator,
    pixels: Pixels,
    max_size: usize,
    entries: HashMap<CacheKey, Entry>,
    grown: bool,
    overflowed: bool,
    pass: u64,
}

impl GlyphAtlas {
    /// An empty atlas of `size` x `size` pixels that may grow up to `max_size`.
    pub fn new(size: usize, max_size: usize) -> Self {
        let size = size.min(max_size);
        Self {
            allocator: BucketedAtlasAllocator::new(size2(size as i32, size as i32)),
            pixels: Pixels::new(size),
            max_size,
            entries: HashMap::new(),
            grown: false,
            overflowed: false,
            pass: 0,
        }
    }

    /// Caps the atlas at `max_size` (the renderer's largest texture side). An atlas
    /// already bigger starts again empty at the cap.
    pub fn set_max_size(&mut self, max_size: usize) {
        let max_size = max_size.max(1);
        if max_size == self.max_size {
            return;
        }
        self.max_size = max_size;
        if self.size() > max_size {
            self.reset(max_size);
        }
    }

    /// The largest side the atlas may grow to.
    pub fn max_size(&self) -> usize {
        self.max_size
    }

    /// Forgets every glyph and starts again empty at `size` x `size`.
    pub fn reset(&mut self, size: usize) {
        let size = size.min(self.max_size).max(1);
        self.allocator = BucketedAtlasAllocator::new(size2(size as i32, size as i32));
        self.pixels = Pixels::new(size);
        self.entries.clear();
        self.grown = true;
    }

    /// Bytes uploaded to the GPU texture since the atlas was made.
    pub fn uploaded_bytes(&self) -> u64 {
        self.pixels.uploaded()
    }

    /// Side length of the texture in pixels.
    pub fn size(&self) -> usize {
        self.pixels.size()
    }

    /// Number of glyphs held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no glyph is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Starts a new rendering pass: glyphs not used from now on may be evicted.
    pub fn begin_pass(&mut self, pass: u64) {
        self.pass = pass;
    }

    /// True once after the atlas grew (or was reset): UVs handed out before are stale.
    pub fn take_grown(&mut self) -> bool {
        std::mem::take(&mut self.grown)
    }

    /// True once after a glyph found no room even with everything but the current
    /// pass's glyphs evicted at the largest size.
    pub fn take_overflowed(&mut self) -> bool {
        std::mem::take(&mut self.overflowed)
    }

    /// The glyph for `key`, rasterising it with `rasterize` the first time.
    /// `None` if the glyph has no image or cannot fit even in the largest atlas.
    pub fn get_or_insert(
        &mut self,
        key: CacheKey,
        rasterize: impl FnOnce() -> Option<SwashImage>,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.last_used = self.pass;
            return Some(entry.glyph);
        }
        let image = rasterize()?;
        let (glyph, alloc) = self.insert(&image)?;
        self.entries.insert(
            key,
            Entry {
                glyph,
                alloc,
                last_used: self.pass,
            },
        );
        Some(glyph)
    }

    fn insert(&mut self, image: &SwashImage) -> Option<(AtlasGlyph, Option<AllocId>)> {
        let width = image.placement.width;
        let height = image.placement.height;
        let is_color = matches!(image.content, SwashContent::Color);
        let mut glyph = AtlasGlyph {
            x: 0,
            y: 0,
            width,
            height,
            left: image.placement.left,
            top: image.placement.top,
            is_color,
        };
        if width == 0 || height == 0 {
            return Some((glyph, None));
        }
        let padded = size2(width as i32 + 2 * PADDING, height as i32 + 2 * PADDING);
        let allocation = self.allocate(padded)?;
        let min = allocation.rectangle.min;
        glyph.x = (min.x + PADDING) as u32;
        glyph.y = (min.y + PADDING) as u32;
        self.pixels.write(
            &glyph,
            PADDING as usize,
            min.x as usize,
            min.y as usize,
            image,
        );
        Some((glyph, Some(allocation.id)))
    }

    fn allocate(&mut self, size: etagere::Size) -> Option<etagere::Allocation> {
        loop {
            if let Some(a) = self.allocator.allocate(size) {
                return Some(a);
            }
            if self.size() < self.max_size {
                self.grow((self.size() * 2).min(self.max_size));
            } else if self.evict_least_recent() == 0 {
                self.overflowed = true;
                return None;
            }
        }
    }

    /// Drops the glyphs of the least recent pass that is not the current one;
    /// returns how many were dropped.
    fn evict_least_recent(&mut self) -> usize {
        let pass = self.pass;
        let Some(oldest) = self
            .entries
            .values()
            .map(|e| e.last_used)
            .filter(|&used| used < pass)
            .min()
        else {
            return 0;
        };
        let before = self.entries.len();
        let allocator = &mut self.allocator;
        self.entries.retain(|_, entry| {
            let keep = entry.last_used != oldest;
            if !keep && let Some(id) = entry.alloc {
                allocator.deallocate(id);
            }
            keep
        });
        before - self.entries.len()
    }

    fn grow(&mut self, new_size: usize) {
        self.pixels.grow(new_size);
        self.allocator.grow(size2(new_size as i32, new_size as i32));
        self.grown = true;
    }

    /// Texture coordinates (0..1) of a glyph's pixels at the atlas's current size.
    pub fn uv(&self, glyph: &AtlasGlyph) -> Rect {
        let s = self.size() as f32;
        Rect::from_min_max(
            pos2(glyph.x as f32 / s, glyph.y as f32 / s),
            pos2(
                (glyph.x + glyph.width) as f32 / s,
                (glyph.y + glyph.height) as f32 / s,
            ),
        )
    }

    /// Sends what changed to the GPU texture, creating it on first use.
    pub fn upload(&mut self, ctx: &Context) -> TextureId {
        self.pixels.upload(ctx)
    }

    /// Coverage (alpha) of the atlas pixel at (x, y), for tests.
    pub fn alpha_at(&self, x: usize, y: usize) -> u8 {
        self.pixels.alpha_at(x, y)
    }
}

#[cfg(test)]
mod tests;
