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
    ("verify_code_hint", "13 simvol, məsələn 7K2M-9QWX-4RTB-E (defislər və böyük-kiçik hərf fərq etmir; əvvəllər çap olunmuş sertifikatlarda kod 12 simvoldur)", "13 characters, e.g. 7K2M-9QWX-4RTB-E (hyphens and letter case do not matter; on certificates printed earlier the code has 12)"),
    ("verify_submit", "Yoxla", "Verify"),
    ("verify_invalid", "Bu kod düzgün deyil: kod 13 simvoldan (əvvəllər çap olunmuş sertifikatlarda 12 simvoldan) ibarətdir: rəqəmlər və U-dan başqa latın hərfləri.", "This is not a valid code: a code has 13 characters (12 on certificates printed earlier): digits and Latin letters other than U."),
    ("verify_no_js", "Brauzerinizdə JavaScript söndürülüb. Kodu son simvolu olmadan (sonuncu defisdən sonrakı simvolu yazmayın) ünvan sətrinə belə yazın:", "JavaScript is off in your browser. Type the code into the address bar like this, without its last character (the one after the last hyphen):"),
    ("verify_scan", "Və ya sertifikatdakı QR kodu telefonunuzun kamerası ilə skan edin: o, birbaşa yoxlama səhifəsini açır.", "Or scan the QR code on the certificate with your phone's camera: it opens the verification page directly."),
    ("certificate", "Peşə səriştəlilik sertifikatı", "Professional competence certificate"),
    ("status", "Status", "Status"),
    ("status_valid", "Etibarlıdır", "Valid"),
    ("status_suspended", "Dayandırılıb", "Suspended"),
    ("status_revoked", "Ləğv edilib", "Revoked"),
    ("status_expired", "Müddəti bitib", "Expired"),
    ("status_superseded", "Yeni sertifikatla əvəz edilib", "Superseded by a new certificate"),
    ("status_not_yet_valid", "Hələ qüvvədə deyil", "Not yet valid"),
    ("status_since", "{date} tarixindən", "since {date}"),
    ("status_from", "Qüvvəyə minmə tarixi", "Valid from"),
    ("holder", "Sertifikat sahibi", "Holder"),
    ("number", "Sertifikat nömrəsi", "Certificate number"),
    ("profession", "Peşə", "Profession"),
    ("scope", "Təsdiq olunmuş əhatə dairəsi", "Approved scope"),
    ("issued_on", "Verilmə tarixi", "Issued on"),
    ("valid_until", "Etibarlıdır (daxil olmaqla)", "Valid until (inclusive)"),
    // The card's dates say what each date is for the status shown (DESIGN §5).
    ("card_last_day", "Etibarlılığın son günü", "Last day of validity"),
    ("card_last_valid_day", "Son etibarlı gün", "Last valid day"),
    ("card_suspended_until", "Dayandırmanın son günü (daxil olmaqla)", "Suspended until (inclusive)"),
    ("card_suspended_for", "Dayandırma müddəti", "Suspended"),
    ("card_suspended_open", "dayandırmanı götürən qərar verilənədək", "until a decision lifts it"),
    ("card_replaced_by", "Əvəz edən sertifikat", "Replaced by"),
    ("validity_as_issued", "Verildiyi kimi etibarlılıq müddəti (daxil olmaqla)", "Period of validity as issued (inclusive)"),
    // Every decision on a certificate, below its card.
    ("history", "Bu sertifikat üzrə qərarlar", "Decisions on this certificate"),
    ("history_suspend", "Dayandırma", "Suspension"),
    ("history_revoke", "Ləğv", "Revocation"),
    ("history_reinstate", "Bərpa", "Reinstatement"),
    // Where a decision stands, after its name ("Dayandırma, götürülüb").
    ("history_announced", "elan olunub", "announced"),
    ("history_lifted", "götürülüb", "lifted"),
    ("history_ended", "başa çatıb", "ended"),
    ("issuer", "Sertifikatı verən orqan", "Issued by"),
    ("replaces", "Əvəz etdiyi sertifikat", "Replaces certificate"),
    ("superseded_by", "Əvəz edən sertifikat", "Superseded by certificate"),
    ("decision", "Qərar", "Decision"),
    ("decision_suspend", "Dayandırma", "Suspension"),
    ("decision_revoke", "Ləğv etmə", "Revocation"),
    ("effective_on", "Qüvvəyə minmə tarixi", "Effective on"),
    ("suspended_until", "dayandırılma müddətinin sonu", "suspended until"),
    ("grounds", "Əsaslar", "Grounds"),
    ("rule_validity", "Sertifikat yalnız sahibi üçün, təsdiq olunmuş sahələr üzrə və etibarlılıq müddəti ərzində qüvvədədir.", "A certificate is valid only for its holder, only for its approved scope and only within its validity period."),
    ("rule_stop_use", "Müddəti bitmiş, dayandırılmış və ya ləğv edilmiş sertifikat istifadə edilə bilməz.", "An expired, suspended or revoked certificate must not be used."),
    ("agreement", "Sertifikatın istifadəsinə dair müqavilə", "Agreement on the use of the certificate"),
    ("proof", "Rəqəmsal imza", "Digital signature"),
    ("proof_lead", "Məlumatları orqan rəqəmsal imza ilə (W3C Verifiable Credential, Ed25519) imzalayıb: imzalı sənədi istənilən vaxt oflayn yoxlamaq olar.", "The body signed this data digitally (W3C Verifiable Credential, Ed25519): the signed document can be checked offline at any time."),
    ("credential_link", "İmzalı sənəd (credential.json)", "Signed credential (credential.json)"),
    ("take_away", "Sertifikatınızı özünüzlə aparın", "Take your certificate with you"),
    // Shown for a valid certificate only (agreement §4 A¶10). What the file is for and how it
    // goes into a wallet, in few words: a certificate page stays under 8 KiB (the copy wallets
    // accept is made by assets/wallet-copy.js).
    ("take_away_lead", "Sertifikatı LinkedIn profilinizə əlavə edin və ya imzalı surətini yükləyin.", "Add the certificate to your LinkedIn profile or download its signed copy."),
    ("take_away_file", "Faylı (.json) rəqəmsal pul kisəsi (wallet) tətbiqinə, məs. Learner Credential Wallet-ə, «Add credential» ilə əlavə edin, ya da yoxlamaq üçün işəgötürənə verin.", "Add the file (.json) to a digital wallet app, such as the Learner Credential Wallet (choose Add credential), or give it to an employer to verify."),
    ("add_to_linkedin", "LinkedIn profilinə əlavə et", "Add to LinkedIn profile"),
    ("download_credential", "İmzalı surəti yüklə", "Download the signed copy"),
    ("signed_data_lead", "Bu qərar məlumat kimi də dərc olunur, orqanın açarı ilə imzalanmış: sayt onu dəyişsə, imza yoxlanışdan keçməz.", "This decision is also published as data, signed with the body's key: if the site changed it, the signature would no longer verify."),
    ("notice_data_link", "Qərar məlumat kimi (notice.json)", "The decision as data (notice.json)"),
    ("signed_data_link", "orqanın açarı ilə imzalanıb", "signed with the body's key"),
    ("issuer_key_link", "Orqanın açıq açarı (did.json)", "The body's public key (did.json)"),
    ("qr_alt", "Bu səhifənin ünvanını ehtiva edən QR kod", "QR code holding this page's address"),
    ("code_label", "Yoxlama kodu", "Verification code"),
    ("signature", "İmza", "Signature"),
    ("seal_mark", "M.Y.", "L.S."),
    ("seal_place", "Möhür yeri", "Place for seal"),
    ("offline_check", "İnternetsiz yoxlama", "Offline check"),
    ("status_note", "Reyestrin son yenilənməsinə görə; status siyahıları bu tarixdə imzalanıb:", "As of the register's last update, when the status lists were signed:"),
    ("verdict_valid_lead", "Sertifikat həqiqidir və qüvvədədir.", "The certificate is genuine and in force."),
    ("verdict_suspended_lead", "Sertifikat dayandırılıb: dayandırma qüvvədə olduqca ona etibar etməyin.", "The certificate is suspended: do not rely on it while the suspension lasts."),
    ("verdict_revoked_lead", "Sertifikat ləğv edilib: ona etibar etməyin.", "The certificate has been revoked: do not rely on it."),
    ("verdict_expired_lead", "Sertifikatın etibarlılıq müddəti başa çatıb: o, artıq qüvvədə deyil.", "The certificate's validity has ended: it is no longer in force."),
    ("verdict_superseded_lead", "Sertifikat yenisi ilə əvəz edilib: yenisini yoxlayın.", "The certificate was replaced by a new one: check the new one."),
    ("verdict_not_yet_valid_lead", "Sertifikatın etibarlılıq müddəti hələ başlamayıb.", "The certificate's validity has not begun yet."),
    // A decision published before it takes effect: words true on any day they are read.
    ("announced_suspend", "{date} tarixindən dayandırma", "Suspension from {date}"),
    ("announced_revoke", "{date} tarixindən ləğv", "Revocation from {date}"),
    ("announced_reinstate", "{date} tarixindən bərpa", "Reinstatement from {date}"),
    ("details", "Sertifikatın məlumatları", "Certificate details"),
    ("how_checked", "Necə yoxlanıldı", "How this was checked"),
    ("unknown_code_title", "Bu kodla sertifikat tapılmadı", "No certificate with this code"),
    ("unknown_code_lead", "Reyestrdə bu kodla sertifikat yoxdur:", "No certificate with this code is in the register:"),
    ("unknown_code_check", "Kodu sertifikatdakı QR kodun altında çap olunmuş kodla tutuşdurun.", "Compare the code with the one printed under the QR code on the certificate."),
    ("unknown_code_contact", "Kod düzgündürsə, sertifikat həqiqi olmaya bilər: ona etibar etməzdən əvvəl sertifikatı verən orqana müraciət edin.", "If the code is right, the certificate may not be genuine: contact the issuer before you rely on it."),
    ("number_hint", "Bu, sertifikat nömrəsinə oxşayır. Yoxlama kodu QR kodun altında çap olunmuş koddur, məsələn 7K2M-9QWX-4RTB-E.", "This looks like a certificate number. The verification code is the one printed under the QR code, e.g. 7K2M-9QWX-4RTB-E."),
    // /verify/: a 13-character code's last character checks the others (DESIGN §4).
    ("code_mistake_title", "Kodda yazı səhvi var", "A typing mistake in the code"),
    ("code_typed", "Yazdığınız kod:", "You typed:"),
    ("code_mistake_text", "Bir simvol səhv yazılıb və ya iki simvolun yeri dəyişib. Kodu sertifikatdakı ilə simvol-simvol yenidən tutuşdurun.", "One character is wrong or two are swapped. Compare the code with the certificate again, character by character."),
    ("unknown_code_checked", "Kod düzgün yazılıb (son simvolu digərləri ilə uyğundur), lakin reyestrdə belə sertifikat yoxdur: sertifikat həqiqi olmaya bilər. Ona etibar etməzdən əvvəl sertifikatı verən orqana müraciət edin.", "The code is typed correctly (its last character matches the others), but no such certificate is in the register: the certificate may not be genuine. Contact the issuer before you rely on it."),
    ("unchecked_code_text", "Bu 12 simvolluq kod (yoxlama simvolu olmayan, əvvəllər çap olunmuş kod) yazı səhvinə görə yoxlanıla bilmir. Ya kod səhv yazılıb, ya da sertifikat həqiqi olmaya bilər. Hər simvolu sertifikatdakı ilə tutuşdurun; hamısı düzgündürsə, sertifikatı verən orqana müraciət edin.", "This 12-character code (printed before codes had a check character) cannot be checked for typing mistakes. Either it was mistyped, or the certificate may not be genuine. Compare each character with the certificate; if every one is right, contact the issuer."),
    // The home page: the latest of what is published.
    ("latest_results", "Son nəticələr", "Latest results"),
    ("latest_notices", "Son qərarlar", "Latest notices"),
    ("all_results", "Bütün müsahibələr", "All interviews"),
    ("all_notices", "Bütün qərarlar", "All notices"),
    ("contact", "Əlaqə", "Contact"),
    ("code_placeholder", "KOD", "CODE"),
    ("other_language", "In English", "Azərbaycanca"),
    ("pages", "Səhifələr", "Pages"),
    ("not_found_title", "Səhifə tapılmadı", "Page not found"),
    ("not_found_lead", "Axtardığınız səhifə yoxdur. Sertifikatı yoxlamaq üçün kodu daxil edin.", "The page you are looking for does not exist. To check a certificate, type its code."),
    ("footer_privacy", "Sertifikat sahiblərinin şəxsi məlumatları dərc edilmir (müqavilə, §4 B¶6).", "Holders' personal data is not published (agreement, §4 B¶6)."),
    ("language", "Dil", "Language"),
    ("language_name", "Azərbaycanca", "English"),
    ("cite_agreement", "müqavilə", "agreement"),
    ("cite_rules", "qaydalar", "rules"),
    ("cite_annex", "əlavə 2", "annex 2"),
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
    // Where a notice stands (DESIGN §3), on /notices/ and on the notice.
    ("state_in_effect", "Qüvvədədir", "In effect"),
    ("state_not_yet_effective", "Hələ qüvvəyə minməyib", "Not yet in effect"),
    ("state_ended", "Başa çatıb", "Ended"),
    ("state_lifted", "Götürülüb", "Lifted"),
    ("state_from", "tətbiq olunduğu tarix:", "applies from"),
    ("state_ended_on", "son günü:", "last day"),
    ("state_lifted_by", "qərar:", "by notice"),
    ("ended_text", "Bu dayandırma başa çatıb; onun son günü:", "This suspension has ended; its last day was"),
    // How to object (agreement §4 A¶17): to whom, by when, under which clause.
    ("objection_to", "Etirazı yazılı şəkildə sertifikatlaşdırma orqanına göndərin:", "Send the objection in writing to the certification body:"),
    ("objection_include", "Etirazda qərarın nömrəsini, sertifikatın nömrəsini və qərarla nə üçün razı olmadığınızı göstərin.", "Give the notice number, the certificate number and why you disagree with the decision."),
    ("objection_no_contact", "Orqanın əlaqə məlumatları bu saytda göstərilməyib; etirazı orqanın özünə təqdim edin.", "The body's contact details are not given on this site; hand the objection to the body itself."),
    ("email", "E-poçt", "Email"),
    ("phone", "Telefon", "Phone"),
    ("address", "Ünvan", "Address"),
    // A reinstatement says what it lifts and why (DESIGN §3).
    ("lifted_grounds", "Götürülən dayandırmanın əsasları", "Grounds of the suspension that is lifted"),
    ("lifted_grounds_note", "Bu əsaslar dayandırma qərarına aiddir, bu qərara yox.", "These were the grounds of the suspension, not of this decision."),
    ("lifts_reasoning", "Dayandırmanın nə üçün götürüldüyü", "Why the suspension is lifted"),
    ("holder_initials_note", "Məxfilik siyasətinə görə sahibin yalnız adının baş hərfləri göstərilir.", "Under the privacy policy only the holder's initials are shown."),
    ("page_n", "Səhifə", "Page"),
    ("newer", "Daha yeni", "Newer"),
    ("older", "Daha köhnə", "Older"),
    ("see_notice", "Qərara bax", "See the notice"),
    // Interviews (the university's interview and appeal rules).
    ("interviews", "Müsahibələr", "Interviews"),
    ("university_website", "Universitetin saytı", "University website"),
    ("interviews_title", "Əcnəbi namizədlərlə müsahibələr: cədvəl və nəticələr", "Interviews of foreign applicants: schedules and results"),
    ("no_sessions", "Hələ müsahibə sessiyası yoxdur.", "There is no interview session yet."),
    ("institution", "Təşkilat", "Institution"),
    ("place", "Keçirilmə yeri", "Venue"),
    ("interview_on", "Müsahibə tarixi", "Interview date"),
    ("schedule", "Müsahibə cədvəli", "Interview schedule"),
    ("schedule_rule", "Müsahibənin yeri, vaxtı və namizədlərin adları müsahibədən ən azı 3 gün əvvəl elan edilir; hər namizədə 15 dəqiqəyədək vaxt ayrılır.", "The place, time and candidates' names are posted at least 3 days before the interview; each candidate has up to 15 minutes."),
    ("schedule_published_on", "Cədvəlin dərc tarixi", "Schedule posted on"),
    ("starts_at", "Vaxt", "Time"),
    ("candidate", "Namizəd", "Candidate"),
    ("candidate_id", "Namizədin kodu", "Candidate id"),
    ("specialty", "İxtisas", "Specialty"),
    ("seats", "Vakant yerlərin sayı", "Vacancies"),
    ("results", "Nəticələr", "Results"),
    ("results_not_yet", "Nəticələr hələ dərc olunmayıb. Onlar müsahibədən sonra 3 iş günü ərzində dərc olunur; son tarix:", "Results are not published yet. They are due within 3 working days of the interview, that is by"),
    ("results_published_on", "Nəticələrin dərc tarixi", "Results published on"),
    ("rank", "Sıra", "Rank"),
    ("final_score", "Yekun bal", "Final score"),
    ("language_avg", "Dil (orta)", "Language (average)"),
    ("knowledge_avg", "Bilik (orta)", "Knowledge (average)"),
    ("outlook_avg", "Dünyagörüşü (orta)", "Outlook (average)"),
    ("outcome", "Nəticə", "Outcome"),
    ("scoring_rule", "Komissiyanın beş üzvünün hər biri qiymətləndirir: dil 0–20, bilik 0–20, ümumi dünyagörüşü və şəxsi keyfiyyətlər 0–10 bal (cəmi 50). Yekun bal beş üzvün cəminin ortasıdır. Üzvlərin qiymətləri arasında fərq 5 baldan çox olduqda qiymətləndirmə etibarsızdır və namizədlə yenidən müsahibə aparılır.", "Each of the five commission members scores: language 0–20, knowledge 0–20, general outlook and personal qualities 0–10 (50 in all). The final score is the mean of the five members' totals. If the members' totals differ by more than 5 points the evaluation is invalid and the candidate is interviewed again."),
    ("seats_rule", "Ən yüksək bal toplayan namizədlər vakant yerlərin sayı qədər uyğun hesab olunur.", "The highest scorers are suitable, up to the number of vacancies."),
    ("reinterview_spread", "üzvlərin qiymətləri arasında fərq 5 baldan çoxdur", "the members' totals differ by more than 5 points"),
    ("reinterview_appeal", "apellyasiya nəticəsində nəticə ləğv edilib; yeni komissiya ilə", "the result was annulled on appeal; with a new commission"),
    ("appeal", "Apellyasiya", "Appeal"),
    ("appeal_deadline", "Apellyasiya üçün son tarix", "Last day to appeal"),
    ("appeal_rule", "Apellyasiya yuxarıda göstərilən son tarixədək verilə bilər və 7 iş günü ərzində baxılır.", "An appeal may be filed until the last day shown above; it is decided within 7 working days."),
    ("appeal_pending", "baxılır", "pending"),
    ("appeal_upheld", "nəticə qüvvədə saxlanılıb", "upheld: the result stands"),
    ("appeal_overdue", "baxılır; baxılma müddəti keçib", "pending, past its time limit"),
    ("appeal_decide_by", "Qərarın son tarixi:", "To be decided by"),
    ("appeal_was_due", "Qərar bu tarixədək verilməli idi:", "Was to be decided by"),
    ("footer_interviews", "Namizədlər haqqında yalnız kodu, adı, orta balları, nəticəsi və apellyasiyasının vəziyyəti dərc edilir.", "Of each candidate only the id, name, average scores, outcome and the state of the appeal are published."),
    ("appeal_annulled", "nəticə ləğv edilib: yeni komissiya ilə yenidən müsahibə", "annulled: interviewed again by a new commission"),
    ("working_days", "iş günü", "working days"),
    ("open_data", "Açıq məlumat", "Open data"),
    // Finding one's own row on a results page (assets/results.js reads these from the page).
    ("filter_label", "Adınızı və ya namizəd kodunuzu axtarın", "Find your name or candidate number"),
    ("filter_hint", "Məsələn: Şəbnəm və ya N-004. Böyük-kiçik hərf fərq etmir; ə, ı, ş, ç, ğ, ö, ü hərflərini e, i, s, c, g, o, u kimi də yaza bilərsiniz.", "For example: Zeynep or N-004. Letter case does not matter, nor do accents: ə, ı, ş, ç, ğ, ö, ü may be typed as e, i, s, c, g, o, u."),
    ("filter_count", "Göstərilən namizədlər: {shown} (cəmi {total})", "{shown} of {total} shown"),
    ("filter_none", "Bu axtarışa uyğun namizəd yoxdur.", "No candidate matches this search."),
    ("row_link", "Bu sətrə keçid", "Link to this row"),
    // How to appeal (rule 2.17; annex 2 §2.4, §2.6, §3.2–3.3).
    ("appeal_how", "Apellyasiyanı necə vermək olar", "How to appeal"),
    ("appeal_who", "Nəticə ilə razı deyilsinizsə, apellyasiya verə bilərsiniz.", "If you disagree with your result, you may appeal."),
    ("appeal_to", "Apellyasiyanı yazılı şəkildə universitetə təqdim edin:", "File the appeal in writing with the university:"),
    ("appeal_by", "Son tarix:", "Last day:"),
    ("appeal_include", "Apellyasiyada adınızı, namizəd kodunuzu, ixtisası və nəticə ilə nə üçün razı olmadığınızı göstərin.", "Give your name, candidate number and specialty, and why you disagree with the result."),
    ("appeal_next", "Apellyasiyaya verildiyi gündən 7 iş günü ərzində baxılır. Nəticə ya qüvvədə saxlanılır, ya da ləğv edilir; ləğv edildikdə namizədlə yeni komissiya yenidən müsahibə aparır. Apellyasiyanın vəziyyəti nəticələr cədvəlində göstərilir.", "An appeal is decided within 7 working days of filing. The result is either upheld or annulled; if it is annulled, a new commission interviews the candidate again. The state of each appeal is shown in the results table."),
    ("appeal_no_contact", "Universitetin əlaqə məlumatları bu saytda göstərilməyib: apellyasiyanın harada qəbul edildiyini universitetin qəbul komissiyasından soruşun.", "The university's contact details are not given on this site: ask the university's admissions committee where appeals are received."),
    ("website", "Sayt", "Website"),
    // A tie at the cut-off, ordered by the commission (rule 2.3; session.toml tie_breaks).
    ("tie_decided", "Bal bərabərdir: bu namizədlərin sırasını komissiya müəyyən edib", "Equal scores: the commission decided the order of these candidates"),
    ("tie_decided_on", "qərarın tarixi", "decided on"),
    ("tie_protocol", "protokol", "protocol"),
    // The verification page's check in the browser (DESIGN §5: assets/verify-credential.js
    // reads these from data attributes of the page).
    ("check_title", "Bu brauzerdə yoxlama", "Check in this browser"),
    ("check_lead", "Brauzeriniz imzalı sənədi, orqanın açıq açarını və status siyahılarını yükləyib bugünkü tarixə görə yenidən yoxlayır.", "Your browser downloads the signed credential, the body's public key and the status lists, and checks them again against today's date."),
    ("check_needs_js", "Bu yoxlama üçün JavaScript lazımdır; yuxarıdakı status saytın son yenilənməsinə görədir.", "This check needs JavaScript; the status above is as of the site's last update."),
    ("check_running", "Yoxlanılır…", "Checking…"),
    ("check_issuer_key", "Orqanın açarı", "The body's key"),
    ("check_signature", "Rəqəmsal imza", "Digital signature"),
    ("check_revocation", "Ləğv siyahısı", "Revocation list"),
    ("check_suspension", "Dayandırma siyahısı", "Suspension list"),
    ("check_validity", "Etibarlılıq müddəti", "Validity period"),
    ("check_issuer_key_pass", "Sənəd orqanın dərc etdiyi açarla imzalanıb.", "The credential is signed with a key the body publishes."),
    ("check_issuer_key_fail", "Sənədi imzalayan açar orqanın dərc etdiyi açarlar arasında yoxdur.", "The signing key is not among the keys the body publishes."),
    ("check_signature_pass", "İmza düzgündür: məlumatlar imzalandıqdan sonra dəyişdirilməyib.", "The signature is correct: the data has not changed since it was signed."),
    ("check_signature_fail", "İmza düzgün deyil: məlumatlar dəyişdirilib və ya başqa açarla imzalanıb.", "The signature is not correct: the data was changed or signed with another key."),
    ("check_signature_no_key", "İmza yoxlanıla bilmədi: orqanın açarı tapılmadı.", "The signature could not be checked: the body's key was not found."),
    ("check_revocation_pass", "Ləğv edilməyib.", "Not revoked."),
    ("check_revoked", "Ləğv edilib: orqanın imzalı ləğv siyahısında qeyd olunub.", "Revoked: marked in the body's signed revocation list."),
    ("check_suspension_pass", "Dayandırılmayıb.", "Not suspended."),
    ("check_suspended", "Dayandırılıb: orqanın imzalı dayandırma siyahısında qeyd olunub.", "Suspended: marked in the body's signed suspension list."),
    ("check_list_invalid", "Status siyahısı yoxlanıla bilmədi: onun imzası və ya məzmunu düzgün deyil.", "The status list could not be checked: its signature or content is not correct."),
    ("check_validity_pass", "Bu gün etibarlılıq müddəti daxilindədir.", "Today is within the validity period."),
    ("check_expired", "Müddəti bitib: etibarlılıq müddəti başa çatıb.", "Expired: the validity period has ended."),
    ("check_not_yet_valid", "Hələ qüvvədə deyil: etibarlılıq müddəti başlamayıb.", "Not yet valid: the validity period has not begun."),
    ("check_fetch_failed", "Yoxlama üçün lazım olan fayl yüklənə bilmədi. İnternet bağlantısını yoxlayın və səhifəni yeniləyin.", "A file the check needs could not be downloaded. Check your connection and reload the page."),
    ("check_invalid_data", "Sənədin məzmunu düzgün deyil.", "The credential's content is not correct."),
    ("check_unsupported", "Bu brauzer Ed25519 imzalarını yoxlaya bilmir. Brauzerinizi yeniləyin və ya imzalı sənədi başqa vasitə ilə yoxlayın.", "This browser cannot check Ed25519 signatures. Update your browser or check the signed credential with another tool."),
    ("check_unsupported_browser", "Bu brauzer bu yoxlamanı apara bilmir: lazımi imkanlar yoxdur.", "This browser cannot run this check: it lacks the features needed."),
    ("check_done_pass", "Bütün yoxlamalar keçdi.", "All checks passed."),
    ("check_done_fail", "Yoxlamalardan ən azı biri keçmədi: bu sertifikata etibar etməyin.", "At least one check did not pass: do not rely on this certificate."),
    ("check_done_unsupported", "Bəzi yoxlamalar aparıla bilmədi: status təsdiqlənmədi.", "Some checks could not be done: the status is not confirmed."),
    ("check_announced_suspend", "{date} tarixindən dayandırma qüvvədədir", "Suspension in effect since {date}"),
    ("check_announced_revoke", "{date} tarixindən ləğv qüvvədədir", "Revocation in effect since {date}"),
    ("check_announced_reinstate", "{date} tarixindən bərpa qüvvədədir", "Reinstatement in effect since {date}"),
    ("check_revoked_announced", "Ləğv edilib: {date} tarixindən qüvvəyə minən qərar dərc olunub (siyahı o gündən əvvəl imzalanıb).", "Revoked: a decision in effect from {date} was published (the list was signed before that day)."),
    ("check_suspended_announced", "Dayandırılıb: {date} tarixindən qüvvəyə minən qərar dərc olunub (siyahı o gündən əvvəl imzalanıb).", "Suspended: a decision in effect from {date} was published (the list was signed before that day)."),
    ("check_reinstated_announced", "Dayandırılmayıb: dayandırma {date} tarixindən götürülüb (siyahı o gündən əvvəl imzalanıb).", "Not suspended: the suspension was lifted from {date} (the list was signed before that day)."),
    ("check_contact", "Əlaqə", "Contact"),
    ("check_card_last_day", "Etibarlılığın son günü", "Last day of validity"),
    ("check_list_stale", "Status siyahısı köhnədir (etibarlılığı {date} tarixində bitib): indiki status təsdiqlənə bilməz.", "The status list is out of date (its validity ended on {date}): the current status cannot be confirmed."),
    ("check_lists_signed", "İndicə yoxlanıldı; status siyahıları {date} tarixində imzalanıb.", "Checked just now; the status lists were signed on {date}."),
    ("check_verdict_valid", "Etibarlıdır", "Valid"),
    ("check_verdict_suspended", "Dayandırılıb", "Suspended"),
    ("check_verdict_revoked", "Ləğv edilib", "Revoked"),
    ("check_verdict_expired", "Müddəti bitib", "Expired"),
    ("check_verdict_superseded", "Yeni sertifikatla əvəz edilib", "Superseded by a new certificate"),
    ("check_verdict_not_yet_valid", "Hələ qüvvədə deyil", "Not yet valid"),
    ("check_verdict_not_authentic", "Həqiqi deyil", "Not authentic"),
    ("check_verdict_unconfirmed", "Təsdiqlənə bilmədi", "Could not confirm"),
    ("check_verdict_valid_lead", "Sertifikat həqiqidir və bu gün qüvvədədir.", "The certificate is genuine and in force today."),
    ("check_verdict_suspended_lead", "Sertifikat həqiqidir, lakin bu gün dayandırılıb: ona etibar etməyin.", "The certificate is genuine but suspended today: do not rely on it."),
    ("check_verdict_revoked_lead", "Sertifikat həqiqidir, lakin ləğv edilib: ona etibar etməyin.", "The certificate is genuine but revoked: do not rely on it."),
    ("check_verdict_expired_lead", "Sertifikat həqiqidir, lakin müddəti bitib: o, artıq qüvvədə deyil.", "The certificate is genuine but expired: it is no longer in force."),
    ("check_verdict_superseded_lead", "Sertifikat həqiqidir, lakin yenisi ilə əvəz edilib: yenisini yoxlayın.", "The certificate is genuine but replaced by a new one: check the new one."),
    ("check_verdict_not_yet_valid_lead", "Sertifikat həqiqidir, lakin etibarlılıq müddəti hələ başlamayıb.", "The certificate is genuine, but its validity has not begun yet."),
    ("check_verdict_not_authentic_lead", "Yoxlama keçmədi: məlumatlar dəyişdirilib və ya orqan tərəfindən imzalanmayıb. Bu sertifikata etibar etməyin.", "The check failed: the data was changed or not signed by the body. Do not rely on this certificate."),
    ("check_verdict_unconfirmed_lead", "Status bu brauzerdə yoxlanıla bilmədi: aşağıdakı addımlara baxın.", "The status could not be checked in this browser: see the steps below."),
    ("check_verdict_unconfirmed_stale_lead", "Reyestr {date} tarixindən bəri yenilənməyib, ona görə indiki status təsdiqlənə bilməz: sertifikatı verən orqana müraciət edin.", "The register has not been updated since {date}, so the current status cannot be confirmed: contact the issuer."),
    ("check_verdict_unconfirmed_unreachable_lead", "Yoxlama üçün lazım olan fayllar yüklənə bilmədi: internet bağlantınızı yoxlayın və bir azdan yenidən cəhd edin.", "The files the check needs could not be downloaded: check your connection and try again in a while."),
    // The offline verifier of printed certificates, /scan/ (DESIGN §4, §5): the page's words;
    // those of its script (scan_… as scan-…) are in /assets/words.<lang>.json.
    ("scan_title", "Çap olunmuş sertifikatı internetsiz yoxla", "Check a printed certificate offline"),
    ("scan_menu", "İnternetsiz yoxlama", "Offline check"),
    ("scan_lead", "Çap olunmuş sertifikatın ikinci QR kodunu internet olmadan yoxlayın (birinci QR kod sertifikatın səhifəsini açır).", "Check the second QR code of a printed certificate with no network (the first QR code opens the certificate's page)."),
    ("scan_offline", "Bu səhifəni bir dəfə internetlə açın: sonra o, internetsiz də işləyir. Telefonun əsas ekranına əlavə etsəniz, tətbiq kimi açılır.", "Open this page once online: it then works offline too. Add it to your phone's home screen to open it like an app."),
    ("scan_needs_js", "Bu yoxlama üçün JavaScript lazımdır.", "This check needs JavaScript."),
    ("scan_camera", "Kameranı aç", "Start the camera"),
    ("scan_photo", "Və ya QR kodun şəklini seçin", "Or choose a photo of the QR code"),
    ("scan_paste", "Və ya QR kodun mətnini yapışdırın (VC1-R ilə başlayır)", "Or paste the QR code's text (it starts with VC1-R)"),
    ("scan_check", "Mətni yoxla", "Check the text"),
    ("scan_result", "Yoxlamanın nəticəsi", "Result of the check"),
    ("scan_verify_link", "Sertifikatın kodunu yazaraq internetlə yoxlamaq", "Check online by typing a certificate's code"),
    ("scan_on_verify", "Çap olunmuş sertifikatı internetsiz yoxlamaq üçün onun ikinci QR kodunu skan edin:", "To check a printed certificate with no network, scan its second QR code:"),
    ("scan_camera_stop", "Kameranı bağla", "Stop the camera"),
    ("scan_camera_video", "Kameranın görüntüsü", "The camera's picture"),
    ("scan_camera_looking", "QR kodu kameraya tutun…", "Hold the QR code in front of the camera…"),
    ("scan_camera_failed", "Kamera açıla bilmədi: QR kodun şəklini seçin və ya mətnini yapışdırın.", "The camera could not be started: choose a photo of the QR code or paste its text."),
    ("scan_no_code", "Şəkildə QR kod tapılmadı: ikinci QR kodu bütöv və aydın çəkin.", "No QR code was found in the picture: photograph the second QR code whole and sharp."),
    ("scan_checking", "Yoxlanılır…", "Checking…"),
    ("scan_verdict_valid", "Həqiqidir və qüvvədədir", "Authentic and valid"),
    ("scan_verdict_authentic", "Həqiqidir", "Authentic"),
    ("scan_verdict_suspended", "Həqiqidir, lakin dayandırılıb", "Authentic, but suspended"),
    ("scan_verdict_revoked", "Həqiqidir, lakin ləğv edilib", "Authentic, but revoked"),
    ("scan_verdict_expired", "Həqiqidir, lakin müddəti bitib", "Authentic, but expired"),
    ("scan_verdict_not_yet_valid", "Həqiqidir, lakin hələ qüvvədə deyil", "Authentic, but not yet valid"),
    ("scan_verdict_not_authentic", "Həqiqi deyil", "Not authentic"),
    ("scan_verdict_unknown_key", "Orqanın açarı deyil", "Not the body's key"),
    ("scan_verdict_unreadable", "Oxunmadı", "Unreadable"),
    ("scan_verdict_address", "Bu, ünvan QR kodudur", "This is the address QR code"),
    ("scan_lead_valid", "İmza düzgündür və sertifikat bu gün qüvvədədir.", "The signature is correct and the certificate is in force today."),
    ("scan_lead_authentic", "İmza düzgündür: bu məlumatları orqan verib. Sertifikatın sonradan dayandırılıb-dayandırılmadığı və ya ləğv edilib-edilmədiyi yoxlanılmadı.", "The signature is correct: the body issued these details. Whether the certificate has since been suspended or revoked was not checked."),
    ("scan_lead_suspended", "İmza düzgündür, lakin sertifikat dayandırılıb: ona etibar etməyin.", "The signature is correct, but the certificate is suspended: do not rely on it."),
    ("scan_lead_revoked", "İmza düzgündür, lakin sertifikat ləğv edilib: ona etibar etməyin.", "The signature is correct, but the certificate is revoked: do not rely on it."),
    ("scan_lead_expired", "İmza düzgündür, lakin sertifikatın etibarlılıq müddəti bitib.", "The signature is correct, but the certificate's validity has ended."),
    ("scan_lead_not_yet_valid", "İmza düzgündür, lakin sertifikatın etibarlılıq müddəti hələ başlamayıb.", "The signature is correct, but the certificate's validity has not begun yet."),
    ("scan_lead_not_authentic", "İmza düzgün deyil: QR koddakı məlumatlar dəyişdirilib. Bu sertifikata etibar etməyin.", "The signature is not correct: the details in the QR code were changed. Do not rely on this certificate."),
    ("scan_lead_unknown_key", "QR kod orqanın dərc etdiyi açarla imzalanmayıb (başqa birinin və ya artıq istifadə olunmayan açarla). Bu sertifikata etibar etməyin.", "The QR code is not signed with a key the body publishes (someone else's key, or one no longer in use). Do not rely on this certificate."),
    ("scan_lead_unreadable", "Bu, sertifikatın QR kodu kimi oxunmadı. Yenidən skan edin: ikinci QR kodu bütöv və aydın tutun.", "This could not be read as a certificate's QR code. Scan again: hold the second QR code whole and sharp."),
    ("scan_lead_address", "Onu açın (internet lazımdır) və ya yanındakı digər QR kodu skan edin.", "Open it (this needs the internet), or scan the other code beside it."),
    ("scan_lead_unsupported", "Bu brauzer Ed25519 imzalarını yoxlaya bilmir: brauzerinizi yeniləyin.", "This browser cannot check Ed25519 signatures: update your browser."),
    ("scan_open_address", "Ünvanı aç", "Open the address"),
    ("scan_compare", "Sahibinin şəxsiyyət vəsiqəsi ilə müqayisə edin:", "To compare with the holder's ID:"),
    ("scan_holder", "Sertifikat sahibi", "Holder"),
    ("scan_profession", "Peşə", "Profession"),
    ("scan_number", "Sertifikatın nömrəsi", "Certificate number"),
    ("scan_valid_from", "Qüvvəyə minmə tarixi", "Valid from"),
    ("scan_valid_until", "Etibarlıdır (daxil olmaqla)", "Valid until (inclusive)"),
    ("scan_status_as_of", "Status {date} tarixinə görədir.", "Status as of {date}."),
    ("scan_status_old", "Status siyahılarının bu surəti köhnədir: yeniləmək üçün bu səhifəni internetlə açın.", "This copy of the status lists is out of date: open this page online to update it."),
    ("scan_status_not_checked", "Status yoxlanılmadı: status siyahılarının surəti hələ yoxdur.", "Status not checked: no copy of the status lists yet."),
];

