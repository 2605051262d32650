"""Render an Article as Markdown, keeping its structure (headings, lists, quotes)."""

from __future__ import annotations

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
    text = block.text
    if block.kind is BlockKind.HEADING:
        return f"{'#' * min(max(block.level, 2), 6)} {text}"
    if block.kind is BlockKind.LIST_ITEM:
        return f"{'  ' * max(block.level - 1, 0)}- {text}"
    if block.kind is BlockKind.QUOTE:
        return "\n".join(f"> {line}" for line in text.splitlines())
    if block.kind is BlockKind.PREFORMATTED:
        return f"```\n{text}\n```"
    if block.kind is BlockKind.CAPTION:
        return f"*{text}*"
    return text


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
