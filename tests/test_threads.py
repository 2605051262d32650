"""clean() keeps no shared state: concurrent calls give exactly the serial results."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import newsclean

CORPUS = Path(__file__).parent / "corpus"


# Pages that take the rarer paths: flattening, repair after </html>, sanitising, binary.
HOSTILE: list[bytes | str] = [
    "<div>" * 3_000 + "<p>deep paragraph of text, long enough to count as prose.</p>",
    "<p>before</p></html><p>after the end tag, a paragraph long enough for prose.</p>",
    "<p>surrogate \ud800 and NUL \x00 in a str page, long enough to be prose text.</p>",
    b"%PDF-1.4 binary",
    b"",
]


def two_hundred_pages() -> list[bytes | str]:
    corpus: list[bytes | str] = [
        path.read_bytes() for path in sorted(CORPUS.glob("*/*/source.html"))
    ]
    assert corpus
    pages = corpus + HOSTILE
    return [pages[n % len(pages)] for n in range(200)]


def test_threads_give_the_serial_results() -> None:
    work = two_hundred_pages()
    serial = [newsclean.clean(page) for page in work]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(newsclean.clean, work))
    assert threaded == serial


def test_results_pickle_round_trip() -> None:
    page = next(iter(sorted(CORPUS.glob("*/*/source.html")))).read_bytes()
    article = newsclean.clean(page)
    assert pickle.loads(pickle.dumps(article)) == article
