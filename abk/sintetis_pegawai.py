"""The employees of the synthetic Pemda (abk.sintetis): valid NIPs counted back from the
analysis year, rank and education fitting each position's profile, ~90 % of them placed in a
position (anjab.Penempatan). Names come from fixtures/sintetis.json."""

import datetime as dt
import random
from itertools import islice

from anjab.models import Penempatan
from organisasi.models import Instansi, Pegawai, UnitOrganisasi
from organisasi.reference import baca_fixture

BATCH = 2000
PORSI_MENEMPATI = 0.9

_KATA = baca_fixture("sintetis.json")
NAMA_LAKI, NAMA_PEREMPUAN, NAMA_KELUARGA = (
    _KATA[k] for k in ("nama_laki", "nama_perempuan", "nama_keluarga")
)
GELAR = _KATA["gelar"]
URUTAN_GOLONGAN = [
    *("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d"),
    *("IV/a", "IV/b", "IV/c", "IV/d", "IV/e"),
]
# Golongan PNS by profile (lowest, highest; CPNS start at the lowest); PPPK by education.
GOLONGAN_PNS = {"jpt": ("IV/b", "IV/d"), "administrator": ("III/d", "IV/b")}
GOLONGAN_PNS |= {"pengawas": ("III/c", "IV/a"), "S-2": ("III/b", "IV/a")}
GOLONGAN_PNS |= {"S-1": ("III/a", "III/d"), "D-III": ("II/c", "III/b"), "SLTA": ("II/a", "III/a")}
GOLONGAN_PPPK = {"S-2": "X", "S-1": "IX", "D-III": "VII", "SLTA": "V"}
# How many years before the analysis year a profile's TMT CPNS falls (most, fewest).
MASA_KERJA = {"jpt": (34, 21), "administrator": (31, 16), "pengawas": (28, 12)}
MASA_KERJA_LAIN = (30, 2)


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


def buat_pegawai(
    instansi: Instansi,
    units: list[UnitOrganisasi],
    posisi: list,
    jumlah: int,
    rng: random.Random,
    golongan: dict,
    tahun: int,
) -> tuple[int, int]:
    """`pegawai` employees, ~90% of them placed: every head first, then one holder for as
    many other positions as there are people, then extra holders on random positions."""
    menempati = round(jumlah * PORSI_MENEMPATI)
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
        for i in range(jumlah):
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
    n_penempatan = 0
    baris = (Penempatan(pegawai_id=pg, jabatan_id=jb) for pg, jb in penempatan)
    while chunk := list(islice(baris, BATCH)):
        Penempatan.objects.bulk_create(chunk, batch_size=BATCH)
        n_penempatan += len(chunk)
    return n, n_penempatan
