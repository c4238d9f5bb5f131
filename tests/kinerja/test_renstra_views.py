"""The planning officer records the Renstra, its budget and the Perjanjian Kinerja in the
browser's forms; the capaian and budget tables then compute from what was entered."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kinerja.models import (
    Anggaran,
    Indikator,
    IndikatorPK,
    Kegiatan,
    PerjanjianKinerja,
    Program,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
)

INDIKATOR = "Persentase partisipasi masyarakat dalam kegiatan wawasan kebangsaan"
PROGRAM = "Program Pengembangan Wawasan Kebangsaan"


def _teks(content: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )


def _anggaran_post(baris, awal=0):
    data = {
        "form-TOTAL_FORMS": str(len(baris)),
        "form-INITIAL_FORMS": str(awal),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, b in enumerate(baris):
        for k, v in b.items():
            data[f"form-{i}-{k}"] = v
    return data


@pytest.fixture
def renstra_dinsos(dunia, users, login):
    """A Renstra entered through the forms by the Dinas Sosial operator."""
    client = login(users["operator"])
    response = client.post(
        reverse("kinerja:renstra_baru"),
        {
            "unit": dunia.dinas.pk,
            "tahun_awal": "2020",
            "tahun_akhir": "2024",
            "visi": "Terwujudnya masyarakat yang sejahtera",
            "misi_teks": "1. Meningkatkan pelayanan sosial;\n2. Memperkuat wawasan kebangsaan.",
        },
    )
    r = Renstra.objects.get(unit=dunia.dinas)
    assert response.status_code == 302 and response.url == reverse("kinerja:struktur", args=[r.pk])
    assert r.misi == ["Meningkatkan pelayanan sosial", "Memperkuat wawasan kebangsaan"]
    return client, r


def test_the_officer_builds_a_renstra_and_its_pk_and_sees_the_computed_capaian(
    renstra_dinsos,
):
    client, r = renstra_dinsos

    def tambah(jenis, data, **query):
        url = reverse("kinerja:bagian_baru", args=[r.pk, jenis])
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]

    tambah("tujuan", {"urutan": "1", "uraian": "Meningkatnya ketahanan sosial"})
    tujuan = Tujuan.objects.get(renstra=r)
    tambah(
        "sasaran",
        {"tujuan": tujuan.pk, "urutan": "1", "uraian": "Meningkatnya wawasan kebangsaan"},
    )
    sasaran = Sasaran.objects.get(tujuan=tujuan)
    tambah(
        "indikator",
        {
            "sasaran": sasaran.pk,
            "urutan": "1",
            "uraian": INDIKATOR,
            "satuan": "%",
            "arah": "naik",
            "target_2020": "75",
            "target_2021": "77,5",
        },
    )
    ind = Indikator.objects.get(sasaran=sasaran)
    assert dict(TargetIndikator.objects.filter(indikator=ind).values_list("tahun", "target")) == {
        2020: Decimal("75"),
        2021: Decimal("77.5"),
    }
    tambah("program", {"sasaran": sasaran.pk, "urutan": "1", "nama": PROGRAM})
    program = Program.objects.get(renstra=r)
    tambah(
        "kegiatan",
        {"program": program.pk, "urutan": "1", "nama": "Fasilitasi wawasan kebangsaan"},
    )
    kegiatan = Kegiatan.objects.get(program=program)

    # the budget of 2020, seed 002's figures for this program
    response = client.post(
        reverse("kinerja:anggaran", args=[r.pk, 2020]),
        _anggaran_post(
            [
                {
                    "program": program.pk,
                    "kegiatan": kegiatan.pk,
                    "uraian": "",
                    "pagu": "296.200.000",
                    "realisasi": "293.774.600",
                }
            ]
        ),
    )
    assert response.status_code == 302
    assert Anggaran.objects.get(tahun=2020).pagu == Decimal("296200000")

    # the PK is drafted from the Renstra's targets and the year's pagu
    response = client.post(reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": 2020})
    pk = PerjanjianKinerja.objects.get(renstra=r, tahun=2020)
    assert response.url == reverse("kinerja:perjanjian", args=[r.pk, pk.pk])
    assert pk.indikator.get().target == Decimal("75")
    assert pk.program.get().anggaran == Decimal("296200000")
    again = client.post(
        reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": 2020}, follow=True
    )
    assert "sudah ada" in again.content.decode()
    assert PerjanjianKinerja.objects.filter(renstra=r, tahun=2020).count() == 1

    # realisation of the year and of a quarter
    client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "80,09"},
    )
    row = client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 2, "nilai": "40,5"},
    ).content.decode()
    assert 'value="40,5"' in row and "106,79%" in row

    page = client.get(reverse("kinerja:renstra", args=[r.pk]), {"tahun": 2020}).content.decode()
    assert "106,79%" in page  # 80,09 ÷ 75 × 100; the seed printed 117,8%
    assert "99,18" in page  # 293.774.600 ÷ 296.200.000; the seed printed 99,00
    teks = _teks(client.get(reverse("kinerja:lakip_pdf", args=[r.pk, 2020])).content)
    assert "75 % 80,09 % 106,79%" in teks
    assert "296.200.000 293.774.600 99,18" in teks


def test_a_perubahan_keeps_the_original_and_takes_over_the_capaian(renstra_dinsos, dunia):
    client, r = renstra_dinsos
    tujuan = Tujuan.objects.create(renstra=r, uraian="T")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="S")
    ind = Indikator.objects.create(sasaran=sasaran, uraian=INDIKATOR)
    TargetIndikator.objects.create(indikator=ind, tahun=2020, target=Decimal("75"))
    client.post(reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": 2020})
    asli = PerjanjianKinerja.objects.get(renstra=r)
    response = client.post(reverse("kinerja:perjanjian_perubahan", args=[r.pk, asli.pk]))
    ubah = PerjanjianKinerja.objects.get(renstra=r, jenis="perubahan")
    assert ubah.asal == asli and response.url == reverse("kinerja:perjanjian", args=[r.pk, ubah.pk])
    baris = ubah.indikator.get()
    kedua = Indikator.objects.create(sasaran=sasaran, uraian="Indeks kerukunan", urutan=2)
    asing = Indikator.objects.create(
        sasaran=Sasaran.objects.create(
            tujuan=Tujuan.objects.create(
                renstra=Renstra.objects.create(
                    unit=dunia.dinas_lain, tahun_awal=2020, tahun_akhir=2024
                ),
                uraian="T lain",
            ),
            uraian="S lain",
        ),
        uraian="Indikator dinas lain",
    )
    program = Program.objects.create(renstra=r, nama=PROGRAM)
    data = {
        "target-TOTAL_FORMS": "2",
        "target-INITIAL_FORMS": "1",
        "target-MIN_NUM_FORMS": "0",
        "target-MAX_NUM_FORMS": "1000",
        "target-0-id": baris.pk,
        "target-0-perjanjian": ubah.pk,
        "target-0-indikator": ind.pk,
        "target-0-target": "80",
        "target-1-perjanjian": ubah.pk,
        "target-1-indikator": asing.pk,
        "target-1-target": "3,5",
        "program-TOTAL_FORMS": "1",
        "program-INITIAL_FORMS": "0",
        "program-MIN_NUM_FORMS": "0",
        "program-MAX_NUM_FORMS": "1000",
        "program-0-perjanjian": ubah.pk,
        "program-0-program": program.pk,
        "program-0-anggaran": "296.200.000",
        "tempat_tanggal": "Tarakan, 2 Januari 2020",
        "pihak_pertama_nama": "Kepala Dinas",
        "versi": ubah.versi,
    }
    url = reverse("kinerja:perjanjian", args=[r.pk, ubah.pk])
    assert 'value="75"' in client.get(url).content.decode()
    response = client.post(url, data)
    assert response.status_code == 200  # another Renstra's indikator cannot be added
    assert IndikatorPK.objects.get(perjanjian=ubah).target == Decimal("75")
    data["target-1-indikator"] = kedua.pk
    response = client.post(url, data)
    assert response.status_code == 302
    assert IndikatorPK.objects.get(perjanjian=asli).target == Decimal("75")
    assert dict(ubah.indikator.values_list("indikator__uraian", "target")) == {
        INDIKATOR: Decimal("80"),
        "Indeks kerukunan": Decimal("3.5"),
    }
    assert ubah.program.get().anggaran == Decimal("296200000")
    assert not asli.program.exists()
    client.post(
        reverse("kinerja:realisasi_simpan", args=[r.pk, ind.pk]),
        {"tahun": 2020, "triwulan": 0, "nilai": "80,09"},
    )
    page = client.get(reverse("kinerja:renstra", args=[r.pk]), {"tahun": 2020}).content.decode()
    assert "100,11%" in page  # 80,09 ÷ 80 under the Perubahan, not ÷ 75


def test_bad_input_gets_a_message_and_changes_nothing(renstra_dinsos, dunia):
    client, r = renstra_dinsos
    response = client.post(
        reverse("kinerja:renstra_ubah", args=[r.pk]),
        {"unit": dunia.dinas.pk, "tahun_awal": "2024", "tahun_akhir": "2020", "visi": "x"},
    )
    assert "Tahun akhir sebelum tahun awal." in response.content.decode()
    # a unit outside the operator's subtree cannot be chosen
    response = client.post(
        reverse("kinerja:renstra_baru"),
        {"unit": dunia.dinas_lain.pk, "tahun_awal": "2020", "tahun_akhir": "2024"},
    )
    assert response.status_code == 200 and not Renstra.objects.filter(unit=dunia.dinas_lain)
    tujuan = Tujuan.objects.create(renstra=r, uraian="T")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="S")
    p1 = Program.objects.create(renstra=r, nama="P1")
    p2 = Program.objects.create(renstra=r, nama="P2")
    k2 = Kegiatan.objects.create(program=p2, nama="K2")
    response = client.post(
        reverse("kinerja:anggaran", args=[r.pk, 2020]),
        _anggaran_post(
            [
                {"program": p1.pk, "kegiatan": k2.pk, "pagu": "1.000", "realisasi": "0"},
                {"program": p1.pk, "kegiatan": "", "uraian": "Gaji", "pagu": "-5"},
                {"program": p2.pk, "kegiatan": "", "uraian": "", "pagu": "abc"},
            ]
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "bukan bagian dari program" in html and "tidak boleh negatif" in html
    assert not Anggaran.objects.exists()
    response = client.post(
        reverse("kinerja:bagian_baru", args=[r.pk, "indikator"]),
        {
            "sasaran": sasaran.pk,
            "urutan": "1",
            "uraian": "X",
            "satuan": "%",
            "arah": "naik",
            "target_2020": "tujuh puluh",
        },
    )
    assert response.status_code == 200 and not Indikator.objects.exists()
    # no 500 on hand-made URLs
    assert client.get(reverse("kinerja:bagian_baru", args=[r.pk, "lainnya"])).status_code == 404
    assert (
        client.get(reverse("kinerja:bagian_baru", args=[r.pk, "sasaran"]), {"tujuan": "x"})
    ).status_code == 404
    assert client.get(reverse("kinerja:anggaran", args=[r.pk, 2031])).status_code == 404
    response = client.post(reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": "dua"})
    assert response.status_code == 404
    response = client.post(
        reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": 2021}, follow=True
    )
    assert "Belum ada indikator dengan target tahun 2021" in response.content.decode()


def test_an_indikator_in_a_pk_is_not_deleted_from_under_it(renstra_dinsos):
    client, r = renstra_dinsos
    tujuan = Tujuan.objects.create(renstra=r, uraian="T")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="S")
    ind = Indikator.objects.create(sasaran=sasaran, uraian=INDIKATOR)
    TargetIndikator.objects.create(indikator=ind, tahun=2020, target=Decimal("75"))
    client.post(reverse("kinerja:perjanjian_susun", args=[r.pk]), {"tahun": 2020})
    url = reverse("kinerja:bagian_ubah", args=[r.pk, "indikator", ind.pk])
    response = client.post(url, {"hapus": "1"}, follow=True)
    assert "masih dipakai pada Perjanjian Kinerja" in response.content.decode()
    assert Indikator.objects.filter(pk=ind.pk).exists()


def test_other_agencies_get_404_and_readers_403(renstra_dinsos, users, login):
    _, r = renstra_dinsos
    tujuan = Tujuan.objects.create(renstra=r, uraian="T")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="S")
    ind = Indikator.objects.create(sasaran=sasaran, uraian=INDIKATOR)
    TargetIndikator.objects.create(indikator=ind, tahun=2020, target=Decimal("75"))
    pk = PerjanjianKinerja.objects.create(renstra=r, tahun=2020)
    urls = [
        reverse("kinerja:renstra_ubah", args=[r.pk]),
        reverse("kinerja:struktur", args=[r.pk]),
        reverse("kinerja:bagian_baru", args=[r.pk, "tujuan"]),
        reverse("kinerja:bagian_ubah", args=[r.pk, "indikator", ind.pk]),
        reverse("kinerja:anggaran", args=[r.pk, 2020]),
        reverse("kinerja:perjanjian", args=[r.pk, pk.pk]),
    ]
    lain = login(users["admin_lain"])
    for url in urls:
        assert lain.get(url).status_code == 404, url
        assert lain.post(url, {"hapus": "1"}).status_code in (404, 405), url
    for url in [
        reverse("kinerja:perjanjian_susun", args=[r.pk]),
        reverse("kinerja:perjanjian_perubahan", args=[r.pk, pk.pk]),
    ]:
        assert lain.post(url, {"tahun": 2020}).status_code == 404, url
    pembaca = login(users["pembaca"])
    assert pembaca.get(reverse("kinerja:struktur", args=[r.pk])).status_code == 200
    for url in urls:
        if "struktur/" not in url or url.count("/") > 5:
            assert pembaca.post(url, {"hapus": "1"}).status_code == 403, url
    assert Indikator.objects.filter(pk=ind.pk).exists()
    assert PerjanjianKinerja.objects.filter(renstra=r).count() == 1


def test_the_structure_page_runs_a_fixed_number_of_queries(
    renstra_dinsos, django_assert_max_num_queries
):
    client, r = renstra_dinsos
    for i in range(6):
        tujuan = Tujuan.objects.create(renstra=r, uraian=f"T{i}")
        sasaran = Sasaran.objects.create(tujuan=tujuan, uraian=f"S{i}")
        prog = Program.objects.create(renstra=r, nama=f"P{i}", sasaran=sasaran)
        Kegiatan.objects.create(program=prog, nama=f"K{i}")
        for j in range(3):
            ind = Indikator.objects.create(sasaran=sasaran, uraian=f"I{i}{j}")
            for t in r.tahun:
                TargetIndikator.objects.create(indikator=ind, tahun=t, target=j)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("kinerja:struktur", args=[r.pk]))
    # Whole words only: a random CSRF token or CSP nonce may contain "I5".
    assert len(re.findall(r"\bI5\d\b", response.content.decode())) == 3
