"""One line of help for every section and field of the Informasi Jabatan editor, with the
regulation it comes from (issue 14 item 9), as data: fixtures/bantuan_jabatan.json."""

from functools import cache

from organisasi.reference import baca_fixture


@cache
def bantuan() -> dict:
    return baca_fixture("bantuan_jabatan.json")


def lengkapi_bantuan(form) -> None:
    """Gives each field of `form` without help of its own the editor's one line."""
    if form is None:
        return
    isian = bantuan()["isian"]
    for nama, field in form.fields.items():
        if not field.help_text and nama in isian:
            field.help_text = isian[nama]


def bantuan_bagian(slug: str) -> str:
    return bantuan()["bagian"].get(slug, "")


def bantuan_formset(prefix: str) -> str:
    return bantuan()["formset"].get(prefix, "")
