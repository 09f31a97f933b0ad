//! The PNG and PDF writers. Both read the SVG writer's document back
//! through usvg with the bundled fonts, so they draw exactly what the SVG
//! says: resvg rasterises it on the CPU (tiny-skia; no GPU, no graphics
//! driver), and krilla writes it as a PDF page with the fonts embedded and
//! subset and the text kept as text (selectable, searchable).

use std::sync::{Arc, OnceLock};

use super::fonts;
use super::scene::Scene;
use crate::i18n::Lang;

/// Why a picture could not be written.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RenderError {
    /// The SVG did not parse (a bug: the writer made it), in usvg's words.
    Svg(String),
    /// The scale is outside 0.1 to 8 pixels per point.
    Scale {
        /// The scale asked for.
        scale: f32,
    },
    /// The picture would have a side of no pixels or over [`MAX_PIXELS`].
    TooManyPixels {
        /// The page's width in points.
        width: f32,
        /// The page's height in points.
        height: f32,
        /// The scale asked for.
        scale: f32,
        /// The picture's width and height in pixels.
        pixels: (u32, u32),
    },
    /// No picture of this size could be made.
    NoPixmap {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// The chart's page is no PDF page size.
    NotAPageSize {
        /// Its width in points.
        width: f32,
        /// Its height in points.
        height: f32,
    },
    /// The chart could not be drawn on the PDF's page.
    NotDrawn,
    /// The PNG or PDF could not be encoded.
    Encode {
        /// PNG or PDF.
        format: &'static str,
        /// What the encoder said.
        message: String,
    },
}

/// The largest picture side in pixels.
pub const MAX_PIXELS: u32 = 16_384;

/// The bundled fonts as a font database, made once.
fn font_db() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for data in fonts::all() {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// The scene as usvg's tree, with the bundled fonts.
pub fn tree(scene: &Scene) -> Result<resvg::usvg::Tree, RenderError> {
    tree_of_svg(&super::svg::text_svg(scene), scene.lang)
}

fn tree_of_svg(svg: &str, lang: Lang) -> Result<resvg::usvg::Tree, RenderError> {
    let options = resvg::usvg::Options {
        fontdb: font_db(),
        font_family: "Noto Sans".to_owned(),
        languages: vec![match lang {
            Lang::En => "en".to_owned(),
            Lang::Zh => "zh-CN".to_owned(),
        }],
        ..resvg::usvg::Options::default()
    };
    resvg::usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg(e.to_string()))
}

/// The scene as SVG with every glyph outlined as a path: exact where the
/// viewer lacks the fonts, but no longer editable as text.
pub fn outlined_svg(scene: &Scene) -> Result<String, RenderError> {
    let tree = tree(scene)?;
    Ok(tree.to_string(&resvg::usvg::WriteOptions::default()))
}

/// An 8-bit RGBA picture, unpremultiplied, rows top to bottom.
#[derive(Clone, Debug)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels.
    pub rgba: Vec<u8>,
}

/// The scene rasterised at `scale` pixels per point.
pub fn pixels(scene: &Scene, scale: f32) -> Result<Pixels, RenderError> {
    if !(scale.is_finite() && (0.1..=8.0).contains(&scale)) {
        return Err(RenderError::Scale { scale });
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "Rounded, positive and checked below, so the casts are exact."
    )]
    let (width, height) = (
        (scene.width * scale).round() as u32,
        (scene.height * scale).round() as u32,
    );
    if width == 0 || height == 0 || width > MAX_PIXELS || height > MAX_PIXELS {
        return Err(RenderError::TooManyPixels {
            width: scene.width,
            height: scene.height,
            scale,
            pixels: (width, height),
        });
    }
    let tree = tree(scene)?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or(RenderError::NoPixmap { width, height })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied alpha; the page is opaque, so
    // demultiplying changes nothing but is done for any translucent edge.
    let mut rgba = pixmap.take();
    for pixel in rgba.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha > 0 && alpha < 255 {
            for channel in &mut pixel[..3] {
                // At most 255 * 255 / alpha with channel <= alpha: a byte.
                let value = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
                *channel = value;
            }
        }
    }
    Ok(Pixels {
        width,
        height,
        rgba,
    })
}

/// The scene as PNG bytes at `scale` pixels per point.
pub fn png(scene: &Scene, scale: f32) -> Result<Vec<u8>, RenderError> {
    let picture = pixels(scene, scale)?;
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, picture.width, picture.height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let encode = |e: png::EncodingError| RenderError::Encode {
            format: "PNG",
            message: e.to_string(),
        };
        let mut writer = encoder.write_header().map_err(encode)?;
        writer.write_image_data(&picture.rgba).map_err(encode)?;
    }
    Ok(bytes)
}

/// Who wrote a PDF and when, for its metadata.
#[derive(Clone, Debug)]
pub struct PdfInfo {
    /// The author: the dataset's title and the app.
    pub author: String,
    /// The date written, as (year, month, day).
    pub date: (u16, u8, u8),
}

/// The scene as a one-page PDF: page size in points as laid out, the fonts
/// embedded and subset, the text selectable, title, author, date and
/// language in the metadata.
pub fn pdf(scene: &Scene, info: &PdfInfo) -> Result<Vec<u8>, RenderError> {
    pdf_pages(std::slice::from_ref(scene), &scene.title, info)
}

/// The scenes as a PDF of a page each, in order (a presentation's slides),
/// each page the size its scene was laid out at, written as [`pdf`] writes
/// one: `title` is the document's, the language the first scene's.
pub fn pdf_pages(scenes: &[Scene], title: &str, info: &PdfInfo) -> Result<Vec<u8>, RenderError> {
    use krilla::surface::Surface;
    use krilla_svg::SurfaceExt as _;

    let encode = |message: String| RenderError::Encode {
        format: "PDF",
        message,
    };
    let mut document = krilla::Document::new();
    for scene in scenes {
        let tree = tree(scene)?;
        let size = krilla::geom::Size::from_wh(scene.width, scene.height).ok_or(
            RenderError::NotAPageSize {
                width: scene.width,
                height: scene.height,
            },
        )?;
        let mut page = document.start_page_with(krilla::page::PageSettings::new(size));
        let mut surface: Surface<'_> = page.surface();
        surface
            .draw_svg(&tree, size, krilla_svg::SvgSettings::default())
            .ok_or(RenderError::NotDrawn)?;
        surface.finish();
        page.finish();
    }
    let (year, month, day) = info.date;
    let lang = scenes.first().map_or(Lang::En, |s| s.lang);
    let metadata = krilla::metadata::Metadata::new()
        .title(title.to_owned())
        .authors(vec![info.author.clone()])
        .creator("Plan Explorer".to_owned())
        .language(
            match lang {
                Lang::En => "en",
                Lang::Zh => "zh-Hans",
            }
            .to_owned(),
        )
        .creation_date(krilla::metadata::DateTime::new(year).month(month).day(day));
    document.set_metadata(metadata);
    document.finish().map_err(|e| encode(format!("{e:?}")))
}

/// Today's date (UTC) as (year, month, day), from the system clock.
pub fn today() -> (u16, u8, u8) {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_from_days(i64::try_from(days).unwrap_or(0))
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's
/// algorithm).
fn civil_from_days(days: i64) -> (u16, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        u16::try_from(year).unwrap_or(1970),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_423), (2025, 12, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }
}
