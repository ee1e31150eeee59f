"""Optional dependencies (pandas, matplotlib), imported only when a feature needs them."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

EXTRA = "notebooks"


class MissingDependency(ImportError):
    """An optional package that a feature needs is not installed."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or say plainly which package to install."""
    try:
        return import_module(module)
    except ImportError as exc:
        package = module.split(".")[0]
        raise MissingDependency(
            f"{feature} needs {package}, which is not installed. "
            f"Install it with: pip install 'jargonwatch[{EXTRA}]'"
        ) from exc
