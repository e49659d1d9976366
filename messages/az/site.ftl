# Bütün sayt: hər səhifəyə aid parametrlər, qurmanın harada yaza biləcəyi, onun açarı.

site-bad-output = { $why }; başqa --out seçin (susmaya görə <root>/public)
site-key-in-output = { $why }; açarı nəticə qovluğundan kənarda saxlayın (susmaya görə { $default })
site-page-over-did = { $page } DID sənədinin üzərinə yazardı
site-no-contact = bildirişlər etirazın hara göndəriləcəyini deyə bilmir: [issuer] bölməsində email, phone və ya address yoxdur
site-no-contact-help = [issuer] bölməsinə email = "…", phone = "…" və ya address = "…" əlavə edin (sazişin §4 A¶17 bəndi: sahibin etiraz etmək üçün 10 günü var)
site-url-too-long = sertifikat ünvanları QR kod üçün çox uzundur: { $why }
site-url-too-long-help = daha qısa base_url istifadə edin
site-signing-key = imza açarı { $path }
site-writing = yazılır { $path }
site-removing = silinir { $path }
site-output = nəticə qovluğu { $path }
site-reading = oxunur { $path }
