# Komanda sətri: hər əmrin təsviri, nümunələri və çıxış kodları, hər seçimin izahı
# (cli-<əmr>-<seçim>), --help başlıqları və komanda sətrindəki səhvlər.

cli-usage = İstifadə:
cli-options = Seçimlər
cli-arguments = Arqumentlər
cli-commands = Əmrlər
cli-command = ƏMR
cli-help = Kömək (--help: nümunələr və çıxış kodları ilə)
cli-version = Versiyanı göstər
cli-lang = Mesajların dili: az və ya en [susmaya görə: LC_ALL, LC_MESSAGES və ya LANG lokalından; az… azərbaycancadır; əks halda en]

cli-about = Yoxlanıla bilən sertifikatları, müsahibə nəticələrini və əsaslandırılmış bildirişləri statik sayt kimi dərc edir
    .examples =
        Nümunələr:
          certsite init my-site   # başlamaq üçün yeni sayt
          certsite check && certsite build
          certsite serve
          certsite <əmr> --help   # hər əmrin nümunələri
          certsite --lang en check    # mesajlar ingiliscə

# Məlumatları oxuyan əmrlərin çıxış kodları.
cli-codes =
    Çıxış kodları:
      0  uğurlu
      1  məlumatlarda və ya məzmunda xəta var (hər biri fayl:sətir:sütun ilə göstərilir); heç nə dərc edilmir
      2  səhv istifadə, və ya saytı başqa bir qurma (build) tutub

cli-root = Saytın kök qovluğu [susmaya görə: cari qovluq]
cli-build-date = Statusların və müddətlərin hesablandığı gün [susmaya görə: $SOURCE_DATE_EPOCH, yoxdursa bu gün, UTC]

cli-init = Yeni sayt kökü yaz: şərhli data/site.toml, nümunə sertifikat, qərar və səhifə, və .gitignore (.certsite/, public/, print/); olduğu kimi yoxlanılır və qurulur
    .more = DIR yoxdursa yaradılır, varsa boş olmalıdır: init heç vaxt faylın üzərinə yazmır.
    .examples =
        Nümunələr:
          certsite init my-site && cd my-site && certsite check && certsite build
          certsite init                            # cari qovluğa, boşdursa
    .codes =
        Çıxış kodları:
          0  sayt yazıldı
          1  fayl yazıla bilmədi (ondan əvvəl yazılanlar göstərilir)
          2  səhv istifadə: DIR boş deyil və ya qovluq deyil
cli-init-dir = Saytın yazılacağı yer: yeni və ya boş qovluq [susmaya görə: cari qovluq]

cli-build = Məlumatları yoxla, sonra saytı imzala, hazırla və yaz
    .examples =
        Nümunələr:
          certsite build
          certsite build --root site --build-date 2026-12-01
          certsite build --out /srv/www --key /media/usb/signing.key
          certsite build --clean --timings
cli-build-root = { cli-root }
cli-build-out = Nəticə qovluğu [susmaya görə: <root>/public]
cli-build-key = İmza açarı [susmaya görə: $CERTSITE_KEY, yoxdursa <root>/.certsite/signing.key]
cli-build-build-date = { cli-build-date }
cli-build-clean = Baytları artıq düzgün olanlar da daxil, hər faylı yenidən yaz və qurmanın yazmadığı hər faylı nəticədən sil (əl ilə edilmiş dəyişiklikləri ləğv edir)
cli-build-quiet = İrəliləyiş zolaqları göstərmə (stderr terminal olmayanda onsuz da göstərilmir)
cli-build-timings = Hər mərhələnin real və CPU vaxtını göstər

cli-check = Hər şeyi yoxla və heç nə yazma; sonda qurmanın ictimaiyyət üçün nəyi dəyişəcəyini göstər
    .more = Nəticə qovluğuna sonuncu qurmanın göstərdikləri ilə (statuslar, bildirişlər, nəticə dəstləri, sertifikatlar) müqayisə edir, qurmanın özünün sonradan verdiyi xülasə kimi.
    .examples =
        Nümunələr:
          certsite check
          certsite check --root site --build-date 2026-12-01   # başqa bir günə görə
          certsite check --out /srv/www             # /srv/www qovluğuna sonuncu qurma ilə müqayisə
cli-check-root = { cli-root }
cli-check-out = Sonuncu qurması ilə müqayisə ediləcək nəticə qovluğu [susmaya görə: <root>/public]
cli-check-build-date = { cli-build-date }

