"""The caller's limits: maximum input size and a time budget per call, without signals.

SIGALRM only works in the main thread and breaks thread pools, Celery and Ray,
so the time budget is a monotonic deadline checked cooperatively: between the
pipeline's stages and every `_TICKS_PER_CHECK` iterations of its long loops.
A single C call (libxml2 parsing a page) cannot be interrupted, so a call may
overrun its budget by one such step; `max_input_bytes` bounds that step.
When a limit is exceeded, `clean()` raises a `LimitExceeded` and returns no Article.
"""

from __future__ import annotations

import math
import time

__all__ = [
    "Deadline",
    "InputTooLarge",
    "LimitExceeded",
    "TimeBudgetExceeded",
    "check_input_size",
]

# Loop iterations between two clock reads: a read costs ~50 ns, an iteration microseconds.
_TICKS_PER_CHECK = 256


class LimitExceeded(Exception):
    """A limit the caller set in `Options` was exceeded; no Article was built."""


class InputTooLarge(LimitExceeded):
    """The input is larger than `Options.max_input_bytes`."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size, limit)  # args match __init__, so the exception pickles
        self.size = size
        self.limit = limit

    def __str__(self) -> str:
        return f"input of {self.size} bytes exceeds max_input_bytes={self.limit}"


class TimeBudgetExceeded(LimitExceeded):
    """The call ran longer than `Options.time_budget`; `stage` says where it was stopped."""

    def __init__(self, budget: float, elapsed: float, stage: str) -> None:
        super().__init__(budget, elapsed, stage)
        self.budget = budget
        self.elapsed = elapsed
        self.stage = stage

    def __str__(self) -> str:
        return (
            f"time budget of {self.budget:g} s exceeded after {self.elapsed:.3f} s "
            f"(stopped in {self.stage})"
        )


def check_input_size(size: int, limit: int | None) -> None:
    """Raise InputTooLarge when `size` (bytes; characters for str input) exceeds `limit`."""
    if limit is None:
        return
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"max_input_bytes must be an int or None, not {type(limit).__name__}")
    if limit < 0:
        raise ValueError(f"max_input_bytes must be >= 0, not {limit}")
    if size > limit:
        raise InputTooLarge(size, limit)


def _check_budget(budget: object) -> None:
    if isinstance(budget, bool) or not isinstance(budget, int | float):
        raise TypeError(f"time_budget must be a number or None, not {type(budget).__name__}")
    if not math.isfinite(budget) or budget < 0:
        raise ValueError(f"time_budget must be a finite number >= 0, not {budget}")


class Deadline:
    """A monotonic deadline for one call; `Deadline(None)` never expires.

    `check(stage)` reads the clock; `tick(stage)`, meant for loops, reads it
    only every `_TICKS_PER_CHECK` calls. Both raise TimeBudgetExceeded once the
    budget is spent. One Deadline belongs to one call (it counts ticks).
    """

    __slots__ = ("_budget", "_ends", "_started", "_ticks")

    def __init__(self, budget: float | None) -> None:
        if budget is not None:
            _check_budget(budget)
        self._budget = budget
        self._started = time.monotonic()
        self._ends = math.inf if budget is None else self._started + budget
        self._ticks = 0

    def check(self, stage: str) -> None:
        """Raise TimeBudgetExceeded if the budget is spent."""
        now = time.monotonic()
        if now > self._ends:
            assert self._budget is not None  # an infinite deadline never passes
            raise TimeBudgetExceeded(self._budget, now - self._started, stage)

    def for_loops(self) -> Deadline | None:
        """This deadline when it has a budget, else None: per-node loops then skip
        the call to `tick` altogether (hundreds of thousands per large page)."""
        return None if self._budget is None else self

    def tick(self, stage: str) -> None:
        """`check`, every `_TICKS_PER_CHECK` calls: cheap enough for per-element loops."""
        self._ticks += 1
        if self._ticks >= _TICKS_PER_CHECK and self._ends != math.inf:
            self._ticks = 0
            self.check(stage)
