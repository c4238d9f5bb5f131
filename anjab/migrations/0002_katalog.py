from django.db import migrations


def forwards(apps, schema_editor):
    from anjab.reference import muat_katalog

    muat_katalog(lambda name: apps.get_model("anjab", name))


class Migration(migrations.Migration):
    dependencies = [("anjab", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
