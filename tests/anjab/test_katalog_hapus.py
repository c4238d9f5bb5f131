"""An instansi's catalogue row that positions still use is not deleted, and the screen says
by how many positions; an unused one is."""

from django.urls import reverse

from anjab.forms_katalog import katalog_form
from anjab.models import AspekLingkungan, JabatanPelaksanaRef, KondisiLingkungan
from tests.factories import JabatanFactory


def _hapus(client, slug, obj):
    return client.post(reverse("anjab:katalog_ubah", args=[slug, obj.pk]), {"hapus": "1"})


def test_an_aspect_still_used_is_kept_with_the_number_of_positions(dunia, users, login):
    aspek = AspekLingkungan.objects.create(instansi=dunia.instansi, kode="X", nama="Kebisingan")
    for jabatan in JabatanFactory.create_batch(2, unit=dunia.bidang):
        KondisiLingkungan.objects.create(jabatan=jabatan, aspek=aspek, faktor="Tinggi")
    client = login(users["admin"])
    response = _hapus(client, "kondisi-lingkungan", aspek)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "anjab:katalog_ubah", args=["kondisi-lingkungan", aspek.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "“X – Kebisingan” masih dipakai oleh 2 jabatan; tidak ada yang dihapus." in page
    assert AspekLingkungan.objects.filter(pk=aspek.pk).exists()
    assert KondisiLingkungan.objects.filter(aspek=aspek).count() == 2


def test_a_pelaksana_name_still_held_counts_the_positions(dunia, users, login):
    ref = JabatanPelaksanaRef.objects.create(
        instansi=dunia.instansi, kode="P1", nama="Pengadministrasi Lokal"
    )
    JabatanFactory(unit=dunia.bidang, jabatan_pelaksana=ref)
    client = login(users["admin"])
    response = _hapus(client, "jabatan-pelaksana", ref)
    page = client.get(response["Location"]).content.decode()
    assert "masih dipakai oleh 1 jabatan; tidak ada yang dihapus." in page
    assert JabatanPelaksanaRef.objects.filter(pk=ref.pk).exists()


def test_an_unused_aspect_is_deleted(dunia, users, login):
    aspek = AspekLingkungan.objects.create(instansi=dunia.instansi, kode="Y", nama="Debu")
    client = login(users["admin"])
    response = _hapus(client, "kondisi-lingkungan", aspek)
    assert response["Location"] == reverse("anjab:katalog_daftar", args=["kondisi-lingkungan"])
    assert "“Y – Debu” dihapus." in client.get(response["Location"]).content.decode()
    assert not AspekLingkungan.objects.filter(pk=aspek.pk).exists()


def test_the_catalogue_form_puts_its_own_columns_after_the_name():
    form = katalog_form(JabatanPelaksanaRef, ["klasifikasi", "kelas"])()
    assert list(form.fields) == ["kode", "nama", "klasifikasi", "kelas", "uraian", "urutan",
                                 "dasar_hukum"]  # fmt: skip
    assert form.fields["uraian"].widget.attrs["rows"] == 2
