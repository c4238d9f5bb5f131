"""Two analysts saving a year's LAKIP for the first time at once: one text is kept, the other
is told who saved first, and nobody gets a 500 or a second LAKIP of the year."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from kinerja.models import Lakip, Renstra
from organisasi.akses import Peran
from tests.abk.test_bersamaan import bersamaan
from tests.factories import make_user
from tests.html_form import isian

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database for each writer, so requests never overlap",
    ),
]


def test_two_first_saves_of_a_lakip_keep_one_and_tell_the_other(login):
    call_command("load_demo", stdout=StringIO())
    renstra = Renstra.objects.get()
    tahun = next(
        t
        for t in range(renstra.tahun_awal, renstra.tahun_akhir + 1)
        if not Lakip.objects.filter(renstra=renstra, tahun=t).exists()
    )
    pontianak = User.objects.get(username="pontianak")
    kedua = make_user("analis_kedua", peran=Peran.ADMIN_INSTANSI, instansi=renstra.unit.instansi)
    url = reverse("kinerja:lakip", args=[renstra.pk, tahun])
    clients = [login(pontianak), login(kedua)]
    # both opened the empty form before either saved
    forms = [isian(c.get(url).content.decode()) for c in clients]
    for i, data in enumerate(forms):
        data["saran"] = [f"Saran analis {i + 1}."]

    hasil = bersamaan(clients, lambda c: c.post(url, forms[clients.index(c)]))

    kode = sorted(getattr(r, "status_code", r) for r in hasil)
    assert kode == [302, 409], kode
    (lakip,) = Lakip.objects.filter(renstra=renstra, tahun=tahun)
    ditolak = next(r for r in hasil if r.status_code == 409).content.decode()
    assert "telah diubah oleh" in ditolak
    assert lakip.saran in {"Saran analis 1.", "Saran analis 2."}
