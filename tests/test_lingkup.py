"""One scoping layer: every queryset built for a user goes through
organisasi.selectors.scoped_for_user, or a `<thing>_for_user` selector built on it.

This test reads, without importing them, the modules that answer requests — every views*.py
and forms*.py, every module of a views/ or forms/ package, every template tag module and any
other module with a function taking `request`, found by walking the apps so a new or moved file
is read too — and fails on any direct model query
there: `X.objects…`, or a model class handed to get_object_or_404. A query that is safe without
a selector is listed in DIIZINKAN with the reason; an entry that no longer matches a query
fails too, so the list stays honest. `X.objects.none()` reads nothing and is not listed.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("organisasi", "anjab", "abk", "kinerja")
MODUL = re.compile(r"^(views|forms)(_\w+)?\.py$")
PAKET = {"views", "forms", "templatetags"}
GET_404 = {"get_object_or_404", "get_list_or_404"}

NASIONAL = "national reference table, the same for every instansi"
DI_RENSTRA = "children of a Renstra already fetched by get_renstra_for_user"

# (module, model) → why that direct query is not a leak across tenants.
DIIZINKAN = {
    ("organisasi/forms.py", "PangkatGolongan"): NASIONAL,
    ("organisasi/forms.py", "Pegawai"): (
        "NIP uniqueness check over the whole instansi (an Operator must not reuse a NIP held "
        "outside its subtree); it answers only whether one exists"
    ),
    ("organisasi/views_pertukaran.py", "UnitOrganisasi"): (
        "tree order over units_for_user, narrowed in the same expression"
    ),
    ("anjab/views.py", "FaktorEvaluasi"): f"{NASIONAL} (the active evaluation table)",
    ("kinerja/forms.py", "Tujuan"): DI_RENSTRA,
    ("kinerja/forms.py", "Sasaran"): DI_RENSTRA,
    ("kinerja/forms.py", "Program"): DI_RENSTRA,
    ("kinerja/forms.py", "Kegiatan"): DI_RENSTRA,
    ("kinerja/forms.py", "Anggaran"): DI_RENSTRA,
    ("kinerja/forms.py", "Indikator"): DI_RENSTRA,
    ("kinerja/views.py", "PerjanjianKinerja"): DI_RENSTRA,
    ("kinerja/views.py", "Indikator"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "Tujuan"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "Sasaran"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "Indikator"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "Program"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "Kegiatan"): DI_RENSTRA,
    ("kinerja/views_renstra.py", "PerjanjianKinerja"): DI_RENSTRA,
    ("kinerja/sistem_kerja/forms.py", "PangkatGolongan"): NASIONAL,
    ("kinerja/sistem_kerja/views.py", "IndikatorPK"): (
        "narrowed to the Renstra of renstra_for_user in the same expression"
    ),
    ("kinerja/sistem_kerja/views.py", "Pegawai"): (
        "narrowed to pegawai_for_user, plus the member already on the assignment being edited"
    ),
}


def modul_permintaan() -> list[Path]:
    """The modules that answer requests, whatever files exist now."""
    hasil = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            folder = set(path.relative_to(ROOT).parts[:-1])
            if "migrations" in folder:
                continue
            if MODUL.match(path.name) or folder & PAKET or _menjawab_permintaan(path):
                hasil.append(path)
    return hasil


def _menjawab_permintaan(path: Path) -> bool:
    """A module outside the naming convention that still takes requests (anjab/katalog.py,
    a context processor): some function's first parameter is `request`."""
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.args.args
        and node.args.args[0].arg == "request"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def _nama(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ast.unparse(node)


def query_langsung(sumber: str) -> list[tuple[int, str]]:
    """(line, model) of every direct model query in a module's source, in line order."""
    return sorted(_query_langsung(ast.parse(sumber)))


def _query_langsung(tree: ast.Module) -> Iterator[tuple[int, str]]:
    induk = {anak: node for node in ast.walk(tree) for anak in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            atas = induk.get(node)
            if (
                isinstance(atas, ast.Attribute)
                and atas.attr == "none"
                and isinstance(induk.get(atas), ast.Call)
            ):
                continue
            yield node.lineno, _nama(node.value)
        elif isinstance(node, ast.Call) and _nama(node.func) in GET_404 and node.args:
            kelas = node.args[0]
            # A model class, not a queryset: Jabatan or m.Jabatan, by the class-name convention.
            if isinstance(kelas, ast.Name | ast.Attribute) and _nama(kelas)[:1].isupper():
                yield node.lineno, _nama(kelas)


def semua_query() -> list[tuple[str, int, str]]:
    return [
        (path.relative_to(ROOT).as_posix(), baris, model)
        for path in modul_permintaan()
        for baris, model in query_langsung(path.read_text(encoding="utf-8"))
    ]


def test_every_direct_query_in_views_forms_and_tags_is_scoped_or_explained():
    tanpa_alasan = [
        f"{modul}:{baris}: {model} queried directly; use a *_for_user selector "
        "(organisasi.selectors.scoped_for_user) or add it to DIIZINKAN with the reason"
        for modul, baris, model in semua_query()
        if (modul, model) not in DIIZINKAN
    ]
    assert not tanpa_alasan, "\n".join(tanpa_alasan)


def test_every_allow_list_entry_still_matches_a_query():
    dipakai = {(modul, model) for modul, _, model in semua_query()}
    usang = [f"{modul}: {model}" for modul, model in DIIZINKAN if (modul, model) not in dipakai]
    assert not usang, "DIIZINKAN entries that match no query any more:\n" + "\n".join(usang)
    assert all(alasan.strip() for alasan in DIIZINKAN.values())


def test_it_reads_the_views_forms_and_template_tags_of_every_app():
    dibaca = {path.relative_to(ROOT).as_posix() for path in modul_permintaan()}
    assert {
        "organisasi/views.py",
        "organisasi/forms.py",
        "organisasi/templatetags/indo.py",
        "organisasi/context_processors.py",
        "anjab/views.py",
        "anjab/katalog.py",
        "abk/views_impor.py",
    } <= dibaca
    assert not any("/migrations/" in p or p.endswith("selectors.py") for p in dibaca)


def test_it_finds_queries_and_model_classes_but_not_empty_placeholders():
    sumber = (
        "Jabatan.objects.all()\n"
        "get_object_or_404(m.TimKerja, pk=1)\n"
        "field = forms.ModelChoiceField(queryset=UnitOrganisasi.objects.none())\n"
        "get_object_or_404(jabatan_for_user(user), pk=1)\n"
        "model.objects.filter(instansi=None)\n"
    )
    assert query_langsung(sumber) == [(1, "Jabatan"), (2, "TimKerja"), (5, "model")]
