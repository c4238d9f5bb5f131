"""The peta jabatan PDF holds every unit and every position of the unit printed (issue 12:
a 300-position unit used to lose 8 of its 9 units to clipped flex rows), read back from the
PDF's text."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from abk.documents import peta_jabatan_html
from abk.rekap import hitung_rekap
from anjab.models import Jabatan, PeriodeAnalisis, TugasJabatan
from config.dokumen import render_pdf
from organisasi.models import UnitOrganisasi


def _teks(pdf: bytes) -> str:
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", teks)


def _bangun(instansi, periode, *, sub: int, per_unit: int) -> UnitOrganisasi:
    pd = UnitOrganisasi.objects.create(
        instansi=instansi, nama="Dinas Uji Peta", jenis="perangkat_daerah"
    )
    units = [pd]
    for i in range(sub):
        induk = units[1 + (i - 2) // 2] if i >= 2 else pd  # two Bidang, each with Seksi below
        units.append(
            UnitOrganisasi.objects.create(
                instansi=instansi,
                parent=induk,
                nama=f"Unit Uji {i + 1:02d}",
                jenis="bidang" if i < 2 else "seksi",
                urutan=i,
            )
        )
    nomor = iter(range(1, 10_000))
    jabatan = Jabatan.objects.bulk_create(
        Jabatan(
            instansi=instansi,
            unit=u,
            nama=f"Jabatan Uji {next(nomor):03d}",
            jenis="administrator" if k == 0 else "pelaksana",
            kepala_unit=k == 0,
            urutan=k,
        )
        for u in units
        for k in range(per_unit)
    )
    TugasJabatan.objects.bulk_create(
        TugasJabatan(jabatan=j, periode=periode, urutan=1, uraian="Tugas", volume=100, waktu=600)
        for j in jabatan
    )
    return pd


@pytest.fixture
def periode(dunia):
    return PeriodeAnalisis.objects.create(instansi=dunia.instansi, nama="ABK 2026", tahun=2026)


def test_every_unit_and_position_of_a_300_position_unit_is_printed(dunia, periode):
    pd = _bangun(dunia.instansi, periode, sub=8, per_unit=33)  # 9 units, 297 positions
    rekap = hitung_rekap(periode, pd)
    assert len(rekap.baris) == 297
    html = peta_jabatan_html(rekap, untuk_cetak=True)
    pdf = render_pdf(html)
    teks = _teks(pdf)
    hilang = [
        u.nama
        for u in UnitOrganisasi.objects.filter(
            instansi=dunia.instansi, pk__in=[ru.unit.pk for ru in rekap.units]
        )
        if u.nama not in teks
    ]
    assert not hilang
    hilang = [b.jabatan.nama for b in rekap.baris if b.jabatan.nama not in teks]
    assert not hilang, f"{len(hilang)} jabatan hilang, misalnya {hilang[:3]}"


@pytest.fixture
def peta_besar(dunia, periode, monkeypatch, settings, tmp_path):
    """A unit over the direct-print limit (lowered, so the test stays small)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "privat"
    monkeypatch.setattr("abk.views.BATAS_PETA_LANGSUNG", 20)
    return _bangun(dunia.instansi, periode, sub=4, per_unit=6)  # 5 units, 30 positions


def _alamat(nama, periode, unit):
    return f"{reverse(nama)}?periode={periode.pk}&unit={unit.pk}"


def test_a_large_peta_is_offered_as_a_background_job_and_get_writes_nothing(
    users, login, periode, peta_besar
):
    from abk.models import PekerjaanLatar

    response = login(users["pembaca"]).get(_alamat("abk:peta_pdf", periode, peta_besar))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    teks = response.content.decode()
    assert "memuat 30 jabatan" in teks
    assert reverse("abk:peta_cetak") in teks
    assert not PekerjaanLatar.objects.exists()


def test_the_background_peta_holds_every_position_and_is_served_to_its_owner_only(
    dunia, users, login, periode, peta_besar, django_capture_on_commit_callbacks
):
    from abk.models import PekerjaanLatar

    klien = login(users["pembaca"])  # printing is reading: a read-only user may ask for it
    with django_capture_on_commit_callbacks(execute=True):
        response = klien.post(_alamat("abk:peta_cetak", periode, peta_besar))
    job = PekerjaanLatar.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("abk:pekerjaan", args=[job.pk])
    assert job.jenis == PekerjaanLatar.Jenis.PETA
    assert job.status == PekerjaanLatar.Status.SELESAI, job.pesan
    halaman = klien.get(reverse("abk:pekerjaan", args=[job.pk])).content.decode()
    assert "Unduh PDF" in halaman

    response = klien.get(reverse("abk:pekerjaan_unduh", args=[job.pk]))
    assert response["Content-Type"] == "application/pdf"
    teks = _teks(b"".join(response.streaming_content))
    assert all(f"Jabatan Uji {i:03d}" in teks for i in range(1, 31))
    assert "Unit Uji 04" in teks

    # Another instansi's admin, and an Operator of a unit outside it, get a 404.
    lain = login(users["admin_lain"])
    assert lain.get(reverse("abk:pekerjaan", args=[job.pk])).status_code == 404
    assert (
        login(users["operator"]).get(reverse("abk:pekerjaan_unduh", args=[job.pk])).status_code
        == 404
    )


