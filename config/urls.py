from pathlib import Path

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from organisasi import views_auth

handler500 = "organisasi.views_galat.server_error"

urlpatterns = [
    path("login/", views_auth.masuk, name="login"),
    path("logout/", views_auth.keluar, name="logout"),
    path("admin/", admin.site.urls),
    path("anjab/", include("anjab.urls")),
    path("abk/", include("abk.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("sistem-kerja/", include("kinerja.sistem_kerja.urls")),
    path("", include("organisasi.urls")),
]

if settings.DEBUG:
    # Only logos are public media; decrees and uploaded workbooks live in PRIVATE_MEDIA_ROOT.
    urlpatterns += static(
        f"{settings.MEDIA_URL}logo/", document_root=Path(settings.MEDIA_ROOT) / "logo"
    )
