"""The Informasi Jabatan and the job-evaluation documents: context, HTML and PDF."""

from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import gettext

from anjab import calculations as calc
from anjab.informasi_muat import PILIHAN, muat_informasi
from anjab.models import (
    AspekLingkungan,
    ButirKegiatan,
    FungsiPekerjaan,
    Jabatan,
    LevelFaktor,
    TugasJabatan,
)
from anjab.selectors import RANTAI, Struktur, beban_jabatan, periode_terbaru
from organisasi.formatting import kelas_teks


def jabatan_lengkap_qs(periode):
    """Positions with everything the Informasi Jabatan prints, in a fixed number of queries
    however many positions are fetched (a whole decree's lampiran uses it)."""
    return Jabatan.objects.select_related("unit", "instansi", "evaluasi").prefetch_related(
        "diklat",
        Prefetch("tugas", queryset=TugasJabatan.objects.filter(periode=periode)),
        Prefetch("butir", queryset=ButirKegiatan.objects.filter(periode=periode)),
        "hasil_kerja",
        "bahan_kerja",
        "perangkat_kerja",
        "tanggung_jawab",
        "wewenang",
        "korelasi",
        "kondisi_lingkungan",
        "risiko_bahaya",
        "keterampilan",
        *(_pilihan_urut(nama) for nama in PILIHAN),
        "evaluasi__nilai__faktor",
    )


def _pilihan_urut(nama: str) -> Prefetch:
    """A section-15 choice in the analyst's order (its through table's urutan)."""
    field = Jabatan._meta.get_field(nama)
    melalui = field.remote_field.through._meta.model_name
    return Prefetch(
        nama,
        queryset=field.related_model.objects.order_by(f"{melalui}__urutan", f"{melalui}__id"),
    )


def jabatan_lengkap(pks, periode) -> list[Jabatan]:
    """jabatan_lengkap_qs's positions in a fixed number of queries of its own: the Informasi
    Jabatan's rows and choices in two (anjab.informasi_muat), the evaluation's in two more."""
    daftar = list(
        Jabatan.objects.select_related("unit", "instansi", "evaluasi").filter(pk__in=list(pks))
    )
    muat_informasi(daftar, periode)
    prefetch_related_objects(daftar, "evaluasi__nilai__faktor")
    return daftar


def _jabatan_lengkap(pk: int, periode) -> Jabatan:
    daftar = jabatan_lengkap([pk], periode)
    if not daftar:
        raise Jabatan.DoesNotExist
    return daftar[0]


def hitung_beban(*, jenis: str, tugas=(), butir=(), periode=None) -> dict:
    """Section 6 with computed columns and totals, from rows (saved or still being typed),
    through anjab.selectors.beban_jabatan (the method is decided there, not here).

    `tugas` rows have .volume/.waktu; `butir` rows .angka_kredit/.konstanta/.volume.
    """
    tugas, butir = list(tugas), list(butir)
    hasil = beban_jabatan(
        jenis=jenis,
        tugas=[(t.volume, t.waktu) for t in tugas],
        butir=[(b.angka_kredit, b.konstanta, b.volume) for b in butir],
        periode=periode,
    )
    we_menit = Decimal(periode.waktu_efektif_menit if periode else calc.WAKTU_EFEKTIF_MENIT)
    umum = {"kebutuhan": hasil.kebutuhan, "dibulatkan": hasil.dibulatkan, "hasil": hasil}
    if hasil.metode == calc.METODE_BUTIR:
        return umum | {
            "fungsional": True,
            "baris": _baris_butir(butir, hasil.baris),
            "jumlah_wpv": hasil.beban_kerja_jam,
            "waktu_efektif_jam": we_menit / calc.MENIT_PER_JAM,
        }
    return umum | {
        "fungsional": False,
        "baris": [{"tugas": t, "kebutuhan": k} for t, k in zip(tugas, hasil.baris, strict=True)],
        "waktu_efektif_menit": we_menit,
    }


def _baris_butir(butir: list, hitung: list) -> list[dict]:
    """The credit table's rows, numbered as seed 001 numbers them: the NO column counts the
    unsur (1, 2, …) on the first row printed for each — its kegiatan's heading row when it
    has one — and is blank below; the butir keeps the kegiatan's and its own code as typed
    ("1 Menyusun …", "a Daerah rawan sosial")."""
    baris, nomor, unsur, kegiatan = [], 0, object(), object()
    for b, (wpk, wpv) in zip(butir, hitung, strict=True):
        awal_unsur = b.unsur != unsur
        nomor += awal_unsur
        kelompok = bool(b.kegiatan) and b.kegiatan != kegiatan
        baris.append(
            {
                "butir": b,
                "wpk": wpk,
                "wpv": wpv,
                "kelompok": kelompok,  # a heading row for its kegiatan comes first
                "nomor": nomor if awal_unsur else None,
            }
        )
        unsur, kegiatan = b.unsur, b.kegiatan
    return baris


def beban_kerja(jabatan: Jabatan, periode) -> dict:
    """Section 6 of a period with its computed columns and totals."""
    if "tugas" not in getattr(jabatan, "_prefetched_objects_cache", {}):
        jabatan = _jabatan_lengkap(jabatan.pk, periode)
    return hitung_beban(
        jenis=jabatan.jenis, tugas=jabatan.tugas.all(), butir=jabatan.butir.all(), periode=periode
    )


def kelas_efektif(jabatan: Jabatan) -> int | None:
    evaluasi = getattr(jabatan, "evaluasi", None)
    if jabatan.kelas_jabatan:
        return jabatan.kelas_jabatan
    return evaluasi.kelas if evaluasi else None


