"""The login and password forms. Each login door's form takes the (username, address) pair's
lock around the check, so a parallel burst stays within django-axes' limit (organisasi.auth)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
        "invalid_login": _("Nama pengguna atau kata sandi salah."),
        "inactive": _("Akun ini tidak aktif."),
    }


class MasukAdminForm(SerialisedLoginMixin, AdminAuthenticationForm):
    pass


class GantiSandiForm(PasswordChangeForm):
    error_messages = {
        "password_incorrect": _("Kata sandi lama salah. Silakan ketik ulang."),
        "password_mismatch": _("Kedua kata sandi baru tidak sama."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Kata sandi lama")
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
