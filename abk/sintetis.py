"""A synthetic Pemda to measure speed on (issue 12): perangkat daerah with their sub-units,
positions named from the national catalogues, one period with tasks and credit rows, and
employees with valid NIPs placed in those positions.

Everything is drawn from one random.Random(seed) in a fixed order, so the same arguments (in
the same year) give the same names, numbers and NIPs. Every write is a bulk insert inside one
transaction: no per-row save(), no validation per row and no history records."""

import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from abk.sintetis_pegawai import buat_pegawai
from anjab.models import (
    ButirKegiatan,
    Jabatan,
    JabatanFungsionalRef,
    JabatanPelaksanaRef,
    Penempatan,
    PeriodeAnalisis,
    TugasJabatan,
)
from organisasi.models import Instansi, PangkatGolongan, Pegawai, UnitOrganisasi
from organisasi.reference import baca_fixture

BATCH = 2000
# Written into Instansi.alamat: --replace deletes only an instansi that carries it.
TANDA = "Data sintetis untuk pengukuran kecepatan (manage.py generate_synthetic)."


def _daftar(teks: str, pemisah: str = ";") -> list[str]:
    return [s.strip() for s in teks.split(pemisah)]


# Names of units, tasks, credit rows and people: fixtures/sintetis.json.
_KATA = baca_fixture("sintetis.json")
OPD, BIDANG, SUB_BAGIAN, SEKSI = (_KATA[k] for k in ("opd", "bidang", "sub_bagian", "seksi"))
KATA_PIMPINAN, KATA_KERJA, OBJEK, SATUAN = (
    _KATA[k] for k in ("kata_pimpinan", "kata_kerja", "objek", "satuan")
)
UNSUR = [(u, list(sub)) for u, sub in _KATA["unsur"]]
KATA_BUTIR, OBJEK_BUTIR, SATUAN_BUTIR = (
    _KATA[k] for k in ("kata_butir", "objek_butir", "satuan_butir")
)
WAKTU_MENIT = [10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 480]
ANGKA_KREDIT = _daftar("0.003 0.006 0.01 0.015 0.02 0.03 0.05 0.08 0.1 0.12 0.18 0.25 0.36", " ")
KONSTANTA = [("0.020", 6), ("0.025", 2), ("0.030", 1)]  # (Kt, weight)
ROMAWI = ["I", "II", "III", "IV"]

# Jenjang label → (weight among a JF's jenjang, kelas jabatan).
JENJANG = {"Ahli Pertama": (40, 8), "Ahli Muda": (35, 9), "Ahli Madya": (20, 11)}
JENJANG |= {"Ahli Utama": (2, 13), "Pemula": (15, 5), "Terampil": (40, 6)}
JENJANG |= {"Mahir": (30, 7), "Penyelia": (15, 8)}


class Ditolak(Exception):
    """Why nothing was generated; the message is for the user, in Indonesian."""


@dataclass(frozen=True)
class Ukuran:
    opd: int = 40
    subunit: int = 8
    jabatan: int = 12000
    tugas_per_jabatan: int = 10
    porsi_fungsional: float = 0.15
    pegawai: int = 15000
    seed: int = 1

    @property
    def jumlah_unit(self) -> int:
        return self.opd * (1 + self.subunit)

    def periksa(self) -> None:
        if self.opd < 1:
            raise Ditolak("--opd paling sedikit 1.")
        if self.subunit < 0:
            raise Ditolak("--subunits tidak boleh negatif.")
        if self.tugas_per_jabatan < 1:
            raise Ditolak("--tasks-per-position paling sedikit 1.")
        if not 0 <= self.porsi_fungsional <= 1:
            raise Ditolak("--functional-share antara 0 dan 1, misalnya 0.15.")
        if self.pegawai < 0:
            raise Ditolak("--pegawai tidak boleh negatif.")
        if self.jabatan < self.jumlah_unit:
            raise Ditolak(
                f"--positions ({self.jabatan}) paling sedikit sama dengan jumlah unit "
                f"({self.jumlah_unit}): setiap unit mendapat satu jabatan pimpinan."
            )


