"""Weight-set documents for the dock: read and write YAML through core.config, and keep the current set in
the QGIS project (custom properties) so it reopens with the project.

The dock edits a plain mapping (what the YAML file holds). A file that core.config refuses (say a level that
does not sum to 1) still opens when its shape is a weight tree, so the planner can fix it in the dock: the
problems are returned for display instead of refusing the file.
"""
import json
import os
import tempfile

from ..core import config
from ..core.errors import ConfigError, LandEvalError
from ..translation import tr

PROJECT_SCOPE = "LandEval"
_KEY_SET = "weight_set"
_KEY_PATH = "weight_set_path"
_KEY_INPUTS = "evaluate_inputs"


def check_tree(doc, source):
    """Raise LandEvalError unless `doc` has the shape the tree can show: elements with indicators, each an id."""
    elements = doc.get("elements", []) if isinstance(doc, dict) else None
    ok = isinstance(elements, list) and all(
        isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("indicators", []), list)
        and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in e.get("indicators", []))
        for e in elements)
    if not ok:
        raise LandEvalError("{source}: not a weight set (expected elements: with id and indicators: lists); "
                            "check the file against docs/design.md, “Config files”.", source=source)


def read_weight_file(path_or_preset):
    """Return (document, problems). problems is empty for a valid set, else core.config's list."""
    try:
        return config.load_config(path_or_preset).to_dict(), []
    except ConfigError as err:
        try:
            with open(err.source, encoding="utf-8-sig") as handle:
                doc = config.parse_yaml(handle.read(), err.source)
        except (OSError, LandEvalError):
            raise err from None
        check_tree(doc, err.source)
        return doc, err.problems


def write_weight_file(doc, path):
    """Validate and write; ConfigError (with .problems) when the set is not valid yet."""
    return config.save_config(doc, path)


def write_for_run(doc):
    """Validate `doc` and write it to a new temporary file that a run reads; the path. ConfigError as above."""
    path = os.path.join(tempfile.mkdtemp(prefix="landeval_set_"), "weight_set.yaml")
    write_weight_file(doc, path)
    return path


def validate(doc, source=None):
    """The EvalConfig of a document, or ConfigError listing every problem (`source` names the set in them)."""
    return config.EvalConfig.from_dict(doc, source=source or tr("weight set in the dock"))


def store_in_project(project, doc, path):
    """Write the set into the project's custom properties (saved with the .qgz)."""
    project.writeEntry(PROJECT_SCOPE, _KEY_SET, json.dumps(doc, ensure_ascii=False, default=str))
    project.writeEntry(PROJECT_SCOPE, _KEY_PATH, str(path or ""))


def restore_from_project(project):
    """(document, file path or None) saved in the project, or (None, None) when it holds no weight set."""
    text, ok = project.readEntry(PROJECT_SCOPE, _KEY_SET, "")
    if not ok or not text:
        return None, None
    try:
        doc = json.loads(text)
    except ValueError:
        raise LandEvalError("The weight set stored in this project is damaged; open the YAML file again.") from None
    check_tree(doc, tr("weight set stored in the project"))
    path, _ok = project.readEntry(PROJECT_SCOPE, _KEY_PATH, "")
    return doc, path or None


def store_inputs(project, inputs):
    """The dock's evaluation inputs ({parameter: layer id or field}) in the project."""
    project.writeEntry(PROJECT_SCOPE, _KEY_INPUTS, json.dumps(inputs, ensure_ascii=False))


def restore_inputs(project):
    text, ok = project.readEntry(PROJECT_SCOPE, _KEY_INPUTS, "")
    try:
        inputs = json.loads(text) if ok and text else {}
    except ValueError:
        return {}
    return inputs if isinstance(inputs, dict) else {}
