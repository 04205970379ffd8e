#!/usr/bin/env python3
"""Proves the browser harness works without the portal (not run by run.py):

1. an accessible local page passes check_accessibility (0 violations);
2. an inaccessible one (an <img> without alt, two adjacent 10x10 buttons) fails it, with
   image-alt and target-size among the violations: the check can fail;
3. the keyboard helpers reach and press a button;
4. sign_in() against the real OIDC provider ($PUMPURS_OIDC_ISSUER, `deploy/local/infra up`) with a
   throwaway local "portal": authorization code + PKCE S256 + nonce + state; the stand-in portal
   exchanges the code at the token endpoint and checks the id token;
5. plain HTTP (no browser): the authorization form, the redirect with code and state, the token
   endpoint's answer, the id token's header and claims, PKCE and nonce enforcement, and the end
   session endpoint.

usage: python3 Tests/Browser/selftest_harness.py     (exit 0 when every check holds)
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import json
import secrets
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

GOOD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harness self-test: accessible</title>
<style>body{font:16px/1.5 sans-serif;color:#111;background:#fff;margin:2rem}
button{font-size:1rem;min-width:44px;min-height:44px;padding:.5rem 1rem}
button:focus-visible,a:focus-visible{outline:3px solid #0050b3;outline-offset:2px}
a{color:#0050b3}</style></head>
<body><header><a href="#main">Skip to content</a></header>
<main id="main"><h1>Accessible page</h1>
<p>An image with a text alternative:</p>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="A blank square" width="40" height="40">
<form onsubmit="event.preventDefault(); document.getElementById('out').textContent = 'Sent: ' + document.getElementById('name').value;">
<label for="name">Name</label> <input id="name" name="name" type="text" autocomplete="name">
<button id="send" type="submit">Send</button></form>
<p id="out" role="status"></p></main></body></html>
"""

BAD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harness self-test: inaccessible</title></head>
<body><main><h1>Inaccessible page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" width="40" height="40">
<p><button id="tiny1" style="width:10px;height:10px;padding:0;margin:0;border:1px solid #000">a</button><button id="tiny2" style="width:10px;height:10px;padding:0;margin:0;border:1px solid #000">b</button></p>
</main></body></html>
"""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_parts(token: str) -> tuple[dict, dict]:
    def part(s: str) -> dict:
        return json.loads(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
    header, payload, _ = token.split(".")
    return part(header), part(payload)


# The provider's token endpoint wants client authentication (client_secret_basic or
# client_secret_post); unregistered clients may use any secret.
CLIENT_ID, CLIENT_SECRET = "pumpurs-selftest", "any-secret"
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


def fetch_json(url: str, data: dict | None = None, authorization: str | None = BASIC) -> tuple[int, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    headers = {"Authorization": authorization} if authorization and body is not None else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


NO_REDIRECT = urllib.request.build_opener(NoRedirect)


def raw(url: str, data: dict | None = None) -> tuple[int, dict, str]:
    """status, headers, body without following redirects."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with NO_REDIRECT.open(urllib.request.Request(url, data=body), timeout=10) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), (e.read() or b"").decode()


# ---------------------------------------------------------------- a throwaway local site

