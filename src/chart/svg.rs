//! The SVG writer: text stays text (selectable and editable in
//! Illustrator, Inkscape and `PowerPoint`), with a font-family list and the
//! picture's `xml:lang`; or, for exact fidelity where the fonts are
//! missing, every glyph outlined as a path.

use std::fmt::Write as _;

use super::fonts;
use super::scene::{Anchor, Filled, Item, Line, Scene, Shape, Text};

/// The scene as an SVG document, its text as text.
pub fn text_svg(scene: &Scene) -> String {
    let lang = match scene.lang {
        crate::i18n::Lang::En => "en",
        crate::i18n::Lang::Zh => "zh-Hans",
    };
    let mut out = String::with_capacity(16 * 1024);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" xml:lang=\"{lang}\">\n<title>{title}</title>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>\n<g font-family=\"{family}\">\n",
        w = num(scene.width),
        h = num(scene.height),
        title = escape(&scene.title),
        bg = scene.background.hex(),
        family = escape(fonts::LATIN_FAMILIES),
    );
    for item in &scene.items {
        match item {
            Item::Text(text) => write_text(&mut out, text),
            Item::Line(line) => write_line(&mut out, line),
            Item::Shape(shape) => write_shape(&mut out, shape),
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn write_text(out: &mut String, text: &Text) {
    let anchor = match text.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let weight = if text.bold {
        " font-weight=\"bold\""
    } else {
        ""
    };
    // A run with Chinese in it is set in the Chinese face throughout, as
    // the layout measured it.
    let family = if fonts::needs_cjk(&text.text) {
        format!(" font-family=\"{}\"", escape(fonts::CJK_FAMILIES))
    } else {
        String::new()
    };
    // The user's own words are marked as theirs, in the language they
    // are written in.
    let note = if text.role == super::scene::Role::Note {
        let lang = match text.lang {
            crate::i18n::Lang::En => "en",
            crate::i18n::Lang::Zh => "zh-Hans",
        };
        format!(" class=\"user-note\" data-author=\"user\" xml:lang=\"{lang}\"")
    } else {
        String::new()
    };
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "<text{note} x=\"{}\" y=\"{}\" font-size=\"{}\"{family}{weight}{anchor} fill=\"{}\" xml:space=\"preserve\">{}</text>",
        num(text.x),
        num(text.y),
        num(text.size),
        text.color.hex(),
        escape(&text.text),
    );
}

fn points(points: &[(f32, f32)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_line(out: &mut String, line: &Line) {
    let dash = line.dash.map_or(String::new(), |(on, off)| {
        format!(" stroke-dasharray=\"{} {}\"", num(on), num(off))
    });
    let _ = writeln!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
        points(&line.points),
        line.color.hex(),
        num(line.width),
    );
}

fn write_shape(out: &mut String, shape: &Filled) {
    let mut paint = String::new();
    match shape.fill {
        Some((color, opacity)) if opacity < 1.0 => {
            let _ = write!(
                paint,
                " fill=\"{}\" fill-opacity=\"{}\"",
                color.hex(),
                num(opacity)
            );
        }
        Some((color, _)) => {
            let _ = write!(paint, " fill=\"{}\"", color.hex());
        }
        None => paint.push_str(" fill=\"none\""),
    }
    if let Some((color, width)) = shape.stroke {
        let _ = write!(
            paint,
            " stroke=\"{}\" stroke-width=\"{}\"",
            color.hex(),
            num(width)
        );
    }
    let _ = match &shape.shape {
        Shape::Rect(b) => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{paint}/>",
            num(b.x0),
            num(b.y0),
            num(b.x1 - b.x0),
            num(b.y1 - b.y0),
        ),
        Shape::Circle { cx, cy, r } => writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{paint}/>",
            num(*cx),
            num(*cy),
            num(*r),
        ),
        Shape::Polygon(corners) => {
            writeln!(out, "<polygon points=\"{}\"{paint}/>", points(corners))
        }
    };
}

/// A coordinate with at most two decimals, trailing zeros dropped.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text made safe inside an element or a double-quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, num};

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        assert_eq!(escape("<a & \"b\">\u{1}"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
    }
}
