"""Issue #19 item 8 in the browser: an IKVD expert declares an emergency period for a planning
region (a missing name is named beside its field), sees it listed with its paused plans, and ends
it, which resumes them; every page passes axe."""
import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By


def test_expert_declares_and_ends_an_emergency(driver):
    school = School()
    expert = school.partner("expert", "Inese Liepa", "ikvd_expert", {"kind": "national"})
    browser.sign_in(driver, browser.portal_url(), expert["subject"])

    click(driver, "nav-emergencies")
    browser.check_accessibility(driver, "emergency-01-list")

    # Nothing named: refused, the message beside the name field.
    fill(driver, "startsOn", "2031-03-13")
    choose(driver, "scope", "region")
    choose(driver, "scope-region", "Zemgale")
    click(driver, "declare-emergency")
    assert driver.find_elements(By.CSS_SELECTOR, "#name-field .message-error"), main_text(driver)
    browser.check_accessibility(driver, "emergency-02-refused")

    name = f"Plūdi Zemgalē {school.suffix}"
    fill(driver, "name", name)
    fill(driver, "reason", "Skolas slēgtas plūdu dēļ; mācības notiek attālināti.")
    fill(driver, "startsOn", "2031-03-13")
    choose(driver, "scope", "region")
    choose(driver, "scope-region", "Zemgale")
    click(driver, "declare-emergency")
    assert "notice=emergency_declared" in driver.current_url, main_text(driver)
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#emergencies tbody tr") if name in r.text)
    assert "Zemgale" in row.text, row.text

    # Ending it on a day before it began is refused beside that row's field; on a later day it ends.
    end_field = row.find_element(By.CSS_SELECTOR, "input[name='endsOn']")
    end_id = end_field.get_attribute("id")
    end_field.send_keys("2031-03-01")
    browser.navigate_by(driver, row.find_element(By.CSS_SELECTOR, "button[id^='resume-']").click)
    assert driver.find_elements(By.CSS_SELECTOR, f"#{end_id}-field .message-error"), main_text(driver)
    browser.check_accessibility(driver, "emergency-03-end-refused")
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#emergencies tbody tr") if name in r.text)
    row.find_element(By.CSS_SELECTOR, "input[name='endsOn']").send_keys("2031-03-20")
    browser.navigate_by(driver, row.find_element(By.CSS_SELECTOR, "button[id^='resume-']").click)
    assert "notice=emergency_ended" in driver.current_url, main_text(driver)
    row = next(r for r in driver.find_elements(By.CSS_SELECTOR, "#emergencies tbody tr") if name in r.text)
    assert not row.find_elements(By.CSS_SELECTOR, "button"), "an ended period cannot be ended again"
