"""The rows a position carries in a period, as the workbook writer stores them: its tasks
(volume per period converted to per year), its credit rows, and the totals the workbook
printed. Rows are compared as stored values, so importing the same workbook twice is a no-op."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from abk.impor.validasi import Posisi
from abk.models import DeklarasiJabatan
from anjab import calculations as calc
from anjab.models import Jabatan

KOLOM_TUGAS = ["uraian", "hasil_kerja", "volume", "waktu", "kebutuhan_tercetak"]
KOLOM_TUGAS_SIMPAN = [*KOLOM_TUGAS, "satuan_volume", "volume_asal"]
KOLOM_BUTIR = [
    "unsur",
    "sub_unsur",
    "kegiatan",
    "kode",
    "butir_kegiatan",
    "angka_kredit",
    "konstanta",
    "volume",
    "satuan",
    "wpk_tercetak",
    "wpv_tercetak",
]


class PenulisBaris:
    """Mixed into the workbook writer (abk.impor.tulis._Penulis)."""

    def _tugas_posisi(self, p: Posisi) -> list[dict]:
        if id(p) not in self._tugas_cache:
            self._tugas_cache[id(p)] = [self._tugas(t) for t in p.tugas]
        return self._tugas_cache[id(p)]

    def _tugas(self, t: dict) -> dict:
        satuan = t.get("satuan_volume") or "tahun"
        volume = t.get("volume")
        if satuan != "tahun" and volume is not None:
            return {
                **{k: t.get(k) for k in KOLOM_TUGAS},
                # Stored with the field's two decimals, as the editor stores it.
                "volume": calc.volume_per_tahun(volume, self.faktor[satuan]).quantize(
                    Decimal("0.01"), ROUND_HALF_UP
                ),
                "satuan_volume": satuan,
                "volume_asal": volume,
            }
        return {**{k: t.get(k) for k in KOLOM_TUGAS}, "satuan_volume": "tahun", "volume_asal": None}

    def _baris_lama(self, model, kolom, ids) -> dict[int, list[dict]]:
        lama = defaultdict(list)
        for r in (
            model.objects.filter(jabatan_id__in=ids, periode=self.periode)
            .order_by("jabatan_id", "urutan", "pk")
            .values("jabatan_id", *kolom)
        ):
            lama[r.pop("jabatan_id")].append(r)
        return lama

    def _deklarasi(self, j: Jabatan, p: Posisi, lama, baru: list) -> bool:
        """Stores the totals the workbook printed; only the figures it carries are touched."""
        d = p.deklarasi
        if not d:
            return False
        nilai = {}
        if "kebutuhan" in d:
            nilai["kebutuhan"] = d["kebutuhan"]
            nilai["presisi_kebutuhan"] = presisi_angka(d["kebutuhan"])
        for kunci in ("beban_kerja_jam", "jumlah_pegawai"):
            if kunci in d:
                nilai[kunci] = d[kunci]
        if p.satuan_waktu_tercetak:
            nilai["satuan_waktu"] = p.satuan_waktu_tercetak
        if lama is not None and all(_setara(getattr(lama, k), v) for k, v in nilai.items()):
            return False
        nilai["sumber"] = self.sumber[:300]
        if lama is None:
            baru.append(DeklarasiJabatan(periode=self.periode, jabatan=j, **nilai))
        else:
            for k, v in nilai.items():
                setattr(lama, k, v)
            lama.save()
        self.r.deklarasi += 1
        return True


_SIAP = (str, int, Decimal, bool, type(None))  # passed to the driver as they are


def sisipkan(model, rows: list[dict], batch: int = 2000) -> None:
    """Inserts many child rows (tasks, credit rows) without building a model instance each:
    these models have no history, signals or save logic, and 10,000 instances cost more than
    the database does. PostgreSQL takes them through COPY (one stream, ~10× an INSERT per
    row); elsewhere one executemany per batch. Values of plain types go to the driver as they
    are, anything else through the field's own preparation."""
    if not rows:
        return
    fields = [model._meta.get_field(k) for k in rows[0]]
    nama = [f.name if f.name in rows[0] else f.attname for f in fields]
    kolom = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    tabel = connection.ops.quote_name(model._meta.db_table)

    def siap(r):
        return tuple(
            v if type(v) in _SIAP else f.get_db_prep_save(v, connection)
            for f, v in zip(fields, (r[k] for k in nama), strict=True)
        )

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            with c.cursor.copy(f"COPY {tabel} ({kolom}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(siap(r))
            return
        sql = f"INSERT INTO {tabel} ({kolom}) VALUES ({', '.join(['%s'] * len(fields))})"
        semua = [siap(r) for r in rows]
        for i in range(0, len(semua), batch):
            c.executemany(sql, semua[i : i + batch])


def sama(lama: list[dict], baru: list[dict]) -> bool:
    return len(lama) == len(baru) and all(
        all(_setara(a.get(k), b.get(k)) for k in b) for a, b in zip(lama, baru, strict=True)
    )


def _setara(a, b) -> bool:
    """Equal as stored values: "" and None alike, 12 and 12.00 alike, but 0 is not empty."""
    if a in ("", None) and b in ("", None):
        return True
    angka = (Decimal, int, float)
    if isinstance(a, angka) and isinstance(b, angka):
        return Decimal(str(a)) == Decimal(str(b))
    return a == b


def presisi_angka(v) -> int:
    if v is None:
        return 3
    return max(0, -Decimal(v).as_tuple().exponent)
