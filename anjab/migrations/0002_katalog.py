import json
from pathlib import Path

from django.conf import settings
from django.db import migrations

# A frozen copy of the catalogue loader of its day (anjab.reference): what this migration
# creates must not follow later changes to live code.
FIXTURES = Path(settings.BASE_DIR) / "fixtures"
# model name → (fixture file, natural-key fields, extra fields copied from the fixture)
KATALOG = {
    "BakatKerja": ("katalog/bakat_kerja.json", ["kode"], []),
    "TemperamenKerja": ("katalog/temperamen_kerja.json", ["kode"], ["singkatan"]),
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


def _baca(nama):
    with open(FIXTURES / nama, encoding="utf-8") as f:
        return json.load(f)


def _kosong(field):
    return None if field == "kelas" else ([] if field in {"jenjang", "contoh_faktor"} else "")


def _katalog(apps):
    for model_name, (fixture, kunci, extra) in KATALOG.items():
        model = apps.get_model("anjab", model_name)
        data = _baca(fixture)
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


def _tabel_evaluasi(apps):
    TabelEvaluasi = apps.get_model("anjab", "TabelEvaluasi")
    FaktorEvaluasi = apps.get_model("anjab", "FaktorEvaluasi")
    LevelFaktor = apps.get_model("anjab", "LevelFaktor")
    RentangKelas = apps.get_model("anjab", "RentangKelas")
    data = _baca("katalog/evaluasi_jabatan.json")
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
                        faktor=faktor, level=lv["level"], defaults={"nilai": lv["nilai"]}
                    )
        for k in versi["kelas"]:
            RentangKelas.objects.update_or_create(
                tabel=tabel,
                kelas=k["kelas"],
                defaults={"nilai_min": k["nilai_min"], "nilai_max": k["nilai_max"]},
            )


def forwards(apps, schema_editor):
    _katalog(apps)
    _tabel_evaluasi(apps)


class Migration(migrations.Migration):
    dependencies = [("anjab", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
