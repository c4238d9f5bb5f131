"""Login and session plumbing: around django-axes the client address, the per-pair lock and
the lockout page (every login door, ours and the admin's, uses them through settings.AXES_*);
the idle timeout of sessions."""

import hashlib
import ipaddress
import math
import time
from contextlib import contextmanager

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.db import connections, router, transaction
from django.dispatch import receiver
from django.shortcuts import render


def client_address(request) -> str | None:
    """The address failures are counted against.

    REMOTE_ADDR, unless settings.TRUSTED_PROXY_HEADER names the header our reverse proxies
    write (set only in production): each proxy appends the address it saw, so the entry
    PROXY_COUNT places from the right is the one the outermost proxy saw; whatever the client
    itself put further left is ignored.
    """
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        key = header.upper().replace("-", "_")
        key = key if key.startswith("HTTP_") else f"HTTP_{key}"
        hops = [hop.strip() for hop in request.META.get(key, "").split(",") if hop.strip()]
        if len(hops) >= settings.PROXY_COUNT:
            try:
                return str(ipaddress.ip_address(hops[-settings.PROXY_COUNT]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


@contextmanager
def serialised_login(request, username: str):
    """Hold the lock of this (username, address) pair while its attempt is checked and counted.

    Axes checks the count, then the password is hashed, then the failure is recorded: without
    the lock a burst of parallel guesses all pass the check before any is counted. On
    PostgreSQL a transaction-scoped advisory lock makes the pair's attempts take turns (other
    pairs are not delayed); SQLite, for development, serialises nothing.
    """
    alias = router.db_for_write(AccessAttempt)
    with transaction.atomic(using=alias):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            digest = hashlib.blake2b(
                f"{username}\0{client_address(request)}".encode(), digest_size=8
            ).digest()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, signed=True)]
                )
        yield


class AxesRequestBackend(AxesStandaloneBackend):
    """Axes' lockout check for logins that come with a request.

    Without a request (the shell, a test client's `login()`) there is no client to count,
    and axes' own backend would refuse to authenticate at all.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_minutes(request=None) -> int:
    return math.ceil(get_cool_off(request).total_seconds() / 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page every login door answers once its pair is locked (AXES_LOCKOUT_CALLABLE)."""
    return render(
        request,
        "organisasi/terkunci.html",
        {"menit": lockout_minutes(request)},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


RENEWED_KEY = "_sesi_diperbarui"
RENEW_EVERY_SECONDS = 60


class IdleSessionMiddleware:
    """Ends a logged-in session SESSION_COOKIE_AGE (SESSION_IDLE_MINUTES) after its last
    request rather than after the login.

    A request re-saves the session, which renews its expiry in the store and in the cookie,
    when the last renewal is a minute old or more: one write a minute instead of one per
    request (Django's SESSION_SAVE_EVERY_REQUEST), so the timeout is exact to a minute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            now = int(time.time())
            if now - session.get(RENEWED_KEY, 0) >= RENEW_EVERY_SECONDS:
                session[RENEWED_KEY] = now
        return response


@receiver(user_logged_in)
def _mark_session_renewed(sender, request, user, **kwargs):
    # A session is saved at login anyway; its first minute needs no renewal.
    if request is not None and hasattr(request, "session"):
        request.session[RENEWED_KEY] = int(time.time())
