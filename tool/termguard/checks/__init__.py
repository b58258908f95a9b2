"""Checks: small documented units that turn segments into findings."""

from termguard.checks.base import Check
from termguard.checks.context import CheckContext
from termguard.checks.registry import all_checks, get, select

__all__ = ["Check", "CheckContext", "all_checks", "get", "select"]
