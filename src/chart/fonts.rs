//! The typefaces the exported charts are set in, bundled so a picture looks
//! the same on every machine, and text measured with them so the layout
//! knows how wide each label is before anything is drawn.
//!
//! Noto Sans for Latin text and Noto Sans CJK SC for Chinese (both under
//! the SIL Open Font License, subset by `tools/subset_fonts.py`); Droid Sans
//! Fallback backs both for the rare character the subsets leave out. The
//! window sets its text in these faces too (`ui::style::font_definitions`).

use std::sync::OnceLock;

use crate::i18n::Lang;

/// Noto Sans Regular, subset to Latin, Greek, Cyrillic and symbols.
pub const LATIN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold, subset likewise.
pub const LATIN_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// Noto Sans CJK SC Regular, subset to GB 2312 and the project's characters.
pub const CJK_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");
/// Noto Sans CJK SC Bold, subset likewise.
pub const CJK_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.otf");
/// Droid Sans Fallback: every CJK character, for what the subsets lack.
pub const FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// The font-family list for text the Latin face can set whole: the
/// bundled face first, then what Windows, macOS and Linux desktops have.
pub const LATIN_FAMILIES: &str =
    "'Noto Sans', 'Helvetica Neue', Arial, 'Droid Sans Fallback', sans-serif";

/// The font-family list for text with Chinese in it: the bundled Chinese
/// face (which sets its Latin letters too), then the desktops' Chinese
/// faces, so a viewer without our fonts still shows Chinese in a Chinese
/// face.
pub const CJK_FAMILIES: &str = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', \
     'PingFang SC', 'Microsoft YaHei', 'Droid Sans Fallback', sans-serif";

/// Whether `text` needs the Chinese face: it has a character the Latin face
/// lacks. Renderers (usvg among them) set a text run in one face, so a run
/// with any hanzi is set in the Chinese face throughout, and measured so.
pub fn needs_cjk(text: &str) -> bool {
    let faces = faces();
    match faces.latin[0].as_ref() {
        Some(latin) => text.chars().any(|c| latin.advance(c).is_none()),
        None => true,
    }
}

/// Every bundled face, in the order a renderer should look for a glyph.
pub fn all() -> [&'static [u8]; 5] {
    [LATIN_REGULAR, LATIN_BOLD, CJK_REGULAR, CJK_BOLD, FALLBACK]
}

/// A parsed face with what measuring needs.
struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Metrics {
    fn parse(data: &'static [u8]) -> Option<Self> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        Some(Self { face, units_per_em })
    }

    /// The advance of `c` in ems, if the face has it.
    fn advance(&self, c: char) -> Option<f32> {
        let glyph = self.face.glyph_index(c)?;
        let advance = self.face.glyph_hor_advance(glyph)?;
        Some(f32::from(advance) / self.units_per_em)
    }
}

struct Faces {
    latin: [Option<Metrics>; 2],
    cjk: [Option<Metrics>; 2],
    fallback: Option<Metrics>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        latin: [Metrics::parse(LATIN_REGULAR), Metrics::parse(LATIN_BOLD)],
        cjk: [Metrics::parse(CJK_REGULAR), Metrics::parse(CJK_BOLD)],
        fallback: Metrics::parse(FALLBACK),
    })
}

/// The width of `text` set at `size` points, as the writers set it: in
/// the Latin face, or if it [`needs_cjk`] in the Chinese one, each
/// character the face lacks from the fallback. (The language does not
/// change the faces; it is kept for callers that break lines by it.)
pub fn text_width(text: &str, size: f32, bold: bool, _lang: Lang) -> f32 {
    width_in(text, size, bold, needs_cjk(text))
}

/// The width of `text` set in the Chinese face (`cjk`) or the Latin one,
/// each character the face lacks from the other face (as [`face_runs`]
/// sets it), then from the fallback. Widths add up: the width of two
/// pieces set in one face is the sum of theirs.
fn width_in(text: &str, size: f32, bold: bool, cjk: bool) -> f32 {
    let faces = faces();
    let weight = usize::from(bold);
    let (primary, other) = if cjk {
        (faces.cjk[weight].as_ref(), faces.latin[weight].as_ref())
    } else {
        (faces.latin[weight].as_ref(), faces.cjk[weight].as_ref())
    };
    let order: [Option<&Metrics>; 3] = [primary, other, faces.fallback.as_ref()];
    let ems: f32 = text
        .chars()
        .map(|c| {
            order
                .iter()
                .flatten()
                .find_map(|face| face.advance(c))
                // A character no face has is drawn as a box about 0.6 em wide.
                .unwrap_or(0.6)
        })
        .sum();
    ems * size
}

