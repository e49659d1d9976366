//! Text as certsite takes it from its inputs, CSV cells and names in TOML files alike:
//! NFC-normalised and trimmed (DESIGN §3 "CSV conventions").

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC-normalises and trims; borrows when the text already is (the common case).
pub fn normalize(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim();
    if trimmed.is_ascii() || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.nfc().collect::<String>().trim().to_owned())
    }
}
