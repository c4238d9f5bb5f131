"""Laporan Hasil Penghitungan Ulang: for one unit and period, every position whose printed
figures disagree with the computed ones — the printed value, the computed value, the
difference, and the rows that cause it — for a Bagian Organisasi to attach to a revised decree.

The figures are the rekap's (abk.rekap.hitung_rekap and its checks in abk.kualitas): this
module only gathers them per position and adds what the printed document itself says about
its sums (the total of its own printed rows), so a reader sees whether the rows or the sum
were wrong."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from abk.kualitas import SELISIH, Temuan
from abk.rekap import hitung_rekap
from anjab.models import ButirKegiatan, TugasJabatan


@dataclass
class JabatanKoreksi:
    nomor: str
    nama: str
    unit: str
    fungsional: bool
    jumlah: list[Temuan]  # the position's own figures that disagree
    penyebab: list[Temuan]  # its rows that disagree
    catatan: list[str] = field(default_factory=list)
    sumber: str = ""


@dataclass
class LaporanKoreksi:
    periode: object
    unit: object
    jabatan: list[JabatanKoreksi]
    jumlah_jabatan: int
    jumlah_tercetak: int | None  # Σ JUMLAH PEGAWAI printed, when every position printed one
    jumlah_hitung: int  # Σ computed need, rounded per position
    sumber: list[str]

    @property
    def selisih(self) -> int | None:
        if self.jumlah_tercetak is None:
            return None
        return self.jumlah_hitung - self.jumlah_tercetak


def laporan_koreksi(periode, unit) -> LaporanKoreksi:
    """The report of `unit`'s subtree in `periode` (the caller has scoped `unit`)."""
    rekap = hitung_rekap(periode, unit)
    per_jabatan = [(b, [t for t in b.temuan if t.kategori == SELISIH]) for b in rekap.baris]
    per_jabatan = [(b, ts) for b, ts in per_jabatan if ts]
    ids = [b.jabatan.pk for b, _ts in per_jabatan]
    tugas_tercetak = dict(
        TugasJabatan.objects.filter(
            periode=periode, jabatan_id__in=ids, kebutuhan_tercetak__isnull=False
        )
        .values_list("jabatan_id")
        .annotate(s=Sum("kebutuhan_tercetak"))
        .order_by()
    )
    wpv_tercetak = dict(
        ButirKegiatan.objects.filter(
            periode=periode, jabatan_id__in=ids, wpv_tercetak__isnull=False
        )
        .values_list("jabatan_id")
        .annotate(s=Sum("wpv_tercetak"))
        .order_by()
    )
    hasil = []
    for b, temuan in per_jabatan:
        j = JabatanKoreksi(
            nomor=b.nomor,
            nama=b.jabatan.nama,
            unit=b.unit.nama,
            fungsional=b.fungsional,
            jumlah=[t for t in temuan if not t.rincian],
            penyebab=[t for t in temuan if t.rincian],
            sumber=b.deklarasi.sumber if b.deklarasi else "",
        )
        j.catatan = _catatan(b, j, tugas_tercetak.get(b.jabatan.pk), wpv_tercetak.get(b.jabatan.pk))
        hasil.append(j)
    sumber = sorted({b.deklarasi.sumber for b in rekap.baris if b.deklarasi and b.deklarasi.sumber})
    return LaporanKoreksi(
        periode=periode,
        unit=unit,
        jabatan=hasil,
        jumlah_jabatan=len(rekap.baris),
        jumlah_tercetak=rekap.kebutuhan_tercetak_dibulatkan,
        jumlah_hitung=rekap.total["kebutuhan_dibulatkan"],
        sumber=sumber,
    )


def _catatan(baris, j: JabatanKoreksi, jumlah_tugas, jumlah_wpv) -> list[str]:
    """What the printed document says about its own sum: whether its rows add up to its
    printed total (a wrong sum) or not (a wrong row, a row left out)."""
    from organisasi.formatting import angka

    catatan = []
    for t in j.jumlah:
        if t.tercetak is None:
            continue
        rincian = None
        if t.angka == _("Kebutuhan pegawai") and jumlah_tugas is not None:
            rincian, presisi = Decimal(jumlah_tugas), t.presisi
        elif t.angka == _("Jumlah Wpv (jam)") and jumlah_wpv is not None:
            rincian, presisi = Decimal(jumlah_wpv), 2
        if rincian is None:
            continue
        if rincian.quantize(Decimal(1).scaleb(-presisi)) != t.tercetak.quantize(
            Decimal(1).scaleb(-presisi)
        ):
            catatan.append(
                _(
                    "Rincian yang tercetak berjumlah %(rincian)s, bukan %(tercetak)s: "
                    "jumlahnya salah dijumlahkan."
                )
                % {"rincian": angka(rincian, presisi), "tercetak": angka(t.tercetak, presisi)}
            )
        elif not j.penyebab:
            catatan.append(
                _("Jumlah tercetak sama dengan jumlah rinciannya; selisihnya dari pembulatan.")
            )
    if not j.jumlah and j.penyebab:
        catatan.append(_("Jumlah tercetak benar; hanya rincian di bawah yang keliru."))
    return catatan
