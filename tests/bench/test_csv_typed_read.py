"""read_delimited types the numeric columns of a CSV with pandas' C parser (issue 17: a million firms read
without a Python string per number). The result must be the one of reading every cell as text and parsing it
with pd.to_numeric, bit for bit, with every cell that is not a plain number kept as text exactly as before."""
import numpy as np
import pandas as pd
import pytest

# One column of each kind of cell a survey table holds: plain numbers of every spelling, and cells that are
# not plain numbers (empty, 暂无, 12万, 1,234, nan, -0).
PLAIN = ["12", "-0", "0012", "+5", ".5", "5.", "1e5", " 12", "0.1", "3.14159265358979323846",
         "2.2250738585072011e-308", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234",
         "9223372036854775808", "-.5e-3"]
TEXT = ["", "暂无", "12万", "1,234", "nan", "NaN", "1e999", "0x10", "１２", "--1", "e5"]


def _write(path, numbers, rows=40):
    """A GBK-free UTF-8 CSV: an id column, a numeric column cycling through `numbers`, a text column, and a
    block of plain numbers only (typed as int by the parser) and one of decimals only."""
    lines = ["宗地编号,总产值,企业名称,从业人员,用地面积"]
    for i in range(rows):
        cell = numbers[i % len(numbers)]
        cell = f'"{cell}"' if "," in cell else cell
        lines.append(f"P{i:03d},{cell},示例{i % 3},{i * 7},{i * 1.25 + 0.1}")
    lines.append("P999,7")  # a row shorter than the header
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(monkeypatch, path, typed):
    """(frame, text cells) of read_delimited, the numeric columns typed by the parser or read as text."""
    from landeval.qgis_io import bulk_io
    from landeval.qgis_io.layer_io import open_table
    from landeval.core.tables import TEXT_CELLS

    monkeypatch.setattr(bulk_io, "_READ_BLOCK", 7)  # several blocks, some all plain, some not
    if not typed:
        def as_text(*args, typed):
            return original(*args, typed=False)
        original = bulk_io._read_blocks
        monkeypatch.setattr(bulk_io, "_read_blocks", as_text)
    layer = open_table(str(path))
    names = layer.fields().names()
    frame, fids = bulk_io.read_delimited(layer, names, numeric=["总产值", "从业人员", "用地面积"])
    assert fids.tolist() == list(range(1, len(frame) + 1))
    return frame, frame.attrs.get(TEXT_CELLS, {})


@pytest.mark.parametrize("numbers", [PLAIN, PLAIN + TEXT, ["1", "2", "inf"], ["TRUE", "FALSE"]],
                         ids=["plain", "mixed", "inf", "booleans"])
def test_typed_read_equals_the_text_read_bit_for_bit(landeval_provider, tmp_path, monkeypatch, numbers):
    path = _write(tmp_path / "firms.csv", numbers)
    typed, typed_text = _read(monkeypatch, path, typed=True)
    monkeypatch.undo()
    text, text_text = _read(monkeypatch, path, typed=False)
    assert typed.columns.tolist() == text.columns.tolist()
    for name in text.columns:
        left, right = typed[name].to_numpy(), text[name].to_numpy()
        assert left.dtype == right.dtype, name
        if left.dtype.kind == "f":
            assert left.tobytes() == right.tobytes(), name  # same bits, NaN and -0.0 included
        else:
            assert left.tolist() == right.tolist(), name
    assert typed_text.keys() == text_text.keys()
    for name, cells in text_text.items():
        assert typed_text[name].index.tolist() == cells.index.tolist(), name
        assert typed_text[name].tolist() == cells.tolist(), name


def test_cells_that_are_not_plain_numbers_stay_text(landeval_provider, tmp_path, monkeypatch):
    """The cells the table parser reads and reports itself (SPEC: 暂无 is missing, 12万 is 120000, 1,234 is
    1234) reach it as the text written in the file, by row; the plain numbers are floats."""
    path = _write(tmp_path / "firms.csv", PLAIN + TEXT)
    frame, text_cells = _read(monkeypatch, path, typed=True)
    cells = text_cells["总产值"]
    row = len(PLAIN) + TEXT.index("12万")
    assert cells[row] == "12万" and np.isnan(frame["总产值"][row])
    assert cells[len(PLAIN) + TEXT.index("1,234")] == "1,234"
    assert cells[len(PLAIN) + TEXT.index("")] == ""
    assert frame["总产值"][PLAIN.index("0012")] == 12.0
    assert frame["用地面积"][3] == 3 * 1.25 + 0.1
    # The short last row: an empty cell, as OGR gives it to the slow reader too.
    assert text_cells["从业人员"][len(frame) - 1] == ""
    assert frame["从业人员"].dtype == np.float64 and pd.isna(frame["从业人员"].iloc[-1])