@dataclass(frozen=True)
class _Posisi:
    """What the tasks, credit rows and employees need of a created position."""

    pk: int
    unit_id: int
    jenis: str
    kepala: bool
    profil: str  # the education/rank profile of its holders (GOLONGAN_PNS keys)


def _nama_ke(daftar: list[str], i: int) -> str:
    """The i-th name of `daftar`, numbered from the second round on so names stay unique."""
    putaran, sisa = divmod(i, len(daftar))
    return daftar[sisa] if putaran == 0 else f"{daftar[sisa]} {putaran + 1}"


def _sisipkan(model, objs) -> int:
    """Bulk-inserts an iterable in chunks, so a large table is never held whole in memory."""
    objs, n = iter(objs), 0
    while chunk := list(islice(objs, BATCH)):
        model.objects.bulk_create(chunk, batch_size=BATCH)
        n += len(chunk)
    return n


def _hapus_tanpa_riwayat(qs) -> int:
    # A raw DELETE, bypassing delete signals: simple-history would otherwise write a "-"
    # record for every deleted row. Anything else still pointing at these rows fails the
    # foreign-key check and rolls the whole transaction back.
    return qs._raw_delete(qs.db)


def _hapus_data_sintetis(instansi: Instansi) -> int:
    return sum(
        _hapus_tanpa_riwayat(qs)
        for qs in (
            Penempatan.objects.filter(pegawai__instansi=instansi),
            Penempatan.objects.filter(jabatan__instansi=instansi),
            TugasJabatan.objects.filter(jabatan__instansi=instansi),
            ButirKegiatan.objects.filter(jabatan__instansi=instansi),
            Jabatan.objects.filter(instansi=instansi),
            Pegawai.objects.filter(instansi=instansi),
            PeriodeAnalisis.objects.filter(instansi=instansi),
            UnitOrganisasi.objects.filter(instansi=instansi),
        )
    )


def _instansi(nama: str, ganti: bool) -> tuple[Instansi, int]:
    ada = Instansi.objects.filter(nama=nama).first()
    if ada is not None:
        if not ganti:
            raise Ditolak(
                f"Instansi “{nama}” sudah ada; tidak ada yang dibuat. Pakai --replace untuk "
                "menghapus data sintetisnya dan membuatnya ulang."
            )
        if ada.alamat != TANDA:
            raise Ditolak(
                f"Instansi “{nama}” bukan buatan generate_synthetic; --replace hanya menghapus "
                "data sintetis."
            )
        return ada, _hapus_data_sintetis(ada)
    daerah = nama.removeprefix("Pemerintah ").removeprefix("Kabupaten ").strip() or nama
    (instansi,) = Instansi.objects.bulk_create(
        [
            Instansi(
                nama=nama,
                jenis=Instansi.Jenis.KABUPATEN,
                nama_daerah=daerah,
                jabatan_kepala="Bupati",
                ibu_kota=daerah,
                alamat=TANDA,
            )
        ]
    )
    return instansi, 0


def _unit(instansi, parent, nama: str, jenis: str, eselon: str, urutan: int, kepala=""):
    return UnitOrganisasi(
        instansi=instansi,
        parent=parent,
        nama=nama,
        jenis=jenis,
        eselon=eselon,
        urutan=urutan,
        jabatan_kepala=kepala or f"Kepala {nama}",
    )


