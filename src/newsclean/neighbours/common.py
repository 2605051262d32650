"""Helpers the neighbour passes share: the site's own links, the box after a segment,
fragments, the nearest decided neighbour."""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit

from newsclean.classify import Decision
from newsclean.features import Features
from newsclean.model import Region
from newsclean.options import Options
from newsclean.segment import Segment
from newsclean.tree import is_within


def site_host(url: str | None) -> str | None:
    """The page's host without "www." (None without a URL, or for one that is none)."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def on_site(segment: Segment, host: str | None) -> bool:
    """Every link of the segment stays on the page's site: a path of its own, or an
    address on the page's host (a shop's or another site's is no story of this one)."""
    for link in segment.links:
        try:
            parts = urlsplit(link.href)
            there = parts.hostname
        except ValueError:
            return False
        if parts.scheme not in ("", "http", "https"):
            return False
        if there is not None and (host is None or there.removeprefix("www.") != host):
            return False
    return bool(segment.links)


def leaves_site(segment: Segment, host: str | None) -> bool:
    """Every link of the segment goes to another site than the page's (known `host`)."""
    if host is None or not segment.links:
        return False
    for link in segment.links:
        try:
            there = urlsplit(link.href).hostname
        except ValueError:
            return False
        if there is None or there.removeprefix("www.") == host:
            return False
    return True


def box_after(
    segments: list[Segment],
    features: list[Features],
    decisions: list[Decision],
    index: int,
    options: Options,
    *,
    needs_main: bool = False,
) -> int | None:
    """The last segment of the smallest box around segment `index` that holds others,
    if the segment opens it (at most short_block_chars of article text above it). The
    label's own element counts: an infobox's title is often its bare text. With
    `needs_main`, a box holding none of the article after the label is passed over."""
    owner = segments[index].owner
    for depth, box in enumerate(itertools.chain((owner,), owner.iterancestors())):
        if depth > options.chain_limit or box.tag in ("body", "html"):
            return None
        first = last = index
        while first > 0 and is_within(segments[first - 1].owner, box):
            first -= 1
        while last + 1 < len(segments) and is_within(segments[last + 1].owner, box):
            last += 1
        if first == last == index:
            continue
        if needs_main and not any(
            decisions[i].region is Region.MAIN for i in range(index + 1, last + 1)
        ):
            continue
        above = sum(
            features[i].chars for i in range(first, index) if decisions[i].region is Region.MAIN
        )
        return last if above <= options.short_block_chars and last > index else None
    return None


def is_fragment(feature: Features, options: Options) -> bool:
    """A button's or caption's few words: no sentence, shorter than a short block."""
    return not feature.sentences and feature.chars < options.short_block_chars


def nearest(decisions: list[Decision], index: int, step: int) -> Decision | None:
    position = index + step
    if 0 <= position < len(decisions):
        return decisions[position]
    return None
