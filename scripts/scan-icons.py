#!/usr/bin/env python3
"""Draws the offline verifier's app icons, assets/scan-192.png and assets/scan-512.png: three
QR finder patterns and a check mark, white on the site's accent blue (#0b5cad), full bleed so
that launchers may mask them. Standard library only (zlib)."""
import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x5C, 0xAD)
WHITE = (0xFF, 0xFF, 0xFF)


def pixel(x, y):
    """The colour at (x, y) of the unit square [0, 1)², the icon drawn at 512 units."""
    u, v = x * 512, y * 512
    for (ox, oy) in ((107, 107), (295, 107), (107, 295)):
        # A finder: a 22-unit ring of 110 units, a 44-unit square inside.
        if ox <= u < ox + 110 and oy <= v < oy + 110:
            if not (ox + 22 <= u < ox + 88 and oy + 22 <= v < oy + 88):
                return WHITE
            if ox + 33 <= u < ox + 77 and oy + 33 <= v < oy + 77:
                return WHITE
            return BLUE
    # The check mark: two strokes 30 units wide, (282,352)→(324,394)→(410,296).
    for (ax, ay, bx, by) in ((282, 352, 324, 394), (324, 394, 410, 296)):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        if (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= 15 ** 2:
            return WHITE
    return BLUE


def png(size):
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            # 2×2 samples a pixel: smooth edges.
            samples = [pixel((x + sx) / size, (y + sy) / size) for sx in (0.25, 0.75) for sy in (0.25, 0.75)]
            rows.extend(round(sum(s[c] for s in samples) / 4) for c in range(3))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


assets = Path(__file__).resolve().parent.parent / "assets"
for size in (192, 512):
    (assets / f"scan-{size}.png").write_bytes(png(size))
