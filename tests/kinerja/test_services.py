"""kinerja's writes take plain values: the Renstra and its parts, targets, budget and PK rows,
the LAKIP narrative; a stale save is refused."""

from decimal import Decimal

import pytest

from kinerja import services
from kinerja.models import (
    AnalisisSasaran,
    Anggaran,
    Indikator,
    IndikatorPK,
    Lakip,
    PerjanjianKinerja,
    Program,
    Renstra,
    Sasaran,
    TargetIndikator,
    Tujuan,
)
from organisasi.versi import DataBerubah


@pytest.fixture
def renstra(dunia):
    return Renstra.objects.create(unit=dunia.dinas, tahun_awal=2020, tahun_akhir=2024, visi="V")


@pytest.fixture
def sasaran(renstra):
    tujuan = services.bagian_create(
        renstra=renstra, model=Tujuan, nilai={"urutan": 1, "uraian": "Tujuan 1"}
    )
    return services.bagian_create(
        renstra=renstra, model=Sasaran, nilai={"tujuan": tujuan, "urutan": 1, "uraian": "S 1"}
    )


def _nilai_indikator(sasaran) -> dict:
    return {"sasaran": sasaran, "urutan": 1, "uraian": "Indeks", "satuan": "%", "arah": "naik"}


def _target(indikator) -> dict:
    return dict(TargetIndikator.objects.filter(indikator=indikator).values_list("tahun", "target"))


def test_it_creates_a_renstra_from_plain_values(dunia):
    r = services.renstra_create(
        nilai={"unit": dunia.dinas, "tahun_awal": 2025, "tahun_akhir": 2029, "misi": ["M1"]}
    )
    assert (r.tahun, r.misi, r.versi) == ([2025, 2026, 2027, 2028, 2029], ["M1"], 1)


def test_it_hangs_a_tujuan_on_the_renstra(renstra, sasaran):
    assert sasaran.tujuan.renstra_id == renstra.pk


def test_it_stores_the_targets_of_a_new_indikator(sasaran):
    ind = services.indikator_create(
        nilai=_nilai_indikator(sasaran), target={2020: Decimal(70), 2021: Decimal(75), 2022: None}
    )
    assert ind.sasaran_id == sasaran.pk
    assert _target(ind) == {2020: Decimal(70), 2021: Decimal(75)}


def test_it_replaces_a_target_and_drops_an_emptied_one(sasaran):
    nilai = _nilai_indikator(sasaran)
    ind = services.indikator_create(nilai=nilai, target={2020: Decimal(70), 2021: Decimal(75)})
    services.indikator_update(
        indikator=ind, nilai=nilai | {"uraian": "Indeks baru"}, target={2020: None, 2021: 80}
    )
    assert Indikator.objects.get(pk=ind.pk).uraian == "Indeks baru"
    assert _target(ind) == {2021: Decimal(80)}


def test_it_refuses_a_stale_renstra_update_naming_who_changed_it(renstra, users):
    lama = renstra.versi
    renstra._history_user = users["operator"]
    services.renstra_update(renstra=renstra, nilai={"visi": "Versi Ani"}, versi=lama)
    with pytest.raises(DataBerubah, match="diubah oleh operator_dinsos pada "):
        services.renstra_update(
            renstra=Renstra.objects.get(pk=renstra.pk), nilai={"visi": "Versi Budi"}, versi=lama
        )
    renstra.refresh_from_db()
    assert (renstra.visi, renstra.versi) == ("Versi Ani", lama + 1)


def _perjanjian(renstra, sasaran):
    ind = services.indikator_create(nilai=_nilai_indikator(sasaran), target={2020: 70})
    program = services.bagian_create(
        renstra=renstra, model=Program, nilai={"sasaran": sasaran, "urutan": 1, "nama": "P1"}
    )
    Anggaran.objects.create(program=program, tahun=2020, pagu=Decimal(1000))
    return services.perjanjian_compose(renstra=renstra, tahun=2020), ind


