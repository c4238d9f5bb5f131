import json
from pathlib import Path

from django.conf import settings
from django.db import migrations

# Frozen here, not imported: what this migration creates must not follow later code.
PERAN = ["Admin Instansi", "Operator", "Verifikator", "Pembaca"]
FIXTURE_GOLONGAN = Path(settings.BASE_DIR) / "fixtures" / "pangkat_golongan.json"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    PangkatGolongan = apps.get_model("organisasi", "PangkatGolongan")
    for nama in PERAN:
        Group.objects.get_or_create(name=nama)
    with open(FIXTURE_GOLONGAN, encoding="utf-8") as f:
        rows = json.load(f)["data"]
    for row in rows:
        PangkatGolongan.objects.update_or_create(
            jenis_asn=row["jenis_asn"],
            kode=row["kode"],
            defaults={k: row[k] for k in ("pangkat", "urutan", "dasar_hukum")},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisasi", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