/// `date` as written on pages in `lang`: `19.03.2026` in Azerbaijani, `19 March 2026` in
/// English (DESIGN §6: a date an English reader cannot misread).
pub fn date(lang: Lang, date: time::Date) -> String {
    match lang {
        Lang::Az => crate::model::date::display(date),
        Lang::En => format!("{} {} {}", date.day(), date.month(), date.year()),
    }
}

/// The word for `key` in `lang` with `{date}` filled in.
pub fn tr_date(lang: Lang, key: &str, d: time::Date) -> String {
    tr(lang, key).replace("{date}", &date(lang, d))
}

/// The word for `key` in `lang`; empty if there is none (a test keeps that from happening in
/// the default templates).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    STRINGS.iter().find(|(k, _, _)| *k == key).map(|(_, az, en)| if lang == Lang::En { *en } else { *az }).unwrap_or("")
}

/// All strings of a language as a template value `t`.
pub fn table(lang: Lang) -> Value {
    let mut map = Map::with_capacity(STRINGS.len());
    for (key, az, en) in STRINGS {
        map.insert((*key).to_owned(), Value::String(if lang == Lang::En { en } else { az }.to_string()));
    }
    Value::Object(map)
}

/// The words of the in-browser checks (keys `check_…` and `scan_…`, named `check-…` and
/// `scan-…`), as the JSON file `/assets/words.<lang>.json` that `verify-credential.js` and
/// `scan.js` read.
pub fn check_words(lang: Lang) -> Value {
    let mut map = Map::new();
    for (key, az, en) in STRINGS.iter().filter(|(k, _, _)| k.starts_with("check_") || k.starts_with("scan_")) {
        map.insert(key.replace('_', "-"), Value::String(if lang == Lang::En { en } else { az }.to_string()));
    }
    Value::Object(map)
}

/// [`check_words`] and, as `issuer-contact`, the issuer's e-mail, phone and website from
/// `site.toml` (those given, `·`-separated): the verification page names them when the status
/// lists are out of date (DESIGN §5).
pub fn check_words_with_contact(lang: Lang, issuer: &crate::config::Issuer) -> Value {
    let mut words = check_words(lang);
    let contact: Vec<&str> =
        [&issuer.email, &issuer.phone, &issuer.website].into_iter().flatten().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    if let (Value::Object(map), false) = (&mut words, contact.is_empty()) {
        map.insert("issuer-contact".to_owned(), Value::String(contact.join(" · ")));
    }
    words
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
    fn dates_read_unambiguously_in_english() {
        let d = time::macros::date!(2026 - 03 - 02);
        assert_eq!(date(Lang::En, d), "2 March 2026");
        assert_eq!(date(Lang::Az, d), "02.03.2026");
        assert_eq!(tr_date(Lang::En, "status_since", d), "since 2 March 2026");
        assert_eq!(tr_date(Lang::Az, "status_since", d), "02.03.2026 tarixindən");
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