/// `text` in pieces by the face that sets each: the face [`needs_cjk`]
/// picks for the whole (`true` for the Chinese one), except characters
/// only the other face has (the warning sign ⚠ in Chinese text). A writer
/// that sets one face per run (the briefing's PDF) draws these pieces one
/// after another; together they are as wide as [`text_width`] says.
pub fn face_runs(text: &str) -> Vec<(&str, bool)> {
    let cjk = needs_cjk(text);
    let faces = faces();
    let (primary, other) = if cjk {
        (faces.cjk[0].as_ref(), faces.latin[0].as_ref())
    } else {
        (faces.latin[0].as_ref(), faces.cjk[0].as_ref())
    };
    let face_of = |c: char| {
        let lacking = primary.is_none_or(|f| f.advance(c).is_none());
        let other_has = other.is_some_and(|f| f.advance(c).is_some());
        if lacking && other_has { !cjk } else { cjk }
    };
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current = None;
    for (i, c) in text.char_indices() {
        let face = face_of(c);
        match current {
            Some(f) if f != face => {
                runs.push((&text[start..i], f));
                start = i;
                current = Some(face);
            }
            None => current = Some(face),
            Some(_) => {}
        }
    }
    if let Some(face) = current {
        runs.push((&text[start..], face));
    }
    runs
}

/// The width of a piece [`face_runs`] gave, set in the face it names.
pub fn run_width(run: &str, size: f32, bold: bool, cjk: bool) -> f32 {
    width_in(run, size, bold, cjk)
}

/// Whether a line may break before `c` in Chinese: not before closing
/// punctuation, which must stay with the character before it.
fn may_start_line(c: char) -> bool {
    !matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '）'
            | '〕'
            | '】'
            | '’'
            | '」'
            | '』'
            | '！'
            | '？'
            | '%'
            | '》'
            | '”'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '!'
            | '?'
    )
}

/// Whether a line may end after `c`: not after opening punctuation, which
/// must stay with the character after it.
fn may_end_line(c: char) -> bool {
    !matches!(
        c,
        '（' | '〔' | '【' | '「' | '『' | '“' | '‘' | '《' | '(' | '['
    )
}

