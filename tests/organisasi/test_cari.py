"""The global search (issue 14 item 7): positions, units, employees by name or NIP and tasks
by text, each hit a link, and nothing outside the user's scope."""

from django.urls import reverse

from anjab.models import PeriodeAnalisis, TugasJabatan
from tests.factories import JabatanFactory


def _cari(client, q: str) -> str:
    response = client.get(reverse("organisasi:cari"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_it_finds_each_kind_with_a_link_to_it(dunia, users, login):
    j = JabatanFactory(unit=dunia.bidang, nama="Pekerja Sosial Ahli Muda", jenis="fungsional",
                       jenjang="ahli_muda")  # fmt: skip
    periode = PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2025", tahun=2025)
    uraian = "Melakukan asesmen kebutuhan rehabilitasi sosial anak"
    TugasJabatan.objects.create(jabatan=j, periode=periode, urutan=1, uraian=uraian)
    client = login(users["admin"])
    html = _cari(client, "rehabilitasi")
    assert f'href="/organisasi/?unit={dunia.bidang.pk}">Bidang Rehabilitasi</a>' in html
    assert "Melakukan asesmen kebutuhan rehabilitasi sosial anak" in html
    assert f'href="/anjab/jabatan/{j.pk}/ubah/tugas/"' in html
    assert f'href="/anjab/jabatan/{j.pk}/">Pekerja Sosial Ahli Muda</a>' in _cari(
        client, "sosial ahli"
    )
    # an employee by name and by the first digits of the NIP, typed with its spaces
    pegawai = dunia.pegawai_sekretariat
    assert "Ani Sekretariat" in _cari(client, "ani sek")
    nip = f"{pegawai.nip[:8]} {pegawai.nip[8:14]}"
    assert f'href="/pegawai/{pegawai.pk}/"' in _cari(client, nip)


def test_nothing_outside_the_scope_is_found(dunia, users, login):
    # another instansi's employee, and for an Operator another unit's
    assert "Citra Banjar" not in _cari(login(users["admin"]), "Citra")
    operator = login(users["operator"])
    assert "Budi Kesehatan" not in _cari(operator, "Budi")
    assert "Ani Sekretariat" in _cari(operator, "Ani")


def test_a_short_or_empty_query_says_what_to_type(dunia, users, login):
    html = _cari(login(users["admin"]), "a")
    assert "sekurang-kurangnya 2 huruf" in html and "hasil" not in html.split("</form>")[1]
    html = _cari(login(users["admin"]), "tidak-ada-yang-begini")
    assert "Tidak ada jabatan, unit, pegawai atau tugas yang memuat" in html
