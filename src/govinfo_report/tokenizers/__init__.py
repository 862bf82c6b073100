"""Table tokenizers: each turns the text of one table, flattened one way, into rows of cells.

Built-ins: ``pipe``, ``tab``, ``lines``, ``wrapped``, ``spaced``.  Third parties add more through the
entry-point group ``govinfo_report.tokenizers`` (see docs/plugins.md).
"""

from govinfo_report.tokenizers.base import DelimitedTokenizer, Tokenizer, TokenRow
from govinfo_report.tokenizers.builtin import (
    LinesTokenizer,
    PipeTokenizer,
    SpacedTokenizer,
    TabTokenizer,
    WrappedTokenizer,
)
from govinfo_report.tokenizers.glued import GluedTokenizer
from govinfo_report.tokenizers.registry import (
    BUILTIN_TOKENIZERS,
    ENTRY_POINT_GROUP,
    Registry,
    default_tokenizers,
    plugin_tokenizers,
)

__all__ = [
    "BUILTIN_TOKENIZERS",
    "ENTRY_POINT_GROUP",
    "DelimitedTokenizer",
    "GluedTokenizer",
    "LinesTokenizer",
    "PipeTokenizer",
    "Registry",
    "SpacedTokenizer",
    "TabTokenizer",
    "TokenRow",
    "Tokenizer",
    "WrappedTokenizer",
    "default_tokenizers",
    "plugin_tokenizers",
]