def test_a_whole_instansi_peta_job_is_not_an_operators(
    dunia, users, login, periode, peta_besar, django_capture_on_commit_callbacks
):
    from abk.models import PekerjaanLatar

    with django_capture_on_commit_callbacks(execute=True):
        login(users["admin"]).post(f"{reverse('abk:peta_cetak')}?periode={periode.pk}")
    job = PekerjaanLatar.objects.get()
    assert job.parameter["unit"] is None and job.status == PekerjaanLatar.Status.SELESAI
    assert login(users["admin"]).get(reverse("abk:pekerjaan", args=[job.pk])).status_code == 200
    assert login(users["operator"]).get(reverse("abk:pekerjaan", args=[job.pk])).status_code == 404


def test_the_chart_draws_a_box_per_unit_and_position_and_a_line_per_link(demo):
    """Seed 001's Dinas: 6 units and 37 positions, each a box; the Dinas's three sub-units
    stand in a row under it (a line down, a bus, a line to each), the Sekretariat's two Sub
    Bagian one under another beside a line (a line down, one to each)."""
    from abk.bagan import halaman_bagan
    from abk.documents import _pohon

    periode = PeriodeAnalisis.objects.get(nama="ABK 2024")
    dinas = UnitOrganisasi.objects.get(nama="Dinas Sosial dan Pemberdayaan Masyarakat")
    rekap = hitung_rekap(periode, dinas, periksa=False)
    per_unit = {}
    for b in rekap.baris:
        per_unit.setdefault(b.unit.pk, []).append(b)
    (halaman,) = halaman_bagan(_pohon(rekap, per_unit), "Peta")
    assert halaman.svg.count("<rect") == 6 + 37
    assert halaman.svg.count("<path") == (1 + 1 + 3) + (1 + 2)
    for b in rekap.baris:
        assert b.jabatan.nama.split()[0] in halaman.svg
    # the Penata Layanan Operasional of the Bidang Sosial: 5 held, 17 needed (seed 001's 14
    # printed, computed 17), 12 short
    assert "Kelas 7 · B 5 · K 17 · ± −12" in halaman.svg
    pdf = render_pdf(peta_jabatan_html(rekap, untuk_cetak=True))
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    assert page.mediabox.width > page.mediabox.height  # landscape


def test_a_tree_too_large_for_one_page_is_cut_into_pages_and_loses_nothing(dunia, periode):
    pd = _bangun(dunia.instansi, periode, sub=8, per_unit=33)
    rekap = hitung_rekap(periode, pd)
    pdf = render_pdf(peta_jabatan_html(rekap, untuk_cetak=True))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 1
    ukuran = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert ukuran <= {(842, 595), (1191, 842)}  # A4 and A3, landscape
    assert "bagian 1 dari" in _teks(pdf) and "(rincian pada halaman berikutnya)" in _teks(pdf)


def test_a_peta_too_large_for_the_screen_lists_its_units_each_opening_its_own(
    users, login, periode, peta_besar
):
    """Above the limit the page lists the sub-units with their totals instead of drawing
    every box; each link opens that unit's chart, which is small enough to draw."""
    client = login(users["pembaca"])
    response = client.get(_alamat("abk:peta", periode, peta_besar))
    teks = response.content.decode()
    assert response.status_code == 200 and "memuat 30 jabatan" in teks
    assert "<svg" not in teks
    anak = UnitOrganisasi.objects.filter(parent=peta_besar).order_by("urutan")
    for u in anak:
        assert f'unit={u.pk}">{u.nama}</a>' in teks
    # the Dinas's own 6 positions are a row of their own; the footer sums all 30
    assert "Dinas Uji Peta (jabatan di unit ini sendiri)" in teks
    kaki = re.search(r'<tfoot><tr class="total"><td>Jumlah</td><td class="angka">(\d+)<', teks)
    assert kaki and kaki.group(1) == "30"
    satu = client.get(_alamat("abk:peta", periode, anak.first())).content.decode()
    assert "<svg" in satu and "Jabatan Uji" in satu
