"""The report's "needs verification" list and the clean 现状保留 count (issue 12 item 8), on a hand-made table."""
import re

import pandas as pd

from landeval.core import report_html
from landeval.core.config import load_config


def test_unverified_parcels_are_listed_with_what_is_missing_and_kept_out_of_the_clean_count():
    # Jiangning Table 1 (lines 339–353): 是否有合法的工业用地证 … are yes/no checks. R2 has no answer on the land
    # certificate and safety, R3 none on safety: neither is known to have passed, so of the three retained
    # parcels only R1 is "clean"; R4 is identified (failed veto) and also lacks an answer.
    frame = pd.DataFrame({
        "parcel_id": ["R1", "R2", "R3", "R4"], "area_m2": [6666.67] * 4, "score": [0.9, 0.8, 0.7, 0.2],
        "tier": ["A", "B", "B", "C"], "category": ["retained", "retained", "retained", "identified"],
        "inefficient": [0, 0, 0, 1], "veto_failed": [0, 0, 0, 1], "veto_reasons": ["", "", "", "nimby_ok"],
        "veto_unknown": ["", "legal_certificate;safety_ok", "safety_ok", "environment_ok"],
        "needs_verification": [0, 1, 1, 1],
    })
    page = report_html.build_report(frame, {"preset": "jiangning", "identification": "score",
                                            "veto_unknown": "verify"}, cfg=load_config("jiangning"))
    assert 'id="n-verify">3<' in page
    assert 'id="n-retained-clean">1<' in page and 'id="n-retained-unverified">2<' in page
    table = re.search(r'id="verification-table">(.*?)</table>', page, re.S).group(1)
    assert table.count("<tr>") == 4                      # header + R2, R3, R4
    assert "R1" not in table and "是否有合法工业用地证；是否符合安全要求" in table
    assert "综合得分低于阈值或一票否决" in page and "需核实 needs verification" in page
