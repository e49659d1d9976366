# Əmrlərin terminalda dedikləri: xülasələr, nə yazıldı, əmr niyə dayandı.

warning = xəbərdarlıq
cmd-epoch-not-seconds = SOURCE_DATE_EPOCH="{ $value }" saniyə sayı deyil
cmd-epoch-out-of-range = SOURCE_DATE_EPOCH: { $why }
# Bir faylın boş sətirləri, "buraxıldı" sözündən sonrakı siyahıda.
cmd-blank-rows-in = { $path } faylında { $count } boş sətir
cmd-blank-rows-skipped = buraxıldı: { $files }
cmd-lock-held = xəta: { $held }; onun bitməsini gözləyin, sonra bunu yenidən işlədin
cmd-lock-failed = xəta: { $path } kilidlənə bilmir: { $why }
cmd-wrote = yazıldı: { $path }
# certsite init-dən sonra; $cd ya "  cd QOVLUQ" və sətir sonudur, ya da boşdur.
cmd-init-next =
    növbəti addımlar (nümunə sayt olduğu kimi yoxlanılır və qurulur):
    { $cd }  certsite check    # hər şeyi yoxla, heç nə yazma
      certsite build    # public/ qovluğunu yaz; ilk qurma imza açarını .certsite/ qovluğunda yaradır: onun ehtiyat nüsxəsini saxlayın
      certsite serve    # önizləmə: http://127.0.0.1:8080/
    sonra saytı özünüzünkü edin: data/site.toml-da CHANGE ilə işarələnmiş sətirlər (hər hansı sertifikatı çap etməzdən əvvəl base_url), nümunələrin yerinə data/certificates.csv və data/decisions.csv fayllarında öz sətirləriniz, content/ qovluğunda öz səhifələriniz
cmd-init-not-empty = xəta: { $why }; certsite init yeni saytı yalnız boş və ya yeni qovluğa yazır və heç vaxt faylın üzərinə yazmır: yeni qovluq verin, məsələn certsite init my-site
cmd-init-incomplete = xəta: { $why }; sayt natamamdır: yazılanları silin və certsite init əmrini yenidən işlədin
cmd-check-ok = qaydasındadır: { $certificates } sertifikat, { $decisions } qərar, { $sessions } müsahibə sessiyası, { $pages } səhifə { $date } tarixinə görə yoxlanıldı{ $warnings ->
        [0] {""}
       *[other] {" "}({ $warnings } xəbərdarlıq)
    }
