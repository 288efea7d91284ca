//! The text engine: every user-visible string is shaped by cosmic-text (harfrust,
//! unicode-bidi, UAX #14 line breaking, fallback over the bundled fonts) and painted
//! into egui as one textured mesh per block from our own glyph atlas.
//!
//! egui's own text is not used for localized strings: it has no bidi, so Arabic
//! sentences come out in the wrong word order.

pub mod atlas;
mod cache;
pub mod debug;
mod faces;
pub mod families;
pub mod fonts;
pub mod layout;
mod lines;
pub mod runs;
mod runs_shape;

use std::sync::{Arc, Mutex, MutexGuard};

use cosmic_text::{SwashCache, fontdb};
use egui::{Color32, Context, Id, Painter, Pos2, Rect, pos2, vec2};

use atlas::gpu::TextCallback;

pub use atlas::GlyphAtlas;
pub use atlas::gpu::{GlyphQuad, install as install_gpu};
pub use cache::LayoutCache;
pub use fonts::{FontOptions, SharedFonts};
pub use layout::{Glyph, Line, TextLayout, TextStyle, is_invisible_control, paragraphs};

use crate::lang::Language;

/// The bytes of a font file, shared.
pub type FontBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// How many layouts the cache keeps; a screen uses a few dozen.
const LAYOUT_CACHE_CAPACITY: usize = 1024;
/// Starting and largest side of the glyph atlas texture, in pixels. The renderer's
/// own limit (`max_texture_side`) caps it further.
const ATLAS_START: usize = 256;
const ATLAS_MAX: usize = 4096;

/// The glyph quads of one text block, drawn by one paint callback.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextMesh {
    pub quads: Vec<GlyphQuad>,
    /// The egui pass the quads were made in.
    pub pass: u64,
}

impl TextMesh {
    /// The rectangle all quads lie in; `None` when nothing is drawn.
    pub fn bounds(&self) -> Option<Rect> {
        self.quads.iter().map(|q| q.rect).reduce(|a, b| a.union(b))
    }
}

/// Layout cache and glyph atlas over the process's one font system, shared by every
/// widget through the egui context; a tool or a handout job makes its own over the
/// same fonts.
pub struct TextSystem {
    /// Locked for one layout or one glyph at a time, so the UI thread never waits
    /// long for a handout being laid out on another thread.
    font_system: SharedFonts,
    swash: SwashCache,
    layouts: LayoutCache,
    atlas: GlyphAtlas,
    pass: Option<u64>,
    /// The pass in which the atlas last overflowed and was cleared.
    overflow_pass: Option<u64>,
}

impl TextSystem {
    /// A text system with an empty cache and atlas over the process's font system
    /// (its fonts parsed on the first call in the process; the system's added the
    /// first time `options` asks for them).
    pub fn new(options: FontOptions) -> Self {
        Self {
            font_system: fonts::shared(options),
            swash: SwashCache::new(),
            layouts: LayoutCache::new(LAYOUT_CACHE_CAPACITY),
            atlas: GlyphAtlas::new(ATLAS_START, ATLAS_MAX),
            pass: None,
            overflow_pass: None,
        }
    }

    /// Makes `system` the one the widgets of `ctx` use.
    pub fn install(ctx: &Context, system: TextSystem) {
        Self::install_shared(ctx, Arc::new(Mutex::new(system)));
    }

    /// Makes `shared` the one the widgets of `ctx` use; it may serve another
    /// context too (its caches and atlas carry over).
    pub fn install_shared(ctx: &Context, shared: Arc<Mutex<TextSystem>>) {
        ctx.data_mut(|d| d.insert_temp(Id::NULL, shared));
    }

    /// The text system of `ctx`, created with the bundled fonts only if none was installed.
    pub fn shared(ctx: &Context) -> Arc<Mutex<TextSystem>> {
        if let Some(shared) = ctx.data(|d| d.get_temp::<Arc<Mutex<TextSystem>>>(Id::NULL)) {
            return shared;
        }
        let shared = Arc::new(Mutex::new(TextSystem::new(FontOptions::default())));
        ctx.data_mut(|d| d.insert_temp(Id::NULL, shared.clone()));
        shared
    }

