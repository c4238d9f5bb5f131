"""A position as the SIASN INFOJAB upload workbook, in the template's exact layout, and a unit's
positions as a zip of such workbooks. Every catalogue entry is written as its SIASN label; what
has none (Cottle minat codes, free texts outside the lists) is left out and named in the report.

Time rule: every task row is written in minutes with SIASN's Waktu Kerja Efektif in minutes, as
stored, so no value is rounded. Credit rows of a functional position become task rows in hours
(SIASN's Waktu Kerja Efektif in hours) with Waktu Penyelesaian = angka kredit ÷ konstanta, which
gives the same need as the credit table.

Where the template has fewer places than we do: Keterampilan Kerja is one cell (our list goes one
item per line in it); Hasil Kerja and its Satuan sit on the task rows (section 7 row i beside
task i, Satuan = the task's satuan); korelasi's position and unit share "Unit Kerja / Instansi"
as "jabatan – unit"; "pilih 3" and the one-value Hubungan columns keep the first entries (the
lowest fungsi code, the most complex function). The import reads all of these back."""

import re
import zipfile
from decimal import Decimal
from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from abk.impor.siasn_tulis import PEMISAH_KORELASI
from abk.siasn_referensi import (
    WAKTU_EFEKTIF_SIASN_JAM,
    WAKTU_EFEKTIF_SIASN_MENIT,
    daftar_referensi,
    label_bebas,
    label_fungsi_kosong,
    label_katalog,
    label_referensi,
    lembar_referensi,
    tata_letak,
    tingkat_pendidikan,
)
from anjab.documents import kelas_efektif
from anjab.models import FungsiPekerjaan
from organisasi.spreadsheets import isi_sel

NS_SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TEBAL = Font(bold=True)
RATA_ATAS = Alignment(vertical="top", wrap_text=True)
EMPAT_DESIMAL = Decimal("0.0001")
JUDUL_KATALOG = {
    "bakat": "Bakat kerja",
    "minat": "Minat kerja",
    "temperamen": "Tempramen kerja",
    "upaya_fisik": "Upaya fisik",
}
KELOMPOK_FUNGSI = {
    FungsiPekerjaan.Kelompok.DATA: "hubungan_data",
    FungsiPekerjaan.Kelompok.BENDA: "hubungan_benda",
    FungsiPekerjaan.Kelompok.ORANG: "hubungan_orang",
}


def _angka(v):
    if v is None:
        return None
    v = Decimal(v)
    return int(v) if v == v.to_integral_value() else float(v)


def _baris(teks: str) -> list[str]:
    return [b.strip() for b in (teks or "").splitlines() if b.strip()]


