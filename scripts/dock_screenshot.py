#!/usr/bin/env python3
"""Start a real QGIS window under Xvfb with LandEval enabled, drive the weight-set dock, save a screenshot.

    python3 scripts/dock_screenshot.py [--out docs/images/dock.png] [--timeout 240]

Outside QGIS this file is the launcher: it makes a throw-away QGIS profile (the plugin linked into its
python/plugins folder and enabled in its QGIS3.ini), then runs
`xvfb-run -a qgis --nologo --noversioncheck --profiles-path <temp> --code <this file>`. Inside QGIS (the same
file, run by --code with LANDEVAL_SCREENSHOT set) it opens the dock, loads the sample county's parcels,
starts from the jiangning preset, applies it (landeval:evaluate in the background), changes two element
weights to show the live tier preview, grabs the main window and quits. With --robustness it instead runs the
dock's Robustness action on the evaluated layer after Apply and grabs the window with the robustness layer on
the map and the three counts in the dock (docs/images/dock_robustness.png). What happened is written to a JSON
file next to the screenshot's temp folder; the launcher prints it and exits non-zero when a step failed.
"""
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

# QGIS runs --code files with exec(), where __file__ is not defined; the launcher passes this path on.
THIS_FILE = os.path.abspath(globals().get("__file__") or os.environ.get("LANDEVAL_SCRIPT", ""))
ROOT = os.path.dirname(os.path.dirname(THIS_FILE))
SAMPLE = os.path.join(ROOT, "resources", "sample", "sample_county.gpkg")
DEFAULT_OUT = os.path.join(ROOT, "docs", "images", "dock.png")
WINDOW_SIZE = (1600, 1000)


# ------------------------------------------------------------------------------------------------ launcher
def make_profile(base, locale=None):
    """A QGIS profile folder with this checkout linked as the `landeval` plugin and enabled; `locale` (e.g.
    zh-Hans, en_US) is set as QGIS's Options ▸ General ▸ Override system locale sets it."""
    profile = os.path.join(base, "profiles", "default")
    plugins = os.path.join(profile, "python", "plugins")
    os.makedirs(plugins)
    os.makedirs(os.path.join(profile, "QGIS"))
    os.symlink(ROOT, os.path.join(plugins, "landeval"), target_is_directory=True)
    with open(os.path.join(profile, "QGIS", "QGIS3.ini"), "w", encoding="utf-8") as ini:
        # Plugin enabled; no first-run panels or news in the way of the screenshot.
        ini.write("[PythonPlugins]\nlandeval=true\n\n"
                  "[core]\nNewsFeed\\httpsfeedqgisorg\\disabled=true\n\n"
                  "[qgis]\ncheckVersion=false\nshowTips=false\n")
        if locale:
            ini.write(f"\n[locale]\noverrideFlag=true\nuserLocale={locale}\n")
    return profile


def run(out, timeout, robustness=False, locale=None):
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        raise SystemExit("xvfb-run and qgis are needed (bash scripts/setup.sh installs them).")
    base = tempfile.mkdtemp(prefix="landeval_gui_")
    make_profile(base, locale)
    status_path = os.path.join(base, "status.json")
    env = dict(os.environ, LANDEVAL_SCREENSHOT=os.path.abspath(out), LANDEVAL_STATUS=status_path,
               LANDEVAL_SAMPLE=SAMPLE, LANDEVAL_SCRIPT=THIS_FILE)
    if robustness:
        env["LANDEVAL_ROBUSTNESS"] = "1"
    env.pop("QT_QPA_PLATFORM", None)  # a real X display (Xvfb), not offscreen
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}x24",
               "qgis", "--nologo", "--noversioncheck", "--profiles-path", base, "--code", THIS_FILE]
    # Own session, so a timeout ends xvfb-run, Xvfb and QGIS together, not only xvfb-run.
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            errors="replace", start_new_session=True)
    try:
        log, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        log, _ = proc.communicate()
        log += f"\nQGIS did not finish within {timeout} s and was stopped."
    status = {"ok": False, "error": "QGIS wrote no status (the startup script did not run to the end)"}
    if os.path.exists(status_path):
        with open(status_path, encoding="utf-8") as handle:
            status = json.load(handle)
    status["log_tail"] = log[-12000:]  # room for a crash backtrace
    shutil.rmtree(base, ignore_errors=True)
    return status


# ------------------------------------------------------------------------------------------------ in QGIS
def guarded(step):
    """A step of ScreenshotRun that ends QGIS with a status on any failure, never leaving it hanging."""
    @functools.wraps(step)
    def wrapper(self, *args):
        try:
            step(self, *args)
        except Exception as err:
            import traceback

            self.finish(f"{step.__name__}: {err}\n{traceback.format_exc()}")
    return wrapper


