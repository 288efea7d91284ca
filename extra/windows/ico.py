#!/usr/bin/env python3
"""Packs the app's PNG icons (extra/icons/clinic-edu-*.png) into one Windows .ico
for the installer and the Start menu entry, as PNG images inside the ICO
container (Windows Vista and later read them). Usage: ico.py OUT.ico PNG..."""
import struct
import sys


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise SystemExit("not a PNG")
    return struct.unpack(">II", data[16:24])


def main():
    out, pngs = sys.argv[1], sys.argv[2:]
    images = [open(p, "rb").read() for p in pngs]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for data in images:
        w, h = png_size(data)
        if w > 256 or h > 256:
            raise SystemExit(f"an icon is at most 256 px, not {w}x{h}")
        # 256 is written as 0; colour count 0, planes 1, 32 bits per pixel.
        entries += struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    with open(out, "wb") as f:
        f.write(header + entries + payload)


main()
