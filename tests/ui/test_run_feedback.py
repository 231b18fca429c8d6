"""ui/run_feedback.RunFeedback: the progress bar and Cancel button the Apply, Decision and Robustness panels share
the handling of (issue 19: one helper instead of three copies)."""
import pytest


@pytest.fixture
def parts(qgis_app):
    from qgis.PyQt.QtCore import QObject, pyqtSignal
    from qgis.PyQt.QtWidgets import QLabel, QPushButton, QWidget

    from landeval.ui.run_feedback import RunFeedback

    class Runner(QObject):
        """The signals and attributes of ui.algorithm_runner.AlgorithmRunner that RunFeedback uses."""
        progress = pyqtSignal(float)

        def __init__(self):
            super().__init__()
            self.algorithm_id = ""
            self.cancelled = 0

        def cancel(self):
            self.cancelled += 1

    parent, runner, messages = QWidget(), Runner(), []
    button = QPushButton("Cancel", parent)
    feedback = RunFeedback(parent, runner, button, lambda aid: aid == "landeval:robustness",
                           lambda text, level: messages.append((text, level)))
    yield feedback, runner, button, QLabel(parent), messages
    parent.deleteLater()


def test_only_the_panel_s_own_run_moves_its_bar_and_cancel_stops_the_shared_runner(parts):
    feedback, runner, button, _label, _messages = parts
    assert not button.isEnabled() and feedback.progress.isHidden()
    feedback.begin()
    assert button.isEnabled() and not feedback.progress.isHidden() and feedback.progress.value() == 0
    runner.algorithm_id = "landeval:evaluate"   # another panel's run on the dock's one runner
    runner.progress.emit(40.0)
    assert feedback.progress.value() == 0
    runner.algorithm_id = "landeval:robustness"
    runner.progress.emit(55.4)
    assert feedback.progress.value() == 55
    button.click()
    assert runner.cancelled == 1


def test_a_failed_run_is_shown_in_red_under_the_panel_and_as_a_warning(parts):
    from qgis.core import Qgis

    feedback, _runner, button, label, messages = parts
    feedback.begin()
    assert feedback.end(False, "The layer has no score field.", label) is False
    assert not button.isEnabled() and feedback.progress.isHidden()
    assert "The layer has no score field." in label.text() and "#c0392b" in label.text()
    assert messages == [("The layer has no score field.", Qgis.MessageLevel.Warning)]
    assert feedback.end(True, "", label) is True and len(messages) == 1
