"""Section "impor": importing a legacy workbook must cost at most 3× what openpyxl's
read-only mode needs just to read the same file (the floor no importer can go below).

The workbook is the common legacy shape: one flat sheet, a row per task, the unit and the
position written again on every row, numbers partly typed as text with Indonesian
separators. It is generated, the same bytes for the same size, so runs can be compared."""

import uuid
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import router, transaction
from django.db.models.deletion import Collector
from openpyxl import Workbook, load_workbook

from abk.bench import Opsi, Ukuran, bagian
from abk.bench.anak import Gagal, gabung, hitung_sql, sekali, sekarang

TUGAS_PER_JABATAN = 10
JABATAN_PENUH = 1_000  # 10.000 task rows at --size 1
TARGET = 3.0
JUDUL = [
    "Unit Kerja",
    "Nama Jabatan",
    "Uraian Tugas",
    "Hasil Kerja",
    "Volume",
    "Waktu Penyelesaian (menit)",
]
PERANGKAT_DAERAH = {
    "Dinas Kesehatan": [
        "Bidang Pelayanan Kesehatan",
        "Bidang Kesehatan Masyarakat",
        "Bidang Pencegahan dan Pengendalian Penyakit",
        "Bidang Sumber Daya Kesehatan",
    ],
    "Dinas Pendidikan": [
        "Bidang Pembinaan Sekolah Dasar",
        "Bidang Pembinaan Sekolah Menengah Pertama",
        "Bidang Pendidikan Anak Usia Dini dan Nonformal",
        "Bidang Guru dan Tenaga Kependidikan",
    ],
    "Dinas Pekerjaan Umum dan Penataan Ruang": [
        "Bidang Bina Marga",
        "Bidang Sumber Daya Air",
        "Bidang Cipta Karya",
        "Bidang Penataan Ruang",
    ],
    "Dinas Sosial": [
        "Bidang Rehabilitasi Sosial",
        "Bidang Perlindungan dan Jaminan Sosial",
        "Bidang Pemberdayaan Sosial",
        "Bidang Penanganan Fakir Miskin",
    ],
    "Badan Keuangan dan Aset Daerah": [
        "Bidang Anggaran",
        "Bidang Perbendaharaan",
        "Bidang Akuntansi",
        "Bidang Pengelolaan Aset Daerah",
    ],
}
SUB_BAGIAN = ["Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Pelaporan", "Program"]
SINGKATAN = {
    "Dinas Kesehatan": "Dinkes",
    "Dinas Pendidikan": "Disdik",
    "Dinas Pekerjaan Umum dan Penataan Ruang": "DPUPR",
    "Dinas Sosial": "Dinsos",
    "Badan Keuangan dan Aset Daerah": "BKAD",
}
JABATAN = [
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Operator Layanan Operasional",
    "Pengelola Layanan Operasional",
    "Penelaah Teknis Kebijakan",
    "Pengelola Keuangan",
    "Penata Kelola Sistem dan Teknologi Informasi",
    "Pengelola Umum Operasional",
    "Arsiparis Ahli Pertama",
    "Arsiparis Terampil",
    "Analis Kebijakan Ahli Muda",
    "Analis Kebijakan Ahli Pertama",
    "Perencana Ahli Pertama",
    "Perencana Ahli Muda",
    "Pranata Komputer Ahli Pertama",
    "Pranata Komputer Terampil",
    "Analis Pengelolaan Keuangan APBN Ahli Pertama",
    "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
    "Pranata Sumber Daya Manusia Aparatur Terampil",
    "Pengelola Pengadaan Barang/Jasa Ahli Pertama",
    "Pranata Keuangan APBN Terampil",
    "Penata Laksana Barang Terampil",
    "Pengelola Barang Milik Negara",
    "Pengelola Data Kepegawaian",
    "Verifikator Keuangan",
    "Bendahara",
    "Pengadministrasi Umum",
]
KEGIATAN = [
    ("Menerima dan mencatat surat masuk", "Surat"),
    ("Menyusun konsep laporan bulanan", "Laporan"),
    ("Memverifikasi kelengkapan berkas usulan", "Berkas"),
    ("Menginput data ke aplikasi", "Data"),
    ("Menyiapkan bahan rapat koordinasi", "Bahan"),
    ("Menelaah rancangan kebijakan teknis", "Telaahan"),
    ("Mengarsipkan dokumen kegiatan", "Dokumen"),
    ("Melayani konsultasi masyarakat", "Layanan"),
    ("Menyusun rencana kerja dan anggaran", "Dokumen"),
    ("Memantau pelaksanaan kegiatan lapangan", "Laporan"),
    ("Mengoreksi daftar hadir dan rekap kehadiran", "Rekap"),
    ("Menyusun bahan evaluasi kinerja", "Bahan"),
    ("Memutakhirkan basis data pegawai", "Data"),
    ("Mendistribusikan naskah dinas", "Naskah"),
]


