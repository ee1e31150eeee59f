"""`python -m jargonwatch`."""

from .cli import entry

entry()