cli-verify = Qurulmuş saytı və ya etimadnamə fayllarını oflayn yoxla
    .examples =
        Nümunələr:
          certsite verify                          # ./public, ./data ilə tutuşdurulur
          certsite verify --site /srv/www
          certsite verify credential.json           # sahibin nüsxəsi, oflayn
          certsite verify --site /srv/www --lists-expire-within   # hər gün: status siyahılarının müddəti 7 gün ərzində bitirmi?
          certsite verify --qr-image foto.jpg       # çap olunmuş sertifikatın kağız QR kodu, oflayn
    .codes =
        Çıxış kodları:
          0  hər etimadnamə, imzalı sənəd və status siyahısı təsdiqləndi; --qr və ya --qr-image ilə: kağız QR kod həqiqi və etibarlıdır
          1  nə isə təsdiqlənmədi (hər uğursuzluq FAIL ilə, faylı və səbəbi ilə göstərilir), və ya qovluq qurulmuş sayt deyil; --qr və ya --qr-image ilə: istənilən başqa nəticə
          2  səhv istifadə
          3  --lists-expire-within ilə: hər şey təsdiqləndi, lakin status siyahılarının müddəti göstərilən günlər ərzində bitir və ya artıq bitib: saytı yenidən qurub dərc edin
cli-verify-root = { cli-root }
cli-verify-site = Qurulmuş sayt [susmaya görə: <root>/public]
cli-verify-files = Bütün sayt əvəzinə yoxlanılacaq etimadnamə faylları
cli-verify-lists-expire-within = Status siyahılarının müddəti DAYS gün ərzində bitirsə və ya artıq bitibsə, 3 kodu ilə çıx və onların nə vaxtadək etibarlı olduğunu de [DAYS verilməyəndə: 7]
cli-verify-today = --lists-expire-within, --qr və ya --qr-image ilə sayılacaq gün [susmaya görə: $SOURCE_DATE_EPOCH, yoxsa bu gün, UTC]
cli-verify-qr = Sayta qarşı oflayn yoxlanılacaq kağız QR kodun mətni (VC1-R…): nəticəni, sahibi, peşəni, nömrəni, tarixləri və status siyahısının tarixinə olan statusu göstərir; yalnız həqiqi və etibarlı olanda 0 kodu ilə çıxır
cli-verify-qr-image = Kağız QR kodu olan foto və ya skan (PNG və ya JPEG), --qr kimi yoxlanılır (bir neçə QR koddan VC1-R ilə başlayanı)

cli-keygen = Yeni Ed25519 imza açarı yarat (rejim 0600) və açıq açarını göstər; və ya saytın açarını dəyiş, ya da sızmış açarı ləğv et
    .more =
        --rotate yeni cari açar yaradır; köhnəsi did.json-da qalır ki, onunla imzalanan hər şey yenə də təsdiqlənsin, növbəti qurma isə yeni açarla imzalayır. --retire KEY_ID (sızmış açar, did.json-dakı adı ilə: key-…) artıq imzalamayan açarı növbəti qurmada did.json-dan çıxarır.
    .examples =
        Nümunələr:
          certsite keygen                          # .certsite/signing.key
          certsite keygen --rotate
          certsite keygen --retire key-6Mkq3P
    .codes =
        Çıxış kodları:
          0  açar yazıldı, dəyişdirildi və ya ləğv edildi
          1  heç nə dəyişmədi: açar faylı var (açarın üzərinə heç vaxt yazılmır), açar ləğv edilə bilməz, və ya fayl yazıla bilmədi
          2  səhv istifadə, və ya saytı başqa bir qurma tutub
cli-keygen-root = Saytın kök qovluğu (onun .certsite/ qovluğunda açarlar saxlanılır; susmaya görə: cari qovluq)
cli-keygen-out = Açar faylı [susmaya görə: <root>/.certsite/signing.key]
cli-keygen-rotate = Cari açarı yenisi ilə əvəz et, köhnəsini did.json-da saxla
cli-keygen-retire = Açarı (sızmış açarı) did.json-dan çıxar: key-…, və ya tam adı did:web:…#key-…

cli-print = Mətbəə üçün QR kodları, --pdf ilə isə çap olunacaq sertifikatları yaz
    .more =
        Tələb olunan hər sertifikat üçün qr/<nömrə>.svg və onların siyahısı olan batch.csv faylını saytın kök qovluğundakı print/ qovluğuna (və ya --out) yazır və nəyin nə vaxt çap olunduğunu .certsite/printed.csv faylında qeyd edir. --pdf ilə həm də certificates.pdf: hər sertifikat üçün bir A4 (portret) səhifə — verən orqan (və onun loqosu, site.toml-da [issuer] logo), sahibi, nömrə, peşə, təsdiq olunmuş əhatə dairəsi, tarixlər, yoxlama səhifəsinin QR kodu (altında kodu ilə), imza xətti və möhür yeri ([print] signatory), azərbaycan və ingilis dillərində. --all istifadədə olan sertifikatları (etibarlı və ya hələ qüvvəyə minməmiş) çap edir; --new onlardan hələ çap olunmamışları və ya çap olunandan sonra çap olunan məzmunu (sahibinin adı, peşə, əhatə dairəsi, tarixlər, QR kod) dəyişənləri, səbəbini deyərək. Hər ikisi çap etmədiyi sertifikatların adını çəkir: dayandırılmış, ləğv edilmiş, müddəti bitmiş, əvəz edilmiş. Nömrə ilə istənildikdə dayandırılmış və ləğv edilmiş sertifikatlar --force olmadan rədd edilir (çıxış 1); müddəti bitmiş və əvəz edilmişlər çap olunur.
    .examples =
        Nümunələr:
          certsite print --new
          certsite print --new --pdf              # certificates.pdf, hər birinə bir A4 səhifə
          certsite print --all --out /media/usb/print
          certsite print PSM-2024-0029 PSM-2025-0063
          certsite print --force PSM-2024-0088   # ləğv edilmiş sertifikat, bilərəkdən
