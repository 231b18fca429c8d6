"""A map of an evaluated parcel layer rendered offscreen by QGIS: the styled parcels, a legend, a scale bar and
a north arrow, as a PNG (no desktop needed; works under qgis_process)."""
import math

from qgis.core import QgsMapLayer, QgsMapRendererParallelJob, QgsMapSettings, QgsSymbolLayerUtils
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QPen, QPolygonF

from ..core import labels, report_html
from ..core.errors import LandEvalError
from ..translation import output_language
from .styling import style_path

# Fonts that carry Chinese glyphs, in order of preference; without one the legend would show empty boxes.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
             "SimHei")
LEGEND_WIDTH = 420  # pixels to the right of the map for the legend


def cjk_font_family():
    families = set(QFontDatabase().families())
    return next((f for f in CJK_FONTS if f in families), QFont().family())


def styled_copy(layer, kind, lang=None):
    """A clone of `layer` carrying the `kind` style with its legend in `lang` (the caller's layer keeps its own
    style)."""
    clone = layer.clone()
    path = style_path(kind, lang)
    message, ok = clone.loadNamedStyle(path, QgsMapLayer.StyleCategory.Symbology)
    if not ok:
        raise LandEvalError("Cannot load the {kind} style {path}: {message}", kind=kind, path=path, message=message)
    return clone


def nice_length(metres):
    """The largest 1, 2 or 5 × 10^k not above `metres` (a round scale-bar length)."""
    if metres <= 0:
        return 0.0
    base = 10 ** math.floor(math.log10(metres))
    return max(m * base for m in (1, 2, 5) if m * base <= metres)


def _draw_scale_bar(painter, settings, x, y, font):
    per_pixel = settings.mapUnitsPerPixel()  # metres in a projected CRS
    length = nice_length(per_pixel * settings.outputSize().width() * 0.2)
    if not length:
        return
    pixels = length / per_pixel
    painter.setPen(QPen(QColor("#000000"), 2))
    painter.fillRect(QRectF(x, y, pixels / 2, 8), QColor("#000000"))
    painter.fillRect(QRectF(x + pixels / 2, y, pixels / 2, 8), QColor("#ffffff"))
    painter.drawRect(QRectF(x, y, pixels, 8))
    painter.setFont(font)
    text = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    painter.drawText(QPointF(x, y - 6), "0")
    painter.drawText(QPointF(x + pixels - 10, y - 6), text)


def _draw_north_arrow(painter, x, y, font):
    painter.setPen(QPen(QColor("#000000"), 1.5))
    painter.setBrush(QColor("#000000"))
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x - 12, y + 36), QPointF(x, y + 28)]))
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + 12, y + 36), QPointF(x, y + 28)]))
    painter.setFont(font)
    painter.drawText(QPointF(x - 6, y - 6), "N")


def _draw_legend(painter, layer, title, family, x, y, second_labels=()):
    """The layer renderer's own legend items (QGIS draws each symbol, hatches included) with their labels;
    `second_labels` (same order) are written after them in grey (the English names of a Chinese legend)."""
    title_font = QFont(family)
    title_font.setPixelSize(26)
    title_font.setBold(True)
    label_font = QFont(family)
    label_font.setPixelSize(22)
    painter.setPen(QPen(QColor("#000000")))
    painter.setFont(title_font)
    painter.drawText(QPointF(x, y + 26), title)
    row = y + 50
    items = [item for item in layer.renderer().legendSymbolItems() if item.symbol() is not None]
    for i, item in enumerate(items):
        pixmap = QgsSymbolLayerUtils.symbolPreviewPixmap(item.symbol(), QSize(48, 30))
        painter.drawPixmap(int(x), int(row), pixmap)
        painter.setFont(label_font)
        painter.setPen(QPen(QColor("#000000")))
        painter.drawText(QPointF(x + 60, row + 23), item.label())
        if i < len(second_labels) and second_labels[i] != item.label():
            painter.setPen(QPen(QColor("#666666")))
            painter.drawText(QPointF(x + 60, row + 50), second_labels[i])
            row += 26
        row += 44


def render_map(layer, kind="tier", width=1600, height=1200, lang=None, dpi=150, title=None):
    """PNG bytes of `layer` styled by `kind`, with legend, scale bar and north arrow on a white page.

    lang: "zh", "en" or "bilingual" (the Chinese legend with each class's English name after it, as the
    bilingual report shows it); default: the run's language."""
    lang = lang or output_language()
    bilingual = lang == "bilingual"
    lang = "zh" if bilingual else lang
    if layer is None or not layer.isValid():
        raise LandEvalError("Cannot draw the map: the layer is not valid.")
    styled = styled_copy(layer, kind, lang)
    settings = QgsMapSettings()
    settings.setLayers([styled])
    settings.setDestinationCrs(styled.crs())
    extent = styled.extent()
    extent.scale(1.04)
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(extent)
    settings.setOutputDpi(dpi)
    settings.setBackgroundColor(QColor("#ffffff"))
    settings.setFlag(QgsMapSettings.Flag.Antialiasing, True)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    map_image = job.renderedImage()

    page = QImage(width + LEGEND_WIDTH, height, QImage.Format.Format_ARGB32)
    page.fill(QColor("#ffffff"))
    painter = QPainter(page)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.drawImage(0, 0, map_image)
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.drawRect(0, 0, width - 1, height - 1)
    family = cjk_font_family()
    font = QFont(family)
    font.setPixelSize(20)
    _draw_scale_bar(painter, settings, 30, height - 40, font)
    _draw_north_arrow(painter, width - 50, 40, font)
    english = [c["en"] for c in report_html.palette().get(kind, [])] if bilingual else []
    # A bilingual legend carries the English names too (grey, after each class), so its title does as well.
    names = labels.entries("style").get(kind)
    default_title = kind if names is None else f"{names['zh']} / {names['en']}" if bilingual else names[lang]
    _draw_legend(painter, styled, title or default_title, family, width + 24, 24, english)
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    page.save(buffer, "PNG")
    buffer.close()
    return bytes(data)
