"""Reads for the workload analysis, scoped through organisasi.selectors."""

from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from abk.models import DeklarasiJabatan, ImporBuku, Keputusan, PekerjaanLatar
from anjab.models import PeriodeAnalisis
from organisasi.akses import akses_untuk
from organisasi.selectors import get_unit_for_user, scoped_for_user


def keputusan_unit(periode: PeriodeAnalisis, unit) -> Keputusan | None:
    """The decree of `unit` in `periode`, if one was made ("Buat keputusan")."""
    return Keputusan.objects.filter(periode=periode, unit=unit).first()


def impor_for_user(user) -> QuerySet[ImporBuku]:
    """Uploaded workbooks the user may see: the instansi's; an Operator only those aimed at
    a unit of its subtree (an import of the whole instansi is not its)."""
    return scoped_for_user(ImporBuku.objects.all(), user, unit="unit_id")


def get_impor_for_user(user, pk) -> ImporBuku:
    qs = impor_for_user(user).select_related("unit", "periode", "pekerjaan", "instansi")
    return get_object_or_404(qs, pk=pk)


def pekerjaan_for_user(user) -> QuerySet[PekerjaanLatar]:
    """Background jobs of the user's instansi. A job names its unit only in its parameters,
    so an Operator's subtree is checked by get_pekerjaan_for_user."""
    return scoped_for_user(PekerjaanLatar.objects.all(), user)


def get_pekerjaan_for_user(user, pk) -> PekerjaanLatar:
    pekerjaan = get_object_or_404(pekerjaan_for_user(user), pk=pk)
    if "unit" in pekerjaan.parameter:
        unit_id = pekerjaan.parameter["unit"]
        if unit_id is not None:
            get_unit_for_user(user, unit_id)  # 404 outside an Operator's units
        elif akses_untuk(user).unit_id is not None:
            raise Http404  # a job about the whole instansi is not an Operator's
    return pekerjaan


def pekerjaan_keputusan(user, keputusan: Keputusan) -> PekerjaanLatar | None:
    """The latest print job of a decree."""
    return (
        pekerjaan_for_user(user)
        .filter(jenis=PekerjaanLatar.Jenis.KEPUTUSAN, parameter__keputusan=keputusan.pk)
        .first()
    )


def pekerjaan_peta(user, periode: PeriodeAnalisis, unit) -> PekerjaanLatar | None:
    """The user's latest print job of this peta jabatan (unit None: the whole instansi)."""
    return (
        pekerjaan_for_user(user)
        .filter(
            jenis=PekerjaanLatar.Jenis.PETA,
            pemohon=user,
            parameter__periode=periode.pk,
            parameter__unit=unit.pk if unit is not None else None,
        )
        .first()
    )


def kebutuhan_tercetak_instansi(periode: PeriodeAnalisis, jumlah_jabatan: int) -> int | None:
    """Σ of the JUMLAH PEGAWAI the imported documents printed for the whole instansi, when every
    position has one (Rekap.kebutuhan_tercetak_dibulatkan, in one aggregate)."""
    a = DeklarasiJabatan.objects.filter(
        periode=periode, jabatan__instansi_id=periode.instansi_id, jumlah_pegawai__isnull=False
    ).aggregate(n=Count("pk"), jumlah=Sum("jumlah_pegawai"))
    if not jumlah_jabatan or a["n"] != jumlah_jabatan:
        return None
    return a["jumlah"]
