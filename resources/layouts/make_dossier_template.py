"""Builds dossier.qpt, the A4 portrait page of landeval:dossier (一宗一档), with QGIS's layout classes.

The committed .qpt is what the algorithm loads and what a user opens in the layout designer (Project ›
Layout Manager › Create from template) to change the logo, header or fonts. landeval:dossier finds the items
by their ids, so an edited template keeps working as long as these ids stay:
    map, scalebar, north_arrow (the parcel and its surroundings), title, identity, result, notes, footer
    (labels whose [% "d_…" %] expressions the algorithm fills per parcel), elements, indicators
    (attribute tables filtered to the atlas parcel), legend (given the tier layer).
Items may be moved, resized, restyled or removed; new items (a logo, a stamp) are kept as they are.

Run with the system interpreter (it has the QGIS bindings):
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 resources/layouts/make_dossier_template.py
"""
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

TEMPLATE = Path(__file__).resolve().parent / "dossier.qpt"
FONT = "WenQuanYi Micro Hei"
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
ATLAS_FILTER = "\"pid\" = attribute(@atlas_feature, 'pid')"

# (heading, attribute, width mm, alignment) of the two tables; the attributes are the columns of the tables
# core.dossier_data builds.
INDICATOR_COLUMNS = [
    ("要素", "element", 20, Qt.AlignmentFlag.AlignLeft),
    ("指标", "indicator", 50, Qt.AlignmentFlag.AlignLeft),
    ("指标值", "value", 22, Qt.AlignmentFlag.AlignRight),
    ("区中位数", "median", 22, Qt.AlignmentFlag.AlignRight),
    ("标准化得分", "norm", 18, Qt.AlignmentFlag.AlignRight),
    ("组合权重", "weight", 16, Qt.AlignmentFlag.AlignRight),
    ("得分贡献", "contrib", 16, Qt.AlignmentFlag.AlignRight),
    ("短板", "mark", 14, Qt.AlignmentFlag.AlignLeft),
]
ELEMENT_COLUMNS = [
    ("准则层要素", "element", 30, Qt.AlignmentFlag.AlignLeft),
    ("权重", "weight", 16, Qt.AlignmentFlag.AlignRight),
    ("要素得分", "score", 18, Qt.AlignmentFlag.AlignRight),
    ("得分条（满分 1）", "bar", 60, Qt.AlignmentFlag.AlignLeft),
]


def _font(size, bold=False):
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _place(item, x, y, w, h, item_id):
    item.setId(item_id)
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))


def _label(layout, text, box, item_id, size=8.0, bold=False, align=Qt.AlignmentFlag.AlignLeft, frame=False):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setFontColor(QColor("#1a1a1a"))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setMarginX(1.5)
    label.setMarginY(1.0)
    label.setFrameEnabled(frame)
    label.setFrameStrokeColor(QColor("#7f7f7f"))
    label.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))
    layout.addLayoutItem(label)
    _place(label, *box, item_id)
    return label


def _table(layout, columns, box, item_id, size=6.5):
    table = QgsLayoutItemAttributeTable(layout)
    layout.addMultiFrame(table)
    cols = []
    for heading, attribute, width, align in columns:
        col = QgsLayoutTableColumn(heading)
        col.setAttribute(attribute)
        col.setWidth(width)
        col.setHAlignment(align)
        cols.append(col)
    table.setColumns(cols)
    table.setFilterFeatures(True)
    table.setFeatureFilter(ATLAS_FILTER)
    table.setMaximumNumberOfFeatures(60)
    table.setUseConditionalStyling(True)
    for setter, bold in ((table.setHeaderTextFormat, True), (table.setContentTextFormat, False)):
        fmt = QgsTextFormat()
        fmt.setFont(_font(size, bold))
        fmt.setSize(size)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        setter(fmt)
    table.setCellMargin(0.6)
    table.setGridStrokeWidth(0.1)
    table.setGridColor(QColor("#9e9e9e"))
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("（无数据）")
    frame = QgsLayoutFrame(layout, table)
    _place(frame, *box, item_id)
    table.addFrame(frame)
    return table


def _header(layout):
    """The dark band across the top with the title (the parcel's d_title) and the organisation."""
    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    symbol = band.symbol().clone()
    symbol.setColor(QColor("#1f3d6b"))
    symbol.symbolLayer(0).setStrokeStyle(Qt.PenStyle.NoPen)
    band.setSymbol(symbol)
    layout.addLayoutItem(band)
    _place(band, 0, 0, 210, 17, "header_band")
    title = _label(layout, "工业用地宗地档案（一宗一档）  [% \"d_title\" %]", (10, 3.5, 150, 10), "title", 14, True)
    title.setFontColor(QColor("#ffffff"))
    org = _label(layout, "LandEval 存量工业用地评价", (150, 5.5, 50, 8), "organisation", 7.5, align=Qt.AlignmentFlag.AlignRight)
    org.setFontColor(QColor("#dfe7f2"))


