# What the English pages will show in Azerbaijani (certsite check and build, when languages
# has "en"): one warning per kind. $count: how many; $items: the first few, named (with
# untranslated-more when there are more); $file: where the English goes.

untranslated-pages = ingiliscə variantı olmadığı üçün { $count } məzmun səhifəsi ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-pages-help = səhifənin ingiliscə mətnini onun yanında eyni adlı, .en.md ilə bitən faylda yazın (content/about.md → content/about.en.md)
untranslated-settings = ingiliscə açarı olmadığı üçün { $file } faylının { $count } ayarı ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-settings-help = adı çəkilən hər açarı ingiliscə mətnlə azərbaycanca açarın yanına əlavə edin (title yanına title_en, [issuer] name yanına name_en)
untranslated-professions = profession_en olmadığı üçün { $count } sertifikatın peşəsi ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-professions-help = { $file } faylında profession_en sütununu doldurun
untranslated-scopes = scope_en olmadığı üçün { $count } sertifikatın təsdiq olunmuş əhatə dairəsi ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-scopes-help = { $file } faylında scope_en sütununu doldurun; hissələri scope sütunundakı kimi ; ilə ayırın
untranslated-reasons = reason_en olmadığı üçün { $count } qərarın əsaslandırması ingiliscə bildirişlərdə azərbaycanca göstəriləcək: { $items }
untranslated-reasons-help = { $file } faylında reason_en sütununu doldurun
untranslated-institutions = institution_en olmadığı üçün { $count } müsahibə sessiyasının universiteti ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-institutions-help = sessiyanın session.toml faylında institution sətrinin yanına institution_en əlavə edin
untranslated-sessions = ingiliscə açarı olmadığı üçün { $count } müsahibə sessiyasının adı və ya keçirilmə yeri ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-sessions-help = adı çəkilən hər açarı ingiliscə mətnlə sessiyanın session.toml faylında azərbaycanca açarın yanına əlavə edin (title yanına title_en, place yanına place_en)
untranslated-specialties = specialty_en olmadığı üçün { $count } ixtisas ingiliscə səhifələrdə azərbaycanca göstəriləcək: { $items }
untranslated-specialties-help = sessiyanın session.toml faylında vakansiyanın [[vacancies]] cədvəlində specialty yanına specialty_en əlavə edin
# The first few items, then how many more: "T-0001, T-0002, T-0003, T-0004, T-0005 and 95 more".
untranslated-more = { $items } və daha { $count } dənə
