"""The preparer's path with the keyboard alone (issue #18): Tab to each control, type, Enter or
Space; the focus is visible at every stop. (A file is chosen by typing its path into the focused
file input, as a keyboard user does in the browser's file dialog.)"""
import re

import browser
from fixtures import ROOT, School, personal_code
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

CONSENT_PDF = ROOT / "deploy/local/demo/consent-form.pdf"


def go(driver, element_id: str) -> None:
    """Tab to the element (forward, else back) and check the focus shows."""
    try:
        browser.tab_to(driver, element_id, max_presses=80)
    except AssertionError:
        browser.tab_to(driver, element_id, max_presses=80, backwards=True)
    assert browser.visible_focus(driver), f"#{element_id} has the focus but shows no focus indicator"


def type_into(driver, element_id: str, text: str) -> None:
    go(driver, element_id)
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
    browser.press(driver, text)


def pick(driver, element_id: str, visible_text_start: str) -> None:
    """A select with the keyboard: focus it and type the start of the option (type-ahead)."""
    go(driver, element_id)
    browser.press(driver, visible_text_start)
    chosen = driver.execute_script(f"const s = document.getElementById('{element_id}'); return s.options[s.selectedIndex].text")
    assert chosen.startswith(visible_text_start), f"#{element_id}: {chosen!r}"


def activate(driver, element_id: str) -> None:
    go(driver, element_id)
    enter_and_wait(driver)


def enter_and_wait(driver) -> None:
    """Enter, then the next page (the old one must be gone first)."""
    browser.navigate_by(driver, lambda: browser.press_enter(driver))


def test_preparer_path_with_the_keyboard_alone(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    driver.get(browser.portal_url() + "/")
    browser.wait_for_page(driver)
    # The skip link comes first.
    browser.press_tab(driver)
    assert driver.switch_to.active_element.get_attribute("href").endswith("#main")
    activate(driver, "sign-in")
    # The provider's page: its input has the focus (autofocus); type and Enter.
    browser.wait(driver).until(lambda d: d.find_elements(By.NAME, "sub"))
    browser.press(driver, preparer["subject"])
    browser.press_enter(driver)
    browser.wait_until(lambda: "/plans" in driver.current_url, what="back in the portal")
    browser.wait_for_page(driver)

    activate(driver, "new-plan")
    type_into(driver, "personalCode", personal_code())
    type_into(driver, "semester", "2022/2023-1")
    enter_and_wait(driver)   # Enter in a field submits the form
    assert re.search(r"/plans/[0-9a-f-]{36}/edit", driver.current_url), driver.current_url

    type_into(driver, "card-gradeOrCourse", "8")
    type_into(driver, "card-preparerName", "Ilze Kalniņa")
    type_into(driver, "card-situation", "Skolēns dzīvo ar vecmāmiņu; kavē stundas un nepilda mājasdarbus.")
    type_into(driver, "card-goal", "Semestra beigās matemātikā sasniegt vismaz 4 balles.")
    pick(driver, "risks-0-code", "L02")
    type_into(driver, "risks-0-justification", "Matemātikā četri nepietiekami vērtējumi ieskaites darbos.")
    type_into(driver, "risks-0-subjects", "matemātika")
    type_into(driver, "risks-0-howSupportHelps", "Konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas.")
    pick(driver, "risks-0-level", "Vidējs")
    pick(driver, "priorityRisk", "L02")
    pick(driver, "measures-0-type", "Konsult")
    type_into(driver, "measures-0-addresses", "L02")
    pick(driver, "measures-0-providers", "Pedagogs")
    type_into(driver, "measures-0-plannedMinutes", "16")
    activate(driver, "save-plan")
    assert "notice=saved" in driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:1500]

    pick(driver, "kind", "Parakstīta")
    go(driver, "upload-file")
    driver.switch_to.active_element.send_keys(str(CONSENT_PDF))
    activate(driver, "upload-document")
    assert "notice=uploaded" in driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:1500]
    pick(driver, "signer", "Vecāks")
    type_into(driver, "signedOn", "2022-09-05")
    activate(driver, "record-consent")
    assert "notice=consent" in driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:1500]
    activate(driver, "submit-plan")
    assert driver.current_url.endswith("/submitted"), driver.find_element(By.TAG_NAME, "main").text[:1500]
    browser.check_accessibility(driver, "keyboard-01-submitted")
