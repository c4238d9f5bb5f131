"""Writes for the workload analysis."""

import datetime as dt

from django.db import IntegrityError, transaction

from abk.models import Keputusan, PekerjaanLatar, PeriodeAnalisis
from abk.selectors import periode_terbaru
from organisasi.reference import baca_fixture


def nama_periode_baru() -> str:
    return f"ABK {dt.date.today().year}"


@transaction.atomic
def periode_aktif(*, instansi) -> PeriodeAnalisis:
    """The latest period of the instansi, started ("ABK <this year>") when there is none yet.

    Only for POST: two first requests at once both try to start it; the loser's insert hits
    the unique name inside a savepoint and it takes the winner's period instead of a 500."""
    periode = periode_terbaru(instansi.pk)
    if periode is not None:
        return periode
    tahun = dt.date.today().year
    try:
        with transaction.atomic():
            return PeriodeAnalisis.objects.create(
                instansi=instansi, nama=nama_periode_baru(), tahun=tahun
            )
    except IntegrityError:
        periode = periode_terbaru(instansi.pk)
        if periode is None:
            raise
        return periode


@transaction.atomic
def periode_simpan(*, periode: PeriodeAnalisis) -> PeriodeAnalisis:
    """Saves a period's parameters; when a day/week/month factor changed, every task of the
    period counted in that unit gets its per-year volume again (volume_asal × new factor)."""
    from anjab.models import TugasJabatan

    lama = None
    if periode.pk:
        lama = PeriodeAnalisis.objects.select_for_update().get(pk=periode.pk).faktor_volume()
    periode.full_clean()
    periode.save()
    faktor = periode.faktor_volume()
    berubah = [s for s, f in faktor.items() if lama is not None and lama[s] != f]
    if berubah:
        tugas = list(
            TugasJabatan.objects.filter(
                periode=periode, satuan_volume__in=berubah, volume_asal__isnull=False
            )
        )
        for t in tugas:
            t.atur_volume(t.volume_asal, faktor)
        TugasJabatan.objects.bulk_update(tugas, ["volume"], batch_size=500)
    return periode


@transaction.atomic
def periode_salin(*, asal: PeriodeAnalisis, nama: str, tahun: int) -> PeriodeAnalisis:
    """A new period with the parameters and every workload row of `asal`; the figures a
    document printed (DeklarasiJabatan) belong to their own period and are not copied."""
    from anjab.models import ButirKegiatan, TugasJabatan

    baru = PeriodeAnalisis(
        instansi=asal.instansi,
        nama=nama,
        tahun=tahun,
        waktu_efektif_menit=asal.waktu_efektif_menit,
        hari_kerja_efektif=asal.hari_kerja_efektif,
        minggu_kerja_efektif=asal.minggu_kerja_efektif,
        bulan_kerja_efektif=asal.bulan_kerja_efektif,
        pembulatan=asal.pembulatan,
        pita_efektivitas=asal.pita_efektivitas,
        dasar_hukum=asal.dasar_hukum,
    )
    baru.full_clean()
    baru.save()
    for model in (TugasJabatan, ButirKegiatan):
        rows = list(model.objects.filter(periode=asal))
        for row in rows:
            row.pk = None
            row.id = None
            row.periode = baru
            if model is TugasJabatan:
                row.kebutuhan_tercetak = None
            else:
                row.wpk_tercetak = row.wpv_tercetak = None
        model.objects.bulk_create(rows)
    return baru


def _isi(teks: str, nilai: dict) -> str:
    for kunci, isi in nilai.items():
        teks = teks.replace("{" + kunci + "}", isi)
    return teks


@transaction.atomic
def keputusan_untuk(*, periode: PeriodeAnalisis, unit) -> Keputusan:
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
def pekerjaan_cetak_keputusan(*, keputusan: Keputusan, pemohon) -> PekerjaanLatar:
    """Queues the whole decree's PDF; the worker runs abk.tasks.cetak_keputusan."""
    from abk.tasks import cetak_keputusan

    pekerjaan = PekerjaanLatar.objects.create(
        instansi=keputusan.periode.instansi,
        pemohon=pemohon,
        jenis="keputusan",
        judul=f"Keputusan Anjab dan ABK {keputusan.unit.nama} ({keputusan.periode.nama})",
        parameter={"keputusan": keputusan.pk, "unit": keputusan.unit_id},
    )
    transaction.on_commit(lambda: cetak_keputusan.enqueue(pekerjaan.pk))
    return pekerjaan
