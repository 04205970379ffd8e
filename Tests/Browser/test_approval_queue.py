"""Issue #20, first part: the institution head's day in the browser. A submitted plan waits in the
head's queue (oldest first, consent shown); returning it without a comment is refused beside the
comment field of its confirmation page; approving it moves it on; every page passes axe."""
import browser
from fixtures import School
from plan_steps import click, fill, main_text, write_submittable_plan
from selenium.webdriver.common.by import By


def test_head_approves_from_the_queue(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    school.head_token()
    head = school.people["head"]
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    plan_id, _ = write_submittable_plan(driver)
    browser.sign_out(driver)

    browser.sign_in(driver, browser.portal_url(), head["subject"])
    click(driver, "nav-queue")
    browser.wait_until(lambda: driver.find_elements(By.ID, f"open-{plan_id}") or driver.refresh(), what="the plan in the head's queue")
    browser.check_accessibility(driver, "queue-01-waiting")
    click(driver, f"open-{plan_id}")

    # Returning needs a comment: refused beside the field on its confirmation page, in Latvian.
    click(driver, "decide-return")
    click(driver, "confirm-decision")
    messages = driver.find_elements(By.CSS_SELECTOR, "#comment-field .message-error")
    assert messages and "labo" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "queue-02-return-refused")

    click(driver, "cancel-decision")
    click(driver, "decide-approve")
    fill(driver, "comment", "Labi sagatavots.")
    click(driver, "confirm-decision")
    assert "notice=decision_approve" in driver.current_url, main_text(driver)
    assert not driver.find_elements(By.ID, f"open-{plan_id}"), "the plan left the head's queue"
