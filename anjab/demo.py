"""Demo positions from the seeds: the 37 Informasi Jabatan of Dinas Sosial dan Pemberdayaan
Masyarakat Kota Tarakan (seed 001) and the evaluated Kepala Kantor Kesbangpol Kota
Pontianak (seed 000). The seeds' own words are kept; their printed totals are stored only as
declared values. Loading twice changes nothing."""

import re
from decimal import Decimal

from django.db import transaction

from anjab import services
from anjab.models import (
    AspekLingkungan,
    BahanKerja,
    BakatKerja,
    ButirKegiatan,
    FungsiPekerjaan,
    HasilKerja,
    Jabatan,
    JabatanFungsionalRef,
    JabatanPelaksanaRef,
    Keterampilan,
    KondisiLingkungan,
    KorelasiJabatan,
    MinatKerja,
    Penempatan,
    PerangkatKerja,
    PeriodeAnalisis,
    RisikoBahaya,
    SyaratDiklat,
    TanggungJawab,
    TemperamenKerja,
    TugasJabatan,
    UpayaFisik,
    Wewenang,
)
from organisasi.demo import muat_unit, simpan
from organisasi.models import Instansi, PangkatGolongan, Pegawai, UnitOrganisasi
from organisasi.reference import baca_fixture

TARAKAN = {
    "nama": "Pemerintah Kota Tarakan",
    "jenis": "kota",
    "nama_daerah": "Tarakan",
    "wilayah": "Provinsi Kalimantan Utara",
    "jabatan_kepala": "Wali Kota",
    "ibu_kota": "Tarakan",
}
DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"
# The Dinas's units, from seed 001's daftar informasi jabatan:
# nomor prefix → (unit, parent unit, jenis, eselon)
UNIT_TARAKAN = {
    "": (DINAS, None, "perangkat_daerah", "II.b"),
    "2": ("Sekretariat", DINAS, "sekretariat", "III.a"),
    "2.1": ("Sub Bagian Umum dan Kepegawaian", "Sekretariat", "subbagian", "IV.a"),
    "2.2": ("Sub Bagian Perencanaan dan Keuangan", "Sekretariat", "subbagian", "IV.a"),
    "3": ("Bidang Sosial", DINAS, "bidang", "III.b"),
    "4": ("Bidang Pemberdayaan Masyarakat", DINAS, "bidang", "III.b"),
}
FUNGSIONAL = ["Penggerak Swadaya Masyarakat", "Penyuluh Sosial", "Pekerja Sosial"]
UPAYA_ALIAS = {"bicara": "berbicara"}


def desimal(nilai) -> Decimal | None:
    if nilai in (None, "", "-"):
        return None
    return Decimal(str(nilai).replace(",", ""))


def _baris_sama(model, jabatan, rows: list[dict], **extra) -> bool:
    fields = list(rows[0]) if rows else []
    ada = list(
        model.objects.filter(jabatan=jabatan, **extra).order_by("urutan", "pk").values(*fields)
    )
    return ada == rows and (rows or not ada)


def _simpan_baris(model, jabatan, rows: list[dict], **extra) -> None:
    rows = [{k: v for k, v in r.items()} for r in rows]
    if _baris_sama(model, jabatan, rows, **extra):
        return
    model.objects.filter(jabatan=jabatan, **extra).delete()
    model.objects.bulk_create(
        model(jabatan=jabatan, urutan=i, **extra, **r) for i, r in enumerate(rows, start=1)
    )


def _unit_dari_nomor(nomor: str, units: dict) -> tuple[UnitOrganisasi, bool]:
    """Seed numbering → (unit, is head): 2.1 heads Sub Bagian Umum, 2.1.4 sits in it,
    5 sits in the Dinas itself."""
    bagian = nomor.split(".")
    for panjang in range(len(bagian), 0, -1):
        awalan = ".".join(bagian[:panjang])
        if awalan in UNIT_TARAKAN:
            return units[awalan], panjang == len(bagian)
    return units[""], nomor == "1"


