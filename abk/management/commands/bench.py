"""bench [--only NAMA] [--size 0.1|0.25|1] [--ulang N] [--json BERKAS] [--profil BERKAS]:
performance figures against an anchor measured in the same run (see abk/bench).

bench --load [--clients 20] [--detik 30] [--jeda 1] [--workers 2×cores+1]: many users at once
against gunicorn on a loopback port (abk/bench/beban.py), instead of the sections."""

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from abk.bench import Opsi, Ukuran, semua_bagian


def _ukuran(nilai: str) -> float:
    try:
        x = float(nilai)
    except ValueError:
        raise CommandError(
            f"--size harus angka, misalnya 0.1, 0.25 atau 1 (bukan {nilai})."
        ) from None
    if not 0 < x <= 1:
        raise CommandError("--size adalah bagian dari ukuran penuh: lebih dari 0, paling 1.")
    return x


def _detik(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


class Command(BaseCommand):
    help = (
        "Mengukur kinerja (waktu, memori puncak, jumlah perintah SQL) terhadap jangkar yang "
        "diukur pada jalannya yang sama. Tidak termasuk dalam pengujian biasa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            default="1",
            help="bagian dari ukuran penuh, misalnya 0.1, 0.25 atau 1 (bawaan: 1)",
        )
        parser.add_argument("--json", help="tulis semua angka ke berkas JSON ini")
        parser.add_argument("--only", help="jalankan satu bagian saja (nama bagian)")
        parser.add_argument(
            "--ulang", type=int, default=3, help="berapa kali tiap ukuran diulang (bawaan: 3)"
        )
        parser.add_argument(
            "--profil",
            help="jalankan juga satu impor di bawah cProfile dan simpan hasilnya ke berkas ini",
        )

        beban = parser.add_argument_group("beban (--load)")
        beban.add_argument(
            "--load",
            action="store_true",
            help="ukur banyak pengguna sekaligus terhadap gunicorn (127.0.0.1) dan basis datanya",
        )
        beban.add_argument("--clients", type=int, default=20, help="jumlah klien (bawaan: 20)")
        beban.add_argument("--detik", type=float, default=30.0, help="lama serbuan (bawaan: 30)")
        beban.add_argument(
            "--jeda",
            type=float,
            default=1.0,
            help="rata-rata detik membaca halaman sebelum yang berikutnya (bawaan: 1; 0: tanpa)",
        )
        beban.add_argument(
            "--workers",
            type=int,
            default=None,
            help="pekerja gunicorn (bawaan: 2 × jumlah inti + 1)",
        )

    def handle(self, *args, **o):
        ukuran = _ukuran(o["size"])
        if o["ulang"] < 1:
            raise CommandError("--ulang paling sedikit 1.")
        if o["load"]:
            self.beban(o, ukuran)
            return
        bagian = semua_bagian()
        if o["only"]:
            if o["only"] not in bagian:
                raise CommandError(f"Bagian “{o['only']}” tidak ada; pilihan: {', '.join(bagian)}.")
            bagian = {o["only"]: bagian[o["only"]]}
        semua: list[Ukuran] = []
        with tempfile.TemporaryDirectory(prefix="bench-") as folder:
            opsi = Opsi(
                ukuran=ukuran,
                ulang=o["ulang"],
                folder=folder,
                tulis=lambda s: self.stderr.write(s),
                profil=o["profil"],
            )
            for fungsi in bagian.values():
                semua += fungsi(opsi)
        self.tampilkan(semua, ukuran, o["ulang"])
        self.tulis_json(o, semua, ukuran)

    def beban(self, o, ukuran: float) -> None:
        from abk.bench.beban import OpsiBeban, ukur_beban

        if not (1 <= o["clients"] <= 200) or not (1 <= o["detik"] <= 600) or o["jeda"] < 0:
            raise CommandError(
                "--clients 1–200, --detik 1–600 dan --jeda tidak negatif (permintaan dibatasi)."
            )
        if connection.vendor != "postgresql":
            self.stderr.write(
                "Peringatan: basis datanya bukan PostgreSQL; angka ini bukan angka produksi."
            )
        opsi = Opsi(ukuran=ukuran, ulang=1, folder="", tulis=lambda s: self.stderr.write(s))
        beban = OpsiBeban(klien=o["clients"], detik=o["detik"], jeda=o["jeda"])
        if o["workers"] is not None:
            beban = replace(beban, pekerja=o["workers"])
        semua = ukur_beban(opsi, beban)
        self.tampilkan(semua, ukuran, 1)
        for u in semua:
            b, s = u.detail["banyak"], u.detail["sendiri"]
            self.stdout.write(
                f"{o['clients']} klien: {b['requests']} permintaan ({b['per_second']}/s), "
                f"{b['errors']} galat, p50 {_detik(b['p50'])} s, p95 {_detik(b['p95'])} s, "
                f"maks {_detik(b['max'])} s; 1 klien: {s['requests']} permintaan, "
                f"p50 {_detik(s['p50'])} s, p95 {_detik(s['p95'])} s"
            )
        self.tulis_json(o, semua, ukuran)

    def tulis_json(self, o, semua: list[Ukuran], ukuran: float) -> None:
        if o["json"]:
            Path(o["json"]).write_text(
                json.dumps(
                    {
                        "database": connection.vendor,
                        "size": ukuran,
                        "ulang": o["ulang"],
                        "hasil": [u.sebagai_dict() for u in semua],
                    },
                    ensure_ascii=False,
                    indent=1,
                ),
                encoding="utf-8",
            )
            self.stderr.write(f"Angka ditulis ke {o['json']}")

    def tampilkan(self, semua: list[Ukuran], ukuran: float, ulang: int) -> None:
        self.stdout.write(
            f"Basis data: {connection.vendor}; ukuran {ukuran:g}; diulang {ulang}× "
            "(detik: minimum / median; rasio dari minimum; memori: ru_maxrss proses anak)"
        )
        kepala = [
            "bagian",
            "ukuran",
            "nilai (s)",
            "jangkar (s)",
            "rasio",
            "target",
            "status",
            "baris",
            "SQL",
            "memori puncak MB (jangkar)",
        ]
        baris = [kepala]
        for u in semua:
            baris.append(
                [
                    u.section,
                    u.figure,
                    f"{_detik(u.seconds)} / {_detik(u.seconds_median)}",
                    f"{_detik(u.anchor_seconds)} / {_detik(u.anchor_seconds_median)}",
                    "-" if u.ratio is None else f"{u.ratio:.2f}×",
                    u.target_teks,
                    u.status,
                    "-" if u.rows is None else str(u.rows),
                    "-" if u.queries is None else str(u.queries),
                    ("-" if u.peak_mb is None else f"{u.peak_mb:.0f}")
                    + ("" if u.anchor_peak_mb is None else f" ({u.anchor_peak_mb:.0f})"),
                ]
            )
        lebar = [max(len(r[i]) for r in baris) for i in range(len(kepala))]
        for n, r in enumerate(baris):
            self.stdout.write(" | ".join(s.ljust(w) for s, w in zip(r, lebar, strict=True)))
            if n == 0:
                self.stdout.write("-+-".join("-" * w for w in lebar))
        for u in semua:
            if u.detail.get("pages_per_second") is not None:
                self.stdout.write(
                    f"{u.section} / {u.figure}: {u.detail['pages_per_second']} halaman/s "
                    f"(jangkar {u.detail.get('anchor_pages_per_second')} halaman/s); memori "
                    f"di atas awal proses {_detik(u.peak_tambahan_mb)} MB "
                    f"(jangkar {_detik(u.detail.get('anchor_peak_tambahan_mb'))} MB)"
                )
        for u in semua:
            if u.error:
                self.stdout.write(f"\n{u.section} / {u.figure} GAGAL:\n{u.error}")
            sql = u.detail.get("sql") or {}
            if sql:
                self.stdout.write(f"\nSQL {u.section} / {u.figure} (terbanyak):")
                for jenis, n in list(sql.items())[:12]:
                    self.stdout.write(f"  {n:>7}  {jenis}")
            profil = u.detail.get("profil") or []
            if profil:
                self.stdout.write(
                    f"\nProfil {u.section} (kumulatif, 15 teratas; "
                    f"{_detik(u.detail.get('profil_seconds'))} s di bawah cProfile):"
                )
            for h in profil[:15]:
                self.stdout.write(
                    f"  {h['cumulative']:>8.3f} s  {h['calls']:>8}  {h['function']}  {h['where']}"
                )
