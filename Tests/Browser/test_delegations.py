"""Issue #20: the head delegates approval rights to a colleague for a date window, sees it listed
(refused beside the field first when the window is too long), and revokes it through a confirmation
page; a substitute decides for the head through the head's queue."""
import datetime

import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from approval_steps import approval, submitted_plan, text_of
from selenium.webdriver.common.by import By


def test_head_delegates_and_revokes(driver):
    school = School()
    colleague = school.person("coordinator", "Marta Liepiņa", "institution_coordinator")
    browser.sign_in(driver, browser.portal_url(), school.people["head"]["subject"])
    click(driver, "nav-delegations")
    browser.check_accessibility(driver, "delegations-01-empty")
    today = datetime.date.today()
    choose(driver, "delegateId", colleague["id"].lower())
    fill(driver, "validFrom", today.isoformat())
    fill(driver, "validUntil", (today + datetime.timedelta(days=200)).isoformat())
    click(driver, "create-delegation")
    messages = driver.find_elements(By.CSS_SELECTOR, "#validUntil-field .message-error")
    assert messages and "92" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "delegations-02-refused")
    fill(driver, "validUntil", (today + datetime.timedelta(days=7)).isoformat())
    click(driver, "create-delegation")
    assert "notice=delegation_created" in driver.current_url, main_text(driver)
    table = text_of(driver, "delegations")
    assert "Marta Liepiņa" in table and "spēkā" in table, table
    browser.check_accessibility(driver, "delegations-03-listed")
    revoke = driver.find_element(By.CSS_SELECTOR, "a[id^='revoke-']")
    revoke.click()
    browser.wait_for_page(driver)
    assert "Marta Liepiņa" in text_of(driver, "consequences"), main_text(driver)
    browser.check_accessibility(driver, "delegations-04-confirm-revoke")
    click(driver, "confirm-revoke")
    assert "notice=delegation_revoked" in driver.current_url, main_text(driver)
    assert "atsaukts" in text_of(driver, "delegations")


def test_substitute_decides_for_the_head(driver):
    """The head's substitute (the school's coordinator, who decides nothing in their own role) opens
    the head's queue from the delegation they received, approves a plan on the head's behalf through
    the confirmation page, and the trail records that they acted for the head."""
    school = School()
    deputy = school.person("coordinator", "Marta Liepiņa", "institution_coordinator")
    plan_id = submitted_plan(school)
    today = datetime.date.today()
    status, answer = approval("POST", "/approvals/delegations", school.head_token(),
                              {"delegateId": deputy["id"], "validFrom": today.isoformat(),
                               "validUntil": (today + datetime.timedelta(days=7)).isoformat()})
    assert status == 201, answer

    browser.sign_in(driver, browser.portal_url(), deputy["subject"])
    click(driver, "nav-delegations")
    driver.find_element(By.CSS_SELECTOR, "a[id^='act-']").click()
    browser.wait_for_page(driver)
    assert "Jānis Bērziņš" in text_of(driver, "acting-banner"), main_text(driver)
    browser.check_accessibility(driver, "delegations-05-substitute-queue")
    click(driver, f"open-{plan_id}")
    click(driver, "decide-approve")
    assert "Jānis Bērziņš" in text_of(driver, "acting-banner"), main_text(driver)
    browser.check_accessibility(driver, "delegations-06-substitute-confirms")
    click(driver, "confirm-decision")
    assert "notice=decision_approve" in driver.current_url and "actingFor=" in driver.current_url, main_text(driver)
    assert not driver.find_elements(By.ID, f"open-{plan_id}"), "the plan left the head's queue"
    driver.get(browser.portal_url() + f"/plans/{plan_id}")
    browser.wait_for_page(driver)
    trail = text_of(driver, "trail")
    assert "Marta Liepiņa" in trail and "Jānis Bērziņš aizstājējs" in trail, trail