def _isi_jabatan(jabatan: Jabatan, data: dict, periode: PeriodeAnalisis, katalog: dict) -> None:
    _simpan_baris(
        SyaratDiklat,
        jabatan,
        [{"jenis": d["jenis"], "teks": d["teks"]} for d in data["syarat"]["diklat"]],
    )
    _simpan_baris(
        TugasJabatan,
        jabatan,
        [
            {
                "uraian": t["uraian"],
                "hasil_kerja": t["hasil_kerja"],
                "volume": desimal(t["volume"]),
                "waktu": desimal(t["waktu"]),
                "kebutuhan_tercetak": desimal(t["kebutuhan_tercetak"]),
            }
            for t in data["tugas"]
        ],
        periode=periode,
    )
    _simpan_baris(
        ButirKegiatan,
        jabatan,
        [
            {
                "unsur": b["unsur"],
                "sub_unsur": b["sub_unsur"],
                "kegiatan": b["kegiatan"],
                "kode": b["kode"],
                "butir_kegiatan": b["butir_kegiatan"],
                "angka_kredit": desimal(b["angka_kredit"]),
                "konstanta": desimal(b["konstanta"]),
                "volume": desimal(b["volume"]) or Decimal(0),
                "satuan": b["satuan"],
                "wpk_tercetak": desimal(b["wpk_tercetak"]),
                "wpv_tercetak": desimal(b["wpv_tercetak"]),
            }
            for b in data["butir"]
        ],
        periode=periode,
    )
    _simpan_baris(HasilKerja, jabatan, data["hasil_kerja"])
    _simpan_baris(BahanKerja, jabatan, data["bahan_kerja"])
    _simpan_baris(PerangkatKerja, jabatan, data["perangkat_kerja"])
    _simpan_baris(TanggungJawab, jabatan, [{"teks": t} for t in data["tanggung_jawab"]])
    _simpan_baris(Wewenang, jabatan, [{"teks": t} for t in data["wewenang"]])
    _simpan_baris(
        KorelasiJabatan,
        jabatan,
        [
            {
                "nama_jabatan": k["jabatan"],
                "unit_kerja": k["unit_kerja"],
                "dalam_hal": k["dalam_hal"],
            }
            for k in data["korelasi"]
        ],
    )
    _simpan_baris(RisikoBahaya, jabatan, data["risiko_bahaya"])
    _simpan_baris(Keterampilan, jabatan, [{"teks": t} for t in data["keterampilan"]])
    for kode, faktor in data["kondisi_lingkungan"].items():
        if faktor:
            simpan(
                KondisiLingkungan,
                {"jabatan": jabatan, "aspek": katalog["aspek"][kode]},
                {"faktor": faktor},
            )
    # Section 15 in the seed's order, each choice in the seed's words where it has them.
    for nama, kunci in (
        ("bakat", "bakat"),
        ("temperamen", "temperamen"),
        ("minat", "minat"),
        ("fungsi_pekerjaan", "fungsi"),
    ):
        pilihan = [_pilihan(katalog[kunci], item) for item in data[nama]]
        services.pilihan_set(jabatan=jabatan, nama=nama, pilihan=pilihan)
    upaya = [(katalog["upaya"].get(_kunci_upaya(u)), u) for u in data["upaya_fisik"]]
    services.pilihan_set(jabatan=jabatan, nama="upaya_fisik", pilihan=upaya)


def _pilihan(katalog: dict, item) -> tuple:
    """A fixture's choice: its code, or {"kode", "teks"} with the seed's wording."""
    if isinstance(item, dict):
        return katalog.get(item["kode"]), item.get("teks", "")
    return katalog.get(item), ""


def _kunci_upaya(nama: str) -> str:
    kunci = re.sub(r"[^a-z ]", "", nama.lower()).strip()
    return UPAYA_ALIAS.get(kunci, kunci)


