from io import StringIO

import pytest
from django.core.management import call_command

from anjab.models import Jabatan


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def jabatan_demo(nama: str, unit: str) -> Jabatan:
    return Jabatan.objects.get(nama=nama, unit__nama=unit, instansi__nama="Pemerintah Kota Tarakan")
