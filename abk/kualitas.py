"""Data-quality checks of a period: where a document's printed figures disagree with the
computed ones, and inputs that are implausible. Every check reads stored inputs only."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from anjab import calculations as calc
from organisasi.formatting import angka

SELISIH = "selisih"  # a printed figure disagrees with the computed one
KEWAJARAN = "kewajaran"  # an input that is probably wrong
KELIPATAN_MEDIAN = Decimal(10)


@dataclass(frozen=True)
class Temuan:
    kategori: str
    jabatan_id: int
    nomor: str
    nama_jabatan: str
    pesan: str
    selisih: Decimal | None = None
    # A printed figure that disagrees (SELISIH): what it is, as printed and as computed, and
    # whether it is one of the position's rows (a task, a credit row) or its total.
    angka: str = ""
    tercetak: Decimal | None = None
    hitung: Decimal | None = None
    presisi: int = 2
    rincian: bool = False

    def __str__(self):
        return self.pesan


def _kunci_butir(teks: str) -> str:
    return " ".join((teks or "").lower().split())


def periksa_median_angka_kredit(butir: Iterable[tuple]) -> dict[str, Decimal]:
    """Median angka kredit of each butir text (rows: urutan, teks, ak, kt, v, wpk, wpv)."""
    return median_angka_kredit((teks, ak, 1) for _urutan, teks, ak, *_sisa in butir)


def median_angka_kredit(hitungan: Iterable[tuple]) -> dict[str, Decimal]:
    """Median angka kredit of each butir text from (teks, ak, how many rows) — the rows
    themselves or a database's count of each pair, with the same result. Texts are compared
    without case and extra spaces; a median needs at least three rows."""
    nilai: dict[str, dict[Decimal, int]] = defaultdict(dict)
    for teks, ak, n in hitungan:
        if ak is not None:
            per_ak = nilai[_kunci_butir(teks)]
            per_ak[Decimal(ak)] = per_ak.get(Decimal(ak), 0) + n
    return {k: _median(v) for k, v in nilai.items() if sum(v.values()) >= 3}


def _median(per_nilai: dict[Decimal, int]) -> Decimal:
    """statistics.median of the values each repeated its count of times."""
    urut = sorted(per_nilai.items())
    n = sum(per_nilai.values())
    tengah = [(n - 1) // 2, n // 2]  # the middle one (odd n) or the middle two (even n)
    hasil, dilewati = [], 0
    for nilai, banyak in urut:
        while tengah and tengah[0] < dilewati + banyak:
            hasil.append(nilai)
            tengah.pop(0)
        dilewati += banyak
    return hasil[0] if n % 2 else (hasil[0] + hasil[1]) / 2  # as statistics.median


# The rows the row-level checks of periksa_jabatan can flag. A row outside these filters, not
# a duplicate and not an angka kredit outlier, never yields a finding: so the roll-up of a
# large instansi reads the rows of only the positions that hold such a row (abk.rekap_muat).
TUGAS_PERLU_PERIKSA = (
    Q(waktu__isnull=True)
    | Q(waktu=0)
    | Q(volume__isnull=True)
    | Q(volume=0)
    | Q(kebutuhan_tercetak__isnull=False)
)
BUTIR_PERLU_PERIKSA = (
    Q(konstanta__isnull=True)
    | Q(konstanta=0)
    | Q(volume=0)
    | Q(wpk_tercetak__isnull=False)
    | Q(wpv_tercetak__isnull=False)
)


def kunci_butir(teks: str) -> str:
    """How two butir texts are told apart for the angka kredit median."""
    return _kunci_butir(teks)


def pencilan_angka_kredit(ak, median: Decimal | None) -> bool:
    """An angka kredit at least KELIPATAN_MEDIAN × the median of its butir text."""
    return bool(median and ak and Decimal(ak) >= KELIPATAN_MEDIAN * median)


def _ringkas(teks: str, panjang: int = 48) -> str:
    """A credit row's text shortened to name it beside its number (the printed Informasi
    Jabatan numbers its unsur, not its rows, so a reader finds a row by its words)."""
    teks = " ".join((teks or "").split())
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"


def _q(nilai: Decimal, presisi: int) -> Decimal:
    return Decimal(nilai).quantize(Decimal(1).scaleb(-presisi), rounding=ROUND_HALF_UP)


def periksa_jabatan(
    baris, *, tugas, butir, median_ak, periode, ada_baris: bool | None = None
) -> list[Temuan]:
    """All findings for one position of the rekap (`baris` is an abk.rekap.BarisRekap).

    `tugas` and `butir` are the position's rows; the roll-up passes none for a position none
    of whose rows can be flagged (see TUGAS_PERLU_PERIKSA) and tells with `ada_baris` whether
    it has rows at all."""
    temuan: list[Temuan] = []
    if ada_baris is None:
        ada_baris = bool(tugas or butir)

    def catat(kategori, pesan, beda=None, **angka):
        temuan.append(
            Temuan(
                kategori, baris.jabatan.pk, baris.nomor, baris.jabatan.nama, pesan, beda, **angka
            )
        )

    we = periode.waktu_efektif_menit
    d = baris.deklarasi
    if d is not None:
        if d.kebutuhan is not None:
            p = d.presisi_kebutuhan
            hitung = _q(baris.kebutuhan, p)
            if hitung != _q(d.kebutuhan, p):
                catat(
                    SELISIH,
                    _(
                        "Kebutuhan pegawai tercetak %(tercetak)s, hasil hitung %(hitung)s "
                        "(selisih %(selisih)s)."
                    )
                    % {
                        "tercetak": angka(d.kebutuhan, p),
                        "hitung": angka(hitung, p),
                        "selisih": angka(hitung - d.kebutuhan, p),
                    },
                    hitung - d.kebutuhan,
                    angka=_("Kebutuhan pegawai"),
                    tercetak=d.kebutuhan,
                    hitung=hitung,
                    presisi=p,
                )
        if d.jumlah_pegawai is not None and d.jumlah_pegawai != baris.kebutuhan_dibulatkan:
            beda = baris.kebutuhan_dibulatkan - d.jumlah_pegawai
            catat(
                SELISIH,
                _(
                    "Jumlah pegawai tercetak %(tercetak)s orang, hasil hitung %(hitung)s orang "
                    "(selisih %(selisih)+d)."
                )
                % {
                    "tercetak": d.jumlah_pegawai,
                    "hitung": baris.kebutuhan_dibulatkan,
                    "selisih": beda,
                },
                Decimal(beda),
                angka=_("Jumlah pegawai (dibulatkan)"),
                tercetak=Decimal(d.jumlah_pegawai),
                hitung=Decimal(baris.kebutuhan_dibulatkan),
                presisi=0,
            )
        if d.beban_kerja_jam is not None and baris.fungsional:
            jam = _q(baris.beban_kerja_jam, 2)
            if jam != _q(d.beban_kerja_jam, 2):
                catat(
                    SELISIH,
                    _(
                        "Jumlah Wpv tercetak %(tercetak)s jam, hasil hitung %(hitung)s jam "
                        "(selisih %(selisih)s)."
                    )
                    % {
                        "tercetak": angka(d.beban_kerja_jam),
                        "hitung": angka(jam),
                        "selisih": angka(jam - d.beban_kerja_jam),
                    },
                    jam - d.beban_kerja_jam,
                    angka=_("Jumlah Wpv (jam)"),
                    tercetak=d.beban_kerja_jam,
                    hitung=jam,
                )
        if d.satuan_waktu.upper() == "JAM" and not baris.fungsional and ada_baris:
            catat(
                KEWAJARAN,
                _(
                    'Judul kolom waktu tercetak "(JAM)", tetapi angkanya menit: kebutuhan '
                    "tercetak hanya cocok bila dibagi %(menit)s menit. Waktu disimpan dalam "
                    "menit."
                )
                % {"menit": angka(we, 0)},
            )

    if not ada_baris:
        catat(KEWAJARAN, _("Belum ada uraian tugas atau butir kegiatan dengan beban kerja."))
    sudah: dict[tuple, int] = {}
    for i, (_urutan, uraian, volume, waktu, tercetak) in enumerate(tugas, start=1):
        sidik = (" ".join((uraian or "").lower().split()), volume, waktu)
        if sidik in sudah:
            catat(
                KEWAJARAN,
                _("Tugas %(i)d sama persis dengan tugas %(j)d.") % {"i": i, "j": sudah[sidik]},
            )
        sudah.setdefault(sidik, i)
        if not waktu:
            catat(KEWAJARAN, _("Tugas %(i)d belum mempunyai waktu penyelesaian.") % {"i": i})
        if not volume:
            catat(
                KEWAJARAN,
                _("Tugas %(i)d: volume (jumlah beban kerja 1 tahun) nol atau kosong.") % {"i": i},
            )
        if tercetak is not None and volume and waktu:
            hitung = _q(calc.kebutuhan_tugas(volume, waktu, we), 3)
            if hitung != _q(tercetak, 3):
                catat(
                    SELISIH,
                    _("Tugas %(i)d: kebutuhan tercetak %(tercetak)s, hasil hitung %(hitung)s.")
                    % {"i": i, "tercetak": angka(tercetak, 3), "hitung": angka(hitung, 3)},
                    hitung - tercetak,
                    angka=_("Tugas %(i)d: kebutuhan") % {"i": i},
                    tercetak=tercetak,
                    hitung=hitung,
                    presisi=3,
                    rincian=True,
                )
    for i, (_urutan, teks, ak, kt, volume, wpk_tercetak, wpv_tercetak) in enumerate(butir, start=1):
        if not kt:
            catat(KEWAJARAN, _("Butir %(i)d: konstanta nol, Wpk tidak dapat dihitung.") % {"i": i})
            continue
        if not volume:
            catat(KEWAJARAN, _("Butir %(i)d: volume kegiatan nol.") % {"i": i})
        median = median_ak.get(_kunci_butir(teks))
        if pencilan_angka_kredit(ak, median):
            catat(
                KEWAJARAN,
                _(
                    "Butir %(i)d: angka kredit %(ak)s sedikitnya %(kali)s× median butir yang "
                    "sama (%(median)s)."
                )
                % {
                    "i": i,
                    "ak": angka(ak, 2),
                    "kali": angka(KELIPATAN_MEDIAN, 0),
                    "median": angka(median, 2),
                },
            )
        wpk = calc.wpk(ak, kt)
        if wpk_tercetak is not None and _q(wpk, 2) != _q(wpk_tercetak, 2):
            catat(
                SELISIH,
                _("Butir %(i)d: Wpk tercetak %(tercetak)s, hasil hitung AK ÷ Kt %(hitung)s.")
                % {"i": i, "tercetak": angka(wpk_tercetak), "hitung": angka(wpk)},
                _q(wpk, 2) - wpk_tercetak,
                angka=_("Butir %(i)d (%(butir)s): Wpk (AK ÷ Kt)")
                % {"i": i, "butir": _ringkas(teks)},
                tercetak=wpk_tercetak,
                hitung=_q(wpk, 2),
                rincian=True,
            )
        elif wpv_tercetak is not None and _q(wpk * Decimal(volume), 2) != _q(wpv_tercetak, 2):
            catat(
                SELISIH,
                _("Butir %(i)d: Wpv tercetak %(tercetak)s, hasil hitung %(hitung)s.")
                % {"i": i, "tercetak": angka(wpv_tercetak), "hitung": angka(wpk * Decimal(volume))},
                _q(wpk * Decimal(volume), 2) - wpv_tercetak,
                angka=_("Butir %(i)d (%(butir)s): Wpv") % {"i": i, "butir": _ringkas(teks)},
                tercetak=wpv_tercetak,
                hitung=_q(wpk * Decimal(volume), 2),
                rincian=True,
            )
    return temuan