def test_it_applies_changed_removed_and_new_pk_rows_after_the_existing(renstra, sasaran):
    pk, ind = _perjanjian(renstra, sasaran)
    baris_target = pk.indikator.get()
    baris_program = pk.program.get()
    services.perjanjian_update(
        perjanjian=pk,
        versi=pk.versi,
        nilai={"pihak_pertama_nama": "Ani"},
        target=[
            {"obj": baris_target, "nilai": {"indikator": ind, "target": 72}, "hapus": False},
            {"obj": None, "nilai": {"indikator": ind, "target": 90}, "hapus": False},
        ],
        program=[{"obj": baris_program, "nilai": {}, "hapus": True}],
    )
    pk.refresh_from_db()
    assert (pk.pihak_pertama_nama, pk.versi) == ("Ani", 2)
    assert list(pk.indikator.values_list("urutan", "target")) == [(1, 72), (2, 90)]
    assert not pk.program.exists()


def test_it_writes_no_pk_row_when_the_agreement_is_stale(renstra, sasaran):
    pk, ind = _perjanjian(renstra, sasaran)
    services.perjanjian_update(perjanjian=pk, versi=1, nilai={}, target=[], program=[])
    with pytest.raises(DataBerubah):
        services.perjanjian_update(
            perjanjian=PerjanjianKinerja.objects.get(pk=pk.pk),
            versi=1,
            nilai={"pihak_pertama_nama": "Budi"},
            target=[{"obj": None, "nilai": {"indikator": ind, "target": 1}, "hapus": False}],
            program=[],
        )
    assert IndikatorPK.objects.filter(perjanjian=pk).count() == 1
    assert PerjanjianKinerja.objects.get(pk=pk.pk).pihak_pertama_nama == ""


def test_it_puts_a_new_budget_row_in_the_year_and_removes_a_deleted_one(renstra, sasaran):
    program = services.bagian_create(
        renstra=renstra, model=Program, nilai={"sasaran": sasaran, "urutan": 1, "nama": "P1"}
    )
    lama = Anggaran.objects.create(program=program, tahun=2021, pagu=Decimal(5))
    services.anggaran_set(
        tahun=2021,
        baris=[
            {"obj": lama, "nilai": {}, "hapus": True},
            {"obj": None, "nilai": {"program": program, "pagu": Decimal(7)}, "hapus": False},
        ],
    )
    assert list(Anggaran.objects.values_list("tahun", "pagu")) == [(2021, Decimal(7))]


def test_it_makes_the_lakip_row_once_then_changes_it(renstra, sasaran):
    lakip = services.lakip_set(
        renstra=renstra, tahun=2020, nilai={"ringkasan": "Awal"}, analisis={sasaran.pk: "A"}
    )
    services.lakip_set(
        renstra=renstra,
        tahun=2020,
        nilai={"ringkasan": "Akhir"},
        analisis={sasaran.pk: "B"},
        versi=lakip.versi,
    )
    assert list(Lakip.objects.values_list("tahun", "ringkasan")) == [(2020, "Akhir")]
    assert list(AnalisisSasaran.objects.values_list("uraian", flat=True)) == ["B"]


def test_a_stale_lakip_form_writes_nothing_and_names_who_saved(renstra, sasaran):
    lakip = services.lakip_set(renstra=renstra, tahun=2020, nilai={"ringkasan": "Awal"})
    dibuka = lakip.versi
    services.lakip_set(renstra=renstra, tahun=2020, nilai={"ringkasan": "Ani"}, versi=dibuka)
    with pytest.raises(DataBerubah, match="telah diubah"):
        services.lakip_set(
            renstra=renstra,
            tahun=2020,
            nilai={"ringkasan": "Budi"},
            analisis={sasaran.pk: "Budi"},
            versi=dibuka,
        )
    assert Lakip.objects.get().ringkasan == "Ani"
    assert not AnalisisSasaran.objects.exists()


def test_an_emptied_analysis_is_removed_and_another_renstras_sasaran_ignored(
    renstra, sasaran, dunia
):
    renstra_lain = Renstra.objects.create(unit=dunia.dinas, tahun_awal=2025, tahun_akhir=2029)
    lain = Sasaran.objects.create(
        tujuan=Tujuan.objects.create(renstra=renstra_lain, uraian="T"), uraian="Lain"
    )
    lakip = services.lakip_set(
        renstra=renstra, tahun=2020, nilai={}, analisis={sasaran.pk: "A", lain.pk: "X"}
    )
    assert list(AnalisisSasaran.objects.values_list("sasaran_id", flat=True)) == [sasaran.pk]
    services.lakip_set(
        renstra=renstra, tahun=2020, nilai={}, analisis={sasaran.pk: " "}, versi=lakip.versi
    )
    assert not AnalisisSasaran.objects.exists()
