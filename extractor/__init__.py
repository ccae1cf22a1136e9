"""Press-release extraction for health and pharma industry clusters.

``from extractor import extract_text, extract_paths`` gives the Python API (extractor.api); it is loaded on
first use, so the command line's light commands do not pay for the model client.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.api import extract_paths, extract_text

__version__ = "0.1.0"
__all__ = ["extract_paths", "extract_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from extractor import api

        return getattr(api, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
