//! Stage "render", LinkedIn: the "Add to Profile" link a valid certificate's page offers its
//! holder (LinkedIn: Add to Profile for Certifications).
//!
//! A module of its own because it is a third party's contract, not a template context nor the
//! renderer's work: LinkedIn names the parameters and their form (month and year apart, the
//! page's address and the number), and they change when LinkedIn says so, independently of
//! anything certsite shows.

/// LinkedIn's "Add to Profile" link for a certification: its name, the issuing organisation,
/// issue and expiry month and year, the page that shows it and its number.
///
/// A value keeps what a query may hold as it is (letters of any script, `:`, `/`, `(`, `)`: a
/// browser sends them UTF-8 percent-encoded, as the URL Standard's query state does); only
/// what would end or change the value is encoded. `ə` takes 2 bytes on the page instead of 6:
/// the page stays within 8 KiB.
pub fn add_to_profile(name: &str, organization: &str, issued_on: time::Date, valid_until: time::Date, url: &str, number: &str) -> String {
    let pairs = [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", name),
        ("organizationName", organization),
        ("issueYear", &issued_on.year().to_string()),
        ("issueMonth", &u8::from(issued_on.month()).to_string()),
        ("expirationYear", &valid_until.year().to_string()),
        ("expirationMonth", &u8::from(valid_until.month()).to_string()),
        ("certUrl", url),
        ("certId", number),
    ];
    let mut link = String::from("https://www.linkedin.com/profile/add?");
    for (k, (key, value)) in pairs.iter().enumerate() {
        if k > 0 {
            link.push('&');
        }
        link.push_str(key);
        link.push('=');
        for c in value.chars() {
            match c {
                ' ' => link.push('+'),
                '&' | '=' | '+' | '#' | '%' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' | '\'' => {
                    link.push_str(&format!("%{:02X}", c as u32));
                }
                c if c.is_control() => {
                    let mut bytes = [0; 4];
                    for b in c.encode_utf8(&mut bytes).bytes() {
                        link.push_str(&format!("%{b:02X}"));
                    }
                }
                c => link.push(c),
            }
        }
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn names_each_parameter_and_encodes_the_values() {
        let link = add_to_profile(
            "Mühasib (sertifikat)",
            "Sertifikatlaşdırma Orqanı",
            date!(2024 - 01 - 15),
            date!(2027 - 01 - 14),
            "https://cert.example.az/c/ABCD2345EFGH/",
            "PSM-2024-0029",
        );
        let link = url::Url::parse(&link).expect("a URL");
        assert_eq!((link.host_str(), link.path()), (Some("www.linkedin.com"), "/profile/add"));
        let pairs: Vec<(String, String)> = link.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let expected = [
            ("startTask", "CERTIFICATION_NAME"),
            ("name", "Mühasib (sertifikat)"),
            ("organizationName", "Sertifikatlaşdırma Orqanı"),
            ("issueYear", "2024"),
            ("issueMonth", "1"),
            ("expirationYear", "2027"),
            ("expirationMonth", "1"),
            ("certUrl", "https://cert.example.az/c/ABCD2345EFGH/"),
            ("certId", "PSM-2024-0029"),
        ];
        assert_eq!(pairs, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
    }

    #[test]
    fn a_value_that_holds_what_ends_a_value_reads_back_whole() {
        let name = "A&B = \"C\" + D #1 50% <x> 'y' ə\u{7}";
        let link = add_to_profile(name, "O", date!(2024 - 01 - 15), date!(2027 - 01 - 14), "https://e.az/c/X/", "N-1");
        assert!(link.starts_with("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name="), "{link}");
        assert!(link.contains("certUrl=https://e.az/c/X/&"), "{link}");
        let link = url::Url::parse(&link).expect("a URL");
        assert_eq!(link.query_pairs().nth(1).map(|(_, v)| v.into_owned()), Some(name.to_owned()));
        assert_eq!(link.query_pairs().count(), 9);
    }
}
