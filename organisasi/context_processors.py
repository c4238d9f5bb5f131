from organisasi.akses import akses_untuk


def akses(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    a = akses_untuk(user)
    instansi = None
    if a.instansi_id is not None:
        from organisasi.selectors import instansi_for_user

        instansi = instansi_for_user(user).only("nama").first()
    return {"akses_pengguna": a, "instansi_aktif": instansi}
