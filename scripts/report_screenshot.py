#!/usr/bin/python3
"""Screenshots of the HTML report for the README: docs/images/report_top.png (from the title to the map) and
docs/images/report_charts.png (the charts and the start of the inefficient-parcel list).

    bash scripts/demo.sh                      # writes output/report.html
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/report_screenshot.py [--report output/report.html]
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/report_screenshot.py --report output/robustness.html \
        --shots robustness          # docs/images/report_robustness.png, from landeval:robustness's REPORT

The page is laid out by QtWebKit (python3-pyqt5.qtwebkit, which QGIS 3.22 on Debian brings along) in a
1000-pixel-wide viewport with no window (offscreen platform) and painted from the headings down: the top
shot ends just after the map (where the by-tier table starts), the charts shot starts at 图表 Charts.
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTH = 1000
TOP_HEIGHT = 1250  # title, settings, overview and the map at 1000 px
CHARTS_HEIGHT = 960  # the three charts and the first rows of the list
ROBUSTNESS_HEIGHT = 1500  # counts, distribution of p, the first contested parcels
MARGIN = 10  # pixels kept above a heading


def load(app, report_path):
    """The report laid out by QtWebKit at WIDTH pixels: (QWebPage, {anchor id: top y} of its h2 headings)."""
    from PyQt5.QtCore import QSize, Qt, QUrl
    from PyQt5.QtWebKitWidgets import QWebPage

    page = QWebPage()
    for orientation in (Qt.Horizontal, Qt.Vertical):  # scroll bars would take width and show in the shots
        page.mainFrame().setScrollBarPolicy(orientation, Qt.ScrollBarAlwaysOff)
    loaded = []
    page.loadFinished.connect(loaded.append)
    page.setViewportSize(QSize(WIDTH, 800))
    page.mainFrame().load(QUrl.fromLocalFile(os.path.abspath(report_path)))
    while not loaded:
        app.processEvents()
    if not loaded[0]:
        raise SystemExit(f"report_screenshot: QtWebKit could not load {report_path}")
    tops = {e.attribute("id"): e.geometry().top() for e in page.mainFrame().findAllElements("h2")}
    return page, tops


def shot(page, top, height):
    """A WIDTH × height image of the page from `top` down. The page is scrolled there and its viewport
    painted, because a long report (the parcel lists) is taller than QPainter's 32767-pixel limit."""
    from PyQt5.QtCore import QPoint, QSize
    from PyQt5.QtGui import QImage, QPainter

    frame = page.mainFrame()
    height = max(min(height, frame.contentsSize().height() - top), 1)
    page.setViewportSize(QSize(WIDTH, height))
    frame.setScrollPosition(QPoint(0, top))
    image = QImage(WIDTH, height, QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    frame.render(painter)
    painter.end()
    return image


def qt_app():
    """The QApplication (kept by the caller: QtWebKit crashes once it is gone)."""
    from PyQt5.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", default=os.path.join(ROOT, "output", "report.html"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "docs", "images"))
    ap.add_argument("--shots", default="top,charts", help="which shots: top, charts, robustness (comma-separated)")
    args = ap.parse_args(argv)
    if not os.path.isfile(args.report):
        raise SystemExit(f"report_screenshot: {args.report} not found; run bash scripts/demo.sh first")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = qt_app()
    page, tops = load(app, args.report)
    wanted = {name.strip() for name in args.shots.split(",")}
    for heading in wanted & {"charts", "robustness"}:
        if heading not in tops:
            raise SystemExit(f"report_screenshot: the report has no {heading} heading")
    # The top shot ends where the by-tier table starts, however many rows the settings and overview have.
    top_height = tops["tier"] - MARGIN if "tier" in tops else TOP_HEIGHT
    shots = {"top": ("report_top.png", 0, top_height),
             "charts": ("report_charts.png", max(tops.get("charts", 0) - MARGIN, 0), CHARTS_HEIGHT),
             "robustness": ("report_robustness.png", max(tops.get("robustness", 0) - MARGIN, 0), ROBUSTNESS_HEIGHT)}
    for name, top, height in (shots[key] for key in ("top", "charts", "robustness") if key in wanted):
        path = os.path.join(args.out_dir, name)
        if not shot(page, top, height).save(path, "PNG"):
            raise SystemExit(f"report_screenshot: cannot write {path}")
        print(f"wrote {os.path.relpath(path, os.getcwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
