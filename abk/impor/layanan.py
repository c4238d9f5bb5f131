"""The import as the web screens run it: one ImporBuku through analysis, check and import."""

from pathlib import Path

from django.db import transaction

from abk.impor.baca import BukuKerjaTidakSah, baca_buku
from abk.impor.proses import (
    analisis,
    laporan_lembar,
    periksa_dan_impor,
    peta_dari_dict,
    peta_ke_dict,
)
from abk.models import ImporBuku, PekerjaanLatar, PemetaanKolom

# Workbooks with more data rows than this are checked and imported by the worker.
BATAS_LATAR = 2000


def impor_analisis(impor: ImporBuku) -> None:
    """Reads the uploaded file's sheets and proposes a mapping (or the saved one)."""
    lembar = baca_buku(Path(impor.berkas.path))
    peta = analisis(lembar, impor.instansi_id)
    impor.pemetaan = {
        "lembar": [
            {**peta_ke_dict(p), "jenis": p.jenis, "tanda": p.tanda(), "keterangan": k}
            for p, k in zip(peta, laporan_lembar(peta), strict=True)
        ],
        "jumlah_baris": sum(len(lb.baris) for lb in lembar),
    }
    impor.save(update_fields=["pemetaan"])


def proses_impor(impor: ImporBuku, *, kering: bool, hanya_sah: bool = False, progres=None) -> None:
    peta = [peta_dari_dict(d) for d in impor.pemetaan.get("lembar", [])]
    try:
        hasil, rencana = periksa_dan_impor(
            Path(impor.berkas.path),
            peta,
            instansi=impor.instansi,
            unit=impor.unit,
            periode=impor.periode,
            buat_unit=impor.pemetaan.get("buat_unit", False),
            pilihan_unit=impor.pemetaan.get("pilihan_unit", {}),
            hanya_sah=hanya_sah,
            kering=kering,
            progres=progres,
        )
    except BukuKerjaTidakSah as e:
        impor.status = ImporBuku.Status.GAGAL
        impor.galat = [{"teks": str(e)}]
        impor.save(update_fields=["status", "galat"])
        return
    galat = hasil.galat + rencana.galat
    impor.galat = [
        {
            "teks": str(g),
            "lembar": g.lembar,
            "baris": g.baris,
            "kolom": g.kolom,
            "nilai": g.nilai,
            "pesan": g.pesan,
        }
        for g in galat[:2000]
    ]
    impor.ringkasan = {
        **rencana.sebagai_dict(),
        "jumlah_baris": hasil.jumlah_baris,
        "catatan": (hasil.catatan + rencana.catatan)[:300],
        "cara_baca": laporan_lembar(peta, hasil),
        "jumlah_galat": len(galat),
        "kering": kering,
    }
    if rencana.ditulis:
        impor.status = ImporBuku.Status.DIIMPOR
    elif kering:
        impor.status = ImporBuku.Status.DIPERIKSA
    else:
        impor.status = ImporBuku.Status.GAGAL
    impor.save(update_fields=["galat", "ringkasan", "status"])


def jalankan(impor: ImporBuku, *, kering: bool, hanya_sah: bool, pemohon) -> PekerjaanLatar | None:
    """Runs the check or import now, or queues it when the workbook is large."""
    if impor.pemetaan.get("jumlah_baris", 0) <= BATAS_LATAR:
        proses_impor(impor, kering=kering, hanya_sah=hanya_sah)
        return None
    from abk.tasks import jalankan_impor

    pekerjaan = PekerjaanLatar.objects.create(
        instansi=impor.instansi,
        pemohon=pemohon,
        jenis="impor",
        judul=f"{'Pemeriksaan' if kering else 'Impor'} {impor.nama_berkas}",
        parameter={"impor": impor.pk, "unit": impor.unit_id},
    )
    impor.pekerjaan = pekerjaan
    impor.save(update_fields=["pekerjaan"])
    transaction.on_commit(lambda: jalankan_impor.enqueue(impor.pk, kering, hanya_sah))
    return pekerjaan


def simpan_pemetaan(impor: ImporBuku, nama: str) -> PemetaanKolom:
    return PemetaanKolom.objects.create(
        instansi=impor.instansi,
        nama=nama,
        tanda="|".join(d["tanda"] for d in impor.pemetaan["lembar"]),
        pemetaan={"lembar": impor.pemetaan["lembar"]},
    )
