"""Which run-time Python packages QGIS's Python lacks, and what to install on this platform to get them.

Standard library only: it must import where pandas, numpy or PyYAML are missing, to say so.
"""
import importlib
import os
import sys

# (import name, the name users know it by) for every package the algorithms import.
REQUIRED = (("numpy", "numpy"), ("pandas", "pandas"), ("yaml", "PyYAML"))

# Package names per platform: Debian/Ubuntu and Fedora name them in their archives; OSGeo4W (QGIS on
# Windows, network installer and standalone .msi alike) names them in its package list.
_DEBIAN = {"numpy": "python3-numpy", "pandas": "python3-pandas", "PyYAML": "python3-yaml"}
_FEDORA = {"numpy": "python3-numpy", "pandas": "python3-pandas", "PyYAML": "python3-pyyaml"}
_OSGEO4W = {"numpy": "python3-numpy", "pandas": "python3-pandas", "PyYAML": "python3-pyyaml"}


def missing_packages(importer=importlib.import_module):
    """The user-facing names of the required packages that do not import (a broken one counts as missing)."""
    missing = []
    for module, name in REQUIRED:
        try:
            importer(module)
        except ImportError:
            missing.append(name)
    return missing


def _os_release_ids(path="/etc/os-release"):
    """The ID and ID_LIKE words of a Linux /etc/os-release (e.g. {'ubuntu', 'debian'}); empty if unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return set()
    ids = set()
    for line in lines:
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            ids.update(value.strip().strip('"').lower().split())
    return ids


def platform_kind(system=None, os_release="/etc/os-release", flatpak_info="/.flatpak-info"):
    """One of 'windows', 'macos', 'flatpak', 'debian', 'fedora', 'linux' for the QGIS this runs in."""
    system = system or sys.platform
    if system.startswith("win"):
        return "windows"
    if system == "darwin":
        return "macos"
    if os.path.exists(flatpak_info):
        return "flatpak"
    ids = _os_release_ids(os_release)
    if ids & {"debian", "ubuntu"}:
        return "debian"
    if ids & {"fedora", "rhel", "centos"}:
        return "fedora"
    return "linux"


def install_instructions(missing, kind, python=None):
    """What to do on platform `kind` to get the `missing` packages into QGIS's Python."""
    python = python or os.path.join(sys.exec_prefix, "bin", "python3")
    pip_names = " ".join(missing)
    if kind == "debian":
        return "in a terminal: sudo apt install {}".format(" ".join(_DEBIAN[n] for n in missing))
    if kind == "fedora":
        return "in a terminal: sudo dnf install {}".format(" ".join(_FEDORA[n] for n in missing))
    if kind == "windows":
        return ("run the OSGeo4W installer (osgeo4w-setup.exe, Advanced Install) and select the packages {}; "
                "or open the OSGeo4W Shell from the Start menu as administrator and run: "
                "python -m pip install {}".format(", ".join(_OSGEO4W[n] for n in missing), pip_names))
    if kind == "macos":
        # The QGIS.app bundle carries its own Python; packages installed for another Python are not seen.
        return 'in Terminal, with the Python inside the QGIS bundle: "{}" -m pip install --user {}'.format(
            python, pip_names)
    if kind == "flatpak":
        return "in a terminal: flatpak run --command=pip3 org.qgis.qgis install --user {}".format(pip_names)
    return ("install them with your distribution's package manager (often python3-pandas, python3-yaml), "
            "or in a terminal: python3 -m pip install --user {}".format(pip_names))


def missing_dependency_message(importer=importlib.import_module, kind=None, python=None):
    """The message for the QGIS log and message bar when packages are missing, or None when all import."""
    missing = missing_packages(importer)
    if not missing:
        return None
    return ("LandEval needs {} in QGIS's Python and cannot load its algorithms without {}. To install: {}. "
            "Then restart QGIS.".format(", ".join(missing), "it" if len(missing) == 1 else "them",
                                        install_instructions(missing, kind or platform_kind(), python)))
