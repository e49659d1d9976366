# certsite print: the printing office's files and the printed certificates.

print-no-secret = { $path } does not exist: certificate addresses are made by the first build; run `certsite build` first
print-qr-failed = { $number }: QR code: { $why }
# A logo that cannot be used: "logo "content/logo.svg": <why>".
print-logo = logo "{ $path }": { $why }
print-logo-unreadable = cannot read { $path }: { $why }
    .help = check the file is there and readable
print-logo-not-svg = not a valid SVG file: { $why }
    .help = save the logo as plain SVG, or give a PNG
print-logo-not-png = not a valid PNG file: { $why }
    .help = save the logo as PNG (or better, SVG)
print-logo-no-size = the image has no width or height
    .help = give the SVG a viewBox or width and height
print-signatory-too-long = { $path }: [print] signatory and signatory_title do not fit beside the QR code of the printed certificate; shorten them
print-scope-too-long = { $at }: certificate { $number }: the approved scope is too long to fit on one page, even in small type; shorten its fields
print-pdf-failed = cannot write the PDF: { $why }
print-state-damaged = expected number,printed_on,fingerprint; restore it from a backup, or delete it (`certsite print --new` then takes every certificate as never printed)
# The parts of a printed certificate that can change: "holder name, profession changed since…".
print-part-holder = holder name
print-part-profession = profession
print-part-scope = approved scope
print-part-validity = validity dates
print-part-qr = QR code
print-paper-no-key = cannot sign the paper QR codes with the key { $path }: { $why } (the key `build` signs with: $CERTSITE_KEY or .certsite/signing.key)
print-paper-key-not-published = the key { $path } is not in the site's DID document yet: run `certsite build` with it before printing (a paper QR code signed by it would not verify)