/// Whether `c` is set as a wide (CJK) character, after which a line may
/// break without a space.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Breaks `text` into lines no wider than `max_width`: at spaces, and
/// between Chinese characters (never before closing punctuation). A word
/// wider than the line is left whole on its own line.
pub fn wrap(text: &str, max_width: f32, size: f32, bold: bool, _lang: Lang) -> Vec<String> {
    // Pieces that stay together, each with whether a space preceded it.
    let mut pieces: Vec<(bool, String)> = Vec::new();
    let mut spaced = false;
    for c in text.chars() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let joins = match pieces.last() {
            None => false,
            Some((_, last)) => {
                let previous = last.chars().next_back().unwrap_or(' ');
                // Joined unless a space came between, or a line may break
                // beside a wide character (but never before closing
                // punctuation).
                !spaced
                    && (!(is_wide(previous) || is_wide(c))
                        || !may_start_line(c)
                        || !may_end_line(previous))
            }
        };
        match pieces.last_mut() {
            Some((_, last)) if joins => last.push(c),
            _ => pieces.push((spaced, c.to_string())),
        }
        spaced = false;
    }
    // Each line's width is kept as it grows, a piece at a time (widths
    // add up within a face), instead of measuring the line again for every
    // piece; a line that gains its first hanzi changes face and is measured
    // whole.
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let (mut line_width, mut line_cjk) = (0.0_f32, false);
    for (space_before, piece) in pieces {
        if line.is_empty() {
            line_cjk = needs_cjk(&piece);
            line_width = width_in(&piece, size, bold, line_cjk);
            line = piece;
            continue;
        }
        let joiner = if space_before { " " } else { "" };
        let piece_cjk = needs_cjk(&piece);
        let candidate_cjk = line_cjk || piece_cjk;
        let added = format!("{joiner}{piece}");
        let candidate_width = if candidate_cjk == line_cjk {
            line_width + width_in(&added, size, bold, candidate_cjk)
        } else {
            width_in(&format!("{line}{added}"), size, bold, candidate_cjk)
        };
        if candidate_width <= max_width {
            line.push_str(&added);
            line_width = candidate_width;
            line_cjk = candidate_cjk;
        } else {
            lines.push(std::mem::replace(&mut line, piece));
            line_cjk = piece_cjk;
            line_width = width_in(&line, size, bold, line_cjk);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `lines` cut to at most `max` lines, each no wider than `max_width`: a
/// line that is too wide (a word longer than the line), and the last when
/// lines were cut, end in "…".
pub fn clamp_lines(
    mut lines: Vec<String>,
    max: usize,
    max_width: f32,
    size: f32,
    bold: bool,
    lang: Lang,
) -> Vec<String> {
    let cut = lines.len() > max;
    lines.truncate(max.max(1));
    let count = lines.len();
    for (i, line) in lines.iter_mut().enumerate() {
        let too_wide = text_width(line, size, bold, lang) > max_width;
        if too_wide || (cut && i + 1 == count) {
            *line = shortened(line, max_width, size, bold, lang);
        }
    }
    lines
}

/// `line` cut at the end until it fits `max_width` with "…" after it.
fn shortened(line: &str, max_width: f32, size: f32, bold: bool, lang: Lang) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    loop {
        let text: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || text_width(&text, size, bold, lang) <= max_width {
            return text;
        }
        chars.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_translation_mark_is_never_split_across_lines() {
        // At every width, "〔译〕" stays whole on one line.
        let text = "规模以上工业总产值〔译〕";
        let full = text_width(text, 10.0, false, Lang::Zh);
        let mut width = full;
        while width > 10.0 {
            for line in wrap(text, width, 10.0, false, Lang::Zh) {
                let opens = line.matches('〔').count();
                let closes = line.matches('〕').count();
                assert_eq!(opens, closes, "{line:?} at {width}");
                assert!(!line.starts_with('译'), "{line:?} at {width}");
            }
            width -= 3.0;
        }
    }

    #[test]
    fn a_sign_only_the_latin_face_has_is_its_own_run_in_chinese_text() {
        let text = "⚠ 注意：82.5 billion";
        let runs = face_runs(text);
        assert_eq!(runs, [("⚠", false), (" 注意：82.5 billion", true)]);
        let sum: f32 = runs
            .iter()
            .map(|(r, cjk)| run_width(r, 12.0, false, *cjk))
            .sum();
        assert!((sum - text_width(text, 12.0, false, Lang::Zh)).abs() < 1e-3);
        // Latin text is one run in the Latin face.
        assert_eq!(face_runs("⚠ Caveat"), [("⚠ Caveat", false)]);
    }

    #[test]
    fn a_run_with_hanzi_is_set_in_the_chinese_face_and_latin_alone_in_the_latin_one() {
        assert!(needs_cjk("GDP 上海"));
        assert!(!needs_cjk("GDP 5.4% ‘quoted’ – 2024"));
    }

    #[test]
    fn wider_text_measures_wider_and_chinese_is_about_one_em_a_character() {
        let short = text_width("GDP", 10.0, false, Lang::En);
        let long = text_width("Shanghai GDP", 10.0, false, Lang::En);
        assert!(long > short && short > 10.0, "{short} {long}");
        let zh = text_width("上海市", 10.0, false, Lang::Zh);
        assert!((zh - 30.0).abs() < 1.0, "{zh}");
        assert!(text_width("GDP", 10.0, true, Lang::En) > short);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_between_hanzi_but_not_before_punctuation() {
        let lines = wrap("one two three four", 60.0, 10.0, false, Lang::En);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "one two three four");
        for line in &lines {
            assert!(text_width(line, 10.0, false, Lang::En) <= 60.0, "{line}");
        }
        let zh = wrap("上海市人工智能产业，规模超过", 45.0, 10.0, false, Lang::Zh);
        assert_eq!(zh.concat(), "上海市人工智能产业，规模超过");
        assert!(zh.iter().all(|l| !l.starts_with('，')), "{zh:?}");
        assert!(zh.len() >= 3, "{zh:?}");
        // An opening bracket stays with what follows it.
        for width in [30.0, 40.0, 50.0, 60.0, 70.0] {
            let lines = wrap("Shanghai GDP（2024–2025年）", width, 10.0, false, Lang::Zh);
            assert!(lines.iter().all(|l| !l.ends_with('（')), "{lines:?}");
        }
    }

    #[test]
    fn a_line_too_wide_is_shortened_even_when_none_is_cut() {
        let lines = clamp_lines(
            vec!["Incomprehensibilities".to_owned()],
            2,
            40.0,
            10.0,
            false,
            Lang::En,
        );
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[0], 10.0, false, Lang::En) <= 40.0);
        let fits = clamp_lines(vec!["GDP".to_owned()], 1, 40.0, 10.0, false, Lang::En);
        assert_eq!(fits, vec!["GDP".to_owned()]);
    }

    #[test]
    fn clamped_lines_end_in_an_ellipsis_and_fit() {
        let lines = wrap(
            "alpha beta gamma delta epsilon",
            50.0,
            10.0,
            false,
            Lang::En,
        );
        let cut = clamp_lines(lines, 2, 50.0, 10.0, false, Lang::En);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        assert!(text_width(&cut[1], 10.0, false, Lang::En) <= 50.0);
    }
}
