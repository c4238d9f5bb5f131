"""The round-trip workbook: every position of a unit with its tasks, credit rows and holders
in the import's own columns, and the empty template with its instructions."""

from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from abk.ekspor import tulis_baris
from anjab.models import Jabatan
from organisasi.spreadsheets import isi_sel

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
        gettext_lazy(
            "Satu baris per jabatan. Unit kerja = nama unit persis seperti di aplikasi; "
            "Nomor jabatan (1, 2.1, 2.1.4 …) membedakan jabatan bernama sama dan mengurutkannya."
        ),
    ),
    (
        "Tugas",
        gettext_lazy(
            "Satu baris per uraian tugas (jabatan struktural dan pelaksana). Waktu dalam "
            "menit; judul kolom bertuliskan (JAM) dibaca sebagai jam."
        ),
    ),
    (
        "Butir",
        gettext_lazy("Tabel angka kredit jabatan fungsional: satu baris per butir kegiatan."),
    ),
    (
        "Pegawai",
        gettext_lazy(
            "NIP 18 angka ditulis sebagai teks; Nama jabatan (+ Nomor) menautkan pegawai "
            "ke jabatan yang didudukinya (bezetting)."
        ),
    ),
    (
        "Umum",
        gettext_lazy(
            "Baris judul di atas tabel boleh ada. Angka boleh berformat 1.500 atau 0,36. "
            "Sel berumus ditolak: tempel sebagai nilai."
        ),
    ),
]


def _lembar(wb, judul: str, kolom: list[str], baris: list[list], lebar: dict | None = None):
    ws = wb.create_sheet(judul)
    tulis_baris(ws, 1, kolom, kepala=True)
    for i, isi in enumerate(baris, start=2):
        tulis_baris(
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

    struktur = Struktur(periode.instansi_id, unit_id=unit.pk if unit else None)
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
        Pegawai.objects.filter(penempatan__jabatan_id__in=nomor)
        .select_related("golongan", "penempatan")
        .order_by("nama")
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
                lengkap[p.penempatan.jabatan_id].nama,
                nomor[p.penempatan.jabatan_id],
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
        isi_sel(ws.cell(row=baris, column=2), str(b))
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 110
