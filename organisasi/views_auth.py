"""Login, logout and changing one's own password.

Failed logins are throttled by django-axes (settings.AXES_*) at both doors, ours and
/admin/login/; each door's form takes the pair's lock around the check (organisasi.auth).
"""

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy

from organisasi.auth import serialised_login


class SerialisedLoginMixin:
    def clean(self):
        refusal = None
        with serialised_login(self.request, self.cleaned_data.get("username") or ""):
            try:
                return super().clean()
            except ValidationError as error:
                # Raised only after the block, so that the counted failure is committed.
                refusal = error
        raise refusal


class MasukForm(SerialisedLoginMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif.",
    }


class MasukAdminForm(SerialisedLoginMixin, AdminAuthenticationForm):
    pass


# The admin's login door takes the same lock as ours.
admin.site.login_form = MasukAdminForm

masuk = auth_views.LoginView.as_view(
    template_name="registration/login.html",
    authentication_form=MasukForm,
    redirect_authenticated_user=True,
)

keluar = auth_views.LogoutView.as_view()


class GantiSandiForm(PasswordChangeForm):
    error_messages = {
        "password_incorrect": "Kata sandi lama salah. Silakan ketik ulang.",
        "password_mismatch": "Kedua kata sandi baru tidak sama.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Kata sandi lama"
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"


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
            "Kata sandi Anda telah diganti. Sesi lain dengan akun ini telah dikeluarkan.",
        )
        return response


ganti_sandi = GantiSandiView.as_view()
