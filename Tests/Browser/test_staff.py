"""Issue #19 items 5 and 6 in the browser: the institution coordinator registers a staff member's
contract on the staff page (a wrong rate is named beside its field, in Latvian), sees it listed,
and sees the month's records and deliveries; the page passes axe and works from the keyboard."""
import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By


def test_coordinator_registers_a_contract(driver):
    school = School()
    school.head_token()
    coordinator = school.person("coordinator_school", "Dace Kalna", "institution_coordinator")
    specialist = school.person("specialist", "Mārtiņš Egle", "specialist")
    browser.sign_in(driver, browser.portal_url(), coordinator["subject"])

    click(driver, "nav-staff")
    assert driver.find_element(By.ID, "no-contracts").is_displayed()
    browser.check_accessibility(driver, "staff-01-empty")

    # A rate that is not money: refused beside the field, nothing saved.
    choose(driver, "personId", specialist["id"].lower())
    choose(driver, "profession", "teacher")
    fill(driver, "hourlyRateCents", "piecpadsmit")
    fill(driver, "validFrom", "2022-09-01")
    click(driver, "save-contract")
    messages = driver.find_elements(By.CSS_SELECTOR, "#hourlyRateCents-field .message-error")
    assert messages and "eiro" in messages[0].text, main_text(driver)
    assert driver.find_element(By.ID, "error-summary").is_displayed()
    browser.check_accessibility(driver, "staff-02-refused")

    fill(driver, "hourlyRateCents", "15,00")
    click(driver, "save-contract")
    assert "notice=contract_saved" in driver.current_url, main_text(driver)
    table = driver.find_element(By.ID, "contracts").text
    assert "Mārtiņš Egle" in table and "Pedagogs" in table and "15,00" in table, table

    # The same person, profession and days again: the service's overlap refusal, beside the form.
    choose(driver, "personId", specialist["id"].lower())
    choose(driver, "profession", "teacher")
    fill(driver, "hourlyRateCents", "18,00")
    fill(driver, "validFrom", "2022-10-01")
    click(driver, "save-contract")
    assert "contract.overlap" in driver.page_source or "jau ir līgums" in main_text(driver), main_text(driver)

    # The month's section: the records and deliveries tables or their empty notes, reachable by keyboard.
    driver.get(browser.portal_url() + "/staff?month=2022-10")
    browser.wait_for_page(driver)
    assert "2022-10" in driver.find_element(By.ID, "month-title").text
    browser.tab_to(driver, "show-month")
    assert browser.visible_focus(driver)
    browser.check_accessibility(driver, "staff-03-month")
