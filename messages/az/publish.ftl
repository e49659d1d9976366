publish-group-did = DID sənədi
publish-group-certificates = sertifikatlar
publish-group-pages = səhifələr, stil və skript faylları, açıq məlumatlar
publish-group-indexes = siyahılar və lentlər
publish-group-status-lists = status siyahıları
publish-group-deletions = silinənlər
publish-none = heç nə
publish-no-targets = { $file } faylında heç bir [publish.<name>] hədəfi yoxdur: dərc ediləcək yer yoxdur
    .help = birini əlavə edin, məsələn, ssh = "web.example.org:/srv/www/register" ilə [publish.web], və ya S3 ilə uyğun obyekt anbarı üçün bucket = "register-site" ilə [publish.cdn]
publish-unknown-target = data/site.toml faylında [publish.{ $name }] hədəfi yoxdur; hədəflər bunlardır: { $known }
publish-lock-held = bu saytın başqa bir dərci gedir: onun bitməsini gözləyin
publish-lock-held-by = bu saytın başqa bir dərci gedir (pid { $pid }, başlama vaxtı: { $started }): onun bitməsini gözləyin
publish-no-build = { $out } qovluğuna heç bir qurma qeyd olunmayıb: əvvəlcə `certsite build` işlədin
publish-unfinished-build = { $out } qovluğuna son qurma başa çatmayıb: `certsite build` əmrini yenidən işlədin, sonra dərc edin
publish-plan = { $name } ({ $target }): göndəriləcək { $files } fayl, silinəcək { $deletions } fayl (sınaq: heç nə göndərilmədi)
publish-too-many-deletions = { $count } fayl silinərdi, bu max_deletions həddindən ({ $max }) çoxdur: heç nə göndərilmədi; qurmanı yoxlayın, sonra --force ilə dərc edin
publish-retry = { $group } göndərilmədi, { $seconds } san. sonra yenidən cəhd edilir: { $error }
publish-group-sent = { $group }: { $count } göndərildi
publish-stopped = CERTSITE_PUBLISH_STOP_AFTER istədiyi kimi dayandırıldı
publish-up-to-date = { $name } ({ $target }): hədəfdə artıq son qurma var, heç nə göndərilmədi
publish-done = { $name } ({ $target }): { $files } fayl göndərildi, { $deleted } fayl silindi
publish-requests = { $count } sorğu göndərildi
publish-failed = { $name } ({ $target }): dərc alınmadı: { $error }
    dərc olunub: { $published }
    dərc olunmayıb: { $missing }
    `certsite publish` əmrini yenidən işlədin: hələ dərc olunmayanları göndərəcək.
publish-rsync-missing = rsync işə salına bilmir ({ $error }): rsync (və ssh) quraşdırın
publish-s3-settings = bucket-in parametrləri ilə işləmək mümkün deyil
publish-s3-no-profile = { $path } faylında aws_access_key_id və aws_secret_access_key olan [{ $profile }] profili yoxdur (onu AWS_PROFILE göstərir)
