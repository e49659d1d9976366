# certsite print: mətbəə üçün fayllar və çap olunan sertifikatlar.

print-no-secret = { $path } yoxdur: sertifikat ünvanlarını ilk qurma yaradır; əvvəlcə `certsite build` işlədin
print-qr-failed = { $number }: QR kod: { $why }
# İstifadə oluna bilməyən loqo: "loqo "content/logo.svg": <səbəb>".
print-logo = loqo "{ $path }": { $why }
print-logo-unreadable = { $path } oxuna bilmir: { $why }
    .help = faylın yerində olduğunu və oxuna bildiyini yoxlayın
print-logo-not-svg = düzgün SVG faylı deyil: { $why }
    .help = loqonu sadə SVG kimi yadda saxlayın və ya PNG verin
print-logo-not-png = düzgün PNG faylı deyil: { $why }
    .help = loqonu PNG (daha yaxşısı SVG) kimi yadda saxlayın
print-logo-no-size = şəklin eni və ya hündürlüyü yoxdur
    .help = SVG-yə viewBox və ya width və height verin
print-signatory-too-long = { $path }: [print] signatory və signatory_title çap olunan sertifikatda QR kodun yanına sığmır; onları qısaldın
print-scope-too-long = { $at }: sertifikat { $number }: təsdiq olunmuş əhatə dairəsi kiçik şriftlə belə bir səhifəyə sığmır; onun sahələrini qısaldın
print-pdf-failed = PDF yazıla bilmir: { $why }
print-state-damaged = number,printed_on,fingerprint gözlənilirdi; faylı ehtiyat nüsxədən bərpa edin və ya silin (onda `certsite print --new` hər sertifikatı heç çap olunmamış sayır)
# Çap olunmuş sertifikatın dəyişə bilən hissələri: "sahibinin adı, peşə … sonra dəyişib".
print-part-holder = sahibinin adı
print-part-profession = peşə
print-part-scope = təsdiq olunmuş əhatə dairəsi
print-part-validity = etibarlılıq tarixləri
print-part-qr = QR kod
print-paper-no-key = kağız QR kodları { $path } açarı ilə imzalamaq mümkün deyil: { $why } (`build`-in imzaladığı açar: $CERTSITE_KEY və ya .certsite/signing.key)
print-paper-key-not-published = { $path } açarı hələ saytın DID sənədində yoxdur: çap etməzdən əvvəl onunla `certsite build` işlədin (onun imzaladığı kağız QR kod yoxlamadan keçməz)
