# Saytın gizli vəziyyəti, .certsite/: açarlar siyahısı (keys.txt), imza açarı, URL sirri,
# status siyahısı indeksləri, qurma kilidi, hər nəticə qovluğunun manifesti və jurnalı.

# Açarlar siyahısının (.certsite/keys.txt) bir sətri açıq açar deyil.
state-keyring-bad-line = { $path }:{ $line }: { $error }; açarlar siyahısını ehtiyat nüsxədən (.certsite/ qovluğunun surətindən) bərpa edin: did.json imzalamış hər açarı göstərməyə davam etməlidir
state-url-secret-missing = { $path }: URL sirri yoxdur (onu yalnız `certsite build` yaradır)
state-url-secret-bad = { $path }: 64 onaltılıq rəqəm gözlənilirdi; faylı ehtiyat nüsxədən (.certsite/ qovluğunun surətindən) bərpa edin: hər sertifikatın ünvanı və çap olunmuş QR kodu ondan yaranır
# `certsite keygen --retire` ilə açarlar siyahısından ($ring) çıxarılmış açarla qurma.
state-key-retired-signs = { $key } imza açarı ləğv edilib (`certsite keygen --retire`, { $ring }): o, bir daha heç vaxt imzalamamalıdır; başqa açardan istifadə edin (`certsite keygen --rotate`)
# Dərc olunmuş did.json ($did) açarlar siyahısında ($ring) itmiş bir açarı göstərir.
state-did-key-not-in-ring = { $did } { $key } açarını göstərir, lakin { $ring } açarlar siyahısında bu açar yoxdur: açarlar siyahısını bərpa edin (.certsite/ qovluğunun surətindən) və ya, bu nəzərdə tutulubsa, açarı `certsite keygen --retire { $key }` ilə ləğv edin

# certsite keygen --rotate.
state-rotate-no-key = { $path }: dəyişdiriləcək açar yoxdur (ilk açarı `certsite keygen` yaradır)
state-rotate-retired = { $path }: bu açar ləğv edilib; onun yerinə yenisini `certsite keygen --out` yaradır
# Köhnə açarın köçürüləcəyi fayl artıq var.
state-rotate-aside-exists = { $path } artıq var: əvvəlcə onu başqa yerə köçürün
# Ardınca köhnə açar faylının nə üçün köçürülə bilmədiyini sistem yazır.
state-rotate-moving-aside = { $path } kənara köçürülərkən

# certsite keygen --retire KEY_ID.
state-retire-already = { $id } artıq ləğv edilib
# $keys: açarlar siyahısındakı açarların id-ləri, vergüllə.
state-retire-unknown = { $id }: { $ring } içində belə açar yoxdur (oradakı açarlar: { $keys })
state-retire-unknown-empty = { $id }: { $ring } içində belə açar yoxdur (orada heç bir açar yoxdur)
state-retire-only-key = { $id } { $ring } siyahısındakı yeganə açardır: saytı yoxlayacaq heç bir açar qalmazdı (əvvəlcə açarı dəyişin, sonra köhnə açarı ləğv edin)
state-retire-ring-mismatch = { $ring } { $path } imza açarını ({ $key }) göstərmir: açarlar siyahısı diskdəki açara uyğun gəlmir
state-retire-current = { $id } cari imza açarıdır ({ $path }): əvvəlcə `certsite keygen --rotate` işlədin, sonra onu ləğv edin

# .certsite/status-index.csv oxuna bilmir; $error sətir nömrəsi ilə başlayır.
state-status-index-bad = { $path }:{ $error }; faylı ehtiyat nüsxədən (.certsite/ qovluğunun surətindən) bərpa edin: etimadnaməsi verildikdən sonra sertifikatın status siyahılarındakı yeri heç vaxt dəyişməməlidir

# İmza açarının faylı.
state-key-bad = { $path }: Multikey formasında (z3u2…) Ed25519 açarı deyil: { $reason }
state-key-no-randomness = təsadüfi ədədlər mənbəyi əlçatan deyil: { $error }
state-key-in-output = { $key } açarı { $out } nəticə qovluğunun içindədir: o, dərc olunardı

# Qurma kilidi: bu saytı başqa bir certsite prosesi qurur.
state-lock-held = bu saytı başqa bir qurma tutub
state-lock-held-by = bu saytı başqa bir qurma tutub (pid { $pid })
# $started: tarix və vaxt, məsələn 2026-03-01 09:15:00 UTC.
state-lock-held-since = bu saytı başqa bir qurma tutub (pid { $pid }, başlayıb: { $started })

# Manifestin (.certsite/outputs/<id>/manifest: son qurmanın nəticə qovluğuna nə yazdığı) və ya
# jurnalın (dayanan qurmanın nəyi yerləşdirdiyi) sətrindəki səhv. Dırnaq içindəki sözlər
# sətrin formatıdır: output, layout, file və cert açar sözləri olduğu kimi qalır.
state-manifest-expected-magic = "{ $magic }" gözlənilirdi
state-manifest-expected-output = "output <qovluq>" gözlənilirdi
state-manifest-expected-layout = "layout <maskalar>" gözlənilirdi
state-manifest-bad-pattern = "{ $pattern }" bir `*` qovluğu olan maska deyil
state-manifest-expected-file = "file <heş> <yol>" gözlənilirdi
state-manifest-expected-cert = "cert <kod> <barmaq izi>" və { $count } fayl heşi gözlənilirdi
state-manifest-cert-twice = { $code } sertifikat kodu iki dəfə yazılıb
state-manifest-expected-line = "file …" və ya "cert …" sətri gözlənilirdi
state-journal-expected-line = "cert <kod>" və ya "file <yol>" gözlənilirdi
# $error: yuxarıdakı mesajlardan biri; $out: nəticə qovluğu.
state-manifest-damaged = { $path }:{ $line }: { $error }: son qurmanın { $out } qovluğuna nə yazdığına dair qeyd zədələnib; `certsite build --clean` işlədin: o, nəticəni və bu qeydi yenidən yazır
state-journal-damaged = { $path }:{ $line }: { $error }: { $out } üçün yarımçıq kəsilmiş qurmanın jurnalı zədələnib; `certsite build --clean` işlədin: o, nəticəni jurnala baxmadan yenidən yazır
state-publish-record-damaged = { $path }:{ $line }: gözlənilən: { $wanted }: bu dərc hədəfində nə olduğuna dair qeyd zədələnib; faylı silin, növbəti dərc bütün faylları hədəfə yenidən göndərəcək
