from organisasi.akses import akses_untuk


def akses(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    a = akses_untuk(user)
    # The top bar names the user's instansi, read together with the scope (no extra query).
    instansi = {"nama": a.instansi_nama} if a.instansi_id is not None else None
    return {"akses_pengguna": a, "instansi_aktif": instansi}