def konteks_informasi_jabatan(
    jabatan: Jabatan, *, periode=None, struktur: Struktur | None = None, aspek=None
) -> dict:
    """Everything the Informasi Jabatan prints. Pass a position from jabatan_lengkap_qs,
    the Struktur and the aspects to build many documents without further queries."""
    periode = periode or periode_terbaru(jabatan.instansi_id)
    if "tugas" not in getattr(jabatan, "_prefetched_objects_cache", {}):
        jabatan = _jabatan_lengkap(jabatan.pk, periode)
    struktur = struktur or Struktur.untuk_jabatan(jabatan)
    rantai = struktur.rantai(jabatan)
    unit_teratas = struktur.unit_teratas(jabatan.unit_id) or jabatan.unit
    kondisi = {k.aspek_id: k.faktor for k in jabatan.kondisi_lingkungan.all()}
    if aspek is None:
        aspek = list(AspekLingkungan.objects.filter(instansi__isnull=True).order_by("urutan"))
    fungsi = {k: [] for k in FungsiPekerjaan.Kelompok.values}
    for fp in jabatan.fungsi_pekerjaan.all():  # in the analyst's order (informasi_muat)
        fungsi[fp.kelompok].append(fp)
    kelas = kelas_efektif(jabatan)
    return {
        "jabatan": jabatan,
        "daftar": _daftar_informasi(jabatan),
        "unit_teratas": unit_teratas,
        "rantai": [(label, rantai[kunci]) for kunci, label, _ in RANTAI],
        "periode": periode,
        "beban": beban_kerja(jabatan, periode),
        "kondisi": [(a, kondisi.get(a.pk, "")) for a in aspek],
        "fungsi": [
            (gettext("Hubungan dengan data"), fungsi["data"]),
            (gettext("Hubungan dengan orang"), fungsi["orang"]),
            (gettext("Hubungan dengan benda"), fungsi["benda"]),
        ],
        "kondisi_fisik": [
            (gettext("Jenis kelamin"), jabatan.jenis_kelamin),
            (gettext("Umur"), jabatan.umur),
            (gettext("Tinggi badan"), jabatan.tinggi_badan),
            (gettext("Berat badan"), jabatan.berat_badan),
            (gettext("Postur badan"), jabatan.postur_badan),
            (gettext("Penampilan"), jabatan.penampilan),
        ],
        "kelas": kelas,
        "kelas_teks": kelas_teks(kelas),
    }


def _teks_pilihan(obj, *, uraian=False, nama_saja=False) -> str:
    """A section-15 choice as printed: the analyst's words when typed (informasi_muat sets
    teks_analis), else the catalogue's code and name (or description)."""
    if getattr(obj, "teks_analis", ""):
        return obj.teks_analis
    if nama_saja:
        return obj.nama
    return f"{obj.kode}: {(obj.uraian if uraian else '') or obj.nama}"


def _daftar_informasi(jabatan: Jabatan) -> dict[str, list[str]]:
    """The Informasi Jabatan's lists as the texts it prints, item by item: each item becomes a
    table row of its own (fragment_ij_butir), so a page breaks between items, never inside."""
    return {
        "diklat": [
            f"{d.get_jenis_display()}: {d.teks}" if d.jenis else d.teks
            for d in jabatan.diklat.all()
        ],
        "tanggung_jawab": [t.teks for t in jabatan.tanggung_jawab.all()],
        "wewenang": [w.teks for w in jabatan.wewenang.all()],
        "keterampilan": [k.teks for k in jabatan.keterampilan.all()],
        "bakat": [_teks_pilihan(b) for b in jabatan.bakat.all()],
        "temperamen": [_teks_pilihan(t, uraian=True) for t in jabatan.temperamen.all()],
        "minat": [_teks_pilihan(m, uraian=True) for m in jabatan.minat.all()],
        "upaya_fisik": [_teks_pilihan(u, nama_saja=True) for u in jabatan.upaya_fisik.all()],
    }


def konteks_evaluasi(jabatan: Jabatan) -> dict:
    jabatan = _jabatan_lengkap(jabatan.pk, periode_terbaru(jabatan.instansi_id))
    evaluasi = getattr(jabatan, "evaluasi", None)
    rentang = None
    if evaluasi is not None:
        rentang = evaluasi.tabel.kelas.filter(kelas=evaluasi.kelas).first()
    nilai = []
    if evaluasi is not None:
        poin = {
            (lv.faktor_id, lv.level): lv.nilai
            for lv in LevelFaktor.objects.filter(faktor__tabel_id=evaluasi.tabel_id)
        }
        nilai = [(n, poin.get((n.faktor_id, n.level))) for n in evaluasi.nilai.all()]
    return {
        "jabatan": jabatan,
        "evaluasi": evaluasi,
        "nilai": nilai,
        "rentang": rentang,
        "struktural": jabatan.struktural,
    }


# `request` is given when the document is shown in the browser: its <style> then carries the
# request's Content-Security-Policy nonce. PDFs are rendered without it.
def informasi_jabatan_html(jabatan: Jabatan, request=None) -> str:
    return render_to_string(
        "anjab/dokumen/informasi_jabatan.html", konteks_informasi_jabatan(jabatan), request
    )


def evaluasi_jabatan_html(jabatan: Jabatan, request=None) -> str:
    return render_to_string(
        "anjab/dokumen/evaluasi_jabatan.html", konteks_evaluasi(jabatan), request
    )


DOKUMEN = {
    "informasi-jabatan": informasi_jabatan_html,
    "evaluasi-jabatan": evaluasi_jabatan_html,
}
