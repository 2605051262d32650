"""Every threshold the heuristics use, in one place, overridable by the caller.

    newsclean.clean(html, options=newsclean.Options(min_paragraph_chars=40))

Each field's comment says what it governs; docs/algorithm.md says why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    # -- limits on the input ------------------------------------------------
    max_input_bytes: int = 64 * 1024 * 1024  # larger input is cut, with a warning
    max_depth: int = 200  # deeper nesting is flattened before parsing (libxml2 drops it)

    # -- segmentation -----------------------------------------------------
    min_block_chars: int = 1  # shorter blocks are dropped as empty

    # -- main-content selection ---------------------------------------------
    min_paragraph_chars: int = 60  # a block at least this long, with few links, counts as prose
    max_prose_link_density: float = 0.25  # more link text than this and a block is not prose
    parent_score_decay: float = 0.5  # share of a paragraph's score its grandparent receives
    min_lead_chars: int = 40  # a lead-classed line above the main region this long joins it  # a main container with less text than this is not trusted

    # -- block classification -------------------------------------------------
    max_link_density: float = 0.5  # inside main: blocks with more link text are boilerplate
    short_block_chars: int = 30
    max_byline_chars: int = 200  # longer text in a byline/author box is an author bio, kept  # a block this short is judged by its neighbours
    headline_min_words: int = 3  # a link of fewer words is navigation, not a story headline
    headline_max_words: int = 30

    # -- metadata --------------------------------------------------------------
    header_search_blocks: int = 12  # how many blocks around the title hold byline/dateline

    # -- templates -----------------------------------------------------------
    min_template_body_chars: int = 100  # a template body with less text falls back to heuristics
