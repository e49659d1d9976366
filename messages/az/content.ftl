# Markdown səhifələri (content/**/*.md) və onların front matter hissəsi.

# $error: sistemin öz sözləri ilə dediyi.
content-cannot-read-folder = content qovluğu oxuna bilmir: { $error }
content-cannot-read = { $path } oxuna bilmir: { $error }
# $byte: faylın əvvəlindən neçə baytın düzgün olduğu.
content-not-utf8 = { $path } düzgün UTF-8 deyil ({ $byte } nömrəli baytda)
# Ünvanını certsite-ın özünün dərc etdiyi səhifə: $address səhifənin ünvanıdır (/verify/),
# $name isə ayrılmış qovluq (verify).
content-reserved = { $path } { $address } ünvanında dərc olunardı, certsite isə bu ünvanı "{ $name }" üçün istifadə edir
# $names: sonuncudan başqa ayrılmış adlar, vergüllə.
content-reserved-help = faylın adını dəyişin; { $names } və { $last } adları ayrılıb
# Bir səhifə üçün iki fayl (about.md və about/index.md): $first digər fayldır.
content-same-address = { $path } və { $first } eyni ünvanda dərc olunur: { $address }
content-same-address-help = hər səhifə üçün bir fayl saxlayın
content-no-front-matter = səhifənin front matter hissəsi yoxdur
content-no-front-matter-help = faylı +++ sətri, title = "…" sətri və +++ sətri ilə başlayın
content-front-matter-not-closed = front matter hissəsi bağlanmayıb
content-front-matter-not-closed-help = onu +++ sətri ilə bağlayın
content-no-title = səhifənin başlığı yoxdur
content-no-title-help = front matter hissəsinə title = "…" əlavə edin
# A translation (about.en.md) whose front matter names another organisation than its original
# (about.md): $organisation is the original's (body or university).
content-organisation-differs = bu tərcümədə göstərilən təşkilat { $original } faylındakından fərqlidir (organisation = "{ $organisation }")
content-organisation-differs-help = səhifə və onun tərcüməsi eyni təşkilata aiddir: { $original } faylındakı dəyəri yazın və ya tərcümədə organisation açarını silin
# A page with organisation = "university" on a site whose site.toml names no university.
content-university-unnamed = { $path } universitetin səhifəsidir (organisation = "university"), amma { $settings } faylında universitet göstərilməyib
content-university-unnamed-help = { $settings } faylında [interviews] bölməsinə institution = "…" (və institution_en) sətrini əlavə edin
