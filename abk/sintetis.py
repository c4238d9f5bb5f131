"""A synthetic Pemda to measure speed on (issue 12): perangkat daerah with their sub-units,
positions named from the national catalogues, one period with tasks and credit rows, and
employees with valid NIPs placed in those positions.

Everything is drawn from one random.Random(seed) in a fixed order, so the same arguments (in
the same year) give the same names, numbers and NIPs. Every write is a bulk insert inside one
transaction: no per-row save(), no validation per row and no history records."""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from django.db import transaction
from django.utils import timezone

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
PORSI_MENEMPATI = 0.9


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
NAMA_LAKI, NAMA_PEREMPUAN, NAMA_KELUARGA = (
    _KATA[k] for k in ("nama_laki", "nama_perempuan", "nama_keluarga")
)
GELAR = _KATA["gelar"]
WAKTU_MENIT = [10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 480]
ANGKA_KREDIT = _daftar("0.003 0.006 0.01 0.015 0.02 0.03 0.05 0.08 0.1 0.12 0.18 0.25 0.36", " ")
KONSTANTA = [("0.020", 6), ("0.025", 2), ("0.030", 1)]  # (Kt, weight)
ROMAWI = ["I", "II", "III", "IV"]

# Jenjang label → (weight among a JF's jenjang, kelas jabatan).
JENJANG = {"Ahli Pertama": (40, 8), "Ahli Muda": (35, 9), "Ahli Madya": (20, 11)}
JENJANG |= {"Ahli Utama": (2, 13), "Pemula": (15, 5), "Terampil": (40, 6)}
JENJANG |= {"Mahir": (30, 7), "Penyelia": (15, 8)}

URUTAN_GOLONGAN = _daftar(
    "II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e", " "
)
# Golongan PNS by profile (lowest, highest; CPNS start at the lowest); PPPK by education.
GOLONGAN_PNS = {"jpt": ("IV/b", "IV/d"), "administrator": ("III/d", "IV/b")}
GOLONGAN_PNS |= {"pengawas": ("III/c", "IV/a"), "S-2": ("III/b", "IV/a")}
GOLONGAN_PNS |= {"S-1": ("III/a", "III/d"), "D-III": ("II/c", "III/b"), "SLTA": ("II/a", "III/a")}
GOLONGAN_PPPK = {"S-2": "X", "S-1": "IX", "D-III": "VII", "SLTA": "V"}
# How many years before the analysis year a profile's TMT CPNS falls (most, fewest).
MASA_KERJA = {"jpt": (34, 21), "administrator": (31, 16), "pengawas": (28, 12)}
MASA_KERJA_LAIN = (30, 2)


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


