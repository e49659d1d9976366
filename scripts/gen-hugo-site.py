#!/usr/bin/env python3
"""Writes a Hugo site of N plain Markdown pages, to compare Hugo's build with certsite's.

Each page has TOML front matter (title, date) and a short paragraph with bold, italic, a link
and a two-item list; the layouts are minimal, and the list pages show the first 50 pages.

Usage: scripts/gen-hugo-site.py N ROOT
"""
import os
import sys

CONFIG = """baseURL = "https://pages.example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term"]
"""

BASEOF = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
{{ end }}
"""

LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range first 50 .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    n, root = int(sys.argv[1]), sys.argv[2]
    write(os.path.join(root, "hugo.toml"), CONFIG)
    for name, text in [("baseof", BASEOF), ("single", SINGLE), ("list", LIST)]:
        write(os.path.join(root, "layouts", "_default", f"{name}.html"), text)
    os.makedirs(os.path.join(root, "content", "pages"), exist_ok=True)
    for i in range(n):
        year = 2022 + i % 5
        write(
            os.path.join(root, "content", "pages", f"p{i:07d}.md"),
            f'+++\ntitle = "Page {i}"\ndate = {year}-{1 + i % 12:02d}-{1 + i % 28:02d}\n+++\n\n'
            f"Page {i} has some **bold text**, some *italic text* and a "
            f"[link to the next page](/pages/p{(i + 1) % n:07d}/).\n\n- first item\n- second item\n",
        )


if __name__ == "__main__":
    main()
