"""``python -m termguard`` runs the command line."""

from termguard.cli import main

raise SystemExit(main())
