"""The operator's log: calm lines on standard error for the people who run the server.

Never an answer: what goes in is a fault in the content, a limit reached or a connection that
ended, said in words an operator can act on.
"""

from __future__ import annotations

import logging
import sys


def operator_log(name: str) -> logging.Logger:
    """A logger that writes ``time LEVEL name: message`` lines to standard error, set up once."""
    log = logging.getLogger(name)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log
