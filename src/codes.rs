//! Enums whose variants each have a code: in addresses, in the data file and its CSV
//! files, as hooks for the stylesheet and the tests. [`coded!`] writes an enum, the list
//! of its variants, each variant's code and the way back from one table, so that a code
//! is spelled once. Where the enum is also read from the data file, a test checks that
//! serde spells it the same (`data::model`'s tests).

/// `coded! { id / from_id; #[attributes] pub enum Name { Variant = "code", … } }` writes
/// the enum and adds `Name::ALL` (the variants in order), `id(self)` (the code) and
/// `from_id(code)`, under the two method names given first.
macro_rules! coded {
    (
        $code:ident / $from:ident;
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in the order of the declaration.
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            /// The variant's code.
            pub fn $code(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }

            /// The variant with this code, if any.
            pub fn $from(code: &str) -> Option<$name> {
                match code {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    coded! {
        id / from_id;
        #[derive(Clone, Copy, Debug, PartialEq)]
        enum Sample {
            One = "one",
            /// A documented variant.
            TwoWords = "two-words",
        }
    }

    #[test]
    fn codes_go_both_ways_and_all_keeps_the_order() {
        assert_eq!(Sample::ALL, [Sample::One, Sample::TwoWords]);
        for s in Sample::ALL {
            assert_eq!(Sample::from_id(s.id()), Some(s));
        }
        assert_eq!(Sample::TwoWords.id(), "two-words");
        assert_eq!(Sample::from_id("TwoWords"), None);
    }
}
