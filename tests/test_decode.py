from __future__ import annotations

import pytest

import govinfo_report
from govinfo_report import DecodingError
from govinfo_report.decode import decode

from .conftest import SEEDS, seed_text


@pytest.mark.parametrize("stem", [SEEDS[2], SEEDS[3]])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_simplified_report_in_each_encoding(stem: str, encoding: str) -> None:
    text = seed_text(stem)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{stem} has characters {encoding} cannot encode")
    assert decode(data) == text
    assert list(govinfo_report.cells(govinfo_report.parse(data))) == list(
        govinfo_report.cells(govinfo_report.parse(text))
    )


@pytest.mark.parametrize("stem", [SEEDS[0], SEEDS[1]])
def test_traditional_report_in_big5(stem: str) -> None:
    text = seed_text(stem)
    data = text.encode("big5", errors="replace")
    assert decode(data) == data.decode("big5")
    report = govinfo_report.parse(data)
    assert report.year == govinfo_report.parse(text).year


def test_undecodable_bytes_name_the_encodings_tried() -> None:
    with pytest.raises(DecodingError) as info:
        decode(b"\xff\xfe\xfa\xfb" * 8 + b"\x81")
    assert info.value.encodings == ("utf-8", "gb18030", "big5")
    assert "gb18030" in str(info.value)
    assert isinstance(info.value, govinfo_report.GovinfoReportError)
