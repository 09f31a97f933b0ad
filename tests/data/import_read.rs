//! Reading plan documents: seed 002 (the Medical AI Working Plan) read
//! from its text, its Word document, its web page and its PDF gives the
//! same paragraphs; Chinese encodings decode; bad files are refused with
//! clear messages, quickly.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use plan_explorer::i18n::Lang;
use plan_explorer::import::read::{
    self, DocKind, Format, Note, ReadDocError, ReadOptions, TextEncoding, Unsupported,
};
use plan_explorer::job::Progress;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read_fixture(name: &str) -> read::Document {
    read::read_document(&fixture(name), &Progress::default())
        .unwrap_or_else(|error| panic!("{name} reads: {error}"))
}

/// Paragraphs as compared across formats: white space (no-break spaces
/// too) squeezed to one space.
fn normalized(document: &read::Document) -> Vec<String> {
    document
        .paragraphs()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The seed's paragraphs, as the text file has them.
fn seed_paragraphs() -> Vec<String> {
    normalized(&read_fixture("seed002.txt"))
}

/// The seed's paragraphs without the portal's "Related stories" that
/// closes the text file: the web page has it outside the article.
fn article_paragraphs() -> Vec<String> {
    let mut paragraphs = seed_paragraphs();
    assert_eq!(
        paragraphs.last().map(String::as_str),
        Some("Related stories")
    );
    paragraphs.pop();
    paragraphs
}

/// The first paragraph where two readings differ, for a readable failure.
fn first_difference(expected: &[String], found: &[String]) -> Option<String> {
    let at = expected
        .iter()
        .zip(found)
        .position(|(a, b)| a != b)
        .or_else(|| (expected.len() != found.len()).then(|| expected.len().min(found.len())))?;
    Some(format!(
        "paragraph {at} of {} / {}:\nexpected: {:?}\nfound:    {:?}",
        expected.len(),
        found.len(),
        expected.get(at),
        found.get(at)
    ))
}

#[test]
fn seed_002_as_text_is_its_paragraphs() {
    let document = read_fixture("seed002.txt");
    assert_eq!(
        document.format,
        Format::Text {
            encoding: TextEncoding::Utf8
        }
    );
    assert_eq!(document.paragraphs().count(), 49);
    assert!(document.notes.is_empty(), "{:?}", document.notes);
}

#[test]
fn seed_002_as_word_gives_the_texts_paragraphs() {
    let document = read_fixture("seed002.docx");
    assert_eq!(document.format, Format::Docx);
    let expected = seed_paragraphs();
    let found = normalized(&document);
    assert_eq!(first_difference(&expected, &found), None);
    // The numbers are Word's automatic numbering, written out.
    assert!(
        document
            .notes
            .contains(&Note::NumbersRebuilt { paragraphs: 44 })
    );
    assert!(document.notes.contains(&Note::TrackedChanges {
        insertions: 1,
        deletions: 1
    }));
}

#[test]
fn seed_002_as_a_web_page_gives_the_texts_paragraphs() {
    let document = read_fixture("seed002.html");
    assert_eq!(
        document.format,
        Format::Html {
            encoding: TextEncoding::Utf8
        }
    );
    let expected = article_paragraphs();
    let found = normalized(&document);
    assert_eq!(first_difference(&expected, &found), None);
    assert!(
        document
            .title_hint
            .as_deref()
            .is_some_and(|t| t.starts_with("Working Plan of Shanghai Municipality"))
    );
    assert!(matches!(
        &document.notes[..],
        [Note::ArticleFrom { element, .. }] if element == "div.TRS_Editor"
    ));
}

#[test]
fn seed_002_as_a_pdf_gives_the_texts_paragraphs() {
    let document = read_fixture("seed002.pdf");
    assert_eq!(document.format, Format::Pdf { pages: 9 });
    let expected = seed_paragraphs();
    let found = normalized(&document);
    assert_eq!(first_difference(&expected, &found), None);
    assert!(
        document
            .notes
            .contains(&Note::PageNumbersDropped { count: 9 })
    );
    assert!(document.notes.contains(&Note::RepeatedLinesDropped {
        lines: vec!["Medical Artificial Intelligence Working Plan".to_owned()]
    }));
}

/// A short Chinese plan, as Chinese portals save it.
const CHINESE: &str = "上海市加快推进医疗人工智能发展实施方案\r\n\r\n　　一、提升原始创新能力\r\n　　（一）深化前沿基础研究。聚焦认知智能、强化学习等前沿领域拓展人工智能研究布局。（责任单位：市科委、市经济信息化委、市卫生健康委）\r\n";

fn chinese_paragraphs() -> Vec<&'static str> {
    vec![
        "上海市加快推进医疗人工智能发展实施方案",
        "一、提升原始创新能力",
        "（一）深化前沿基础研究。聚焦认知智能、强化学习等前沿领域拓展人工智能研究布局。（责任单位：市科委、市经济信息化委、市卫生健康委）",
    ]
}

