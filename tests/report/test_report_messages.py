"""The warnings a report lists are in the report's LANGUAGE, not always in English (they were str(Problem),
the English text, even in a Chinese report), and not in QGIS's language either: a report is often written for
someone with another locale. A Note stays a Note, listed apart ("how the data were read")."""
import pytest

MISMATCH = ("{count} parcel(s) have a layer score that differs from the one this weight set gives (another weight "
            "set, normalization override or group field was used to evaluate the layer?); the draws are centred on "
            "this weight set's scores. Give the weight set the layer was evaluated with.")


@pytest.fixture
def english_qgis(compiled, monkeypatch):
    """The checkout's translations compiled, none installed (an English QGIS), none cached."""
    compiled.remove_translator()
    monkeypatch.setattr(compiled, "_by_locale", {})
    return compiled


def test_a_message_in_the_language_asked_for_whatever_qgis_speaks(english_qgis):
    from landeval.core.errors import Label, Problem

    problem = Problem(MISMATCH, count=3)
    assert english_qgis.message_of(problem) == str(problem)  # the installed language: English here
    assert english_qgis.message_of(problem, "en") == str(problem)
    assert english_qgis.message_of(problem, "zh").startswith("3 宗地块的图层得分与本权重方案算出的得分不同")
    # A domain name inside a message follows the language asked for, not QGIS's.
    negative = Problem("{indicator} must not be negative", indicator=Label("Plot ratio", zh="容积率"))
    assert "容积率" in english_qgis.message_of(negative, "zh")
    assert english_qgis.message_of(negative, "en").startswith("Plot ratio")


def test_the_report_lists_its_messages_in_its_language_keeping_notes_apart(english_qgis):
    from landeval.core.errors import Problem
    from landeval.core.tables import Note
    from landeval.qgis_io.report_io import messages_in

    problem = Problem(MISMATCH, count=3)
    note = Note("The parcel {field} is a number field, so ids are compared as numbers: {count} id(s) written "
                "with leading zeros are read as numbers ({examples}).", field="宗地编号", count=2,
                examples="007 = 7")
    zh = messages_in([problem, note], "zh")
    assert zh[0].startswith("3 宗地块") and not isinstance(zh[0], Note)
    assert isinstance(zh[1], Note) and "007 = 7" in zh[1] and "number field" not in zh[1]
    assert messages_in([problem], "en") == [str(problem)]
    both = messages_in([problem], "bilingual")[0]
    assert both.startswith("3 宗地块") and both.endswith(" / " + str(problem))
    assert messages_in(["A plain text."], "zh") == ["A plain text."]