def _unit() -> list[str]:
    """About 40 units: four Bidang and four Sub Bagian under each of five perangkat daerah
    (a Sub Bagian carries its office's short name, as legacy sheets do, to stay unique)."""
    hasil = []
    for pd, bidang in PERANGKAT_DAERAH.items():
        hasil += [f"Sub Bagian {s} {SINGKATAN[pd]}" for s in SUB_BAGIAN]
        hasil += bidang
    return hasil


def _angka(n: int, teks: bool) -> int | str:
    """The number itself, or as the office typed it: "1.500" with a dot for thousands."""
    return f"{n:,}".replace(",", ".") if teks else n


def baris_tugas(ukuran: float):
    """The rows, deterministic (pure arithmetic on the row number, no random state)."""
    unit = _unit()
    jumlah_jabatan = max(1, round(JABATAN_PENUH * ukuran))
    for j in range(jumlah_jabatan):
        nama_unit = unit[j % len(unit)]
        # Positions cycle through the name list per unit; a name met again in the same unit
        # gets a number so that every position stays distinct.
        urut = j // len(unit)
        nama = JABATAN[urut % len(JABATAN)]
        if urut >= len(JABATAN):
            nama = f"{nama} {urut // len(JABATAN) + 1}"
        for t in range(TUGAS_PER_JABATAN):
            k = (j * 7 + t * 3) % len(KEGIATAN)
            uraian, hasil = KEGIATAN[k]
            nomor = j * TUGAS_PER_JABATAN + t
            volume = 12 + (nomor * 37) % 2400
            waktu = 5 + (nomor * 13) % 240
            yield [
                nama_unit,
                nama,
                f"{uraian} ({t + 1})",
                hasil,
                _angka(volume, teks=nomor % 3 == 0),
                _angka(waktu, teks=nomor % 5 == 0),
            ]


def buat_buku(folder: str, ukuran: float) -> tuple[Path, int]:
    """The workbook (write-only mode: the way to write 10.000 rows without holding them)."""
    path = Path(folder) / f"impor_{ukuran:g}.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ABK")
    ws.append(JUDUL)
    n = 0
    for row in baris_tugas(ukuran):
        ws.append(row)
        n += 1
    wb.save(path)
    return path, n


def _baca_openpyxl(path: Path) -> dict:
    t0 = sekarang()
    wb = load_workbook(path, read_only=True)
    n = 0
    for ws in wb.worksheets:
        for _values in ws.iter_rows(values_only=True):
            n += 1
    wb.close()
    return {"seconds": sekarang() - t0, "rows": n}


def _impor(path: Path, nama: str, *extra: str, siapkan=None) -> dict:
    if siapkan:
        siapkan()  # outside the timer: what the user already has before importing
    out, err = StringIO(), StringIO()
    with hitung_sql() as per_jenis:
        t0 = sekarang()
        try:
            call_command(
                "import_workbook",
                str(path),
                "--instansi",
                nama,
                "--create",
                *extra,
                stdout=out,
                stderr=err,
            )
        except BaseException as e:
            pesan = f"{type(e).__name__}: {e}"
            rincian = (err.getvalue().strip().splitlines() or [""])[:5]
            raise Gagal("\n".join([pesan, *filter(None, rincian)])) from e
        detik = sekarang() - t0
    baris = out.getvalue().strip().splitlines()
    return {
        "seconds": detik,
        "queries": sum(per_jenis.values()),
        "sql": dict(per_jenis.most_common()),
        # The command's summary line (it may print notes after it).
        "keluaran": [b for b in baris if "baris dibaca" in b] or baris[-1:],
    }


def nama_instansi() -> str:
    # Unique per measurement, and no substring of a real one (the importer finds an instansi
    # by a partial name when the exact one is missing).
    return f"Pemerintah Kota Uji Kinerja {uuid.uuid4().hex[:12]}"


def hapus_instansi(nama: str) -> None:
    """Removes a benchmark instansi and everything under it, history rows included, so that
    repeated runs leave the database as they found it. The order works around the PROTECT
    foreign keys (pegawai and positions before units, units before the instansi)."""
    from anjab.models import Jabatan
    from organisasi.models import Instansi, Pegawai, UnitOrganisasi

    for instansi in Instansi.objects.filter(nama=nama):
        with transaction.atomic():
            unit = UnitOrganisasi.objects.filter(instansi=instansi)
            # A unit tree protects its own children; flattened, one pass deletes them all.
            unit.update(parent=None)
            for qs in (
                Pegawai.objects.filter(instansi=instansi),
                Jabatan.objects.filter(instansi=instansi),
                unit,
                Instansi.objects.filter(pk=instansi.pk),
            ):
                _hapus_beserta_riwayat(qs)