def _katalog() -> dict:
    return {
        "aspek": {a.kode: a for a in AspekLingkungan.objects.filter(instansi=None)},
        "bakat": {b.kode: b for b in BakatKerja.objects.filter(instansi=None)},
        "temperamen": {t.kode: t for t in TemperamenKerja.objects.filter(instansi=None)},
        # Cottle codes are digits+letter ("3a"); single letters are Holland RIASEC.
        "minat": {m.kode: m for m in MinatKerja.objects.filter(instansi=None)},
        "upaya": {_kunci_upaya(u.nama): u for u in UpayaFisik.objects.filter(instansi=None)},
        "fungsi": {f.kode: f for f in FungsiPekerjaan.objects.filter(instansi=None)},
    }


def semua_jabatan_tarakan() -> list[dict]:
    return [
        j
        for bagian in ("jabatan_1", "jabatan_2", "jabatan_3")
        for j in baca_fixture(f"demo/tarakan/{bagian}.json")["jabatan"]
    ]


@transaction.atomic
def muat_tarakan() -> Instansi:
    instansi = simpan(
        Instansi, {"nama": TARAKAN["nama"]}, {k: v for k, v in TARAKAN.items() if k != "nama"}
    )
    periode = simpan(
        PeriodeAnalisis,
        {"instansi": instansi, "nama": "ABK 2024"},
        {"tahun": 2024},
    )
    setda = simpan(
        UnitOrganisasi,
        {"instansi": instansi, "parent": None, "nama": "Sekretariat Daerah"},
        {
            "jenis": "perangkat_daerah",
            "eselon": "II.a",
            "urutan": 1,
            "jabatan_kepala": "Sekretaris Daerah",
        },
    )
    sekda = simpan(
        Jabatan,
        {"unit": setda, "nama": "Sekretaris Daerah"},
        {"jenis": "jpt_pratama", "kepala_unit": True, "urutan": 1, "instansi": instansi},
    )
    units: dict[str, UnitOrganisasi] = {}
    for urutan, (awalan, (nama, induk, jenis, eselon)) in enumerate(UNIT_TARAKAN.items(), start=2):
        parent = next((u for u in units.values() if u.nama == induk), None)
        units[awalan] = simpan(
            UnitOrganisasi,
            {"instansi": instansi, "parent": parent, "nama": nama},
            {"jenis": jenis, "eselon": eselon, "urutan": urutan},
        )
    katalog = _katalog()
    fungsional = {f.nama: f for f in JabatanFungsionalRef.objects.filter(instansi=None)}
    pelaksana = {p.nama: p for p in JabatanPelaksanaRef.objects.filter(instansi=None)}
    per_nomor: dict[str, Jabatan] = {}
    for data in semua_jabatan_tarakan():
        unit, kepala = _unit_dari_nomor(data["nomor"], units)
        rumpun = next((f for f in FUNGSIONAL if data["nama"].startswith(f)), None)
        jabatan = simpan(
            Jabatan,
            {"unit": unit, "urutan": int(data["nomor"].split(".")[-1]), "nama": data["nama"]},
            {
                "instansi": instansi,
                "kode": data["kode"],
                "jenis": data["jenis"],
                "jenjang": data["jenjang"],
                "jabatan_fungsional": fungsional.get(rumpun) if rumpun else None,
                "jabatan_pelaksana": pelaksana.get(data["nama"]),
                "kepala_unit": kepala,
                "atasan": sekda if data["nomor"] == "1" else None,
                "ikhtisar": data["ikhtisar"],
                "kelas_jabatan": data["kelas"],
                "syarat_pendidikan": data["syarat"]["pendidikan"],
                "syarat_pengalaman": data["syarat"]["pengalaman"],
                "prestasi_kerja": data["prestasi_kerja"],
                "kolom_hasil_kerja": data.get("kolom_hasil_kerja", Jabatan.KolomHasil.SATUAN),
                **data["kondisi_fisik"],
            },
        )
        per_nomor[data["nomor"]] = jabatan
        if kepala and unit.jabatan_kepala != data["nama"]:
            unit.jabatan_kepala = data["nama"]
            unit.save(update_fields=["jabatan_kepala"])
        _isi_jabatan(jabatan, data, periode, katalog)
    _muat_pegawai(instansi, per_nomor)
    return instansi


