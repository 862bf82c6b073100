"""Bytes → text: UTF-8 (with or without BOM), GB18030/GBK or Big5, as these sites use."""

from __future__ import annotations

from govinfo_report.errors import DecodingError

__all__ = ["ENCODINGS", "decode"]

#: Encodings tried, in order; GB18030 is a superset of GBK and GB2312.
ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030", "big5")

# Characters frequent in these reports, in both scripts: a correct decoding is full of them.
_COMMON = frozenset(
    "的一是在了和有不为以及年月日中对等工作情况政府信息公开申请处理行政年度报告本总计其他"
    "為對與開報請處總計關於機構網站規範區縣市局辦公室條例複議訴訟結果維持糾正審結數量"
    "主动公开办结转下复议诉讼结果维持纠正审结数量关于机构网站规范区县办"
)


def _plausibility(text: str) -> float:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)


def decode(data: bytes) -> str:
    """Decode a report's bytes.

    UTF-8 is taken when the bytes are valid UTF-8 (a BOM is dropped); otherwise GB18030 and
    Big5 are both tried and the one whose text is richer in characters common in these
    reports wins.

    Args:
        data: the raw bytes of a page or file.

    Returns:
        The text.

    Raises:
        DecodingError: no encoding decodes the bytes; it names the encodings tried.

    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    candidates: list[tuple[float, str]] = []
    for encoding in ENCODINGS[1:]:
        try:
            sample.decode(encoding)
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text[:100_000]), encoding))
    if not candidates:
        raise DecodingError(ENCODINGS)
    best = max(candidates, key=lambda pair: pair[0])[1]
    return data.decode(best)
