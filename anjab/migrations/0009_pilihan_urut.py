"""Section 15's catalogue choices keep the analyst's order and wording: each many-to-many table
Django made gains `urutan` and `teks` and becomes an explicit through model. The tables are
kept (state only), the columns are added, and the rows already there are numbered in the order
they printed so far (the catalogue's), so no document changes until an analyst reorders it."""

import django.db.models.deletion
from django.db import migrations, models

# (through model, table, catalogue model, its column on the table, Jabatan's field)
PILIHAN = [
    ("JabatanBakat", "anjab_jabatan_bakat", "bakatkerja", "bakatkerja", "bakat"),
    ("JabatanTemperamen", "anjab_jabatan_temperamen", "temperamenkerja", "temperamenkerja",
     "temperamen"),
    ("JabatanMinat", "anjab_jabatan_minat", "minatkerja", "minatkerja", "minat"),
    ("JabatanUpayaFisik", "anjab_jabatan_upaya_fisik", "upayafisik", "upayafisik",
     "upaya_fisik"),
    ("JabatanFungsiPekerjaan", "anjab_jabatan_fungsi_pekerjaan", "fungsipekerjaan",
     "fungsipekerjaan", "fungsi_pekerjaan"),
]  # fmt: skip

VERBOSE = {
    "bakat": "bakat kerja",
    "temperamen": "temperamen kerja",
    "minat": "minat kerja",
    "upaya_fisik": "upaya fisik",
    "fungsi_pekerjaan": "fungsi pekerjaan",
}


def _operasi():
    for model, tabel, katalog, kolom, field in PILIHAN:
        yield migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name=model,
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                                   serialize=False, verbose_name="ID")),
                        ("jabatan", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE, to="anjab.jabatan")),
                        (kolom, models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE, to=f"anjab.{katalog}")),
                    ],  # fmt: skip
                    options={
                        "db_table": tabel,
                        "ordering": ["urutan", "id"],
                        "abstract": False,
                        "unique_together": {("jabatan", kolom)},
                    },
                ),
                migrations.AlterField(
                    model_name="jabatan",
                    name=field,
                    field=models.ManyToManyField(
                        blank=True,
                        through=f"anjab.{model}",
                        to=f"anjab.{katalog}",
                        verbose_name=VERBOSE[field],
                    ),
                ),
            ],
            database_operations=[],
        )
        yield migrations.AddField(
            model_name=model.lower(),
            name="urutan",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="urutan"),
        )
        yield migrations.AddField(
            model_name=model.lower(),
            name="teks",
            field=models.CharField(
                blank=True,
                help_text="Kata-kata analis untuk pilihan ini; kosong: kode dan nama dari katalog.",
                max_length=500,
                verbose_name="teks tercetak",
            ),
        )


def nomori(apps, schema_editor):
    """Numbers each position's choices in the order they printed: the catalogue's."""
    for model, _tabel, _katalog, kolom, _field in PILIHAN:
        melalui = apps.get_model("anjab", model)
        urutan_katalog = ["jabatan_id", f"{kolom}__urutan", f"{kolom}__kode", "id"]
        if kolom == "minatkerja":
            urutan_katalog.insert(1, f"{kolom}__sistem")
        ubah, sebelumnya, n = [], None, 0
        for row in melalui.objects.order_by(*urutan_katalog).only("id", "jabatan_id"):
            n = n + 1 if row.jabatan_id == sebelumnya else 0
            sebelumnya = row.jabatan_id
            row.urutan = n
            ubah.append(row)
        melalui.objects.bulk_update(ubah, ["urutan"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("anjab", "0008_kolom_hasil_kerja")]

    operations = [*_operasi(), migrations.RunPython(nomori, migrations.RunPython.noop)]