#[test]
fn gb18030_and_utf16_texts_decode() {
    let gb = encoding_rs::GB18030.encode(CHINESE).0.into_owned();
    let mut le = vec![0xff, 0xfe];
    le.extend(CHINESE.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(CHINESE.encode_utf16().flat_map(u16::to_be_bytes));
    let bom8 = [b"\xef\xbb\xbf".as_slice(), CHINESE.as_bytes()].concat();
    for (bytes, encoding) in [
        (gb, TextEncoding::Gb18030),
        (le, TextEncoding::Utf16Le),
        (be, TextEncoding::Utf16Be),
        (bom8, TextEncoding::Utf8),
    ] {
        let document = read::read_bytes("plan.txt", &bytes).expect("reads");
        assert_eq!(document.format, Format::Text { encoding });
        assert_eq!(
            document.paragraphs().collect::<Vec<_>>(),
            chinese_paragraphs()
        );
    }
}

#[test]
fn an_unsure_encoding_is_asked_and_read_as_chosen() {
    let bytes = encoding_rs::GB18030.encode("一、总则\n").0.into_owned();
    let error = read::read_bytes("short.txt", &bytes).expect_err("unsure");
    let ReadDocError::UnsureEncoding { candidates, .. } = &error else {
        panic!("unsure expected, got {error}");
    };
    assert!(candidates.iter().any(|c| c.preview == "一、总则"));
    assert!(
        error
            .to_string()
            .starts_with("cannot tell the text's encoding")
    );
    let options = ReadOptions {
        encoding: Some(TextEncoding::Gb18030),
        ..ReadOptions::default()
    };
    let document = read::read_bytes_with("short.txt", &bytes, &options).expect("reads");
    assert_eq!(document.text, "一、总则");
}

/// Reads `bytes` as `name`, in under `seconds`, expecting an error.
fn refused(name: &str, bytes: &[u8], seconds: u64) -> ReadDocError {
    let start = Instant::now();
    let error = read::read_bytes(name, bytes).expect_err("refused");
    assert!(
        start.elapsed() < Duration::from_secs(seconds),
        "{name} took {:?}",
        start.elapsed()
    );
    // Every refusal reads in both languages and names the file.
    assert!(error.to_string().ends_with(name), "{error}");
    assert!(
        error.text(Lang::Zh).ends_with(name),
        "{}",
        error.text(Lang::Zh)
    );
    error
}

/// A zip of `entries`, each stored with deflate.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).expect("starts");
            std::io::Write::write_all(&mut zip, bytes).expect("writes");
        }
        zip.finish().expect("finishes");
    }
    out.into_inner()
}

#[test]
fn a_zip_bomb_is_refused_quickly() {
    // 1 GiB of one byte packs to about a megabyte; the reader stops at
    // its budget, long before the end.
    let mut document = b"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>".to_vec();
    document.resize(document.len() + (1 << 30), b'a');
    let bomb = zip_of(&[("word/document.xml", &document)]);
    drop(document);
    let error = refused("bomb.docx", &bomb, 5);
    assert!(
        matches!(&error, ReadDocError::ZipBomb { part, .. } if part == "word/document.xml"),
        "{error}"
    );
}

