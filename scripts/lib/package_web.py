#!/usr/bin/python3
"""Lays out build/web: content-hashed app files, the page shell pointing at them, the font and
its licence, the service worker, and a precompressed .gz beside every compressible file.

Hashed names let the server tell browsers to cache them for a year; the page shell and the
service worker keep plain names and are served with no-cache, so a new build is picked up on
the next load. The build id names the whole set: the service worker precaches exactly these
files under it, so a page shell and its scripts always come from the same build.
"""
import argparse
import gzip
import hashlib
import json
import pathlib

COMPRESSIBLE = {".js", ".wasm", ".css", ".html", ".ttf", ".txt", ".json", ".svg", ".webmanifest"}


def content_hash(data):
    return hashlib.sha256(data).hexdigest()[:12]


def write_file(output, relative, data, written):
    target = output / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
    written.add(target)
    if target.suffix in COMPRESSIBLE:
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data):
            compressed = target.with_name(target.name + ".gz")
            if not compressed.exists() or compressed.read_bytes() != packed:
                compressed.write_bytes(packed)
            written.add(compressed)


def hashed(output, folder, stem, suffix, data, written):
    relative = f"{folder}{stem}.{content_hash(data)}{suffix}"
    write_file(output, relative, data, written)
    return relative


def fill(template, values, name, leave=frozenset()):
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    unfilled = template
    for key in leave:
        unfilled = unfilled.replace("{{" + key + "}}", "")
    if "{{" in unfilled:
        raise SystemExit(f"{name} has a placeholder package_web.py does not fill")
    return template


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("js", "wasm", "font", "licence", "shell-dir", "output"):
        parser.add_argument(f"--{name}", type=pathlib.Path, required=True)
    args = parser.parse_args()
    output = args.output
    output.mkdir(parents=True, exist_ok=True)
    written = set()

    names = {
        "wasm": hashed(output, "", "app", ".wasm", args.wasm.read_bytes(), written),
        "js": hashed(output, "", "app", ".js", args.js.read_bytes(), written),
        "boot": hashed(output, "", "boot", ".js", (args.shell_dir / "boot.js").read_bytes(), written),
        "css": hashed(output, "", "app", ".css", (args.shell_dir / "app.css").read_bytes(), written),
        "icon": hashed(output, "", "favicon", ".svg", (args.shell_dir / "favicon.svg").read_bytes(), written),
        "font": hashed(output, "fonts/", "BIZUDPGothic-subset", ".ttf", args.font.read_bytes(), written),
    }
    manifest = fill((args.shell_dir / "manifest.webmanifest").read_text(encoding="utf-8"), names, "manifest.webmanifest")
    names["manifest"] = hashed(output, "", "manifest", ".webmanifest", manifest.encode("utf-8"), written)
    write_file(output, "fonts/OFL.txt", args.licence.read_bytes(), written)

    # The page names every hashed file, so its hash changes with any of them; the worker's
    # own code is part of the build too.
    page_template = (args.shell_dir / "index.html").read_text(encoding="utf-8")
    worker_template = (args.shell_dir / "sw.js").read_text(encoding="utf-8")
    unbuilt_page = fill(page_template, names, "index.html", leave={"build"})
    build = content_hash((unbuilt_page + worker_template).encode("utf-8"))
    page = fill(unbuilt_page, {"build": build}, "index.html")
    write_file(output, "index.html", page.encode("utf-8"), written)
    precache = ["index.html"] + sorted(names.values())
    worker = fill(worker_template, {"build": build, "files": json.dumps(precache)}, "sw.js")
    write_file(output, "sw.js", worker.encode("utf-8"), written)

    # Files of earlier builds would otherwise pile up under new hashes.
    for path in sorted(output.rglob("*"), reverse=True):
        if path.is_file() and path not in written:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


if __name__ == "__main__":
    main()
