"""Writing what an INFOJAB workbook carries into one position. A section is replaced only when
the workbook fills it (an empty column leaves ours alone), and a section or field that already
holds the same values is not touched, so importing the same file twice changes nothing."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext

from abk.siasn_referensi import kode_dari_label, kunci_label, pemetaan
from anjab.models import (
    AspekLingkungan,
    BahanKerja,
    BakatKerja,
    FungsiPekerjaan,
    HasilKerja,
    Keterampilan,
    KondisiLingkungan,
    KorelasiJabatan,
    MinatKerja,
    PerangkatKerja,
    RisikoBahaya,
    SyaratDiklat,
    TanggungJawab,
    TemperamenKerja,
    TugasJabatan,
    UpayaFisik,
    Wewenang,
)
from anjab.models.jabatan import SatuanVolume

SEN = Decimal("0.01")
# Our korelasi names the position and its unit; SIASN has one "Unit Kerja / Instansi" cell.
# The export writes "jabatan – unit"; the import splits it back there.
PEMISAH_KORELASI = " – "
KATALOG = {
    "bakat": (BakatKerja, "Bakat kerja", None),
    "temperamen": (TemperamenKerja, "Tempramen kerja", None),
    "minat": (MinatKerja, "Minat kerja", "sistem"),
    "upaya_fisik": (UpayaFisik, "Upaya fisik", None),
}
HUBUNGAN = {
    FungsiPekerjaan.Kelompok.DATA: "hubungan_data",
    FungsiPekerjaan.Kelompok.ORANG: "hubungan_orang",
    FungsiPekerjaan.Kelompok.BENDA: "hubungan_benda",
}


def pisah_korelasi(teks: str) -> tuple[str, str]:
    """(nama jabatan, unit kerja) from the Unit Kerja / Instansi cell."""
    if teks.endswith(PEMISAH_KORELASI.rstrip()) and len(teks) > len(PEMISAH_KORELASI):
        return teks.removesuffix(PEMISAH_KORELASI.rstrip()).strip(), ""
    jabatan, pemisah, unit = teks.partition(PEMISAH_KORELASI)
    return (jabatan.strip(), unit.strip()) if pemisah else ("", teks.strip())


def _ganti_baris(model, jabatan, rows: list[dict], banding: list[str], **extra) -> str:
    """Replaces the position's rows of `model` unless the `banding` fields already match."""
    ada = list(
        model.objects.filter(jabatan=jabatan, **extra).order_by("urutan", "pk").values(*banding)
    )
    if ada == [{k: r[k] for k in banding} for r in rows]:
        return "tetap"
    model.objects.filter(jabatan=jabatan, **extra).delete()
    model.objects.bulk_create(
        model(jabatan=jabatan, urutan=i, **extra, **r) for i, r in enumerate(rows, start=1)
    )
    return "diganti"


def _katalog(model, jabatan, kode: str, **saring):
    qs = model.objects.filter(kode=kode, **saring)
    return qs.filter(instansi=None).first() or qs.filter(instansi=jabatan.instansi_id).first()


def _set_m2m(jabatan, nama: str, objs: list, tetap_pk: set | None = None) -> str:
    """Sets the choice to `objs` in the workbook's order after the `tetap_pk` rows it keeps
    (other fungsi groups, in their place); a choice already made keeps its wording."""
    from anjab.services import pilihan_set, pilihan_tetap

    tetap_pk = tetap_pk or set()
    ada = pilihan_tetap(jabatan, nama, list(getattr(jabatan, nama).all()))
    teks = {o.pk: t for o, t in ada}
    pilihan = [(o, t) for o, t in ada if o.pk in tetap_pk]
    pilihan += [(o, teks.get(o.pk, "")) for o in objs]
    # fungsi pekerjaan is written a group at a time: each group keeps its place (data, orang,
    # benda), so writing the same workbook again changes nothing
    kelompok = list(FungsiPekerjaan.Kelompok.values)
    pilihan.sort(key=lambda p: kelompok.index(p[0].kelompok) if hasattr(p[0], "kelompok") else 0)
    return "diganti" if pilihan_set(jabatan=jabatan, nama=nama, pilihan=pilihan) else "tetap"


