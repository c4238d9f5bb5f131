"""The analysis period moves from abk into anjab (the task rows of a position belong to a
period, and anjab may not depend on abk). Its tables keep their names, so nothing changes in
the database: only Django's view of which app owns the model."""

import anjab.models.periode
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('anjab', '0005_versi'),
        ('abk', '0006_berkas_privat'),
        ('organisasi', '0005_berkas_privat'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalPeriodeAnalisis',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('nama', models.CharField(help_text='Misalnya: ABK 2024.', max_length=100, verbose_name='nama periode')),
                        ('tahun', models.PositiveSmallIntegerField(verbose_name='tahun')),
                        ('waktu_efektif_menit', models.DecimalField(decimal_places=2, default=Decimal('75000'), help_text='Permenpan RB 1/2020: 1.250 jam = 75.000 menit.', max_digits=9, verbose_name='waktu kerja efektif (menit per tahun)')),
                        ('hari_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('235'), help_text='Pengali volume yang dihitung per hari.', max_digits=6, verbose_name='hari kerja efektif per tahun')),
                        ('minggu_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('47'), help_text='Pengali volume yang dihitung per minggu.', max_digits=6, verbose_name='minggu kerja efektif per tahun')),
                        ('bulan_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('12'), help_text='Pengali volume yang dihitung per bulan.', max_digits=6, verbose_name='bulan kerja per tahun')),
                        ('pembulatan', models.CharField(choices=[('half_up', 'Setengah ke atas (2,49 → 2; 2,50 → 3)'), ('ceiling', 'Selalu ke atas (2,01 → 3)')], default='half_up', max_length=10, verbose_name='pembulatan kebutuhan pegawai')),
                        ('pita_efektivitas', models.JSONField(default=anjab.models.periode.pita_bawaan, help_text='Batas bawah EJ tiap predikat, dari tertinggi ke terendah.', verbose_name='predikat efektivitas jabatan')),
                        ('dasar_hukum', models.TextField(blank=True, default=anjab.models.periode.dasar_hukum_bawaan, verbose_name='dasar hukum')),
                        ('dibuat', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('instansi', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organisasi.instansi')),
                    ],
                    options={
                        'verbose_name': 'historical periode analisis beban kerja',
                        'verbose_name_plural': 'historical periode analisis beban kerja',
                        'db_table': 'abk_historicalperiodeanalisis',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='PeriodeAnalisis',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('nama', models.CharField(help_text='Misalnya: ABK 2024.', max_length=100, verbose_name='nama periode')),
                        ('tahun', models.PositiveSmallIntegerField(verbose_name='tahun')),
                        ('waktu_efektif_menit', models.DecimalField(decimal_places=2, default=Decimal('75000'), help_text='Permenpan RB 1/2020: 1.250 jam = 75.000 menit.', max_digits=9, verbose_name='waktu kerja efektif (menit per tahun)')),
                        ('hari_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('235'), help_text='Pengali volume yang dihitung per hari.', max_digits=6, verbose_name='hari kerja efektif per tahun')),
                        ('minggu_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('47'), help_text='Pengali volume yang dihitung per minggu.', max_digits=6, verbose_name='minggu kerja efektif per tahun')),
                        ('bulan_kerja_efektif', models.DecimalField(decimal_places=2, default=Decimal('12'), help_text='Pengali volume yang dihitung per bulan.', max_digits=6, verbose_name='bulan kerja per tahun')),
                        ('pembulatan', models.CharField(choices=[('half_up', 'Setengah ke atas (2,49 → 2; 2,50 → 3)'), ('ceiling', 'Selalu ke atas (2,01 → 3)')], default='half_up', max_length=10, verbose_name='pembulatan kebutuhan pegawai')),
                        ('pita_efektivitas', models.JSONField(default=anjab.models.periode.pita_bawaan, help_text='Batas bawah EJ tiap predikat, dari tertinggi ke terendah.', verbose_name='predikat efektivitas jabatan')),
                        ('dasar_hukum', models.TextField(blank=True, default=anjab.models.periode.dasar_hukum_bawaan, verbose_name='dasar hukum')),
                        ('dibuat', models.DateTimeField(auto_now_add=True)),
                        ('instansi', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='periode_abk', to='organisasi.instansi')),
                    ],
                    options={
                        'verbose_name': 'periode analisis beban kerja',
                        'verbose_name_plural': 'periode analisis beban kerja',
                        'db_table': 'abk_periodeanalisis',
                        'ordering': ['instansi', '-tahun', '-pk'],
                    },
                ),
                migrations.AlterField(
                    model_name='butirkegiatan',
                    name='periode',
                    field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='anjab.periodeanalisis'),
                ),
                migrations.AlterField(
                    model_name='tugasjabatan',
                    name='periode',
                    field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='anjab.periodeanalisis'),
                ),
                migrations.AddConstraint(
                    model_name='periodeanalisis',
                    constraint=models.UniqueConstraint(fields=('instansi', 'nama'), name='periode_unik_per_instansi'),
                ),
            ],
            database_operations=[],
        ),
    ]
