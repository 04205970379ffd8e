"""Steps of the preparer's path shared by the browser tests (by mouse; the keyboard test has its own)."""
import re

import browser
from fixtures import ROOT, personal_code
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


def main_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text[:2000]


def write_submittable_plan(driver, semester: str = "2022/2023-1") -> tuple[str, str]:
    """From "my plans": a new plan filled in, consent uploaded and recorded, submitted. Returns (plan id, code)."""
    code = personal_code()
    click(driver, "new-plan")
    fill(driver, "personalCode", code)
    fill(driver, "semester", semester)
    click(driver, "create-plan")
    plan_id = re.search(r"/plans/([0-9a-f-]{36})", driver.current_url).group(1)
    fill(driver, "card-gradeOrCourse", "8")
    fill(driver, "card-preparerName", "Ilze Kalniņa")
    fill(driver, "card-situation", "Skolēns dzīvo ar vecmāmiņu, māte strādā ārzemēs; kavē stundas un nepilda mājasdarbus.")
    fill(driver, "card-goal", "Semestra beigās matemātikā sasniegt vismaz 4 balles.")
    choose(driver, "risks-0-code", "L02")
    fill(driver, "risks-0-justification", "Matemātikā četri nepietiekami vērtējumi semestra pirmajos ieskaites darbos.")
    fill(driver, "risks-0-subjects", "matemātika")
    fill(driver, "risks-0-howSupportHelps", "Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas.")
    choose(driver, "risks-0-level", "medium")
    choose(driver, "priorityRisk", "L02")
    choose(driver, "measures-0-type", "consultation")
    fill(driver, "measures-0-addresses", "L02")
    choose(driver, "measures-0-providers", "teacher")
    fill(driver, "measures-0-plannedMinutes", "16")
    click(driver, "save-plan")
    assert "notice=saved" in driver.current_url, main_text(driver)
    choose(driver, "kind", "consent_form")
    driver.find_element(By.ID, "upload-file").send_keys(str(CONSENT_PDF))
    click(driver, "upload-document")
    choose(driver, "signer", "parent_or_guardian")
    fill(driver, "signedOn", "2022-09-05")
    click(driver, "record-consent")
    click(driver, "submit-plan")
    assert driver.current_url.endswith("/submitted"), main_text(driver)
    click(driver, "to-plan")
    return plan_id, code
