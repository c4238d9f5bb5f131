from django import template

from organisasi import formatting

register = template.Library()


@register.filter
def angka(nilai, desimal=2):
    return formatting.angka(nilai, int(desimal))


@register.filter
def angka_ringkas(nilai):
    return formatting.angka_ringkas(nilai)


@register.filter
def huruf(nilai):
    return formatting.huruf(nilai)


@register.filter
def tanggal(nilai):
    return formatting.tanggal(nilai)


@register.filter
def terbilang(nilai):
    return formatting.terbilang(nilai)


@register.filter
def kelas_teks(nilai):
    return formatting.kelas_teks(nilai)


@register.filter
def strip_or_dash(nilai):
    return nilai if nilai not in (None, "") else "-"
