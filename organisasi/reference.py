"""Reads the reference data shipped in fixtures/. The migrations that first loaded it carry their
own copy of the loader, so changing this module changes no migration."""

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