def _isian(jabatan, buku) -> dict:
    """The position's own fields the workbook fills (empty cells leave ours alone)."""
    ubah = {}
    if buku.kode and not jabatan.kode:
        ubah["kode"] = buku.kode
    if buku.ikhtisar:
        ubah["ikhtisar"] = buku.ikhtisar
    if buku.kelas is not None:
        ubah["kelas_jabatan"] = buku.kelas
    pendidikan = [t for t in [buku.tingkat_pendidikan, *buku.rumpun_pendidikan] if t]
    if pendidikan:
        ubah["syarat_pendidikan"] = "\n".join(pendidikan)
    if buku.pengalaman:
        ubah["syarat_pengalaman"] = "\n".join(buku.pengalaman)
    for nama in ("jenis_kelamin", "postur_badan", "penampilan", "tinggi_badan", "berat_badan"):
        if getattr(buku, nama):
            ubah[nama] = getattr(buku, nama)
    if buku.umur is not None:
        ubah["umur"] = str(buku.umur)
    if buku.prestasi_kerja:
        ubah["prestasi_kerja"] = buku.prestasi_kerja
    return {k: v for k, v in ubah.items() if getattr(jabatan, k) != v}


def _tugas(buku, catatan: list[str]) -> list[dict]:
    rows = []
    for t in buku.tugas:
        menit = t.waktu_menit
        if menit is not None and menit != menit.quantize(SEN):
            catatan.append(
                gettext(
                    "Sheet INFOJAB II, baris %(baris)s: waktu %(menit)s menit dibulatkan menjadi "
                    "%(bulat)s menit."
                )
                % {"baris": t.baris, "menit": menit, "bulat": menit.quantize(SEN, ROUND_HALF_UP)}
            )
            menit = menit.quantize(SEN, ROUND_HALF_UP)
        rows.append(
            {
                "uraian": t.uraian,
                "hasil_kerja": t.satuan,
                "volume": t.volume,
                "satuan_volume": SatuanVolume.TAHUN,
                "volume_asal": None,
                "waktu": menit,
            }
        )
    return rows


def _katalog_dari_label(jabatan, buku, bagian: dict, catatan: list[str]) -> None:
    for kunci, (model, judul, kolom_grup) in KATALOG.items():
        label = getattr(buku, kunci)
        if not label:
            continue
        peta, objs = kode_dari_label(kunci), []
        for teks in label:
            grup, kode = peta.get(kunci_label(teks), ("", ""))
            obj = _katalog(model, jabatan, kode, **({kolom_grup: grup} if kolom_grup else {}))
            if obj is None:
                catatan.append(
                    gettext("%(judul)s '%(teks)s' tidak ada di katalog aplikasi; dilewati.")
                    % {"judul": judul, "teks": teks}
                )
            else:
                objs.append(obj)
        bagian[kunci] = _set_m2m(jabatan, kunci, objs)
    kosong = {kunci_label(v): g for g, v in pemetaan()["fungsi_kosong"].items()}
    peta = kode_dari_label("fungsi_pekerjaan")
    for kelompok, kunci in HUBUNGAN.items():
        teks = getattr(buku, kunci)
        if not teks:
            continue
        objs = []
        if kosong.get(kunci_label(teks)) != kelompok:
            _, kode = peta.get(kunci_label(teks), ("", ""))
            obj = _katalog(FungsiPekerjaan, jabatan, kode, kelompok=kelompok)
            if obj is None:
                catatan.append(
                    gettext("Fungsi pekerjaan '%(teks)s' tidak ada di katalog aplikasi.")
                    % {"teks": teks}
                )
            else:
                objs.append(obj)
        lain = set(jabatan.fungsi_pekerjaan.exclude(kelompok=kelompok).values_list("pk", flat=True))
        bagian[kunci] = _set_m2m(jabatan, "fungsi_pekerjaan", objs, lain)