def presisi(teks: str) -> int:
    _, _, pecahan = (teks or "").replace(",", "").partition(".")
    return len(pecahan) if pecahan else 0


@transaction.atomic
def muat_pontianak() -> Instansi:
    data = baca_fixture("demo/pontianak_kesbangpol.json")
    info = data["instansi"]
    instansi = simpan(
        Instansi, {"nama": info["nama"]}, {k: v for k, v in info.items() if k != "nama"}
    )
    units: dict[str, UnitOrganisasi] = {}
    muat_unit(instansi, data["unit"], None, 1, units)
    unit = units[data["unit"]["nama"]]
    j = data["jabatan"]
    jabatan = simpan(
        Jabatan,
        {"unit": unit, "urutan": 1, "nama": j["nama"]},
        {"instansi": instansi, "jenis": j["jenis"], "kepala_unit": True, "ikhtisar": j["ikhtisar"]},
    )
    periode = simpan(PeriodeAnalisis, {"instansi": instansi, "nama": "ABK 2020"}, {"tahun": 2020})
    _simpan_baris(
        TugasJabatan,
        jabatan,
        [{"uraian": t, "hasil_kerja": "", "volume": None, "waktu": None} for t in j["tugas"]],
        periode=periode,
    )
    _simpan_baris(TanggungJawab, jabatan, [{"teks": t} for t in j["tanggung_jawab"]])
    _simpan_baris(HasilKerja, jabatan, j["hasil_kerja"])
    ev = data["evaluasi"]
    levels = {f["kode"]: f["level"] for f in ev["faktor"]}
    uraian = {f["kode"]: _uraian_faktor(f["uraian"]) for f in ev["faktor"]}
    ada = getattr(jabatan, "evaluasi", None)
    if ada is None or {
        n.faktor.kode: (n.level, n.uraian) for n in ada.nilai.select_related("faktor")
    } != {k: (levels[k], uraian[k]) for k in levels}:
        services.evaluasi_update(jabatan=jabatan, levels=levels, uraian=uraian)
    golongan = {g.kode: g for g in PangkatGolongan.objects.filter(jenis_asn="PNS")}
    for p in data.get("pegawai", []):
        pegawai = simpan(
            Pegawai,
            {"instansi": instansi, "nip": p["nip"]},
            {
                "nama": p["nama"],
                "gelar_belakang": p.get("gelar_belakang", ""),
                "status": p["status"],
                "golongan": golongan[p["golongan"]],
                "pendidikan": p["pendidikan"],
                "unit": unit,
            },
        )
        if p.get("jabatan") == jabatan.nama:
            simpan(Penempatan, {"pegawai": pegawai}, {"jabatan": jabatan})
    return instansi


def _uraian_faktor(paragraf: list[dict]) -> str:
    bagian = []
    for p in paragraf:
        teks = "\n".join(x for x in [p.get("judul", ""), p.get("teks", "")] if x)
        butir = [f"{i}. {b}" for i, b in enumerate(p.get("butir", []), start=1)]
        bagian.append("\n".join([teks, *butir]).strip())
    return "\n\n".join(b for b in bagian if b)


