"""The glossary as code: entries (concepts) and loading them from TOML files."""

from termguard.termbase.load import default_glossary_dir, load_glossary, load_paths
from termguard.termbase.model import Entry, Glossary

__all__ = ["Entry", "Glossary", "default_glossary_dir", "load_glossary", "load_paths"]
