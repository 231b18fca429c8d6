#!/usr/bin/env python3
"""Build dist/landeval-<version>.zip and dist/plugins.xml: the plugin and a QGIS plugin repository serving it.

    python3 scripts/package.py [--output-dir DIR] [--base-url URL] [--list]

The zip holds one folder, `landeval/`, with only what the plugin needs at run time. The files come from
`git ls-files` (tracked files, read from the working tree), so untracked junk, caches and local data never
ship; of those, only the run-time parts below are taken. The zip is then checked against the rules
plugins.qgis.org applies on upload (upload_problems) and the build fails if one is broken.

plugins.xml lists the zip in the format of QGIS's plugin repositories, so the output folder can be served as
is from an intranet web server or a shared folder (QGIS › Plugins › Manage and Install Plugins › Settings ›
Add…, URL `<base-url>/plugins.xml`). --base-url is where that folder will be reachable (e.g.
http://gis.example.local/qgis-plugins); the default is the output folder's own file:// URL.
Standard library only: it runs with any Python 3.
"""
import argparse
import configparser
import re
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "landeval"
# What QGIS loads: the entry points, the code folders and the data the code reads at run time.
RUNTIME_FILES = {"metadata.txt", "__init__.py", "plugin.py", "translation.py"}
RUNTIME_DIRS = {"algorithms", "core", "qgis_io", "ui", "resources"}
# Shipped for the reader and the licence terms, matched by name stem (README.md, LICENSE, ...).
DOC_STEMS = {"README", "LICENSE", "LICENCE", "COPYING"}
# Sources and by-products that may be tracked inside the run-time folders but are not needed to run:
# Qt Linguist sources (.ts; QGIS loads the compiled .qm), project files, bytecode.
EXCLUDED_SUFFIXES = {".ts", ".pro", ".pyc", ".pyo", ".orig", ".rej"}
# Repository metadata keys plugins.qgis.org rejects an upload without (its validator's required list).
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                     "tracker", "repository")
SIZE_WARNING_BYTES = 20 * 1024 * 1024
# plugins.qgis.org refuses uploads over 25 MB (25 000 000 bytes).
UPLOAD_MAX_BYTES = 25000000
# Its rule for the zip's top folder: an ASCII letter, then letters, digits, '-' or '_'.
FOLDER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]+$")
REPOSITORY_FILE = "plugins.xml"
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
    with tempfile.TemporaryDirectory() as compiled, \
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        # The translations ship compiled (.qm), built from the tracked .ts of this commit.
        translations = ["i18n/" + qm.name for qm in compile_translations(root, compiled)]
        sources = {name: root / name for name in files}
        sources.update({name: Path(compiled) / Path(name).name for name in translations})
        for name in sorted(sources):
            source = sources[name]
            entry = zipfile.ZipInfo("{}/{}".format(PACKAGE, name), date_time=ZIP_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            # Keep the permission bits (scripts stay executable); the high 16 bits hold the Unix mode.
            entry.external_attr = (stat.S_IFREG | (source.stat().st_mode & 0o777)) << 16
            archive.writestr(entry, source.read_bytes())
    partial.replace(target)
    return target, sorted(sources)


def compile_translations(root, out_dir):
    """lrelease every i18n/*.ts of `root` into `out_dir` (scripts/i18n.py); the .qm paths."""
    done = subprocess.run([sys.executable, str(root / "scripts" / "i18n.py"), "compile", str(out_dir)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise PackagingError("the translations could not be compiled: " + (done.stderr or done.stdout).strip())
    return [Path(line) for line in done.stdout.split()]


def upload_problems(zip_path):
    """What plugins.qgis.org would refuse in this zip, one sentence each (empty when it would accept it).

    The rules of the site's upload validator, plus the 'no hidden files' rule of its publishing guidelines:
    size, a readable zip without path tricks, no bytecode, no __MACOSX/.git/__pycache__ folders or other
    dot-files, one top folder with a valid name holding __init__.py, metadata.txt with a [general] section
    and the required keys, http(s) links for tracker/repository/homepage, an author without '/', LICENSE.
    Whether those links answer is checked by the site on upload and not here (no network in CI).
    """
    problems = []
    zip_path = Path(zip_path)
    if zip_path.stat().st_size > UPLOAD_MAX_BYTES:
        problems.append("the zip is {} bytes; plugins.qgis.org takes at most {}".format(
            zip_path.stat().st_size, UPLOAD_MAX_BYTES))
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile:
        return problems + ["{} is not a readable zip".format(zip_path.name)]
    with archive:
        names = archive.namelist()
        if archive.testzip() is not None:
            problems.append("the zip is damaged (CRC error in {})".format(archive.testzip()))
        for name in names:
            parts = name.rstrip("/").split("/")
            if ".." in name or name.startswith("/"):
                problems.append("{}: paths in the zip may not climb out or be absolute".format(name))
            if ".pyc" in name:
                problems.append("{}: compiled Python files may not be uploaded".format(name))
            for forbidden in ("__MACOSX", ".git", "__pycache__"):
                if forbidden in parts:
                    problems.append("{}: a {} folder may not be uploaded".format(name, forbidden))
            if any(part.startswith(".") and part not in (".git",) for part in parts):
                problems.append("{}: hidden files may not be shipped".format(name))
        folders = sorted({name.split("/")[0] for name in names})
        if len(folders) != 1 or not any("/" in name for name in names):
            return problems + ["the zip must hold exactly one top folder, it holds {}".format(folders)]
        folder = folders[0]
        if not FOLDER_NAME.match(folder):
            problems.append("top folder '{}': must start with an ASCII letter and hold only letters, digits, "
                            "'-' and '_'".format(folder))
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if "{}/{}".format(folder, required) not in names:
                problems.append("{}/{} is missing; plugins.qgis.org requires it".format(folder, required))
        if "{}/metadata.txt".format(folder) in names:
            problems.extend(_metadata_problems(archive.read("{}/metadata.txt".format(folder)).decode("utf-8")))
    return problems


def _metadata_problems(text):
    """The upload validator's complaints about a metadata.txt text."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    try:
        parser.read_string(text)
    except configparser.Error as err:
        return ["metadata.txt does not parse: {}".format(err)]
    if not parser.has_section("general"):
        return ["metadata.txt has no [general] section"]
    general = parser["general"]
    problems = ["metadata.txt lacks {}".format(key) for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    for key in ("tracker", "repository", "homepage"):
        value = general.get(key, "").strip()
        if value and not re.match(r"^[a-z][a-z0-9+.-]*://[^/\s]+", value):
            problems.append("metadata.txt {}={} is not a full URL (scheme and host)".format(key, value))
    if "/" in general.get("author", ""):
        problems.append("metadata.txt author may not contain '/'")
    return problems


def write_repository(zip_path, metadata, base_url=None):
    """Write plugins.xml beside the zip: a one-plugin QGIS plugin repository; returns its path."""
    zip_path = Path(zip_path)
    base = (base_url or zip_path.parent.resolve().as_uri()).rstrip("/")
    version = metadata["version"].strip()
    plugins = ElementTree.Element("plugins")
    plugin = ElementTree.SubElement(plugins, "pyqgis_plugin", name=metadata["name"].strip(), version=version)
    fields = {
        "description": metadata.get("description", ""),
        "about": metadata.get("about", ""),
        "version": version,
        # QGIS and plugin managers compare these as dotted versions; pad 3.22 to 3.22.0 as the site does.
        "qgis_minimum_version": _three_part(metadata.get("qgisMinimumVersion", "")),
        "qgis_maximum_version": _three_part(metadata.get("qgisMaximumVersion", "")),
        "homepage": metadata.get("homepage", ""),
        "file_name": zip_path.name,
        "author_name": metadata.get("author", ""),
        "download_url": "{}/{}".format(base, zip_path.name),
        "uploaded_by": metadata.get("author", ""),
        "experimental": metadata.get("experimental", "False"),
        "deprecated": metadata.get("deprecated", "False"),
        "tracker": metadata.get("tracker", ""),
        "repository": metadata.get("repository", ""),
        "tags": metadata.get("tags", ""),
        "server": metadata.get("server", "False"),
        "external_dependencies": "pandas,PyYAML",
    }
    for key, value in fields.items():
        if value.strip():
            ElementTree.SubElement(plugin, key).text = value.strip()
    ElementTree.indent(plugins)
    target = zip_path.parent / REPOSITORY_FILE
    partial = target.with_name(target.name + ".partial")
    ElementTree.ElementTree(plugins).write(partial, encoding="UTF-8", xml_declaration=True)
    partial.replace(target)
    return target


def _three_part(version):
    """'3.22' -> '3.22.0'; '' stays ''."""
    parts = version.strip().split(".") if version.strip() else []
    return ".".join(parts + ["0"] * (3 - len(parts))) if parts else ""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, help="where to write the zip (default: dist/)")
    parser.add_argument("--base-url", help="URL the output folder will be served from, written into plugins.xml "
                                           "(default: the folder's file:// URL)")
    parser.add_argument("--list", action="store_true", help="also print every file the zip holds")
    args = parser.parse_args(argv)
    try:
        target, files = build(ROOT, args.output_dir)
    except PackagingError as err:
        print("package: {}".format(err), file=sys.stderr)
        return 1
    problems = upload_problems(target)
    if problems:
        print("package: plugins.qgis.org would refuse {}:\n  {}".format(target.name, "\n  ".join(problems)),
              file=sys.stderr)
        return 1
    repository = write_repository(target, read_metadata(ROOT), args.base_url)
    with zipfile.ZipFile(target) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if args.list:
        for name in files:
            print("  {}/{}".format(PACKAGE, name))
    print("package: wrote {} ({} files, {:.1f} kB zipped, {:.1f} kB unpacked)".format(
        target, len(files), target.stat().st_size / 1024, unpacked / 1024))
    url = args.base_url.rstrip("/") + "/" + REPOSITORY_FILE if args.base_url else repository.resolve().as_uri()
    print("package: wrote {} (add {} in QGIS › Plugins › Settings › Add…, after serving the folder)".format(
        repository, url))
    if target.stat().st_size > SIZE_WARNING_BYTES:
        print("package: warning: the zip is over {} MB; check resources/ for data that should not ship"
              .format(SIZE_WARNING_BYTES // (1024 * 1024)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
