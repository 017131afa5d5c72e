"""The content loader looks before it reads: only plain files inside the content folder, never more than the limit.

A link to ``/dev/zero`` would be read until memory runs out, a 1 GB sparse file would be read whole
just to be refused, a FIFO would block validate, diff and the server for ever, and a link to
``/etc/passwd`` would be followed out of the folder and its first line quoted back. Each is
refused with one ``file:1`` line that quotes nothing from where it leads.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import CONTENT_DIR, KnowledgeError, load_knowledge
from knowledge import yamlsafe
from knowledge.yamlsafe import MAX_BYTES, YamlReadError

from .conftest import FIXTURE_TODAY

ROOT = Path(__file__).resolve().parent.parent


def _problems(content: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content, today=FIXTURE_TODAY)
    return [str(p) for p in info.value.problems]


def _problems_in_a_child(content: Path, memory_mb: int = 600, timeout: float = 60) -> list[str]:
    """The loader's problems for a folder, from a process of its own with a memory cap and a time limit,
    so that a loader that reads without looking first fails this test instead of the machine."""
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]) * 1024 ** 2,) * 2)\n"
            "import datetime as dt; from knowledge import KnowledgeError, load_knowledge\n"
            "try:\n    load_knowledge(sys.argv[1], today=dt.date(2026, 11, 21))\n"
            "except KnowledgeError as e:\n    print('\\n'.join(str(p) for p in e.problems))\n")
    result = subprocess.run([sys.executable, "-c", code, str(content), str(memory_mb)], cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result.stdout.splitlines()


def _validate(content: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m knowledge validate`` on a folder, in a process of its own with a time limit."""
    return subprocess.run([sys.executable, "-m", "knowledge", "validate", str(content), "--today",
                           FIXTURE_TODAY.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def _only_problem_about(problems: list[str], name: str) -> str:
    mine = [p for p in problems if f"options/{name}:" in p]
    assert len(mine) == 1, problems
    assert mine[0].split(f"options/{name}:", 1)[1].startswith("1: "), mine[0]
    return mine[0]


def test_a_link_to_dev_zero_is_refused_without_reading_it(content_copy):
    (content_copy / "options" / "zero.yaml").symlink_to("/dev/zero")
    problem = _only_problem_about(_problems_in_a_child(content_copy), "zero.yaml")
    assert "outside the content folder" in problem


def test_a_device_inside_the_folder_is_not_a_file(tmp_path):
    """A link that stays inside the folder but leads to a device (here the folder is / itself)."""
    with pytest.raises(YamlReadError) as info:
        yamlsafe.read_content_file(Path("/dev/zero"), root=Path("/"))
    assert info.value.problems[0].message.startswith("is a device, not a plain file")


def test_a_huge_sparse_file_is_refused_on_its_size_alone(content_copy):
    path = content_copy / "options" / "huge.yaml"
    with open(path, "wb") as fh:
        os.truncate(fh.fileno(), 1024 ** 3)  # 1 GB that takes no disk space
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (400 * 1024 ** 2,) * 2);"
            "from pathlib import Path; from knowledge.yamlsafe import read_yaml, YamlReadError\n"
            "try:\n    read_yaml(Path(sys.argv[1]))\nexcept YamlReadError as e:\n"
            "    print(e.problems[0].message)")
    # In a process allowed 400 MB in all: reading the file whole would fail with MemoryError.
    result = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == f"file is {1024 ** 3} bytes; content files must be at most {MAX_BYTES} bytes", (
        result.stdout + result.stderr)
    problem = _only_problem_about(_problems_in_a_child(content_copy), "huge.yaml")
    assert problem.endswith(f"file is {1024 ** 3} bytes; content files must be at most {MAX_BYTES} bytes")


