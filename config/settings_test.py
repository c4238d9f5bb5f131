"""Test-speed tweaks only; everything else is the real settings."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "private"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The live server's request threads must not keep PostgreSQL connections open past a request:
# they would outlive the test and block dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Jobs run at once, inside the test, instead of waiting for a worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
