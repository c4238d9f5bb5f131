"""The budget table of a Renstra year and the PK's rows: every row's select and hidden id is
checked against lists read once, so showing and saving cost the same queries whatever the
rows, and a forged program of another Renstra is refused."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import Anggaran, Program, Renstra
from tests.html_form import isian


@pytest.fixture
def pontianak(db, login):
    call_command("load_demo", stdout=StringIO())
    renstra = Renstra.objects.get()
    return renstra, login(User.objects.get(username="pontianak"))


def _buka_simpan(client, url):
    with CaptureQueriesContext(connection) as buka:
        data = isian(client.get(url).content.decode(), None)
    with CaptureQueriesContext(connection) as simpan:
        response = client.post(url, data)
    return response, len(buka), len(simpan)


def test_the_budget_table_costs_the_same_queries_at_any_length(pontianak):
    renstra, client = pontianak
    url = reverse("kinerja:anggaran", args=[renstra.pk, 2020])
    sebelum = sorted(Anggaran.objects.filter(tahun=2020).values_list("pk", "pagu", "realisasi"))
    assert len(sebelum) > 10  # seed 002's budget rows

    response, buka, simpan = _buka_simpan(client, url)

    assert response.status_code == 302
    # nothing typed, nothing written
    assert sorted(Anggaran.objects.filter(tahun=2020).values_list("pk", "pagu", "realisasi")) == (
        sebelum
    )
    program = Program.objects.filter(renstra=renstra).first()
    Anggaran.objects.bulk_create(
        Anggaran(program=program, tahun=2020, uraian=f"Belanja {i}", pagu=Decimal(i), urutan=99)
        for i in range(40)
    )
    _r, buka_panjang, simpan_panjang = _buka_simpan(client, url)
    assert (buka_panjang, simpan_panjang) == (buka, simpan)


def test_a_program_of_another_renstra_is_refused_and_nothing_is_saved(pontianak):
    renstra, client = pontianak
    url = reverse("kinerja:anggaran", args=[renstra.pk, 2020])
    lain = Renstra.objects.create(
        unit=renstra.unit, tahun_awal=2025, tahun_akhir=2029, visi="Renstra lain"
    )
    asing = Program.objects.create(renstra=lain, urutan=1, nama="Program Renstra lain")
    data = isian(client.get(url).content.decode(), None)
    data["form-0-program"] = [str(asing.pk)]
    data["form-0-pagu"] = ["1.000"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "bukan salah satu dari pilihan yang tersedia" in response.content.decode()
    assert not Anggaran.objects.filter(program=asing).exists()
