# The whole site: settings that concern every page, where a build may write, its key.

site-bad-output = { $why }; choose another --out (the default is <root>/public)
site-key-in-output = { $why }; keep the key outside the output (the default is { $default })
site-page-over-did = { $page } would overwrite the DID document
site-no-contact = notices cannot say where to object: [issuer] has no email, phone or address
site-no-contact-help = add email = "…", phone = "…" or address = "…" under [issuer] (agreement §4 A¶17: the holder has 10 days to object)
site-url-too-long = certificate addresses are too long for a QR code: { $why }
site-url-too-long-help = use a shorter base_url
site-signing-key = signing key { $path }
site-writing = writing { $path }
site-removing = removing { $path }
site-output = output { $path }
site-reading = reading { $path }
