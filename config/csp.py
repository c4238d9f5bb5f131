"""Content-Security-Policy (django-csp) with one relaxation for the Django admin.

The app's own pages load scripts and styles only from the site itself; the few <style> blocks
left (the printable documents shown in the browser) carry the request's nonce. The Django admin
and the admin pages of installed packages still write some inline CSS (the change list's filter
column, the history and export pages), so under the admin's URL style-src also allows
'unsafe-inline'. Scripts stay 'self' there too: the admin has no inline script.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse


class CSPAppMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("admin:index")):
            # A nonce in style-src would make browsers ignore 'unsafe-inline', so the admin's
            # style-src is replaced rather than extended.
            parts.replace = {**(parts.replace or {}), "style-src": [SELF, UNSAFE_INLINE]}
        return parts
