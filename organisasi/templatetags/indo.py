from django import template

from organisasi import formatting

register = template.Library()
register.filter("angka_ringkas", formatting.angka_ringkas)
register.filter("huruf", formatting.huruf)
register.filter("tanggal", formatting.tanggal)
register.filter("terbilang", formatting.terbilang)
register.filter("kelas_teks", formatting.kelas_teks)


@register.filter
def angka(nilai, desimal=2):
    return formatting.angka(nilai, int(desimal))


@register.filter
def angka_bertanda(nilai, desimal=2):
    return formatting.angka_bertanda(nilai, int(desimal))


@register.filter
def strip_or_dash(nilai):
    return nilai if nilai not in (None, "") else "-"
