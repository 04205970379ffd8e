"""Issue #20: the institution head's "Skolas cilvēki". The head adds a preparer and gives the role
(a wrong email is refused beside its field), the preparer signs in (in their own browser) and sees
their plans page; the head takes the role back after a page that says what will happen, by
keyboard; the preparer's next click is refused politely (a page in their language, not an error).
Every page passes axe."""
import browser
from fixtures import School
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By



def test_head_gives_and_takes_back_a_preparers_role(driver):
    school = School()
    school.head_token()
    head = school.people["head"]
    subject = f"preparer.{school.suffix}@browser.pumpurs.example.lv"
    portal = browser.portal_url()
    browser.sign_in(driver, portal, head["subject"])
    click(driver, "nav-people")
    assert "Jānis Bērziņš" in driver.find_element(By.ID, "people").text
    browser.check_accessibility(driver, "people-01-list")

    # A wrong email: the directory's refusal beside the email field, with the error summary.
    fill(driver, "name", "Ilze Kalniņa")
    fill(driver, "email", "ilze-bez-domēna")
    fill(driver, "signInSubject", subject)
    choose(driver, "role", "preparer")
    click(driver, "add-person")
    messages = driver.find_elements(By.CSS_SELECTOR, "#email-field .message-error")
    assert messages and "e-pasta" in messages[0].text, main_text(driver)
    assert driver.find_element(By.ID, "error-summary").is_displayed()
    assert driver.find_element(By.ID, "signInSubject").get_attribute("value") == "", "the subject is never put back"
    browser.check_accessibility(driver, "people-02-refused")

    fill(driver, "email", subject)
    fill(driver, "signInSubject", subject)
    choose(driver, "role", "preparer")
    click(driver, "add-person")
    assert "notice=person_added" in driver.current_url, main_text(driver)
    table = driver.find_element(By.ID, "people").text
    assert "Ilze Kalniņa" in table and "IAP sagatavotājs" in table, table

    # The preparer signs in in their own browser and sees their plans page.
    other = browser.start_browser()
    try:
        browser.sign_in(other, portal, subject)
        assert other.find_elements(By.ID, "new-plan"), main_text(other)

        # The head takes the role back: the confirmation says what will happen; confirmed by keyboard.
        revoke = driver.find_elements(By.CSS_SELECTOR, "#people a[id^='revoke-']")
        assert len(revoke) == 1, "only the preparer's role can be taken back here"
        click(driver, revoke[0].get_attribute("id"))
        assert driver.find_element(By.ID, "revoke-person").text == "Ilze Kalniņa"
        assert "nākamo klikšķi" in driver.find_element(By.ID, "revoke-effects").text
        browser.check_accessibility(driver, "people-03-revoke-confirm")
        browser.tab_to(driver, "confirm-revoke")
        assert browser.visible_focus(driver)
        browser.navigate_by(driver, lambda: browser.press_enter(driver))
        assert "notice=role_revoked" in driver.current_url, main_text(driver)
        assert "Ilze Kalniņa" not in driver.find_element(By.ID, "people").text

        # The preparer's next click: refused politely, signed out, in Latvian.
        click(other, "new-plan")
        text = main_text(other)
        assert "nav nevienas lomas" in text, text
        assert not other.find_elements(By.ID, "person-name") and not other.find_elements(By.ID, "personalCode")
        browser.check_accessibility(other, "people-04-revoked-next-click")
    finally:
        other.quit()
