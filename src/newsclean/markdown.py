"""Render an Article as Markdown, keeping its structure (headings, lists, quotes, tables)."""

from __future__ import annotations

from collections.abc import Callable

from newsclean.model import Article, Block, BlockKind, Story


def article_to_markdown(article: Article, *, regions: bool = False) -> str:
    parts: list[str] = []
    if article.title:
        parts.append(f"# {article.title}")
    header = [value for value in (article.byline, article.dateline) if value]
    if header:
        parts.append("  \n".join(f"*{value}*" for value in header))
    parts.extend(_block(block) for block in article.body)
    if regions:
        parts.extend(_regions(article))
    return "\n\n".join(part for part in parts if part) + "\n"


def _block(block: Block) -> str:
    render = _RENDERERS.get(block.kind)
    return render(block) if render is not None else block.text


def _heading(block: Block) -> str:
    return f"{'#' * min(max(block.level, 2), 6)} {block.text}"


def _list_item(block: Block) -> str:
    return f"{'  ' * max(block.level - 1, 0)}- {block.text}"


def _quote(block: Block) -> str:
    return "\n".join(f"> {line}" for line in block.text.splitlines())


def _preformatted(block: Block) -> str:
    return f"```\n{block.text}\n```"


def _caption(block: Block) -> str:
    return f"*{block.text}*"


def _table(block: Block) -> str:
    """A GitHub-flavoured Markdown table. GFM has exactly one header row: the first row
    takes it (a table without header rows too); further header rows follow as body rows."""
    rows = block.rows
    if not rows:
        return block.text
    width = max(len(row) for row in rows)
    lines = [_table_row(rows[0], width), "|" + " --- |" * width]
    lines.extend(_table_row(row, width) for row in rows[1:])
    return "\n".join(lines)


_RENDERERS: dict[BlockKind, Callable[[Block], str]] = {
    BlockKind.HEADING: _heading,
    BlockKind.LIST_ITEM: _list_item,
    BlockKind.QUOTE: _quote,
    BlockKind.PREFORMATTED: _preformatted,
    BlockKind.CAPTION: _caption,
    BlockKind.TABLE: _table,
}


def _table_row(row: tuple[str, ...], width: int) -> str:
    cells = [_table_cell(cell) for cell in row] + [""] * (width - len(row))
    return "| " + " | ".join(cells) + " |"


def _table_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _story(story: Story) -> str:
    title = f"[{story.title}]({story.url})" if story.url else story.title
    lines = [f"- **{title}**"]
    if story.dateline:
        lines.append(f"  *{story.dateline}*")
    if story.text:
        lines.append("  " + story.text.replace("\n\n", "\n  "))
    return "\n".join(lines)


def _regions(article: Article) -> list[str]:
    parts: list[str] = []
    if article.sidebar_stories:
        parts.append(
            "## Sidebar stories\n\n" + "\n".join(_story(s) for s in article.sidebar_stories)
        )
    for heading, blocks in (("Ads", article.ads), ("Legal", article.legal)):
        if blocks:
            parts.append(f"## {heading}\n\n" + "\n\n".join(b.text for b in blocks))
    if article.boilerplate:
        lines = (f"- ({b.role}) {b.text.splitlines()[0]}" for b in article.boilerplate)
        parts.append("## Boilerplate\n\n" + "\n".join(lines))
    return parts