    /// Runs `f` with the text system of `ctx`.
    pub fn with<R>(ctx: &Context, f: impl FnOnce(&mut TextSystem) -> R) -> R {
        let shared = Self::shared(ctx);
        let mut guard: MutexGuard<'_, TextSystem> = shared
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }

    /// The laid-out block for `text`, from the cache when possible.
    pub fn layout(
        &mut self,
        text: &str,
        lang: Language,
        style: TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> Arc<TextLayout> {
        let font_system = &self.font_system;
        self.layouts
            .get_or_insert_with(text, lang, style, width, pixels_per_point, || {
                let mut fonts = fonts::lock(font_system);
                layout::layout(&mut fonts, text, lang, style, width, pixels_per_point)
            })
    }

    /// As wide as the text needs, wrapping only at `max_width` if it is wider.
    pub fn layout_fit(
        &mut self,
        text: &str,
        lang: Language,
        style: TextStyle,
        max_width: f32,
        pixels_per_point: f32,
    ) -> Arc<TextLayout> {
        let natural = self.layout(text, lang, style, None, pixels_per_point);
        if natural.width > max_width {
            self.layout(
                text,
                lang,
                style,
                Some(max_width.max(1.0)),
                pixels_per_point,
            )
        } else {
            natural
        }
    }

    /// Lays out without touching the cache (for measuring cold layout).
    pub fn layout_uncached(
        &mut self,
        text: &str,
        lang: Language,
        style: TextStyle,
        width: Option<f32>,
        pixels_per_point: f32,
    ) -> TextLayout {
        layout::layout(
            &mut fonts::lock(&self.font_system),
            text,
            lang,
            style,
            width,
            pixels_per_point,
        )
    }

    /// The glyph quads of `layout` with its top-left corner at `origin` (points),
    /// rasterising glyphs the atlas lacks.
    pub fn mesh(
        &mut self,
        ctx: &Context,
        origin: Pos2,
        layout: &TextLayout,
        color: Color32,
    ) -> TextMesh {
        let pass = ctx.cumulative_pass_nr();
        if self.pass != Some(pass) {
            self.pass = Some(pass);
            let renderer_max = ctx.input(|i| i.max_texture_side);
            self.atlas.set_max_size(renderer_max.min(ATLAS_MAX));
            self.atlas.begin_pass(pass);
        }
        let ppp = layout.pixels_per_point;
        // Snap the block to the physical pixel grid so glyph pixels map 1:1 to texels.
        let ox = (origin.x * ppp).round();
        let oy = (origin.y * ppp).round();

        let mut quads = Vec::with_capacity(layout.lines.iter().map(|l| l.glyphs.len()).sum());
        for glyph in layout.glyphs() {
            let (font_system, swash) = (&self.font_system, &mut self.swash);
            let Some(g) = self.atlas.get_or_insert(glyph.key, || {
                swash.get_image_uncached(&mut fonts::lock(font_system), glyph.key)
            }) else {
                continue;
            };
            if g.width == 0 || g.height == 0 {
                continue;
            }
            let x = ox + (glyph.px + g.left) as f32;
            let y = oy + (glyph.py - g.top) as f32;
            let rect = Rect::from_min_size(
                pos2(x / ppp, y / ppp),
                vec2(g.width as f32 / ppp, g.height as f32 / ppp),
            );
            let tint = if g.is_color {
                Color32::from_white_alpha(color.a())
            } else {
                color
            };
            quads.push(GlyphQuad {
                rect,
                texels: self.atlas.uv(&g),
                color: tint,
                page: g.page(),
            });
        }

        if self.atlas.take_overflowed() && self.overflow_pass.is_none_or(|p| p + 1 < pass) {
            // This pass shows more glyphs than the largest atlas holds beside the
            // glyphs of earlier passes: start empty, and draw the pass again so that
            // it rasterises only what it shows. Twice in a row means the pass alone
            // is too big; then what fits is drawn.
            self.overflow_pass = Some(pass);
            let size = self.atlas.max_size();
            self.atlas.reset(size);
        }
        if self.atlas.take_stale() {
            // Texture coordinates made earlier in this pass were for glyphs the
            // reset dropped.
            ctx.request_discard("glyph atlas was cleared");
            ctx.request_repaint();
        }
        TextMesh { quads, pass }
    }

    /// Paints `layout` with its top-left corner at `origin`.
    pub fn paint(&mut self, painter: &Painter, origin: Pos2, layout: &TextLayout, color: Color32) {
        let mesh = self.mesh(painter.ctx(), origin, layout, color);
        if let Some(rect) = mesh.bounds() {
            let callback = TextCallback::new(&mesh.quads, self.atlas.textures().clone(), mesh.pass);
            painter.add(callback.into_shape(rect));
        }
    }

    /// The family name of a face in the database.
    pub fn family_name(&self, id: fontdb::ID) -> String {
        fonts::lock(&self.font_system)
            .db()
            .face(id)
            .and_then(|f| f.families.first())
            .map_or_else(String::new, |(name, _)| name.clone())
    }

    /// The bytes of the file a face comes from and the face's index in it (for
    /// embedding the face in a PDF).
    pub fn font_data(&self, id: fontdb::ID) -> Option<(FontBytes, u32)> {
        let system = fonts::lock(&self.font_system);
        let face = system.db().face(id)?;
        let data: FontBytes = match &face.source {
            fontdb::Source::Binary(data) => data.clone(),
            fontdb::Source::SharedFile(_, data) => data.clone(),
            fontdb::Source::File(path) => Arc::new(std::fs::read(path).ok()?),
        };
        Some((data, face.index))
    }

    /// The bundled font file a face comes from (`NotoSans-Bold.ttf`); `None` for an
    /// installed system face.
    pub fn bundled_file(&self, id: fontdb::ID) -> Option<String> {
        let system = fonts::lock(&self.font_system);
        let face = system.db().face(id)?;
        if !matches!(face.source, fontdb::Source::Binary(_)) {
            return None;
        }
        let family = face.families.first()?.0.replace(' ', "");
        let style = if face.weight >= fontdb::Weight::BOLD {
            "Bold"
        } else {
            "Regular"
        };
        let name = format!("{family}-{style}.ttf");
        fonts::bundled_files().contains(&name).then_some(name)
    }

    /// The first character of `text` that shapes to the missing-glyph box, if any.
    pub fn missing_glyph(&mut self, text: &str, lang: Language) -> Option<char> {
        let layout = self.layout_uncached(text, lang, TextStyle::regular(16.0), None, 1.0);
        layout
            .glyphs()
            .find(|g| g.glyph_id == 0)
            .and_then(|g| text[g.start..].chars().next())
    }

    /// The glyph a face maps `c` to on its own (no shaping), if it has one.
    pub fn glyph_for_char(&self, font_id: fontdb::ID, c: char) -> Option<u16> {
        let font = fonts::lock(&self.font_system).get_font(font_id, fontdb::Weight::NORMAL)?;
        let id = font.as_swash().charmap().map(c);
        (id != 0).then_some(id)
    }

    /// How far `glyph` of face `font_id` advances the pen, in ems.
    pub fn glyph_advance(&self, font_id: fontdb::ID, glyph: u16) -> Option<f32> {
        let font = fonts::lock(&self.font_system).get_font(font_id, fontdb::Weight::NORMAL)?;
        let face = font.as_swash();
        let units = f32::from(face.metrics(&[]).units_per_em);
        (units > 0.0).then(|| face.glyph_metrics(&[]).advance_width(glyph) / units)
    }

    /// The glyph atlas (for tests and diagnostics).
    pub fn atlas(&self) -> &GlyphAtlas {
        &self.atlas
    }

    /// The layout cache (for tests and diagnostics).
    pub fn layout_cache(&self) -> &LayoutCache {
        &self.layouts
    }
}
