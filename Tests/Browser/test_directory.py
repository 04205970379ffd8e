"""Issue #20: IKVD's administrator in the directory and the audit log. The administrator registers
a municipality and a school (a missing name refused beside its field), registers the head, links
their sign-in subject, gives the head's role (a role that does not fit the place is refused beside
it) and sees it in the person's history; the head signs in and adds a specialist; the administrator
finds what the head did in the audit log, filtered by the head; finally takes the head's role back
and sees the revocation in the history. Every page passes axe."""
import base64
import json

import browser
from fixtures import admin_token, must
from plan_steps import click, fill, main_text
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ADMIN_SUBJECT = "ikvd-admin@browser.pumpurs.example.lv"


def sign_in_as_admin(driver) -> None:
    """The first administrator (made by deploy/local/run) gets a sign-in subject the local provider accepts."""
    payload = admin_token().split(".")[1]
    person = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]
    must("PUT", f"/directory/people/{person}/sign-in-subject", {"subject": ADMIN_SUBJECT})
    browser.sign_in(driver, browser.portal_url(), ADMIN_SUBJECT)


def choose_text(driver, element_id: str, text: str) -> None:
    Select(driver.find_element(By.ID, element_id)).select_by_visible_text(text)


def test_admin_builds_a_school_and_reads_the_audit(driver):
    import time
    suffix = f"{int(time.time())}"
    # Names early in the alphabet: the choices list the first 200 by name.
    municipality, school = f"Aizkalnes novads {suffix}", f"Aizkalnes pamatskola {suffix}"
    head_subject = f"head.{suffix}@browser.pumpurs.example.lv"
    sign_in_as_admin(driver)
    click(driver, "nav-directory")
    browser.check_accessibility(driver, "directory-01-people")

    # A municipality: a missing name is refused beside the field, then registered.
    click(driver, "directory-municipalities")
    choose_text(driver, "region", "Latgale")
    click(driver, "add-place")
    assert driver.find_elements(By.CSS_SELECTOR, "#name-field .message-error"), main_text(driver)
    browser.check_accessibility(driver, "directory-02-municipality-refused")
    fill(driver, "name", municipality)
    choose_text(driver, "region", "Latgale")
    click(driver, "add-place")
    assert "notice=place_added" in driver.current_url, main_text(driver)

    click(driver, "directory-institutions")
    fill(driver, "name", school)
    choose_text(driver, "kind", "Vispārējā izglītība")
    choose_text(driver, "founder", "Pašvaldība")
    choose_text(driver, "municipalityId", municipality)
    click(driver, "add-place")
    assert "notice=place_added" in driver.current_url, main_text(driver)
    browser.check_accessibility(driver, "directory-03-institutions")

    # The head: registered without a subject, which is linked afterwards on their page.
    click(driver, "directory-people")
    fill(driver, "name", "Anita Vadītāja")
    fill(driver, "email", head_subject)
    click(driver, "add-person")
    assert "notice=person_added" in driver.current_url, main_text(driver)
    assert driver.find_element(By.ID, "no-assignments").is_displayed()
    choose_text(driver, "role", "Pašvaldības koordinators")
    choose_text(driver, "scope", f"Iestāde: {school}")
    click(driver, "assign-role")
    assert driver.find_elements(By.CSS_SELECTOR, "#role-field .message-error"), main_text(driver)
    browser.check_accessibility(driver, "directory-04-role-refused")
    choose_text(driver, "role", "Iestādes vadītājs")
    choose_text(driver, "scope", f"Iestāde: {school}")
    click(driver, "assign-role")
    assert "notice=role_assigned" in driver.current_url, main_text(driver)
    history = driver.find_element(By.ID, "assignments").text
    assert "Iestādes vadītājs" in history and school in history and "Spēkā" in history, history
    fill(driver, "subject", head_subject)
    click(driver, "link-subject")
    assert "notice=subject_linked" in driver.current_url, main_text(driver)
    assert driver.find_element(By.ID, "subject").get_attribute("value") == ""
    browser.check_accessibility(driver, "directory-05-person")
    head_page = driver.current_url.split("?")[0]
    browser.sign_out(driver)

    # The head signs in and adds a specialist to the school.
    browser.sign_in(driver, browser.portal_url(), head_subject)
    click(driver, "nav-people")
    fill(driver, "name", "Pēteris Speciālists")
    fill(driver, "email", f"specialist.{suffix}@browser.pumpurs.example.lv")
    Select(driver.find_element(By.ID, "role")).select_by_value("specialist")
    click(driver, "add-person")
    assert "notice=person_added" in driver.current_url, main_text(driver)
    browser.sign_out(driver)

    # The administrator finds it in the audit log, filtered by the head.
    sign_in_as_admin(driver)
    click(driver, "nav-audit")
    browser.check_accessibility(driver, "directory-06-audit")
    fill(driver, "from", "2026-13-01")
    click(driver, "filter-audit")
    assert driver.find_elements(By.CSS_SELECTOR, "#from-field .message-error"), main_text(driver)
    fill(driver, "from", "")
    choose_text(driver, "person", "Anita Vadītāja")
    click(driver, "filter-audit")
    rows = driver.find_element(By.ID, "audit-rows").text
    assert "directory.person_register" in rows and "directory.role_assign" in rows, rows
    assert "IKVD administrators" not in rows, "only the head's rows"
    assert not driver.find_elements(By.ID, "audit-silent"), "every service answered"
    browser.check_accessibility(driver, "directory-07-audit-filtered")

    # The head's role taken back: the history keeps it, marked revoked, by whom.
    driver.get(head_page)
    browser.wait_for_page(driver)
    link = driver.find_element(By.CSS_SELECTOR, "#assignments a.revoke-link")
    click(driver, link.get_attribute("id"))
    assert "nākamo klikšķi" in driver.find_element(By.ID, "revoke-effects").text
    click(driver, "confirm-revoke")
    assert "notice=role_revoked" in driver.current_url, main_text(driver)
    history = driver.find_element(By.ID, "assignments").text
    assert "Spēkā" not in history and "Iestādes vadītājs" in history, history
    browser.check_accessibility(driver, "directory-08-revoked")
