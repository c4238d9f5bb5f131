"""Renstra writes take plain values: a part and its targets, and the stale save refused."""

from decimal import Decimal

import pytest

from kinerja import services
from kinerja.models import Indikator, Renstra, Sasaran, TargetIndikator, Tujuan
from organisasi.versi import DataBerubah


@pytest.fixture
def renstra(dunia):
    return Renstra.objects.create(unit=dunia.dinas, tahun_awal=2020, tahun_akhir=2024, visi="V")


def test_it_stores_an_indikator_with_its_targets_and_drops_an_emptied_one(renstra):
    tujuan = services.renstra_part_save(
        renstra=renstra, obj=None, model=Tujuan, nilai={"urutan": 1, "uraian": "Tujuan 1"}
    )
    sasaran = services.renstra_part_save(
        renstra=renstra, obj=None, model=Sasaran,
        nilai={"tujuan": tujuan, "urutan": 1, "uraian": "Sasaran 1"},
    )  # fmt: skip
    nilai = {"sasaran": sasaran, "urutan": 1, "uraian": "Indeks", "satuan": "%", "arah": "naik"}
    ind = services.renstra_part_save(
        renstra=renstra, obj=None, model=Indikator, nilai=nilai,
        target={2020: Decimal(70), 2021: Decimal(75)},
    )  # fmt: skip
    services.renstra_part_save(
        renstra=renstra, obj=ind, model=Indikator, nilai=nilai,
        target={2020: None, 2021: Decimal(80)},
    )  # fmt: skip
    assert tujuan.renstra_id == renstra.pk
    assert dict(TargetIndikator.objects.filter(indikator=ind).values_list("tahun", "target")) == {
        2021: Decimal(80)
    }


def test_a_stale_renstra_save_is_refused_and_writes_nothing(renstra):
    lama = renstra.versi
    services.renstra_save(renstra=renstra, nilai={"visi": "Versi Ani"}, versi=lama)
    with pytest.raises(DataBerubah):
        services.renstra_save(
            renstra=Renstra.objects.get(pk=renstra.pk), nilai={"visi": "Versi Budi"}, versi=lama
        )
    assert Renstra.objects.get(pk=renstra.pk).visi == "Versi Ani"
