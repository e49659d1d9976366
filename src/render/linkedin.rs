//! Stage "render", LinkedIn: the "Add to Profile" link a valid certificate's page offers its
//! holder (LinkedIn: Add to Profile for Certifications).
//!
//! A module of its own because it is a third party's contract, not a template context nor the
//! renderer's work: LinkedIn names the parameters and their form (month and year apart, the
//! page's address and the number), and they change when LinkedIn says so, independently of
//! anything certsite shows.

/// LinkedIn's "Add to Profile" link for a certification: its name, the issuing organisation,
/// issue and expiry month and year, the page that shows it and its number.
pub fn add_to_profile(name: &str, organization: &str, issued_on: time::Date, valid_until: time::Date, url: &str, number: &str) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::from("https://www.linkedin.com/profile/add?"));
    query
        .append_pair("startTask", "CERTIFICATION_NAME")
        .append_pair("name", name)
        .append_pair("organizationName", organization)
        .append_pair("issueYear", &issued_on.year().to_string())
        .append_pair("issueMonth", &u8::from(issued_on.month()).to_string())
        .append_pair("expirationYear", &valid_until.year().to_string())
        .append_pair("expirationMonth", &u8::from(valid_until.month()).to_string())
        .append_pair("certUrl", url)
        .append_pair("certId", number);
    query.finish()
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
}
