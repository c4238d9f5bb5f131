"""Benchmarks run by `manage.py bench`, kept out of the test run on purpose: timings depend on
the machine, so they are read by people, never asserted.

A section is a function that takes the run's options and returns rows of measurements
(`Ukuran`); sections register themselves in `BAGIAN` under a short name, so a later section is
one new module plus one line in `_muat`."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Opsi:
    """What every section is given: the fraction of full size, the repeats, a scratch folder."""

    ukuran: float
    ulang: int
    folder: str
    tulis: Callable[[str], None] = print  # progress lines, so a long run is not silent
    profil: str | None = None  # a .prof file: sections that can also profile themselves


@dataclass
class Ukuran:
    """One measured figure. Times are the minimum and median of the repeats; the ratio is
    taken on the minima (the least disturbed run of each side)."""

    section: str
    figure: str
    seconds: float | None = None
    seconds_median: float | None = None
    anchor: str = ""
    anchor_seconds: float | None = None
    anchor_seconds_median: float | None = None
    ratio: float | None = None
    target: float | None = None  # the ratio allowed; None: shown, not judged
    target_seconds: float | None = None  # an absolute limit, where the issue sets one
    target_mb: float | None = None  # the peak memory allowed above the process's start
    queries: int | None = None
    peak_mb: float | None = None
    peak_tambahan_mb: float | None = None  # above the process's size when it started
    anchor_peak_mb: float | None = None
    rows: int | None = None
    error: str = ""
    detail: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.ratio is None and self.seconds and self.anchor_seconds:
            self.ratio = self.seconds / self.anchor_seconds

    @property
    def status(self) -> str:
        if self.error:
            return "GAGAL"
        uji = []
        if self.target is not None and self.ratio is not None:
            uji.append(self.ratio <= self.target)
        if self.target_seconds is not None and self.seconds is not None:
            uji.append(self.seconds <= self.target_seconds)
        if self.target_mb is not None and self.peak_tambahan_mb is not None:
            uji.append(self.peak_tambahan_mb <= self.target_mb)
        if not uji:
            return "-"
        return "OK" if all(uji) else "MELEBIHI"

    @property
    def target_teks(self) -> str:
        bagian = []
        if self.target is not None:
            bagian.append(f"≤ {self.target:g}×")
        if self.target_seconds is not None:
            bagian.append(f"≤ {self.target_seconds:g} s")
        if self.target_mb is not None:
            bagian.append(f"+≤ {self.target_mb:g} MB")
        return ", ".join(bagian) or "-"

    @classmethod
    def dari_gabungan(
        cls, *, section: str, figure: str, h: dict, j: dict, anchor: str, target, rows, detail=None
    ) -> "Ukuran":
        """A figure from the merged repeats of a measurement `h` and of its anchor `j`
        (abk.bench.anak.gabung); `detail` adds to the per-repeat times and the traceback."""
        return cls(
            section=section,
            figure=figure,
            seconds=h["seconds"],
            seconds_median=h["seconds_median"],
            anchor=anchor,
            anchor_seconds=j["seconds"],
            anchor_seconds_median=j["seconds_median"],
            target=target,
            queries=h.get("queries"),
            peak_mb=h["peak_mb"],
            peak_tambahan_mb=h["peak_tambahan_mb"],
            anchor_peak_mb=j["peak_mb"],
            rows=rows,
            error=h["error"] or j["error"],
            detail={
                "seconds_all": h["seconds_all"],
                "anchor_seconds_all": j["seconds_all"],
                **(detail or {}),
                "traceback": h.get("traceback") or j.get("traceback", ""),
            },
        )

    def sebagai_dict(self) -> dict:
        return {**asdict(self), "status": self.status, "target_text": self.target_teks}


BAGIAN: dict[str, Callable[[Opsi], list[Ukuran]]] = {}


def bagian(nama: str):
    def daftar(fungsi):
        BAGIAN[nama] = fungsi
        return fungsi

    return daftar


def _muat() -> None:
    # Imported here, not at module level: a section pulls in models, which need apps ready.
    from abk.bench import dokumen, impor, rekap  # noqa: F401


def semua_bagian() -> dict[str, Callable[[Opsi], list[Ukuran]]]:
    _muat()
    return BAGIAN
