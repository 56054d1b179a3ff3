from . import permissions

READ_ONLY_METHODS = ("GET", "HEAD")


class NetworkFactsMiddleware:
    """On requests that change nothing, the network rules read a signed-in person's roles and
    regions once (`permissions.active_roles`, `coordinated_region_ids`), however many rules ask.

    Place after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in READ_ONLY_METHODS and request.user.is_authenticated:
            permissions.remember_during_request(request.user)
        return self.get_response(request)
