//! Closed sets (a question a meeting asks, a publication state, a kind of letter…): each
//! is an enum whose values have a code (in URLs, forms, the database and message ids),
//! declared once with `closed_set!`, which derives what every set has: `ALL` (every
//! value in declaration order), `code()` and `from_code()`. Nothing of it is written by
//! hand, so a value added to the enum is in `ALL`, has its code and parses back.

/// Declares a closed set: an enum whose every variant names its code
/// (`Variant = "code"`). Attributes (derives, serde, docs) are kept as written.
#[macro_export]
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The value's code (in URLs, forms, the database and message ids).
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The value of a code; None for any other text.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::closed_set! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Weather {
            /// Docs and attributes stay on their variant.
            Sun = "sun",
            Rain = "rain",
            Fog = "fog-bank",
        }
    }

    #[test]
    fn every_value_is_listed_has_its_code_and_parses_back() {
        assert_eq!(Weather::ALL, [Weather::Sun, Weather::Rain, Weather::Fog]);
        for value in Weather::ALL {
            assert_eq!(Weather::from_code(value.code()), Some(value));
        }
        assert_eq!(Weather::Fog.code(), "fog-bank");
        assert_eq!(Weather::from_code("Sun"), None);
        assert_eq!(Weather::from_code(""), None);
    }
}