class _Ekspor:
    """Collects one position's cells sheet by sheet and the report of what SIASN cannot take."""

    def __init__(self, jabatan, periode):
        self.j, self.periode = jabatan, periode
        self.laporan: list[str] = []

    def lapor(self, teks: str) -> None:
        self.laporan.append(teks)

    def infojab_i(self) -> dict:
        j = self.j
        isi: dict = {"kode": j.kode, "ikhtisar": j.ikhtisar}
        if not j.kode:
            self.lapor(
                gettext("Kode jabatan kosong; SIASN mengenali jabatan hanya dari Kode Jabatan.")
            )
        self.pendidikan(isi)
        isi["rumpun_diklat"] = []
        for d in j.diklat.all():
            label = label_referensi("rumpun_diklat", d.teks)
            if label:
                isi["rumpun_diklat"].append(label)
            else:
                self.lapor(
                    gettext(
                        "Diklat '%(teks)s': tidak ada dalam Rumpun Diklat SIASN; tidak diekspor."
                    )
                    % {"teks": d.teks}
                )
        isi["pengalaman"] = _baris(j.syarat_pengalaman)
        isi["keterampilan"] = "\n".join(k.teks for k in j.keterampilan.all()) or None
        for kunci, judul in JUDUL_KATALOG.items():
            isi[kunci] = self.katalog(kunci, judul, getattr(j, kunci).all())
        isi["jenis_kelamin"] = self.bebas("jenis_kelamin", "Jenis kelamin", j.jenis_kelamin)
        for kunci in ("postur_badan", "penampilan", "tinggi_badan", "berat_badan"):
            isi[kunci] = getattr(j, kunci)
        angka_umur = [int(x) for x in re.findall(r"\d+", j.umur or "")]
        isi["umur"] = max(angka_umur) if angka_umur else None
        if j.umur and not angka_umur:
            self.lapor(
                gettext("Umur '%(umur)s': Umur Maksimal SIASN hanya angka; tidak diekspor.")
                % {"umur": j.umur}
            )
        self.fungsi(isi)
        isi["prestasi_kerja"] = self.bebas("prestasi_kerja", "Prestasi kerja", j.prestasi_kerja)
        isi["tanggung_jawab"] = [t.teks for t in j.tanggung_jawab.all()]
        isi["wewenang"] = [t.teks for t in j.wewenang.all()]
        kelas = kelas_efektif(j)
        isi["kelas"] = kelas
        if kelas is None:
            self.lapor(gettext("Kelas jabatan belum ada (tidak diisi dan belum dievaluasi)."))
        return isi

    def pendidikan(self, isi: dict) -> None:
        teks = self.j.syarat_pendidikan
        isi["tingkat_pendidikan"] = tingkat_pendidikan(teks)
        isi["rumpun_pendidikan"] = []
        for baris in _baris(teks):
            if label_referensi("tingkat pendidikan minimum", baris):
                continue
            label = label_referensi("rumpun_pendidikan", baris)
            if label:
                isi["rumpun_pendidikan"].append(label)
            elif isi["tingkat_pendidikan"]:
                self.lapor(
                    gettext(
                        "Syarat pendidikan '%(baris)s': tidak ada dalam Rumpun Pendidikan SIASN; "
                        "hanya tingkat '%(tingkat)s' yang diekspor."
                    )
                    % {"baris": baris, "tingkat": isi["tingkat_pendidikan"]}
                )
            else:
                self.lapor(
                    gettext(
                        "Syarat pendidikan '%(baris)s': tidak ada padanan SIASN; tidak diekspor."
                    )
                    % {"baris": baris}
                )

    def katalog(self, kunci: str, judul: str, objs) -> list[str]:
        hasil = []
        maks = tata_letak()["INFOJAB I"].kolom_(kunci).maks
        for obj in objs:
            label = label_katalog(kunci, obj)
            if label is None:
                self.lapor(
                    gettext(
                        "%(judul)s %(kode)s (%(nama)s): tidak ada padanan SIASN; tidak diekspor."
                    )
                    % {"judul": judul, "kode": obj.kode, "nama": obj.nama}
                )
            elif maks and len(hasil) >= maks:
                self.lapor(
                    gettext(
                        "%(judul)s %(kode)s (%(nama)s): SIASN menerima paling banyak %(maks)s "
                        "pilihan; tidak diekspor."
                    )
                    % {"judul": judul, "kode": obj.kode, "nama": obj.nama, "maks": maks}
                )
            else:
                hasil.append(label)
        return hasil

    def bebas(self, kunci: str, judul: str, teks: str) -> str | None:
        if not teks:
            return None
        label = label_bebas(kunci, teks)
        if label is None:
            self.lapor(
                gettext("%(judul)s '%(teks)s': tidak ada padanan SIASN; tidak diekspor.")
                % {"judul": judul, "teks": teks}
            )
        return label

    def fungsi(self, isi: dict) -> None:
        """SIASN takes one value per relation; ours may hold several, and the lowest code is
        the most complex function (D0 before D3), which the others are part of."""
        semua = sorted(self.j.fungsi_pekerjaan.all(), key=lambda f: f.kode)
        for kelompok, kunci in KELOMPOK_FUNGSI.items():
            pilih = None
            for f in (f for f in semua if f.kelompok == kelompok):
                label = label_katalog("fungsi_pekerjaan", f)
                if label is None:
                    self.lapor(
                        gettext(
                            "Fungsi pekerjaan %(kode)s (%(nama)s): tidak ada padanan SIASN; "
                            "tidak diekspor."
                        )
                        % {"kode": f.kode, "nama": f.nama}
                    )
                elif pilih is None:
                    pilih = (f, label)
                else:
                    self.lapor(
                        gettext(
                            "Fungsi pekerjaan %(kode)s (%(nama)s): SIASN menerima satu "
                            "%(kelompok)s; diekspor %(kode_pilih)s (%(nama_pilih)s)."
                        )
                        % {
                            "kode": f.kode,
                            "nama": f.nama,
                            "kelompok": f.get_kelompok_display(),
                            "kode_pilih": pilih[0].kode,
                            "nama_pilih": pilih[0].nama,
                        }
                    )
            isi[kunci] = pilih[1] if pilih else label_fungsi_kosong(kelompok)

    def infojab_ii(self) -> dict:
        j, periode = self.j, self.periode
        tugas = list(j.tugas.filter(periode=periode).order_by("urutan", "pk"))
        hasil = list(j.hasil_kerja.all())
        baris = []
        for i, t in enumerate(tugas, start=1):
            if t.volume is None or t.waktu is None:
                self.lapor(
                    gettext("Tugas %(nomor)s '%(uraian)s': beban kerja atau waktu kosong.")
                    % {"nomor": i, "uraian": t.uraian[:60]}
                )
            h = hasil[i - 1].hasil if i <= len(hasil) else None
            baris.append([t.uraian, h, t.hasil_kerja or None, _angka(t.volume),
                          _angka(WAKTU_EFEKTIF_SIASN_MENIT), _angka(t.waktu)])  # fmt: skip
        if any(h.satuan and h.satuan != t.hasil_kerja for h, t in zip(hasil, tugas, strict=False)):
            self.lapor(
                gettext(
                    "Hasil kerja: satuan hasil butir 7 tidak diekspor; SIASN memakai Satuan Hasil "
                    "Kerja tugas di barisnya."
                )
            )
        butir = list(j.butir.filter(periode=periode).order_by("urutan", "pk"))
        for b in butir:
            jam = (b.angka_kredit / b.konstanta).quantize(EMPAT_DESIMAL).normalize()
            baris.append([b.butir_kegiatan, None, b.satuan or None, _angka(b.volume),
                          _angka(WAKTU_EFEKTIF_SIASN_JAM), _angka(jam)])  # fmt: skip
        if butir:
            self.lapor(
                gettext(
                    "%(n)s butir kegiatan diekspor sebagai tugas: Waktu Penyelesaian = angka "
                    "kredit ÷ konstanta (jam), Waktu Kerja Efektif %(jam)s."
                )
                % {"n": len(butir), "jam": WAKTU_EFEKTIF_SIASN_JAM}
            )
        for h in hasil[len(baris) :]:
            baris.append([None, h.hasil, h.satuan or None, None, None, None])
        if periode.waktu_efektif_menit != WAKTU_EFEKTIF_SIASN_MENIT:
            self.lapor(
                gettext(
                    "Periode %(periode)s memakai waktu kerja efektif %(menit)s menit; SIASN "
                    "memakai %(menit_siasn)s menit (%(jam_siasn)s jam), sehingga kebutuhan "
                    "pegawai di SIASN dapat berbeda."
                )
                % {
                    "periode": periode.nama,
                    "menit": _angka(periode.waktu_efektif_menit),
                    "menit_siasn": WAKTU_EFEKTIF_SIASN_MENIT,
                    "jam_siasn": WAKTU_EFEKTIF_SIASN_JAM,
                }
            )
        bahan, perangkat = list(j.bahan_kerja.all()), list(j.perangkat_kerja.all())
        if any(x.penggunaan for x in bahan + perangkat):
            self.lapor(
                gettext(
                    "Bahan dan perangkat kerja: 'penggunaan dalam tugas' tidak ada kolomnya di "
                    "templat SIASN; tidak diekspor."
                )
            )
        return {"baris": baris, "bahan_kerja": [b.item for b in bahan],
                "perangkat_kerja": [p.item for p in perangkat]}  # fmt: skip

    def korelasi(self) -> list[list]:
        hasil = []
        for k in self.j.korelasi.all():
            if k.nama_jabatan and k.unit_kerja:
                sel = f"{k.nama_jabatan}{PEMISAH_KORELASI}{k.unit_kerja}"
            elif k.nama_jabatan:
                sel = f"{k.nama_jabatan}{PEMISAH_KORELASI.rstrip()}"
            else:
                sel = k.unit_kerja
            hasil.append([sel, k.dalam_hal])
        return hasil

    def kondisi(self) -> list[list]:
        hasil = []
        for k in self.j.kondisi_lingkungan.select_related("aspek").order_by("aspek__urutan"):
            label = label_katalog("aspek_lingkungan", k.aspek)
            if label is None:
                self.lapor(
                    gettext("Aspek lingkungan %(nama)s: tidak ada padanan SIASN.")
                    % {"nama": k.aspek.nama}
                )
            else:
                hasil.append([label, k.faktor])
        return hasil