def _map(layout):
    """The atlas-driven map of the parcel and its surroundings, under its heading; returns the map item."""
    _label(layout, "区位与周边", (10, 19, 105, 5), "map_heading", 8.5, True)
    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(1.5)
    map_item.setKeepLayerSet(True)
    layout.addLayoutItem(map_item)
    _place(map_item, 10, 24, 105, 92, "map")
    # A finite extent of the item's own shape: an empty one is saved as NaN, and the first extent set on
    # loading would then resize the frame to that extent's shape.
    map_item.setExtent(QgsRectangle(0, 0, 105, 92))
    return map_item


def _scalebar(layout, map_item):
    """A two-segment scale bar in metres at the map's lower left corner."""
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setLinkedMap(map_item)
    scalebar.setStyle("Single Box")
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scalebar.setUnitLabel("m")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(18)
    scalebar.setMaximumBarWidth(32)
    fmt = QgsTextFormat()
    fmt.setFont(_font(6))
    fmt.setSize(6)
    scalebar.setTextFormat(fmt)
    scalebar.setBackgroundEnabled(True)
    layout.addLayoutItem(scalebar)
    _place(scalebar, 12, 106, 40, 8, "scalebar")


def _north_arrow(layout, map_item):
    """QGIS's default north arrow at the map's upper right corner."""
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    arrow.setLinkedMap(map_item)
    arrow.setBackgroundEnabled(True)
    layout.addLayoutItem(arrow)
    _place(arrow, 106, 26, 7, 11, "north_arrow")


def _legend(layout, map_item):
    """The tier legend at the map's upper left corner (landeval:dossier gives it the tier layer)."""
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setTitle("宗地分级")
    legend.setAutoUpdateModel(False)
    legend.setBackgroundEnabled(True)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(2.6)
    legend.setBoxSpace(1.2)
    for style, size, bold in ((QgsLegendStyle.Style.Title, 7, True), (QgsLegendStyle.Style.Group, 6.5, True),
                              (QgsLegendStyle.Style.Subgroup, 6.5, False), (QgsLegendStyle.Style.SymbolLabel, 6, False),
                              (QgsLegendStyle.Style.Symbol, 6, False)):
        legend.setStyleFont(style, _font(size, bold))
        legend.setStyleMargin(style, QgsLegendStyle.Side.Top, 0.6)
    layout.addLayoutItem(legend)
    _place(legend, 11, 25, 28, 23, "legend")


def _text_blocks(layout):
    """The map note, the identity and result boxes, the element and indicator tables, the notes and footer."""
    _label(layout, "地图：蓝色粗线为本宗地；周边宗地按分级着色；红色虚线为生态保护红线，紫色虚线为城镇开发边界，黑色点划线为园区范围。",
           (10, 116, 105, 7), "map_note", 5.5)

    _label(layout, "基本信息", (118, 19, 82, 5), "identity_heading", 8.5, True)
    _label(layout, "[% \"d_identity\" %]", (118, 24, 82, 40), "identity", 7.5, frame=True)
    _label(layout, "评价结论", (118, 65, 82, 5), "result_heading", 8.5, True)
    _label(layout, "[% \"d_result\" %]", (118, 70, 82, 53), "result", 7.5, frame=True)

    _label(layout, "要素得分", (10, 124, 190, 5), "elements_heading", 8.5, True)
    _table(layout, ELEMENT_COLUMNS, (10, 129, 190, 28), "elements", 6.5)
    _label(layout, "指标明细（▼ 为拉低得分最多的短板指标；贡献 = 权重 × 标准化得分 ÷ 有值指标权重之和）",
           (10, 158, 190, 5), "indicators_heading", 8.5, True)
    _table(layout, INDICATOR_COLUMNS, (10, 163, 190, 100), "indicators", 6.2)

    _label(layout, "数据质量说明", (10, 264, 190, 5), "notes_heading", 8.5, True)
    _label(layout, "[% \"d_notes\" %]", (10, 269, 190, 15), "notes", 7, frame=True)
    _label(layout, "[% \"d_footer\" %]    第 [% @atlas_featurenumber %] / [% @atlas_totalfeatures %] 页",
           (10, 287, 190, 6), "footer", 6.5, align=Qt.AlignmentFlag.AlignRight)


def build(project):
    """The dossier layout: A4 portrait, items placed in millimetres from the top left corner (added in this
    order, the order they are saved in)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("LandEval 宗地档案")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    _header(layout)
    map_item = _map(layout)
    _scalebar(layout, map_item)
    _north_arrow(layout, map_item)
    _legend(layout, map_item)
    _text_blocks(layout)
    return layout


def write(path=TEMPLATE):
    project = QgsProject()
    layout = build(project)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise SystemExit(f"cannot write {path}")
    return path


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    print(write())
