// Glyph quads from the atlas: one instance per glyph, six vertices made here.
// Coverage glyphs sample the one-channel page and are tinted by the quad's colour;
// colour glyphs sample the RGBA page. Colours are gamma-space and premultiplied,
// as egui's own shader takes them, so text blends exactly like egui's shapes.

struct Locals {
    // Screen size in points.
    screen_size: vec2<f32>,
    // 1 when the framebuffer is sRGB (colours are converted to linear), else 0.
    srgb_target: u32,
    _padding: u32,
};
@group(0) @binding(0) var<uniform> locals: Locals;
@group(0) @binding(1) var mask_page: texture_2d<f32>;
@group(0) @binding(2) var color_page: texture_2d<f32>;

struct VertexOutput {
    @builtin(position) position: vec4<f32>,
    // Texels, not 0..1: valid however a page grows.
    @location(0) texel: vec2<f32>,
    @location(1) color: vec4<f32>,
    @location(2) @interpolate(flat) page: u32,
};

fn unpack_color(color: u32) -> vec4<f32> {
    return vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
}

@vertex
fn vs_main(
    @builtin(vertex_index) vertex: u32,
    @location(0) pos_min: vec2<f32>,
    @location(1) pos_max: vec2<f32>,
    @location(2) texel_min: vec2<f32>,
    @location(3) texel_max: vec2<f32>,
    @location(4) color: u32,
    @location(5) page: u32,
) -> VertexOutput {
    var corners = array<vec2<f32>, 6>(
        vec2<f32>(0.0, 0.0), vec2<f32>(1.0, 0.0), vec2<f32>(0.0, 1.0),
        vec2<f32>(0.0, 1.0), vec2<f32>(1.0, 0.0), vec2<f32>(1.0, 1.0),
    );
    let corner = corners[vertex];
    let pos = mix(pos_min, pos_max, corner);
    var out: VertexOutput;
    out.position = vec4<f32>(
        2.0 * pos.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * pos.y / locals.screen_size.y,
        0.0,
        1.0,
    );
    out.texel = mix(texel_min, texel_max, corner);
    out.color = unpack_color(color);
    out.page = page;
    return out;
}

fn linear_from_gamma_rgb(srgb: vec3<f32>) -> vec3<f32> {
    let cutoff = srgb < vec3<f32>(0.04045);
    let lower = srgb / vec3<f32>(12.92);
    let higher = pow((srgb + vec3<f32>(0.055)) / vec3<f32>(1.055), vec3<f32>(2.4));
    return select(higher, lower, cutoff);
}

@fragment
fn fs_main(in: VertexOutput) -> @location(0) vec4<f32> {
    // Quads sit on the pixel grid one texel per pixel: the texel under the pixel
    // centre is the one to show, with no filtering.
    let texel = vec2<i32>(floor(in.texel));
    var out: vec4<f32>;
    if in.page == 0u {
        out = in.color * textureLoad(mask_page, texel, 0).r;
    } else {
        out = textureLoad(color_page, texel, 0) * in.color.a;
    }
    if locals.srgb_target == 1u {
        out = vec4<f32>(linear_from_gamma_rgb(out.rgb), out.a);
    }
    return out;
}