def _kondisi(jabatan, buku, catatan: list[str]) -> str:
    aspek = {}
    peta = kode_dari_label("aspek_lingkungan")
    for label, faktor in buku.kondisi:
        obj = _katalog(AspekLingkungan, jabatan, peta.get(kunci_label(label), ("", ""))[1])
        if obj is None:
            catatan.append(
                gettext("Aspek kondisi lingkungan '%(label)s' tidak ada di katalog aplikasi.")
                % {"label": label}
            )
        else:
            aspek[obj.pk] = faktor
    ada = dict(jabatan.kondisi_lingkungan.values_list("aspek_id", "faktor"))
    if ada == aspek:
        return "tetap"
    jabatan.kondisi_lingkungan.all().delete()
    KondisiLingkungan.objects.bulk_create(
        KondisiLingkungan(jabatan=jabatan, aspek_id=pk, faktor=f) for pk, f in aspek.items()
    )
    return "diganti"


@transaction.atomic
def jabatan_isi_dari_siasn(*, jabatan, periode, buku) -> tuple[dict, list[str]]:
    """Writes a read workbook (abk.impor.siasn.BukuSiasn) into `jabatan` and the task rows of
    `periode`. Returns the summary (section → "diganti"/"tetap", changed fields, and status
    "tetap" when nothing changed) and notes for the user."""
    catatan: list[str] = []
    ubah = _isian(jabatan, buku)
    if ubah:
        for k, v in ubah.items():
            setattr(jabatan, k, v)
        jabatan.save(update_fields=list(ubah))
    bagian: dict[str, str] = {}
    if buku.tugas:
        if jabatan.butir.filter(periode=periode).exists():
            catatan.append(
                gettext(
                    "Jabatan ini juga mempunyai butir kegiatan (jabatan fungsional) pada periode "
                    "ini; tugas dari SIASN disimpan sebagai tugas pokok di sampingnya."
                )
            )
        rows = _tugas(buku, catatan)
        bagian["tugas"] = _ganti_baris(TugasJabatan, jabatan, rows, list(rows[0]), periode=periode)
    daftar = {
        "hasil_kerja": (HasilKerja, [{"hasil": h, "satuan": s} for h, s in buku.hasil_kerja]),
        "bahan_kerja": (BahanKerja, [{"item": t, "penggunaan": ""} for t in buku.bahan_kerja]),
        "perangkat_kerja": (
            PerangkatKerja,
            [{"item": t, "penggunaan": ""} for t in buku.perangkat_kerja],
        ),
        "tanggung_jawab": (TanggungJawab, [{"teks": t} for t in buku.tanggung_jawab]),
        "wewenang": (Wewenang, [{"teks": t} for t in buku.wewenang]),
        "keterampilan": (Keterampilan, [{"teks": t} for t in buku.keterampilan]),
        "diklat": (SyaratDiklat, [{"jenis": "", "teks": t} for t in buku.rumpun_diklat]),
        "korelasi": (
            KorelasiJabatan,
            [
                dict(zip(("nama_jabatan", "unit_kerja"), pisah_korelasi(u), strict=True))
                | {"dalam_hal": d}
                for u, d in buku.korelasi
            ],
        ),
        "risiko_bahaya": (
            RisikoBahaya,
            [{"fisik_mental": f, "penyebab": p} for f, p in buku.risiko],
        ),
    }
    # Fields SIASN has no column for (penggunaan, jenis diklat) are not compared, so a
    # workbook exported from here does not wipe them on the way back.
    tanpa_banding = {"penggunaan", "jenis"}
    for nama, (model, rows) in daftar.items():
        if rows:
            banding = [k for k in rows[0] if k not in tanpa_banding]
            bagian[nama] = _ganti_baris(model, jabatan, rows, banding)
    if buku.kondisi:
        bagian["kondisi_lingkungan"] = _kondisi(jabatan, buku, catatan)
    _katalog_dari_label(jabatan, buku, bagian, catatan)
    berubah = bool(ubah) or any(v != "tetap" for v in bagian.values())
    ringkasan = {
        "status": "diperbarui" if berubah else "tetap",
        "isian": sorted(ubah),
        "bagian": bagian,
    }
    return ringkasan, catatan