def _hapus_beserta_riwayat(qs) -> None:
    collector = Collector(using=router.db_for_write(qs.model))
    collector.collect(qs)
    pk_per_model = {m: [o.pk for o in objs] for m, objs in collector.data.items()}
    collector.delete()
    for model, pks in pk_per_model.items():
        riwayat = getattr(model, "history", None)
        if riwayat is None:
            continue
        for i in range(0, len(pks), 500):  # SQLite's limit on parameters per statement
            riwayat.model.objects.filter(id__in=pks[i : i + 500]).delete()


def _ukur_impor(path: Path, *extra: str, instansi_ada=False) -> dict:
    """The import as a user runs it, in a child, into a fresh instansi that the parent
    deletes afterwards (the child may have died half-way)."""
    from organisasi.models import Instansi

    # Drawn in the parent, which must know what to delete; the child gets it with the fork.
    nama = nama_instansi()

    def kerja() -> dict:
        siapkan = None
        if instansi_ada:

            def siapkan():
                Instansi.objects.create(
                    nama=nama, jenis="kota", jabatan_kepala="Wali Kota", nama_daerah="Uji"
                )

        return _impor(path, nama, *extra, siapkan=siapkan)

    return sekali(kerja, sesudah=lambda: hapus_instansi(nama))


FIGUR = (
    ("impor (--create)", (), False),
    # A preview is asked of an instansi that exists (with none, the command stops before
    # planning the writes), so the dry run gets an empty one, created outside the timer.
    ("uji coba (--dry-run)", ("--dry-run",), True),
)


@bagian("impor")
def bagian_impor(opsi: Opsi) -> list[Ukuran]:
    path, jumlah = buat_buku(opsi.folder, opsi.ukuran)
    opsi.tulis(f"impor: buku kerja {path.name}, {jumlah:,} baris tugas".replace(",", "."))
    # Rounds of anchor, import, dry run: on a shared machine the load drifts over a run, and
    # interleaving lets the drift touch both sides of the ratio alike.
    jangkar: list[dict] = []
    per_figur: dict[str, list[dict]] = {f: [] for f, _, _ in FIGUR}
    for putaran in range(1, opsi.ulang + 1):
        jangkar.append(sekali(lambda: _baca_openpyxl(path)))
        catatan = [f"jangkar {_s(jangkar[-1])}"]
        for figur, extra, instansi_ada in FIGUR:
            if per_figur[figur] and per_figur[figur][-1].get("error"):
                continue  # a broken importer fails the same way each time
            per_figur[figur].append(_ukur_impor(path, *extra, instansi_ada=instansi_ada))
            catatan.append(f"{figur} {_s(per_figur[figur][-1])}")
        opsi.tulis(f"impor: putaran {putaran}/{opsi.ulang}: " + "; ".join(catatan))
    j = gabung(jangkar)
    hasil = []
    for figur, _, _ in FIGUR:
        h = gabung(per_figur[figur])
        hasil.append(
            Ukuran.dari_gabungan(
                section="impor",
                figure=figur,
                h=h,
                j=j,
                anchor="openpyxl load_workbook(read_only=True), semua baris",
                target=TARGET,
                rows=jumlah,
                detail={
                    "anchor_rows": j.get("rows"),
                    "anchor_peak_tambahan_mb": j["peak_tambahan_mb"],
                    "sql": h.get("sql", {}),
                    "keluaran": h.get("keluaran", []),
                },
            )
        )
    if opsi.profil and not hasil[0].error:
        nama = nama_instansi()
        h = sekali(lambda: _profil(path, nama, opsi.profil), sesudah=lambda: hapus_instansi(nama))
        hasil[0].detail.update(
            profil=h.get("profil", []),
            profil_seconds=h.get("seconds"),
            profil_error=h.get("error", ""),
        )
        opsi.tulis(f"impor: profil ditulis ke {opsi.profil}")
    return hasil


def _s(h: dict) -> str:
    return "gagal" if h.get("error") else f"{h['seconds']:.3f} s"


def _profil(path: Path, nama: str, berkas: str, jumlah: int = 40) -> dict:
    """One import under cProfile (slower than unprofiled: its time is not a figure)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        hasil = _impor(path, nama)
    finally:
        profiler.disable()
    profiler.dump_stats(berkas)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    hasil["profil"] = [
        {
            "function": fungsi,
            "where": f"{berkas_py}:{baris}",
            "cumulative": stats.stats[(berkas_py, baris, fungsi)][3],
            "own": stats.stats[(berkas_py, baris, fungsi)][2],
            "calls": stats.stats[(berkas_py, baris, fungsi)][1],
        }
        for berkas_py, baris, fungsi in stats.fcn_list[:jumlah]
    ]
    return hasil
