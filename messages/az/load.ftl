# Məlumat cədvəllərinin oxunması (data/certificates.csv, data/decisions.csv və eyni qaydada
# oxunan digər cədvəllər): Excel-in saxladığı CSV faylları, onların əvəzinə verilən iş kitabları
# (.xlsx), sertifikat reyestrinin və qərarların hər sətrinin yoxlanması.

## CSV faylının necə oxunduğu: `certsite check` bunu "oxundu <fayl>: " sözlərindən sonra yazır (cmd-check-read).

# certsite-ın oxuduğu kodlaşdırmalar (BOM: Excel-in "CSV UTF-8" faylının əvvəlindəki bayt sırası
# nişanı).
load-encoding-utf-8 = UTF-8
load-encoding-utf-8-bom = BOM ilə UTF-8
load-encoding-utf-16-le = UTF-16 (little-endian)
load-encoding-utf-16-be = UTF-16 (big-endian)
# $encoding: load-encoding-* adlarından biri; $separator: tab və ya xanaları ayıran simvol (, və ya ;).
load-format = { $encoding }, xanalar { $separator ->
        [tab] tab simvolu
       *[other] '{ $separator }' işarəsi
    } ilə ayrılıb
# `certsite check` cədvəlin oxunduğu iş kitabı haqqında bunu deyir: oxunan vərəq.
load-sheet-read = "{ $name }" vərəqi

## UTF-8 və ya UTF-16 olmayan fayl.

# Faylın, ehtimal ki, yazıldığı kod səhifəsi: $name onun adıdır (Windows-1254, KOI8-U, …), ardınca
# nəzərdə tutulduğu dil və ya əlifba gəlir.
load-code-page-turkish = { $name } (türk dili)
load-code-page-cyrillic = { $name } (kiril əlifbası)
load-code-page-western = { $name } (Qərbi Avropa dilləri)
load-code-page-central = { $name } (Mərkəzi Avropa dilləri)
# $offset: UTF-8 olmayan ilk baytın yeri (0 faylın ilk baytıdır); $byte: həmin bayt on altılıq
# say sistemində (0xC6); $encoding: faylın, ehtimal ki, kodlaşdırması (load-code-page-*).
load-not-utf-8 = fayl düzgün UTF-8 deyil ({ $offset } nömrəli bayt: { $byte }): görünür, bu, Excel-in başqa dil üçün qurulmuş Windows-da adi "CSV" formatında saxladığı { $encoding } mətnidir
load-not-utf-8-help = certsite UTF-8 və UTF-16 kodlaşdırmalarını oxuyur, onlarda heç bir hərf itmir (Windows-1254-də ə hərfi yoxdur): Excel-də File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)" seçin
# UTF-16 bayt sırası nişanı ilə başlayan fayl; $encoding: load-encoding-utf-16-le və ya -be.
load-not-utf-16 = fayl { $encoding } mətni kimi başlayır, lakin düzgün { $encoding } deyil
load-not-utf-16-help = faylı Excel-dən yenidən "CSV UTF-8 (Comma delimited) (*.csv)" kimi saxlayın

## Başlıq sətri.

load-file-empty = fayl boşdur: başlıq sətri lazımdır
load-sheet-empty = vərəq boşdur: başlıq sətri lazımdır
load-column-twice = "{ $name }" sütunu başlıqda iki dəfə yazılıb
load-column-twice-help = hər addan yalnız bir sütun saxlayın
load-column-missing = tələb olunan "{ $name }" sütunu yoxdur
# $nearest: başlıqdakı oxunmayan sütun, ehtimal ki, çatışmayan sütunun səhv yazılmış adı.
load-column-missing-misspelled = "{ $name }" sütununu əlavə edin ("{ $nearest }" onun səhv yazılışı deyilmi?)
# $header: başlıq sətrindəki adlar, ", " ilə ayrılmış.
load-column-missing-help = "{ $name }" sütununu əlavə edin; başlıqda bu sütunlar var: { $header }

## Məlumat sətirləri.

# Xanalarının sayı ($count) başlıq sətrindəkindən ($fields) fərqli olan sətir.
load-row-fields = bu sətirdə { $count } xana var, başlıqda isə { $fields }
# $separator: comma, semicolon və ya tab — faylın xanalarını ayıran simvol.
load-row-fields-help = dırnaqları yoxlayın: içində { $separator ->
        [semicolon] nöqtəli vergül
        [tab] tab simvolu
       *[comma] vergül
    } olan xana qoşa dırnaq içində yazılmalı, xananın içindəki dırnaq isə qoşa yazılmalıdır ("")
# $error: CSV oxuyucusunun dediyi (ingiliscə).
load-not-csv = fayl CSV kimi oxuna bilmir: { $error }
# Dərc olunan sözlər sütununun ($column) hərfi "?" ilə əvəz olunmuş xanası ($value: xananın mətni).
load-lost-letter = { $column } xanasındakı "{ $value }" mətnində hərf olmalı olan yerdə "?" var
load-lost-letter-help = cədvəl bu hərfi olmayan kodlaşdırmada saxlanılıb və hərfin yerinə "?" yazılıb (Windows-1254-də ə yoxdur): hərfi yenidən yazın və faylı Excel-dən "CSV UTF-8 (Comma delimited) (*.csv)" kimi saxlayın
# $column: sütunun başlıqdakı adı (issued_on).
load-cell-empty = { $column } xanası boşdur
# Xanada nəyin səhv olduğu ($error), sütunun adından sonra (issued_on: "2029-13-45" tarixində ay
# 13 yazılıb, …).
load-cell-error = { $column }: { $error }