class Site:
    """Serves the test pages and plays a minimal OIDC client ("portal") on a free port."""

    def __init__(self, issuer: str):
        self.issuer = issuer
        self.config = json.loads(urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=10).read())
        self.flows: dict[str, dict] = {}  # state -> verifier, nonce
        self.results: list[dict] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status: int, body: str = "", headers: dict | None = None):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/good.html":
                    self.send(200, GOOD_PAGE)
                elif url.path == "/bad.html":
                    self.send(200, BAD_PAGE)
                elif url.path == "/":
                    self.send(200, site.landing())
                elif url.path == "/callback":
                    self.send(303, "", {"Location": site.callback(query)})
                elif url.path == "/home":
                    last = site.results[-1] if site.results else {}
                    self.send(200, f"<!doctype html><html lang='en'><title>Home</title><main><h1 id='who'>"
                                   f"{html.escape(str(last.get('sub', '')))}</h1></main></html>")
                elif url.path == "/signed-out":
                    self.send(200, "<!doctype html><html lang='en'><title>Signed out</title><main><h1>Signed out</h1></main></html>")
                else:
                    self.send(404, "not found")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        # "localhost", like the issuer: the browser then sees one host name for everything.
        self.base = f"http://localhost:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def authorize_url(self) -> str:
        verifier = b64url(secrets.token_bytes(32))
        state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
        self.flows[state] = {"verifier": verifier, "nonce": nonce}
        return self.config["authorization_endpoint"] + "?" + urllib.parse.urlencode({
            "response_type": "code", "client_id": "pumpurs-selftest", "redirect_uri": self.base + "/callback",
            "scope": "openid email profile", "state": state, "nonce": nonce,
            "code_challenge": b64url(hashlib.sha256(verifier.encode()).digest()), "code_challenge_method": "S256",
        })

    def landing(self) -> str:
        return ("<!doctype html><html lang='en'><title>Stand-in portal</title><main><h1>Stand-in portal</h1>"
                f"<a id='sign-in' href='{html.escape(self.authorize_url())}'>Sign in</a></main></html>")

    def callback(self, query: dict) -> str:
        flow = self.flows.pop(query.get("state", ""), None)
        result: dict = {"callback_query_keys": sorted(query)}
        if flow is None:
            result["error"] = f"unknown state; query {query}"
        else:
            status, token = fetch_json(self.config["token_endpoint"], {
                "grant_type": "authorization_code", "code": query.get("code", ""), "redirect_uri": self.base + "/callback",
                "client_id": "pumpurs-selftest", "code_verifier": flow["verifier"],
            })
            result.update(token_status=status, token=token)
            if "id_token" in token:
                header, claims = jwt_parts(token["id_token"])
                result.update(header=header, claims=claims, sub=claims.get("sub"),
                              nonce_ok=claims.get("nonce") == flow["nonce"])
        self.results.append(result)
        return self.base + "/home"


# ---------------------------------------------------------------- checks

CHECKS: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    CHECKS.append((name, ok, detail))
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)


def browser_checks(site: Site) -> None:
    driver = browser.start_browser()
    try:
        size = driver.execute_script("return [window.innerWidth, window.innerHeight, window.outerWidth, window.outerHeight]")
        check("browser window", True, f"{driver.capabilities.get('browserVersion')} inner/outer {size}")

        driver.get(site.base + "/good.html")
        try:
            results = browser.check_accessibility(driver, "selftest-good")
            check("accessible page: 0 violations", True,
                  f"axe {results.get('testEngine', {}).get('version')}, {len(results.get('violations', []))} violations")
        except AssertionError as e:
            check("accessible page: 0 violations", False, str(e))

        driver.get(site.base + "/bad.html")
        try:
            browser.check_accessibility(driver, "selftest-bad")
            check("inaccessible page fails the check", False, "no AssertionError")
        except AssertionError as e:
            saved = json.loads((browser.SCREENSHOTS / "selftest-bad.axe.json").read_text())
            ids = sorted(v["id"] for v in saved["violations"])
            check("inaccessible page fails the check", "target-size" in ids and "image-alt" in ids, f"rules {ids}")
            print("    " + str(e).replace("\n", "\n    "))
        check("screenshots saved", all((browser.SCREENSHOTS / f).is_file() for f in
                                       ("selftest-good.png", "selftest-good.axe.json", "selftest-bad.png", "selftest-bad.axe.json")),
              str(browser.SCREENSHOTS))

        driver.get(site.base + "/good.html")
        browser.wait_for_page(driver)
        presses = browser.tab_to(driver, "name")
        browser.press(driver, "Anna")
        browser.tab_to(driver, "send", max_presses=3)
        focus_shown = browser.visible_focus(driver)
        browser.press_enter(driver)
        out = browser.wait_until(lambda: driver.find_element(By.ID, "out").text, what="#out text")
        check("keyboard: Tab to #name, type, Tab to #send, Enter", out == "Sent: Anna",
              f"{presses} Tab presses to #name; focus indicator on #send: {focus_shown}; {out!r}")
        try:
            browser.tab_to(driver, "no-such-id", max_presses=5)
            check("keyboard: tab_to fails for a missing id", False)
        except AssertionError as e:
            check("keyboard: tab_to fails for a missing id", True, str(e))

        # Sign-in through the real provider, the stand-in portal exchanging the code.
        landed = browser.sign_in(driver, site.base, "school.preparer@demo.pumpurs.example.lv")
        result = site.results[-1] if site.results else {}
        who = driver.find_element(By.ID, "who").text
        check("sign_in: back on the portal, code exchanged", landed == site.base + "/home" and result.get("token_status") == 200
              and who == "school.preparer@demo.pumpurs.example.lv",
              f"landed {landed}; callback got {result.get('callback_query_keys')}; token endpoint {result.get('token_status')}")
        check("sign_in: id token nonce matches", bool(result.get("nonce_ok")), json.dumps(result.get("claims")))

        # End session in the browser: the provider shows a form; "End session" redirects back.
        id_token = result.get("token", {}).get("id_token", "")
        driver.get(site.config["end_session_endpoint"] + "?" + urllib.parse.urlencode({
            "id_token_hint": id_token, "post_logout_redirect_uri": site.base + "/signed-out", "state": "s1"}))
        browser.wait_for_page(driver)
        on_form = driver.current_url.startswith(site.config["end_session_endpoint"])
        driver.find_element(By.XPATH, "//form//button[normalize-space()='End session']").click()
        browser.wait_until(lambda: driver.current_url.startswith(site.base), what="redirect after end session")
        check("end session: confirmation form, 'End session' click redirects", on_form and "/signed-out" in driver.current_url,
              f"back at {driver.current_url}")

        # The provider keeps no browser session: signing in again shows the form again.
        driver.get(site.base + "/")
        driver.find_element(By.ID, "sign-in").click()
        browser.wait(driver).until(lambda d: d.find_elements(By.NAME, "sub"))
        check("second sign-in shows the form again (no provider session)", True)
    finally:
        driver.quit()