def _kepala(ws, tata) -> int:
    """Rows 1–3 of an INFOJAB sheet; returns the first data row."""
    for awal, akhir, judul in tata.kelompok:
        cell = ws[f"{awal}1"]
        isi_sel(cell, judul or None)
        cell.font, cell.alignment = TEBAL, Alignment(horizontal="center", vertical="center")
        if awal != akhir:
            ws.merge_cells(f"{awal}1:{akhir}1")
    for k in tata.kolom:
        cell = ws.cell(row=2, column=k.indeks + 1)
        isi_sel(cell, k.judul)
        cell.font, cell.alignment = TEBAL, RATA_ATAS
        ws.column_dimensions[k.huruf].width = 40 if k.kunci in ("ikhtisar", "uraian") else 22
        if tata.petunjuk and k.petunjuk:
            isi_sel(ws.cell(row=3, column=k.indeks + 1), k.petunjuk)
    return 4 if tata.petunjuk else 3


def _tulis(ws, baris: int, kolom: int, isi) -> None:
    cell = ws.cell(row=baris, column=kolom)
    isi_sel(cell, isi)
    cell.alignment = RATA_ATAS


def _lembar_infojab(wb, ekspor: _Ekspor) -> None:
    tata = tata_letak()
    ws = wb.create_sheet("INFOJAB I")
    awal = _kepala(ws, tata["INFOJAB I"])
    isi = ekspor.infojab_i()
    for k in tata["INFOJAB I"].kolom:
        nilai = isi.get(k.kunci)
        for i, v in enumerate((nilai or []) if k.banyak else [nilai]):
            _tulis(ws, awal + i, k.indeks + 1, v if v != "" else None)
    ws = wb.create_sheet("INFOJAB II")
    awal = _kepala(ws, tata["INFOJAB II"])
    ii = ekspor.infojab_ii()
    for r, baris in enumerate(ii["baris"], start=awal):
        for c, v in enumerate(baris, start=1):
            _tulis(ws, r, c, v)
    for kunci in ("bahan_kerja", "perangkat_kerja"):
        kolom = tata["INFOJAB II"].kolom_(kunci).indeks + 1
        for r, v in enumerate(ii[kunci], start=awal):
            _tulis(ws, r, kolom, v)
    for nama, rows in (
        ("INFOJAB III", ekspor.korelasi()),
        ("INFOJAB IV", ekspor.kondisi()),
        ("INFOJAB V", [[r.fisik_mental, r.penyebab] for r in ekspor.j.risiko_bahaya.all()]),
    ):
        ws = wb.create_sheet(nama)
        awal = _kepala(ws, tata[nama])
        for r, baris in enumerate(rows, start=awal):
            for c, v in enumerate(baris, start=1):
                _tulis(ws, r, c, v or None)


