"""The rekap of a period: every position's workload, need, bezetting, ± and EJ, with unit
roll-ups and the data-quality flags, computed in one pass over a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from abk.kualitas import Temuan, periksa_jabatan, periksa_median_angka_kredit
from abk.models import DeklarasiJabatan
from anjab import calculations as calc
from anjab.models import (
    ButirKegiatan,
    EvaluasiJabatan,
    Jabatan,
    Penempatan,
    PeriodeAnalisis,
    TugasJabatan,
)
from anjab.selectors import Struktur, beban_jabatan, daftar_informasi_jabatan, subtree_ids
from organisasi.models import Pegawai, UnitOrganisasi


@dataclass
class BarisRekap:
    nomor: str
    depth: int
    jabatan: Jabatan
    unit: UnitOrganisasi
    fungsional: bool
    beban_kerja_menit: Decimal
    kebutuhan: Decimal
    kebutuhan_dibulatkan: int
    bezetting: int
    bezetting_rincian: dict
    bezetting_sumber: str
    selisih: int
    ej: Decimal | None
    predikat: str
    deklarasi: DeklarasiJabatan | None
    kelas: int | None = None
    temuan: list[Temuan] = field(default_factory=list)

    @property
    def beban_kerja_jam(self) -> Decimal:
        return self.beban_kerja_menit / calc.MENIT_PER_JAM


@dataclass
class RekapUnit:
    unit: UnitOrganisasi
    depth: int
    sendiri: dict
    subtree: dict
    eu: Decimal | None
    predikat: str


@dataclass
class Rekap:
    periode: PeriodeAnalisis
    unit: UnitOrganisasi | None
    baris: list[BarisRekap]
    units: list[RekapUnit]
    total: dict
    eu: Decimal | None
    predikat: str
    temuan: list[Temuan]

    @property
    def beban_kerja_jam(self) -> Decimal:
        return self.total["beban_kerja_menit"] / calc.MENIT_PER_JAM

    @property
    def kebutuhan_tercetak_dibulatkan(self) -> int | None:
        """Σ of the JUMLAH PEGAWAI the documents printed, when every position has one."""
        nilai = [b.deklarasi.jumlah_pegawai for b in self.baris if b.deklarasi]
        if not nilai or any(v is None for v in nilai) or len(nilai) != len(self.baris):
            return None
        return sum(nilai)


def hitung_rekap(periode: PeriodeAnalisis, unit: UnitOrganisasi | None = None) -> Rekap:
    """The rekap of `unit`'s subtree (or of every unit of the instansi) in `periode`.

    The caller has scoped `unit` to the user (organisasi.selectors.get_unit_for_user).
    """
    struktur = Struktur(periode.instansi_id, unit_id=unit.pk if unit is not None else None)
    akar = [unit.pk] if unit is not None else _akar(struktur)
    daftar: list[tuple[str, int, Jabatan]] = []
    unit_ids: set[int] = set()
    for uid in akar:
        unit_ids |= subtree_ids(struktur, uid)
        daftar.extend(daftar_informasi_jabatan(struktur, uid))

    dalam_lingkup = {"periode": periode, "jabatan__unit_id__in": unit_ids}
    tugas = defaultdict(list)
    for row in TugasJabatan.objects.filter(**dalam_lingkup).values_list(
        "jabatan_id", "urutan", "uraian", "volume", "waktu", "kebutuhan_tercetak"
    ):
        tugas[row[0]].append(row[1:])
    butir = defaultdict(list)
    kolom_butir = ["jabatan_id", "urutan", "butir_kegiatan", "angka_kredit", "konstanta",
                   "volume", "wpk_tercetak", "wpv_tercetak"]  # fmt: skip
    for row in ButirKegiatan.objects.filter(**dalam_lingkup).values_list(*kolom_butir):
        butir[row[0]].append(row[1:])
    pemangku = defaultdict(dict)
    urutan_status = {s: i for i, s in enumerate(Pegawai.Status.values)}
    hitungan = (
        Penempatan.objects.filter(jabatan__unit_id__in=unit_ids)
        .values_list("jabatan_id", "pegawai__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # Printed as "PNS 1 · PPPK 1": in the order of the status choices, whatever the database.
    for jabatan_id, status, n in sorted(
        hitungan, key=lambda r: (r[0], urutan_status.get(r[1], 99))
    ):
        pemangku[jabatan_id][status] = n
    deklarasi = {
        d.jabatan_id: d
        for d in DeklarasiJabatan.objects.filter(periode=periode, jabatan__unit_id__in=unit_ids)
    }
    median = periksa_median_angka_kredit(b for rows in butir.values() for b in rows)
    kelas_evaluasi = dict(
        EvaluasiJabatan.objects.filter(jabatan__unit_id__in=unit_ids).values_list(
            "jabatan_id", "kelas"
        )
    )

    we_menit = periode.waktu_efektif_menit
    pita = periode.pita()
    baris: list[BarisRekap] = []
    for nomor, depth, j in daftar:
        hasil = beban_jabatan(
            jenis=j.jenis,
            tugas=((v, w) for _, _, v, w, _ in tugas[j.pk]),
            butir=((ak, kt, v) for _, _, ak, kt, v, _, _ in butir[j.pk]),
            periode=periode,
        )
        fungsional = hasil.metode == calc.METODE_BUTIR
        beban, kebutuhan, dibulatkan = hasil.beban_kerja_menit, hasil.kebutuhan, hasil.dibulatkan
        rincian = pemangku.get(j.pk, {})
        if rincian:
            bezetting, sumber = sum(rincian.values()), "pegawai"
        elif j.bezetting_diisi is not None:
            bezetting, sumber = j.bezetting_diisi, "diisi"
        else:
            bezetting, sumber = 0, ""
        ej = calc.efektivitas_jabatan(beban, bezetting, we_menit)
        b = BarisRekap(
            nomor=nomor,
            depth=depth,
            jabatan=j,
            unit=struktur.units[j.unit_id],
            fungsional=fungsional,
            beban_kerja_menit=beban,
            kebutuhan=kebutuhan,
            kebutuhan_dibulatkan=dibulatkan,
            bezetting=bezetting,
            bezetting_rincian=rincian,
            bezetting_sumber=sumber,
            selisih=calc.selisih(bezetting, dibulatkan),
            ej=ej,
            predikat=calc.predikat_efektivitas(ej, pita),
            deklarasi=deklarasi.get(j.pk),
            kelas=j.kelas_jabatan or kelas_evaluasi.get(j.pk),
        )
        b.temuan = periksa_jabatan(
            b, tugas=tugas[j.pk], butir=butir[j.pk], median_ak=median, periode=periode
        )
        baris.append(b)

    units = _rekap_units(struktur, akar, baris, we_menit, pita)
    total = _ringkas(baris)
    eu = calc.efektivitas_jabatan(total["beban_kerja_menit"], total["bezetting"], we_menit)
    return Rekap(
        periode=periode,
        unit=unit,
        baris=baris,
        units=units,
        total=total,
        eu=eu,
        predikat=calc.predikat_efektivitas(eu, pita),
        temuan=[t for b in baris for t in b.temuan],
    )


def _akar(struktur: Struktur) -> list[int]:
    roots = [u for u in struktur.units.values() if u.parent_id is None]
    return [u.pk for u in sorted(roots, key=lambda u: (u.urutan, u.nama))]


def _ringkas(baris) -> dict:
    """The sums of a group of rows (calc.rekap_kelompok)."""
    return calc.rekap_kelompok(
        (b.beban_kerja_menit, b.kebutuhan, b.kebutuhan_dibulatkan, b.bezetting) for b in baris
    )


def _rekap_units(struktur, akar, baris, we_menit, pita) -> list[RekapUnit]:
    per_unit = defaultdict(list)
    for b in baris:
        per_unit[b.unit.pk].append(b)
    anak = defaultdict(list)
    for u in struktur.units.values():
        anak[u.parent_id].append(u)
    for daftar in anak.values():
        daftar.sort(key=lambda u: (u.urutan, u.nama))
    hasil: list[RekapUnit] = []

    def kunjungi(u: UnitOrganisasi, depth: int) -> list[BarisRekap]:
        posisi = len(hasil)
        hasil.append(None)  # placeholder keeps tree order (parent before children)
        semua = list(per_unit[u.pk])
        for c in anak[u.pk]:
            semua.extend(kunjungi(c, depth + 1))

        subtree = _ringkas(semua)
        eu = calc.efektivitas_jabatan(subtree["beban_kerja_menit"], subtree["bezetting"], we_menit)
        hasil[posisi] = RekapUnit(
            unit=u,
            depth=depth,
            sendiri=_ringkas(per_unit[u.pk]),
            subtree=subtree,
            eu=eu,
            predikat=calc.predikat_efektivitas(eu, pita),
        )
        return semua

    for uid in akar:
        kunjungi(struktur.units[uid], 0)
    return hasil
