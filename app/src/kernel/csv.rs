//! Every CSV file the app writes (the public exports, the observatory, the staff
//! exports) goes through `write`, which applies one rule against formula injection
//! (OWASP, "CSV Injection"): a cell that a spreadsheet would read as a formula, one that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return, is written with a single
//! quote in front, which spreadsheets take as "this is text". The import reads such a
//! cell back without that quote (`restore`), so an export imports unchanged.
//!
//! What a spreadsheet ignores or normalises does not hide a formula: the rule looks at
//! the cell after any quotes, whitespace and invisible format characters (a byte-order
//! mark, zero-width spaces and joiners, a soft hyphen, bidi marks, embeddings,
//! overrides and isolates), and reads the full-width and small signs (`＝`, `＋`, `－`,
//! `＠`, …) as the ASCII ones they normalise to.
//!
//! Numbers are left as they are (`-3.5` is a number, not a formula), and so are phone
//! numbers' digits: `+32 57 23 92 20` is written `'+32 57 23 92 20`, which a spreadsheet
//! shows as the number as typed instead of trying to compute it. A cell that already
//! begins with quotes before such a character gets one more, so that `restore` gives
//! back exactly what was written.

/// Characters that make a spreadsheet read a cell as a formula: the ASCII ones, and
/// their full-width and small forms (Unicode compatibility forms that spreadsheets and
/// NFKC normalisation turn into the ASCII ones).
const TRIGGERS: [char; 14] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\u{FE66}',
    '\u{FE62}', '\u{FE63}', '\u{FE6B}',
];

/// Characters nobody sees at the start of a cell, which a spreadsheet may drop before it
/// reads the cell: Unicode's default-ignorable format characters (a byte-order mark,
/// zero-width space, non-joiner and joiner, word joiner, soft hyphen, bidi marks,
/// embeddings, overrides and isolates, variation selectors, tags, fillers) and the other
/// control characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || c.is_control()
}

fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

/// Whether `cell` begins with a trigger once leading quotes, whitespace and invisible
/// characters are skipped. Skipping a leading quote never changes the answer, which is
/// what makes `restore` the inverse of `neutralise`.
fn guarded(cell: &str) -> bool {
    cell.chars()
        .find(|&c| TRIGGERS.contains(&c) || !(c == '\'' || c.is_whitespace() || is_invisible(c)))
        .is_some_and(|c| TRIGGERS.contains(&c))
}

/// The cell as it is safe to write.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if guarded(cell) && !is_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read from a CSV file that this rule wrote: the added quote removed.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) => rest,
        _ => cell,
    }
}

/// A CSV file: the header, then the rows, every cell neutralised.
pub fn write<R, C>(header: &[&str], rows: R) -> Result<Vec<u8>, csv::Error>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(vec![]);
    writer.write_record(header.iter().map(|h| neutralise(h).into_owned()))?;
    for row in rows {
        writer.write_record(row.into_iter().map(|c| neutralise(c.as_ref()).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_read_back() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "'=HYPERLINK(\"http://evil.example\",\"x\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            (
                "@SUM(1+1)*cmd|' /C calc'!A0",
                "'@SUM(1+1)*cmd|' /C calc'!A0",
            ),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("'=1+1", "''=1+1"),
            ("+32 57 23 92 20", "'+32 57 23 92 20"),
            (
                "+32 57 23 92 20; +33 3 20 00 00 00",
                "'+32 57 23 92 20; +33 3 20 00 00 00",
            ),
        ] {
            assert_eq!(neutralise(cell), written, "{cell}");
            assert_eq!(restore(written), cell, "{cell}");
        }
    }

    #[test]
    fn plain_text_and_numbers_are_left_alone() {
        for cell in [
            "Mairie d'Halluin",
            "'s-Gravenhage",
            "Comines-Warneton",
            "056 86 06 00",
            "-3.5",
            "+12",
            "50.851234",
            "",
            "''",
            "-",
        ] {
            let expected = if cell == "-" { "'-" } else { cell };
            assert_eq!(neutralise(cell), expected, "{cell}");
            assert_eq!(restore(&neutralise(cell)), cell, "{cell}");
        }
    }

    /// Characters a spreadsheet does not show, or drops, before what it reads.
    const HIDDEN: [char; 21] = [
        '\u{FEFF}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}', '\u{200E}',
        '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
        '\u{2067}', '\u{2068}', '\u{2069}', ' ', '\u{00A0}', '\u{3000}', '\n',
    ];

    #[test]
    fn formulas_behind_invisible_characters_or_whitespace_become_text() {
        for hidden in HIDDEN {
            for formula in [
                "=1+1",
                "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1)",
            ] {
                let cell = format!("{hidden}{formula}");
                let written = format!("'{cell}");
                assert_eq!(neutralise(&cell), written, "{cell:?}");
                assert_eq!(restore(&written), cell, "{cell:?}");
            }
        }
        for (cell, written) in [
            (
                "\u{FEFF}\u{200B} \u{202E}=1+1",
                "'\u{FEFF}\u{200B} \u{202E}=1+1",
            ),
            ("'\u{200B}=1+1", "''\u{200B}=1+1"),
            ("\u{FEFF}'=1+1", "'\u{FEFF}'=1+1"),
            (" -3.5", "' -3.5"),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(restore(written), cell, "{cell:?}");
        }
    }

    #[test]
    fn full_width_signs_count_as_their_ascii_forms() {
        for cell in [
            "\u{FF1D}HYPERLINK(\"http://evil.example\",\"x\")",
            "\u{FF0B}cmd|' /C calc'!A0",
            "\u{FF0D}2+3+cmd|' /C calc'!A0",
            "\u{FF20}SUM(1+1)",
            "\u{FE66}1+1",
            "\u{FEFF}\u{FF1D}1+1",
            "'\u{FF1D}1+1",
            " \u{FF0B}32 57 23 92 20",
        ] {
            let written = format!("'{cell}");
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(restore(&written), cell, "{cell:?}");
        }
    }

    #[test]
    fn hidden_characters_before_plain_text_change_nothing() {
        for cell in [
            "\u{FEFF}Mairie d'Halluin",
            "\u{200B}056 86 06 00",
            " Ieper",
            "\u{00AD}",
            "'\u{200B}",
            "Jan = Piet",
            "Comines\u{FF0D}Warneton",
            "+32 57 23 94 00 ",
        ] {
            let expected = if cell.starts_with('+') {
                format!("'{cell}")
            } else {
                cell.to_owned()
            };
            assert_eq!(neutralise(cell), expected, "{cell:?}");
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn restore_undoes_neutralise_for_every_short_cell() {
        let alphabet = [
            '\'', '=', '\u{FF1D}', '-', '\u{FEFF}', '\u{202E}', ' ', '\t', 'a', '1', '.',
        ];
        let mut cells = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = cells
                .iter()
                .flat_map(|c| alphabet.map(|a| format!("{c}{a}")))
                .collect();
            cells.extend(longer);
            cells.dedup();
        }
        for cell in &cells {
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn every_cell_of_a_file_is_neutralised() {
        let file = write(&["name", "phone"], [["=1+1", "+32 1"], ["ok", "056"]]).unwrap();
        let text = String::from_utf8(file).unwrap();
        assert_eq!(text, "name,phone\n'=1+1,'+32 1\nok,056\n");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let first = reader.records().next().unwrap().unwrap();
        assert_eq!(restore(&first[0]), "=1+1");
    }
}
