# certsite verify: qurulmuş saytın faylının və ya etimadnamə faylının nə üçün yoxlamadan
# keçmədiyi. Hər biri faylın adından sonra yazılır (FAIL <fayl>: <səbəb>). JSON üzvlərinin
# adları (issuer, statusPurpose, credentialStatus, validFrom, …), tip adları
# (BitstringStatusListCredential, BitstringStatusListEntry) və status kodları olduğu kimi qalır.

verify-cannot-read = oxunmur: { $error }
verify-not-json = JSON deyil: { $error }
verify-not-object = JSON obyekti deyil
verify-did-no-id = DID sənədində id yoxdur
verify-wrong-issuer = issuer dəyəri "{ $issuer }", saytın DID-i isə { $did }
# $suite: kriptoqrafik dəst (cryptosuite), eddsa-jcs-2022 və ya eddsa-rdfc-2022.
verify-no-proof-of-suite = onda { $suite } sübutu (proof) yoxdur
verify-no-did-document = { $path }: DID sənədi yoxdur (.well-known/did.json və ya did.json): bu, qurulmuş saytdır?
# $expected: etimadnamənin id-sinin bitməli olduğu yol, məsələn /c/7K2M9QWX4RTB/.
verify-id-not-folder = onun id-si qovluğunun ünvanı deyil ({ $expected })

# Status siyahısı (hər sertifikat üçün bir yeri olan imzalı bitlər siyahısı).
verify-not-status-list = BitstringStatusListCredential deyil
verify-wrong-purpose = statusPurpose dəyəri { $found }, gözlənilən isə { $expected }
# $min: 131072, Bitstring Status List spesifikasiyasının icazə verdiyi ən kiçik siyahı.
verify-too-few-entries = { $count } yer var, spesifikasiyanın tələb etdiyi { $min } yerdən azdır

# Etimadnamənin status siyahılarına işarə edən status yazıları. $purpose: message,
# revocation və ya suspension.
verify-status-not-entry = onun status yazısı "message" məqsədli BitstringStatusListEntry deyil
verify-status-size = onun status yazısında statusSize dəyəri { $size }, 2 olmalıdır
verify-status-messages = onun status yazısının statusMessage dəyəri certsite tərəfindən yazılan dəyər deyil (0x0 təmiz, 0x1 dayandırılıb, 0x2 ləğv edilib)
verify-status-index = onun status indeksi { $index } certsite tərəfindən verilən indekslərdən deyil
verify-no-status-entry = { $purpose } status yazısı yoxdur
verify-index-not-number = onun { $purpose } indeksi ədəd deyil
verify-indexes-differ = onun iki status yazısının indeksləri fərqlidir
verify-status-not-entry-or-list = credentialStatus nə yazıdır, nə də yazılar siyahısı
verify-entry-elsewhere = onun { $purpose } yazısı { $url } siyahısına işarə etmir
verify-index-outside = onun { $purpose } indeksi siyahının daxilində deyil
# Mesaj siyahısında hər sertifikat üçün iki bit var: 0 təmiz, 1 dayandırılıb, 2 ləğv edilib.
verify-entry-holds-3 = { $entry } nömrəli yerdə 3 dəyəri var; certsite bu dəyəri heç vaxt yazmır
verify-one-bit-disagrees = { $entry } nömrəli yerin bir bitlik oxunuşu onun iki biti ilə uyğun gəlmir
# $list: mesaj siyahısının faylı; $status: suspended və ya revoked.
verify-lists-disagree = { $list } siyahısına görə onun statusu: { $status }, bir bitlik siyahılar isə bununla razılaşmır

# Son qurmanın yazdıqlarının qeydi ilə tutuşdurulan fayl.
verify-file-differs = son qurmanın yazdığından fərqlənir (əl ilə dəyişdirilib, yoxsa qismən köçürülüb?)
verify-file-missing = yoxdur: son qurma onu yazmışdı
verify-file-stray = son qurma tərəfindən yazılmayıb (kənar və ya əl ilə yaradılmış fayl)

