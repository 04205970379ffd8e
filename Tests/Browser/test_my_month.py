"""Issue #20, the specialist's month in the browser: on "Mans mēnesis" the specialist records two
sessions on an approved plan (an entry over the planned hours is refused beside the minutes, in
Latvian), sees the totals against the plan and the warning that its hours are running out,
withdraws a mistaken entry, and submits the month; every page passes axe and the entry form works
from the keyboard."""
import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By
from work_steps import open_plan, work_days


def test_specialist_records_and_submits_the_month(driver):
    school = School()
    school.head_token()
    specialist = school.person("specialist", "Mārtiņš Egle", "specialist")
    plan = open_plan(school, teacher_minutes=120)
    days = work_days(2)
    month = days[0][:7]
    target = f"{plan['planId'].lower()}|{plan['measureId']}"
    portal = browser.portal_url()

    browser.sign_in(driver, portal, specialist["subject"])
    click(driver, "nav-my-month")
    if month not in driver.find_element(By.TAG_NAME, "h1").text:
        driver.get(f"{portal}/my-month?month={month}")
        browser.wait_for_page(driver)
    assert driver.find_element(By.ID, "no-entries").is_displayed()
    assert plan["studentCode"] in driver.find_element(By.ID, "totals").text
    browser.check_accessibility(driver, "month-01-empty")

    # More than the plan's 2 hours: refused beside the minutes, in the person's words; nothing saved.
    choose(driver, "planId", target)
    fill(driver, "workDate", days[1])
    fill(driver, "minutes", "200")
    choose(driver, "providerType", "teacher")
    fill(driver, "subject", "matemātika")
    choose(driver, "remote", "no")
    click(driver, "save-entry")
    messages = driver.find_elements(By.CSS_SELECTOR, "#minutes-field .message-error")
    assert messages and "pārsniegtu" in messages[0].text, main_text(driver)
    assert driver.find_element(By.ID, "error-summary").is_displayed()
    browser.check_accessibility(driver, "month-02-refused")

    # Two sessions, the second typed from the keyboard alone.
    fill(driver, "minutes", "50")
    click(driver, "save-entry")
    assert "notice=entry_saved" in driver.current_url, main_text(driver)
    browser.tab_to(driver, "planId")
    choose(driver, "planId", target)
    fill(driver, "workDate", days[0])
    fill(driver, "minutes", "50")
    choose(driver, "providerType", "teacher")
    fill(driver, "subject", "matemātika")
    choose(driver, "remote", "yes")
    browser.tab_to(driver, "save-entry")
    assert browser.visible_focus(driver)
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    assert "notice=entry_saved" in driver.current_url, main_text(driver)

    # The totals against the plan (100 of 120 minutes) and the warning before it becomes a refusal.
    totals = driver.find_element(By.ID, "totals").text
    assert "1,67" in totals and "0,33" in totals, totals
    warnings = driver.find_element(By.ID, "month-warnings").text
    assert plan["studentCode"] in warnings and "atlikušas tikai" in warnings, warnings
    entries = driver.find_elements(By.CSS_SELECTOR, "#entries tbody tr")
    assert len(entries) == 2, driver.find_element(By.ID, "entries").text
    browser.check_accessibility(driver, "month-03-two-sessions")

    # A mistaken third entry is withdrawn: it stays listed, flagged, and no longer counts.
    choose(driver, "planId", target)
    fill(driver, "workDate", days[0])
    fill(driver, "minutes", "10")
    choose(driver, "providerType", "teacher")
    fill(driver, "subject", "matemātika")
    choose(driver, "remote", "no")
    click(driver, "save-entry")
    assert "1,83" in driver.find_element(By.ID, "totals").text
    third = [b for b in driver.find_elements(By.CSS_SELECTOR, "#entries button[id^='withdraw-']") if "10 min" in b.get_attribute("aria-label")]
    assert third, driver.find_element(By.ID, "entries").text
    click(driver, third[0].get_attribute("id"))
    assert "notice=entry_withdrawn" in driver.current_url, main_text(driver)
    assert "atsaukts" in driver.find_element(By.ID, "entries").text
    assert "1,67" in driver.find_element(By.ID, "totals").text

    click(driver, "submit-month")
    assert "notice=month_submitted" in driver.current_url, main_text(driver)
    assert "iesniegta" in driver.find_element(By.ID, "record-state").text
    assert not driver.find_elements(By.ID, "submit-month")
    assert not driver.find_elements(By.CSS_SELECTOR, "#entries button[id^='withdraw-']")
    browser.check_accessibility(driver, "month-04-submitted")
