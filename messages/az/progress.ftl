# Qurmanın mərhələləri: irəliləyiş zolaqlarında və --timings cədvəlində.
progress-read = oxuma
progress-state = vəziyyət
progress-plan = plan
progress-sign = imza
progress-render = səhifələr
progress-write = yazma
# --timings cədvəlinin başlığı; altındakı sütunlar ona görə düzülür.
progress-timings-heading = mərhələ       say     real ms   user ms    sys ms   CPU µs/sertifikat  pik MiB
