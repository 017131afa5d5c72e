"""One kiosk server, or several behind the repository's own nginx config, for the load benchmarks.

``kiosk_servers(1)`` is one ``serve.py`` in kiosk mode on a free port; ``kiosk_servers(2)`` starts two
replicas (one shared cookie secret, as docs/kiosk.md says) and nginx in front of them with
``deploy/nginx.conf`` (only its ports rewritten, as tests/browser/test_kiosk_nginx.py does), run
unprivileged from a temporary folder. Behind nginx every device must come from an address of its
own (nginx sets ``X-Real-IP`` itself), so the benchmarks bind their sockets to loopback addresses
such as 127.0.3.1; ``ip_hash`` spreads devices by the first three parts of the address.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Iterator, Mapping, NamedTuple

from tests.servers import free_port, streamlit_server

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONFIG = ROOT / "deploy" / "nginx.conf"
KIOSK_ENV = {"EXPLAINER_MODE": "kiosk", "PYTHONUNBUFFERED": "1",
             "STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-shared-by-the-benchmark-replicas"}


class Servers(NamedTuple):
    url: str  # where the devices connect: the server itself, or nginx in front of the replicas
    pids: list[int]  # the app servers (for their memory)
    behind_nginx: bool


def nginx_path() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def kiosk_servers(replicas: int = 1, env: Mapping[str, str] | None = None,
                  log_dir: Path | None = None) -> Iterator[Servers]:
    env = {**KIOSK_ENV, **(env or {})}
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(streamlit_server(
            "serve.py", env=env, log_path=(log_dir / f"replica{i}.log") if log_dir else None))
            for i in range(replicas)]
        if replicas == 1:
            yield Servers(servers[0].url, [servers[0].pid], False)
            return
        nginx = nginx_path()
        if not nginx:
            raise RuntimeError("two replicas need nginx in front (apt-get install nginx-light)")
        prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="explainer-nginx-")))
        for sub in ("logs", "temp"):
            (prefix / sub).mkdir()
        os.chmod(prefix / "temp", 0o777)  # nginx workers drop root privileges when started as root
        port = free_port()
        upstreams = "\n        ".join(f"server 127.0.0.1:{s.url.rsplit(':', 1)[1]};" for s in servers)
        config, listens = re.subn(r"listen \d+;", f"listen 127.0.0.1:{port};", NGINX_CONFIG.read_text())
        config, count = re.subn(r"server 127\.0\.0\.1:\d+;", upstreams, config)
        if listens != 1 or count != 1:
            raise RuntimeError("deploy/nginx.conf changed shape; update benchmarks/replicas.py")
        (prefix / "nginx.conf").write_text(config)
        proc = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", "logs/error.log",
                                 "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 20
            while not healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start")
                time.sleep(0.2)
            yield Servers(url, [s.pid for s in servers], True)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
