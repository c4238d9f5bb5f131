"""The import as the web screens run it: one ImporBuku through analysis, check and import."""

import tempfile
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from abk.impor.baca import BukuKerjaTidakSah, baca_buku, periksa_berkas
from abk.impor.proses import (
    analisis,
    laporan_lembar,
    periksa_dan_impor,
    peta_dari_dict,
    peta_ke_dict,
)
from abk.impor.siasn import adalah_siasn, cari_jabatan_siasn, impor_siasn
from abk.models import ImporBuku, PekerjaanLatar, PemetaanKolom

# Workbooks with more data rows than this are checked and imported by the worker.
BATAS_LATAR = 2000

# Marked for the catalogue here, translated where they are raised.
SUDAH_DIIMPOR = gettext_noop("Buku kerja ini sudah diimpor; unggah ulang untuk mengimpor lagi.")
SEDANG_BERJALAN = gettext_noop(
    "Buku kerja ini sedang diperiksa atau diimpor di latar belakang; tunggu sampai selesai."
)
BELUM_DIPERIKSA = gettext_noop("Periksa dulu (uji coba) sebelum mengimpor.")
MASIH_DITOLAK = gettext_noop(
    "Masih ada baris yang ditolak. Perbaiki buku kerja, atau centang “impor hanya baris yang sah”."
)


class ImporDitolak(Exception):
    """The upload cannot be changed, checked or imported now (already imported, a job of it
    runs), or not imported yet (not checked, or rows rejected); the message says which."""


def _kunci(impor: ImporBuku) -> None:
    """Locks the upload's row for the rest of the transaction and re-reads it, so a second
    "Impor" of the same upload waits for the first and then finds it imported instead of
    writing every position again. Raises ImporDitolak when it is imported, or while the
    worker has a job of it waiting or running (the worker's job is then the only writer)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("_kunci needs a transaction: the lock lasts until it ends.")
    list(ImporBuku.objects.select_for_update().filter(pk=impor.pk).values_list("pk"))
    impor.refresh_from_db()
    if impor.status == ImporBuku.Status.DIIMPOR:
        raise ImporDitolak(_(SUDAH_DIIMPOR))
    berjalan = PekerjaanLatar.objects.filter(
        pk=impor.pekerjaan_id,
        status__in=[PekerjaanLatar.Status.MENUNGGU, PekerjaanLatar.Status.BERJALAN],
    )
    if impor.pekerjaan_id is not None and berjalan.exists():
        raise ImporDitolak(_(SEDANG_BERJALAN))


@transaction.atomic
def impor_analyse(*, impor: ImporBuku) -> None:
    """Reads the uploaded file's sheets and proposes a mapping (or the saved one)."""
    path = Path(impor.berkas.path)
    lembar = baca_buku(path)
    if adalah_siasn([lb.nama for lb in lembar]):
        # SIASN's INFOJAB workbook describes one position, named only by its Kode Jabatan.
        cocok = cari_jabatan_siasn(path, impor.instansi)
        impor.pemetaan = {
            "siasn": True,
            "jabatan": cocok.pk if cocok else None,
            # The reference sheets (24,000 majors) are not rows to import.
            "jumlah_baris": sum(
                len(lb.baris) for lb in lembar if lb.nama.upper().startswith("INFOJAB")
            ),
            "lembar": [],
        }
        impor.save(update_fields=["pemetaan"])
        return
    peta = analisis(lembar, impor.instansi_id, periode=impor.periode)
    impor.pemetaan = {
        "lembar": [
            {**peta_ke_dict(p), "jenis": p.jenis, "tanda": p.tanda(), "keterangan": k}
            for p, k in zip(peta, laporan_lembar(peta), strict=True)
        ],
        "jumlah_baris": sum(len(lb.baris) for lb in lembar),
    }
    impor.save(update_fields=["pemetaan"])


def impor_process(*, impor: ImporBuku, kering: bool, hanya_sah: bool = False, progres=None) -> None:
    """Checks (kering) or imports the upload with its mapping and stores the report. Not one
    transaction: the worker's progress must show while it runs; the rows are written in
    their own (abk.impor.tulis, abk.impor.siasn)."""
    if impor.pemetaan.get("siasn"):
        _proses_siasn(impor, kering=kering, hanya_sah=hanya_sah)
        return
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


def _proses_siasn(impor: ImporBuku, *, kering: bool, hanya_sah: bool) -> None:
    """Fills the position the user picked (the view checked it is in the user's scope)."""
    from anjab.models import Jabatan

    jabatan = Jabatan.objects.filter(
        pk=impor.pemetaan.get("jabatan"), instansi_id=impor.instansi_id
    ).first()
    if jabatan is None:
        impor.galat = [{"teks": _("Pilih jabatan yang diisi oleh buku kerja SIASN ini.")}]
        impor.status = ImporBuku.Status.DIUNGGAH
        impor.save(update_fields=["galat", "status"])
        return
    hasil = impor_siasn(
        Path(impor.berkas.path),
        jabatan=jabatan,
        periode=impor.periode,
        kering=kering,
        hanya_sah=hanya_sah,
    )
    impor.galat = [{"teks": g} for g in hasil.galat[:2000]]
    impor.ringkasan = {
        "siasn": True,
        "jabatan_nama": f"{jabatan.nama} ({jabatan.unit.nama})",
        "isian": hasil.ringkasan,
        "catatan": hasil.catatan[:300],
        "jumlah_galat": len(hasil.galat),
        "kering": kering,
        "ditulis": hasil.ditulis,
    }
    if hasil.ditulis:
        impor.status = ImporBuku.Status.DIIMPOR
    elif kering:
        impor.status = ImporBuku.Status.DIPERIKSA
    else:
        impor.status = ImporBuku.Status.GAGAL
    impor.save(update_fields=["galat", "ringkasan", "status"])


