"""Browser test harness for the PuMPuRS staff portal: headless Chromium through chromedriver,
axe-core accessibility checks, sign-in through the local OpenID Connect provider, keyboard helpers.

Python 3.11, the standard library, selenium and selenium-axe-python (which bundles axe-core 4.9).
deploy/local/test installs them and Debian's chromium + chromium-driver.

Environment:
  PUMPURS_PORTAL_URL   the portal (default http://localhost:8087, moved by PUMPURS_PORT_OFFSET)
  PUMPURS_OIDC_ISSUER  the OIDC provider (default http://localhost:9400; `deploy/local/infra env`)
  PUMPURS_CHROMIUM, PUMPURS_CHROMEDRIVER   the binaries (default /usr/bin/chromium, /usr/bin/chromedriver)
  PUMPURS_BROWSER_TIMEOUT  seconds to wait for pages and elements (default 15)
  PUMPURS_BROWSER_LANG  the browser's language, sent as Accept-Language (default lv)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / ".local" / "screenshots"

CHROMIUM = os.environ.get("PUMPURS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PUMPURS_CHROMEDRIVER", "/usr/bin/chromedriver")
TIMEOUT = float(os.environ.get("PUMPURS_BROWSER_TIMEOUT", "15"))
WINDOW = (1280, 900)  # the window; the page's viewport inside it is 1280x757 in headless Chromium 156
LANG = os.environ.get("PUMPURS_BROWSER_LANG", "lv")  # the browser's UI language and Accept-Language

# WCAG 2.0, 2.1 and 2.2, levels A and AA; axe's "best-practice" rules are not run.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# target-size (WCAG 2.2 SC 2.5.8, 24x24 CSS px or enough spacing) is enabled explicitly.
AXE_RULES = {"target-size": {"enabled": True}}


def portal_url() -> str:
    offset = int(os.environ.get("PUMPURS_PORT_OFFSET", "0") or 0)
    return os.environ.get("PUMPURS_PORTAL_URL", f"http://localhost:{8087 + offset}").rstrip("/")


def oidc_issuer() -> str:
    return os.environ.get("PUMPURS_OIDC_ISSUER", f"http://localhost:{os.environ.get('PUMPURS_OIDC_PORT', '9400')}").rstrip("/")


# ---------------------------------------------------------------- the browser

def start_browser() -> WebDriver:
    """Headless Chromium via chromedriver, 1280x900, a fresh profile folder (removed by quit)."""
    profile = tempfile.mkdtemp(prefix="pumpurs-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # the tests run as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--password-store=basic",
        f"--lang={LANG}",
    ):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": LANG})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    log = REPO_ROOT / ".local" / "logs" / "chromedriver.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    service = Service(executable_path=CHROMEDRIVER, log_output=str(log))
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    driver.set_page_load_timeout(TIMEOUT * 2)
    driver.set_script_timeout(TIMEOUT * 2)
    # The window's outer size; the headless viewport is the same.
    driver.set_window_size(*WINDOW)
    original_quit = driver.quit

    def quit_and_clean() -> None:
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit_and_clean  # type: ignore[method-assign]
    return driver


def wait(driver: WebDriver, timeout: float | None = None) -> WebDriverWait:
    return WebDriverWait(driver, TIMEOUT if timeout is None else timeout)


def wait_for_page(driver: WebDriver) -> None:
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def screenshot(driver: WebDriver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


# ---------------------------------------------------------------- accessibility

def run_axe(driver: WebDriver) -> dict:
    """axe-core's full result object for the current page (WCAG 2.x A/AA + target-size)."""
    wait_for_page(driver)
    Axe(driver).inject()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": AXE_RULES, "resultTypes": ["violations"]}
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, e => done({error: String(e)}));",
        options,
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help', '')}")
        lines.extend(f"    {t}" for t in targets)
    return "\n".join(lines)


