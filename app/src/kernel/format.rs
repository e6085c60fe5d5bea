//! Dates and money as people read them, in the page's language.

use crate::i18n::{format_number, use_i18n, Lang, MessageSet};

/// January (1) to December (12).
const MONTHS: [&str; 12] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];
pub const MONTH_MESSAGES: MessageSet = MessageSet::new("month-", || MONTHS.to_vec());

/// "1 oktober 2016" / "1 octobre 2016" from an ISO date.
pub fn long_date(iso: &str) -> String {
    let i18n = use_i18n();
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(day), Ok(year)) = (day.parse::<u32>(), year.parse::<i32>()) else {
        return iso.to_owned();
    };
    let month = match month.parse::<usize>() {
        Ok(m @ 1..=12) => i18n.t_of(&MONTH_MESSAGES, MONTHS[m - 1]),
        _ => return iso.to_owned(),
    };
    // Fluent: "1er octobre" in French.
    i18n.t_args(
        "date-long",
        [
            ("day", day.into()),
            ("month", month.into()),
            ("year", year.to_string().into()),
        ],
    )
}

/// "€ 3.333,33" / "3 333,33 €".
pub fn euro_cents(lang: Lang, cents: i64) -> String {
    let amount = format!(
        "{}{}{:02}",
        format_number(lang, cents / 100),
        lang.decimal_separator(),
        cents % 100
    );
    match lang {
        Lang::Nl => format!("€ {amount}"),
        Lang::Fr => format!("{amount} €"),
    }
}

/// Whole euros: "€ 2.239.644" / "2 239 644 €".
pub fn euros(lang: Lang, amount: f64) -> String {
    let amount = format_number(lang, amount.round() as i64);
    use_i18n().t_args("amount-eur", [("amount", amount.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_are_written_the_way_each_language_does() {
        assert_eq!(euro_cents(Lang::Nl, 333_333), "€ 3.333,33");
        assert_eq!(
            euro_cents(Lang::Fr, 333_333).replace(['\u{202f}', '\u{a0}'], " "),
            "3 333,33 €"
        );
        assert_eq!(euro_cents(Lang::Nl, 5), "€ 0,05");
    }
}