# check-in məlumat faylından nə oxuduğu.
cmd-check-read = oxundu { $file }: { $format }
cmd-check-no-preview = xəbərdarlıq: qurmanın ictimaiyyət üçün nəyi dəyişəcəyini demək mümkün deyil: { $why }
cmd-check-first = { $out } qovluğuna əvvəlki qurma yoxdur: qurma { $certificates } sertifikat, { $notices } bildiriş və { $results } nəticə dəsti dərc edəcək
cmd-check-nothing = { $out } qovluğuna sonuncu qurmadan bəri qurma ictimaiyyət üçün heç nəyi dəyişməyəcək
cmd-check-changes = { $out } qovluğuna sonuncu qurmadan bəri qurma ictimaiyyət üçün bunları dəyişəcək:
cmd-built = { $out } qovluğu { $date } tarixinə görə quruldu: { $certificates } sertifikat ({ $changed } imzalandı və hazırlandı); { $written } fayl yazıldı, { $unchanged } dəyişmədi, { $removed } silindi; { $time } çəkdi
cmd-built-lists-until = status siyahıları { $until } tarixinədək etibarlıdır: o vaxtadək saytı yenidən qurub dərc edin (certsite verify --lists-expire-within bir həftə əvvəldən xəbərdarlıq edir)
cmd-preview-removed = silindi { $path }: önizləmənin müvəqqəti imza açarı, URL sirri və qurması; o indi saytın öz açarlarından istifadə edir
cmd-preview-not-removed = xəbərdarlıq: { $path } silinə bilmir: { $why }
cmd-public-nothing = ictimaiyyət üçün: sonuncu qurmadan bəri heç nə dəyişməyib
cmd-public-first = ictimaiyyət üçün (bu qovluğa ilk qurma):
cmd-public-since = ictimaiyyət üçün, sonuncu qurmadan bəri:
cmd-verify-fail = UĞURSUZ { $path }: { $why }
cmd-verify-manifest = fayllar { $out } qovluğuna qurmanın manifesti ilə tutuşduruldu
cmd-verify-documents = qaydasındadır: { $count } imzalı sənəd (results.json, notice.json) yoxlanıldı
cmd-verify-ok = qaydasındadır: { $count } etimadnamə { $site } ilə yoxlanıldı
cmd-verify-failed = xəta: { $problems } problem; { $passed } etimadnamə təsdiqləndi
cmd-verify-lists-ok = qaydasındadır: status siyahıları { $until } tarixinədək etibarlıdır ({ $days } gün qalıb)
cmd-verify-lists-expire = xəbərdarlıq: status siyahılarının müddəti tezliklə bitir: { $until } tarixinədək etibarlıdır ({ $days } gün qalıb, soruşulan { $within } gün ərzində): o vaxtadək saytı yenidən qurub dərc edin, yoxsa yoxlama səhifələri statusların təsdiqlənə bilmədiyini deyəcək
cmd-verify-lists-expired = xəta: status siyahılarının müddəti bitib: onlar { $until } tarixinədək etibarlı idi və yoxlama səhifələri heç bir statusun təsdiqlənə bilmədiyini deyir; saytı indi yenidən qurub dərc edin
cmd-verify-lists-unknown = xəta: validUntil sahəsi olan status siyahısı oxunmadı, ona görə onun bitmə tarixi bilinmir (ayrı faylları deyil, bütün saytı yoxlayın)
cmd-keygen-exists = xəta: { $path } artıq var; certsite heç vaxt açarın üzərinə yazmır (əvvəlcə onu başqa yerə köçürün)
cmd-keygen-wrote = yazıldı { $path } (rejim 0600): ehtiyat nüsxəsini saxlayın və onu gizli saxlayın
cmd-rotated = dəyişdirildi: { $key } cari açardır, { $path } faylına yazıldı (rejim 0600): ehtiyat nüsxəsini saxlayın və onu gizli saxlayın
cmd-rotated-old = { $key } did.json-da qalır, ona görə də onunla imzalanan hər şey yenə təsdiqlənir; növbəti qurma hər şeyi yeni açarla imzalayır
cmd-rotated-old-file = köhnə gizli açar indi { $path } faylındadır: onu oflayn saxlayın və ya silin
cmd-retired = ləğv edildi { $key }: növbəti qurma onu did.json-dan çıxarır; onunla imzalananlar artıq təsdiqlənmir, qurma isə hər şeyi cari açarla imzalayır
cmd-print-unknown = xəta: { $number } nömrəli sertifikat { $file } faylında yoxdur
cmd-print-refused = xəta: { $number } nömrəli sertifikatın statusu: { $status }; o, verilməməlidir (sazişin §4 A¶10 bəndi); yenə də çap etmək üçün --force əlavə edin
cmd-print-nothing = xəta: heç nə çap olunmadı
cmd-print-not-printed = { $number }: hələ çap olunmayıb
cmd-print-changed = { $number }: { $date } tarixində çap olunandan sonra dəyişib: { $parts }
cmd-print-left-out = çap olunmadı { $number }: { $status } (sazişin §4 A¶10 bəndi)
cmd-print-left-out-unused = çap olunmadı { $number }: { $status }, artıq istifadədə deyil (yenə də çap etmək üçün nömrəsini göstərin)
cmd-print-fingerprinted = certsite-ın əvvəlki versiyası ilə çap olunmuş { $count } sertifikatın nəyin çap olunduğuna dair qeydi yox idi: onlar dəyişmədən çap olunmuş sayılır, məzmunları indi qeyd edilir ki, dəyişəndə --new onları çap etsin
cmd-printed = { $count } sertifikat { $out } qovluğuna çap olundu
cmd-printed-pdf = yazıldı { $path } ({ $count } səhifə, A4)
cmd-printed-no-pdf = çap olunacaq sertifikat yoxdur: { $file } yazılmadı

# Mesajlarda sertifikatın statusu (səhifələrin öz sözləri var).
status-valid = etibarlıdır
status-suspended = dayandırılıb
status-revoked = ləğv edilib
status-expired = müddəti bitib
status-superseded = əvəz edilib
status-not-yet-valid = hələ qüvvədə deyil

# Qurmanın ictimaiyyət üçün dəyişəcəyi və ya dəyişdiyi; az olanda $list ": A, B" olur.
public-statuses = { $count } etimadnamənin statusu dəyişdi{ $list }
public-notices = { $count } yeni bildiriş dərc olundu{ $list }
public-results = { $count } nəticə dəsti dərc olundu{ $list }
public-added = { $count } sertifikat əlavə olundu{ $list }
public-removed = { $count } sertifikat artıq dərc olunmur{ $list }
