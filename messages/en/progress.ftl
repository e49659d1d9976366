# The stages of a build, as its progress bars and --timings name them.
progress-read = read
progress-state = state
progress-plan = plan
progress-sign = sign
progress-render = render
progress-write = write
# The heading of the --timings table; the columns below it are aligned to it.
progress-timings-heading = stage      items      wall ms   user ms    sys ms   CPU µs/certificate  peak MiB
