"""The analysis period now belongs to anjab (anjab/migrations/0006_periode_dari_abk.py): the
relations point there, abk forgets the model, and its content types (and so its permissions)
follow it. The tables are untouched."""

import django.db.models.deletion
from django.db import migrations, models


def _pindah_jenis_konten(dari, ke):
    def pindah(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in ("periodeanalisis", "historicalperiodeanalisis"):
            if not ContentType.objects.filter(app_label=ke, model=model).exists():
                ContentType.objects.filter(app_label=dari, model=model).update(app_label=ke)

    return pindah


class Migration(migrations.Migration):

    dependencies = [
        ('abk', '0006_berkas_privat'),
        ('anjab', '0006_periode_dari_abk'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='keputusan',
                    name='periode',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='keputusan', to='anjab.periodeanalisis'),
                ),
                migrations.AlterField(
                    model_name='deklarasijabatan',
                    name='periode',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deklarasi', to='anjab.periodeanalisis'),
                ),
                migrations.AlterField(
                    model_name='imporbuku',
                    name='periode',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to='anjab.periodeanalisis'),
                ),
                migrations.AlterField(
                    model_name='historicalkeputusan',
                    name='periode',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='anjab.periodeanalisis'),
                ),
                migrations.DeleteModel(
                    name='HistoricalPeriodeAnalisis',
                ),
                migrations.DeleteModel(
                    name='PeriodeAnalisis',
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_pindah_jenis_konten("abk", "anjab"), _pindah_jenis_konten("anjab", "abk")),
    ]