#[test]
fn a_docx_that_is_not_a_zip_is_refused() {
    let error = refused("notes.docx", b"This is not a Word document at all.", 1);
    assert!(matches!(error, ReadDocError::NotZip { .. }), "{error}");
    let error = refused("book.docx", &zip_of(&[("content.opf", b"<x/>")]), 1);
    assert!(
        matches!(&error, ReadDocError::MissingPart { part, .. } if part == "word/document.xml"),
        "{error}"
    );
    let old = [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".as_slice(), &[0; 512]].concat();
    let error = refused("plan.doc", &old, 1);
    assert!(
        matches!(
            error,
            ReadDocError::Unsupported {
                kind: Unsupported::OldWord,
                ..
            }
        ),
        "{error}"
    );
    let error = refused("plan.docx", &old, 1);
    assert!(
        matches!(
            error,
            ReadDocError::Encrypted {
                kind: DocKind::Docx,
                ..
            }
        ),
        "{error}"
    );
}

/// A PDF of `objects` (numbered from 1, the first the catalogue), with
/// its cross-reference table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// An uncompressed stream object holding `content`.
fn stream(content: &[u8]) -> Vec<u8> {
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content);
    stream.extend(b"\nendstream");
    stream
}

/// A one-page PDF whose page is only a picture, as a scanner writes it.
fn image_only_pdf() -> Vec<u8> {
    let image: Vec<u8> = (0..64 * 64)
        .map(|i| if i % 7 == 0 { 0 } else { 255 })
        .collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
    ];
    let mut picture = format!(
        "<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
        image.len()
    )
    .into_bytes();
    picture.extend(&image);
    picture.extend(b"\nendstream");
    objects.push(picture);
    objects.push(stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"));
    pdf_of(&objects)
}

#[test]
fn a_pdf_s_replacement_text_is_read_as_the_text_it_stands_for() {
    // LibreOffice, printing a Chinese plan where no Chinese font is
    // installed, draws every character as the same blank glyph, whose code
    // maps to one character (上), each in a span saying which character it
    // stands for (/ActualText). The spans' text is the document's.
    let document = read_fixture("chinese-without-fonts.pdf");
    assert_eq!(
        normalized(&document),
        [
            "上海市促进低空经济发展行动方案",
            "一、总体目标",
            "到2028年，建成起降点超过150个。（责任单位：市交通委）",
        ]
    );
    // A ligature's span ("fi", "ff" drawn as one glyph; its text as
    // PDFDocEncoding or UTF-16) gives its letters, and the glyph's own
    // width keeps the word after it in place: no space is read into
    // "finance".
    let widths = vec!["500"; 95].join(" ");
    let font = format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding \
         /FirstChar 32 /LastChar 126 /Widths [{widths}] >>"
    );
    let content = b"BT /F1 12 Tf 72 700 Td (The ) Tj /Span <</ActualText (fi)>> BDC (X) Tj EMC \
                    (nance plan and the e) Tj /Span <</ActualText <FEFF00660066>>> BDC (Z) Tj EMC \
                    (ort.) Tj ET";
    let pdf = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        font.into_bytes(),
        stream(content),
    ]);
    let read = read::read_bytes("ligature.pdf", &pdf).expect("reads");
    assert_eq!(normalized(&read), ["The finance plan and the effort."]);
}

#[test]
fn a_long_pdf_of_replacement_text_reads_past_a_two_byte_code() {
    use std::fmt::Write as _;
    // A long Chinese document printed without its fonts has a span for
    // every character: 69,000 here, over the 65,535 codes of two bytes,
    // from 97 characters.
    let (pages, lines, per_line) = (23, 60, 50);
    let character = |i: usize| {
        char::from_u32(0x4E00 + u32::try_from(i % 97).expect("small")).expect("a character")
    };
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|p| format!("{} 0 R", 4 + 2 * p))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let mut expected = String::new();
    for page in 0..pages {
        let mut content = String::from("BT /F1 10 Tf\n");
        for line in 0..lines {
            for column in 0..per_line {
                let c = character((page * lines + line) * per_line + column);
                expected.push(c);
                let _ = writeln!(
                    content,
                    "/Span <</ActualText <FEFF{:04X}>>> BDC 1 0 0 1 {} {} Tm (X) Tj EMC",
                    u32::from(c),
                    40 + 10 * column,
                    800 - 12 * line
                );
            }
        }
        content.push_str("ET");
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * page
            )
            .into_bytes(),
        );
        objects.push(stream(content.as_bytes()));
    }
    // What is tested is the text, not the speed (a bench's matter): the
    // deadline is one a loaded machine's debug build meets.
    let options = ReadOptions {
        deadline: Duration::from_mins(5),
        ..ReadOptions::default()
    };
    let read = read::read_bytes_with("long.pdf", &pdf_of(&objects), &options).expect("reads");
    let text: String = read.text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(text.chars().count(), expected.chars().count());
    assert!(
        text == expected,
        "the text read differs from the spans' text"
    );
}

