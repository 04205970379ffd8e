"""Issue #20, a work record's own page in the browser: the institution coordinator opens a submitted
month from the staff page (the link the "submitted" email carries is the same `/worklogs/<id>`),
is refused beside the comment when returning without one, approves it; returns another with a
comment, which its author then sees on the record and on "my month"; someone else's record is a
polite refusal. Every page passes axe."""
import browser
from fixtures import School
from plan_steps import click, fill, main_text
from selenium.webdriver.common.by import By
from work_steps import open_plan, record, submit, work_days



def test_coordinator_approves_and_returns_records(driver):
    school = School()
    school.head_token()
    school.person("specialist", "Mārtiņš Egle", "specialist")
    author = school.person("specialist_two", "Anna Liepiņa", "specialist")
    coordinator = school.person("coordinator_school", "Dace Kalna", "institution_coordinator")
    plan = open_plan(school, teacher_minutes=600)
    day = work_days(1)[0]
    month = day[:7]
    first = record(school, "specialist", plan, day, 45)["entry"]["workLogId"].lower()
    second = record(school, "specialist_two", plan, day, 40, subject="fizika")["entry"]["workLogId"].lower()
    submit(school, "specialist", first)
    submit(school, "specialist_two", second)
    portal = browser.portal_url()

    browser.sign_in(driver, portal, coordinator["subject"])
    driver.get(f"{portal}/staff?month={month}")
    browser.wait_for_page(driver)
    click(driver, f"open-{first}")
    assert driver.current_url.endswith(f"/worklogs/{first}"), driver.current_url
    assert "iesniegta" in driver.find_element(By.ID, "record-state").text
    assert plan["studentCode"] in driver.find_element(By.ID, "record-entries").text
    assert "Mārtiņš Egle" in driver.find_element(By.TAG_NAME, "h1").text
    browser.check_accessibility(driver, "worklog-01-submitted")

    # Returning needs a comment: refused beside the field, in Latvian.
    click(driver, "return-record")
    messages = driver.find_elements(By.CSS_SELECTOR, "#comment-field .message-error")
    assert messages and "obligāts" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "worklog-02-return-refused")
    browser.tab_to(driver, "approve-record")
    assert browser.visible_focus(driver)
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    assert "notice=worklog_approve" in driver.current_url, main_text(driver)
    assert "apstiprināta" in driver.find_element(By.ID, "record-state").text
    assert not driver.find_elements(By.ID, "approve-record")
    assert "apstiprināta" in driver.find_element(By.ID, "record-history").text

    # The address the email carries opens the record straight away.
    driver.get(f"{portal}/worklogs/{second}")
    browser.wait_for_page(driver)
    fill(driver, "comment", "Lūdzu, pārbaudiet minūtes 3. nodarbībā.")
    click(driver, "return-record")
    assert "notice=worklog_return" in driver.current_url, main_text(driver)
    assert "atgriezta" in driver.find_element(By.ID, "record-state").text
    browser.sign_out(driver)

    # Its author sees why, and is led to "my month" to fix it.
    browser.sign_in(driver, portal, author["subject"])
    driver.get(f"{portal}/worklogs/{second}")
    browser.wait_for_page(driver)
    assert "pārbaudiet minūtes" in driver.find_element(By.ID, "return-comment").text
    browser.check_accessibility(driver, "worklog-03-returned-author")
    click(driver, "fix-in-month")
    assert "pārbaudiet minūtes" in driver.find_element(By.ID, "return-comment").text
    assert driver.find_elements(By.ID, "submit-month"), main_text(driver)

    # Someone else's record: a polite page, not an error.
    driver.get(f"{portal}/worklogs/{first}")
    browser.wait_for_page(driver)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading and "Darba uzskaite" not in heading, heading
    browser.check_accessibility(driver, "worklog-04-not-yours")