def _tanggal(rng: random.Random, tahun: int) -> dt.date:
    return dt.date(tahun, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _pegawai_baru(
    rng: random.Random, profil: str, kepala: bool, tahun: int, golongan: dict, nip_ada: set
) -> Pegawai:
    """An employee fitting a position's profile, with a NIP unique in `nip_ada` (added)."""
    status = "PNS"
    if not kepala and profil not in MASA_KERJA:
        status = rng.choices(["PNS", "PPPK", "CPNS"], weights=[75, 21, 4])[0]
    if profil == "jpt":
        pendidikan = "S-2"
    elif profil in ("administrator", "pengawas"):
        pendidikan = "S-2" if rng.random() < (0.6 if profil == "administrator" else 0.3) else "S-1"
    else:
        pendidikan = profil
    laki = rng.random() < 0.5
    if status == "PPPK":
        tmt_tahun, tmt_bulan = rng.randint(tahun - 5, tahun - 1), 21
        lahir = _tanggal(rng, max(tmt_tahun - rng.randint(22, 50), tahun - 57))
        gol = golongan.get(("PPPK", GOLONGAN_PPPK[pendidikan]))
    else:
        if status == "CPNS":
            tmt_tahun = tahun - 1
        else:
            paling, paling_sedikit = MASA_KERJA.get(profil, MASA_KERJA_LAIN)
            tmt_tahun = tahun - rng.randint(paling_sedikit, paling)
        tmt_bulan = rng.randint(1, 12)
        umur_masuk = rng.randint(18, 25) if pendidikan == "SLTA" else rng.randint(21, 30)
        lahir = _tanggal(rng, max(tmt_tahun - umur_masuk, tahun - 57))
        rentang = GOLONGAN_PNS.get(profil if profil in MASA_KERJA else pendidikan)
        kode = rentang[0] if status == "CPNS" else rng.choice(_kode_antara(*rentang))
        gol = golongan.get(("PNS", kode))
    while True:
        nip = (
            f"{lahir:%Y%m%d}{tmt_tahun:04d}{tmt_bulan:02d}{1 if laki else 2}"
            f"{rng.randint(1, 99):03d}"
        )
        if nip not in nip_ada:
            nip_ada.add(nip)
            break
    depan = rng.choice(NAMA_LAKI if laki else NAMA_PEREMPUAN)
    gelar = GELAR.get(pendidikan)
    return Pegawai(
        nip=nip,
        nama=f"{depan} {rng.choice(NAMA_KELUARGA)}",
        gelar_belakang=rng.choice(gelar) if gelar and rng.random() < 0.8 else "",
        status=status,
        golongan=gol,
        pendidikan=pendidikan,
        tanggal_lahir=lahir,
        tmt=None if status == "PPPK" else dt.date(tmt_tahun, tmt_bulan, 1),
        jenis_kelamin="L" if laki else "P",
    )


def _kode_antara(awal: str, akhir: str) -> list[str]:
    return URUTAN_GOLONGAN[URUTAN_GOLONGAN.index(awal) : URUTAN_GOLONGAN.index(akhir) + 1]


def _buat_pegawai(
    instansi: Instansi,
    units: list[UnitOrganisasi],
    posisi: list[_Posisi],
    ukuran: Ukuran,
    rng: random.Random,
    golongan: dict,
    tahun: int,
) -> tuple[int, int]:
    """`pegawai` employees, ~90% of them placed: every head first, then one holder for as
    many other positions as there are people, then extra holders on random positions."""
    menempati = round(ukuran.pegawai * PORSI_MENEMPATI)
    kepala = [p for p in posisi if p.kepala]
    lain = [p for p in posisi if not p.kepala]
    urutan = kepala + rng.sample(lain, len(lain))
    tempat = urutan[:menempati]
    if menempati > len(urutan):
        tempat += rng.choices(lain or kepala, k=menempati - len(urutan))
    unit_ids = [u.pk for u in units]
    nip_ada: set[str] = set()
    penempatan: list[tuple[int, int]] = []

    def semua():
        for i in range(ukuran.pegawai):
            pos = tempat[i] if i < menempati else None
            if pos is None:
                profil = rng.choices(["SLTA", "D-III", "S-1", "S-2"], weights=[3, 3, 5, 1])[0]
                p = _pegawai_baru(rng, profil, False, tahun, golongan, nip_ada)
                p.unit_id = rng.choice(unit_ids)
            else:
                p = _pegawai_baru(rng, pos.profil, pos.kepala, tahun, golongan, nip_ada)
                p.unit_id = pos.unit_id
            p.instansi = instansi
            yield p, pos

    rows = iter(semua())
    n = 0
    while chunk := list(islice(rows, BATCH)):
        dibuat = Pegawai.objects.bulk_create([p for p, _ in chunk], batch_size=BATCH)
        penempatan += [(p.pk, pos.pk) for p, (_, pos) in zip(dibuat, chunk, strict=True) if pos]
        n += len(chunk)
    n_penempatan = _sisipkan(
        Penempatan, (Penempatan(pegawai_id=pg, jabatan_id=jb) for pg, jb in penempatan)
    )
    return n, n_penempatan


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
        n_pegawai, n_penempatan = _buat_pegawai(
            instansi, units, posisi, ukuran, rng, katalog[2], tahun
        )
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
