"""The names of the participation ladder's rungs (TAXONOMY section 4), for charts and reports."""

from __future__ import annotations


def rung_names() -> dict[int, tuple[str, str | None]]:
    """Rung number -> (name, group), read from the bundled lexicons/ladder.yml; plain numbers without it."""
    names: dict[int, tuple[str, str | None]] = {rung: (f"rung {rung}", None) for rung in range(1, 9)}
    try:
        import yaml

        from .lexicon.loader import lexicon_dir

        data = yaml.safe_load((lexicon_dir() / "ladder.yml").read_text(encoding="utf-8"))
        for item in data.get("rungs", []):
            names[int(item["rung"])] = (str(item["name"]), item.get("group"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError):
        pass
    return names
