"""After submitting (issue #18): the email's link opens the plan in the portal after sign-in; the
plan is copied to the next semester; after approval the preparer writes the implementation report
and the head confirms it; the English switch works on every page it visits."""
import re
import time

import browser
from fixtures import School
from mails import mail_to
from plan_steps import choose, click, fill, main_text, write_submittable_plan
from selenium.webdriver.common.by import By


def test_email_link_copy_forward_report_and_english(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    head = school.people["head"] if "head" in school.people else None
    school.head_token()
    head = school.people["head"]
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    plan_id, _ = write_submittable_plan(driver)

    # Copy forward to the next semester: a new draft with the same student code.
    student = driver.find_element(By.ID, "student-code").text
    fill(driver, "semester", "2022/2023-2")
    click(driver, "copy-forward")
    assert "notice=copied" in driver.current_url, main_text(driver)
    assert driver.find_element(By.ID, "student-code").text == student
    assert driver.find_element(By.ID, "plan-semester").text == "2022/2023-2"
    browser.check_accessibility(driver, "after-01-copied-forward")

    # The head's email links to the plan's page in the portal; signed out, the link leads through sign-in to it.
    message = mail_to(head["subject"])
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"(https?://\S+/plans/[0-9a-f-]{36})", body).group(1)
    assert link.startswith(browser.portal_url()), link
    browser.sign_out(driver)
    driver.get(link)
    browser.wait_for_page(driver)
    driver.find_element(By.ID, "sign-in").click()
    field = browser.wait(driver).until(lambda d: d.find_element(By.NAME, "sub"))
    field.send_keys(head["subject"])
    driver.find_element(By.XPATH, "//form//button[normalize-space()='Authorize']").click()
    browser.wait_until(lambda: f"/plans/{plan_id}" in driver.current_url, what="the plan's page after sign-in")
    browser.wait_for_page(driver)
    assert driver.find_element(By.ID, "plan-status")
    browser.check_accessibility(driver, "after-02-head-from-email")
    browser.sign_out(driver)

    # Approved all the way; the preparer writes the report, in English this time.
    school.approve_all_the_way(plan_id)
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    click(driver, "lang-switch")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "My plans" in driver.find_element(By.TAG_NAME, "h1").text
    browser.check_accessibility(driver, "after-03-english-my-plans")
    deadline = time.monotonic() + 30
    while True:
        driver.get(f"{browser.portal_url()}/plans/{plan_id}/report")
        browser.wait_for_page(driver)
        if driver.find_elements(By.ID, "save-report") or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert driver.find_elements(By.ID, "save-report"), main_text(driver)
    browser.check_accessibility(driver, "after-04-report-empty")
    click(driver, "submit-report")
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "an empty report is refused with the reasons"
    browser.check_accessibility(driver, "after-05-report-refused")
    fill(driver, "risks-0-done", "Matemātikas konsultācijas reizi nedēļā visu semestri.")
    choose(driver, "risks-0-outcome", "reduced")
    fill(driver, "risks-0-comment", "Vērtējums pieauga no 3 uz 5.")
    fill(driver, "summary", "Kopumā sekmīgi.")
    click(driver, "submit-report")
    assert "notice=report_submitted" in driver.current_url, main_text(driver)
    browser.check_accessibility(driver, "after-06-report-submitted")
    click(driver, "lang-switch")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "lv"
    browser.sign_out(driver)

    browser.sign_in(driver, browser.portal_url(), head["subject"])
    driver.get(f"{browser.portal_url()}/plans/{plan_id}/report")
    browser.wait_for_page(driver)
    click(driver, "confirm-report")
    assert "notice=report_confirmed" in driver.current_url, main_text(driver)
    browser.check_accessibility(driver, "after-07-report-confirmed")