class ScreenshotRun:
    """Inside QGIS (from --code): a chain of steps driven by timers so QGIS's event loop keeps going. Each step
    is a method; what they share (the dock, the status written at the end) lives on the instance."""

    def __init__(self):
        from qgis.utils import iface

        self.iface = iface
        self.out, self.status_path = os.environ["LANDEVAL_SCREENSHOT"], os.environ["LANDEVAL_STATUS"]
        self.status = {"ok": False, "steps": []}
        self.dock = None

    def start(self):
        """Schedule the first step and the deadline after which the run gives up."""
        from qgis.PyQt.QtCore import QTimer

        QTimer.singleShot(1000, self.open_dock)
        QTimer.singleShot(int(os.environ.get("LANDEVAL_GUI_DEADLINE_MS", "200000")),
                          lambda: self.finish("the steps did not finish in time"))

    def finish(self, error=None):
        """Write the status file and quit QGIS (exit code 1 with an error)."""
        from qgis.core import QgsApplication, QgsProject

        if error:
            self.status["error"] = error
        self.status["ok"] = error is None
        with open(self.status_path, "w", encoding="utf-8") as handle:
            json.dump(self.status, handle, ensure_ascii=False, indent=1)
        QgsProject.instance().setDirty(False)  # no "save changes?" question on the way out
        QgsApplication.exit(0 if error is None else 1)

    def refused(self, what):
        """The error for an action the dock refused, with the message it showed."""
        item = self.dock.message_bar.currentItem()
        return RuntimeError(f"{what} refused: " + (item.text() if item else "no message"))

    def finished_layer(self, ok, result, message, failed, step):
        """The layer a background run of the dock made, logged as a step; an error (`failed` + its message) when
        the run failed."""
        if not ok:
            raise RuntimeError(failed + message)
        self.status["steps"].append(step + result.layer.name())
        return result.layer

    def save_window(self):
        """Grab the main window into the screenshot file."""
        os.makedirs(os.path.dirname(self.out), exist_ok=True)
        if not self.iface.mainWindow().grab().save(self.out):
            raise RuntimeError(f"could not write {self.out}")
        self.status["screenshot"] = self.out

    def load_sample(self):
        """Add the sample county's layers and its enterprise table to the project; returns them by name."""
        from qgis.core import QgsProject, QgsVectorLayer

        sample = os.environ["LANDEVAL_SAMPLE"]
        layers = {}
        for name, title in (("pois", "POIs 公共服务设施"), ("dev_boundary", "开发边界"), ("eco_redline", "生态红线"),
                            ("parks", "园区 parks"), ("parcels", "parcels 宗地")):
            layers[name] = QgsVectorLayer(f"{sample}|layername={name}", title, "ogr")
        layers["enterprises"] = QgsVectorLayer(os.path.join(os.path.dirname(sample), "enterprises.xlsx"),
                                               "enterprises 企业", "ogr")
        for name, layer in layers.items():
            if not layer.isValid():
                raise RuntimeError(f"cannot open the sample's {name} layer ({sample})")
            QgsProject.instance().addMapLayer(layer)
        return layers

    @guarded
    def open_dock(self):
        """Open the dock, load the sample and the jiangning preset, and Apply (evaluate in the background)."""
        from qgis.PyQt.QtCore import Qt
        from qgis.utils import plugins

        # Xvfb has no window manager to maximize with: place the window over the whole screen.
        self.iface.mainWindow().setGeometry(0, 0, *WINDOW_SIZE)
        plugin = plugins.get("landeval")
        if plugin is None:
            raise RuntimeError("the landeval plugin is not loaded; plugins: " + ", ".join(plugins))
        plugin.action.setChecked(True)
        self.dock = dock = plugin.dock
        self.iface.mainWindow().resizeDocks([dock], [760], Qt.Orientation.Horizontal)
        layers = self.load_sample()
        self.iface.mapCanvas().setExtent(layers["parcels"].extent())
        dock.load("jiangning")
        panel = dock.apply_panel
        panel.parcels_combo.setLayer(layers["parcels"])
        panel.enterprises_combo.setLayer(layers["enterprises"])
        for name in ("PARKS", "ECO_REDLINE", "DEV_BOUNDARY", "POIS"):
            panel.overlays[name].setLayer(layers[name.lower()])
        panel.runner.finished.connect(self.applied)
        self.status["steps"].append(f"dock open, {layers['parcels'].featureCount()} parcels, "
                                    f"{layers['enterprises'].featureCount()} enterprises, preset jiangning, inputs "
                                    + json.dumps(panel.inputs(), ensure_ascii=False))
        if not panel.apply():
            raise self.refused("Apply")

    def show_over_base(self, layer):
        """Show `layer` alone over the largest park (the industrial base), where parcels are dense enough to see
        their tier colours; the other inputs stay in the legend, unticked."""
        from qgis.core import QgsProject

        root = QgsProject.instance().layerTreeRoot()
        for other in QgsProject.instance().mapLayers().values():
            if other.id() != layer.id():
                root.findLayer(other.id()).setItemVisibilityChecked(False)
        parks = QgsProject.instance().mapLayersByName("园区 parks")[0]
        base = max(parks.getFeatures(), key=lambda f: f.geometry().area()).geometry().boundingBox()
        base.scale(1.1)
        self.iface.setActiveLayer(layer)
        self.iface.mapCanvas().setExtent(base)

    @guarded
    def applied(self, ok, result, message):
        """After Apply: run Robustness (--robustness), or edit two element weights for the tier preview."""
        from qgis.PyQt.QtCore import QTimer

        dock = self.dock
        layer = self.finished_layer(ok, result, message, "evaluation failed: ", "evaluated: ")
        self.status["tiers"] = dock.apply_panel.tier_label.text()
        self.show_over_base(layer)
        if os.environ.get("LANDEVAL_ROBUSTNESS"):
            dock.apply_panel.runner.finished.disconnect(self.applied)
            dock.apply_panel.runner.finished.connect(self.robust_done)
            dock.robustness_box.setCollapsed(False)
            if not dock.robustness_panel.run():
                raise self.refused("Robustness")
            return
        # The preview recomputes tiers with core from the layer's columns: with the weights just applied it must
        # find no parcel changing tier, or it disagrees with the evaluation.
        self.status["unchanged_weights_moved"] = dock.apply_panel.preview.changes(layer, dock.model.document()).changed
        # Swap two element weights (the set stays valid) to show the live tier preview.
        from landeval.ui.weight_model import ROOT
        weights = dock.model.level_weights(ROOT)
        weights[1], weights[4] = weights[4], weights[1]
        dock.model.set_level_weights(ROOT, weights, "screenshot edit")
        dock.tree.setCurrentIndex(dock.model.index_for((1, 0)))
        QTimer.singleShot(1500, self.shoot)

    @guarded
    def robust_done(self, ok, result, message):
        """After Robustness: show the robustness layer alone, scroll the dock to its box, then grab."""
        from qgis.core import QgsProject
        from qgis.PyQt.QtCore import QTimer

        dock = self.dock
        layer = self.finished_layer(ok, result, message, "robustness failed: ", "robustness: ")
        self.status["robustness"] = dock.robustness_panel.summary.text()
        root = QgsProject.instance().layerTreeRoot()
        for other in QgsProject.instance().mapLayers().values():
            node = root.findLayer(other.id())
            node.setItemVisibilityChecked(other.id() == layer.id())
            node.setExpanded(False)  # a short legend: the layer list fits beside the map
        self.iface.setActiveLayer(layer)
        # The weights box is long: scroll the dock down to the Robustness box.
        dock.widget().ensureWidgetVisible(dock.robustness_box)
        self.iface.mapCanvas().refreshAllLayers()
        QTimer.singleShot(2500, self.grab_robustness)

    @guarded
    def grab_robustness(self):
        """Save the robustness screenshot and quit."""
        self.save_window()
        self.finish()

    @guarded
    def shoot(self):
        """Refresh the tier preview after the weight edit, then grab once the map has redrawn."""
        from qgis.PyQt.QtCore import QTimer

        self.dock.apply_panel.update_preview()
        self.status["preview"] = self.dock.apply_panel.preview_label.text()
        self.iface.mapCanvas().refreshAllLayers()
        QTimer.singleShot(2500, self.grab)

    @guarded
    def grab(self):
        """Save the screenshot, then switch the dock to its AHP tab for a second picture."""
        from qgis.PyQt.QtCore import QTimer

        self.save_window()
        # A second picture of the dock alone on its AHP tab (the level of the selected indicator).
        self.dock.tabs.setCurrentWidget(self.dock.ahp_editor)
        QTimer.singleShot(500, self.grab_ahp)

    @guarded
    def grab_ahp(self):
        """Save the dock alone on its AHP tab beside the screenshot (…_ahp.png) and quit."""
        ahp_out = os.path.splitext(self.out)[0] + "_ahp.png"
        if not self.dock.grab().save(ahp_out):
            raise RuntimeError(f"could not write {ahp_out}")
        self.status["screenshot_ahp"] = ahp_out
        self.finish()


