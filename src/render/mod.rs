//! Stage "render": HTML pages through tera, QR codes (DESIGN §4).
pub mod qr;
