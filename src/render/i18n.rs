//! Stage "render", words: every user-visible string, in Azerbaijani (the default) and English
//! (DESIGN §6: Azerbaijani is the default language). Templates read them as `t.<key>`; Rust code
//! that writes words calls [`tr`]. A test checks that every key has both languages and that
//! every `t.<key>` a default template uses exists.

use serde_json::{Map, Value};

use crate::config::Lang;

/// `(key, Azerbaijani, English)`.
pub const STRINGS: &[(&str, &str, &str)] = &[
    ("skip_to_content", "Əsas məzmuna keç", "Skip to content"),
    ("home", "Ana səhifə", "Home"),
    ("menu", "Menyu", "Menu"),
    ("verify_title", "Sertifikatı yoxla", "Verify a certificate"),
    ("verify_lead", "Sertifikatın QR kodunun altında çap olunmuş kodu daxil edin.", "Type the code printed under the certificate's QR code."),
    ("verify_code_label", "Yoxlama kodu", "Verification code"),
    ("verify_code_hint", "12 simvol, məsələn 7K2M-9QWX-4RTB (defislər və böyük-kiçik hərf fərq etmir)", "12 characters, e.g. 7K2M-9QWX-4RTB (hyphens and letter case do not matter)"),
    ("verify_submit", "Yoxla", "Verify"),
    ("verify_invalid", "Bu kod düzgün deyil: kod 12 simvoldan ibarətdir (rəqəmlər və U-dan başqa latın hərfləri).", "This is not a valid code: a code has 12 characters (digits and Latin letters other than U)."),
    ("verify_no_js", "Brauzerinizdə JavaScript söndürülüb. Kodu ünvan sətrinə belə yazın:", "JavaScript is off in your browser. Type the code into the address bar like this:"),
    ("verify_scan", "Və ya sertifikatdakı QR kodu telefonunuzun kamerası ilə skan edin: o, birbaşa yoxlama səhifəsini açır.", "Or scan the QR code on the certificate with your phone's camera: it opens the verification page directly."),
    ("certificate", "Peşə səriştəlilik sertifikatı", "Professional competence certificate"),
    ("status", "Status", "Status"),
    ("status_valid", "Etibarlıdır", "Valid"),
    ("status_suspended", "Dayandırılıb", "Suspended"),
    ("status_revoked", "Ləğv edilib", "Revoked"),
    ("status_expired", "Müddəti bitib", "Expired"),
    ("status_superseded", "Yeni sertifikatla əvəz edilib", "Superseded by a new certificate"),
    ("status_not_yet_valid", "Hələ qüvvədə deyil", "Not yet valid"),
    ("status_since", "tarixindən", "since"),
    ("status_from", "Qüvvəyə minmə tarixi", "Valid from"),
    ("holder", "Sertifikat sahibi", "Holder"),
    ("number", "Sertifikat nömrəsi", "Certificate number"),
    ("profession", "Peşə", "Profession"),
    ("scope", "Təsdiq olunmuş əhatə dairəsi", "Approved scope"),
    ("issued_on", "Verilmə tarixi", "Issued on"),
    ("valid_until", "Etibarlıdır (daxil olmaqla)", "Valid until (inclusive)"),
    ("issuer", "Sertifikatı verən orqan", "Issued by"),
    ("replaces", "Əvəz etdiyi sertifikat", "Replaces certificate"),
    ("superseded_by", "Əvəz edən sertifikat", "Superseded by certificate"),
    ("decision", "Qərar", "Decision"),
    ("decision_suspend", "Dayandırma", "Suspension"),
    ("decision_revoke", "Ləğv etmə", "Revocation"),
    ("effective_on", "qüvvəyə minmə tarixi", "effective on"),
    ("suspended_until", "dayandırılma müddətinin sonu", "suspended until"),
    ("grounds", "Əsaslar", "Grounds"),
    ("rule_validity", "Sertifikat yalnız sahibi üçün, təsdiq olunmuş sahələr üzrə və etibarlılıq müddəti ərzində qüvvədədir.", "A certificate is valid only for its holder, only for its approved scope and only within its validity period."),
    ("rule_stop_use", "Müddəti bitmiş, dayandırılmış və ya ləğv edilmiş sertifikat istifadə edilə bilməz.", "An expired, suspended or revoked certificate must not be used."),
    ("agreement", "Sertifikatın istifadəsinə dair müqavilə", "Agreement on the use of the certificate"),
    ("proof", "Rəqəmsal imza", "Digital signature"),
    ("proof_lead", "Bu sertifikatın məlumatları sertifikatlaşdırma orqanı tərəfindən rəqəmsal imza ilə (W3C Verifiable Credential, Ed25519) imzalanıb. İmzalı sənədi yükləyib istənilən vaxt oflayn yoxlaya bilərsiniz.", "This certificate's data is digitally signed by the certification body (W3C Verifiable Credential, Ed25519). Download the signed document to check it offline at any time."),
    ("credential_link", "İmzalı sənəd (credential.json)", "Signed credential (credential.json)"),
    ("issuer_key_link", "Orqanın açıq açarı (did.json)", "The body's public key (did.json)"),
    ("qr_alt", "Bu səhifənin ünvanını ehtiva edən QR kod", "QR code holding this page's address"),
    ("code_label", "Yoxlama kodu", "Verification code"),
    ("status_note", "Status saytın son yenilənmə tarixinə görə göstərilir.", "The status is shown as of the site's last update."),
    ("pages", "Səhifələr", "Pages"),
    ("not_found_title", "Səhifə tapılmadı", "Page not found"),
    ("not_found_lead", "Axtardığınız səhifə yoxdur. Sertifikatı yoxlamaq üçün kodu daxil edin.", "The page you are looking for does not exist. To check a certificate, type its code."),
    ("footer_privacy", "Sertifikat sahiblərinin şəxsi məlumatları dərc edilmir (müqavilə, §4 B¶6).", "Holders' personal data is not published (agreement, §4 B¶6)."),
    ("language", "Dil", "Language"),
    // Notices (agreement §4 B¶3: decisions published with reasons).
    ("notices", "Qərarlar", "Notices"),
    ("notices_title", "Sertifikatların dayandırılması və ləğvi barədə qərarlar", "Decisions on suspension and revocation of certificates"),
    ("notices_lead", "Sertifikatlaşdırma orqanı sertifikatın dayandırılması və ya ləğvi barədə qərarları, məxfilik siyasətinə sadiq qalmaq şərti ilə, əsaslandırılmış şəkildə dərc edir.", "The certification body publishes its decisions to suspend or revoke a certificate, with reasons, keeping to its privacy policy."),
    ("notices_none", "Hələ dərc olunmuş qərar yoxdur.", "No decision has been published yet."),
    ("notices_feed", "Qərarların lenti (Atom)", "Feed of notices (Atom)"),
    ("notice", "Qərar", "Notice"),
    ("notice_suspend", "Sertifikatın dayandırılması", "Suspension of a certificate"),
    ("notice_revoke", "Sertifikatın ləğvi", "Revocation of a certificate"),
    ("notice_reinstate", "Sertifikatın bərpası (dayandırılmanın götürülməsi)", "Reinstatement of a certificate (suspension lifted)"),
    ("decided_on", "Qərarın tarixi", "Decided on"),
    ("effective_from", "Qüvvəyə minir", "Takes effect on"),
    ("not_yet_effective", "Bu qərar hələ qüvvəyə minməyib: tətbiq olunduğu tarix", "This decision is not yet in effect: it applies from"),
    ("until", "Dayandırılmanın sonu (daxil olmaqla)", "Suspended until (inclusive)"),
    ("reasoning", "Əsaslandırma", "Reasoning"),
    ("reasoning_en", "Əsaslandırma (ingiliscə)", "Reasoning (English)"),
    ("lifted_by", "Bu dayandırma götürülüb: qərar", "This suspension was lifted by notice"),
    ("lifts", "Bu qərar aşağıdakı dayandırmanı götürür:", "This decision lifts the suspension of notice"),
    ("objection", "Etiraz hüququ", "Right to object"),
    ("objection_text", "Sertifikat sahibi qərardan 10 gün ərzində etiraz edə bilər; son tarix", "The holder may object to the decision within 10 days; the last day is"),
    ("holder_initials_note", "Məxfilik siyasətinə görə sahibin yalnız adının baş hərfləri göstərilir.", "Under the privacy policy only the holder's initials are shown."),
    ("page_n", "Səhifə", "Page"),
    ("newer", "Daha yeni", "Newer"),
    ("older", "Daha köhnə", "Older"),
    ("see_notice", "Qərara bax", "See the notice"),
];