@cache
def _xml_referensi(tabel: tuple[str, ...]) -> bytes:
    """A TABEL REFERENSI sheet, one list per column under its name, rendered once per process:
    the 24,441 majors would otherwise cost openpyxl seconds in every workbook. Inline strings,
    so the sheet needs nothing from the workbook's shared strings."""
    kolom = [[t.replace("_", " ").upper(), *daftar_referensi(t)] for t in tabel]
    baris = []
    for r in range(max(len(k) for k in kolom)):
        sel = "".join(
            f'<c r="{get_column_letter(c)}{r + 1}" t="inlineStr"><is><t>{escape(k[r])}</t></is></c>'
            for c, k in enumerate(kolom, start=1)
            if r < len(k)
        )
        baris.append(f'<row r="{r + 1}">{sel}</row>')
    lebar = f'<col min="1" max="{len(kolom)}" width="40" customWidth="1"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS_SHEET}"><cols>{lebar}</cols>'
        f"<sheetData>{''.join(baris)}</sheetData></worksheet>"
    ).encode()


def _sisipkan_referensi(isi: bytes, bagian: dict[str, bytes]) -> bytes:
    """Replaces the empty placeholder sheets (by part name) with the rendered lists."""
    buf = BytesIO()
    with zipfile.ZipFile(BytesIO(isi)) as asal, zipfile.ZipFile(buf, "w", ZIP_DEFLATED) as z:
        for info in asal.infolist():
            z.writestr(info, bagian.get(info.filename) or asal.read(info.filename), ZIP_DEFLATED)
    return buf.getvalue()


