"""CSRF for forms that anonymous readers post from cacheable pages."""

from functools import wraps

from django.views.decorators.csrf import csrf_exempt, csrf_protect


def csrf_protect_signed_in(view):
    """CSRF-check the view for signed-in people only.

    For a public form on a page kept in the page cache or a CDN (the newsletter sign-up on the
    home page): a CSRF token would make the page personal and so uncacheable. A forged
    anonymous post can do nothing the forger could not do themselves, so it needs no token;
    a signed-in person's post still must carry one (their pages are never cached and show it).
    Never for a form that signs someone in: that is what login CSRF is about.
    """
    protected = csrf_protect(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            return protected(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)
