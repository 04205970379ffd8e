"""Issue #20: the work-record and payout-batch emails open their pages. A specialist's month is
submitted (the coordinator's "submitted" email), another month is returned (the specialist's
"returned" email), finance makes the month's batch (finance's "batch ready" email); each link is
followed signed out, as its recipient, through sign-in, to the record or the batch. The plan
emails are followed in test_email_links.py."""
import browser
from finance_data import APPROVAL, PAYOUTS, TIMESHEETS, ApprovedMonth, send
from fixtures import mint
from mails import follow, link_in, mail_to
from plan_steps import main_text
from selenium.webdriver.common.by import By


def ok(step: str, reply: tuple[int, dict], *codes: int) -> dict:
    status, answer = reply
    assert status in codes, f"{step}: {status} {answer}"
    return answer


def test_work_record_and_batch_emails_open_their_pages(driver):
    month = ApprovedMonth()
    school = month.school
    coordinator = school.people["coordinator_school"]
    specialist = month.specialist
    scope = f"institution:{school.institution_id}"

    # worklog_submitted → the school's coordinator, to the record they approved.
    submitted = link_in(mail_to(coordinator["subject"], "gaida apstiprinājumu"))
    assert submitted.endswith(f"/worklogs/{month.work_log}"), submitted
    follow(driver, submitted, coordinator["subject"])
    assert driver.find_element(By.ID, "record-facts").is_displayed(), main_text(driver)
    browser.check_accessibility(driver, "email-work-01-submitted-coordinator")

    # worklog_returned → the specialist, to the record with the coordinator's comment.
    as_specialist = mint(specialist["id"], "specialist", scope)
    as_coordinator = mint(coordinator["id"], "institution_coordinator", scope)
    summary = ok("summary", send(f"{APPROVAL}/approvals/plans/{month.plan_id}", "GET", as_coordinator), 200)
    teacher = next(m["measureId"] for m in summary["measures"] if "teacher" in (m.get("providers") or []))
    entry = ok("entry", send(TIMESHEETS + "/timesheets/entries", "POST", as_specialist, {
        "planId": month.plan_id, "measureId": teacher.lower(), "workDate": "2022-11-15", "minutes": 45,
        "providerType": "teacher", "subject": "matemātika", "remote": False}), 201)
    work_log = entry["entry"]["workLogId"].lower()
    ok("submit", send(f"{TIMESHEETS}/timesheets/worklogs/{work_log}/submit", "POST", as_specialist, b"{}"), 200)
    ok("return", send(f"{TIMESHEETS}/timesheets/worklogs/{work_log}/return", "POST", as_coordinator,
                      {"comment": "Norādiet tēmu katrai nodarbībai."}), 200)
    returned = link_in(mail_to(specialist["subject"], "atgriezta"))
    assert returned.endswith(f"/worklogs/{work_log}"), returned
    follow(driver, returned, specialist["subject"])
    assert "Norādiet tēmu katrai nodarbībai." in driver.find_element(By.ID, "return-comment").text, main_text(driver)
    browser.check_accessibility(driver, "email-work-02-returned-specialist")

    # payout_batch_ready → finance, to the batch.
    as_finance = mint(month.finance["id"], "finance", "national")
    batch = ok("batch", send(PAYOUTS + "/finance/batches", "POST", as_finance, {"period": month.month}), 201)
    link = link_in(mail_to(month.finance["subject"], "Izmaksu pakete"))
    assert link.endswith(f"/finance/batches/{batch['batchId'].lower()}"), (link, batch)
    follow(driver, link, month.finance["subject"])
    assert driver.find_element(By.ID, "batch-count").text == str(batch["count"]), main_text(driver)
    browser.check_accessibility(driver, "email-work-03-batch-finance")
    browser.sign_out(driver)
