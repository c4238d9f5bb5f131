from django.db import migrations


def forwards(apps, schema_editor):
    from organisasi.reference import buat_grup_peran, muat_pangkat_golongan

    buat_grup_peran(apps.get_model("auth", "Group"))
    muat_pangkat_golongan(apps.get_model("organisasi", "PangkatGolongan"))


class Migration(migrations.Migration):
    dependencies = [
        ("organisasi", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