/// The word for `key` in `lang`; the key itself if there is none (a test keeps that from
/// happening in the default templates).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, az, en)| if lang == Lang::En { *en } else { *az })
        .unwrap_or("")
}

/// All strings of a language as a template value `t`.
pub fn table(lang: Lang) -> Value {
    let mut map = Map::with_capacity(STRINGS.len());
    for (key, az, en) in STRINGS {
        map.insert((*key).to_owned(), Value::String(if lang == Lang::En { en } else { az }.to_string()));
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_once_with_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for (key, az, en) in STRINGS {
            assert!(seen.insert(key), "{key} twice");
            assert!(!az.is_empty() && !en.is_empty(), "{key}");
        }
        assert_eq!(tr(Lang::En, "verify_submit"), "Verify");
        assert_eq!(tr(Lang::Az, "verify_submit"), "Yoxla");
    }

    #[test]
    fn default_templates_use_only_known_keys() {
        for (name, source) in crate::render::templates::DEFAULTS {
            let mut rest = *source;
            while let Some(i) = rest.find("t.") {
                let before = rest[..i].chars().last();
                rest = &rest[i + 2..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                assert!(STRINGS.iter().any(|(k, _, _)| *k == key), "{name} uses t.{key}, which is not in the table");
            }
        }
    }
}