# Invented holders (valid NIPs) so the rekap and peta jabatan show bezetting; the seed has none.
PEGAWAI_TARAKAN = [
    ("197005121996031002", "Nur Harahap", "PNS", "IV/b", "S-2", "1"),
    ("197408202000122003", "Wahyuni Nugroho", "PNS", "IV/a", "S-2", "2"),
    ("198011142005011001", "Kartika Nugroho", "PNS", "III/d", "S-1", "2.1"),
    ("197212252002121004", "Wahyu Lestari", "PNS", "III/d", "S-1", "2.2"),
    ("198704282009062005", "Wahyu Rahayu", "PNS", "III/d", "S-2", "3"),
    ("198402242011071006", "Kartika Kurniawan", "PNS", "III/d", "S-1", "4"),
    ("199504112023062007", "Taufik Wijaya", "PNS", "III/a", "S-1", "2.1.1"),
    ("199807082020121008", "Hana Pratama", "PNS", "II/c", "D-III", "2.1.2"),
    ("199705282024102009", "Dewi Kurniawan", "CPNS", "II/a", "SLTA", "2.1.3"),
    ("199711202024081010", "Lukman Lestari", "CPNS", "II/a", "SLTA", "2.1.3"),
    ("197606162023211011", "Maya Permata", "PPPK", "IX", "S-1", "2.1.4"),
    ("198006232022212012", "Yusuf Harahap", "PPPK", "IX", "S-1", "2.1.4"),
    ("199403112017021013", "Fitri Pratama", "PNS", "III/c", "S-1", "3.1"),
    ("199803152024041014", "Citra Wijaya", "PNS", "III/a", "S-1", "3.1"),
    ("199505082024212015", "Irfan Setiawan", "PPPK", "IX", "S-1", "3.9"),
    ("198607222022212016", "Citra Hidayat", "PPPK", "IX", "S-1", "3.9"),
    ("197905052024212017", "Dewi Setiawan", "PPPK", "IX", "S-1", "3.9"),
    ("197604262022212018", "Rahmat Wijaya", "PPPK", "IX", "S-1", "3.9"),
    ("198006252024211019", "Yusuf Nugroho", "PPPK", "IX", "S-1", "3.9"),
    ("198212242022211020", "Hana Siregar", "PPPK", "V", "SLTA", "3.11"),
    ("198603272024211021", "Umi Saputra", "PPPK", "V", "SLTA", "3.11"),
    ("198603082024212022", "Agus Lestari", "PPPK", "V", "SLTA", "3.11"),
    ("197502052024211023", "Sari Permata", "PPPK", "V", "SLTA", "3.11"),
    ("199001202020031024", "Sari Harahap", "PNS", "III/c", "S-1", "5"),
]


def _muat_pegawai(instansi, jabatan_per_nomor) -> None:

    golongan = {(g.jenis_asn, g.kode): g for g in PangkatGolongan.objects.all()}
    for nip, nama, status, gol, pendidikan, nomor in PEGAWAI_TARAKAN:
        jabatan = jabatan_per_nomor[nomor]
        pegawai = simpan(
            Pegawai,
            {"instansi": instansi, "nip": nip},
            {
                "nama": nama,
                "status": status,
                "golongan": golongan[("PPPK" if status == "PPPK" else "PNS", gol)],
                "pendidikan": pendidikan,
                "unit": jabatan.unit,
            },
        )
        simpan(Penempatan, {"pegawai": pegawai}, {"jabatan": jabatan})


@transaction.atomic
def muat_banjar() -> Instansi:
    """The positions of the Banjar demo (seed 003) and who holds them, on the organisation
    organisasi's part of load_demo loaded from the same fixture."""
    from organisasi.demo_banjar import data_banjar

    data = data_banjar()
    instansi = Instansi.objects.get(nama=data["instansi"]["nama"])
    units = {u.nama: u for u in UnitOrganisasi.objects.filter(instansi=instansi)}
    jabatan = {}
    for urutan, j in enumerate(data["jabatan"], start=1):
        jabatan[j["nama"]] = simpan(
            Jabatan,
            {"unit": units[j["unit"]], "nama": j["nama"]},
            {"jenis": j["jenis"], "jenjang": j["jenjang"], "urutan": urutan, "instansi": instansi},
        )
    pegawai = {p.nip: p for p in Pegawai.objects.filter(instansi=instansi)}
    for p in data["pegawai"]:
        simpan(Penempatan, {"pegawai": pegawai[p["nip"]]}, {"jabatan": jabatan[p["jabatan"]]})
    return instansi


def muat() -> list[str]:
    """anjab's part of load_demo: the national catalogues, Tarakan (seed 001) and Pontianak."""
    from django.apps import apps

    from anjab.reference import muat_katalog

    muat_katalog(lambda name: apps.get_model("anjab", name))
    muat_banjar()
    return [f"Data demo dimuat: {i.nama}." for i in (muat_tarakan(), muat_pontianak())]
