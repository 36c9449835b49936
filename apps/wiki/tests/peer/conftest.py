"""Runs otterwiki-api's tests/test_api.py over HTTP against wikibot.

Its tests use Flask's test client on a fresh repository each; here `test_client` sends each request to a fresh
wikibot wiki (a new git repository per test) started by tests/peer/serve-fresh-wikis.ts, whose control URL is
in WIKIBOT_PEER_CONTROL. Responses offer what the tests use: status_code and get_json().
"""

import os

import pytest
import requests

CONTROL = os.environ.get("WIKIBOT_PEER_CONTROL", "")


class _Response:
    def __init__(self, response):
        self._response = response
        self.status_code = response.status_code

    def get_json(self):
        try:
            return self._response.json()
        except ValueError:
            return None


class _Client:
    def __init__(self, origin):
        self.origin = origin
        self.session = requests.Session()

    def open(self, method, path, json=None, headers=None, **_):
        return _Response(self.session.request(method, self.origin + path, json=json, headers=headers or {}, timeout=60))

    def get(self, path, **kw):
        return self.open("GET", path, **kw)

    def put(self, path, **kw):
        return self.open("PUT", path, **kw)

    def post(self, path, **kw):
        return self.open("POST", path, **kw)

    def patch(self, path, **kw):
        return self.open("PATCH", path, **kw)

    def delete(self, path, **kw):
        return self.open("DELETE", path, **kw)


@pytest.fixture
def test_client():
    if not CONTROL:
        pytest.skip("WIKIBOT_PEER_CONTROL is not set")
    origin = requests.post(CONTROL + "/new", timeout=60).text
    yield _Client(origin)
    requests.post(CONTROL + "/close", params={"origin": origin}, timeout=60)


@pytest.fixture
def create_app():
    pytest.skip("reaches into the Flask app (not available over HTTP)")
