"""The SMTP sink's mails as their recipients read them (Python's own email parser, independent of
the code under test), and following an email's link in the browser the way its recipient would:
signed out, through the portal's sign-in, straight to the page."""
import email
import re
import time
from email import policy
from email.message import EmailMessage

import browser
from fixtures import ROOT
from selenium.webdriver.common.by import By


def mail_to(address: str, subject: str = "", timeout: float = 30) -> EmailMessage:
    """The first mail to `address` whose subject contains `subject` (waits for it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted((ROOT / ".local/mail").glob("*.eml")):
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                continue
            if address.encode() not in raw:
                continue
            # The sink writes X-Envelope lines first, then the message.
            message = email.message_from_bytes(raw, policy=policy.default)
            if address in str(message.get("To", "")) and subject in str(message.get("Subject", "")):
                return message
        time.sleep(0.5)
    raise AssertionError(f"no mail to {address} with {subject!r} in its subject within {timeout:.0f} s")


def link_in(message: EmailMessage) -> str:
    """The one portal link of a mail (its plain-text part), checked against the portal's address."""
    body = message.get_body(preferencelist=("plain",)).get_content()
    links = re.findall(r"https?://\S+", body)
    assert len(links) == 1, f"one link expected in {message['Subject']!r}: {links}"
    assert links[0].startswith(browser.portal_url() + "/"), links[0]
    return links[0]



def follow(driver, link: str, subject: str) -> None:
    """Opens `link` signed out, signs in as `subject` from the page it shows, and waits until the
    portal has brought the person back to the link's own path."""
    browser.sign_out(driver)
    driver.get(link)
    browser.wait_for_page(driver)
    driver.find_element(By.ID, "sign-in").click()
    field = browser.wait(driver).until(lambda d: d.find_element(By.NAME, "sub"))
    field.send_keys(subject)
    driver.find_element(By.XPATH, "//form//button[normalize-space()='Authorize']").click()
    path = "/" + link.split("/", 3)[3]
    browser.wait_until(lambda: driver.current_url.startswith(browser.portal_url() + path), what=f"{path} after sign-in")
    browser.wait_for_page(driver)
