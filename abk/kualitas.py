"""Data-quality checks of a period: where a document's printed figures disagree with the
computed ones, and inputs that are implausible. Every check reads stored inputs only."""

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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

    def __str__(self):
        return self.pesan


def _kunci_butir(teks: str) -> str:
    return " ".join((teks or "").lower().split())


def periksa_median_angka_kredit(butir: Iterable[tuple]) -> dict[str, Decimal]:
    """Median angka kredit of each butir text (rows: urutan, teks, ak, kt, v, wpk, wpv)."""
    nilai = defaultdict(list)
    for _, teks, ak, *_ in butir:
        if ak is not None:
            nilai[_kunci_butir(teks)].append(Decimal(ak))
    return {k: statistics.median(v) for k, v in nilai.items() if len(v) >= 3}


def _q(nilai: Decimal, presisi: int) -> Decimal:
    return Decimal(nilai).quantize(Decimal(1).scaleb(-presisi), rounding=ROUND_HALF_UP)


def periksa_jabatan(baris, *, tugas, butir, median_ak, periode) -> list[Temuan]:
    """All findings for one position of the rekap (`baris` is an abk.rekap.BarisRekap)."""
    temuan: list[Temuan] = []

    def catat(kategori, pesan, beda=None):
        temuan.append(
            Temuan(kategori, baris.jabatan.pk, baris.nomor, baris.jabatan.nama, pesan, beda)
        )

    d = baris.deklarasi
    if d is not None:
        if d.kebutuhan is not None:
            p = d.presisi_kebutuhan
            hitung = _q(baris.kebutuhan, p)
            if hitung != _q(d.kebutuhan, p):
                catat(
                    SELISIH,
                    f"Kebutuhan pegawai tercetak {angka(d.kebutuhan, p)}, hasil hitung "
                    f"{angka(hitung, p)} (selisih {angka(hitung - d.kebutuhan, p)}).",
                    hitung - d.kebutuhan,
                )
        if d.jumlah_pegawai is not None and d.jumlah_pegawai != baris.kebutuhan_dibulatkan:
            beda = baris.kebutuhan_dibulatkan - d.jumlah_pegawai
            catat(
                SELISIH,
                f"Jumlah pegawai tercetak {d.jumlah_pegawai} orang, hasil hitung "
                f"{baris.kebutuhan_dibulatkan} orang (selisih {beda:+d}).",
                Decimal(beda),
            )
        if d.beban_kerja_jam is not None and baris.fungsional:
            jam = _q(baris.beban_kerja_jam, 2)
            if jam != _q(d.beban_kerja_jam, 2):
                catat(
                    SELISIH,
                    f"Jumlah Wpv tercetak {angka(d.beban_kerja_jam)} jam, hasil hitung "
                    f"{angka(jam)} jam (selisih {angka(jam - d.beban_kerja_jam)}).",
                    jam - d.beban_kerja_jam,
                )
        if d.satuan_waktu.upper() == "JAM" and not baris.fungsional and tugas:
            catat(
                KEWAJARAN,
                'Judul kolom waktu tercetak "(JAM)", tetapi angkanya menit: kebutuhan '
                "tercetak hanya cocok bila dibagi 75.000 menit. Waktu disimpan dalam menit.",
            )

    we = periode.waktu_efektif_menit
    if not tugas and not butir:
        catat(KEWAJARAN, "Belum ada uraian tugas atau butir kegiatan dengan beban kerja.")
    sudah: dict[tuple, int] = {}
    for i, (_, uraian, volume, waktu, tercetak) in enumerate(tugas, start=1):
        sidik = (" ".join((uraian or "").lower().split()), volume, waktu)
        if sidik in sudah:
            catat(KEWAJARAN, f"Tugas {i} sama persis dengan tugas {sudah[sidik]}.")
        sudah.setdefault(sidik, i)
        if not waktu:
            catat(KEWAJARAN, f"Tugas {i} belum mempunyai waktu penyelesaian.")
        if not volume:
            catat(KEWAJARAN, f"Tugas {i}: volume (jumlah beban kerja 1 tahun) nol atau kosong.")
        if tercetak is not None and volume and waktu:
            hitung = _q(calc.kebutuhan_tugas(volume, waktu, we), 3)
            if hitung != _q(tercetak, 3):
                catat(
                    SELISIH,
                    f"Tugas {i}: kebutuhan tercetak {angka(tercetak, 3)}, hasil hitung "
                    f"{angka(hitung, 3)}.",
                    hitung - tercetak,
                )
    for i, (_, teks, ak, kt, volume, wpk_tercetak, wpv_tercetak) in enumerate(butir, start=1):
        if not kt:
            catat(KEWAJARAN, f"Butir {i}: konstanta nol, Wpk tidak dapat dihitung.")
            continue
        if not volume:
            catat(KEWAJARAN, f"Butir {i}: volume kegiatan nol.")
        median = median_ak.get(_kunci_butir(teks))
        if median and ak and Decimal(ak) >= KELIPATAN_MEDIAN * median:
            catat(
                KEWAJARAN,
                f"Butir {i}: angka kredit {angka(ak, 2)} sedikitnya 10× median butir yang sama "
                f"({angka(median, 2)}).",
            )
        wpk = calc.wpk(ak, kt)
        if wpk_tercetak is not None and _q(wpk, 2) != _q(wpk_tercetak, 2):
            catat(
                SELISIH,
                f"Butir {i}: Wpk tercetak {angka(wpk_tercetak)}, hasil hitung AK ÷ Kt "
                f"{angka(wpk)}.",
                _q(wpk, 2) - wpk_tercetak,
            )
        elif wpv_tercetak is not None and _q(wpk * Decimal(volume), 2) != _q(wpv_tercetak, 2):
            catat(
                SELISIH,
                f"Butir {i}: Wpv tercetak {angka(wpv_tercetak)}, hasil hitung "
                f"{angka(wpk * Decimal(volume))}.",
            )
    return temuan
