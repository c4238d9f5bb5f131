"""The rekap of a period: every position's workload, need, bezetting, ± and EJ, with unit
roll-ups and the data-quality flags, computed in one pass over a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from abk import rekap_muat
from abk.kualitas import Temuan, periksa_jabatan
from abk.models import DeklarasiJabatan
from anjab import calculations as calc
from anjab.models import EvaluasiJabatan, Jabatan, Penempatan, PeriodeAnalisis
from anjab.selectors import (
    Struktur,
    beban_jabatan_dari_jumlah,
    daftar_informasi_jabatan,
    subtree_ids,
)
from organisasi.models import Pegawai, UnitOrganisasi
from organisasi.selectors import unit_subtree


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


def hitung_rekap(
    periode: PeriodeAnalisis, unit: UnitOrganisasi | None = None, *, periksa: bool = True
) -> Rekap:
    """The rekap of `unit`'s subtree (or of every unit of the instansi) in `periode`.

    The caller has scoped `unit` to the user (organisasi.selectors.get_unit_for_user).
    With `periksa=False` (the peta jabatan: figures only) the data-quality checks are not run
    and only the sums are read (rekap_muat.muat_jumlah), not the rows: `temuan` is empty,
    every figure the same.
    """
    struktur = Struktur(periode.instansi_id, unit_id=unit.pk if unit is not None else None)
    akar = [unit.pk] if unit is not None else _akar(struktur.units)
    daftar: list[tuple[str, int, Jabatan]] = []
    unit_ids: set[int] = set()
    for uid in akar:
        unit_ids |= subtree_ids(struktur, uid)
        daftar.extend(daftar_informasi_jabatan(struktur, uid))

    seluruh = unit is None
    if periksa:
        dibaca = rekap_muat.muat(periode, None if seluruh else unit_ids)
    else:
        dibaca = rekap_muat.BarisPeriode(
            rekap_muat.muat_jumlah(periode, None if seluruh else unit_ids), {}, {}, {}
        )
    pemangku = _pemangku(periode, None if seluruh else unit_ids)
    deklarasi = {
        d.jabatan_id: d
        for d in DeklarasiJabatan.objects.filter(periode=periode, jabatan__unit_id__in=unit_ids)
    }
    kelas_evaluasi = dict(
        EvaluasiJabatan.objects.filter(jabatan__unit_id__in=unit_ids).values_list(
            "jabatan_id", "kelas"
        )
    )

    we_menit = periode.waktu_efektif_menit
    pita = periode.pita()
    kosong = rekap_muat.JumlahJabatan()
    baris: list[BarisRekap] = []
    for nomor, depth, j in daftar:
        jumlah = dibaca.jumlah.get(j.pk) or kosong
        hasil = _beban(j.jenis, jumlah, periode)
        fungsional = hasil.metode == calc.METODE_BUTIR
        beban, kebutuhan, dibulatkan = hasil.beban_kerja_menit, hasil.kebutuhan, hasil.dibulatkan
        rincian = pemangku.get(j.pk, {})
        bezetting, sumber = _bezetting(rincian, j.bezetting_diisi)
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
        if periksa:
            b.temuan = periksa_jabatan(
                b,
                tugas=dibaca.tugas.get(j.pk, ()),
                butir=dibaca.butir.get(j.pk, ()),
                median_ak=dibaca.median_ak,
                periode=periode,
                ada_baris=bool(jumlah.n_tugas or jumlah.n_butir),
            )
        baris.append(b)

    # Summed per unit in the order of the positions' ids, the units up the tree, as
    # hitung_ringkasan does: Decimal sums of the unrounded needs then agree to the last digit.
    per_unit = defaultdict(list)
    for b in sorted(baris, key=lambda b: b.jabatan.pk):
        per_unit[b.unit.pk].append(b)
    sendiri = {uid: _ringkas(rows) for uid, rows in per_unit.items()}
    units = _rekap_units(struktur.units, akar, sendiri, we_menit, pita)
    total = calc.gabung_rekap(ru.subtree for ru in units if ru.depth == 0)
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


def _beban(jenis: str, jumlah: rekap_muat.JumlahJabatan, periode) -> calc.BebanJabatan:
    return beban_jabatan_dari_jumlah(
        jenis=jenis,
        n_tugas=jumlah.n_tugas,
        menit=jumlah.menit,
        n_butir=jumlah.n_butir,
        jam=jumlah.jam,
        periode=periode,
    )


def _bezetting(rincian: dict, diisi: int | None) -> tuple[int, str]:
    """Who holds the position: the employees placed in it, else the number typed in."""
    if rincian:
        return sum(rincian.values()), "pegawai"
    if diisi is not None:
        return diisi, "diisi"
    return 0, ""


def _penempatan(periode, unit_ids):
    if unit_ids is None:
        return Penempatan.objects.filter(jabatan__instansi_id=periode.instansi_id)
    return Penempatan.objects.filter(jabatan__unit_id__in=unit_ids)


def _pemangku(periode, unit_ids) -> dict[int, dict]:
    """Employees per position and status (None: every unit of the period's instansi)."""
    pemangku = defaultdict(dict)
    urutan_status = {s: i for i, s in enumerate(Pegawai.Status.values)}
    penempatan = _penempatan(periode, unit_ids)
    hitungan = (
        penempatan.values_list("jabatan_id", "pegawai__status").annotate(n=Count("pk")).order_by()
    )
    # Printed as "PNS 1 · PPPK 1": in the order of the status choices, whatever the database.
    for jabatan_id, status, n in sorted(
        hitungan, key=lambda r: (r[0], urutan_status.get(r[1], 99))
    ):
        pemangku[jabatan_id][status] = n
    return pemangku


def _akar(units: dict) -> list[int]:
    roots = [u for u in units.values() if u.parent_id is None]
    return [u.pk for u in sorted(roots, key=lambda u: (u.urutan, u.nama))]


def _ringkas(baris) -> dict:
    """The sums of a group of rows (calc.rekap_kelompok)."""
    return calc.rekap_kelompok(
        (b.beban_kerja_menit, b.kebutuhan, b.kebutuhan_dibulatkan, b.bezetting) for b in baris
    )


def _rekap_units(units: dict, akar, sendiri: dict, we_menit, pita) -> list[RekapUnit]:
    """Each unit's own totals (`sendiri`, by unit id) and its subtree's, in tree order from
    the units `akar`."""
    anak = defaultdict(list)
    for u in units.values():
        anak[u.parent_id].append(u)
    for daftar in anak.values():
        daftar.sort(key=lambda u: (u.urutan, u.nama))
    hasil: list[RekapUnit] = []
    nol = calc.rekap_kelompok(())

    def kunjungi(u: UnitOrganisasi, depth: int) -> dict:
        posisi = len(hasil)
        hasil.append(None)  # placeholder keeps tree order (parent before children)
        milik = sendiri.get(u.pk, nol)
        # Each position is summed once: a subtree is its unit's own totals and its sub-units'.
        subtree = calc.gabung_rekap([milik, *(kunjungi(c, depth + 1) for c in anak[u.pk])])
        eu = calc.efektivitas_jabatan(subtree["beban_kerja_menit"], subtree["bezetting"], we_menit)
        hasil[posisi] = RekapUnit(
            unit=u,
            depth=depth,
            sendiri=milik,
            subtree=subtree,
            eu=eu,
            predikat=calc.predikat_efektivitas(eu, pita),
        )
        return subtree

    for uid in akar:
        kunjungi(units[uid], 0)
    return hasil


@dataclass
class Ringkasan:
    """The roll-up alone: every unit's and the whole scope's totals, as hitung_rekap gives
    them, without the rows per position and their checks (a summary page, the beranda)."""

    periode: PeriodeAnalisis
    unit: UnitOrganisasi | None
    units: list[RekapUnit]
    total: dict
    eu: Decimal | None
    predikat: str


def hitung_ringkasan(periode: PeriodeAnalisis, unit: UnitOrganisasi | None = None) -> Ringkasan:
    """hitung_rekap's unit totals for `unit`'s subtree (or the whole instansi) in a fixed
    number of queries whatever the size: the sums per position come from the database
    (abk.rekap_muat.muat_jumlah); each position's need is still computed and rounded on its
    own by the same calculations, then added up."""
    semua_unit = UnitOrganisasi.objects.filter(instansi_id=periode.instansi_id)
    jabatan = Jabatan.objects.filter(instansi_id=periode.instansi_id)
    if unit is None:
        units = {u.pk: u for u in semua_unit.only("pk", "parent_id", "nama", "urutan")}
        akar, unit_ids = _akar(units), None
    else:
        units = {
            u.pk: u
            for u in unit_subtree(periode.instansi_id, unit.pk).only(
                "pk", "parent_id", "nama", "urutan"
            )
        }
        akar, unit_ids = [unit.pk], list(units)
        jabatan = jabatan.filter(unit_id__in=unit_ids)
    jumlah = rekap_muat.muat_jumlah(periode, unit_ids)
    # How many hold each position; the roll-up needs no breakdown by status.
    pemangku = dict(
        _penempatan(periode, unit_ids).values_list("jabatan_id").annotate(n=Count("pk")).order_by()
    )
    kosong = rekap_muat.JumlahJabatan()
    per_unit = defaultdict(list)
    for pk, unit_id, jenis, diisi in jabatan.values_list(
        "pk", "unit_id", "jenis", "bezetting_diisi"
    ).order_by("pk"):
        hasil = _beban(jenis, jumlah.get(pk) or kosong, periode)
        bezetting = pemangku.get(pk) or diisi or 0
        per_unit[unit_id].append(
            (hasil.beban_kerja_menit, hasil.kebutuhan, hasil.dibulatkan, bezetting)
        )
    sendiri = {uid: calc.rekap_kelompok(rows) for uid, rows in per_unit.items()}
    we_menit, pita = periode.waktu_efektif_menit, periode.pita()
    hasil_units = _rekap_units(units, akar, sendiri, we_menit, pita)
    total = calc.gabung_rekap(ru.subtree for ru in hasil_units if ru.depth == 0)
    eu = calc.efektivitas_jabatan(total["beban_kerja_menit"], total["bezetting"], we_menit)
    return Ringkasan(
        periode=periode,
        unit=unit,
        units=hasil_units,
        total=total,
        eu=eu,
        predikat=calc.predikat_efektivitas(eu, pita),
    )
