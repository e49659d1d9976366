# Parametrlər (data/site.toml) və şablonlar (templates/*.html).

# $error: sistemin öz sözləri ilə dediyi.
config-cannot-read = { $path } oxuna bilmir: { $error }
config-no-site-toml-help = ən azı base_url, title və [issuer] name ilə data/site.toml faylı yaradın
config-base-url = base_url "{ $url }" mütləq http(s) URL deyil
config-base-url-help = onu belə yazın: base_url = "https://sertifikat.example.az"; hər keçid və QR kod ondan yaranır
config-appeal-working-days = appeal_working_days = { $value } 1 ilə 60 arasında deyil
config-appeal-working-days-help = qaydalarda 3 iş günü nəzərdə tutulub (qaydaların 2.17-ci bəndi; 2 nömrəli əlavənin 2.4-cü bəndində 5 gün deyilir)
# $key: institution və ya institution_en.
config-interviews-empty = [interviews] { $key } boşdur
config-interviews-empty-help = müsahibələri keçirən universitetin adını yazın və ya bu açarı silin
config-max-age-days = max_age_days = { $value } 1 ilə 366 arasında deyil
config-max-age-days-help = status siyahıları qurmadan sonra bu qədər gün etibarlıdır (susmaya görə 31); saytı hər gün yenidən qurun
config-title-missing = title yoxdur
config-title-missing-help = title = "…" əlavə edin
config-issuer-name-missing = [issuer] name yoxdur
config-issuer-name-missing-help = [issuer] name = "…" əlavə edin: hər etimadnamədə adı çəkilən sertifikatlaşdırma orqanı
config-language-twice = "{ $code }" dili iki dəfə yazılıb
config-language-twice-help = hər dili bir dəfə yazın
config-language-unsupported = "{ $code }" dili dəstəklənmir
config-language-unsupported-help = certsite səhifələri "az" və "en" dillərində yaradır

# Parametr olmayan açar (data/site.toml, səhifənin front matter hissəsi və ya session.toml):
# $nearest ehtimal ki nəzərdə tutulan məlum açardır, $known həmin cədvəlin bütün açarları.
config-unknown-key = naməlum açar `{ $key }`
config-unknown-key-did-you-mean = bunu nəzərdə tuturdunuz: `{ $nearest }`? Burada məlum açarlar: { $known }
config-unknown-key-known = burada məlum açarlar: { $known }

# [print]: $key signatory, signatory_title və ya signatory_title_en açarıdır.
config-print-empty = [print] { $key } boşdur
config-print-empty-help = çap olunmuş sertifikatlarda nə yazılmalı olduğunu yazın və ya bu açarı silin
config-print-title-en-alone = [print] signatory_title_en verilib, signatory_title isə yoxdur
config-print-title-en-alone-help = vəzifəni azərbaycanca da yazın (signatory_title = "…"): çap olunmuş sertifikatda əvvəlcə o göstərilir

# [issuer] logo: $path site.toml-da yazıldığı kimi, $full onun göstərdiyi fayl.
config-logo-format = loqo "{ $path }" nə .svg, nə də .png faylıdır
config-logo-format-help = loqonu SVG (ən yaxşısı: istənilən ölçüdə aydın çap olunur) və ya PNG kimi verin
config-logo-not-a-file = loqo "{ $path }" fayl deyil ({ $full })
config-logo-missing = loqo "{ $path }" yoxdur ({ $full })
config-logo-path-help = loqonun yolu saytın kök qovluğuna görə yazılır, məsələn logo = "content/logo.svg"

# certsite-a daxil edilmiş şablonun xətası fayl əvəzinə burada göstərilir: $name şablonun
# adıdır (base.html).
config-template-built-in = (daxili) { $name }
# $error: şablon mühərrikinin dediyi (ingiliscə).
config-template-error = şablon xətası: { $error }
config-sheets-empty = [sheets] { $key } boşdur
config-sheets-empty-help = iş kitabının oxunacaq vərəqinin adını, vərəqin nişanında yazıldığı kimi yazın, və ya birinci vərəqi oxumaq üçün açarı silin
config-publish-ssh = [publish] ssh = "{ $value }" host:path şəklində deyil
config-publish-ssh-help = hostu və onun üzərindəki qovluğu rsync-in qəbul etdiyi kimi yazın: ssh = "web.example.org:/srv/www/register"
config-publish-both = [publish.{ $name }] bölməsində həm ssh, həm də bucket var
config-publish-both-help = hədəf ya hostdakı qovluqdur (ssh = "host:path"), ya da bucket-dir (bucket = "ad"): birini saxlayın, digəri üçün ayrıca hədəf yaradın
config-publish-neither = [publish.{ $name }] heç bir host göstərmir: nə ssh, nə də bucket var
config-publish-neither-help = ssh ilə qoşulan host üçün ssh = "web.example.org:/srv/www/register", S3 ilə uyğun obyekt anbarı üçün bucket = "register-site" əlavə edin
config-publish-not-for-ssh = { $key } ssh hədəfinin deyil, bucket-in parametridir
config-publish-not-for-ssh-help = prefix, region və endpoint yalnız bucket = "…" ilə işlənir; açarı silin
config-publish-not-for-bucket = { $key } bucket-in deyil, ssh hədəfinin parametridir
config-publish-not-for-bucket-help = user, port və identity_file yalnız ssh = "host:path" ilə işlənir; bucket-in giriş məlumatları mühit dəyişənlərindən və ya ~/.aws/credentials faylından götürülür
config-publish-bucket = [publish] bucket = "{ $value }" bucket adı deyil
config-publish-bucket-help = bucket adı 3-63 simvoldan ibarətdir: kiçik latın hərfləri, rəqəmlər, nöqtə və defis, məsələn bucket = "register-site"; onun içindəki qovluğu prefix = "…" ilə yazın
config-publish-region = [publish] region = "{ $value }" region deyil
config-publish-region-help = bucket-in regionunu provayderin yazdığı kimi yazın, məsələn region = "eu-central-1", və ya us-east-1 üçün açarı silin
config-publish-endpoint = [publish] endpoint = "{ $value }" http(s) ünvanı deyil
config-publish-endpoint-help = S3 ilə uyğun anbarın ünvanını istifadəçi adı, parol və sorğu hissəsi olmadan yazın, məsələn endpoint = "https://s3.example.org"; AWS üçün açarı silin
config-secret-key = site.toml faylında gizli məlumat saxlanıla bilməz: `{ $key }`
config-secret-key-help = sətri silin: bucket-in giriş məlumatları mühit dəyişənlərindən (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) və ya ~/.aws/credentials faylından (profili AWS_PROFILE seçir) götürülür, verilənlərlə birgə saxlanan site.toml-dan heç vaxt
