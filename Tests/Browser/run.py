#!/usr/bin/env python3
"""Runs the browser tests: every test_* function of every Tests/Browser/test_*.py, each with a
fresh headless Chromium (passed as its one argument), in file and definition order.

usage: python3 Tests/Browser/run.py [-k SUBSTRING] [FILE...]

Prints "PASS name (seconds)" / "FAIL name (seconds)" with the failure; on a failure the page is
saved to .local/screenshots/<name>.failure.png. Exit 0 when all pass, 1 on any failure, 5 when no
test was found. Environment: PUMPURS_PORTAL_URL (default http://localhost:8087),
PUMPURS_OIDC_ISSUER (default http://localhost:9400); see browser.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import sys
import time
import traceback
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import browser  # noqa: E402


def discover(files: list[str], keyword: str | None) -> list[tuple[str, object]]:
    paths = [Path(f).resolve() for f in files] if files else sorted(HERE.glob("test_*.py"))
    tests = []
    for path in paths:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        functions = [
            f for name, f in vars(module).items()
            if name.startswith("test_") and inspect.isfunction(f) and f.__module__ == module.__name__
        ]
        functions.sort(key=lambda f: f.__code__.co_firstlineno)
        for f in functions:
            name = f"{path.stem}.{f.__name__}"
            if keyword is None or keyword in name:
                tests.append((name, f))
    return tests


def reachable(url: str) -> str | None:
    """None when something answers HTTP at url (any status), else the error."""
    try:
        urllib.request.urlopen(url, timeout=5).close()
        return None
    except urllib.error.HTTPError:
        return None
    except Exception as e:  # noqa: BLE001
        return str(e)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-k", dest="keyword", help="only tests whose module.function name contains this")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    tests = discover(args.files, args.keyword)
    if not tests:
        print("no browser tests found (Tests/Browser/test_*.py, functions test_*)")
        return 5
    print(f"portal {browser.portal_url()}   OIDC issuer {browser.oidc_issuer()}   {len(tests)} test(s)")
    for what, url in (("portal", browser.portal_url() + "/"),
                      ("OIDC provider", browser.oidc_issuer() + "/.well-known/openid-configuration")):
        error = reachable(url)
        if error:
            print(f"warning: the {what} does not answer at {url}: {error}", file=sys.stderr)

    failed = []
    for name, test in tests:
        t0 = time.monotonic()
        driver = None
        error = None
        try:
            driver = browser.start_browser()
            test(driver)
        except BaseException as e:  # noqa: BLE001 - report and go on (KeyboardInterrupt stops)
            if isinstance(e, KeyboardInterrupt):
                raise
            error = traceback.format_exc()
            if driver is not None:
                try:
                    browser.screenshot(driver, f"{name}.failure")
                except Exception:  # noqa: BLE001
                    pass
        finally:
            if driver is not None:
                try:
                    driver.quit()
                except Exception:  # noqa: BLE001
                    pass
        seconds = time.monotonic() - t0
        if error is None:
            print(f"PASS {name} ({seconds:.1f} s)", flush=True)
        else:
            failed.append(name)
            print(f"FAIL {name} ({seconds:.1f} s)", flush=True)
            print("    " + error.rstrip().replace("\n", "\n    "), flush=True)

    print(f"{len(tests) - len(failed)} passed, {len(failed)} failed" + (f": {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
