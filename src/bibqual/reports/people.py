"""People's names for the summaries: user ids shown by their full names."""

from plone import api


class Names:
    """Full names of user ids, each looked up once; a value that is no user id
    (``responsible`` may hold a plain name) is shown as it is."""

    def __init__(self):
        self._cache = {}

    def __call__(self, userid):
        if not userid:
            return ""
        if userid not in self._cache:
            user = api.user.get(userid=userid)
            fullname = user.getProperty("fullname", "") if user is not None else ""
            self._cache[userid] = fullname or userid
        return self._cache[userid]
