//! Stage "render", order: names sorted by the Azerbaijani alphabet (DESIGN §6: a b c ç d e ə
//! f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z; İ/i and I/ı) with ICU's `az` collation
//! (the CLDR tailoring, icu_collator's compiled data) rather than a hand-written table.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| Collator::try_new(locale!("az").into(), CollatorOptions::default()).expect("the az collation is compiled in"))
}

/// Compares two texts in Azerbaijani alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_alphabet_order() {
        let mut names = vec![
            "Zeynalov",
            "Ağayev",
            "Əliyev",
            "Eyvazov",
            "Çələbiyev",
            "Cəfərov",
            "Dadaşov",
            "Xəlilov",
            "Həsənov",
            "İsmayılov",
            "Işıqlı",
            "Qasımov",
            "Kərimov",
            "Ömərov",
            "Orucov",
            "Şirinov",
            "Səfərov",
            "Ünsiyev",
            "Uğurlu",
            "Ğəniyev",
            "Gəncəli",
        ];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            vec![
                "Ağayev",
                "Cəfərov",
                "Çələbiyev",
                "Dadaşov",
                "Eyvazov",
                "Əliyev",
                "Gəncəli",
                "Ğəniyev",
                "Həsənov",
                "Xəlilov",
                "Işıqlı",
                "İsmayılov",
                "Kərimov",
                "Qasımov",
                "Orucov",
                "Ömərov",
                "Səfərov",
                "Şirinov",
                "Uğurlu",
                "Ünsiyev",
                "Zeynalov",
            ]
        );
    }
}
