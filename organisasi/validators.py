"""Checks on uploaded files."""

import warnings

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# A letterhead logo is printed a few centimetres wide: 2000 pixels a side is ample at 300 dpi,
# and every PDF embeds it whole (a 12000×12000 logo made each letterhead PDF 1.1 GB).
MAKS_UKURAN_LOGO = 2 * 1024 * 1024
MAKS_SISI_LOGO = 2000
FORMAT_LOGO = {"PNG", "JPEG"}


def periksa_logo(berkas) -> str | None:
    """Why a logo file is refused, or None. Reads only the image header: the pixel size is
    known before anything is decoded, so a small file that decodes to gigabytes costs nothing."""
    if berkas.size > MAKS_UKURAN_LOGO:
        return _("Logo paling besar 2 MB; berkas ini %(ukuran)s.") % {
            "ukuran": filesizeformat(berkas.size)
        }
    posisi = berkas.tell() if hasattr(berkas, "tell") else 0
    try:
        berkas.seek(0)
        with warnings.catch_warnings():
            # Pillow warns above its own pixel limit; the limit below is far lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(berkas) as gambar:
                format_, (lebar, tinggi) = gambar.format, gambar.size
    except Image.DecompressionBombError:
        return _("Logo paling besar %(sisi)s×%(sisi)s piksel.") % {"sisi": MAKS_SISI_LOGO}
    except (UnidentifiedImageError, OSError, ValueError):
        return _("Logo harus berupa gambar PNG atau JPEG.")
    finally:
        berkas.seek(posisi)
    if format_ not in FORMAT_LOGO:
        return _("Logo harus berupa gambar PNG atau JPEG.")
    if lebar > MAKS_SISI_LOGO or tinggi > MAKS_SISI_LOGO:
        return _(
            "Logo paling besar %(sisi)s×%(sisi)s piksel; gambar ini %(lebar)s×%(tinggi)s piksel."
        ) % {"sisi": MAKS_SISI_LOGO, "lebar": lebar, "tinggi": tinggi}
    return None


def validasi_logo(berkas) -> None:
    """Model validator of Instansi.logo; a logo stored earlier is not re-read on every save."""
    if getattr(berkas, "_committed", False):
        return
    pesan = periksa_logo(berkas)
    if pesan:
        raise ValidationError(pesan, code="logo_tidak_sah")
