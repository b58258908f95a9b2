"""Finding glossary terms in text: normalisation with offset maps, and the automaton."""

from termguard.matching.automaton import TermHit, TermMatcher
from termguard.matching.normalize import normalize

__all__ = ["TermHit", "TermMatcher", "normalize"]
