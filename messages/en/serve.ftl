# certsite serve: the terminal, the banner of a throwaway preview and the error box on its pages.

# What a site lacks when neither file can be named.
serve-secrets = signing key or URL secret
# Between the files a site lacks: "a or b".
serve-or = {" "}or{" "}
serve-throwaway = preview: this site has no { $missing } yet: the preview signs with a throwaway signing key and URL secret kept in { $dir } (not the site's: certificate addresses and signatures in the preview are not the real ones, and every page says so); only `certsite build` creates the real ones
serve-real-secrets = preview: the site has its own signing key and URL secret now; the preview uses them
serve-fixed = the build error is fixed; pages show the new build
serve-error-shown = the preview shows this error on every page until it is fixed
serve-cannot-listen = error: cannot listen on 127.0.0.1:{ $port }: { $why }
serve-cannot-watch = error: cannot watch files: { $why }
serve-serving = serving { $address } (Ctrl-C to stop)
# The banner on every page of a throwaway preview (shown in both languages); `…` marks a command.
serve-banner = Preview: throwaway signing key and URL secret — only `certsite build` creates the real ones; certificate addresses and signatures here are not the real ones.
# The box on every page while the last build failed; the report follows it.
serve-error-box = What you see below is the last good build, if there was one. Fix the error and save: the page reloads by itself.
    .title = certsite: the last build failed.
serve-blank-title = certsite: build error
serve-blank = Nothing has been built yet.
