//! Every CSV file the app writes (the public exports, the observatory, the staff
//! exports) goes through `write`, which applies one rule against formula injection
//! (OWASP, "CSV Injection"): a cell that a spreadsheet would read as a formula, one that
//! begins with `=`, `+`, `-`, `@`, a tab or a carriage return, is written with a single
//! quote in front, which spreadsheets take as "this is text". The import reads such a
//! cell back without that quote (`restore`), so an export imports unchanged.
//!
//! Numbers are left as they are (`-3.5` is a number, not a formula), and so are phone
//! numbers' digits: `+32 57 23 92 20` is written `'+32 57 23 92 20`, which a spreadsheet
//! shows as the number as typed instead of trying to compute it. A cell that already
//! begins with quotes before such a character gets one more, so that `restore` gives
//! back exactly what was written.

/// Characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    !digits.is_empty()
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
}

/// Whether `cell` (after any leading quotes) begins with a trigger.
fn guarded(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(TRIGGERS)
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