def siasn_xlsx(jabatan, periode) -> tuple[bytes, list[str]]:
    """The INFOJAB workbook of one position and period, and the report of every value SIASN
    has no label for (left out of the workbook)."""
    ekspor = _Ekspor(jabatan, periode)
    wb = Workbook()
    wb.remove(wb.active)
    _lembar_infojab(wb, ekspor)
    referensi = [(wb.create_sheet(nama), tuple(tabel)) for nama, tabel in lembar_referensi()]
    buf = BytesIO()
    wb.save(buf)
    bagian = {ws.path.lstrip("/"): _xml_referensi(tabel) for ws, tabel in referensi}
    return _sisipkan_referensi(buf.getvalue(), bagian), ekspor.laporan


def nama_berkas(nomor: str, nama: str) -> str:
    """A safe ASCII file name from the position's number and name ("2.1.1 Penelaah …")."""
    teks = f"{nomor} {nama}".strip()
    teks = re.sub(r"[^A-Za-z0-9.\-]+", "_", teks.encode("ascii", "ignore").decode()).strip("._")
    return (teks[:120] or "jabatan") + ".xlsx"


def siasn_zip(unit, periode) -> tuple[bytes, list[str]]:
    """One INFOJAB workbook per position of the unit and its sub-units, numbered as the decree
    lists them, with LAPORAN.txt naming what each export left out."""
    from anjab.models import Jabatan
    from anjab.selectors import Struktur, daftar_informasi_jabatan, subtree_ids

    # Numbered from the top unit, so the files carry the decree's numbers (2.1.1 …).
    akar = Struktur(unit.instansi_id, unit_id=unit.pk).unit_teratas(unit.pk)
    struktur = Struktur(unit.instansi_id, unit_id=akar.pk)
    dalam = subtree_ids(struktur, unit.pk)
    daftar = [d for d in daftar_informasi_jabatan(struktur, akar.pk) if d[2].unit_id in dalam]
    lengkap = Jabatan.objects.in_bulk([j.pk for _, _, j in daftar])
    laporan: list[str] = []
    dipakai: set[str] = set()
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", ZIP_DEFLATED) as z:
        for nomor, _, j in daftar:
            jabatan = lengkap[j.pk]
            isi, catatan = siasn_xlsx(jabatan, periode)
            nama = nama_berkas(nomor, jabatan.nama)
            if nama in dipakai:
                nama = nama.removesuffix(".xlsx") + f"_{jabatan.pk}.xlsx"
            dipakai.add(nama)
            z.writestr(nama, isi)
            laporan += [f"{nama}: {c}" for c in catatan]
        teks = "\n".join(laporan) if laporan else gettext("Semua nilai mempunyai padanan SIASN.")
        z.writestr("LAPORAN.txt", teks + "\n")
    return buf.getvalue(), laporan
