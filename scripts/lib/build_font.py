#!/usr/bin/python3
"""Subsets Debian's BIZ UDPGothic to what the UI can show and writes its OFL licence beside it.

The character set is the CP932 repertoire (JIS X 0208 plus the NEC and IBM extensions staff
use in names and documents: ① ㈱ № 髙 﨑 …), half-width katakana, ASCII, every string in the
i18n catalogs, and the extra characters listed in assets/i18n/extra_chars.txt.
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

FONT = pathlib.Path("/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf")
COPYRIGHT = pathlib.Path("/usr/share/doc/fonts-morisawa-bizud-gothic/copyright")


def cp932_characters():
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars.update(bytes([b]).decode("cp932") for b in range(0xA1, 0xE0))  # half-width katakana
    for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
        for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
            try:
                chars.add(bytes([lead, trail]).decode("cp932"))
            except UnicodeDecodeError:
                pass
    return chars


def catalog_characters(paths):
    chars = set()
    for path in paths:
        for entry in json.loads(path.read_text(encoding="utf-8")).values():
            for text in entry.values():
                chars.update(text)
    return chars


def licence_text():
    """The SIL OFL 1.1 stanza of the Debian copyright file, with the font's copyright line."""
    text = COPYRIGHT.read_text(encoding="utf-8")
    holder = re.search(r"^Files: \*\nCopyright: (.+)$", text, re.M)
    body = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", text, re.M)
    if not holder or not body:
        sys.exit(f"cannot find the OFL text in {COPYRIGHT}")
    lines = [line[1:] if line.startswith(" ") else line for line in body.group(1).splitlines()]
    lines = ["" if line == "." else line for line in lines]
    return f"BIZ UDPGothic\nCopyright {holder.group(1).strip()}\n\n" + "\n".join(lines).strip() + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--catalog", type=pathlib.Path, nargs="+", required=True)
    parser.add_argument("--extra", type=pathlib.Path, required=True)
    parser.add_argument("--output", type=pathlib.Path, required=True)
    parser.add_argument("--licence", type=pathlib.Path, required=True)
    args = parser.parse_args()

    chars = cp932_characters() | catalog_characters(args.catalog)
    chars |= set(args.extra.read_text(encoding="utf-8")) - {"\n", "\r"}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as listing:
        listing.write("".join(sorted(chars)))
    subprocess.run(
        ["/usr/bin/python3", "-m", "fontTools.subset", str(FONT), f"--text-file={listing.name}",
         f"--output-file={args.output}", "--no-hinting", "--layout-features=", "--name-IDs=*",
         "--name-legacy", "--name-languages=*"],
        check=True)
    pathlib.Path(listing.name).unlink()
    args.licence.write_text(licence_text(), encoding="utf-8")


if __name__ == "__main__":
    main()
