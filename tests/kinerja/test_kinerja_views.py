import io
import re
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import URLPattern, reverse
from pypdf import PdfReader

from kinerja import urls as kinerja_urls
from kinerja.models import Indikator, Realisasi, Renstra
from organisasi.akses import Peran
from tests.factories import UnitFactory, make_user
from tests.html_form import isian


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())
    renstra = Renstra.objects.get()
    return {
        "renstra": renstra,
        "unit": renstra.unit,
        "user": User.objects.get(username="pontianak"),
    }


def _teks(content: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )


def test_the_lakip_pdf_computes_what_the_seed_printed_wrong(demo, login):
    r = demo["renstra"]
    response = login(demo["user"]).get(reverse("kinerja:lakip_pdf", args=[r.pk, 2020]))
    teks = _teks(response.content)
    for bagian in [
        "LAPORAN AKUNTABILITAS KINERJA",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "Perbandingan Realisasi Tahun N",
    ]:
        assert bagian in teks, bagian
    assert "75 % 80,09 % 106,79%" in teks  # the seed prints 117,8%
    assert "296.200.000 293.774.600 99,18" in teks  # the seed prints 99,00
    assert "JUMLAH 2.804.150.926 2.714.944.445 96,82" in teks
    assert "80,09 78,69 1,40" in teks  # N and N-1


def test_the_lakip_numbers_its_front_matter_in_roman_and_lists_its_contents(demo, login):
    """As seed 002: the cover unnumbered, Kata Pengantar i (two pages), Ringkasan Eksekutif
    iii, Daftar Isi iv, Daftar Tabel v, Bab I from 1; the Daftar Isi and Daftar Tabel give the
    pages the layout put the chapters and tables on."""
    r = demo["renstra"]
    pdf = login(demo["user"]).get(reverse("kinerja:lakip_pdf", args=[r.pk, 2020])).content
    halaman = [p.extract_text().strip().splitlines() for p in PdfReader(io.BytesIO(pdf)).pages]
    nomor = {baris[0]: baris[-1] for baris in halaman[1:]}
    assert nomor["KATA PENGANTAR"] == "i" and nomor["RINGKASAN EKSEKUTIF"] == "iii"
    assert nomor["DAFTAR ISI"] == "iv" and nomor["DAFTAR TABEL"] == "v"
    assert nomor["BAB I"] == "1"
    assert not halaman[0][-1].isdigit()  # the cover
    daftar_isi = " ".join(next(h for h in halaman if h[0] == "DAFTAR ISI"))
    assert re.search(r"Kata Pengantar \.+ i ", daftar_isi)
    assert re.search(r"Bab I Pendahuluan \.+ 1 ", daftar_isi)
    for bab, judul in [
        ("BAB II", "Bab II Perencanaan Kinerja"),
        ("BAB III", "Bab III Akuntabilitas Kinerja"),
        ("BAB IV", "Bab IV Penutup"),
    ]:
        assert re.search(rf"{judul} \.+ {nomor[bab]} ", daftar_isi), bab
    daftar_tabel = " ".join(next(h for h in halaman if h[0] == "DAFTAR TABEL"))
    tabel_4 = next(h for h in halaman if "Tabel 4" in h and h[0] != "DAFTAR TABEL")
    assert re.search(
        rf"Tabel 4 Capaian Indikator Kinerja Tahun 2020 \.+ {tabel_4[-1]} ", daftar_tabel
    )


def test_render_document_lakip(demo, tmp_path):
    out = tmp_path / "lakip.pdf"
    call_command(
        "render_document",
        "lakip",
        "--unit",
        str(demo["unit"].pk),
        "--tahun",
        "2020",
        "--out",
        str(out),
        stdout=StringIO(),
    )
    assert "106,79%" in _teks(out.read_bytes())
    with pytest.raises(CommandError, match="tidak mempunyai Renstra"):
        call_command(
            "render_document",
            "lakip",
            "--unit",
            str(demo["unit"].pk),
            "--tahun",
            "2030",
            "--out",
            str(out),
        )