cli-print-root = { cli-root }
cli-print-out = Harada yazılsın [susmaya görə: <root>/print]
cli-print-all = İstifadədə olan bütün sertifikatlar: etibarlı və ya hələ qüvvəyə minməmiş
cli-print-new = İstifadədə olub hələ çap olunmamış və ya çap olunandan sonra dəyişmiş sertifikatlar
cli-print-force = Nömrə ilə istənilən dayandırılmış və ya ləğv edilmiş sertifikatları da çap et
cli-print-pdf = Həm də certificates.pdf yaz: hər sertifikat üçün çapa hazır bir A4 səhifə
cli-print-build-date = Statusların hesablandığı gün [susmaya görə: $SOURCE_DATE_EPOCH, yoxdursa bu gün, UTC]
cli-print-numbers = Sertifikat nömrələri

cli-publish = Son qurmanın dəyişdirdiyini site.toml-dakı [publish.<name>] hostlarına göndər
    .more =
        Hər hədəfə <root>/public qovluğunun yalnız son dərcdən bəri dəyişmiş fayllarını göndərir; nəyin orada olduğunu .certsite/publish/<name>/ qovluğundakı qeyddən bilir (uzaq tərəfin siyahısı heç vaxt alınmır). Faylları qurmanın quraşdırdığı ardıcıllıqla göndərir: DID sənədi, sertifikatlar, səhifələr, siyahılar, status siyahıları, sonda silinənlər. ssh hədəfi (ssh = "host:path") rsync ilə ssh üzərindən göndərilir ($CERTSITE_SSH, yoxdursa ssh). İstənilən anda dayanmış dərc növbəti dəfə dayandığı yerdən davam edir; alınmayan ötürmə 1, 2 və 4 san. sonra yenidən cəhd edilir, sonra əmr nəyin dərc olunduğunu və nəyin olunmadığını bildirir (çıxış 1).
    .examples =
        Nümunələr:
          certsite build && certsite publish
          certsite publish --target web --dry-run   # nə göndəriləcəyi
          certsite publish --force                  # max_deletions-dan çox silinmə, bilərəkdən
cli-publish-root = { cli-root }
cli-publish-target = Göndəriləcək hədəf [publish.NAME] [susmaya görə: hamısı]
cli-publish-dry-run = Nəyin göndəriləcəyini və silinəcəyini de; heç nə göndərmə
cli-publish-force = Hədəfin max_deletions həddindən çox faylı sil

cli-serve = Saytı yerli olaraq önizlə; dəyişiklikdə yenidən qurur və səhifəni yeniləyir
    .more =
        Qurma xətası düzələnə qədər hər səhifədə (və stderr-də) göstərilir. base_url-a keçidlər önizləmədə qalır; .certsite/serve/ qovluğundakı nəticə əsl qurmanın nəticəsidir. Saytın imza açarını və URL sirrini heç vaxt yaratmır: `certsite build` onları yaradana qədər .certsite/preview/ qovluğunda saxlanan müvəqqəti açar və sirlə imzalayır (nəticəni .certsite/preview/serve/ qovluğuna qurur), və bunu hər səhifədə və terminalda bildirir. 127.0.0.1 ünvanında dinləyir, yalnız Host 127.0.0.1, localhost və ya [::1] olan sorğulara cavab verir (əks halda 421) və yalnız qurduğu qovluğun daxilindəki faylları verir.
    .examples =
        Nümunələr:
          certsite serve                           # http://127.0.0.1:8080/
          certsite serve --root site --port 8000
          certsite serve --build-date 2027-01-15    # saytın həmin gündəki görünüşü
cli-serve-root = { cli-root }
cli-serve-port = 127.0.0.1 ünvanında port [susmaya görə: 8080]
cli-serve-build-date = Saytı bu günə görə önizlə: statuslar, cədvəllər, nəticələr [susmaya görə: $SOURCE_DATE_EPOCH, yoxdursa bu gün, UTC, hər yenidən qurmada yenidən götürülür]

# Komanda sətrindəki səhvlər.
error = xəta
cli-error-unknown-argument = naməlum seçim "{ $arg }"
cli-error-unknown-command = naməlum əmr "{ $command }"
cli-error-invalid-value = "{ $value }" { $arg } üçün düzgün qiymət deyil: mümkün qiymətlər { $valid }
cli-error-value = "{ $value }" { $arg } üçün düzgün qiymət deyil: { $why }
cli-error-missing = { $arg } tələb olunur
cli-error-no-command = əmr verilməlidir
cli-error-conflict = { $arg } və { $other } birlikdə verilə bilməz
cli-error-did-you-mean = bunu nəzərdə tuturdunuz: "{ $suggested }"?
cli-error-more = Ətraflı: "--help".
