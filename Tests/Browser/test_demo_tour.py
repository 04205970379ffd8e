"""Issue #20: the demo semester walked through in the portal, signing in as each demo person in
turn (the README's tour; its screenshots are .local/screenshots/tour-*.png). The test seeds a fresh
demo semester through the real APIs first (`pumpurs demo --again`: new names, so a run never meets
an earlier one's decisions), then each person opens their pages and does their part; every page
passes axe."""
import json
import os
import subprocess

import browser
from fixtures import ROOT
from plan_steps import click, main_text
from selenium.webdriver.common.by import By


def seed_demo() -> dict:
    binary = os.environ.get("PUMPURS_BIN", str(ROOT / ".build/debug/pumpurs"))
    env = dict(os.environ, PUMPURS_MODE="development",
               PUMPURS_JWT_PRIVATE_KEY_FILE=str(ROOT / ".local/jwt/dev-private.pem"),
               PUMPURS_PROGRAMME_SETTINGS_FILE=os.environ.get("PUMPURS_PROGRAMME_SETTINGS_FILE",
                                                              str(ROOT / "deploy/local/programme-settings.json")))
    done = subprocess.run([binary, "demo", "--again"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    outcome = json.loads((ROOT / ".local/demo/outcome.json").read_text())
    assert not outcome.get("notes"), outcome["notes"]
    return outcome


def visit(driver, path: str, name: str) -> str:
    """Opens `path`, checks it answered as a page of the portal, and keeps its screenshot."""
    driver.get(browser.portal_url() + path)
    browser.wait_for_page(driver)
    assert driver.find_elements(By.TAG_NAME, "main"), driver.page_source[:500]
    assert not driver.find_elements(By.ID, "message-text"), f"{path}: {main_text(driver)}"
    browser.check_accessibility(driver, f"tour-{name}")
    return main_text(driver)


def as_person(driver, outcome: dict, key: str) -> None:
    browser.sign_out(driver)
    browser.sign_in(driver, browser.portal_url(), outcome["signIn"][key])


def test_the_demo_semester_in_the_portal(driver):
    outcome = seed_demo()
    plans = outcome["plans"]
    plan_a = plans["A (in implementation, paid)"]
    plan_b = plans["B (awaiting municipality)"]
    plan_e = plans["E (awaiting the school head)"]

    # The preparer (who chose English): her plans, and the one waiting for the head.
    as_person(driver, outcome, "school_preparer")
    assert "My plans" in visit(driver, "/plans", "01-preparer-my-plans")
    visit(driver, f"/plans/{plan_e}", "02-preparer-plan-waiting")

    # The school head: the queue, plan E's one-screen summary, approve.
    as_person(driver, outcome, "school_head")
    visit(driver, "/queue", "03-head-queue")
    assert driver.find_elements(By.ID, f"open-{plan_e}"), main_text(driver)
    visit(driver, f"/plans/{plan_e}", "04-head-plan")
    click(driver, "decide-approve")
    browser.check_accessibility(driver, "tour-05-head-confirms")
    click(driver, "confirm-decision")
    assert "notice=decision_approve" in driver.current_url, main_text(driver)

    visit(driver, "/people", "06-head-school-people")

    # The municipality coordinator: plan B waits there, E too now; the overview of the municipality's schools.
    as_person(driver, outcome, "municipality_coordinator")
    visit(driver, "/queue", "07-municipality-queue")
    assert driver.find_elements(By.ID, f"open-{plan_b}") and driver.find_elements(By.ID, f"open-{plan_e}"), main_text(driver)
    visit(driver, "/overview", "08-municipality-overview")

    # The VPII's coordinator oversees (not an approval level): plan C, reported and closed, in the overview.
    as_person(driver, outcome, "vpii_coordinator")
    visit(driver, "/overview", "08b-vpii-coordinator-overview")

    # The specialist: the month's sessions against the plan, and the record the coordinator approved.
    as_person(driver, outcome, "school_specialist")
    visit(driver, f"/my-month?month={outcome['month']}", "09-specialist-my-month")
    if outcome.get("workLog"):
        visit(driver, f"/worklogs/{outcome['workLog'].lower()}", "10-specialist-work-record")

    # The school's coordinator: staff contracts, the month's records and deliveries.
    as_person(driver, outcome, "school_coordinator")
    visit(driver, f"/staff?month={outcome['month']}", "11-coordinator-staff")

    # Finance: the payouts and staff pay, the month's batch (its SEPA file), the claims with receipts.
    as_person(driver, outcome, "finance")
    visit(driver, "/finance", "12-finance-payouts")
    if outcome.get("batch"):
        visit(driver, f"/finance/batches/{outcome['batch'].lower()}", "13-finance-batch")
    visit(driver, "/finance/claims", "14-finance-claims")

    # IKVD's expert: the programme's statistics with charts, the emergency period, plan A's page.
    as_person(driver, outcome, "ikvd_expert")
    text = visit(driver, f"/statistics?semester={outcome['semester']}", "15-expert-statistics")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart"), text
    visit(driver, "/emergencies", "16-expert-emergencies")
    visit(driver, f"/plans/{plan_a}", "17-expert-plan-in-implementation")

    # IKVD's administrator: the directory and the audit log.
    as_person(driver, outcome, "ikvd_admin")
    visit(driver, "/directory", "18-admin-directory")
    visit(driver, "/audit", "19-admin-audit")
    browser.sign_out(driver)
