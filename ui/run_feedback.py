"""What the dock's panels that start algorithms (Apply, Decision, Robustness) share about a run under way on the
dock's one AlgorithmRunner: a progress bar, a Cancel button, and what they show when a run of theirs starts
and finishes. Every panel hears every run (the runner is shared), so each says which algorithms are its own."""
from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QProgressBar


class RunFeedback:
    """The progress bar (made here) and the panel's Cancel button (made by the panel, which owns its text)
    for the runs `ours(algorithm_id)` says are the panel's; `message(text, level)` is the panel's message
    signal's emit. The panel places `progress` and the button in its layout and calls begin / end from its
    handlers of the runner's started / finished signals."""

    def __init__(self, parent, runner, cancel_button, ours, message):
        self.runner = runner
        self.ours = ours
        self.message = message
        self.cancel_button = cancel_button
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(runner.cancel)
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        runner.progress.connect(self._on_progress)

    def _on_progress(self, percent):
        # The runner reports the progress of whatever runs: only a run of this panel moves its bar.
        if self.ours(self.runner.algorithm_id):
            self.progress.setValue(int(percent))

    def begin(self):
        """A run of the panel's started: Cancel on, the bar shown from 0."""
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)

    def end(self, ok, message, label):
        """A run of the panel's finished: Cancel off, the bar hidden; when it failed, `message` in red in
        `label` and as a warning in the message bar. Returns `ok`."""
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        if not ok:
            label.setText(f"<span style='color:#c0392b'>{message}</span>")
            self.message(message, Qgis.MessageLevel.Warning)
        return ok