def http_checks(site: Site) -> None:
    cfg = site.config
    print(f"discovery issuer: {cfg['issuer']!r}; end_session_endpoint {cfg['end_session_endpoint']}")
    jwks = json.loads(urllib.request.urlopen(cfg["jwks_uri"], timeout=10).read())
    print(f"jwks: {[{k: key.get(k) for k in ('kty', 'kid', 'alg', 'use')} for key in jwks['keys']]}")

    def flow(nonce: bool = True, sub: str = "finance@demo.pumpurs.example.lv") -> tuple[dict, str, str, dict]:
        verifier = b64url(secrets.token_bytes(32))
        state, n = secrets.token_urlsafe(8), secrets.token_urlsafe(8)
        params = {"response_type": "code", "client_id": "pumpurs-selftest", "redirect_uri": site.base + "/callback",
                  "scope": "openid email profile", "state": state,
                  "code_challenge": b64url(hashlib.sha256(verifier.encode()).digest()), "code_challenge_method": "S256"}
        if nonce:
            params["nonce"] = n
        url = cfg["authorization_endpoint"] + "?" + urllib.parse.urlencode(params)
        status, _, body = raw(url)
        form = {"status": status, "has_sub_input": 'name="sub"' in body, "has_authorize": ">Authorize<" in body}
        status, headers, body = raw(url, {"sub": sub})
        form.update(post_status=status, location=headers.get("Location", ""), body=body[:300])
        return form, verifier, state, {"nonce": n}

    form, verifier, state, extra = flow()
    loc = urllib.parse.urlsplit(form["location"])
    q = dict(urllib.parse.parse_qsl(loc.query))
    check("authorization form (GET) has input sub and Authorize", form["status"] == 200 and form["has_sub_input"] and form["has_authorize"])
    check("POST sub -> redirect to redirect_uri with code and state", form["post_status"] == 302
          and form["location"].startswith(site.base + "/callback") and "code" in q and q.get("state") == state,
          f"{form['post_status']} Location {form['location']}")

    wrong = fetch_json(cfg["token_endpoint"], {"grant_type": "authorization_code", "code": q.get("code", ""),
                                               "redirect_uri": site.base + "/callback", "client_id": "pumpurs-selftest",
                                               "code_verifier": b64url(secrets.token_bytes(32))})
    pkce_enforced = wrong[0] != 200
    # A property of the provider, not of the harness: reported, not checked.
    print(f"note PKCE {'enforced' if pkce_enforced else 'NOT enforced'}: a wrong code_verifier got {wrong[0]} "
          f"{ {k: v for k, v in wrong[1].items() if k.startswith('error')} or 'tokens'}")
    if not pkce_enforced:  # the code is spent; get a fresh one
        form, verifier, state, extra = flow()
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(form["location"]).query))

    status, token = fetch_json(cfg["token_endpoint"], {"grant_type": "authorization_code", "code": q.get("code", ""),
                                                       "redirect_uri": site.base + "/callback", "client_id": "pumpurs-selftest",
                                                       "code_verifier": verifier})
    shown = {k: (v if k in ("token_type", "expires_in", "scope") else f"<{len(str(v))} chars>") for k, v in token.items()}
    check("token endpoint: authorization_code + code_verifier", status == 200 and "id_token" in token, f"{status} {shown}")
    if "id_token" in token:
        header, claims = jwt_parts(token["id_token"])
        print(f"    id_token header {header}")
        print(f"    id_token claims {claims}")
        check("id_token has nonce, sub, aud, iss, exp", all(k in claims for k in ("nonce", "sub", "aud", "iss", "exp"))
              and claims["nonce"] == extra["nonce"], f"iss {claims.get('iss')!r}, aud {claims.get('aud')!r}, "
              f"exp-iat {claims.get('exp', 0) - claims.get('iat', 0)} s")
        kids = [k.get("kid") for k in jwks["keys"]]
        # Provider properties, reported: 0.3.4 signs without a kid in the header (its JWKS has one key, with a kid).
        print(f"note id_token alg {header.get('alg')}, kid {header.get('kid')!r}; JWKS kids {kids}")
        try:
            from joserfc import jwt as jose_jwt
            from joserfc.jwk import KeySet
            verified = jose_jwt.decode(token["id_token"], KeySet.import_key_set(jwks))
            check("id_token signature verifies against the JWKS (joserfc)", verified.claims["sub"] == claims["sub"])
        except ImportError:
            print("    (joserfc not importable: signature not verified)")
        if "access_token" in token:
            req = urllib.request.Request(cfg["userinfo_endpoint"], headers={"Authorization": f"Bearer {token['access_token']}"})
            print(f"    userinfo {json.loads(urllib.request.urlopen(req, timeout=10).read())}")
        reuse = fetch_json(cfg["token_endpoint"], {"grant_type": "authorization_code", "code": q.get("code", ""),
                                                   "redirect_uri": site.base + "/callback", "client_id": "pumpurs-selftest",
                                                   "code_verifier": verifier})
        check("a code is single-use", reuse[0] != 200, f"second exchange {reuse[0]} {reuse[1]}")

    # The provider takes "iss" from the token request's Host header, not from a setting.
    form, verifier, *_ = flow()
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(form["location"]).query))
    other_host = cfg["token_endpoint"].replace("://localhost:", "://127.0.0.1:")
    status, token2 = fetch_json(other_host, {"grant_type": "authorization_code", "code": q.get("code", ""),
                                             "redirect_uri": site.base + "/callback", "code_verifier": verifier})
    if "id_token" in token2:
        print(f"note token endpoint called as {other_host}: id_token iss {jwt_parts(token2['id_token'])[1].get('iss')!r}")

    form, verifier, *_ = flow()
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(form["location"]).query))
    public = fetch_json(cfg["token_endpoint"], {"grant_type": "authorization_code", "code": q.get("code", ""),
                                                "redirect_uri": site.base + "/callback", "client_id": CLIENT_ID,
                                                "code_verifier": verifier}, authorization=None)
    print(f"note a public client (client_id only, no secret) at the token endpoint: {public[0]} {public[1]}")

    form, *_ = flow(nonce=False)
    check("--require-nonce: an authorization without nonce is refused", "code=" not in form["location"],
          f"{form['post_status']} Location {form['location'] or '-'} {form['body'][:120]!r}")

    # End session: GET shows a page with a form; its POST to /oauth2/end_session/confirm redirects.
    es = cfg["end_session_endpoint"] + "?" + urllib.parse.urlencode({
        "id_token_hint": token.get("id_token", ""), "post_logout_redirect_uri": site.base + "/signed-out", "state": "xyz"})
    status, _, body = raw(es)
    action = body.split('<form method="post" action="', 1)[1].split('"', 1)[0] if '<form method="post" action="' in body else ""
    hidden = body.split('name="redirect_uri" value="', 1)[1].split('"', 1)[0] if 'name="redirect_uri" value="' in body else ""
    check("end session GET: a confirmation form", status == 200 and ">End session<" in body,
          f"{status}; form posts to {action}; hidden redirect_uri {html.unescape(hidden)}")
    status, headers, _ = raw(urllib.parse.urljoin(cfg["issuer"], action), {"redirect_uri": html.unescape(hidden)})
    check("end session confirm POST -> redirect to post_logout_redirect_uri with state", status in (302, 303)
          and headers.get("Location", "") == site.base + "/signed-out?state=xyz", f"{status} Location {headers.get('Location')}")


def main() -> int:
    issuer = browser.oidc_issuer()
    t0 = time.monotonic()
    try:
        site = Site(issuer)
    except Exception as e:  # noqa: BLE001
        print(f"FAIL the OIDC provider does not answer at {issuer}: {e} (deploy/local/infra oidc-start)")
        return 1
    try:
        browser_checks(site)
        http_checks(site)
    finally:
        site.close()
    failed = [name for name, ok, _ in CHECKS if not ok]
    print(f"{len(CHECKS) - len(failed)} of {len(CHECKS)} checks held in {time.monotonic() - t0:.1f} s"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
