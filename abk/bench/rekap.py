"""Section "rekap": the roll-ups on a synthetic Pemda (`manage.py generate_synthetic`, full
size 40 perangkat daerah × 8 sub-units, 12,000 positions, 10 tasks each).

Figures, each beside an anchor measured in the same run:
- the whole-instansi roll-up (`abk.rekap.hitung_ringkasan`: every unit's and the instansi's
  totals) beside one SQL aggregate of the same sums (Σ volume × waktu per position and Σ over
  the credit rows), target 2× (issue 12);
- the whole-instansi rekap with a row per position and the data-quality checks
  (`hitung_rekap`, what `abk_rekap` prints), beside the same aggregate, shown, not judged;
- one perangkat daerah's roll-up (target 2×) and rekap (shown) beside the same aggregate
  restricted to its units;
- the beranda of an Admin Instansi, on the first visit after a change and on the next ones
  (through the test client), beside the whole-instansi aggregate, shown.
Query counts are reported with each figure; the data is removed afterwards."""

import uuid
from io import StringIO

from django.core.management import call_command
from django.db.models import F, Sum

from abk import sintetis
from abk.bench import Opsi, Ukuran, bagian
from abk.bench.anak import gabung, hitung_sql, sekali, sekarang
from abk.bench.impor import hapus_instansi

# Full size is the generator's default (abk.sintetis.Ukuran).
PENUH = sintetis.Ukuran()
TARGET = 2.0


def bangun_pemda(nama: str, *, opd: int, subunit: int, jabatan: int, pegawai: int) -> None:
    """A synthetic Pemda for a section to measure on (manage.py generate_synthetic, seed 1)."""
    call_command(
        "generate_synthetic",
        "--instansi", nama,
        "--opd", str(opd),
        "--subunits", str(subunit),
        "--positions", str(jabatan),
        "--tasks-per-position", str(PENUH.tugas_per_jabatan),
        "--pegawai", str(pegawai),
        "--seed", "1",
        stdout=StringIO(),
    )  # fmt: skip


def bangun_menurut_ukuran(nama: str, ukuran: float) -> None:
    """The synthetic Pemda at `ukuran` × full size (at least 2 perangkat daerah)."""
    bangun_pemda(
        nama,
        opd=max(2, round(PENUH.opd * ukuran)),
        subunit=PENUH.subunit,
        jabatan=max(50, round(PENUH.jabatan * ukuran)),
        pegawai=max(50, round(PENUH.pegawai * ukuran)),
    )


def _ukur(fungsi) -> dict:
    def kerja():
        with hitung_sql() as per_jenis:
            awal = sekarang()
            baris = fungsi()
            detik = sekarang() - awal
        return {"seconds": detik, "queries": sum(per_jenis.values()), "rows": baris}

    return sekali(kerja)


def _rekap(periode_id: int, unit_id: int | None) -> int:
    from abk.rekap import hitung_rekap
    from anjab.models import PeriodeAnalisis
    from organisasi.models import UnitOrganisasi

    periode = PeriodeAnalisis.objects.select_related("instansi").get(pk=periode_id)
    unit = UnitOrganisasi.objects.get(pk=unit_id) if unit_id else None
    return len(hitung_rekap(periode, unit).baris)


def _ringkasan(periode_id: int, unit_id: int | None = None) -> int:
    from abk.rekap import hitung_ringkasan
    from anjab.models import PeriodeAnalisis
    from organisasi.models import UnitOrganisasi

    periode = PeriodeAnalisis.objects.select_related("instansi").get(pk=periode_id)
    unit = UnitOrganisasi.objects.get(pk=unit_id) if unit_id else None
    return hitung_ringkasan(periode, unit).total["jumlah_jabatan"]


def _agregat(periode_id: int, unit_ids: list[int] | None) -> int:
    """The floor: the same per-position sums, computed by the database in one statement
    each for tasks and credit rows."""
    from anjab.models import ButirKegiatan, TugasJabatan

    tugas = TugasJabatan.objects.filter(periode_id=periode_id)
    butir = ButirKegiatan.objects.filter(periode_id=periode_id)
    if unit_ids is not None:
        tugas = tugas.filter(jabatan__unit_id__in=unit_ids)
        butir = butir.filter(jabatan__unit_id__in=unit_ids)
    a = list(tugas.values("jabatan_id").annotate(s=Sum(F("volume") * F("waktu"))).order_by())
    b = list(
        butir.values("jabatan_id")
        .annotate(s=Sum(F("angka_kredit") / F("konstanta") * F("volume")))
        .order_by()
    )
    return len(a) + len(b)


