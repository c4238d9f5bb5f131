"""Names instead of codes on screens (issue 14 item 8): a catalogue whose codes are only keys
shows its names, temperaments read in Indonesian; the documents keep the regulation's text."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from anjab.models import Jabatan, TemperamenKerja, UpayaFisik


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_catalogue_labels_are_names_not_keys(demo):
    assert str(UpayaFisik.objects.get(kode="duduk")) == "Duduk"
    assert "_" not in " ".join(str(u) for u in UpayaFisik.objects.all())
    assert str(TemperamenKerja.objects.get(kode="D")) == (
        "D – Memimpin, mengendalikan atau merencanakan (DCP)"
    )


def test_the_editor_offers_indonesian_temperaments_and_named_efforts(demo, client):
    client.force_login(User.objects.get(username="tarakan"))
    jabatan = Jabatan.objects.filter(instansi__nama="Pemerintah Kota Tarakan").first()
    html = client.get(
        reverse("anjab:jabatan_bagian", args=[jabatan.pk, "syarat-lain"])
    ).content.decode()
    assert "Bekerja di bawah tekanan (PUS)" in html
    for kode_inggris in ["Directing-Control-Planning", "Performing Under Stress"]:
        assert kode_inggris not in html
    assert "bekerja_dengan_jari" not in html.replace('value="bekerja_dengan_jari"', "")


def test_a_superior_is_offered_with_its_unit(demo, client):
    client.force_login(User.objects.get(username="tarakan"))
    jabatan = Jabatan.objects.filter(instansi__nama="Pemerintah Kota Tarakan", kepala_unit=False)
    url = reverse("anjab:jabatan_bagian", args=[jabatan.first().pk, "umum"])
    html = client.get(url).content.decode()
    assert "Penelaah Teknis Kebijakan — " in html


def test_each_section_and_field_explains_itself_with_its_regulation(demo, client):
    client.force_login(User.objects.get(username="tarakan"))
    jabatan = Jabatan.objects.get(nama="Sekretaris Daerah")  # no task rows yet
    html = client.get(reverse("anjab:jabatan_bagian", args=[jabatan.pk, "umum"])).content.decode()
    assert "Butir 1–4 dan 17 Informasi Jabatan" in html and "PermenPANRB 1/2020" in html
    assert "Butir 4: ringkasan tugas jabatan dalam satu kalimat." in html  # the ikhtisar's help
    html = client.get(reverse("anjab:jabatan_bagian", args=[jabatan.pk, "tugas"])).content.decode()
    assert "Butir 6: satu tugas per baris." in html
    assert "Belum ada baris. Tekan “Tambah baris” untuk menulis yang pertama" in html


def test_the_catalogue_page_names_temperaments_in_indonesian_first(demo, client):
    client.force_login(User.objects.get(username="tarakan"))
    html = client.get(reverse("anjab:katalog_daftar", args=["temperamen-kerja"])).content.decode()
    assert "Bekerja di bawah tekanan" in html
    assert html.index("Bekerja di bawah tekanan") < html.index("Performing Under Stress")
