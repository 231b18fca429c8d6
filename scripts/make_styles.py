#!/usr/bin/python3
"""Write the LandEval QML styles from resources/styles/palette.yaml with the QGIS API.

    /usr/bin/python3 scripts/make_styles.py          # resources/styles/<kind>.qml and resources/styles/en/<kind>.qml

Renderers are built with QGIS classes and saved with saveNamedStyle, so each file is a QML the running QGIS
(3.22 here) writes itself. The palette is checked first: classes must stay apart in greyscale and for
colour-blind viewers (see the palette file's header), otherwise nothing is written.
"""
import itertools
import os
import sys

import numpy as np
import yaml

# Qt writes XML attributes in hash order; a fixed seed keeps regenerated QML files diff-free.
os.environ.setdefault("QT_HASH_SEED", "0")
HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(HERE, "..", "resources", "styles")
PALETTE = os.path.join(STYLES, "palette.yaml")
MIN_DELTA_L = 7.0
MIN_DELTA_E_CVD = 12.0

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
D65 = np.array([0.95047, 1.0, 1.08883])


def load_palette(path=PALETTE):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def linear_rgb(hex_colour):
    c = np.array([int(hex_colour[i:i + 2], 16) / 255.0 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(linear):
    """CIE L*a*b* (D65) of a linear-RGB colour."""
    xyz = SRGB_TO_XYZ @ linear / D65
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def lightness(hex_colour):
    return float(lab(linear_rgb(hex_colour))[0])


def palette_problems(palette):
    """Pairs of classes too close in lightness or under a colour-vision deficiency: ["tier: A/B …", …]."""
    problems = []
    for kind, style in palette["styles"].items():
        classes = style["classes"]
        for a, b in itertools.combinations(classes, 2):
            names = f"{kind}: {a.get('value', a['zh'])!s}/{b.get('value', b['zh'])!s}"
            d_l = abs(lightness(a["color"]) - lightness(b["color"]))
            if d_l < MIN_DELTA_L:
                problems.append(f"{names} differ by {d_l:.1f} in L* (< {MIN_DELTA_L})")
            for cvd, matrix in CVD.items():
                sim = [lab(np.clip(np.array(matrix) @ linear_rgb(c["color"]), 0, 1)) for c in (a, b)]
                d_e = float(np.linalg.norm(sim[0] - sim[1]))
                if d_e < MIN_DELTA_E_CVD:
                    problems.append(f"{names} differ by ΔE {d_e:.1f} under {cvd} (< {MIN_DELTA_E_CVD})")
    return problems


def fill_symbol(cls, outline):
    """A fill in the class colour with a thin grey outline; hatched classes get a diagonal line pattern."""
    from qgis.core import QgsFillSymbol, QgsLinePatternFillSymbolLayer, QgsLineSymbol

    symbol = QgsFillSymbol.createSimple({
        "color": cls["color"], "outline_color": outline["color"], "outline_width": str(outline["width_mm"]),
        "outline_width_unit": "MM", "style": "solid",
    })
    if cls.get("hatch"):
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(45)
        hatch.setDistance(1.2)
        hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "#525252", "width": "0.15"}))
        symbol.appendSymbolLayer(hatch)
    return symbol


def renderer(style, lang, outline):
    from qgis.core import (QgsCategorizedSymbolRenderer, QgsClassificationCustom, QgsGraduatedSymbolRenderer,
                           QgsRendererCategory, QgsRendererRange)

    if style.get("graduated"):
        ranges = [QgsRendererRange(c["lower"], c["upper"], fill_symbol(c, outline), c[lang]) for c in style["classes"]]
        result = QgsGraduatedSymbolRenderer(style["field"], ranges)
        result.setClassificationMethod(QgsClassificationCustom())
        return result
    cats = [QgsRendererCategory(c["value"], fill_symbol(c, outline), c[lang]) for c in style["classes"]]
    return QgsCategorizedSymbolRenderer(style["field"], cats)


def write_styles(palette, out_dir=STYLES):
    """Write <kind>.qml (Chinese legend) and en/<kind>.qml (English legend); returns the paths written."""
    from qgis.core import QgsMapLayer, QgsVectorLayer

    written = []
    for lang, folder in (("zh", out_dir), ("en", os.path.join(out_dir, "en"))):
        os.makedirs(folder, exist_ok=True)
        for kind, style in palette["styles"].items():
            ftype = "double" if style.get("graduated") else "string"
            layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4547&field={style['field']}:{ftype}", kind, "memory")
            layer.setRenderer(renderer(style, lang, palette["outline"]))
            path = os.path.join(folder, kind + ".qml")
            message, ok = layer.saveNamedStyle(path, QgsMapLayer.Symbology | QgsMapLayer.Rendering)
            if not ok:
                raise RuntimeError(f"cannot write {path}: {message}")
            written.append(path)
    return written


def main():
    palette = load_palette()
    problems = palette_problems(palette)
    if problems:
        print("palette.yaml: classes too close to tell apart:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for path in write_styles(palette):
        print(os.path.relpath(path, os.path.join(HERE, "..")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
