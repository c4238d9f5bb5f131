from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from organisasi.akses import akses_untuk


def akses_wajib(view):
    """Login required, and the user must have been given a scope (instansi/unit)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        akses = akses_untuk(request.user)
        if not akses.ada:
            return render(request, "organisasi/tanpa_akses.html", status=403)
        request.akses = akses
        return view(request, *args, **kwargs)

    return wrapper