def _buat_unit(instansi: Instansi, ukuran: Ukuran, rng: random.Random) -> list[UnitOrganisasi]:
    """Roots first, then each level with its parents' ids: a Sekretariat and Bidang below every
    perangkat daerah, Sub Bagian and Seksi below those, `subunit` sub-units per root."""
    U = UnitOrganisasi
    akar = U.objects.bulk_create(
        [
            _unit(instansi, None, _nama_ke(OPD, i), U.Jenis.PERANGKAT_DAERAH, U.Eselon.II_B, i + 1)
            for i in range(ukuran.opd)
        ],
        batch_size=BATCH,
    )
    n2 = (ukuran.subunit + 1) // 2
    n3 = ukuran.subunit - n2
    level2 = []
    for pd in akar if n2 else []:
        bidang = rng.sample(BIDANG, len(BIDANG))
        level2.append(
            _unit(instansi, pd, "Sekretariat", U.Jenis.SEKRETARIAT, U.Eselon.III_A, 1, "Sekretaris")
        )
        level2 += [
            _unit(
                instansi, pd, f"Bidang {_nama_ke(bidang, i)}", U.Jenis.BIDANG, U.Eselon.III_B, i + 2
            )
            for i in range(n2 - 1)
        ]
    level2 = U.objects.bulk_create(level2, batch_size=BATCH)
    level3 = []
    for k in range(ukuran.opd):
        induk = level2[k * n2 : (k + 1) * n2]
        for i in range(n3):
            parent, ke = induk[i % n2], i // n2
            if parent.jenis == U.Jenis.SEKRETARIAT:
                nama, jenis = f"Sub Bagian {_nama_ke(SUB_BAGIAN, ke)}", U.Jenis.SUBBAGIAN
            else:
                nama, jenis = f"Seksi {_nama_ke(SEKSI, ke)}", U.Jenis.SEKSI
            level3.append(_unit(instansi, parent, nama, jenis, U.Eselon.IV_A, ke + 1))
    level3 = U.objects.bulk_create(level3, batch_size=BATCH)
    return [*akar, *level2, *level3]


def _katalog() -> tuple[list, list, dict]:
    pelaksana = list(JabatanPelaksanaRef.objects.filter(instansi=None).order_by("nama", "pk"))
    fungsional = [
        f
        for f in JabatanFungsionalRef.objects.filter(instansi=None).order_by("nama", "pk")
        if f.jenjang
    ]
    if not pelaksana or not fungsional:
        raise Ditolak(
            "Katalog jabatan pelaksana/fungsional nasional kosong; jalankan migrate lebih dulu."
        )
    golongan = {(g.jenis_asn, g.kode): g for g in PangkatGolongan.objects.all()}
    if not golongan:
        raise Ditolak("Daftar pangkat/golongan kosong; jalankan migrate lebih dulu.")
    return pelaksana, fungsional, golongan


def _profil_pelaksana(ref: JabatanPelaksanaRef) -> str:
    pendidikan = ref.pendidikan_minimal.upper()
    if pendidikan.startswith("S-1") or "D-IV" in pendidikan:
        return "S-1"
    return "D-III" if "D-III" in pendidikan else "SLTA"


def _buat_jabatan(
    instansi: Instansi,
    units: list[UnitOrganisasi],
    ukuran: Ukuran,
    rng: random.Random,
    katalog: tuple,
) -> list[_Posisi]:
    """One head per unit, the rest pelaksana or fungsional spread over the units."""
    pelaksana, fungsional, _ = katalog
    J = Jabatan
    jenjang_nilai = {label: nilai for nilai, label in J.Jenjang.choices}
    sisa = ukuran.jabatan - len(units)
    # Deeper units hold more staff, as in real organisations.
    bobot = [
        1 if u.parent_id is None else 2 if u.jenis in (u.Jenis.SEKRETARIAT, u.Jenis.BIDANG) else 3
        for u in units
    ]
    per_unit = Counter(rng.choices(range(len(units)), weights=bobot, k=sisa))
    n_fungsional = min(sisa, round(ukuran.jabatan * ukuran.porsi_fungsional))
    fungsional_ke = set(rng.sample(range(sisa), n_fungsional))
    baris, profil, k = [], [], 0
    for i, unit in enumerate(units):
        if unit.parent_id is None:
            jenis, kelas, p = J.Jenis.JPT_PRATAMA, 14, "jpt"
        elif unit.jenis in (unit.Jenis.SEKRETARIAT, unit.Jenis.BIDANG):
            kelas = 12 if unit.jenis == unit.Jenis.SEKRETARIAT else 11
            jenis, p = J.Jenis.ADMINISTRATOR, "administrator"
        else:
            jenis, kelas, p = J.Jenis.PENGAWAS, 9, "pengawas"
        baris.append(
            J(
                instansi=instansi,
                unit=unit,
                nama=unit.jabatan_kepala,
                jenis=jenis,
                kepala_unit=True,
                urutan=1,
                kelas_jabatan=kelas,
            )
        )
        profil.append(p)
        for urutan in range(2, per_unit[i] + 2):
            if k in fungsional_ke:
                ref = rng.choice(fungsional)
                label = rng.choices(
                    ref.jenjang, weights=[JENJANG.get(j, (10,))[0] for j in ref.jenjang]
                )[0]
                jenjang = jenjang_nilai.get(label, J.Jenjang.AHLI_PERTAMA)
                baris.append(
                    J(
                        instansi=instansi,
                        unit=unit,
                        nama=f"{ref.nama} {label}",
                        jenis=J.Jenis.FUNGSIONAL,
                        jenjang=jenjang,
                        jabatan_fungsional=ref,
                        urutan=urutan,
                        kelas_jabatan=JENJANG.get(label, (0, None))[1],
                    )
                )
                profil.append("S-1" if ref.kategori == ref.Kategori.KEAHLIAN else "D-III")
            else:
                ref = rng.choice(pelaksana)
                baris.append(
                    J(
                        instansi=instansi,
                        unit=unit,
                        nama=ref.nama,
                        jenis=J.Jenis.PELAKSANA,
                        jabatan_pelaksana=ref,
                        urutan=urutan,
                        kelas_jabatan=ref.kelas,
                    )
                )
                profil.append(_profil_pelaksana(ref))
            k += 1
    baris = J.objects.bulk_create(baris, batch_size=BATCH)
    return [
        _Posisi(j.pk, j.unit_id, j.jenis, j.kepala_unit, p)
        for j, p in zip(baris, profil, strict=True)
    ]


