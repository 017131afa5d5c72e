"""A strict YAML reader for content files.

PyYAML's ``safe_load`` is necessary but not enough for clinical content. This reader
builds Python values from the composed node tree itself so that it can refuse what
would silently change meaning:

* duplicate keys (YAML keeps the last one without a word);
* YAML 1.1 words ``yes``/``no``/``on``/``off``/``y``/``n`` written without quotes
  (they would become booleans); only ``true`` and ``false`` are booleans here;
* anchors, aliases and explicit tags (``&a``, ``*a``, ``!!python/...``);
* lists and mappings nested more than :data:`MAX_DEPTH` deep (found in the event stream,
  before anything recursive runs, so a deep file is a named problem, not a crash);
* files larger than :data:`MAX_BYTES`, and anything that is not a plain file inside the
  content folder (see :func:`read_content_file`): the size is checked before reading, never
  more than the limit is read, and a FIFO, a device or a link out of the folder is never opened
  for reading at all.

Alongside the data it returns a map from each value's path (a tuple of keys and list
indexes) to its 1-based line, so that schema errors can point at ``file:line``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
# The real rule set nests about ten deep (a gate inside an option inside a file); far more is a mistake.
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (about 5x faster; the same events, nodes and line marks).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_AMBIGUOUS_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading one file, before any schema check."""

    line: int
    message: str


class YamlReadError(Exception):
    """Raised when a file cannot be read safely; carries every problem found."""

    def __init__(self, problems: list[YamlProblem]):
        super().__init__("; ".join(f"line {p.line}: {p.message}" for p in problems))
        self.problems = problems


def read_content_file(path: Path, root: Path | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of one content file, checked before anything is read.

    * The name is looked at first (``lstat``): a symbolic link must lead to a file inside
      ``root`` (the content folder), never out of it.
    * What it leads to must be a regular file: a FIFO would block the reader for ever, a device
      such as ``/dev/zero`` never ends, a socket or a folder is not a file.
    * A regular file larger than ``max_bytes`` is refused on its size alone.
    * It is opened without blocking (``O_NONBLOCK``: a file swapped for a FIFO after the check
      cannot hang the open), checked again on the open descriptor, and at most ``max_bytes + 1``
      bytes are read, so a file that grows meanwhile is still refused on its size.

    Every refusal is one :class:`YamlReadError` at line 1 whose message never quotes anything
    from the file or from where a link leads; an unreadable file raises ``OSError``.
    """
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) and root is not None:
        target = Path(os.path.realpath(path, strict=True))  # a loop: OSError "Too many levels of symbolic links"
        base = Path(os.path.realpath(root))
        if target != base and base not in target.parents:
            raise YamlReadError([YamlProblem(1, "is a symbolic link to a file outside the content folder; "
                                                "content files must be plain files inside it")])
    info = os.stat(path)
    _check_kind(info, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO put in place after the check, with no writer
            raise YamlReadError([YamlProblem(1, _NOT_A_FILE.format(kind="a FIFO (named pipe)"))]) from None
        raise
    try:
        opened = os.fstat(fd)
        _check_kind(opened, max_bytes)
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > max_bytes:
        raise YamlReadError([YamlProblem(1, f"file is more than {max_bytes} bytes; "
                                            f"content files must be at most {max_bytes} bytes")])
    return raw


_NOT_A_FILE = "is {kind}, not a plain file; content files must be plain files"


def _check_kind(info: os.stat_result, max_bytes: int) -> None:
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise YamlReadError([YamlProblem(1, _NOT_A_FILE.format(kind=kind))])
    if info.st_size > max_bytes:
        raise YamlReadError(
            [YamlProblem(1, f"file is {info.st_size} bytes; content files must be at most {max_bytes} bytes")])


def read_yaml(path: Path, max_bytes: int = MAX_BYTES, root: Path | None = None) -> tuple[Any, dict[Path_, int]]:
    """Read one YAML file strictly; return ``(data, line_map)`` or raise YamlReadError.

    ``root`` is the content folder: a symbolic link may lead only to a file inside it.
    """
    raw = read_content_file(path, root, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlReadError([YamlProblem(1, f"file is not UTF-8 text ({exc.reason}); save it as UTF-8")]) from None
    return parse_yaml(text)


def parse_yaml(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML text strictly; see the module docstring for what is refused."""
    problems: list[YamlProblem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            line = event.start_mark.line + 1
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlReadError([YamlProblem(line, f"lists and mappings are nested more than {MAX_DEPTH} "
                                                           "deep here; content files never need that many levels")])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if isinstance(event, yaml.AliasEvent):
                problems.append(YamlProblem(line, f"alias '*{event.anchor}' is not allowed; write the value out in full"))
            elif getattr(event, "anchor", None):
                problems.append(YamlProblem(line, f"anchor '&{event.anchor}' is not allowed; write the value out in full"))
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                problems.append(YamlProblem(line, f"explicit tag '{tag}' is not allowed; remove it"))
        if problems:
            raise YamlReadError(problems)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlReadError([YamlProblem(line, f"YAML syntax error: {exc.problem or exc.context}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as NUL: its own line
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlReadError([YamlProblem(line, f"character U+{code:04X} is not allowed in a content file; "
                                               "remove it")]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks every other error
        raise YamlReadError([YamlProblem(1, f"YAML error: {exc}")]) from None
    lines: dict[Path_, int] = {}
    if node is None:
        raise YamlReadError([YamlProblem(1, "file is empty")])
    data = _build(node, (), lines, problems)
    if problems:
        raise YamlReadError(problems)
    return data, lines


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[YamlProblem]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(YamlProblem(key_line, "a key must be plain text"))
                continue
            key = key_node.value
            if key in seen:
                problems.append(
                    YamlProblem(key_line, f"duplicate key '{key}' (first written on line {seen[key]}); keep only one")
                )
                continue
            seen[key] = key_line
            result[key] = _build(value_node, path + (key,), lines, problems)
            lines[path + (key,)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, problems) for i, item in enumerate(node.value)]
    return _scalar(node, problems)


def _scalar(node: yaml.ScalarNode, problems: list[YamlProblem]) -> Any:
    value = node.value
    if node.style:  # quoted or block scalar: always text
        return value
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _AMBIGUOUS_BOOL.match(value):
        problems.append(
            YamlProblem(
                node.start_mark.line + 1,
                f"'{value}' is ambiguous in YAML (older readers turn it into true/false); "
                f"write true or false, or put it in quotes: \"{value}\"",
            )
        )
        return value
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value
