"""An agency changes the wording of screens and printed documents with its own .po catalogue.

Every label in the templates goes through gettext with the current Indonesian text as msgid, so
without a catalogue the pages read as they always did, and with one they read as the agency wants.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from tests.factories import JabatanFactory

BASE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [BASE_DIR / "templates", *sorted(BASE_DIR.glob("*/templates"))]

# Text that is not wording: enumerators of printed lists ("a.", "b.") and HTML entities.
BUKAN_ISTILAH = re.compile(r"\b[a-g]\.(?=\s|$)|&#?\w+;")
# Attributes whose values a user reads or hears.
ATRIBUT_TERBACA = re.compile(
    r'\b(?:title|aria-label|placeholder|alt|data-konfirmasi)="([^"]*)"', re.IGNORECASE
)
# A literal default shown in place of an empty value must be a _("…") too.
DEFAULT_HARFIAH = re.compile(r'\|default(?:_if_none)?:"([^"]*[A-Za-z][^"]*)"')
TRANSLATE = re.compile(r'{%\s*translate\s+"((?:[^"\\]|\\.)*)"(?:\s+context\s+"([^"]*)")?')


def _templates() -> list[Path]:
    return [p for d in TEMPLATE_DIRS for p in sorted(d.rglob("*.html"))]


def literal_text(source: str) -> list[str]:
    """Visible text of a template that does not go through gettext."""
    text = re.sub(r"{% comment %}.*?{% endcomment %}|{#.*?#}", "", source, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S | re.I)
    text = re.sub(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", "", text, flags=re.S)
    found = [f'default:"{m}"' for m in DEFAULT_HARFIAH.findall(text)]
    text = re.sub(r"{{.*?}}|{%.*?%}", "", text, flags=re.S)
    found += [v for v in ATRIBUT_TERBACA.findall(text) if re.search(r"[A-Za-z]", v)]
    for node in re.sub(r"<[^>]*>", "\n", text).splitlines():
        if re.search(r"[A-Za-z]", BUKAN_ISTILAH.sub("", node)):
            found.append(node.strip())
    return found


@pytest.fixture
def katalog_instansi(tmp_path, settings):
    """Compile an agency's .po the way compilemessages does and make Django read it."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (GNU gettext) is not installed; compilemessages needs it as well")

    def pasang(istilah: dict[str, str]) -> None:
        po = tmp_path / "id" / "LC_MESSAGES" / "django.po"
        po.parent.mkdir(parents=True)
        entri = "".join(f'\nmsgid "{lama}"\nmsgstr "{baru}"\n' for lama, baru in istilah.items())
        po.write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + entri,
            encoding="utf-8",
        )
        subprocess.run(["msgfmt", "--check", "-o", po.with_suffix(".mo"), po], check=True)
        settings.LOCALE_PATHS = [tmp_path]
        _forget_loaded_catalogues()

    yield pasang
    _forget_loaded_catalogues()


def _forget_loaded_catalogues() -> None:
    # Django keeps each language's merged catalogue for the life of the process; a restart does
    # the same for a server after compilemessages.
    trans_real._translations = {}
    trans_real._default = None
    translation.deactivate()


def test_it_shows_the_agencys_wording_on_a_screen_and_a_printed_document(
    katalog_instansi, client, dunia, users, login
):
    katalog_instansi({"Nama pengguna": "NIP atau nama akun", "IKHTISAR JABATAN": "PERAN JABATAN"})

    masuk = client.get(reverse("login")).content.decode()
    assert "NIP atau nama akun" in masuk
    assert "Nama pengguna" not in masuk

    jabatan = JabatanFactory(unit=dunia.sekretariat)
    dokumen = login(users["admin"]).get(
        reverse("anjab:dokumen", args=[jabatan.pk, "informasi-jabatan"])
    )
    assert dokumen.status_code == 200
    html = dokumen.content.decode()
    assert "PERAN JABATAN" in html
    assert "IKHTISAR JABATAN" not in html


def test_it_shows_the_agencys_wording_in_messages_the_code_builds(
    katalog_instansi, client, dunia, users, login
):
    # A form's class-level error (read lazily, per request) and a message built with the data.
    katalog_instansi(
        {
            "Nama pengguna atau kata sandi salah.": "NIP atau kata sandi tidak cocok.",
            "Jabatan “%(nama)s” dihapus.": "Jabatan “%(nama)s” telah dihapus dari peta.",
        }
    )

    ditolak = client.post(reverse("login"), {"username": "admin_tarakan", "password": "salah"})
    assert "NIP atau kata sandi tidak cocok." in ditolak.content.decode()
    assert "Nama pengguna atau kata sandi salah." not in ditolak.content.decode()

    jabatan = JabatanFactory(unit=dunia.sekretariat, nama="Penata Layanan Operasional")
    html = (
        login(users["admin"])
        .post(reverse("anjab:jabatan_hapus", args=[jabatan.pk]), follow=True)
        .content.decode()
    )
    assert "Jabatan “Penata Layanan Operasional” telah dihapus dari peta." in html
    assert "Jabatan “Penata Layanan Operasional” dihapus." not in html


def test_it_reads_as_before_without_a_catalogue(client, db):
    html = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">Nama pengguna</label>' in html
    assert "<title>Masuk · Anjab & ABK</title>" in html


@pytest.mark.parametrize("template", _templates(), ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_every_template_sends_its_visible_text_through_gettext(template):
    source = template.read_text(encoding="utf-8")
    assert literal_text(source) == []
    if re.search(r"{%\s*(?:translate|blocktranslate)\b|_\(\"", source):
        assert re.search(r"{%\s*load\b[^%]*\bi18n\b", source), "uses translate without i18n"


def test_the_check_catches_a_literal_label_attribute_and_default():
    assert literal_text("<h1>Daftar jabatan</h1>") == ["Daftar jabatan"]
    assert literal_text('<nav aria-label="Menu utama"></nav>') == ["Menu utama"]
    assert literal_text('<p>{{ unit.tugas|default:"Belum diisi." }}</p>') == [
        'default:"Belum diisi."'
    ]
    terjemahan = (
        '{% load i18n %}<h1>{% translate "Daftar" %} {{ unit.nama }}</h1>'
        "<p>{% blocktranslate %}{{ n }} pegawai{% endblocktranslate %}</p>"
        '<td class="sub">a.</td><p>{{ x|default:_("Belum diisi.") }}</p>'
        '<script>const s = "teks";</script>'
    )
    assert literal_text(terjemahan) == []


def test_no_msgid_is_already_translated_by_djangos_own_catalogues():
    # Django's catalogues use English msgids; an Indonesian label that happens to be one of
    # them ("No" is Django's "Tidak") would silently change without any agency catalogue.
    def tampil(msgid: str, konteks: str) -> str:
        # {% translate %} doubles a literal % before looking the msgid up.
        kunci = msgid.replace("%", "%%")
        return translation.pgettext(konteks, kunci) if konteks else translation.gettext(kunci)

    with translation.override("id"):
        diubah = [
            msgid
            for template in _templates()
            for msgid, konteks in TRANSLATE.findall(template.read_text(encoding="utf-8"))
            if tampil(msgid, konteks) != msgid.replace("%", "%%")
        ]
    assert diubah == []
