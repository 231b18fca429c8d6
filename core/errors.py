"""The engine's one error type: its message is written for the technician who must fix the input."""


class LandEvalError(Exception):
    """Bad input or configuration; the message names the field, parcel or weight at fault and what to do."""


class ConfigError(LandEvalError):
    """A weight set or rule set with problems; every problem is listed with its path in the file."""

    def __init__(self, source, problems):
        self.source = source
        self.problems = list(problems)
        lines = "\n".join("  - " + p for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s) in the configuration:\n{lines}")
