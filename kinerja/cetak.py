"""The documents render_document prints for kinerja (named in KinerjaConfig.dokumen_cetak)."""

from django.core.management.base import CommandError

from kinerja.documents import lakip_html
from kinerja.selectors import renstra_tahun


def lakip(options) -> str:
    if options["unit"] is None or options["tahun"] is None:
        raise CommandError("--unit <id> dan --tahun wajib untuk lakip.")
    renstra = renstra_tahun(options["unit"], options["tahun"])
    if renstra is None:
        raise CommandError(
            f"Unit {options['unit']} tidak mempunyai Renstra yang mencakup {options['tahun']}."
        )
    return lakip_html(renstra, options["tahun"])
