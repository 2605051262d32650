"""Every threshold the heuristics use, in one place, overridable by the caller.

    newsclean.clean(html, options=newsclean.Options(min_paragraph_chars=40))

Each field's comment says what it governs; docs/algorithm.md says why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    # -- limits (see newsclean.limits; exceeding one raises newsclean.LimitExceeded) ------
    #: Larger input raises InputTooLarge before anything is decoded (str: counted in
    #: characters). None: no limit.
    max_input_bytes: int | None = None
    #: Seconds one call may take, checked between stages and inside the long loops (no
    #: signals); past it, TimeBudgetExceeded. None: no limit.
    time_budget: float | None = None

    # -- parsing ----------------------------------------------------------------
    #: Nesting deeper than this is flattened before parsing (libxml2 silently drops what
    #: lies past its own limit). Clamped to 1..2000.
    max_depth: int = 200

    # -- main-content selection ---------------------------------------------------
    #: A segment at least this long (in characters), with few links, counts as prose.
    min_paragraph_chars: int = 60
    #: More link text than this share and a segment is not prose.
    max_prose_link_density: float = 0.25
    #: The main container grows into its parent when the parent adds at least this share
    #: more prose, ...
    climb_min_prose_gain: float = 0.2
    #: ... what the parent adds is at least this share prose ...
    climb_min_prose_share: float = 0.5
    #: ... and at most this share link text.
    climb_max_link_density: float = 0.3
    #: Prose outside the main region that no story claims and no class cue routed joins
    #: the article when it lies between the article's first and last segments, or at most
    #: this many segments beyond them (0: off).
    max_adopted_prose_gap: int = 0
    #: A sibling box of the main container joins it when this share of its text is prose.
    sibling_min_prose_share: float = 0.6
    #: A lead/standfirst-classed segment above the main region this long joins it.
    min_lead_chars: int = 40
    #: At most this many prose paragraphs between the title and the main region join it
    #: as its standfirst (more are another story's, or a page of several).
    max_standfirst_paragraphs: int = 2
    #: How much of a prose segment's score its container and the container's next
    #: ancestors receive, level by level.
    ancestor_shares: tuple[float, ...] = (1.0, 0.5, 1 / 6)
    #: A container's score is multiplied by this when it, a box around it (below
    #: <body>) or most of its children carry class cues against the article (and once
    #: more in the page's own footer) ...
    negative_class_weight: float = 0.3
    #: ... and by this when its own classes say article/content/story.
    positive_class_weight: float = 1.5
    #: A container with at least this many children, most negatively classed, is a list
    #: of comments or teasers.
    min_list_children: int = 3
    #: When no segment reaches min_paragraph_chars, or the best container is classed
    #: against the article or outscored by the page's footer weighed against once,
    #: segments this many times shorter are tried (a page of short paragraphs).
    short_page_divisor: int = 3
    #: Containers elsewhere on the page scoring at least this share of the best compete
    #: on the prose their climb gathers (at most this many of them).
    rival_score_share: float = 0.5
    max_rivals: int = 5
    #: How many levels above the container the climb looks for an ancestor to grow into.
    climb_lookahead: int = 3
    #: A parent adding at most this share of the container's text, and at most this many
    #: characters (mostly not links), is a mere wrapper the climb passes through.
    wrapper_max_share: float = 0.1
    wrapper_max_chars: int = 200
    #: Siblings of the main container join it when they score this share of the best
    #: container, and at least this much.
    sibling_score_share: float = 0.2
    min_sibling_score: float = 10.0
    #: A sibling box of plain prose joins only with this many min_paragraph_chars of prose
    #: (a lone paragraph beside the article is an "about us" box as often as not).
    prose_box_paragraphs: int = 4
    #: In the climb, a sibling box at least this share prose (no links, no class against
    #: it) counts as more of the article, whatever its shape: a paragraph in its own
    #: wrapper beside a list of steps.
    plain_prose_share: float = 0.9

    # -- segment classification ---------------------------------------------------
    #: Inside the main region, segments with a larger share of link text are boilerplate
    #: (and a standfirst above it is none).
    max_link_density: float = 0.5
    #: A segment shorter than this, decided by no rule, takes the region of its neighbours.
    short_block_chars: int = 30
    #: Text in a byline/author box longer than this is an author bio, not a byline.
    max_byline_chars: int = 200
    #: A link of fewer words than this is navigation, not a story headline.
    headline_min_words: int = 3
    #: A run of links is headlines when the links that read like headlines carry at least
    #: this share of its link text: a tag cloud with a few long tags is navigation.
    headline_link_share: float = 0.5
    #: How many boxes above a segment are searched for class/id vocabulary.
    chain_limit: int = 10
    #: Inside the article, a box holding this many prose paragraphs (most of its text, few
    #: links) is the article's whatever its class or id says of menus or legal notices
    #: ("floated-terms" on a glossary, an id made of a heading's words).
    min_prose_cue_paragraphs: int = 3
    #: A box is an appeal (an ad) when it holds at least this many appeal cues, at least
    #: one per this many characters (an article that says "subscribe" thrice is not one).
    min_appeal_hits: int = 3
    max_chars_per_appeal: int = 200
    #: The largest box around a form asking for an email address or a phone number with
    #: at most this many characters of text is a sign-up box (an ad); a form placed in
    #: the article's own column takes nothing with it.
    max_signup_box_chars: int = 800
    #: Outside the main region, a block of this many words that pleads or says
    #: "sponsored" is an ad ("Subscribe | Log in" alone is the site's menu).
    min_prompt_words: int = 3
    max_prompt_words: int = 30
    #: A block with at least this many words spelt with Cyrillic look-alikes among Latin
    #: letters ("Аdvеrtіѕе wіth thе ...") is an ad disguised from filters, anywhere.
    min_disguised_words: int = 3
    #: A block of at most this many words that discloses affiliate links or commissions
    #: is legal text, inside the article too (a longer one is a story about them). A
    #: disclosure runs to three sentences: who funds the site, how links pay, what for.
    max_disclosure_words: int = 60
    #: A block of at most this many words that reserves the rights to the text ("© 2022
    #: Example News. All rights reserved.") is legal text, inside the article too (a
    #: longer one is a paragraph that mentions copyright).
    max_rights_words: int = 40
    #: Outside the article, a line of at most this many words about the comments ("3
    #: Kommentare", "Commenting on this article has been disabled") is the thread's, even
    #: in a box classed as a disclaimer; a login prompt, a reading-time line, a call to
    #: action or a shop's button this short is boilerplate or an ad anywhere, and so is a
    #: dated byline line ("Posted by ... on <date>").
    max_label_words: int = 12
    #: A line holding a date and at most this many words is a date line (a longer one
    #: needs a dated byline's opening: "Posted by ... at <date>").
    max_date_line_words: int = 8
    #: Outside the article, a share prompt shorter than this many characters is the
    #: share bar's ("Share this article"); inside, short_block_chars.
    max_share_line_chars: int = 80
    #: A field's label ("Release Date:") over a block a text cue routed out goes with it
    #: when it has at most this many words.
    max_field_label_words: int = 3
    #: An ad's label or plea takes the rest of its box with it when the box holds at most
    #: this many segments ("Promoted Content" over a teaser; a newsletter form's heading).
    max_ad_box_segments: int = 5
    #: A share button named by its class takes the rest of its row with it when the row's
    #: box holds at most this many segments, all of them fragments ("微博", "Qzone").
    max_share_row_segments: int = 8
    #: The article's last full paragraph is prose at least this many times
    #: min_paragraph_chars; short prompts after it leave the article.
    last_paragraph_factor: int = 2
    #: After it, a block of at most this many words that introduces the author ("Jane
    #: Roe is a reporter for ...") is the author's bio, ...
    max_tail_bio_words: int = 80
    #: ... one inviting the reader to follow the site elsewhere, at most this many ...
    max_tail_social_words: int = 40
    #: ... one pleading for a subscription or money, at most this many ...
    max_tail_appeal_words: int = 25
    #: ... one about the comments, at most this many ...
    max_tail_comments_words: int = 25
    #: ... and a share, related or read-more prompt ("Jetzt teilen!"), at most this many.
    max_tail_prompt_words: int = 8
    #: An author's card at the article's foot (a staff title on a line of its own, the
    #: profile under it) holds at most this many words from the title line on; more, and
    #: the title line is a section's label or a list's item.
    max_author_card_words: int = 160
    #: A box inside the article opened by a "Lesen Sie auch" / "About the author" label
    #: leaves it when it holds at most this share of the article's text (more, and the
    #: label is a section of the article itself); so does a box left off paper or opened
    #: over the page, or the article's footer (`box:noprint`, `box:overlay`, `box:footer`).
    max_headed_box_share: float = 0.5
    #: The article's text left after the last related-stories list (a label over linked
    #: headlines), when no more than this many characters, is the site's closing word,
    #: not the story's.
    max_after_related_chars: int = 400
    #: A box of other stories set in the article (a heading, a blurb, their headlines)
    #: holds at most this many segments; a longer run is a column.
    max_link_box_segments: int = 40
    #: A linked headline opening a box of at most this many segments after it is a
    #: teaser card (with its summary), when a run of them ends the article under a heading.
    max_teaser_card_blocks: int = 2
    #: ... and when the run holds at least this many cards (a heading over one linked
    #: headline and its text is a section of the article).
    min_teaser_cards: int = 2
    #: A heading the article keeps over fewer than this many characters of it (its
    #: section runs to the next heading of its level or above) leaves it: the title of a
    #: box whose content went elsewhere. 0: off; favor_precision: 1 (over nothing).
    min_section_chars: int = 0
    #: Linked headings inside the article, each followed by a full paragraph, are a
    #: listicle's item headings when there are at least this many of one tag (one or two
    #: are links to other stories set between paragraphs).
    min_linked_list_items: int = 3

    # -- metadata -------------------------------------------------------------------
    #: How many segments after the title are searched for the byline and dateline.
    header_search_blocks: int = 12
    #: With no declared date, a date printed this many segments above the title, or
    #: within `header_search_blocks` after it, dates the article...
    header_date_blocks_above: int = 3
    #: ... when its line has at most this many words (a date in prose is no post date).
    header_date_max_words: int = 20

    # -- templates ------------------------------------------------------------------
    #: A template body with less text than this falls back to the heuristics.
    min_template_body_chars: int = 100
    #: ... or less than this share of the text the heuristics would take as the article
    #: (a stale or wrong body rule that selects a teaser).
    min_template_body_share: float = 0.25

    @classmethod
    def favor_precision(cls) -> Options:
        """Keep less, and less boilerplate with it: only longer paragraphs count as prose
        (a short box beside the article no longer pulls the main region towards it,
        short lines take their neighbours' region more readily), and a heading over none
        of the article (a box's title whose content went elsewhere) leaves it.
        Thresholds that cost recall without buying precision on the corpus (the link
        densities, the climb's shares) stay at their defaults."""
        return cls(min_paragraph_chars=80, short_block_chars=40, min_section_chars=1)

    @classmethod
    def favor_recall(cls) -> Options:
        """Keep more, at the price of some boilerplate: shorter paragraphs count as prose,
        the main region grows into anything mostly prose, and prose beside the article
        that no story claims (a paragraph in a box of its own, inside or just past the
        article's span) joins it."""
        return cls(
            min_paragraph_chars=50,
            climb_min_prose_share=0.4,
            climb_max_link_density=0.4,
            sibling_min_prose_share=0.5,
            max_adopted_prose_gap=3,
        )
