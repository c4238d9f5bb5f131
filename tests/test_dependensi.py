"""Dependencies run one way: organisasi ← anjab ← abk, and organisasi ← kinerja.

Read from the source (every import, also those inside functions) and from the models (every
relation). `config/` is the project: its neutral modules (config/dokumen.py) may be imported by
every app and import at most organisasi.
"""

import ast
from pathlib import Path

from django.apps import apps

AKAR = Path(__file__).resolve().parent.parent
APPS = ("organisasi", "anjab", "abk", "kinerja")
BOLEH = {
    "organisasi": {"organisasi", "config"},
    "anjab": {"anjab", "organisasi", "config"},
    "abk": {"abk", "anjab", "organisasi", "config"},
    "kinerja": {"kinerja", "organisasi", "config"},
}
NETRAL = ("config/dokumen.py", "config/pdf_fetcher.py")

# Still against the direction, each with what removes it. An entry that no longer occurs fails
# the test, so the list only shrinks. (Empty: where organisasi's screens show positions, anjab
# plugs in through organisasi.perluasan.)
DIKETAHUI: dict[tuple[str, str], str] = {}
RELASI_DIKETAHUI: set[tuple[str, str]] = set()


def _modul_diimpor(path: Path) -> set[str]:
    pohon = ast.parse(path.read_text(), str(path))
    nama = set()
    for node in ast.walk(pohon):
        if isinstance(node, ast.Import):
            nama |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            nama.add(node.module.split(".")[0])
    return nama


def _berkas(app: str):
    for path in sorted((AKAR / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def pelanggaran_impor() -> set[tuple[str, str]]:
    hasil = set()
    semua = set(APPS) | {"config"}
    for app in APPS:
        for path in _berkas(app):
            for modul in _modul_diimpor(path) & semua:
                if modul not in BOLEH[app]:
                    hasil.add((str(path.relative_to(AKAR)), modul))
    for rel in NETRAL:
        for modul in _modul_diimpor(AKAR / rel) & set(APPS):
            if modul != "organisasi":
                hasil.add((rel, modul))
    return hasil


def pelanggaran_relasi() -> set[tuple[str, str]]:
    hasil = set()
    for model in apps.get_models(include_auto_created=True):
        asal = model._meta.app_label
        if asal not in BOLEH:
            continue
        for f in model._meta.get_fields(include_hidden=True):
            if not f.is_relation or f.auto_created or f.related_model is None:
                continue
            tujuan = f.related_model._meta.app_label
            if tujuan in BOLEH and tujuan not in BOLEH[asal]:
                hasil.add((f"{asal}.{model.__name__}.{f.name}", tujuan))
    return hasil


def test_no_module_imports_against_the_direction():
    ditemukan = pelanggaran_impor()
    baru = sorted(ditemukan - DIKETAHUI.keys())
    assert not baru, "Impor melawan arah dependensi:\n" + "\n".join(f"{p} → {m}" for p, m in baru)


def test_the_list_of_known_exceptions_only_shrinks():
    ditemukan = pelanggaran_impor()
    usang = [k for k in DIKETAHUI if k not in ditemukan and (AKAR / k[0]).exists()]
    assert not usang, f"Sudah tidak melanggar, hapus dari DIKETAHUI: {usang}"


def test_no_model_points_against_the_direction():
    ditemukan = pelanggaran_relasi()
    assert ditemukan <= RELASI_DIKETAHUI, sorted(ditemukan - RELASI_DIKETAHUI)
    assert ditemukan == RELASI_DIKETAHUI, sorted(RELASI_DIKETAHUI - ditemukan)


def test_it_sees_an_import_inside_a_function(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text("def f():\n    from abk.models import Keputusan\n")
    assert _modul_diimpor(contoh) == {"abk"}
