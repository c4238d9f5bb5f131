"""Loads reference data shipped in fixtures/ (called by migrations and by load_demo)."""

import json
from pathlib import Path

from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def baca_fixture(nama: str) -> dict:
    with open(FIXTURES / nama, encoding="utf-8") as f:
        return json.load(f)


def muat_pangkat_golongan(model) -> int:
    """Creates or updates every row of fixtures/pangkat_golongan.json; returns the row count."""
    rows = baca_fixture("pangkat_golongan.json")["data"]
    for row in rows:
        model.objects.update_or_create(
            jenis_asn=row["jenis_asn"],
            kode=row["kode"],
            defaults={k: row[k] for k in ("pangkat", "urutan", "dasar_hukum")},
        )
    return len(rows)


def buat_grup_peran(group_model) -> None:
    from organisasi.akses import Peran

    for peran in Peran:
        group_model.objects.get_or_create(name=peran.value)
