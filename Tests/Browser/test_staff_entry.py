"""Issue #20, the coordinator writes down a staff member's session on the staff page (the entries
API's `personId`): without a staff member it is refused beside that field; with one, the session
lands in that person's work record for the month, listed on the page and on the record's own page
as written down by the coordinator. Axe-clean."""
import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By
from work_steps import open_plan, work_days


def test_coordinator_writes_down_a_session(driver):
    school = School()
    school.head_token()
    specialist = school.person("specialist", "Mārtiņš Egle", "specialist")
    coordinator = school.person("coordinator_school", "Dace Kalna", "institution_coordinator")
    plan = open_plan(school, teacher_minutes=600)
    day = work_days(1)[0]
    portal = browser.portal_url()

    browser.sign_in(driver, portal, coordinator["subject"])
    click(driver, "nav-staff")
    choose(driver, "planId", f"{plan['planId'].lower()}|{plan['measureId']}")
    fill(driver, "workDate", day)
    fill(driver, "minutes", "45")
    choose(driver, "providerType", "teacher")
    fill(driver, "subject", "matemātika")
    choose(driver, "remote", "no")
    click(driver, "save-staff-entry")
    messages = driver.find_elements(By.CSS_SELECTOR, "#entry-person-field .message-error")
    assert messages and "darbinieku" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "staff-entry-01-refused")

    choose(driver, "entry-person", specialist["id"].lower())
    click(driver, "save-staff-entry")
    assert "notice=staff_entry_saved" in driver.current_url, main_text(driver)
    records = driver.find_element(By.ID, "worklogs").text
    assert "Mārtiņš Egle" in records and "0,75" in records, records
    browser.check_accessibility(driver, "staff-entry-02-saved")
    link = driver.find_element(By.CSS_SELECTOR, "#worklogs a[href^='/worklogs/']")
    browser.navigate_by(driver, link.click)
    assert "ierakstījis koordinators" in driver.find_element(By.ID, "record-entries").text, main_text(driver)
