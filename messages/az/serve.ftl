# certsite serve: terminal, müvəqqəti önizləmənin bannerı və səhifələrdəki xəta qutusu.

# Heç bir faylın adı çəkilə bilməyəndə saytda olmayan.
serve-secrets = imza açarı və ya URL sirri
# Saytda olmayan fayllar arasında: "a və ya b".
serve-or = {" "}və ya{" "}
serve-throwaway = önizləmə: bu saytda hələ { $missing } yoxdur: önizləmə { $dir } qovluğunda saxlanılan müvəqqəti imza açarı və URL sirri ilə imzalayır (saytın öz açarı deyil: önizləmədəki sertifikat ünvanları və imzalar əsl deyil və bunu hər səhifə deyir); əsl açarları yalnız `certsite build` yaradır
serve-real-secrets = önizləmə: saytın artıq öz imza açarı və URL sirri var; önizləmə onlardan istifadə edir
serve-fixed = qurma xətası düzəldildi; səhifələr yeni qurmanı göstərir
serve-error-shown = önizləmə bu xətanı düzəldilənə qədər hər səhifədə göstərir
serve-cannot-listen = xəta: 127.0.0.1:{ $port } ünvanında dinləmək mümkün deyil: { $why }
serve-cannot-watch = xəta: fayllar izlənə bilmir: { $why }
serve-serving = { $address } ünvanında işləyir (dayandırmaq üçün Ctrl-C)
# Müvəqqəti önizləmənin hər səhifəsindəki banner (hər iki dildə göstərilir); `…` əmri göstərir.
serve-banner = Önizləmə: müvəqqəti imza açarı və URL sirri — əsl olanları yalnız `certsite build` yaradır; buradakı sertifikat ünvanları və imzalar əsl deyil.
# Son qurma alınmayanda hər səhifədəki qutu; ardınca hesabat gəlir.
serve-error-box = Aşağıda gördüyünüz, əgər olubsa, son uğurlu qurmadır. Xətanı düzəldib faylı yadda saxlayın: səhifə özü yenilənəcək.
    .title = certsite: son qurma alınmadı.
serve-blank-title = certsite: qurma xətası
serve-blank = Hələ heç nə qurulmayıb.
