"""clean() keeps no shared state: concurrent calls give exactly the serial results."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import newsclean

CORPUS = Path(__file__).parent / "corpus"


def test_threads_give_the_serial_results() -> None:
    pages = [path.read_bytes() for path in sorted(CORPUS.glob("*/*/source.html"))]
    assert pages
    work = pages * 3
    serial = [newsclean.clean(page) for page in work]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(newsclean.clean, work))
    assert threaded == serial


def test_results_pickle_round_trip() -> None:
    page = next(iter(sorted(CORPUS.glob("*/*/source.html")))).read_bytes()
    article = newsclean.clean(page)
    assert pickle.loads(pickle.dumps(article)) == article
