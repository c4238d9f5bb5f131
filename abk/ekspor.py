"""The rekap as plain data (JSON for automation) and as an xlsx workbook for print."""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from abk.rekap import Rekap
from anjab.models import Jabatan

ENAM_DESIMAL = Decimal("0.000001")


def _teks_desimal(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(Decimal(nilai).quantize(ENAM_DESIMAL))


def rekap_data(rekap: Rekap) -> dict:
    """JSON-ready rekap: one object per position, per unit, and the totals."""
    p = rekap.periode
    return {
        "instansi": p.instansi.nama,
        "periode": {
            "id": p.pk,
            "nama": p.nama,
            "tahun": p.tahun,
            "waktu_efektif_menit": str(p.waktu_efektif_menit),
            "pembulatan": p.pembulatan,
        },
        "unit": rekap.unit.nama if rekap.unit else None,
        "jabatan": [
            {
                "id": b.jabatan.pk,
                "nomor": b.nomor,
                "nama_jabatan": b.jabatan.nama,
                "unit": b.unit.nama,
                "jenis": b.jabatan.jenis,
                "kelas": b.kelas,
                "beban_kerja_menit": _teks_desimal(b.beban_kerja_menit),
                "kebutuhan": _teks_desimal(b.kebutuhan),
                "kebutuhan_dibulatkan": b.kebutuhan_dibulatkan,
                "bezetting": b.bezetting,
                "bezetting_rincian": b.bezetting_rincian,
                "selisih": b.selisih,
                "ej": _teks_desimal(b.ej),
                "predikat": b.predikat,
                "kebutuhan_tercetak": _teks_desimal(b.deklarasi.kebutuhan)
                if b.deklarasi and b.deklarasi.kebutuhan is not None
                else None,
                "jumlah_pegawai_tercetak": b.deklarasi.jumlah_pegawai if b.deklarasi else None,
                "flags": [t.pesan for t in b.temuan],
            }
            for b in rekap.baris
        ],
        "unit_rekap": [
            {
                "unit": ru.unit.nama,
                "tingkat": ru.depth,
                "kebutuhan": _teks_desimal(ru.subtree["kebutuhan"]),
                "kebutuhan_dibulatkan": ru.subtree["kebutuhan_dibulatkan"],
                "bezetting": ru.subtree["bezetting"],
                "kekurangan": ru.subtree["kekurangan"],
                "kelebihan": ru.subtree["kelebihan"],
                "eu": _teks_desimal(ru.eu),
            }
            for ru in rekap.units
        ],
        "total": {
            "jumlah_jabatan": rekap.total["jumlah_jabatan"],
            "beban_kerja_menit": _teks_desimal(rekap.total["beban_kerja_menit"]),
            "kebutuhan": _teks_desimal(rekap.total["kebutuhan"]),
            "kebutuhan_dibulatkan": rekap.total["kebutuhan_dibulatkan"],
            "kebutuhan_tercetak_dibulatkan": rekap.kebutuhan_tercetak_dibulatkan,
            "bezetting": rekap.total["bezetting"],
            "kekurangan": rekap.total["kekurangan"],
            "kelebihan": rekap.total["kelebihan"],
            "selisih": rekap.total["selisih"],
            "eu": _teks_desimal(rekap.eu),
            "jumlah_flags": len(rekap.temuan),
        },
    }


TEBAL = Font(bold=True)
GARIS = Border(*(Side(style="thin"),) * 4)
ABU = PatternFill("solid", fgColor="EEF2F7")


def isi_sel(cell, isi) -> None:
    """Puts a value in a cell; text starting with = + - @ stays text, never a formula."""
    cell.value = isi
    if isinstance(isi, str) and isi[:1] in ("=", "+", "-", "@"):
        cell.data_type = "s"  # never a formula: text from users stays text
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _tulis(ws, baris: int, nilai: list, *, format_angka: dict | None = None, kepala=False):
    for kolom, isi in enumerate(nilai, start=1):
        cell = ws.cell(row=baris, column=kolom)
        isi_sel(cell, isi)
        cell.border = GARIS
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if kepala:
            cell.font, cell.fill = TEBAL, ABU
        if format_angka and kolom in format_angka:
            cell.number_format = format_angka[kolom]


def rekap_xlsx(rekap: Rekap) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rekap jabatan"
    # Unit and instansi names are typed by users: through isi_sel like every other cell.
    isi_sel(ws["A1"], f"REKAP ANALISIS BEBAN KERJA {rekap.unit.nama if rekap.unit else ''}".strip())
    isi_sel(ws["A2"], f"{rekap.periode.instansi.nama} · {rekap.periode.nama}")
    ws["A1"].font = Font(bold=True, size=13)
    kepala = [
        "No.",
        "Nama jabatan",
        "Unit",
        "Jenis",
        "Kelas",
        "Beban kerja (menit)",
        "Kebutuhan",
        "K",
        "B",
        "±",
        "EJ",
        "Predikat",
        "Temuan",
    ]
    _tulis(ws, 4, kepala, kepala=True)
    fmt = {6: "#,##0.00", 7: "#,##0.000", 11: "0.00"}
    for i, b in enumerate(rekap.baris, start=5):
        _tulis(
            ws,
            i,
            [
                b.nomor,
                b.jabatan.nama,
                b.unit.nama,
                b.jabatan.get_jenis_display(),
                b.kelas,
                float(b.beban_kerja_menit),
                float(b.kebutuhan),
                b.kebutuhan_dibulatkan,
                b.bezetting,
                b.selisih,
                float(b.ej) if b.ej is not None else None,
                b.predikat,
                "\n".join(t.pesan for t in b.temuan),
            ],
            format_angka=fmt,
        )
    akhir = 5 + len(rekap.baris)
    t = rekap.total
    _tulis(
        ws,
        akhir,
        [
            "",
            "JUMLAH",
            "",
            "",
            "",
            float(t["beban_kerja_menit"]),
            float(t["kebutuhan"]),
            t["kebutuhan_dibulatkan"],
            t["bezetting"],
            t["selisih"],
            float(rekap.eu) if rekap.eu is not None else None,
            rekap.predikat,
            "",
        ],
        format_angka=fmt,
    )
    for kolom, lebar in zip(
        "ABCDEFGHIJKLM", [8, 40, 30, 14, 7, 14, 12, 6, 6, 6, 8, 9, 60], strict=True
    ):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = "A5"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "4:4"

    wu = wb.create_sheet("Rekap unit")
    _tulis(
        wu,
        1,
        ["Unit", "Jabatan", "K", "B", "Kekurangan", "Kelebihan", "EU", "Predikat"],
        kepala=True,
    )
    for i, ru in enumerate(rekap.units, start=2):
        _tulis(
            wu,
            i,
            [
                ("  " * ru.depth) + ru.unit.nama,
                ru.subtree["jumlah_jabatan"],
                ru.subtree["kebutuhan_dibulatkan"],
                ru.subtree["bezetting"],
                ru.subtree["kekurangan"],
                ru.subtree["kelebihan"],
                float(ru.eu) if ru.eu is not None else None,
                ru.predikat,
            ],
            format_angka={7: "0.00"},
        )
    wu.column_dimensions["A"].width = 50
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


# The canonical columns of the import: our export uses them, so re-importing it gives back
# the same data, and the template documents them.
KOLOM_JABATAN = [
    "Unit kerja",
    "Nomor jabatan",
    "Nama jabatan",
    "Pimpinan unit",
    "Jenis jabatan",
    "Jenjang",
    "Kelas jabatan",
    "Kode jabatan",
    "Ikhtisar jabatan",
    "Syarat pendidikan",
    "Pengalaman kerja",
    "Bezetting (diisi)",
    "Jumlah kebutuhan (tercetak)",
    "Jumlah pegawai (tercetak)",
    "Jumlah Wpv (tercetak)",
]
KOLOM_UNIT = ["Unit kerja", "Unit induk", "Jenis unit", "Eselon"]
KOLOM_TUGAS = [
    "Unit kerja",
    "Nomor jabatan",
    "Nama jabatan",
    "Uraian tugas",
    "Hasil kerja",
    "Jumlah beban kerja 1 tahun",
    "Waktu penyelesaian (menit)",
    "Kebutuhan pegawai (tercetak)",
]
KOLOM_BUTIR = [
    "Unit kerja",
    "Nomor jabatan",
    "Nama jabatan",
    "Unsur",
    "Sub unsur",
    "Kegiatan",
    "No butir",
    "Butir kegiatan",
    "Angka kredit",
    "Konstanta",
    "Volume kegiatan",
    "Satuan hasil butir",
    "Wpk (tercetak)",
    "Wpv (tercetak)",
]
KOLOM_PEGAWAI = [
    "NIP",
    "Nama pegawai",
    "Gelar depan",
    "Gelar belakang",
    "Status",
    "Golongan",
    "Pendidikan",
    "Unit kerja",
    "Nama jabatan",
    "Nomor jabatan",
]
PETUNJUK = [
    (
        "Jabatan",
        "Satu baris per jabatan. Unit kerja = nama unit persis seperti di aplikasi; "
        "Nomor jabatan (1, 2.1, 2.1.4 …) membedakan jabatan bernama sama dan mengurutkannya.",
    ),
    (
        "Tugas",
        "Satu baris per uraian tugas (jabatan struktural dan pelaksana). Waktu dalam "
        "menit; judul kolom bertuliskan (JAM) dibaca sebagai jam.",
    ),
    ("Butir", "Tabel angka kredit jabatan fungsional: satu baris per butir kegiatan."),
    (
        "Pegawai",
        "NIP 18 angka ditulis sebagai teks; Nama jabatan (+ Nomor) menautkan pegawai "
        "ke jabatan yang didudukinya (bezetting).",
    ),
    (
        "Umum",
        "Baris judul di atas tabel boleh ada. Angka boleh berformat 1.500 atau 0,36. "
        "Sel berumus ditolak: tempel sebagai nilai.",
    ),
]


def _lembar(wb, judul: str, kolom: list[str], baris: list[list], lebar: dict | None = None):
    ws = wb.create_sheet(judul)
    _tulis(ws, 1, kolom, kepala=True)
    for i, isi in enumerate(baris, start=2):
        _tulis(
            ws,
            i,
            isi,
            format_angka={
                k: "#,##0.####" for k in range(1, len(kolom) + 1) if kolom[k - 1] in _ANGKA
            },
        )
    for i, nama in enumerate(kolom, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = (lebar or {}).get(nama, 18)
    ws.freeze_panes = "A2"
    return ws


_ANGKA = {
    "Kelas jabatan",
    "Bezetting (diisi)",
    "Jumlah beban kerja 1 tahun",
    "Waktu penyelesaian (menit)",
    "Angka kredit",
    "Konstanta",
    "Volume kegiatan",
}
_LEBAR = {
    "Nama jabatan": 36,
    "Uraian tugas": 60,
    "Butir kegiatan": 60,
    "Ikhtisar jabatan": 60,
    "Unit kerja": 34,
    "Kegiatan": 40,
    "Nama pegawai": 30,
    "NIP": 22,
}


def _f(v):
    return float(v) if v is not None else None


def _kedalaman(u, semua: dict) -> int:
    d = 0
    while u.parent_id in semua:
        u, d = semua[u.parent_id], d + 1
    return d


def _teks_tercetak(v, presisi: int) -> str | None:
    """A printed figure as the document wrote it ("2,640"): text, so its precision survives."""
    if v is None:
        return None
    return f"{Decimal(v):.{max(presisi, 0)}f}".replace(".", ",")


def label_unit_ekspor(units) -> dict[int, str]:
    """A unit's name, or its path ("Dinas A › Sekretariat") when another exported unit has
    the same name, so that the workbook re-imports into the right place."""
    from abk.impor.unit import PEMISAH_JALUR, kunci_unit

    semua = {u.pk: u for u in units}
    hitung: dict[str, int] = {}
    for u in semua.values():
        hitung[kunci_unit(u.nama)] = hitung.get(kunci_unit(u.nama), 0) + 1

    def jalur(u) -> str:
        nama, cur = [], u
        while cur is not None:
            nama.append(cur.nama)
            cur = semua.get(cur.parent_id)
        return PEMISAH_JALUR.join(reversed(nama))

    return {pk: (jalur(u) if hitung[kunci_unit(u.nama)] > 1 else u.nama) for pk, u in semua.items()}


def jabatan_xlsx(*, periode, unit=None) -> bytes:
    """Every position of the unit's subtree (or the instansi) with its tasks, credit rows and
    holders, in the import's canonical columns."""
    from abk.models import DeklarasiJabatan
    from anjab.models import ButirKegiatan, TugasJabatan
    from anjab.selectors import Struktur, daftar_informasi_jabatan, subtree_ids
    from organisasi.models import Pegawai, UnitOrganisasi

    struktur = Struktur(periode.instansi_id)
    akar = [unit.pk] if unit else [u.pk for u in struktur.units.values() if u.parent_id is None]
    daftar, unit_ids = [], set()
    for uid in akar:
        daftar += daftar_informasi_jabatan(struktur, uid)
        unit_ids |= subtree_ids(struktur, uid)
    nomor = {j.pk: n for n, _, j in daftar}
    lengkap = {j.pk: j for j in Jabatan.objects.filter(pk__in=nomor)}
    nama_unit = label_unit_ekspor(UnitOrganisasi.objects.filter(pk__in=unit_ids))

    def kepala(j):
        return [nama_unit[j.unit_id], nomor[j.pk], j.nama]

    deklarasi = {
        d.jabatan_id: d
        for d in DeklarasiJabatan.objects.filter(periode=periode, jabatan_id__in=nomor)
    }

    def tercetak(j) -> list:
        d = deklarasi.get(j.pk)
        if d is None:
            return [None, None, None]
        return [
            _teks_tercetak(d.kebutuhan, d.presisi_kebutuhan),
            d.jumlah_pegawai,
            _teks_tercetak(d.beban_kerja_jam, 2),
        ]

    wb = Workbook()
    wb.remove(wb.active)
    semua_unit = {u.pk: u for u in UnitOrganisasi.objects.filter(pk__in=unit_ids)}
    _lembar(
        wb,
        "Unit",
        KOLOM_UNIT,
        [
            [
                nama_unit[u.pk],
                nama_unit[u.parent_id] if u.parent_id in semua_unit else "",
                u.get_jenis_display(),
                u.eselon,
            ]
            for u in sorted(semua_unit.values(), key=lambda u: _kedalaman(u, semua_unit))
        ],
        _LEBAR,
    )
    _lembar(
        wb,
        "Jabatan",
        KOLOM_JABATAN,
        [
            [
                *kepala(lengkap[j.pk]),
                "Ya" if lengkap[j.pk].kepala_unit else "Tidak",
                lengkap[j.pk].get_jenis_display(),
                lengkap[j.pk].get_jenjang_display(),
                lengkap[j.pk].kelas_jabatan,
                lengkap[j.pk].kode,
                lengkap[j.pk].ikhtisar,
                lengkap[j.pk].syarat_pendidikan,
                lengkap[j.pk].syarat_pengalaman,
                lengkap[j.pk].bezetting_diisi,
                *tercetak(j),
            ]
            for _, _, j in daftar
        ],
        _LEBAR,
    )
    tugas = TugasJabatan.objects.filter(periode=periode, jabatan_id__in=nomor).order_by(
        "urutan", "pk"
    )
    per_jabatan = {}
    for t in tugas:
        per_jabatan.setdefault(t.jabatan_id, []).append(t)
    _lembar(
        wb,
        "Tugas",
        KOLOM_TUGAS,
        [
            [
                *kepala(lengkap[j.pk]),
                t.uraian,
                t.hasil_kerja,
                _f(t.volume),
                _f(t.waktu),
                _teks_tercetak(t.kebutuhan_tercetak, 3),
            ]
            for _, _, j in daftar
            for t in per_jabatan.get(j.pk, [])
        ],
        _LEBAR,
    )
    butir = {}
    for b in ButirKegiatan.objects.filter(periode=periode, jabatan_id__in=nomor).order_by(
        "urutan", "pk"
    ):
        butir.setdefault(b.jabatan_id, []).append(b)
    _lembar(
        wb,
        "Butir",
        KOLOM_BUTIR,
        [
            [
                *kepala(lengkap[j.pk]),
                b.unsur,
                b.sub_unsur,
                b.kegiatan,
                b.kode,
                b.butir_kegiatan,
                _f(b.angka_kredit),
                _f(b.konstanta),
                _f(b.volume),
                b.satuan,
                _teks_tercetak(b.wpk_tercetak, 2),
                _teks_tercetak(b.wpv_tercetak, 2),
            ]
            for _, _, j in daftar
            for b in butir.get(j.pk, [])
        ],
        _LEBAR,
    )
    pegawai = (
        Pegawai.objects.filter(jabatan_id__in=nomor).select_related("golongan").order_by("nama")
    )
    _lembar(
        wb,
        "Pegawai",
        KOLOM_PEGAWAI,
        [
            [
                p.nip,
                p.nama,
                p.gelar_depan,
                p.gelar_belakang,
                p.status,
                p.golongan.kode if p.golongan else "",
                p.pendidikan,
                nama_unit.get(p.unit_id, ""),
                lengkap[p.jabatan_id].nama,
                nomor[p.jabatan_id],
            ]
            for p in pegawai
        ],
        _LEBAR,
    )
    _petunjuk(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def templat_xlsx() -> bytes:
    """An empty workbook with the canonical columns, one example row each, and a guide."""
    wb = Workbook()
    wb.remove(wb.active)
    _lembar(
        wb,
        "Jabatan",
        KOLOM_JABATAN,
        [
            [
                "Sub Bagian Umum dan Kepegawaian",
                "2.1.4",
                "Penata Layanan Operasional",
                "Tidak",
                "Pelaksana",
                "",
                7,
                "",
                "Melakukan kegiatan tata kelola layanan teknis …",
                "S-1/D-IV",
                "",
                None,
            ]
        ],
        _LEBAR,
    )
    _lembar(
        wb,
        "Tugas",
        KOLOM_TUGAS,
        [
            [
                "Sub Bagian Umum dan Kepegawaian",
                "2.1.4",
                "Penata Layanan Operasional",
                "Mengumpulkan data layanan operasional",
                "Dokumen",
                12,
                1500,
            ]
        ],
        _LEBAR,
    )
    _lembar(
        wb,
        "Butir",
        KOLOM_BUTIR,
        [
            [
                "Bidang Sosial",
                "3.1",
                "Penyuluh Sosial Ahli Muda",
                "Penyuluhan Sosial",
                "Persiapan",
                "1 Menyusun gambaran umum …",
                "a",
                "Daerah rawan sosial.",
                0.36,
                0.02,
                3,
                "laporan",
            ]
        ],
        _LEBAR,
    )
    _lembar(
        wb,
        "Pegawai",
        KOLOM_PEGAWAI,
        [
            [
                "199001012015032004",
                "Sri Wahyuni",
                "",
                "S.Sos.",
                "PNS",
                "III/b",
                "S-1",
                "Sub Bagian Umum dan Kepegawaian",
                "Penata Layanan Operasional",
                "2.1.4",
            ]
        ],
        _LEBAR,
    )
    _petunjuk(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _petunjuk(wb):
    ws = wb.create_sheet("Petunjuk")
    for baris, (a, b) in enumerate([("Sheet", "Petunjuk"), *PETUNJUK], start=1):
        isi_sel(ws.cell(row=baris, column=1), a)
        isi_sel(ws.cell(row=baris, column=2), b)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 110
