"""Login, logout and changing one's own password.

Failed logins are throttled by django-axes (settings.AXES_*) at both doors, ours and
/admin/login/; each door's form takes the pair's lock around the check (organisasi.auth).
"""

from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from organisasi.forms_auth import GantiSandiForm, MasukAdminForm, MasukForm

# The admin's login door takes the same lock as ours.
admin.site.login_form = MasukAdminForm

masuk = auth_views.LoginView.as_view(
    template_name="registration/login.html",
    authentication_form=MasukForm,
    redirect_authenticated_user=True,
)

keluar = auth_views.LogoutView.as_view()


class GantiSandiView(auth_views.PasswordChangeView):
    """Keeps this session (update_session_auth_hash); every other session of the user ends,
    since the password hash it was opened with no longer matches."""

    form_class = GantiSandiForm
    template_name = "organisasi/ganti_sandi.html"
    success_url = reverse_lazy("organisasi:beranda")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Kata sandi Anda telah diganti. Sesi lain dengan akun ini telah dikeluarkan."),
        )
        return response


ganti_sandi = GantiSandiView.as_view()
