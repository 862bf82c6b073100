"""The template versions: plain data shared by the template and the records."""

from __future__ import annotations

import enum

__all__ = ["TemplateVersion"]


class TemplateVersion(enum.Enum):
    """The national template a report follows."""

    #: 国办公开办函〔2019〕60号, reports on 2019 and 2020.
    V2019 = "2019"
    #: 国办公开办函〔2021〕30号, reports on 2021 and later.
    V2021 = "2021"
