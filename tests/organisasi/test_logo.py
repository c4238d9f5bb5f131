"""The letterhead logo: PNG or JPEG, at most 2 MB and 2000×2000 pixels, checked before decoding."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisasi.validators import periksa_logo


@pytest.fixture(autouse=True)
def media_di_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _gambar(ukuran, *, mode="1", format_="PNG") -> bytes:
    # A 1-bit image costs 18 MB in memory at 12000×12000 and compresses to a few kilobytes.
    out = io.BytesIO()
    Image.new(mode, ukuran).save(out, format_)
    return out.getvalue()


def _kirim(client, dunia, nama, isi):
    return client.post(
        reverse("organisasi:instansi_update", args=[dunia.instansi.pk]),
        {
            "nama": dunia.instansi.nama,
            "jenis": "kota",
            "nama_daerah": "Tarakan",
            "jabatan_kepala": "Wali Kota",
            "ibu_kota": "Tarakan",
            "logo": SimpleUploadedFile(nama, isi),
        },
    )


def _tersimpan(settings) -> list[Path]:
    logo = Path(settings.MEDIA_ROOT) / "logo"
    return list(logo.iterdir()) if logo.exists() else []


def test_it_refuses_a_12000_pixel_logo_and_stores_nothing(dunia, users, login, settings):
    isi = _gambar((12000, 12000))
    assert len(isi) < 200_000  # small on the wire: only its pixel size gives it away
    response = _kirim(login(users["admin"]), dunia, "lambang.png", isi)
    assert response.status_code == 200
    assert "Logo paling besar 2000×2000 piksel; gambar ini 12000×12000 piksel." in (
        response.content.decode()
    )
    dunia.instansi.refresh_from_db()
    assert not dunia.instansi.logo and _tersimpan(settings) == []


def test_it_refuses_a_logo_over_2_mb(dunia, users, login, settings):
    isi = _gambar((100, 100), mode="RGB") + b"\0" * (2 * 1024 * 1024)
    response = _kirim(login(users["admin"]), dunia, "lambang.png", isi)
    assert "Logo paling besar 2 MB; berkas ini 2,0" in response.content.decode()
    dunia.instansi.refresh_from_db()
    assert not dunia.instansi.logo and _tersimpan(settings) == []


@pytest.mark.parametrize(
    ("nama", "format_", "pesan"),
    [
        ("lambang.png", "GIF", "Logo harus berupa gambar PNG atau JPEG."),
        ("lambang.gif", "PNG", "Logo harus berkas .png, .jpg atau .jpeg."),
        ("lambang.png", "BMP", "Logo harus berupa gambar PNG atau JPEG."),
    ],
)
def test_it_accepts_only_png_and_jpeg(dunia, users, login, settings, nama, format_, pesan):
    isi = _gambar((100, 100), mode="RGB", format_=format_)
    response = _kirim(login(users["admin"]), dunia, nama, isi)
    assert response.status_code == 200 and pesan in response.content.decode()
    assert _tersimpan(settings) == []


@pytest.mark.parametrize(("nama", "format_"), [("lambang.png", "PNG"), ("lambang.jpg", "JPEG")])
def test_it_stores_a_logo_within_the_limits(dunia, users, login, settings, nama, format_):
    isi = _gambar((2000, 1200), mode="RGB", format_=format_)
    response = _kirim(login(users["admin"]), dunia, nama, isi)
    assert response.status_code == 302
    dunia.instansi.refresh_from_db()
    assert dunia.instansi.logo.name == f"logo/{nama}"
    assert Path(dunia.instansi.logo.path).read_bytes() == isi


def _kepala_png(lebar: int, tinggi: int) -> bytes:
    """A PNG that is only its header: what the checks read, whatever pixels would follow."""

    def chunk(jenis: bytes, isi: bytes) -> bytes:
        return (
            struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))
        )

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_a_decompression_bomb_past_pillows_own_limit_gets_the_same_message(
    dunia, users, login, settings
):
    isi = _kepala_png(40000, 40000)
    assert periksa_logo(SimpleUploadedFile("bom.png", isi)).startswith(
        "Logo paling besar 2000×2000 piksel"
    )
    response = _kirim(login(users["admin"]), dunia, "bom.png", isi)
    assert "Logo paling besar 2000×2000 piksel" in response.content.decode()
    assert _tersimpan(settings) == []