def test_entering_a_realisation_recomputes_the_capaian(demo, login):
    r = demo["renstra"]
    ind = Indikator.objects.get(uraian__startswith="Persentase partisipasi")
    client = login(demo["user"])
    response = client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "78,75"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "105,00%" in html and "<html" not in html
    assert Realisasi.objects.get(indikator=ind, tahun=2020, triwulan=0).nilai == Decimal("78.75")
    response = client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "delapan"},
    )
    assert "harus berupa angka" in response.content.decode()
    assert Realisasi.objects.get(indikator=ind, tahun=2020, triwulan=0).nilai == Decimal("78.75")


def test_the_original_pk_is_kept_beside_its_perubahan(demo, login):
    r = demo["renstra"]
    page = (
        login(demo["user"])
        .get(reverse("kinerja:renstra", args=[r.pk]), {"tahun": 2020})
        .content.decode()
    )
    assert "Perjanjian Kinerja 2020" in page and "Perjanjian Kinerja Perubahan 2020" in page
    perubahan = r.perjanjian_kinerja.get(jenis="perubahan")
    assert perubahan.asal.jenis == "awal"
    teks = _teks(
        login(demo["user"]).get(reverse("kinerja:pk_pdf", args=[r.pk, perubahan.pk])).content
    )
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2020" in teks and "Rp. 478.650.000,-" in teks
    assert "RIZAL, S.Sos" in teks and "WALIKOTA PONTIANAK" in teks


def test_the_lakip_narrative_is_written_by_the_user(demo, login):
    r = demo["renstra"]
    client = login(demo["user"])
    data = isian(client.get(reverse("kinerja:lakip", args=[r.pk, 2020])).content.decode())
    data["saran"] = ["Saran baru yang ditulis analis."]
    assert client.post(reverse("kinerja:lakip", args=[r.pk, 2020]), data).status_code == 302
    html = client.get(reverse("kinerja:lakip_dokumen", args=[r.pk, 2020])).content.decode()
    assert "Saran baru yang ditulis analis." in html


OBJECT_URLS = {"renstra", "realisasi_simpan", "lakip", "lakip_dokumen", "lakip_pdf", "pk_pdf"}
# the editing screens' URLs: test_renstra_views.test_other_agencies_get_404_and_readers_403
EDIT_URLS = {
    "renstra_ubah",
    "struktur",
    "bagian_baru",
    "bagian_ubah",
    "anggaran",
    "perjanjian",
    "perjanjian_susun",
    "perjanjian_perubahan",
}


def test_every_object_url_is_in_the_cross_tenant_test():
    names = {
        p.name
        for p in kinerja_urls.urlpatterns
        if isinstance(p, URLPattern) and "pk" in p.pattern.converters
    }
    assert names == OBJECT_URLS | EDIT_URLS


def test_another_instansi_gets_404_on_every_kinerja_url(demo, login, dunia):
    r = demo["renstra"]
    ind = Indikator.objects.first()
    perjanjian = r.perjanjian_kinerja.first()
    orang_lain = make_user("orang_lain", peran=Peran.ADMIN_INSTANSI, instansi=dunia.instansi)
    client = login(orang_lain)
    urls = [
        reverse("kinerja:renstra", args=[r.pk]),
        reverse("kinerja:lakip", args=[r.pk, 2020]),
        reverse("kinerja:lakip_dokumen", args=[r.pk, 2020]),
        reverse("kinerja:lakip_pdf", args=[r.pk, 2020]),
        reverse("kinerja:pk_pdf", args=[r.pk, perjanjian.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "1"},
    )
    assert response.status_code == 404
    operator = make_user(
        "op_lain",
        peran=Peran.OPERATOR,
        instansi=r.unit.instansi,
        unit=UnitFactory(instansi=r.unit.instansi, nama="Dinas Lain"),
    )
    assert login(operator).get(reverse("kinerja:renstra", args=[r.pk])).status_code == 404


def test_readers_cannot_enter_realisations(demo, login):
    r = demo["renstra"]
    pembaca = make_user("pembaca_ptk", peran=Peran.PEMBACA, instansi=r.unit.instansi)
    ind = Indikator.objects.first()
    response = login(pembaca).post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "1"},
    )
    assert response.status_code == 403