def test_a_file_that_grows_after_the_check_is_read_only_to_the_limit(tmp_path, monkeypatch):
    """The size is checked again on what is read, and never more than the limit plus one byte is read."""
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"a: 1\n" * 1000)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read
    reads: list[int] = []

    def small(result):  # as if the file had been small when it was looked at
        fields = list(result)
        fields[6] = 10
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", lambda *a, **k: small(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(YamlReadError) as info:
        yamlsafe.read_content_file(path, max_bytes=20)
    assert sum(reads) <= 21, reads
    assert info.value.problems[0].message == "file is more than 20 bytes; content files must be at most 20 bytes"


def test_a_fifo_named_yaml_never_blocks_validate(content_copy):
    os.mkfifo(content_copy / "options" / "fifo.yaml")
    result = _validate(content_copy, timeout=60)  # before the check this never returned
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    line = [ln for ln in result.stdout.splitlines() if "options/fifo.yaml:" in ln]
    assert len(line) == 1 and "options/fifo.yaml:1:" in line[0], result.stdout
    assert "is a FIFO (named pipe), not a plain file" in line[0]


def test_a_fifo_is_refused_by_the_loader_too(content_copy):
    os.mkfifo(content_copy / "options" / "fifo.yaml")
    problem = _only_problem_about(_problems_in_a_child(content_copy, timeout=30), "fifo.yaml")
    assert "FIFO" in problem


def test_a_link_to_etc_passwd_is_refused_and_nothing_of_it_is_quoted(content_copy):
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd on this machine")
    (content_copy / "options" / "passwd.yaml").symlink_to("/etc/passwd")
    problems = _problems(content_copy)
    problem = _only_problem_about(problems, "passwd.yaml")
    assert "outside the content folder" in problem
    assert "root:" not in "\n".join(problems)
    result = _validate(content_copy)
    assert result.returncode == 1
    assert "root:" not in result.stdout + result.stderr
    assert "options/passwd.yaml:1:" in result.stdout


def test_the_kiosk_log_of_a_link_out_holds_nothing_of_its_target(tmp_path, monkeypatch):
    """The kiosk refuses the rule set and logs one line for the link, with nothing of its target."""
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd on this machine")
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from .apptest_helpers import operator_log
    from .test_kiosk_faults import APP, UNAVAILABLE

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / "options" / "passwd.yaml").symlink_to("/etc/passwd")
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content))
    st.cache_resource.clear()
    try:
        with operator_log() as messages:
            at = AppTest.from_file(APP, default_timeout=30).run()
    finally:
        st.cache_resource.clear()
    assert not at.exception
    assert at.title[0].value == UNAVAILABLE[0]
    log = "\n".join(messages)
    assert "options/passwd.yaml:1:" in log and "outside the content folder" in log, log[:2000]
    assert "root:" not in log


def test_diff_with_a_fifo_in_either_folder_does_not_hang(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CONTENT_DIR, old)
    shutil.copytree(CONTENT_DIR, new)
    os.mkfifo(new / "options" / "fifo.yaml")
    result = subprocess.run([sys.executable, "-m", "knowledge", "diff", str(old), str(new)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "fifo.yaml:1:" in result.stdout + result.stderr


def test_a_link_that_stays_inside_the_folder_is_read(content_copy):
    options = content_copy / "options"
    original = options / "cdk46.yaml"
    moved = content_copy / "cdk46-source.yaml.txt"
    original.rename(moved)
    original.symlink_to(Path("..") / moved.name)
    kb = load_knowledge(content_copy, today=FIXTURE_TODAY)
    assert any(o.id == "cdk46_with_endocrine" for o in kb.options)


def test_a_link_into_the_folder_from_a_linked_folder_is_inside(tmp_path, content_copy):
    """The content folder itself may be reached through a link (a release folder, say)."""
    link = tmp_path / "current"
    link.symlink_to(content_copy)
    kb = load_knowledge(link, today=FIXTURE_TODAY)
    assert kb.options
    assert isinstance(FIXTURE_TODAY, dt.date)
