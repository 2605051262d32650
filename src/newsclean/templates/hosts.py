"""Host patterns: "example.com" matches exactly; "*.example.com" matches any host
ending in ".example.com" (but not "example.com" itself; list both)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_EXACT = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_WILDCARD = re.compile(rf"\*\.{_LABEL}(?:\.{_LABEL})+")


def check_pattern(pattern: str) -> str | None:
    """Why `pattern` is not a valid host pattern, or None if it is."""
    if pattern.startswith("*"):
        if _WILDCARD.fullmatch(pattern):
            return None
        return "a wildcard pattern is '*.' and a domain of two or more labels"
    if _EXACT.fullmatch(pattern):
        return None
    return "a host pattern is a lower-case host name, optionally prefixed by '*.'"


def wildcard_suffix(pattern: str) -> str | None:
    """ ".example.com" for "*.example.com"; None for an exact pattern."""
    return pattern[1:] if pattern.startswith("*.") else None


def normalise_host(host: str) -> str:
    """Lower-case, without port, user info or trailing dot; IDNs as punycode."""
    host = host.strip()
    if "//" not in host:
        host = "//" + host
    try:
        name = urlsplit(host).hostname or ""
    except ValueError:
        return ""
    name = name.rstrip(".")
    if not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return name
    return name


def pattern_matches(pattern: str, host: str) -> bool:
    """Whether a normalised `host` matches `pattern`."""
    suffix = wildcard_suffix(pattern)
    if suffix is None:
        return host == pattern
    return host.endswith(suffix) and len(host) > len(suffix)
