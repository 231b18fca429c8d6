#!/usr/bin/env python3
"""Build dist/landeval-<version>.zip: the plugin as the QGIS plugin repository and "Install from ZIP" expect.

    python3 scripts/package.py [--output-dir DIR] [--list]

The zip holds one folder, `landeval/`, with only what the plugin needs at run time. The files come from
`git ls-files` (tracked files, read from the working tree), so untracked junk, caches and local data never
ship; of those, only the run-time parts below are taken. Standard library only: it runs with any Python 3.
"""
import argparse
import configparser
import stat
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "landeval"
# What QGIS loads: the entry points, the code folders and the data the code reads at run time.
RUNTIME_FILES = {"metadata.txt", "__init__.py", "plugin.py"}
RUNTIME_DIRS = {"algorithms", "core", "ui", "resources"}
# Shipped for the reader and the licence terms, matched by name stem (README.md, LICENSE, ...).
DOC_STEMS = {"README", "LICENSE", "LICENCE", "COPYING"}
# Sources and by-products that may be tracked inside the run-time folders but are not needed to run:
# Qt Linguist sources (.ts; QGIS loads the compiled .qm), project files, bytecode.
EXCLUDED_SUFFIXES = {".ts", ".pro", ".pyc", ".pyo", ".orig", ".rej"}
# Repository metadata keys plugins.qgis.org rejects an upload without.
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                     "repository")
SIZE_WARNING_BYTES = 20 * 1024 * 1024
# A fixed time stamp makes the zip depend only on the files, so two builds of one commit are identical.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


class PackagingError(Exception):
    """Something in the checkout keeps the package from being built; the message says what to fix."""


def read_metadata(root=ROOT):
    """The [general] section of metadata.txt as a dict, checked for the keys the repository requires."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys such as qgisMinimumVersion are case-sensitive
    path = root / "metadata.txt"
    if not parser.read(path, encoding="utf-8"):
        raise PackagingError("{} is missing".format(path))
    general = dict(parser["general"]) if parser.has_section("general") else {}
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    if missing:
        raise PackagingError("metadata.txt [general] lacks {}; the QGIS plugin repository requires them"
                             .format(", ".join(missing)))
    return general


def tracked_files(root=ROOT):
    """Paths (relative, POSIX) that git tracks in `root`."""
    try:
        listing = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached"], check=True,
                                 capture_output=True).stdout
    except FileNotFoundError:
        raise PackagingError("git is not installed; the package is built from `git ls-files`") from None
    except subprocess.CalledProcessError as err:
        raise PackagingError("{} is not a git checkout ({}); the package is built from `git ls-files`"
                             .format(root, err.stderr.decode(errors="replace").strip())) from None
    return [name for name in listing.decode("utf-8").split("\0") if name]


def is_runtime_file(relative):
    """True for a tracked path that belongs in the installed plugin."""
    path = PurePosixPath(relative)
    if any(part.startswith(".") or part == "__pycache__" for part in path.parts):
        return False
    if path.suffix in EXCLUDED_SUFFIXES:
        return False
    if len(path.parts) == 1:
        return relative in RUNTIME_FILES or path.stem.upper() in DOC_STEMS
    return path.parts[0] in RUNTIME_DIRS


def package_files(root=ROOT):
    """The run-time files to ship, sorted; a tracked file deleted from the working tree is an error."""
    files = sorted(name for name in tracked_files(root) if is_runtime_file(name))
    gone = [name for name in files if not (root / name).is_file()]
    if gone:
        raise PackagingError("tracked but missing from the working tree: {} (restore them or `git rm` them)"
                             .format(", ".join(gone)))
    return files


def build(root=ROOT, output_dir=None):
    """Write `<output_dir>/landeval-<version>.zip` (default `<root>/dist`) and return its path."""
    metadata = read_metadata(root)
    files = package_files(root)
    icon = metadata.get("icon", "").strip()
    if icon and icon not in files:
        raise PackagingError("metadata.txt names icon={} but that file is not tracked under a run-time "
                             "folder, so the installed plugin would have no icon".format(icon))
    output_dir = Path(output_dir) if output_dir else root / "dist"
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / "{}-{}.zip".format(PACKAGE, metadata["version"].strip())
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in files:
            source = root / name
            entry = zipfile.ZipInfo("{}/{}".format(PACKAGE, name), date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # Keep the permission bits (scripts stay executable); the high 16 bits hold the Unix mode.
            entry.external_attr = (stat.S_IFREG | (source.stat().st_mode & 0o777)) << 16
            archive.writestr(entry, source.read_bytes())
    partial.replace(target)
    return target, files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, help="where to write the zip (default: dist/)")
    parser.add_argument("--list", action="store_true", help="also print every file the zip holds")
    args = parser.parse_args(argv)
    try:
        target, files = build(ROOT, args.output_dir)
    except PackagingError as err:
        print("package: {}".format(err), file=sys.stderr)
        return 1
    unpacked = sum((ROOT / name).stat().st_size for name in files)
    if args.list:
        for name in files:
            print("  {}/{}".format(PACKAGE, name))
    print("package: wrote {} ({} files, {:.1f} kB zipped, {:.1f} kB unpacked)".format(
        target, len(files), target.stat().st_size / 1024, unpacked / 1024))
    if target.stat().st_size > SIZE_WARNING_BYTES:
        print("package: warning: the zip is over {} MB; check resources/ for data that should not ship"
              .format(SIZE_WARNING_BYTES // (1024 * 1024)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
