# Müsahibə sessiyaları (data/interviews/<session>/: session.toml, scores.csv, schedule.csv,
# appeals.csv) və iş günləri təqvimi (data/holidays.csv). "qaydalar" müsahibə qaydalarıdır,
# "2 nömrəli əlavə" onların apellyasiya qaydaları.

## data/holidays.csv

interviews-holiday-type = type sütunundakı "{ $value }" qiyməti məlum deyil
interviews-holiday-type-help = holiday (susmaya görə) və ya workday gözlənilir

## session.toml

# session.toml-da günün vaxtı ilə birlikdə TOML tarixi kimi yazılmış tarix ($value).
interviews-toml-date-with-time = { $value } tarix deyil (burada günün vaxtı yazılmır)
interviews-folder-name = "{ $folder }" sessiya qovluğunun adında hərf, rəqəm, '-' və '_' işarələrindən başqa simvollar var
interviews-folder-name-help = qovluğun adı /interviews/<session>/ ünvanına çevrilir
# $key: institution və ya institution_en.
interviews-institution-empty = { $key } boşdur
interviews-institution-empty-help = müsahibələri keçirən universitetin adını yazın və ya data/site.toml faylındakı [interviews] institution parametrindən istifadə etmək üçün bu açarı silin
interviews-no-institution = bu sessiya üçün təşkilat göstərilməyib
interviews-no-institution-help = müsahibə səhifələri universitetə aiddir: buraya institution = "…" və ya data/site.toml faylına [interviews] institution = "…" əlavə edin
# $error: sistemin öz sözləri ilə dediyi.
interviews-cannot-read = { $path } oxuna bilmir: { $error }
interviews-cannot-read-help = hər sessiya qovluğunda session.toml faylı olmalıdır
interviews-vacancy = "{ $specialty }" ixtisası üçün { $seats } yer göstərilib və ya bu ixtisas iki dəfə yazılıb
interviews-vacancy-help = hər ixtisası [[vacancies]] altında bir dəfə, seats ≥ 1 ilə yazın (qaydaların 2.3-cü bəndi)
interviews-tie-breaks-unknown = "{ $specialty }" üçün tie_breaks siyahısında "{ $candidate }" göstərilib, lakin o, bu ixtisas üzrə namizəd deyil
# İxtisas üzrə son yerin sərhədində eyni yekun bal ($score) toplamış namizədlər.
interviews-tie = "{ $specialty }" ixtisası üzrə { $candidates } namizədləri eyni bal toplayıb ({ $score }): son yeri kimin tutacağı müəyyən deyil
# Ardınca session.toml-a əlavə ediləcək sətirlər gəlir ([tie_breaks] …).
interviews-tie-help = bərabərlik halında komissiya qərar verir (qaydaların 2.3-cü bəndi); onun müəyyən etdiyi sıranı { $path } faylına yazın:

## Pozulmuş müddətlər (xəbərdarlıqlar).

interviews-schedule-late = cədvəl { $posted } tarixində, { $interview } tarixindəki müsahibədən { $days } gündən az əvvəl dərc olunub (qaydaların 2.6-cı bəndi)
# $due: nəticələrin dərc olunmalı olduğu son gün.
interviews-results-late = nəticələr { $published } tarixində, müsahibədən sonra { $days } iş günündən gec dərc olunub ({ $due }; qaydaların 2.11-ci bəndi)
interviews-appeal-filed-late = { $candidate } namizədinin apellyasiyası { $filed } tarixində, son tarixdən ({ $deadline }) sonra verilib (qaydaların 2.17-ci bəndi)
interviews-appeal-decided-late = { $candidate } namizədinin apellyasiyası üzrə qərar { $decided } tarixində, apellyasiya verildikdən sonra { $days } iş günündən gec qəbul edilib ({ $due }; 2 nömrəli əlavənin 2.6-cı bəndi)
# $name: namizədin adı, qabağında boşluq, mötərizədə (" (Işıqlı Kamal)"), və ya heç nə.
# $due: apellyasiya üzrə qərarın son tarixi.
interviews-appeal-overdue = { $candidate }{ $name } namizədinin apellyasiyasına baxılma müddəti keçib: { $today } tarixində hələ də baxılır, son tarix { $due } idi (2 nömrəli əlavənin 2.6-cı bəndi)
# $file: apellyasiyalar cədvəli, appeals.csv.
interviews-appeal-overdue-help = apellyasiya verildiyi gündən { $days } iş günü ərzində həll edilir ({ $filed } tarixində verilib); qərarı { $file } faylına yazın (decided_on, həmçinin outcome: upheld və ya annulled)

