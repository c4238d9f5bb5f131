"""Each measurement runs in a forked child process, so that its peak memory is its own
(ru_maxrss of the child) and whatever it leaves in Python's heap cannot slow the next one.

Fork, not a fresh interpreter: the child inherits the parent's database settings, even the
in-memory SQLite database of a test, and starts from the same imported modules as every other
measurement, so the anchor and the import are compared from the same starting size."""

import json
import os
import re
import resource
import statistics
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache

from django.db import connections


class Gagal(Exception):
    """A failure whose message is already the report (the measured code's own error)."""


def rss_sekarang_mb() -> float:
    with open("/proc/self/statm") as f:
        halaman = int(f.read().split()[1])
    return halaman * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def puncak_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def jalankan_di_anak(kerja: Callable[[], dict]) -> dict:
    """Runs `kerja` in a child and returns its dict plus `peak_mb`, `rss_awal_mb`; an
    exception becomes `error` (its message verbatim) and `traceback`."""
    if not hasattr(os, "fork"):
        raise RuntimeError("bench memerlukan os.fork (Linux/macOS).")
    # The child must open its own connection: sharing a PostgreSQL socket or a SQLite file
    # handle across fork corrupts both sides. An in-memory SQLite database is not closed by
    # Django (it would be lost), and the child simply works on its copy.
    connections.close_all()
    baca, tulis = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        kode = 0
        try:
            os.close(baca)
            awal = rss_sekarang_mb()
            try:
                hasil = kerja()
            except BaseException as e:
                pesan = str(e) if isinstance(e, Gagal) else f"{type(e).__name__}: {e}"
                hasil = {"error": pesan, "traceback": traceback.format_exc()}
            hasil["rss_awal_mb"] = awal
            hasil["peak_mb"] = puncak_mb()
            with os.fdopen(tulis, "wb") as f:
                f.write(json.dumps(hasil, default=str).encode())
            connections.close_all()
        except BaseException:
            kode = 1
        finally:
            # os._exit: the child must not run the parent's atexit handlers, test teardown
            # or stdout flushes a second time.
            os._exit(kode)
    os.close(tulis)
    with os.fdopen(baca, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        return {"error": f"proses anak berhenti tanpa hasil (status {status})."}
    return json.loads(data)


def sekali(kerja: Callable[[], dict], sesudah: Callable[[], None] | None = None) -> dict:
    """`kerja` in a child, then `sesudah` in the parent (cleanup that must happen even when
    the child failed or died)."""
    try:
        return jalankan_di_anak(kerja)
    finally:
        if sesudah:
            sesudah()


def gabung(hasil: list[dict]) -> dict:
    """Repeats of one measurement: times as minimum and median, memory as the highest peak,
    the first error (and its traceback) as the error."""
    gagal = next((h for h in hasil if h.get("error")), None)
    detik = [h["seconds"] for h in hasil if h.get("seconds") is not None]
    return {
        **(hasil[-1] if hasil else {}),
        "error": gagal["error"] if gagal else "",
        "traceback": gagal.get("traceback", "") if gagal else "",
        "seconds_all": detik,
        "seconds": min(detik) if detik else None,
        "seconds_median": statistics.median(detik) if detik else None,
        "peak_mb": max((h["peak_mb"] for h in hasil if "peak_mb" in h), default=None),
        "peak_tambahan_mb": max(
            (h["peak_mb"] - h["rss_awal_mb"] for h in hasil if "rss_awal_mb" in h), default=None
        ),
    }


_TABEL = re.compile(r'^\s*(?:SELECT\b.*?\bFROM|INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?',
                    re.I | re.S)  # fmt: skip


@lru_cache(maxsize=4096)
def jenis_sql(sql: str) -> str:
    """ "SELECT anjab_jabatan", "INSERT anjab_tugasjabatan", "SAVEPOINT" … (cached: the ORM
    repeats the same statement text with different parameters)."""
    kata = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else "?"
    m = _TABEL.match(sql)
    return f"{kata} {m.group(1)}" if m else kata


@contextmanager
def hitung_sql(alias: str = "default"):
    """Counts the statements sent on one connection, grouped by kind and table.

    A plain execute wrapper rather than CaptureQueriesContext: that one turns on the debug
    cursor, which formats every statement with its parameters (on SQLite with an extra
    QUOTE() query per statement) and would be timed as part of the import. The count is the
    same: both see each execute()/executemany() call once, savepoints included."""
    per_jenis: Counter = Counter()

    def penghitung(execute, sql, params, many, context):
        per_jenis[jenis_sql(sql)] += 1
        return execute(sql, params, many, context)

    with connections[alias].execute_wrapper(penghitung):
        yield per_jenis


def sekarang() -> float:
    return time.perf_counter()
