"""Sessions (issue #18): sign-out ends the session, an idle session expires, a forged
cross-site form is refused, a revoked role is gone at the next click."""
import os
import subprocess
import urllib.error
import urllib.request

import browser
from fixtures import ROOT, School
from selenium.webdriver.common.by import By


def admin_database_url() -> str:
    """The database's admin URL, from the environment or from `deploy/local/infra env`."""
    if os.environ.get("PUMPURS_DATABASE_ADMIN_URL"):
        return os.environ["PUMPURS_DATABASE_ADMIN_URL"]
    lines = subprocess.run([str(ROOT / "deploy/local/infra"), "env"], check=True, capture_output=True, text=True).stdout
    for line in lines.splitlines():
        if line.startswith("export PUMPURS_DATABASE_ADMIN_URL="):
            return line.split("=", 1)[1].strip().strip("'\"")
    raise AssertionError("no PUMPURS_DATABASE_ADMIN_URL")


def sql(statement: str) -> None:
    url = admin_database_url()
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", statement], check=True, capture_output=True)


def session_cookie(driver) -> str:
    cookie = driver.get_cookie("__Host-pumpurs")
    assert cookie, "the session cookie"
    assert cookie["httpOnly"] and cookie["secure"] and cookie.get("sameSite") == "Lax", cookie
    return cookie["value"]


def post(path: str, cookie: str, body: str, origin: str | None) -> int:
    request = urllib.request.Request(browser.portal_url() + path, data=body.encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    request.add_header("Cookie", f"__Host-pumpurs={cookie}")
    if origin:
        request.add_header("Origin", origin)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_sign_out_ends_the_session(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    cookie = session_cookie(driver)
    # The provider's own logout page (RP-initiated logout) asks to confirm, then sends us back.
    browser.sign_out(driver)
    assert "/signed-out" in driver.current_url, driver.current_url
    browser.check_accessibility(driver, "session-01-signed-out")
    # The old cookie opens nothing any more.
    driver.get(browser.portal_url() + "/plans")
    browser.wait_for_page(driver)
    assert driver.find_elements(By.ID, "sign-in"), "back at the landing page"
    assert post("/role", cookie, "assignment=x", None) in (302, 303, 401)


def test_idle_session_expires_and_forged_form_is_refused(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    cookie = session_cookie(driver)
    # A cross-site form (another origin, no form token) is refused; the session survives it.
    assert post("/sign-out-everywhere", cookie, "", "http://evil.example") == 403
    assert post("/sign-out-everywhere", cookie, "form_token=guess", None) == 403
    driver.get(browser.portal_url() + "/plans")
    browser.wait_for_page(driver)
    assert driver.find_elements(By.ID, "person-name"), "still signed in after the forged posts"
    # 31 minutes without a click: the next click finds the session ended.
    sql(f"UPDATE portal.sessions SET last_seen_at = now() - interval '31 minutes' WHERE person_id = '{preparer['id']}' AND ended_at IS NULL")
    driver.get(browser.portal_url() + "/plans")
    browser.wait_for_page(driver)
    assert driver.find_element(By.ID, "message-text").text, "the session-ended page"
    assert "30" in driver.find_element(By.ID, "message-text").text
    browser.check_accessibility(driver, "session-02-idle-expired")


def test_revoked_role_is_gone_at_the_next_click(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    assert driver.find_elements(By.ID, "new-plan")
    school.revoke("preparer")
    driver.get(browser.portal_url() + "/plans")
    browser.wait_for_page(driver)
    assert not driver.find_elements(By.ID, "new-plan")
    assert not driver.find_elements(By.ID, "person-name")
    browser.check_accessibility(driver, "session-03-role-revoked")


def page_headers(path: str, cookie: str | None = None) -> dict:
    request = urllib.request.Request(browser.portal_url() + path)
    if cookie:
        request.add_header("Cookie", f"__Host-pumpurs={cookie}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}


def test_sign_out_everywhere_and_the_pages_headers(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    first = session_cookie(driver)
    headers = page_headers("/plans", first)
    policy = headers.get("content-security-policy", "")
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, policy
    assert "unsafe-inline" not in policy
    assert headers.get("referrer-policy") == "same-origin" and headers.get("cache-control") == "no-store", headers
    # A second session (another device), then "sign out on all devices" from it.
    driver.delete_all_cookies()
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    second = session_cookie(driver)
    assert second != first, "a new session id at every sign-in"
    driver.find_element(By.ID, "sign-out-everywhere").click()
    browser.wait_for_page(driver)
    browser.check_accessibility(driver, "session-04-signed-out-everywhere")
    for cookie in (first, second):
        request = urllib.request.Request(browser.portal_url() + "/plans")
        request.add_header("Cookie", f"__Host-pumpurs={cookie}")
        opener = urllib.request.build_opener(NoRedirect())
        try:
            status = opener.open(request, timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status in (302, 401), f"an ended session opened /plans ({status})"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_role_switcher_shows_the_roles_held_now(driver):
    school = School()
    person = school.person("both", "Dace Krūmiņa", "preparer")
    head = school.head_token()
    from fixtures import must
    second = must("POST", "/directory/assignments", {"personId": person["id"], "role": "institution_coordinator",
                                                     "scope": {"kind": "institution", "id": school.institution_id}}, head)
    browser.sign_in(driver, browser.portal_url(), person["subject"])
    select = driver.find_element(By.ID, "role-select")
    options = select.find_elements(By.TAG_NAME, "option")
    assert len(options) == 2, [o.text for o in options]
    browser.check_accessibility(driver, "session-05-role-switcher")
    assert driver.find_elements(By.ID, "new-plan"), "as a preparer she may write plans"
    from selenium.webdriver.support.ui import Select
    Select(select).select_by_value(second["id"].lower())
    browser.navigate_by(driver, lambda: driver.find_element(By.CSS_SELECTOR, "form[action='/role'] button").click())
    assert not driver.find_elements(By.ID, "new-plan"), "as the institution coordinator she does not write plans"
    # The coordinator role is revoked: at the next click only the preparer role is left, no switcher.
    must("POST", f"/directory/assignments/{second['id']}/revoke", {}, head)
    driver.get(browser.portal_url() + "/plans")
    browser.wait_for_page(driver)
    assert not driver.find_elements(By.ID, "role-select")
    assert driver.find_elements(By.ID, "new-plan")