# Sertifikatın yoxlama səhifəsi. $found və $expected: revoked və ya suspended.
verify-page-not-certificate = səhifə { $number } sertifikatını göstərmir
verify-page-no-qr = səhifədə QR kod yoxdur (data-qr ilə işarələnmiş elementdə daxili SVG)
verify-page-status = səhifədə "{ $found }" yazılıb, status siyahıları isə { $expected } deyir
verify-page-status-none = səhifədə "{ $found }" yazılıb, status siyahıları isə heç nə qeyd etmir

# Status siyahıları saytın məlumatları ilə tutuşdurulur (sayt kökündə certsite verify).
verify-valid-from = validFrom tarix deyil
# $errors: məlumatlardakı xətalar, check əmrinin göstərdiyi kimi.
verify-data-errors =
    { $path }: məlumatlarda xəta var:
    { $errors }
verify-not-in-data = { $number } sertifikatı məlumatlarda yoxdur
# $found: siyahıdakı bitlər (ədəd); $status: məlumatlara görə status (valid, suspended, …).
verify-bits-differ = { $number } sertifikatının { $entry } nömrəli yerindəki dəyər { $found }, lakin məlumatlara görə { $date } tarixində onun statusu: { $status }
verify-paper-changed = certsite-ın burada dərc etdiyi sənəd deyil (DESIGN §4)
verify-paper-table = { $did } və onun DID sənədindəki açarlar üçün kağız nüsxələrin tip cədvəli deyil
cmd-verify-qr-verdict = nəticə: { $verdict } ({ $verdict ->
        [valid] həqiqidir və qüvvədədir
        [suspended] həqiqidir, lakin dayandırılıb
        [revoked] həqiqidir, lakin ləğv edilib
        [expired] həqiqidir, lakin müddəti bitib
        [not-yet-valid] həqiqidir, hələ qüvvəyə minməyib
        [not-authentic] həqiqi deyil
        [unknown-key] bu sayt tərəfindən imzalanmayıb
       *[unreadable] oxunmur
    })
cmd-verify-qr-unreadable = bu saytın oxuna bilən kağız QR kodu deyil: { $why }
cmd-verify-qr-unknown-key = bu saytın DID sənədində olmayan açarla imzalanıb (ləğv edilmiş açar və ya başqa qurumun açarı)
cmd-verify-qr-not-authentic = SAXTADIR: imza kodda yazılanlara uyğun gəlmir (nə isə dəyişdirilib)
cmd-verify-qr-authentic = həqiqidir: bu saytın açarı ilə imzalanıb
cmd-verify-qr-holder = sahibi: { $holder }
cmd-verify-qr-profession = peşə: { $profession }
cmd-verify-qr-number = sertifikat nömrəsi: { $number }
cmd-verify-qr-dates = verilmiş etibarlılıq müddəti: { $from } – { $until } (daxil olmaqla)
cmd-verify-qr-status = status: { $status ->
        [suspended] dayandırılıb
        [revoked] ləğv edilib
        [expired] müddəti bitib
        [not-yet-valid] hələ qüvvəyə minməyib
       *[valid] qüvvədədir
    } ({ $day } tarixinə olan status, saytın status siyahısının tarixi)
cmd-verify-qr-status-unchecked = status: { $status ->
        [suspended] dayandırılıb
        [revoked] ləğv edilib
        [expired] müddəti bitib
        [not-yet-valid] hələ qüvvəyə minməyib
       *[valid] qüvvədədir
    } (ləğv və dayandırılma yoxlanılmadı: təsdiqlənən status siyahısı yoxdur)
cmd-verify-qr-image-unreadable = { $path } şəklini oxumaq mümkün deyil: { $why }
cmd-verify-qr-image-format = { $path } nə PNG, nə də JPEG şəklidir
cmd-verify-qr-image-none = { $path } şəklində kağız QR kod (VC1-R…) tapılmadı
cmd-verify-qr-status-undated = status: { $status ->
        [suspended] dayandırılıb
        [revoked] ləğv edilib
        [expired] müddəti bitib
        [not-yet-valid] hələ qüvvəyə minməyib
       *[valid] qüvvədədir
    } (saytın status siyahısına görə; siyahının tarixi yoxdur)
