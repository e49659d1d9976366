# Məlumatların məna yoxlamaları (src/model): sertifikat nömrələri, tarixlər, qərarlar, səhifə
# kodları və status siyahısı indeksləri.

## Sertifikat nömrələri (data/certificates.csv).

rules-number-too-long = "{ $number }" 64 simvoldan uzundur
# $character: simvol Rust-un yazdığı kimi, tək dırnaqda ('x', ' ', '\t').
rules-number-bad-character = "{ $number }" içində { $character } simvolu var; nömrədə yalnız hərflər, rəqəmlər, '-' və '/' ola bilər
rules-number-empty-part = "{ $number }" içində iki '/' arasında boş hissə var
rules-certificate-twice = "{ $number }" sertifikat nömrəsi iki dəfə yazılıb
# $first: birincisinin yeri, fayl:sətir:sütun.
rules-certificate-twice-help = nömrələr təkrarlanmamalıdır (böyük və kiçik hərflər fərqləndirilmir); birincisi buradadır: { $first }
rules-certificate-replaces-itself = { $number } sertifikatı özü-özünü əvəz edir
# $file: reyestr, data/certificates.csv.
rules-replaces-unknown = replaces sütununda "{ $number }" yazılıb, lakin bu nömrə { $file } faylında yoxdur
rules-replaces-unknown-help = `replaces` sütununda həmin faylda olan əvvəlki sertifikatın nömrəsi yazılır

## Səhifə kodları: iki sertifikatın kodu (ünvanlarının təxmin edilə bilməyən hissəsi) eynidir.

rules-same-page-code = "{ $first }" və "{ $second }" sertifikatlarının səhifə kodu eynidir
# $at: birinci sertifikatın nömrəsinin yeri, fayl:sətir:sütun.
rules-same-page-code-help = "{ $first }" buradadır: { $at }. Səhifə kodu HMAC(.certsite/url.secret, nömrə) qiymətinin 60 bitidir: iki nömrənin kodu yalnız qeyri-adi təsadüf nəticəsində və ya məhz bunun üçün seçilmiş sirr ilə üst-üstə düşə bilər. İki sertifikatdan birinin nömrəsini dəyişin (yeni URL sirri hər sertifikatın ünvanını və çap olunmuş QR kodunu dəyişərdi)

## Məlumat fayllarında yazılan tarixlər.

rules-date-not-a-date = "{ $text }" tarix deyil
rules-date-year-out-of-range = "{ $text }" tarixində il { $year } yazılıb, bu isə 1900–2999 aralığından kənardır
rules-date-no-such-month = "{ $text }" tarixində ay { $month } yazılıb, belə ay yoxdur
# Ayda olmayan gün: $month ayın nömrəsidir (1–12), $days həmin ayın $year ilindəki günlərinin sayı.
rules-date-no-such-day = "{ $text }" mövcud olmayan tarixdir: { $month ->
        [1] yanvar
        [2] fevral
        [3] mart
        [4] aprel
        [5] may
        [6] iyun
        [7] iyul
        [8] avqust
        [9] sentyabr
        [10] oktyabr
        [11] noyabr
       *[12] dekabr
    } ayında ({ $year }) cəmi { $days } gün var, tarixdə isə gün { $day } yazılıb
# Hər tarix xətasının altındakı məsləhət.
rules-date-hint = tarix YYYY-MM-DD və ya DD.MM.YYYY şəklində yazılmalıdır

## Qərarlar (data/decisions.csv): bir neçə sətrə aid qaydalar.

rules-decision-twice = "{ $id }" qərar id-si iki dəfə yazılıb
rules-decision-twice-help = hər qərar öz id-si olan ictimai bildirişdir; birincisi buradadır: { $first }
# $id: sonrakı qərar, $revocation: ondan əvvəlki ləğvetmə qərarı.
rules-after-revocation = { $id } qərarı { $number } sertifikatının ləğvi barədə { $revocation } qərarından sonra gəlir
rules-after-revocation-help = ləğvetmə qətidir: bunun əvəzinə yeni sertifikat verin
rules-reinstatement-nothing-to-lift = { $id } bərpa qərarının { $date } tarixində götürə biləcəyi, { $number } sertifikatına aid dayandırma yoxdur
rules-reinstatement-nothing-to-lift-help = bərpa qərarı öz effective_on tarixində qüvvədə olan dayandırmanı götürür
# $file: reyestr, data/certificates.csv.
rules-certificate-unknown = "{ $number }" nömrəli sertifikat { $file } faylında yoxdur
rules-certificate-unknown-help = qərarda mövcud sertifikatın nömrəsi göstərilməlidir
# $near: yazılan nömrənin, ehtimal ki, nəzərdə tutulduğu reyestr nömrəsi.
rules-certificate-unknown-did-you-mean = bunu nəzərdə tuturdunuz: "{ $near }"? qərarda mövcud sertifikatın nömrəsi göstərilməlidir

## .certsite/status-index.csv faylının oxuna bilməyən sətri ("<fayl>:<sətir>:" sonra).

rules-status-index-expected = sətir number,index şəklində olmalıdır
rules-status-index-not-an-index = "{ $value }" indeks deyil
rules-status-index-twice = { $number } nömrəsi və ya { $index } indeksi iki dəfə yazılıb
