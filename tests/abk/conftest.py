from io import StringIO

import pytest
from django.core.management import call_command

from anjab.models import PeriodeAnalisis
from organisasi.models import UnitOrganisasi

DINAS = "Dinas Sosial dan Pemberdayaan Masyarakat"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def tarakan(demo):
    return {
        "periode": PeriodeAnalisis.objects.get(nama="ABK 2024"),
        "dinas": UnitOrganisasi.objects.get(nama=DINAS),
    }