def _kebutuhan_sasaran(posisi: _Posisi, rng: random.Random) -> float:
    """The need a position's rows should add up to: about one for a head, 0.5–3 otherwise."""
    return rng.uniform(0.8, 1.3) if posisi.kepala else rng.triangular(0.5, 3.0, 1.1)


def _bagian(jumlah: float, n: int, rng: random.Random) -> list[float]:
    """`jumlah` split into n uneven shares."""
    bobot = [rng.uniform(0.4, 1.6) for _ in range(n)]
    total = sum(bobot)
    return [jumlah * b / total for b in bobot]


def _pasangan(kata: list[str], objek: list[str]) -> list[tuple[str, str]]:
    return [(k, o) for k in kata for o in objek]


def _teks_berbeda(rng: random.Random, pasangan: list, n: int) -> list[tuple[tuple, str]]:
    """n different texts from (verb, object) pairs, with the pair each came from: the rekap
    flags a position that lists the same task twice."""
    pilih = rng.sample(pasangan, min(n, len(pasangan)))
    hasil = []
    for i in range(n):
        putaran, sisa = divmod(i, len(pilih))
        teks = " ".join(pilih[sisa]) + (f" (tahap {putaran + 1})" if putaran else "")
        hasil.append((pilih[sisa], teks))
    return hasil


def _tugas(posisi: list[_Posisi], periode, ukuran: Ukuran, rng: random.Random):
    """Each position's tasks: volume per year × minutes adding up to its target need."""
    menit_efektif = float(periode.waktu_efektif_menit)
    pimpinan, lain = _pasangan(KATA_PIMPINAN, OBJEK), _pasangan(KATA_KERJA, OBJEK)
    n = ukuran.tugas_per_jabatan
    for pos in posisi:
        teks = _teks_berbeda(rng, pimpinan if pos.kepala else lain, n)
        menit = _kebutuhan_sasaran(pos, rng) * menit_efektif
        for urutan, bagian in enumerate(_bagian(menit, n, rng), 1):
            waktu = rng.choice(WAKTU_MENIT)
            yield TugasJabatan(
                jabatan_id=pos.pk,
                periode_id=periode.pk,
                urutan=urutan,
                uraian=teks[urutan - 1][1],
                hasil_kerja=rng.choice(SATUAN),
                volume=Decimal(max(1, round(bagian / waktu))),
                waktu=Decimal(waktu),
            )


