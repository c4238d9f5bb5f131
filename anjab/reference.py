"""Loads the catalogues and evaluation tables of fixtures/katalog/ (by load_demo; running it
again updates rows in place and creates nothing new). Migration anjab 0002 carries its own
copy of this loader, so changing it changes no migration."""

import functools

from organisasi.reference import baca_fixture

# model name → (fixture file, natural-key fields, extra fields copied from the fixture)
KATALOG = {
    "BakatKerja": ("katalog/bakat_kerja.json", ["kode"], []),
    "TemperamenKerja": (
        "katalog/temperamen_kerja.json",
        ["kode"],
        ["singkatan", "nama_indonesia"],
    ),
    "MinatKerja": ("katalog/minat_kerja.json", ["sistem", "kode"], []),
    "FungsiPekerjaan": ("katalog/fungsi_pekerjaan.json", ["kode"], ["kelompok"]),
    "UpayaFisik": ("katalog/upaya_fisik.json", ["kode"], []),
    "AspekLingkungan": ("katalog/kondisi_lingkungan.json", ["kode"], ["contoh_faktor"]),
    "JabatanPelaksanaRef": (
        "katalog/jabatan_pelaksana.json",
        ["nama"],
        ["klasifikasi", "pendidikan_minimal", "kelas"],
    ),
    "JabatanFungsionalRef": (
        "katalog/jabatan_fungsional.json",
        ["nama"],
        ["kategori", "jenjang", "instansi_pembina"],
    ),
}


def muat_katalog(get_model) -> None:
    """`get_model(name)` returns the anjab model (apps.get_model in migrations)."""
    for model_name, (fixture, kunci, extra) in KATALOG.items():
        model = get_model(model_name)
        data = baca_fixture(fixture)
        for i, row in enumerate(data["data"], start=1):
            lookup = {k: row[k] for k in kunci}
            values = {
                "kode": row.get("kode", ""),
                "nama": row["nama"],
                "uraian": row.get("uraian", ""),
                "urutan": row.get("urutan", i),
                "dasar_hukum": data["dasar_hukum"],
                **{k: row.get(k) if row.get(k) is not None else _kosong(k) for k in extra},
            }
            values = {k: v for k, v in values.items() if k not in lookup}
            model.objects.update_or_create(instansi=None, **lookup, defaults=values)
    muat_tabel_evaluasi(get_model)


def _kosong(field: str):
    return None if field == "kelas" else ([] if field in {"jenjang", "contoh_faktor"} else "")


def muat_tabel_evaluasi(get_model) -> None:
    TabelEvaluasi = get_model("TabelEvaluasi")
    FaktorEvaluasi = get_model("FaktorEvaluasi")
    LevelFaktor = get_model("LevelFaktor")
    RentangKelas = get_model("RentangKelas")
    data = baca_fixture("katalog/evaluasi_jabatan.json")
    for versi in data["data"]:
        tabel, _ = TabelEvaluasi.objects.update_or_create(
            versi=versi["versi"], defaults={"dasar_hukum": data["dasar_hukum"], "aktif": True}
        )
        for sistem in versi["sistem"]:
            for urutan, f in enumerate(sistem["faktor"], start=1):
                faktor, _ = FaktorEvaluasi.objects.update_or_create(
                    tabel=tabel,
                    jenis=sistem["jenis"],
                    kode=f["kode"],
                    defaults={"nama": f["nama"], "urutan": urutan},
                )
                for lv in f["level"]:
                    LevelFaktor.objects.update_or_create(
                        faktor=faktor,
                        level=lv["level"],
                        defaults={"nilai": lv["nilai"], "uraian": lv.get("uraian", "")},
                    )
        for k in versi["kelas"]:
            RentangKelas.objects.update_or_create(
                tabel=tabel,
                kelas=k["kelas"],
                defaults={"nilai_min": k["nilai_min"], "nilai_max": k["nilai_max"]},
            )


@functools.cache
def rentang_kelas_lazim() -> dict:
    """fixtures/katalog/kelas_lazim.json: the usual kelas per jenis and jenjang."""
    return baca_fixture("katalog/kelas_lazim.json")
