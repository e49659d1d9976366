# Saytın yazılması: nəticə qovluğu, faylların yerləşdirilməzdən əvvəl aralıq qovluğa yazılması,
# imzalama (açarlar, sübutlar, JSON-LD, status siyahıları) və certsite init.

# Nəticə qovluğu (--out) saytın öz fayllarını saxlaya və ya onların içində ola bilməz.
write-output-holds-site = { $out } nəticə qovluğunda { $path } var: orada qurmaq saytın öz fayllarını silərdi
# $folder: data, content və ya templates.
write-output-in-input = { $out } nəticə qovluğu saytın { $folder }/ qovluğunun içindədir, certsite isə həmin qovluğu oxuyur
write-output-in-state = { $out } nəticə qovluğu saytın gizli vəziyyətini saxlayan .certsite/ qovluğunun içindədir

# Fayl və ya qovluq aralıq qovluğa yazıla, yaxud oradan nəticə qovluğuna köçürülə bilmədi.
# $path: nəticə qovluğuna nisbətən yol; $error: sistemin göstərdiyi səbəb.
write-staging-failed = { $path } aralıq qovluğa yazılarkən: { $error }
write-install-failed = { $path } yazılarkən: { $error }
# Qovluğu yaradıla bilməyən sertifikat faylı (qovluğun öz xətası ayrıca göstərilir).
write-folder-not-made = onun qovluğu yaradılmadı
write-nothing-written = { $error }; heç nə yazılmadı
# $failures: hər sertifikat üçün bir sətir, "fayl:sətir: səbəb".
write-credentials-failed =
    { $count } sertifikatın etimadnaməsi imzalana bilmədi; heç nə yazılmadı:
    { $failures }
write-pages-failed =
    { $count } sertifikatın səhifəsi hazırlana bilmədi; heç nə yazılmadı:
    { $failures }
write-qr-failed = QR kod: { $error }

# Multikey formasında açarlar (açıq z6Mk…, gizli z3u2…), açar faylında və ya did.json-da olduğu kimi.
write-key-not-base58btc = base58btc multibase dəyəri deyil: 'z' ilə başlamalıdır, tapıldı: { $found }
write-key-not-base58btc-empty = base58btc multibase dəyəri deyil: 'z' ilə başlamalıdır, lakin boşdur
write-key-invalid-base58 = yanlış base58btc: { $error }
# $expected və $found: write-key-expected-… və write-key-found-… mesajlarından biri.
write-key-wrong-kind = açarın növü səhvdir: gözlənilən — { $expected }, tapılan — { $found }
write-key-expected-ed25519-public = Ed25519 açıq açarı (Multikey başlığı 0xed01, z6Mk…)
write-key-expected-ed25519-secret = Ed25519 gizli açarı (Multikey başlığı 0x8026, z3u2…)
write-key-found-ed25519-public = Ed25519 açıq açarı (başlıq 0xed01)
write-key-found-ed25519-secret = Ed25519 gizli açarı (başlıq 0x8026)
write-key-found-x25519-public = X25519 açıq açarı (başlıq 0xec01)
write-key-found-secp256k1-public = secp256k1 açıq açarı (başlıq 0xe701)
write-key-found-p256-public = P-256 açıq açarı (başlıq 0x8024)
write-key-found-p384-public = P-384 açıq açarı (başlıq 0x8124)
write-key-found-nothing = heç bir bayt yoxdur
write-key-found-byte = yalnız bir bayt: { $byte }
write-key-found-unknown = naməlum başlıq { $header }
write-key-public-wrong-length = uzunluq səhvdir: Ed25519 açıq açarı { $expected } bayt olmalıdır, { $found } bayt tapıldı
write-key-secret-wrong-length = uzunluq səhvdir: Ed25519 gizli açarı { $expected } bayt olmalıdır, { $found } bayt tapıldı
write-key-not-a-point = düzgün Ed25519 açıq açarı deyil: baytlar əyrinin nöqtəsi deyil
write-key-weak = zəif Ed25519 açıq açarı (kiçik tərtibli nöqtə): rədd edildi

# İmzalanmış sənədin sübutunun (imzasının) nə üçün təsdiqlənmədiyi. Üzvlərin adları (proof,
# created, verificationMethod, @context) və dırnaq içindəki dəyərlər olduğu kimi qalır.
write-proof-missing = sənəddə sübut (proof) yoxdur: o, imzalanmayıb
# $error: aşağıdakı, nəyin səhv olduğunu deyən write-proof-… mesajlarından biri.
write-proof-malformed = sübutun forması səhvdir: { $error }
write-proof-set-member-not-object = sübutlar dəstindəki sübutlardan biri obyekt deyil
write-proof-not-object = `proof` obyekt deyil
write-proof-bad-created = `created` XML Schema dateTime deyil: { $value }
write-proof-no-method = `verificationMethod` yoxdur və ya mətn deyil
write-proof-wrong-type = sübutun tipi "DataIntegrityProof" deyil
write-proof-wrong-cryptosuite = sübutun kriptoqrafik dəsti (cryptosuite) "eddsa-jcs-2022" və ya "eddsa-rdfc-2022" deyil
write-proof-wrong-purpose = sübutun məqsədi "assertionMethod" deyil: o, bu sənədi təsdiq etmir
write-proof-context-mismatch = sübutun @context dəyəri sənədin @context dəyəri ilə uyğun gəlmir
# $method: sübutun göstərdiyi açar, dırnaq içində.
write-proof-unknown-method = naməlum yoxlama metodu { $method }: sertifikatı verən orqan belə açar dərc etməyib
write-proof-bad-value = sübutun dəyəri (proofValue) yoxdur və ya base58btc ilə kodlanmış Ed25519 imzası deyil
write-proof-bad-signature = imza uyğun gəlmir: sənəd və ya onun sübutu dəyişdirilib, yaxud başqa açarla imzalanıb
write-proof-not-json-ld = sənəd JSON-LD kimi oxuna bilmir: { $error }

# Sənəd RDF-ə çevrilə bilmir (eddsa-rdfc-2022 ilə imzalamaq və ya yoxlamaq üçün).
write-rdf-json-ld = JSON-LD: { $error }
write-rdf-undefined = "{ $member }" üzvü sənədin heç bir kontekstində təyin olunmayıb
write-rdf-canonical = RDF kanonikləşdirmə: { $error }
# Bu, məlumatların deyil, certsite-ın özünün xətasıdır.
write-rdf-mismatch = sənədin kompilyasiya olunmuş RDF-i onun JSON-LD emalından fərqlənir
# Heç nə yüklənmir: yalnız certsite ilə birlikdə gələn JSON-LD kontekstləri tanınır.
write-rdf-context-not-bundled = { $url } certsite ilə birlikdə gələn kontekst deyil (heç nə yüklənmir)

# Status siyahısının encodedList dəyəri (bitlər, GZIP ilə sıxılmış, 'u' prefiksli base64url).
write-status-list-no-prefix = encodedList multibase base64url deyil ('u' prefiksi yoxdur)
write-status-list-not-base64url = encodedList base64url deyil: { $error }
write-status-list-not-gzip = encodedList GZIP deyil: { $error }

# certsite init [DIR].
write-init-not-empty = { $dir } boş deyil (içində { $entry } var)
write-init-not-folder = { $path } mövcuddur və qovluq deyil
write-init-cannot-write = { $path } yazıla bilmir: { $error }