def _butir(posisi: list[_Posisi], periode, ukuran: Ukuran, rng: random.Random):
    """A functional position's credit table, 2–4 rows per task on average three (issue 12:
    54,000 rows at full size), with AK ÷ Kt × volume adding up to its target need in hours."""
    jam_efektif = float(periode.waktu_efektif_jam)
    konstanta, bobot_kt = zip(*KONSTANTA, strict=True)
    # One credit value per butir text, as in a JF's own table (the rekap flags a butir whose
    # value is far from the median of the same text).
    pasangan = _pasangan(KATA_BUTIR, OBJEK_BUTIR)
    angka_kredit = {p: Decimal(rng.choice(ANGKA_KREDIT)) for p in pasangan}
    for pos in posisi:
        if pos.jenis != Jabatan.Jenis.FUNGSIONAL:
            continue
        n = rng.randint(2 * ukuran.tugas_per_jabatan, 4 * ukuran.tugas_per_jabatan)
        kt = Decimal(rng.choices(konstanta, weights=bobot_kt)[0])
        teks = _teks_berbeda(rng, pasangan, n)
        jam = _kebutuhan_sasaran(pos, rng) * jam_efektif
        for urutan, bagian in enumerate(_bagian(jam, n, rng), 1):
            u = (urutan - 1) * len(UNSUR) // n
            unsur, sub_unsur = UNSUR[u]
            s = rng.randrange(len(sub_unsur))
            asal, butir = teks[urutan - 1]
            ak = angka_kredit[asal]
            yield ButirKegiatan(
                jabatan_id=pos.pk,
                periode_id=periode.pk,
                urutan=urutan,
                unsur=unsur,
                sub_unsur=sub_unsur[s],
                kode=f"{ROMAWI[u]}.{chr(ord('A') + s)}.{urutan}",
                butir_kegiatan=butir,
                angka_kredit=ak,
                konstanta=kt,
                volume=Decimal(max(1, round(bagian / float(ak / kt)))),
                satuan=rng.choice(SATUAN_BUTIR),
            )


def _perbarui_statistik() -> None:
    """ANALYZE the tables just filled (PostgreSQL): the planner's row estimates must know of
    the bulk load before anything reads it, as autovacuum would tell it in production within
    the minute — with stale estimates a unit's page scans a whole period's tasks (5× slower)."""
    if connection.vendor != "postgresql":
        return
    models = (UnitOrganisasi, Jabatan, TugasJabatan, ButirKegiatan, Pegawai, Penempatan)
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def pemda_sintetis_create(
    *, nama: str, ukuran: Ukuran, ganti: bool = False, tahun: int | None = None
) -> dict[str, int]:
    """Creates the synthetic Pemda `nama` (with `ganti`, first deletes the rows an earlier run
    wrote for that instansi) and returns how many rows of each kind it wrote."""
    ukuran.periksa()
    tahun = tahun or timezone.localdate().year
    with transaction.atomic():
        katalog = _katalog()
        instansi, dihapus = _instansi(nama, ganti)
        rng = random.Random(ukuran.seed)
        units = _buat_unit(instansi, ukuran, rng)
        posisi = _buat_jabatan(instansi, units, ukuran, rng, katalog)
        (periode,) = PeriodeAnalisis.objects.bulk_create(
            [PeriodeAnalisis(instansi=instansi, nama=f"ABK {tahun}", tahun=tahun)]
        )
        n_tugas = _sisipkan(TugasJabatan, _tugas(posisi, periode, ukuran, rng))
        n_butir = _sisipkan(ButirKegiatan, _butir(posisi, periode, ukuran, rng))
        n_pegawai, n_penempatan = buat_pegawai(
            instansi, units, posisi, ukuran.pegawai, rng, katalog[2], tahun
        )
    _perbarui_statistik()
    return {
        "dihapus": dihapus,
        "perangkat_daerah": ukuran.opd,
        "sub_unit": len(units) - ukuran.opd,
        "jabatan": len(posisi),
        "fungsional": sum(p.jenis == Jabatan.Jenis.FUNGSIONAL for p in posisi),
        "periode": 1,
        "tugas": n_tugas,
        "butir": n_butir,
        "pegawai": n_pegawai,
        "penempatan": n_penempatan,
    }