def in_qgis():
    """Runs inside QGIS (from --code): start the steps; the run object stays referenced by QGIS's timers."""
    run_ = ScreenshotRun()
    run_.start()
    return run_


if os.environ.get("LANDEVAL_SCREENSHOT") and os.environ.get("LANDEVAL_STATUS") and "qgis.utils" in sys.modules:
    # Kept in a module global: QGIS's timers and signals hold only bound methods of it.
    SCREENSHOT_RUN = in_qgis()
elif __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--timeout", type=int, default=240)
    parser.add_argument("--robustness", action="store_true",
                        help="run the Robustness action after Apply and shoot that instead (default --out "
                             "docs/images/dock_robustness.png)")
    parser.add_argument("--locale", help="QGIS's interface locale for the shot, e.g. zh-Hans or en_US (default: "
                                         "the system's); the plugin follows it")
    args = parser.parse_args()
    if args.robustness and args.out == DEFAULT_OUT:
        args.out = os.path.join(ROOT, "docs", "images", "dock_robustness.png")
    result = run(args.out, args.timeout, args.robustness, args.locale)
    print(json.dumps({k: v for k, v in result.items() if k != "log_tail"}, ensure_ascii=False, indent=1))
    if not result["ok"]:
        print(result["log_tail"], file=sys.stderr)
        sys.exit(1)
