"""A per-record time guard: a stage that runs longer than ``max_seconds`` on one record
raises ``TimeLimit`` (BC901) and the record is refused; the batch goes on.

Every stage is linear in its input, so the guard is a backstop, not a budget. It uses the
interval timer (``SIGALRM``), so it guards only in the main thread of a process on a
system that has one; elsewhere it lets the step run unguarded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from backchannel.errors import TimeLimit


def _can_guard() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, stage: str) -> Iterator[None]:
    """Raise ``TimeLimit`` in the block when it runs longer than ``seconds``."""
    if seconds <= 0 or not _can_guard() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield  # no timer to use, or one already running (an outer guard, the caller's own)
        return

    def expire(number: int, frame: FrameType | None) -> None:
        raise TimeLimit(f"{stage} took longer than {seconds:g} s (max_seconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
