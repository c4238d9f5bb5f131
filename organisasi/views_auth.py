"""Login with throttling of failed attempts, per username and per client address."""

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def _keys(request, username: str) -> list[str]:
    return [f"login-gagal:u:{username.strip().lower()}", f"login-gagal:ip:{_client_ip(request)}"]


class MasukForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif.",
        "throttled": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(menit)d menit.",
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        keys = _keys(self.request, username)
        if any(cache.get(k, 0) >= settings.LOGIN_MAX_GAGAL for k in keys):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"menit": max(1, settings.LOGIN_JEDA_DETIK // 60)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            for k in keys:
                cache.add(k, 0, timeout=settings.LOGIN_JEDA_DETIK)
                try:
                    cache.incr(k)
                except ValueError:
                    cache.set(k, 1, timeout=settings.LOGIN_JEDA_DETIK)
            raise
        cache.delete(keys[0])
        return cleaned


masuk = auth_views.LoginView.as_view(
    template_name="registration/login.html",
    authentication_form=MasukForm,
    redirect_authenticated_user=True,
)

keluar = auth_views.LogoutView.as_view()
