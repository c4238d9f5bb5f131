"""The position services take plain values: what a section saves, and only inside its position."""

from decimal import Decimal

import pytest

from anjab import services
from anjab.models import AspekLingkungan, BakatKerja, HasilKerja, PeriodeAnalisis, TugasJabatan
from organisasi.versi import DataBerubah
from tests.factories import JabatanFactory


@pytest.fixture
def periode(db):
    j = JabatanFactory()
    return PeriodeAnalisis.objects.create(instansi=j.instansi, nama="ABK 2026", tahun=2026), j


def test_it_stores_rows_in_the_order_given_and_a_daily_volume_per_year(periode):
    periode, j = periode
    services.jabatan_rows_set(
        jabatan=j,
        model=TugasJabatan,
        periode=periode,
        baris=[
            {"id": None, "uraian": "Memeriksa surat", "satuan_volume": "hari", "volume": 2,
             "waktu": 30},
            {"id": None, "uraian": "Menyusun laporan", "satuan_volume": "tahun", "volume": 12,
             "waktu": 600},
        ],
    )  # fmt: skip
    rows = list(TugasJabatan.objects.filter(jabatan=j).order_by("urutan"))
    assert [r.uraian for r in rows] == ["Memeriksa surat", "Menyusun laporan"]
    # 2 a day × 235 working days = 470 a year; the typed 2 is kept beside it.
    assert (rows[0].volume, rows[0].volume_asal) == (Decimal(470), Decimal(2))
    assert rows[1].volume == Decimal(12) and rows[1].periode_id == periode.pk


def test_it_never_touches_another_positions_rows(periode):
    periode, j = periode
    lain = JabatanFactory(unit=j.unit)
    asing = HasilKerja.objects.create(jabatan=lain, urutan=1, hasil="Laporan lain")
    services.jabatan_rows_set(
        jabatan=j, model=HasilKerja, baris=[{"id": asing.pk, "hasil": "Diubah"}], hapus=[asing.pk]
    )
    asing.refresh_from_db()
    assert asing.hasil == "Laporan lain" and asing.jabatan_id == lain.pk
    assert list(HasilKerja.objects.filter(jabatan=j).values_list("hasil", flat=True)) == ["Diubah"]


def test_a_stale_section_save_is_refused_and_writes_nothing(periode):
    _, j = periode
    lama = j.versi
    services.jabatan_update(jabatan=j, versi=lama, nilai={"ikhtisar": "Versi Ani"})
    with pytest.raises(DataBerubah):
        services.jabatan_update(
            jabatan=j,
            versi=lama,
            nilai={"ikhtisar": "Versi Budi"},
            tabel=[(HasilKerja, [{"id": None, "hasil": "Baru"}], [])],
        )
    j.refresh_from_db()
    assert j.ikhtisar == "Versi Ani" and not HasilKerja.objects.filter(jabatan=j).exists()


def test_copying_a_position_copies_its_tasks_of_the_period(periode):
    periode, j = periode
    services.jabatan_rows_set(
        jabatan=j,
        model=TugasJabatan,
        periode=periode,
        baris=[{"id": None, "uraian": "Memeriksa surat", "satuan_volume": "tahun", "volume": 40,
                "waktu": 30}],
    )  # fmt: skip
    baru = services.jabatan_copy(jabatan=j, nama="Salinan")
    tugas = list(TugasJabatan.objects.filter(jabatan=baru, periode=periode))
    assert [(t.uraian, t.volume, t.waktu) for t in tugas] == [
        ("Memeriksa surat", Decimal(40), Decimal(30))
    ]
    assert baru.unit_id == j.unit_id and baru.urutan > j.urutan and baru.nama == "Salinan"
    assert TugasJabatan.objects.filter(jabatan=j).count() == 1


def test_the_working_conditions_keep_only_the_aspects_given_a_factor(periode):
    _, j = periode
    suhu = AspekLingkungan.objects.create(kode="U1", nama="Suhu")
    udara = AspekLingkungan.objects.create(kode="U2", nama="Udara")
    services.kondisi_set(jabatan=j, nilai={suhu.pk: "Dingin", udara.pk: ""})
    assert dict(j.kondisi_lingkungan.values_list("aspek_id", "faktor")) == {suhu.pk: "Dingin"}
    services.kondisi_set(jabatan=j, nilai={suhu.pk: "Panas"})
    assert dict(j.kondisi_lingkungan.values_list("aspek_id", "faktor")) == {suhu.pk: "Panas"}


def test_an_instansis_catalogue_row_is_created_changed_and_removed_as_its_own(periode):
    _, j = periode
    row = services.katalog_create(
        model=BakatKerja, instansi_id=j.instansi_id, nilai={"kode": "X", "nama": "Bakat lokal"}
    )
    assert BakatKerja.objects.get(pk=row.pk).instansi_id == j.instansi_id
    services.katalog_update(row=row, nilai={"nama": "Bakat daerah"})
    assert BakatKerja.objects.get(pk=row.pk).nama == "Bakat daerah"
    services.katalog_delete(row=row)
    assert not BakatKerja.objects.filter(pk=row.pk).exists()
