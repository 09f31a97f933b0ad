//! Datasets saved on Windows, read through the file path as the app and
//! `validate` read them: CRLF line ends, a UTF-8 byte-order mark and
//! UTF-16 ("Unicode" in Notepad) are read; GB18030 and windows-1252
//! ("ANSI") are refused with a message naming the encoding, and where.

use plan_explorer::dataset::{ReadError, load_file};

/// The minimal dataset's text, with `title` as its title.
fn text_titled(title: &str) -> String {
    let mut value = crate::common::minimal();
    value["title"] = serde_json::Value::from(title);
    serde_json::to_string_pretty(&value).expect("JSON")
}

/// Loads `bytes` written to a file, as the window and `validate` do.
fn load_bytes(bytes: &[u8]) -> Result<plan_explorer::dataset::Loaded, ReadError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved-on-windows.json");
    std::fs::write(&path, bytes).expect("writes");
    load_file(&path)
}

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    for unit in units {
        bytes.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn crlf_a_byte_order_mark_and_utf16_are_read_through_the_file_path() {
    let title = "上海市 plan, 2025–2027";
    let text = text_titled(title);
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend(crlf.as_bytes());
    let cases: [(&str, Vec<u8>); 6] = [
        ("CRLF", crlf.clone().into_bytes()),
        ("UTF-8 with a BOM and CRLF", bom),
        ("UTF-16LE with a BOM", utf16(&crlf, true, true)),
        ("UTF-16BE with a BOM", utf16(&crlf, false, true)),
        ("UTF-16LE without a BOM", utf16(&text, true, false)),
        ("UTF-16BE without a BOM", utf16(&text, false, false)),
    ];
    for (name, bytes) in cases {
        let loaded = load_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let problems = crate::common::messages(&loaded);
        let dataset = loaded
            .dataset
            .unwrap_or_else(|| panic!("{name}: {problems:?}"));
        assert_eq!(dataset.title, title, "{name}");
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn gb18030_and_windows_1252_are_refused_naming_the_encoding_and_the_place() {
    // GB18030: what a Chinese Windows saves as "ANSI".
    let title = "上海市人工智能产业发展规划，二〇二五年至二〇二七年的行动方案";
    let text = text_titled(title);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    // Where the first character that is not ASCII is: its first byte is
    // the first that is not UTF-8.
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| {
            l.find(|c: char| !c.is_ascii())
                .map(|at| (n + 1, l[..at].chars().count() + 1))
        })
        .expect("the text has Chinese");
    let error = load_bytes(&gb).expect_err("refused");
    let message = error.to_string();
    assert!(
        matches!(
            error,
            ReadError::NotUtf8 { likely: Some("GB18030"), line: l, column: c, .. }
                if (l, c) == (line, column)
        ),
        "{error:?}, expected line {line}, column {column}"
    );
    assert!(
        message.contains(&format!(
            "line {line}, column {column}; it reads as GB18030: save it as UTF-8"
        )),
        "{message}"
    );
    // windows-1252: an English Windows' "ANSI".
    // (Reading stops before parsing, so a short text shows it.)
    let text = "{\"title\": \"Plan für die Straße – résumé\", \"plans\": []}";
    let (ansi, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let error = load_bytes(&ansi).expect_err("refused");
    assert!(
        error.to_string().contains("it reads as windows-1252"),
        "{error}"
    );
    // The problem `validate` lists carries the encoding too.
    let problem = error.content_problem().expect("a content problem");
    assert!(
        problem.message().contains("windows-1252"),
        "{}",
        problem.message()
    );
    // Bytes that are no text at all name no encoding.
    let mut junk = text_titled("x").into_bytes();
    junk.splice(10..10, [0xff, 0xfe, 0xfd, 0x80, 0x00]);
    let error = load_bytes(&junk[2..]).expect_err("refused");
    assert!(!error.to_string().contains("reads as"), "{error}");
}
