"""`python -m jargonwatch`."""

from .cli import main

raise SystemExit(main())
