"""Signing in and out, sessions, forged forms, revoked roles (issue #18)."""
import browser
from fixtures import School


def test_preparer_signs_in_and_sees_their_plans(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    assert "/plans" in driver.current_url, driver.current_url
    assert driver.find_element("id", "person-name").text == "Ilze Kalniņa"
    assert school.name in driver.find_element("id", "current-role").text
    browser.check_accessibility(driver, "sign-in-01-my-plans")
