"""Settings driven by the environment (django-environ).

With no environment at all this runs a development server on SQLite. `DATABASE_URL`
switches to PostgreSQL (psycopg 3). `DJANGO_ENV=production` turns on the security
settings that `manage.py check --deploy` asks for and requires a real SECRET_KEY.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs SECRET_KEY of 50+ random characters."
        )
else:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "tree_queries",
    "simple_history",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "organisasi",
    "anjab",
    "abk",
    "kinerja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "organisasi.auth.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "organisasi.middleware.AngkaDiLuarBatasMiddleware",
    "organisasi.middleware.HalamanTidakDitemukanMiddleware",
    # Last, so that a refused login of any door becomes the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisasi.context_processors.akses",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Production uses the database cache unless CACHE_URL names another one shared by all
# gunicorn workers; its table is created by `manage.py createcachetable` (and `make setup`).
# A redis:// (rediss://) URL uses django-redis: one Redis shared by every app node.
_CACHE_URL = env.str(
    "CACHE_URL", default="dbcache://django_cache" if PRODUCTION else "locmemcache://"
)
if _CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": _CACHE_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="anjab"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": environ.Env.cache_url_config(_CACHE_URL)}

# Sessions: in the database (db, the default), in the cache (cache: with Redis, shared by every
# node and nothing written to PostgreSQL per request) or both (cached_db).
_SESI = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
SESSION_STORE = env.str("SESSION_STORE", default="db")
if SESSION_STORE not in _SESI:
    raise ImproperlyConfigured(f"SESSION_STORE harus salah satu dari {', '.join(_SESI)}.")
SESSION_ENGINE = _SESI[SESSION_STORE]

# Long work (a whole decree's PDF) runs in the worker: `manage.py db_worker` (make run starts it).
TASKS = {
    "default": {
        "BACKEND": env.str("TASK_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "organisasi:beranda"
LOGOUT_REDIRECT_URL = "login"

# Every login door (ours and /admin/login/) goes through django-axes, first of the backends.
AUTHENTICATION_BACKENDS = [
    "organisasi.auth.AxesRequestBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures are counted in the database per username and client address together; the
# counting is serialised per pair (organisasi.auth.serialised_login) so a burst cannot
# outrun the limit, and a successful login clears the pair's count.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.int("LOGIN_MAX_GAGAL", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_JEDA_MENIT", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "organisasi.auth.lockout_response"
AXES_CLIENT_IP_CALLABLE = "organisasi.auth.client_address"

# The client address is REMOTE_ADDR, unless production runs behind reverse proxies that set
# TRUSTED_PROXY_HEADER (e.g. X-Forwarded-For, each proxy appending the address it saw):
# then it is the PROXY_COUNT-th entry from the right, the one the outermost proxy saw.
# Outside production the header is never trusted, so a client cannot choose its address.
TRUSTED_PROXY_HEADER = env.str("TRUSTED_PROXY_HEADER", default="") if PRODUCTION else ""
PROXY_COUNT = env.int("PROXY_COUNT", default=1)

# A session ends after SESSION_IDLE_MINUTES without a request: requests renew it
# (organisasi.auth.IdleSessionMiddleware).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30 if PRODUCTION else 8 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Generated decrees and uploaded workbooks (names, NIPs) live outside MEDIA_ROOT: no URL reaches
# them, a view checks the user's scope and sends the file. With PRIVATE_MEDIA_ACCEL_PREFIX set
# (e.g. "/_privat/") the view only answers X-Accel-Redirect and nginx sends the bytes from an
# `internal` location aliased to PRIVATE_MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private")
PRIVATE_MEDIA_ACCEL_PREFIX = env.str("PRIVATE_MEDIA_ACCEL_PREFIX", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "privat": {"BACKEND": "abk.storage.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Django's 1,000 fields is 83 credit rows of twelve fields: seed 001's Penggerak Swadaya
# Masyarakat Ahli Pertama has 170, so its section 6 could not be saved. The memory limit above
# still bounds a request.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_HTTPONLY = True
    X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates every layout step at INFO; keep only its warnings.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Axes narrates every login at INFO; failures and lockouts are its warnings.
        "axes": {"level": "WARNING"},
    },
}

# Content-Security-Policy (django-csp 4): scripts and styles only from this site; an inline
# <script>/<style> must carry the request's nonce ({{ request.csp_nonce }}, only asked for
# by the printable documents' preview). No inline event handlers or style attributes anywhere.
# The admin keeps this policy except style-src 'unsafe-inline' (config.csp.CSPAppMiddleware).
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.csp.CSPAppMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
