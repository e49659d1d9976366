//! Stage "render", static files: CSS and JavaScript compiled into the binary and published
//! under `/assets/` (DESIGN §4: no inline script, so a strict Content-Security-Policy works).

/// `(path below the output, bytes)` of every asset.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("assets/site.css", include_bytes!("../../assets/site.css")),
    ("assets/code.js", include_bytes!("../../assets/code.js")),
    ("assets/verify.js", include_bytes!("../../assets/verify.js")),
    ("assets/jcs.js", include_bytes!("../../assets/jcs.js")),
    ("assets/verify-credential.js", include_bytes!("../../assets/verify-credential.js")),
    ("assets/not-found.js", include_bytes!("../../assets/not-found.js")),
    ("assets/results.js", include_bytes!("../../assets/results.js")),
    ("assets/wallet-copy.js", include_bytes!("../../assets/wallet-copy.js")),
    // The offline verifier, /scan/ (DESIGN §4): its script, its app icons and the libraries it
    // bundles (made by scripts/vendor-js; their licences beside them).
    ("assets/scan.js", include_bytes!("../../assets/scan.js")),
    ("assets/scan-192.png", include_bytes!("../../assets/scan-192.png")),
    ("assets/scan-512.png", include_bytes!("../../assets/scan-512.png")),
    ("assets/vendor/cborld.js", include_bytes!("../../assets/vendor/cborld.js")),
    ("assets/vendor/jsqr.js", include_bytes!("../../assets/vendor/jsqr.js")),
    ("assets/vendor/LICENSES.md", include_bytes!("../../assets/vendor/LICENSES.md")),
];

/// `assets/updated.css`: the date of the register's last update (this build) as generated
/// content of `.updated-on`, in each language's form. Certificate pages show it without
/// JavaScript and without changing themselves every day (DESIGN §5): only this file does.
pub fn updated_css(build_date: time::Date, languages: &[crate::config::Lang]) -> Vec<u8> {
    let mut css = String::from("/* certsite: the date of the last update of the register (written by each build). */\n");
    for (k, &lang) in languages.iter().enumerate() {
        let selector = if k == 0 { ".updated-on::after".to_owned() } else { format!(":lang({}) .updated-on::after", lang.code()) };
        // A date is digits, letters, spaces and dots: nothing to escape in a CSS string.
        css.push_str(&format!("{selector} {{ content: \"{}\"; }}\n", crate::render::i18n::date(lang, build_date)));
    }
    css.into_bytes()
}