#[test]
fn a_scanned_pdf_says_the_app_does_not_do_ocr() {
    let error = refused("scan.pdf", &image_only_pdf(), 5);
    assert!(
        matches!(error, ReadDocError::NoTextLayer { pages: 1, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("does not do OCR"));
}

#[test]
fn encrypted_and_damaged_pdfs_are_refused() {
    let encrypted = std::fs::read(fixture("encrypted.pdf")).expect("the fixture");
    let error = refused("encrypted.pdf", &encrypted, 5);
    assert!(
        matches!(
            error,
            ReadDocError::Encrypted {
                kind: DocKind::Pdf,
                ..
            }
        ),
        "{error}"
    );
    let seed = std::fs::read(fixture("seed002.pdf")).expect("the fixture");
    let error = refused("cut.pdf", &seed[..seed.len() / 2], 5);
    assert!(matches!(error, ReadDocError::BadPdf { .. }), "{error}");
    let error = refused("fake.pdf", b"<html>not a pdf</html>", 1);
    assert!(matches!(error, ReadDocError::BadPdf { .. }), "{error}");
}

#[test]
fn damaged_pdfs_never_hang_or_panic_out() {
    // Bytes changed at random through the seed's PDF: each read ends in
    // moments, with text or a clear error.
    let seed = std::fs::read(fixture("seed002.pdf")).expect("the fixture");
    let mut state = 0x2545_f491_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..40 {
        let mut bytes = seed.clone();
        for _ in 0..=(next() % 20) {
            let at = usize::try_from(next() % bytes.len() as u64).expect("fits");
            bytes[at] = u8::try_from(next() % 256).expect("a byte");
        }
        let start = Instant::now();
        let _ = read::read_bytes("damaged.pdf", &bytes);
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}

#[test]
fn a_ten_megabyte_line_is_read_with_a_note() {
    let line = "word ".repeat(2 * 1024 * 1024);
    let start = Instant::now();
    let document = read::read_bytes("one-line.txt", line.as_bytes()).expect("reads");
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(document.paragraphs().count(), 1);
    assert!(matches!(
        &document.notes[..],
        [Note::LongParagraph { chars }] if *chars == line.len() - 1
    ));
}

#[test]
fn a_web_page_over_its_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("huge.html");
    let file = std::fs::File::create(&path).expect("creates");
    file.set_len(200 * 1024 * 1024)
        .expect("a sparse 200 MB file");
    let start = Instant::now();
    let error = read::read_document(&path, &Progress::default()).expect_err("refused");
    assert!(start.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(
            error,
            ReadDocError::TooLarge {
                kind: DocKind::Html,
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("the web page is 200.0 MB, over the limit")
    );
}

#[test]
fn binary_files_and_pictures_are_not_documents() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let error = refused("scan.png", png, 1);
    assert!(
        matches!(
            error,
            ReadDocError::Unsupported {
                kind: Unsupported::Image,
                ..
            }
        ),
        "{error}"
    );
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let error = refused("data.txt", &binary, 1);
    assert!(matches!(error, ReadDocError::NotText { .. }), "{error}");
    let error = refused("blank.txt", b"  \n\n ", 1);
    assert!(matches!(error, ReadDocError::Empty { .. }), "{error}");
}

/// A Chinese plan printed to PDF by `LibreOffice`, its fonts' `ToUnicode`
/// maps then renamed away (`/ToUnicode` → `/XoUnicode`, the same length,
/// so the file stays sound): subset fonts whose codes are their own. The
/// reader once took their codes for Latin letters and drafted gibberish;
/// it says the text cannot be read, in both languages.
#[test]
fn a_pdf_whose_fonts_do_not_map_to_unicode_is_refused_as_unreadable() {
    let file = fixture("zh-no-tounicode.pdf");
    let error = read::read_document(&file, &Progress::default()).expect_err("unreadable");
    let read::ReadDocError::UnmappedText {
        unmapped, total, ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(unmapped, total, "every character is unreadable");
    let en = error.text(Lang::En);
    assert!(en.contains("cannot be read as text"), "{en}");
    assert!(en.contains("zh-no-tounicode.pdf"), "{en}");
    let zh = error.text(Lang::Zh);
    assert!(zh.contains("无法读作文字"), "{zh}");
}
