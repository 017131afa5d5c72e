"""Start a real Streamlit server for a test and stop it afterwards."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator, Mapping, NamedTuple, Sequence

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(NamedTuple):
    url: str  # e.g. http://127.0.0.1:50123
    pid: int


@contextlib.contextmanager
def streamlit_server(script: str = "streamlit_app.py", env: Mapping[str, str] | None = None,
                     log_path: Path | None = None, port: int | None = None,
                     prefix: Sequence[str] = ()) -> Iterator[Server]:
    """Run ``streamlit run SCRIPT`` on a free local port until the block ends.

    ``prefix`` runs the server under another command, e.g. ``faketime`` to move its clock.
    """
    port = port or free_port()
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                tail = log_path.read_text()[-2000:] if log_path else ""
                raise RuntimeError(f"streamlit exited with {proc.returncode} before it was ready\n{tail}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy within 60 s")
            time.sleep(0.2)
        yield Server(base, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log_path:
            log.close()
