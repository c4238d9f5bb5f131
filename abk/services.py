"""Writes for the workload analysis."""

from django.db import transaction
from django.utils.translation import gettext as _

from abk.models import Keputusan, PekerjaanLatar
from anjab.models import PeriodeAnalisis
from organisasi.reference import baca_fixture


def _isi(teks: str, nilai: dict) -> str:
    for kunci, isi in nilai.items():
        teks = teks.replace("{" + kunci + "}", isi)
    return teks


@transaction.atomic
def keputusan_get_or_create(*, periode: PeriodeAnalisis, unit) -> Keputusan:
    """The decree of `unit` in `periode`, started from fixtures/keputusan_bawaan.json.

    Only for POST ("Buat keputusan"); concurrent first requests end with one row, as
    get_or_create retries the read when its insert meets the unique (periode, unit)."""
    ada = Keputusan.objects.filter(periode=periode, unit=unit).first()
    if ada is not None:
        return ada
    instansi = periode.instansi
    nilai = {
        "kepala": instansi.jabatan_kepala,
        "daerah": f"{instansi.get_jenis_display()} {instansi.nama_daerah}".strip(),
        "unit": unit.nama,
        "instansi": instansi.nama,
    }
    bawaan = baca_fixture("keputusan_bawaan.json")
    keputusan, _ = Keputusan.objects.get_or_create(
        periode=periode,
        unit=unit,
        defaults={
            "menimbang": [_isi(t, nilai) for t in bawaan["menimbang"]],
            "mengingat": list(bawaan["mengingat"]),
            "kesatu": _isi(bawaan["kesatu"], nilai),
            "kedua": _isi(bawaan["kedua"], nilai),
            "ketiga": _isi(bawaan["ketiga"], nilai),
            "ditetapkan_di": instansi.ibu_kota,
            "penandatangan_jabatan": f"{instansi.sebutan_kepala},".upper(),
            "tembusan": [_isi(t, nilai) for t in bawaan["tembusan"]],
        },
    )
    return keputusan


@transaction.atomic
def keputusan_print_request(*, keputusan: Keputusan, pemohon, format="pdf") -> PekerjaanLatar:
    """Queues the whole decree as PDF (or Word, format "docx"); the worker runs
    abk.tasks.cetak_keputusan."""
    from abk.tasks import cetak_keputusan

    judul = _("Keputusan Anjab dan ABK %(unit)s (%(periode)s)") % {
        "unit": keputusan.unit.nama,
        "periode": keputusan.periode.nama,
    }
    pekerjaan = PekerjaanLatar.objects.create(
        instansi=keputusan.periode.instansi,
        pemohon=pemohon,
        jenis=PekerjaanLatar.Jenis.KEPUTUSAN,
        judul=f"{judul}, Word" if format == "docx" else judul,
        parameter={"keputusan": keputusan.pk, "unit": keputusan.unit_id, "format": format},
    )
    transaction.on_commit(lambda: cetak_keputusan.enqueue(pekerjaan.pk))
    return pekerjaan


def peta_print_request(*, periode: PeriodeAnalisis, unit, pemohon) -> PekerjaanLatar:
    """Queues the PDF of a peta jabatan too large to lay out in a request (unit None: the
    whole instansi); the worker runs abk.tasks.cetak_peta."""
    from abk.tasks import cetak_peta

    nama = unit.nama if unit is not None else periode.instansi.nama
    pekerjaan = PekerjaanLatar.objects.create(
        instansi=periode.instansi,
        pemohon=pemohon,
        jenis=PekerjaanLatar.Jenis.PETA,
        judul=_("Peta jabatan %(unit)s (%(periode)s)") % {"unit": nama, "periode": periode.nama},
        parameter={"periode": periode.pk, "unit": unit.pk if unit is not None else None},
    )
    transaction.on_commit(lambda: cetak_peta.enqueue(pekerjaan.pk))
    return pekerjaan


@transaction.atomic
def keputusan_update(*, keputusan: Keputusan, nilai: dict) -> Keputusan:
    """Saves a decree's text, number, date and signer from plain values."""
    for nama, isi in nilai.items():
        setattr(keputusan, nama, isi)
    keputusan.full_clean()
    keputusan.save()
    return keputusan