@transaction.atomic
def impor_run(*, impor: ImporBuku, kering: bool, hanya_sah: bool, pemohon) -> PekerjaanLatar | None:
    """Runs the check or import now, or queues it when the workbook is large. Holds the
    upload's lock throughout; an import is refused (ImporDitolak) before it was checked, or
    while rows are rejected unless only the valid rows are wanted (`hanya_sah`)."""
    _kunci(impor)
    if not kering and impor.status != ImporBuku.Status.DIPERIKSA:
        raise ImporDitolak(_(BELUM_DIPERIKSA))
    if not kering and impor.galat and not hanya_sah:
        raise ImporDitolak(_(MASIH_DITOLAK))
    if impor.pemetaan.get("jumlah_baris", 0) <= BATAS_LATAR:
        impor_process(impor=impor, kering=kering, hanya_sah=hanya_sah)
        return None
    from abk.tasks import jalankan_impor

    pekerjaan = PekerjaanLatar.objects.create(
        instansi=impor.instansi,
        pemohon=pemohon,
        jenis=PekerjaanLatar.Jenis.IMPOR,
        judul=(_("Pemeriksaan %(berkas)s") if kering else _("Impor %(berkas)s"))
        % {"berkas": impor.nama_berkas},
        parameter={"impor": impor.pk, "unit": impor.unit_id},
    )
    impor.pekerjaan = pekerjaan
    impor.save(update_fields=["pekerjaan"])
    transaction.on_commit(lambda: jalankan_impor.enqueue(impor.pk, kering, hanya_sah))
    return pekerjaan


@transaction.atomic
def pemetaan_create(*, impor: ImporBuku, nama: str) -> PemetaanKolom:
    """Saves the upload's column mapping under `nama`; workbooks of the same shape use it."""
    return PemetaanKolom.objects.create(
        instansi=impor.instansi,
        nama=nama,
        tanda="|".join(d["tanda"] for d in impor.pemetaan["lembar"]),
        pemetaan={"lembar": impor.pemetaan["lembar"]},
    )


def _periksa_unggahan(berkas) -> None:
    """Refuses a file that is not a sane xlsx before anything is stored."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
        for potongan in berkas.chunks():
            tmp.write(potongan)
        tmp.flush()
        periksa_berkas(Path(tmp.name))
    berkas.seek(0)


@transaction.atomic
def impor_create(*, instansi, pemohon, berkas, unit, periode, buat_unit: bool) -> ImporBuku:
    """Stores an uploaded workbook and reads how each sheet is laid out. A file that is no
    workbook raises BukuKerjaTidakSah and leaves nothing behind (no row, no private file)."""
    _periksa_unggahan(berkas)
    impor = ImporBuku.objects.create(
        instansi=instansi,
        pemohon=pemohon,
        berkas=berkas,
        nama_berkas=berkas.name[:255],
        unit=unit,
        periode=periode,
    )
    try:
        impor_analyse(impor=impor)
    except BukuKerjaTidakSah:
        impor_delete(impor=impor)
        raise
    impor.pemetaan["buat_unit"] = buat_unit
    impor.save(update_fields=["pemetaan"])
    return impor


@transaction.atomic
def impor_update(
    *,
    impor: ImporBuku,
    lembar: dict,
    pilihan_unit: dict,
    buat_unit: bool | None,
    diperiksa_ulang: bool,
    periode=None,
    jabatan=None,
) -> ImporBuku:
    """The check step's choices: `lembar` {sheet index: {"kolom", "satuan_waktu"}}, the unit
    for each ambiguous name, whether to create units, the period and (SIASN) the position.
    Any change sends the import back to be checked again unless it is being imported.
    Refused (ImporDitolak) once the upload is imported or while the worker has it."""
    _kunci(impor)
    if periode is not None:
        impor.periode = periode
    if jabatan is not None:
        impor.pemetaan["jabatan"] = jabatan.pk
    for i, d in enumerate(impor.pemetaan.get("lembar", [])):
        if i in lembar:
            d.update(lembar[i])
    impor.pemetaan["pilihan_unit"] = dict(impor.pemetaan.get("pilihan_unit", {})) | pilihan_unit
    if buat_unit is not None:
        impor.pemetaan["buat_unit"] = buat_unit
    if diperiksa_ulang:
        impor.status = ImporBuku.Status.DIUNGGAH
    impor.save(update_fields=["pemetaan", "status", "periode"])
    return impor


@transaction.atomic
def impor_delete(*, impor: ImporBuku) -> None:
    """Removes an upload: its row and its private file (names and NIPs). The file goes at
    once, not on commit: impor_create calls this on its way to a rollback that discards the
    row anyway."""
    berkas = impor.berkas
    impor.delete()
    berkas.delete(save=False)
