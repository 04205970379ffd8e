"""Issue #20: every email opens the portal page it speaks of. One plan's journey sends each plan
email in turn; the test reads each from the SMTP sink, follows its link signed out as its
recipient, and checks the page it lands on (after sign-in, straight there). A link opened by
someone without the right lands on a polite refusal inside the portal, not an error.

Reminders, escalations and the daily digest need time to pass: the test moves the plan's waiting
start back eleven days in approval routing's table (the one clock shift it makes), and
deploy/local/test starts the system with short sweep timers and the digest due from 00:00 UTC
(PUMPURS_APPROVAL_SWEEP_SECONDS=2 PUMPURS_DIGEST_HOUR_UTC=0 PUMPURS_DIGEST_SWEEP_SECONDS=2).
The work-record and payout-batch emails are followed in test_email_links_work.py."""
import os
import subprocess

import browser
from fixtures import School, decide, http, mint, service_url
from mails import follow, link_in, mail_to
from plan_steps import click, main_text, write_submittable_plan
from selenium.webdriver.common.by import By

NOTIFICATIONS = service_url("NOTIFICATIONS", 8085)


def choose_daily_digest(token: str) -> None:
    status, answer = http("PUT", NOTIFICATIONS + "/notifications/preferences", token, {"dailyDigest": True})
    assert status in (200, 204), (status, answer)


def wait_longer(plan_id: str, days: int) -> None:
    """The plan has waited `days` days at its level (approval routing's own table, as a clock would)."""
    sql = (f"UPDATE approval.approval_plans SET awaiting_since = now() - interval '{days} days' "
           f"WHERE plan_id = '{plan_id}' AND awaiting_since IS NOT NULL")
    out = subprocess.run(["psql", os.environ["PUMPURS_DATABASE_ADMIN_URL"], "-X", "-q", "-t", "-c", sql + " RETURNING 1"],
                         check=True, capture_output=True, text=True).stdout
    assert "1" in out, f"plan {plan_id} is not waiting at any level"


def lands_on_plan(driver, plan_id: str, screenshot: str) -> None:
    assert driver.current_url.split("?")[0].endswith(f"/plans/{plan_id}"), driver.current_url
    assert driver.find_element(By.ID, "plan-status").is_displayed(), main_text(driver)
    browser.check_accessibility(driver, screenshot)


def test_each_plan_email_opens_its_page(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    school.head_token()
    head = school.people["head"]
    coordinator = school.partner("coordinator", "Līga Ozoliņa", "municipality_coordinator",
                                 {"kind": "municipality", "id": school.municipality_id})
    expert = school.partner("expert", "Inese Liepa", "ikvd_expert", {"kind": "national"})
    expert_token = mint(expert["id"], "ikvd_expert", "national")
    choose_daily_digest(expert_token)
    stranger = School().person("preparer", "Zane Upīte", "preparer")

    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    plan_id, _ = write_submittable_plan(driver)
    code = driver.find_element(By.ID, "student-code").text

    # approval_awaiting → the head decides on the plan's page.
    awaiting = link_in(mail_to(head["subject"], code))
    follow(driver, awaiting, head["subject"])
    lands_on_plan(driver, plan_id, "email-01-awaiting-head")
    assert driver.find_element(By.ID, "decide-approve").is_displayed(), "the head can decide where the email led"

    # The same link, opened by a preparer of another school: a polite refusal in the portal.
    follow_refused(driver, awaiting, stranger["subject"])

    # returned → the preparer sees the comment and submits again.
    decide(plan_id, "return", school.head_token(), "Papildiniet situācijas aprakstu.")
    follow(driver, link_in(mail_to(preparer["subject"], "atgriezts")), preparer["subject"])
    lands_on_plan(driver, plan_id, "email-02-returned-preparer")
    assert "Papildiniet situācijas aprakstu." in main_text(driver)
    click(driver, "submit-plan")

    # The head approves; the plan waits at the municipality for eleven days: reminder and escalation.
    decide(plan_id, "approve", school.head_token())
    mail_to(coordinator["subject"], code)
    wait_longer(plan_id, 11)
    follow(driver, link_in(mail_to(coordinator["subject"], "Atgādinājums")), coordinator["subject"])
    lands_on_plan(driver, plan_id, "email-03-reminder-coordinator")
    assert driver.find_element(By.ID, "decide-approve").is_displayed()
    follow(driver, link_in(mail_to(expert["subject"], "Eskalācija")), expert["subject"])
    lands_on_plan(driver, plan_id, "email-04-escalation-expert")

    # The municipality approves; IKVD's expert chose the daily digest: one email opening the queue.
    decide(plan_id, "approve", mint(coordinator["id"], "municipality_coordinator", f"municipality:{school.municipality_id}"))
    digest = link_in(mail_to(expert["subject"], "Jūsu saskaņojumu gaida"))
    follow(driver, digest, expert["subject"])
    assert driver.find_element(By.ID, f"open-{plan_id}").is_displayed(), main_text(driver)
    browser.check_accessibility(driver, "email-05-digest-queue")

    # approved → the preparer; then the head asks for a review → the preparer again.
    decide(plan_id, "approve", expert_token)
    follow(driver, link_in(mail_to(preparer["subject"], "apstiprināts")), preparer["subject"])
    lands_on_plan(driver, plan_id, "email-06-approved-preparer")
    decide(plan_id, "review", school.head_token(), "Mainījies skolēna transporta maršruts.")
    follow(driver, link_in(mail_to(preparer["subject"], "jāpārskata")), preparer["subject"])
    lands_on_plan(driver, plan_id, "email-07-review-preparer")
    browser.sign_out(driver)


def follow_refused(driver, link: str, subject: str) -> None:
    """`link` opened by `subject`, who may not see it: the portal's own refusal, with the way back."""
    browser.sign_out(driver)
    driver.get(link)
    browser.wait_for_page(driver)
    driver.find_element(By.ID, "sign-in").click()
    field = browser.wait(driver).until(lambda d: d.find_element(By.NAME, "sub"))
    field.send_keys(subject)
    driver.find_element(By.XPATH, "//form//button[normalize-space()='Authorize']").click()
    browser.wait_until(lambda: driver.find_elements(By.ID, "message-text"), what="the refusal page")
    browser.wait_for_page(driver)
    text = main_text(driver)
    assert driver.find_element(By.ID, "role-note").is_displayed() and "IAP sagatavotājs" in text, text
    assert driver.find_element(By.ID, "go-home").is_displayed(), text
    assert "problem" not in driver.page_source and "urn:pumpurs" not in driver.page_source
    browser.check_accessibility(driver, "email-refused-stranger")