## Cədvəlin CSV faylı əvəzinə verilən iş kitabları (.xlsx).

# $csv: cədvəlin CSV faylı (data/decisions.csv), $workbook: onun iş kitabı (data/decisions.xlsx).
load-table-twice = { $csv } və { $workbook } eyni cədvəldir, iki dəfə verilib
load-table-twice-help = iki fayldan yalnız birini saxlayın: cədvəl ya .csv faylından, ya da .xlsx iş kitabından oxunur, hər ikisindən yox
# $error: iş kitabı oxuyucusunun dediyi (ingiliscə).
load-sheet-unreadable = iş kitabının "{ $name }" vərəqi oxuna bilmir: { $error }
load-sheet-out-of-order = "{ $name }" vərəqinin xanaları sətir-sətir, soldan sağa saxlanılmayıb
# load-sheet-unreadable və load-sheet-out-of-order altındakı məsləhət.
load-save-workbook-again = iş kitabını Excel-də açın və yenidən "Excel Workbook (*.xlsx)" kimi saxlayın
# $error: iş kitabı oxuyucusunun dediyi (ingiliscə).
load-not-a-workbook = fayl Excel iş kitabı kimi oxuna bilmir: { $error }
load-not-a-workbook-help = faylı Excel-dən "Excel Workbook (*.xlsx)" kimi (parolla qorunmadan) və ya "CSV UTF-8 (Comma delimited) (*.csv)" kimi saxlayın
load-no-such-sheet = iş kitabında "{ $name }" vərəqi yoxdur
# $sheets: iş kitabının vərəqləri, hər biri dırnaqda, ", " ilə ayrılmış.
load-no-such-sheet-help = oxunacaq vərəqin adı data/site.toml faylının [sheets] bölməsində yazılır; bu iş kitabının vərəqləri: { $sheets }
# Bütün vərəqləri gizli olan və ya diaqram olan iş kitabı.
load-no-worksheet = iş kitabında oxunacaq iş vərəqi yoxdur
load-no-worksheet-help = onun vərəqləri: { $sheets }

## data/certificates.csv

# "<sütun> xanası boşdur" altındakı məsləhət.
load-certificate-needs = hər sertifikatda { $column } olmalıdır
load-valid-until-not-after = valid_until { $until } tarixi issued_on { $from } tarixindən sonra deyil
load-valid-until-not-after-help = valid_until etibarlılığın son günüdür və issued_on tarixindən sonra gəlir
# $count: scope_en-in hissələri, $scope: scope-un hissələri.
load-scope-en-parts = scope_en { $count } hissədən ibarətdir, scope isə { $scope } hissədən
load-scope-en-parts-help = scope_en scope sütununun hissə-hissə ingiliscə tərcüməsidir: ;-lə ayrılmış hissələrin sayı da, sırası da eyni olmalıdır

## data/decisions.csv

# id, certificate, action, grounds və reason sütunları üçün "<sütun> xanası boşdur" altındakı
# məsləhətlər.
load-decision-id-empty-help = hər qərarın D-2026-007 kimi bildiriş id-si olmalıdır
load-decision-certificate-empty-help = sertifikatın nömrəsini yazın
load-decision-action-empty-help = suspend, revoke və ya reinstate yazın
load-decision-grounds-empty-help = ən azı bir əsas kodu göstərin
load-decision-reason-empty-help = əsaslandırma bildirişlə birlikdə dərc olunur (müqavilə, §4 B¶3: qərarlar əsaslandırma ilə dərc olunur)
load-decision-id = "{ $id }" id-sində hərf, rəqəm, '-' və '_' işarələrindən başqa simvollar var
load-decision-id-help = id bildirişin /notices/<id>/ ünvanına çevrilir
load-decision-action = action sütunundakı "{ $action }" qiyməti məlum deyil
load-decision-action-help = suspend, revoke və ya reinstate gözlənilir
# $code: grounds sütununda heç bir əsasa aid olmayan kod.
load-decision-ground = "{ $code }" əsas kodu məlum deyil
# $known: bütün əsas kodları, ", " ilə ayrılmış.
load-decision-ground-help = bunlardan biri və ya bir neçəsi gözlənilir: { $known } (';' ilə ayrılmış)
# $grounds: yalnız ayırıcılardan ibarət grounds xanası.
load-decision-no-ground = grounds xanasında ("{ $grounds }") heç bir kod yoxdur
load-decision-no-ground-help = bir və ya bir neçə əsas kodu göstərin, onları ';' ilə ayırın
load-decision-until-not-suspension = until yalnız dayandırma qərarı üçündür
load-decision-until-not-suspension-help = until xanasını boş saxlayın
load-decision-until-before = until { $until } tarixi effective_on { $effective } tarixindən əvvəldir
load-decision-until-before-help = until dayandırmanın son günüdür: effective_on tarixi ilə eyni və ya ondan sonra olmalıdır
