"""The engine's one error type: its message is written for the technician who must fix the input.

A message is an English template with named values, `LandEvalError("Field {field} is not numeric.", field=…)`:
`str(err)` is the English text (what logs and tests read), and `err.template` / `err.values` let the place that
shows the error translate it (translation.message_of, context "LandEvalError"); core/ itself never imports QGIS.
"""


def QT_TRANSLATE_NOOP(context, text):
    """Marks a template kept here for the translation extractor (scripts/i18n.py), as Qt's macro of that name."""
    return text


def _render(template, values):
    """The English text: the template formatted with its values; a template without values is the text itself
    (so a plain message may hold braces)."""
    return template.format(**values) if values else template


class Problem(str):
    """One problem found in a configuration: a str holding the English text, with its `template` and `values`
    kept for translation."""

    def __new__(cls, template, /, **values):
        problem = super().__new__(cls, _render(template, values))
        problem.template, problem.values = template, values
        return problem


class Term(Problem):
    """A word that goes into a message as a value (the kind of layer or table a message is about): marked for
    translation where it is written, `QT_TRANSLATE_NOOP("LandEvalError", "parcel layer")`, and translated with
    the message that holds it (translation.message_of translates values that carry a template)."""

    def __new__(cls, text):
        if hasattr(text, "template"):  # already a message of its own ("{name} layer"): keep its template
            return text
        return super().__new__(cls, str(text))


class Label(str):
    """A domain name that goes into a message as a value (an indicator's label): a str holding the English
    name, with the name in each other language kept (`Label(entry.en, zh=entry.zh)`), so a Chinese message
    names the indicator in Chinese (translation.message_of picks the run's language)."""

    def __new__(cls, en, **others):
        label = super().__new__(cls, str(en))
        label.languages = {"en": str(en), **{lang: str(text) for lang, text in others.items() if text}}
        return label


class Problems(str):
    """Problems shown together, each `prefix` + problem, joined by `separator`; a str holding the English text,
    with the `items` kept so that each can be translated."""

    def __new__(cls, items, prefix="", separator="\n"):
        items = list(items)
        problems = super().__new__(cls, separator.join(prefix + item for item in items))
        problems.items, problems.prefix, problems.separator = items, prefix, separator
        return problems


class LandEvalError(Exception):
    """Bad input or configuration; the message names the field, parcel or weight at fault and what to do.

    `LandEvalError(template, **values)`: `template` is English with `{name}` placeholders for `values`. A
    Problem given alone keeps its template and values."""

    def __init__(self, template, /, **values):
        if not values and isinstance(template, Problem):
            template, values = template.template, template.values
        self.template, self.values = str(template), values
        super().__init__(_render(self.template, values))


class ConfigError(LandEvalError):
    """A weight set or rule set with problems; every problem is listed with its path in the file."""

    HEADING = QT_TRANSLATE_NOOP("LandEvalError", "{source}: {count} problem(s) in the configuration:\n{problems}")

    def __init__(self, source, problems):
        self.source = source
        self.problems = list(problems)
        super().__init__(self.HEADING, source=source, count=len(self.problems),
                         problems=Problems(self.problems, prefix="  - "))
