//! Stage "render", static files: CSS and JavaScript compiled into the binary and published
//! under `/assets/` (DESIGN §4: no inline script, so a strict Content-Security-Policy works).

/// `(path below the output, bytes)` of every asset.
pub const ASSETS: &[(&str, &[u8])] = &[
    ("assets/site.css", include_bytes!("../../assets/site.css")),
    ("assets/verify.js", include_bytes!("../../assets/verify.js")),
    ("assets/jcs.js", include_bytes!("../../assets/jcs.js")),
    ("assets/verify-credential.js", include_bytes!("../../assets/verify-credential.js")),
];