def check_accessibility(driver: WebDriver, name: str) -> dict:
    """Runs axe on the current page; saves .local/screenshots/<name>.png and <name>.axe.json;
    raises AssertionError listing every violation (rule id, impact, target selectors)."""
    results = run_axe(driver)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot(driver, name)
    (SCREENSHOTS / f"{name}.axe.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    if "error" in results:
        raise AssertionError(f"axe failed on {driver.current_url}: {results['error']}")
    violations = results.get("violations", [])
    if violations:
        raise AssertionError(
            f"{len(violations)} accessibility violation(s) on {driver.current_url} "
            f"(.local/screenshots/{name}.axe.json):\n{format_violations(violations)}"
        )
    return results


# ---------------------------------------------------------------- sign-in

def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def sign_in(driver: WebDriver, portal: str, subject: str) -> str:
    """Signs in through the OIDC provider: the portal's landing page, #sign-in, the provider's
    form (input name="sub"), the subject, "Authorize", back on the portal. Returns the URL."""
    portal = portal.rstrip("/")
    driver.get(portal + "/")
    wait_for_page(driver)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "sign-in"))).click()
    try:
        field = wait(driver).until(EC.visibility_of_element_located((By.NAME, "sub")))
    except TimeoutException as e:
        raise AssertionError(f"no authorization form (input name=sub) after #sign-in; at {driver.current_url}") from e
    field.clear()
    field.send_keys(subject)
    driver.find_element(By.XPATH, "//form//button[normalize-space()='Authorize']").click()
    origin = _origin(portal)
    try:
        wait(driver).until(lambda d: _origin(d.current_url) == origin and "code=" not in urlsplit(d.current_url).query)
    except TimeoutException as e:
        raise AssertionError(f"not back on the portal after authorizing as {subject}; at {driver.current_url}") from e
    wait_for_page(driver)
    return driver.current_url


def sign_out(driver: WebDriver) -> None:
    """Signs out with the portal's button and confirms at the provider (RP-initiated logout asks),
    waiting for each page to be the next one (never reading the page being left)."""
    if not driver.find_elements(By.ID, "sign-out"):
        return
    navigate_by(driver, driver.find_element(By.ID, "sign-out").click)
    buttons = driver.find_elements(By.XPATH, "//button[normalize-space()='End session' or normalize-space()='Beigt sesiju']")
    if buttons:
        navigate_by(driver, buttons[0].click)


# ---------------------------------------------------------------- keyboard

def focused_id(driver: WebDriver) -> str:
    return driver.execute_script("return document.activeElement ? document.activeElement.id : ''") or ""


def press(driver: WebDriver, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def press_tab(driver: WebDriver, backwards: bool = False) -> None:
    if backwards:
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    else:
        press(driver, Keys.TAB)


def press_enter(driver: WebDriver) -> None:
    press(driver, Keys.ENTER)


def press_space(driver: WebDriver) -> None:
    press(driver, Keys.SPACE)


def tab_to(driver: WebDriver, element_id: str, max_presses: int = 40, backwards: bool = False) -> int:
    """Presses Tab (Shift+Tab when backwards) until the element with id element_id has the
    focus; returns how many presses it took; AssertionError after max_presses."""
    seen = []
    for n in range(1, max_presses + 1):
        press_tab(driver, backwards)
        current = focused_id(driver)
        if current == element_id:
            return n
        seen.append(current or driver.execute_script(
            "const e = document.activeElement; return e ? e.tagName.toLowerCase() : '?'"))
    raise AssertionError(f"#{element_id} never got the focus in {max_presses} Tab presses; focus went: {' > '.join(seen)}")


def visible_focus(driver: WebDriver) -> bool:
    """Whether the focused element shows a focus indicator (outline or box-shadow) right now."""
    return bool(driver.execute_script(
        "const e = document.activeElement; if (!e || e === document.body) return false;"
        "const s = getComputedStyle(e);"
        "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';"
    ))


def wait_until(predicate, timeout: float | None = None, interval: float = 0.1, what: str = "condition"):
    """Polls predicate() until it returns a truthy value; AssertionError on timeout."""
    deadline = time.monotonic() + (TIMEOUT if timeout is None else timeout)
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


def navigate_by(driver: WebDriver, action) -> None:
    """Runs action() (a click, Enter) and waits for the next page: the old document is marked
    first, so the wait cannot be satisfied by the page being left."""
    driver.execute_script("document.documentElement.setAttribute('data-leaving', '1')")
    action()
    wait_until(lambda: _left(driver), what="the next page")
    wait_for_page(driver)


def _left(driver: WebDriver) -> bool:
    try:
        return driver.execute_script("return document.readyState === 'complete' && "
                                     "!document.documentElement.hasAttribute('data-leaving')")
    except Exception:  # noqa: BLE001 - mid-navigation the script may fail; try again
        return False
