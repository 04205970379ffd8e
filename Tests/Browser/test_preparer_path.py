"""The preparer's whole path in the browser (issue #18): new plan with the personal code typed
once, the plan written with a finding shown beside its field, fixed, evidence and consent
uploaded, consent recorded, submitted, waiting for the head. Every page is checked with axe."""
import re
import time
import urllib.request
from pathlib import Path

import browser
from fixtures import ROOT, School, personal_code
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

CONSENT_PDF = ROOT / "deploy/local/demo/consent-form.pdf"


def fill(driver, element_id: str, text: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def choose(driver, element_id: str, value: str) -> None:
    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def click(driver, element_id: str) -> None:
    """Clicks and waits for the next page (the old one must be gone first: no reading it by mistake)."""
    element = driver.find_element(By.ID, element_id)
    browser.navigate_by(driver, element.click)


def test_preparer_writes_fixes_and_submits_a_plan(driver):
    school = School()
    preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
    code = personal_code()
    seen_pages: list[str] = []
    seen_urls: list[str] = []

    def look(name: str) -> None:
        seen_pages.append(driver.page_source)
        seen_urls.append(driver.current_url)
        browser.check_accessibility(driver, name)

    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    look("path-01-my-plans")
    click(driver, "new-plan")
    look("path-02-new-plan")
    # A refusal first: the semester is missing; the message is beside the field, the code is not echoed.
    fill(driver, "personalCode", code)
    click(driver, "create-plan")
    assert driver.find_element(By.ID, "semester-message-0").is_displayed()
    assert driver.find_element(By.ID, "personalCode").get_attribute("value") == ""
    look("path-03-new-plan-refused")
    fill(driver, "personalCode", code)
    fill(driver, "semester", "2022/2023-1")
    click(driver, "create-plan")
    assert "/edit" in driver.current_url, driver.current_url
    student = driver.find_element(By.ID, "student-code").text
    assert re.fullmatch(r"S-[0-9A-Z]+", student), student
    look("path-04-edit-empty")

    # The plan with a risk whose justification is empty: the rules' finding appears beside it.
    fill(driver, "card-gradeOrCourse", "8")
    fill(driver, "card-preparerName", "Ilze Kalniņa")
    fill(driver, "card-situation", "Skolēns dzīvo ar vecmāmiņu, māte strādā ārzemēs; kavē stundas un nepilda mājasdarbus.")
    fill(driver, "card-goal", "Semestra beigās matemātikā sasniegt vismaz 4 balles.")
    choose(driver, "risks-0-code", "L02")
    fill(driver, "risks-0-subjects", "matemātika")
    choose(driver, "priorityRisk", "L02")
    choose(driver, "measures-0-type", "consultation")
    fill(driver, "measures-0-addresses", "L02")
    choose(driver, "measures-0-providers", "teacher")
    fill(driver, "measures-0-plannedMinutes", "16")
    click(driver, "save-plan")
    messages = driver.find_elements(By.CSS_SELECTOR, "#risks-0-justification-field .message-error")
    assert messages, "a finding beside the empty justification"
    assert driver.find_elements(By.CSS_SELECTOR, "#risks-0-level-field .message-error"), "the risk's level is asked for beside it"
    assert driver.find_element(By.ID, "error-summary").is_displayed()
    look("path-05-finding-beside-field")

    fill(driver, "risks-0-justification", "Matemātikā četri nepietiekami vērtējumi semestra pirmajos ieskaites darbos; skolēns nesaprot daļskaitļus.")
    fill(driver, "risks-0-howSupportHelps", "Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas.")
    choose(driver, "risks-0-level", "high")
    click(driver, "save-plan")
    assert not driver.find_elements(By.CSS_SELECTOR, ".message-error"), driver.find_element(By.TAG_NAME, "main").text[:2000]
    look("path-06-saved")

    # Evidence and the signed consent, as files; then the consent itself.
    if "/edit" in driver.current_url:
        driver.get(driver.current_url.replace("/edit", ""))
        browser.wait_for_page(driver)
    # Support from another ESF project, declared (a refusal first: no kind of support ticked).
    fill(driver, "declarations-project", "SAM 8.3.4 Nr. 123")
    click(driver, "declare-esf")
    assert driver.find_elements(By.CSS_SELECTOR, "#declarations-measures .message-error"), "the missing tick is named beside the boxes"
    look("path-06b-declaration-refused")
    fill(driver, "declarations-project", "SAM 8.3.4 Nr. 123")
    driver.find_element(By.ID, "declarations-measures-1").click()
    click(driver, "declare-esf")
    assert "SAM 8.3.4 Nr. 123" in driver.find_element(By.ID, "declarations").text
    look("path-06c-declared")
    choose(driver, "kind", "consent_form")
    driver.find_element(By.ID, "upload-file").send_keys(str(CONSENT_PDF))
    click(driver, "upload-document")
    assert driver.find_element(By.ID, "notice").is_displayed()
    look("path-07-uploaded")
    # The document opens through the portal, as the person, with its own bytes.
    link = driver.find_element(By.CSS_SELECTOR, "#documents .document-link").get_attribute("href")
    request = urllib.request.Request(link)
    request.add_header("Cookie", "__Host-pumpurs=" + driver.get_cookie("__Host-pumpurs")["value"])
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read() == CONSENT_PDF.read_bytes()
    choose(driver, "signer", "parent_or_guardian")
    fill(driver, "signedOn", "2022-09-05")
    click(driver, "record-consent")
    assert "notice=consent" in driver.current_url, driver.find_element(By.TAG_NAME, "main").text[:1500]
    look("path-08-consent")

    click(driver, "submit-plan")
    assert driver.current_url.endswith("/submitted"), driver.find_element(By.TAG_NAME, "main").text[:1500]
    # The confirmation: the student's code and the three steps of a municipal school's route.
    assert driver.find_element(By.ID, "student-code").text == student
    assert len(driver.find_elements(By.CSS_SELECTOR, "#next-steps li")) == 3
    look("path-09-submitted")
    click(driver, "to-plan")
    # The head's step: approval routing puts the plan in the head's queue.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        driver.refresh()
        browser.wait_for_page(driver)
        if driver.find_elements(By.ID, "awaiting"):
            break
        time.sleep(1)
    assert driver.find_elements(By.ID, "awaiting"), "the approval trail shows the plan waiting for the head"
    look("path-10-awaiting-head")

    # The personal code was typed once and appears on no page and in no URL afterwards.
    for page in seen_pages:
        assert code not in page and code.replace("-", "") not in page
    for url in seen_urls:
        assert code not in url and code.replace("-", "") not in url
    logs = ROOT / ".local/logs"
    # Every log of the system (services, portal, provider, broker, database, mail sink); the
    # test's own browser driver log records the keys it typed, so it is not the system's.
    for log in logs.glob("*.log"):
        if log.name.startswith("chromedriver"):
            continue
        text = log.read_text(errors="replace")
        assert code not in text and code.replace("-", "") not in text, f"the personal code is in {log.name}"