## scores.csv, schedule.csv və appeals.csv: boş xana üçün məsləhətlər və xətalar.

interviews-surname-help = hər namizədin soyadı olmalıdır
interviews-given-name-help = hər namizədin adı olmalıdır
interviews-specialty-help = namizədin müraciət etdiyi ixtisas
interviews-candidate-help = namizədin kodu
interviews-member-help = komissiya üzvü (M1…M5)
interviews-score-help = 0 ilə { $max } arasında bal
interviews-starts-at-help = HH:MM şəklində vaxt
interviews-outcome-help = pending, upheld və ya annulled
interviews-specialty-unknown = "{ $specialty }" ixtisası üçün session.toml faylında vakant yer yoxdur
# $known: session.toml-dakı ixtisaslar, vergüllə.
interviews-specialty-unknown-help = bu ixtisas üçün [[vacancies]] bəndi əlavə edin və ya bunlardan birini yazın: { $known }
# $column: language, knowledge və ya outlook.
interviews-score = { $column } sütunundakı "{ $value }" 0 ilə { $max } arasında tam və ya yarım bal deyil
interviews-score-rule = qaydaların 2.13-cü bəndi: { $column } 0–{ $max } bal ilə qiymətləndirilir, məsələn, 17 və ya 17.5
interviews-two-specialties = { $candidate } namizədi iki ixtisasda göstərilib: "{ $first }" və "{ $second }"
interviews-two-specialties-help = namizəd bir ixtisasa müraciət edir; birinci sətir buradadır: { $at }
interviews-member-twice = { $member } üzvü { $candidate } namizədini iki dəfə qiymətləndirib
interviews-member-twice-help = beş üzvün hər biri namizədi bir dəfə qiymətləndirir (qaydaların 2.1 və 2.15-ci bəndləri)
# $members: komissiyadakı üzvlərin sayı (5).
interviews-member-count = { $candidate } namizədinə { $count } üzv bal verib, { $members } yox
interviews-member-count-help = komissiya beş üzvdən ibarətdir və hər üzv hər namizədi qiymətləndirir (qaydaların 2.1-ci bəndi)
interviews-starts-at = starts_at "{ $value }" vaxt deyil
interviews-starts-at-example = HH:MM gözlənilir, məsələn, 10:15
# $scores: ballar cədvəli, scores.csv.
interviews-appeal-unknown-candidate = "{ $candidate }" namizədi üçün apellyasiya yazılıb, lakin { $scores } faylında onun balları yoxdur
interviews-appeal-unknown-candidate-help = apellyasiyada bu sessiyanın namizədi göstərilməlidir
interviews-two-appeals = { $candidate } namizədinin iki apellyasiyası var
interviews-two-appeals-help = hər namizəd üçün bir apellyasiya yazın və onun nəticəsini (outcome) yeniləyin
interviews-outcome = outcome "{ $value }" məlum deyil
interviews-outcome-expected = pending, upheld və ya annulled gözlənilir (2 nömrəli əlavənin 3.2-ci bəndi)
interviews-decided-on-empty = qərar verilmiş apellyasiya üçün decided_on boşdur
interviews-decided-on-empty-help = qərarın tarixini yazın (2 nömrəli əlavənin 2.6-cı bəndi)
interviews-decided-before-filed = decided_on tarixi filed_on tarixindən əvvəldir
interviews-no-contact = nəticə səhifələri apellyasiyanın hara veriləcəyini deyə bilmir: [interviews] bölməsində email, phone və ya address yoxdur
interviews-no-contact-help = data/site.toml faylında [interviews] bölməsinə email = "…", phone = "…" və ya address = "…" əlavə edin (qaydalar, 2.17: namizədin apellyasiya üçün { $days } iş günü var); o vaxtadək səhifələr namizədlərə qəbul komissiyasından soruşmağı deyir
