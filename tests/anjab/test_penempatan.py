"""Who holds which position is anjab's (anjab.Penempatan); organisasi's pegawai form shows the
choice through organisasi.perluasan. The bezetting of the rekap counts those placements."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from abk.rekap import hitung_rekap
from anjab.models import Penempatan, PeriodeAnalisis
from organisasi.models import Pegawai
from tests.factories import JabatanFactory, PegawaiFactory
from tests.organisasi.test_views import _pegawai_post


def test_the_pegawai_form_offers_positions_with_their_unit_and_places_the_employee(
    dunia, users, login
):
    JabatanFactory(unit=dunia.bidang, nama="Penelaah Teknis Kebijakan")
    ptk_sekretariat = JabatanFactory(unit=dunia.sekretariat, nama="Penelaah Teknis Kebijakan")
    client = login(users["operator"])
    halaman = client.get(reverse("organisasi:pegawai_create")).content.decode()
    # Two positions of one name: the unit tells them apart.
    assert "Penelaah Teknis Kebijakan — Bidang Rehabilitasi" in halaman
    assert "Penelaah Teknis Kebijakan — Sekretariat" in halaman
    assert (
        halaman.index('name="unit"') < halaman.index('name="jabatan"') < halaman.index('name="tmt"')
    )
    response = client.post(
        reverse("organisasi:pegawai_create"),
        _pegawai_post(dunia, unit=dunia.sekretariat.pk, jabatan=ptk_sekretariat.pk),
    )
    assert response.status_code == 302
    sri = Pegawai.objects.get(nip="199001012015032004")
    assert sri.penempatan.jabatan == ptk_sekretariat
    assert list(ptk_sekretariat.pemangku.all()) == [sri]


def test_the_form_shows_the_position_held_and_clearing_it_removes_the_placement(
    dunia, users, login
):
    plo = JabatanFactory(unit=dunia.sekretariat, nama="Penata Layanan Operasional")
    ani = dunia.pegawai_sekretariat
    Penempatan.objects.create(pegawai=ani, jabatan=plo)
    client = login(users["admin"])
    halaman = client.get(reverse("organisasi:pegawai_update", args=[ani.pk])).content.decode()
    assert f'<option value="{plo.pk}" selected>' in halaman
    data = _pegawai_post(dunia, nip=ani.nip, nama=ani.nama, unit=dunia.sekretariat.pk, jabatan="")
    assert client.post(reverse("organisasi:pegawai_update", args=[ani.pk]), data).status_code == 302
    assert not Penempatan.objects.filter(pegawai=ani).exists()
    assert Pegawai.objects.filter(pk=ani.pk).exists()


def test_an_operator_cannot_place_an_employee_in_a_position_outside_its_units(dunia, users, login):
    di_luar = JabatanFactory(unit=dunia.dinas_lain, nama="Epidemiolog")
    response = login(users["operator"]).post(
        reverse("organisasi:pegawai_create"), _pegawai_post(dunia, jabatan=di_luar.pk)
    )
    assert response.status_code == 200
    assert (
        "jabatan di luar unit kerja yang Anda kelola tidak dapat dipilih"
        in response.content.decode()
    )
    assert not Pegawai.objects.filter(nip="199001012015032004").exists()
    assert not Penempatan.objects.exists()


def test_the_rekap_counts_placements_as_bezetting_by_status(dunia):
    plo = JabatanFactory(unit=dunia.bidang, nama="Penata Layanan Operasional")
    PegawaiFactory(unit=dunia.bidang, jabatan=plo, status="PNS")
    PegawaiFactory(unit=dunia.bidang, jabatan=plo, status="PNS")
    PegawaiFactory(unit=dunia.bidang, jabatan=plo, status="PPPK", golongan=None)
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2026", tahun=2026)
    baris = next(b for b in hitung_rekap(periode).baris if b.jabatan.pk == plo.pk)
    assert baris.bezetting == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_each_employees_position_into_a_placement():
    sebelum = [("anjab", "0006_periode_dari_abk"), ("organisasi", "0005_berkas_privat")]
    sesudah = [("anjab", "0007_penempatan"), ("organisasi", "0006_penempatan")]
    executor = MigrationExecutor(connection)
    executor.migrate(sebelum)
    lama = executor.loader.project_state(sebelum).apps
    instansi = lama.get_model("organisasi", "Instansi").objects.create(
        nama="Pemerintah Kota Migrasi", jenis="kota", nama_daerah="Migrasi"
    )
    unit = lama.get_model("organisasi", "UnitOrganisasi").objects.create(
        instansi=instansi, nama="Dinas Migrasi", jenis="perangkat_daerah"
    )
    jabatan = lama.get_model("anjab", "Jabatan").objects.create(
        instansi=instansi, unit=unit, nama="Analis SDM Aparatur", jenis="fungsional"
    )
    pegawai = lama.get_model("organisasi", "Pegawai")
    pemangku = pegawai.objects.create(
        instansi=instansi, nip="199001012015032004", nama="Sri", status="PNS", jabatan=jabatan
    )
    tanpa = pegawai.objects.create(
        instansi=instansi, nip="199002022015031005", nama="Budi", status="PNS"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(sesudah)
    baru = executor.loader.project_state(sesudah).apps.get_model("anjab", "Penempatan")
    assert list(baru.objects.values_list("pegawai_id", "jabatan_id")) == [(pemangku.pk, jabatan.pk)]
    assert not baru.objects.filter(pegawai_id=tanpa.pk).exists()
    # The database is left as every other test expects it: every migration applied (the
    # ones after these, such as abk's data version, were unapplied by going back).
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
