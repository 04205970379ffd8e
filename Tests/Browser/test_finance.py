"""Issue #20, finance's day in the browser. A specialist's month is approved (made through the
APIs, finance_data.py) and finance sees the staff pay on /finance; finance makes the month's
batch on /finance/batches, reviews its lines, downloads the SEPA pain.001 file and the CSV
through the portal, and the project's SEPA check (Tests/Oracles/sepa_check.py) accepts them;
the batch is marked as sent; the address the batch email links to opens the batch; a payout is
reversed behind its confirmation page (the reason required) and the ledger shows the reversal.
Every page passes axe; the decisions are reached with the keyboard."""
import json
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import browser
from finance_data import ApprovedMonth
from fixtures import ROOT, School
from mails import link_in, mail_to
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By


def portal_bytes(driver, path: str) -> tuple[int, dict, bytes]:
    """GET `path` from the portal with the browser's session cookie (what the download link fetches)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(browser.portal_url() + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_finance_sees_staff_pay_makes_the_batch_and_reverses(driver):
    month = ApprovedMonth()
    school = month.school
    browser.sign_in(driver, browser.portal_url(), month.finance["subject"])

    # The staff pay of the approved month, filtered to the school and the month.
    click(driver, "nav-finance")
    browser.check_accessibility(driver, "finance-01-payouts")
    fill(driver, "period", month.month)
    choose(driver, "institutionId", school.institution_id.lower())
    choose(driver, "kind", "staff")
    click(driver, "apply-filters")
    row = driver.find_element(By.ID, f"payout-{month.payout_id}").text
    assert month.student_code in row and "22,50" in row and "izmaksāta" in row, row
    staff = driver.find_element(By.ID, f"staff-{month.payout_id}").text
    assert "Pedagogs" in staff and "1,5" in staff, staff
    browser.check_accessibility(driver, "finance-02-staff-pay")

    # A period that is no period: refused beside its field.
    fill(driver, "period", "oktobris")
    click(driver, "apply-filters")
    assert driver.find_elements(By.CSS_SELECTOR, "#period-field .message-error"), main_text(driver)
    assert driver.find_element(By.ID, "error-summary").is_displayed()
    browser.check_accessibility(driver, "finance-03-period-refused")

    # The month's batch, made on the batches page (the keyboard reaches the button).
    driver.get(browser.portal_url() + "/finance/batches")
    browser.wait_for_page(driver)
    fill(driver, "period", month.month)
    browser.tab_to(driver, "create-batch")
    assert browser.visible_focus(driver)
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    assert "notice=batch_created" in driver.current_url, main_text(driver)
    batch_id = driver.current_url.split("/finance/batches/")[1].split("?")[0]
    assert driver.find_element(By.ID, f"line-{month.payout_id}"), main_text(driver)
    browser.check_accessibility(driver, "finance-04-batch")

    # The bank file and the CSV through the portal: their types, names, and the SEPA check.
    href = driver.find_element(By.ID, "download-sepa").get_attribute("href")
    assert href.endswith(f"/finance/batches/{batch_id}/sepa.xml"), href
    status, headers, xml = portal_bytes(driver, f"/finance/batches/{batch_id}/sepa.xml")
    assert status == 200 and headers["content-type"].startswith("application/xml"), headers
    assert f'filename="pumpurs-{batch_id}.xml"' in headers["content-disposition"], headers
    status, headers, csv = portal_bytes(driver, f"/finance/batches/{batch_id}/payouts.csv")
    assert status == 200 and headers["content-type"].startswith("text/csv"), headers
    folder = Path(tempfile.mkdtemp(prefix="pumpurs-finance-"))
    (folder / "batch.xml").write_bytes(xml)
    (folder / "batch.csv").write_bytes(csv)
    check = subprocess.run(["python3", str(ROOT / "Tests/Oracles/sepa_check.py"), str(folder / "batch.xml"), str(folder / "batch.csv")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr + check.stdout
    figures = json.loads(check.stdout.strip().splitlines()[-1])
    assert figures["count"] == int(driver.find_element(By.ID, "batch-count").text), figures
    assert figures["count"] >= 1 and len(figures["end_to_end_ids"]) == figures["count"], figures

    # Sent to the bank, once.
    click(driver, "mark-sent")
    assert "notice=batch_sent" in driver.current_url, main_text(driver)
    assert not driver.find_elements(By.ID, "mark-sent")
    assert "nav nosūtīta" not in driver.find_element(By.ID, "batch-sent").text
    browser.check_accessibility(driver, "finance-05-batch-sent")

    # The batch email's link, followed signed out: sign-in first, then straight to this batch.
    link = link_in(mail_to(month.finance["subject"], "Izmaksu pakete"))
    assert link and link.startswith(browser.portal_url() + f"/finance/batches/{batch_id}"), link
    browser.sign_out(driver)
    driver.get(link)
    browser.wait_for_page(driver)
    browser.wait(driver).until(lambda d: d.find_elements(By.ID, "sign-in"))
    click(driver, "sign-in")
    field = browser.wait(driver).until(lambda d: d.find_element(By.NAME, "sub"))
    field.clear()
    field.send_keys(month.finance["subject"])
    browser.navigate_by(driver, driver.find_element(By.XPATH, "//form//button[normalize-space()='Authorize']").click)
    browser.wait(driver).until(lambda d: d.current_url.startswith(browser.portal_url() + f"/finance/batches/{batch_id}"))
    browser.wait_for_page(driver)
    assert driver.find_element(By.ID, "batch-count"), main_text(driver)

    # A reversal: its confirmation page says what will happen; the reason is required.
    driver.get(browser.portal_url() + f"/finance?institutionId={school.institution_id.lower()}&kind=staff")
    browser.wait_for_page(driver)
    click(driver, f"reverse-{month.payout_id}")
    effects = driver.find_element(By.ID, "reverse-effects").text
    assert "−22,50" in effects and "bankas failā" in effects, effects
    browser.check_accessibility(driver, "finance-06-reverse-confirm")
    click(driver, "confirm-reverse")
    messages = driver.find_elements(By.CSS_SELECTOR, "#reason-field .message-error")
    assert messages and "iemeslu" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "finance-07-reason-required")
    fill(driver, "reason", "Darba uzskaite labota pēc apstiprināšanas.")
    browser.tab_to(driver, "confirm-reverse")
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    assert "notice=payout_reversed" in driver.current_url, main_text(driver)
    reversal = driver.find_element(By.ID, f"reversal-{month.payout_id}").text
    assert "Darba uzskaite labota" in reversal, reversal
    assert driver.find_element(By.ID, "ledger-reversed").text != "0,00\u00a0€"
    browser.check_accessibility(driver, "finance-08-ledger-reversal")

    # The batch now says the reversed line is not in the bank file.
    driver.get(browser.portal_url() + f"/finance/batches/{batch_id}")
    browser.wait_for_page(driver)
    assert "nav bankas failā" in driver.find_element(By.ID, f"line-{month.payout_id}").text

    # The meals claim and its receipt, opened through the portal.
    driver.get(browser.portal_url() + f"/finance?institutionId={school.institution_id.lower()}&kind=claim")
    browser.wait_for_page(driver)
    click(driver, f"claim-{month.claim_id}")
    assert "25,00" in driver.find_element(By.ID, "claim-claimed").text, main_text(driver)
    browser.check_accessibility(driver, "finance-10-claim")
    status, headers, receipt = portal_bytes(driver, f"/finance/claims/{month.claim_id}/receipt")
    assert status == 200 and headers["content-type"] == "application/pdf" and receipt == month.receipt_bytes, headers

    # A second officer's proposed account change, confirmed here (the proposer could not).
    change = month.propose_account_change()
    click(driver, "nav-finance")
    click(driver, "to-payee-changes")
    browser.check_accessibility(driver, "finance-11-payee-changes")
    click(driver, f"confirm-{change}")
    assert "notice=payee_change_confirmed" in driver.current_url, main_text(driver)
    assert not driver.find_elements(By.ID, f"confirm-{change}")


def test_finance_pages_refuse_other_roles(driver):
    month_school = School()
    preparer = month_school.person("preparer", "Ilze Kalniņa", "preparer")
    browser.sign_in(driver, browser.portal_url(), preparer["subject"])
    assert not driver.find_elements(By.ID, "nav-finance")
    for path in ["/finance", "/finance/batches", "/finance/batches/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"]:
        driver.get(browser.portal_url() + path)
        browser.wait_for_page(driver)
        assert "finanšu speciālistiem" in main_text(driver), main_text(driver)
    browser.check_accessibility(driver, "finance-09-not-for-role")


def test_finance_sees_youth_projects(driver):
    """A municipality's youth competition, an awarded application and its advance (made through the
    payouts API as the partner's coordinator): finance reads them, budget to payment."""
    from finance_data import PAYOUTS, send, until
    from fixtures import mint
    school = School()
    finance = school.partner("finance", "Pēteris Kalns", "finance", {"kind": "national"})
    coordinator = school.partner("coordinator", "Līga Ozoliņa", "municipality_coordinator",
                                 {"kind": "municipality", "id": school.municipality_id})
    token = mint(coordinator["id"], "municipality_coordinator", f"municipality:{school.municipality_id}")
    title = f"Jauniešu iniciatīvas {school.suffix}"
    # Payouts learns of the coordinator's new role through the broker, a moment later.
    def compete():
        status, answer = send(PAYOUTS + "/payouts/youth/competitions", "POST", token, {
            "title": title, "opensOn": "2022-11-01", "closesOn": "2022-11-30", "budgetCents": 700000,
            "mediumTermPlanReference": "Novada PMP mazināšanas plāns 2022–2024"})
        return status == 201, answer if status == 201 else f"{status} {answer}"
    competition = until("competition", compete)
    competition_id = competition["competitionId"].lower()
    status, application = send(f"{PAYOUTS}/payouts/youth/competitions/{competition_id}/applications", "POST", token, {
        "receivedOn": "2022-11-10", "organisation": {"name": "Biedrība Jaunie Ludzā", "registrationNumber": "40008123456", "worksWithYouth": True},
        "projectTitle": "Pārgājienu skola", "requestedCents": 460000, "startsOn": "2023-02-01", "endsOn": "2023-10-31",
        "participantsPlanned": 30, "atRiskParticipants": 3, "nonFormalMethods": "Pārgājieni, vienaudžu mācīšanās, jauniešu vadītas darbnīcas.",
        "planAlignment": "Novada vidēja termiņa plāna 2.3. pasākums: ārpusskolas aktivitātes.",
        "payee": {"name": "Biedriba Jaunie Ludza", "iban": "LV80BANK0000435195001"}})
    assert status == 201, application
    application_id = application["applicationId"].lower()
    assert send(f"{PAYOUTS}/payouts/youth/applications/{application_id}/award", "POST", token, b"{}")[0] == 200
    status, payment = send(f"{PAYOUTS}/payouts/youth/applications/{application_id}/payments", "POST", token,
                           {"instalment": "advance", "amountCents": 230000})
    assert status == 201, payment

    browser.sign_in(driver, browser.portal_url(), finance["subject"])
    click(driver, "to-youth")
    browser.check_accessibility(driver, "finance-12-youth")
    click(driver, f"competition-{competition_id}")
    assert "2 300,00" in driver.find_element(By.ID, "competition-paid").text.replace("\u00a0", " "), main_text(driver)
    row = driver.find_element(By.ID, f"application-{application_id}").text
    assert "Pārgājienu skola" in row and "atbalstīts" in row and "avanss" in row, row
    browser.check_accessibility(driver, "finance-13-youth-competition")
