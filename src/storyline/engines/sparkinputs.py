"""What a Spark run reads, keyed so that sorting by key gives the local engine's reading order.

Every record is keyed (input number, file number, record number): inputs in the order given,
files in ``sources.files.walk`` order, records in file order, which is the order
``sources.read_inputs`` yields them. Reading reuses ``sources.readers.read_file``, so formats,
size caps and error messages are the local engine's:

* local files are read inside the tasks (executors must see them, as with any ``file:`` path);
* files on a Hadoop file system (hdfs://, s3a://, gs://, file:, ...) arrive as bytes from
  ``binaryFiles`` and are spilled to a task-local file of the same name, then read the same way;
* Parquet (which the local engine does not read) comes from ``spark.read.parquet``; its rows
  are read like JSON records (columns text, id, title, url, outlet, published, language);
* http(s) URLs are fetched on the driver, as the local engine does.

Nothing here imports pyspark: these functions run inside tasks and are tested without Spark.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from storyline.model import RawDocument, SourceError
from storyline.sources.fetch import is_url
from storyline.sources.files import walk
from storyline.sources.jsonrecords import record_document as json_record
from storyline.sources.readers import file_stem, read_file

Result = RawDocument | SourceError
FileKey = tuple[int, int]
Key = tuple[int, int, int]
Keyed = tuple[Key, Result]

PARQUET_FIELDS = ("text", "id", "title", "url", "outlet", "published", "language")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # hdfs:, s3a:, gs:, abfss:, file: (not C:)
_GLOB = re.compile(r"([\\{}\[\]*?])")


@dataclass
class InputPlan:
    """The files of a run by how they are read, each with its (input, file) key."""

    local: list[tuple[FileKey, str]] = field(default_factory=list)
    hadoop: list[tuple[FileKey, str]] = field(default_factory=list)
    parquet: list[tuple[FileKey, str, str]] = field(default_factory=list)  # key, Spark path, location
    ready: list[Keyed] = field(default_factory=list)  # read on the driver (URLs, missing inputs)

    def add(self, key: FileKey, location: str, on_hadoop: bool) -> None:
        if location.lower().endswith(".parquet"):
            self.parquet.append((key, location if on_hadoop else local_uri(location), location))
        elif on_hadoop and "," in location:  # Hadoop splits input path lists at commas
            self.ready.append((key + (0,), SourceError(location, "cannot read: comma in a Hadoop path")))
        else:
            (self.hadoop if on_hadoop else self.local).append((key, location))


def is_hadoop_path(item: str) -> bool:
    return bool(_SCHEME.match(item)) and not is_url(item)


def local_uri(path: str) -> str:
    """A local path as a Hadoop path (absolute, glob characters escaped)."""
    return "file://" + hadoop_literal(str(Path(path).absolute()))


def hadoop_literal(path: str) -> str:
    """``path`` with Hadoop glob characters escaped, so it names exactly one file."""
    return _GLOB.sub(r"\\\1", path)


def plan_inputs(inputs: Iterable[str], list_hadoop: Callable[[str], list[str]]) -> InputPlan:
    """Sort every input into the plan; ``list_hadoop`` lists a Hadoop path or glob in walk order
    (OSError: the input is reported)."""
    from storyline.sources.readers import read_url

    plan = InputPlan()
    for i, item in enumerate(str(x) for x in inputs):
        if is_url(item):
            plan.ready += [((i, 0, n), result) for n, result in enumerate(read_url(item))]
            continue
        on_hadoop = is_hadoop_path(item)
        try:
            files = list_hadoop(item) if on_hadoop else _local_files(Path(item))
        except OSError as exc:
            plan.ready.append(((i, 0, 0), SourceError(item, f"cannot read: {exc}")))
            continue
        if not files:
            plan.ready.append(((i, 0, 0), SourceError(item, "no such file or folder")))
        for f, location in enumerate(files):
            plan.add((i, f), location, on_hadoop)
    return plan


def _local_files(path: Path) -> list[str]:
    if path.is_dir():
        return [str(p) for p in walk(path)]
    return [str(path)] if path.is_file() else []


def hadoop_walk_order(root: str, files: Iterable[str]) -> list[str]:
    """Files under ``root`` in ``walk`` order (path components compared in turn), skipping hidden
    names: Hadoop's convention, a leading "." or "_" (``_SUCCESS``, ``.crc`` files)."""
    base = root.rstrip("/") + "/"
    keyed = []
    for f in files:
        parts = tuple(f[len(base):].split("/")) if f.startswith(base) else (PurePosixPath(f).name,)
        if not any(p.startswith((".", "_")) for p in parts):
            keyed.append((parts, f))
    return [f for _, f in sorted(keyed)]


# --------------------------------------------------------------------------- inside tasks

def read_local(item: tuple[FileKey, str]) -> Iterator[Keyed]:
    key, location = item
    for n, result in enumerate(read_file(Path(location))):
        yield key + (n,), result


def read_hadoop(key: FileKey, location: str, data: bytes) -> Iterator[Keyed]:
    """The bytes of a Hadoop file, read by ``read_file`` from a task-local copy with its name."""
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        copy = Path(tmp) / PurePosixPath(location).name
        copy.write_bytes(data)
        for n, result in enumerate(read_file(copy)):
            yield key + (n,), _relocated(result, str(copy), location)


def _relocated(result: Result, copy: str, location: str) -> Result:
    """Name the original file, not the task-local copy, in documents and errors."""
    if isinstance(result, SourceError):
        if result.location.startswith(copy):
            return SourceError(location + result.location[len(copy):], result.reason)
        return result
    if result.path == copy:
        result.path = location
    return result


def parquet_row(key: FileKey, location: str, row_and_index: tuple[Any, int]) -> Keyed:
    """One Parquet row, read exactly like a JSON record of the same fields."""
    row, index = row_and_index
    number = index + 1
    stem = file_stem(Path(PurePosixPath(location).name))
    record = json_record(row.asDict(recursive=True), f"{location}:row {number}",
                         fallback_id=f"{stem}:{number}", path=location)
    return key + (index,), record