def _klien_beranda(instansi):
    """A test client logged in as an Admin Instansi of the synthetic Pemda."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from organisasi.akses import Peran
    from organisasi.models import AksesPengguna

    user = get_user_model().objects.create_user(username=f"bench-beranda-{uuid.uuid4().hex[:8]}")
    user.groups.add(Group.objects.get(name=Peran.ADMIN_INSTANSI.value))
    AksesPengguna.objects.create(user=user, instansi=instansi)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client, user


def _beranda(client, *, hangat: bool) -> int:
    """One visit of the beranda; cold: the cached roll-ups dropped first, as after a change."""
    from django.core.cache import cache

    if not hangat:
        cache.clear()
    response = client.get("/")
    if response.status_code != 200:
        raise RuntimeError(f"beranda menjawab {response.status_code}")
    return 1


@bagian("rekap")
def bagian_rekap(opsi: Opsi) -> list[Ukuran]:
    from anjab.models import PeriodeAnalisis
    from organisasi.models import UnitOrganisasi
    from organisasi.selectors import unit_subtree

    nama = f"Pemerintah Kabupaten Uji Rekap {uuid.uuid4().hex[:12]}"
    awal = sekarang()
    bangun_menurut_ukuran(nama, opsi.ukuran)
    opsi.tulis(f"rekap: Pemda sintetis dibuat dalam {sekarang() - awal:.1f} s")
    try:
        periode = PeriodeAnalisis.objects.get(instansi__nama=nama)
        pd = (
            UnitOrganisasi.objects.filter(instansi=periode.instansi, parent=None)
            .order_by("urutan", "pk")
            .first()
        )
        pd_units = list(unit_subtree(periode.instansi_id, pd.pk).values_list("pk", flat=True))
        klien, pengguna = _klien_beranda(periode.instansi)
        agregat = "satu agregat SQL (Σ volume × waktu, Σ AK ÷ Kt × volume per jabatan)"
        figur = {
            "ringkasan seluruh instansi": (
                lambda: _ringkasan(periode.pk),
                lambda: _agregat(periode.pk, None),
                agregat,
                TARGET,
            ),
            "rekap per jabatan + temuan, seluruh instansi (abk_rekap)": (
                lambda: _rekap(periode.pk, None),
                lambda: _agregat(periode.pk, None),
                agregat,
                None,
            ),
            "ringkasan satu perangkat daerah": (
                lambda: _ringkasan(periode.pk, pd.pk),
                lambda: _agregat(periode.pk, pd_units),
                "agregat SQL yang sama, unit perangkat daerah itu saja",
                TARGET,
            ),
            "rekap per jabatan + temuan, satu perangkat daerah": (
                lambda: _rekap(periode.pk, pd.pk),
                lambda: _agregat(periode.pk, pd_units),
                "agregat SQL yang sama, unit perangkat daerah itu saja",
                None,
            ),
            # what an Admin Instansi opens first: after a change (the roll-ups computed) and
            # on the next visits (taken from the cache; PostgreSQL only, SQLite caches nothing)
            "beranda Admin Instansi, kunjungan pertama setelah data berubah": (
                lambda: _beranda(klien, hangat=False),
                lambda: _agregat(periode.pk, None),
                agregat,
                None,
            ),
            "beranda Admin Instansi, kunjungan berikutnya": (
                lambda: _beranda(klien, hangat=True),
                lambda: _agregat(periode.pk, None),
                agregat,
                None,
            ),
        }
        hasil = []
        for judul, (ukur, jangkar, nama_jangkar, target) in figur.items():
            h_all, j_all = [], []
            for _ in range(opsi.ulang):
                j_all.append(_ukur(jangkar))
                h_all.append(_ukur(ukur))
            h, j = gabung(h_all), gabung(j_all)
            opsi.tulis(f"rekap: {judul}: {h.get('seconds')} s, {h.get('queries')} perintah SQL")
            hasil.append(
                Ukuran.dari_gabungan(
                    section="rekap",
                    figure=judul,
                    h=h,
                    j=j,
                    anchor=nama_jangkar,
                    target=target,
                    rows=h.get("rows"),
                    detail={"anchor_queries": j.get("queries")},
                )
            )
        pengguna.delete()
        return hasil
    finally:
        hapus_instansi(nama)
