#!/usr/bin/env python3
"""Makes the exported charts' typefaces in assets/fonts/ from Debian's Noto
packages: Noto Sans (Latin, Greek, Cyrillic) and Noto Sans CJK SC, each in
Regular and Bold, subset so the binary stays small.

The Latin faces keep Latin, Greek, Cyrillic, punctuation and symbols. The
Chinese faces keep every character of GB 2312 (the 6,763 common hanzi and
its symbols), CJK punctuation, full-width forms, Latin, and every character
the built-in dataset and the interface's words use. A dataset that uses a
rarer character still renders: the writers fall back to Droid Sans Fallback.

The Latin faces also get the warning sign U+26A0 (the mark of a figure's
caveat), which Noto Sans lacks, merged in from Noto Sans Symbols 2. They
keep Noto Sans's own line spacing: the merge would take the symbols face's
deeper descent, and the window, which sets its text in these faces, would
space every line half as far apart again.

Run from the project folder, with fontTools (pip install fonttools):

    apt-get download fonts-noto-core fonts-noto-cjk
    for d in fonts-noto-*.deb; do dpkg-deb -x "$d" noto; done
    python3 tools/subset_fonts.py noto
"""
import pathlib
import sys

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTCollection, TTFont

LATIN = (
    list(range(0x20, 0x250))  # Basic Latin to Latin Extended-B
    + list(range(0x370, 0x400))  # Greek
    + list(range(0x400, 0x460))  # Cyrillic
    + list(range(0x2000, 0x2070))  # General punctuation
    + list(range(0x2070, 0x20A0))  # Super- and subscripts
    + list(range(0x20A0, 0x20C0))  # Currency
    + list(range(0x2100, 0x2200))  # Letterlike, number forms, arrows
    + list(range(0x2200, 0x2300))  # Mathematical operators
    + list(range(0x25A0, 0x2600))  # Geometric shapes
)


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def project_chars(root):
    chars = set()
    for path in [root / "data" / "shanghai_plans.json", root / "src" / "i18n" / "mod.rs"]:
        chars.update(ord(c) for c in path.read_text(encoding="utf-8"))
    for path in (root / "data" / "editions").glob("*.json"):
        chars.update(ord(c) for c in path.read_text(encoding="utf-8"))
    return {c for c in chars if c >= 0x20}


def write_subset(font, unicodes, out):
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl", "vert", "palt", "halt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    font.save(out)
    print(f"{out}: {out.stat().st_size // 1024} KiB")


WARNING_SIGN = 0x26A0


VERTICAL_METRICS = [
    ("hhea", "ascent"),
    ("hhea", "descent"),
    ("hhea", "lineGap"),
    ("OS/2", "sTypoAscender"),
    ("OS/2", "sTypoDescender"),
    ("OS/2", "sTypoLineGap"),
    ("OS/2", "usWinAscent"),
    ("OS/2", "usWinDescent"),
]


def add_warning_sign(face, symbols, scratch):
    """Merges Noto Sans Symbols 2's warning sign into a Latin face (both
    have 1000 units per em), keeping the face's vertical metrics."""
    original = TTFont(face)
    metrics = {(t, n): getattr(original[t], n) for t, n in VERTICAL_METRICS}
    write_subset(TTFont(symbols), {WARNING_SIGN}, scratch)
    merged = Merger().merge([str(face), str(scratch)])
    for (table, name), value in metrics.items():
        setattr(merged[table], name, value)
    merged.save(face)
    scratch.unlink()


def main():
    noto = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    fonts = root / "assets" / "fonts"
    latin = noto / "usr/share/fonts/truetype/noto"
    cjk = noto / "usr/share/fonts/opentype/noto"
    for weight in ["Regular", "Bold"]:
        face = fonts / f"NotoSans-{weight}.ttf"
        write_subset(TTFont(latin / f"NotoSans-{weight}.ttf"), LATIN, face)
        add_warning_sign(face, latin / "NotoSansSymbols2-Regular.ttf", fonts / "warning.ttf")
        collection = TTCollection(cjk / f"NotoSansCJK-{weight}.ttc")
        sc = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
        unicodes = set(LATIN) | gb2312() | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
        unicodes |= project_chars(root)
        write_subset(sc, unicodes, fonts / f"NotoSansCJKsc-{weight}.otf")


if __name__ == "__main__":
    main()
