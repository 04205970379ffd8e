"""Issue #20: approvers decide on the plan's page, each decision through a confirmation page that
says what will happen. The head approves and the municipality coordinator then finds the plan in
their queue (with the head in its approval trail) and approves it; the head suspends a plan (a
reason required, refused beside the field first); and when someone else decided the plan between
loading the confirmation and pressing it, the second person gets a page saying who decided first."""
import browser
from approval_steps import approval, open_queue, submitted_plan, text_of
from fixtures import School, mint
from plan_steps import choose, click, fill, main_text
from selenium.webdriver.common.by import By


def test_head_approves_then_the_coordinator(driver):
    school = School()
    plan_id = submitted_plan(school)
    head = school.people["head"]
    coordinator = school.partner("coordinator", "Līga Ozoliņa", "municipality_coordinator",
                                 {"kind": "municipality", "id": school.municipality_id})

    browser.sign_in(driver, browser.portal_url(), head["subject"])
    open_queue(driver, plan_id)
    click(driver, f"open-{plan_id}")
    browser.check_accessibility(driver, "decisions-01-plan-for-head")
    # Keyboard only: Tab to the approve link and press Enter.
    browser.tab_to(driver, "decide-approve", max_presses=80)
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    assert f"/plans/{plan_id}/decide/approve" in driver.current_url, main_text(driver)
    assert "pašvaldības koordinator" in text_of(driver, "consequences"), main_text(driver)
    browser.check_accessibility(driver, "decisions-02-confirm-approve")
    fill(driver, "comment", "Plāns pamatots.")
    click(driver, "confirm-decision")
    assert "notice=decision_approve" in driver.current_url, main_text(driver)
    assert not driver.find_elements(By.ID, f"open-{plan_id}"), "the plan left the head's queue"
    browser.sign_out(driver)

    browser.sign_in(driver, browser.portal_url(), coordinator["subject"])
    open_queue(driver, plan_id)
    browser.check_accessibility(driver, "decisions-03-coordinator-queue")
    click(driver, f"open-{plan_id}")
    trail = text_of(driver, "trail")
    assert "Jānis Bērziņš" in trail and "Plāns pamatots." in trail, trail
    click(driver, "decide-approve")
    assert "IKVD" in text_of(driver, "consequences"), main_text(driver)
    click(driver, "confirm-decision")
    assert "notice=decision_approve" in driver.current_url, main_text(driver)
    status, summary = approval("GET", f"/approvals/plans/{plan_id}", school.head_token())
    assert summary["plan"]["state"] == "awaiting_ikvd", summary


def test_head_suspends_with_a_reason(driver):
    school = School()
    plan_id = submitted_plan(school)
    browser.sign_in(driver, browser.portal_url(), school.people["head"]["subject"])
    driver.get(browser.portal_url() + f"/plans/{plan_id}")
    click(driver, "decide-suspend")
    assert "Apturēt plānu" in driver.find_element(By.TAG_NAME, "h1").text, main_text(driver)
    click(driver, "confirm-decision")
    messages = driver.find_elements(By.CSS_SELECTOR, "#comment-field .message-error")
    assert messages and "iemesl" in messages[0].text, main_text(driver)
    browser.check_accessibility(driver, "decisions-04-suspend-refused")
    fill(driver, "comment", "Izglītojamais slimo ilgstoši.")
    click(driver, "confirm-decision")
    assert "notice=decision_suspend" in driver.current_url, main_text(driver)
    assert "Izglītojamais slimo ilgstoši." in text_of(driver, "trail"), main_text(driver)
    assert driver.find_elements(By.ID, "decide-resume"), "a suspended plan may be resumed"
    browser.check_accessibility(driver, "decisions-05-suspended")


def test_second_decider_sees_who_decided_first(driver):
    school = School()
    plan_id = submitted_plan(school)
    deputy = school.person("deputy", "Anna Kalna", "institution_head")
    browser.sign_in(driver, browser.portal_url(), school.people["head"]["subject"])
    driver.get(browser.portal_url() + f"/plans/{plan_id}/decide/approve")
    fill(driver, "comment", "Saskaņoju.")
    # Meanwhile the other head of the school returns it through the API.
    token = mint(deputy["id"], "institution_head", f"institution:{school.institution_id}")
    status, answer = approval("POST", f"/approvals/plans/{plan_id}/return", token, {"comment": "Jāprecizē mērķis."})
    assert status == 200, answer
    click(driver, "confirm-decision")
    assert driver.find_elements(By.ID, "decided-first"), main_text(driver)
    first = text_of(driver, "decided-first")
    assert "Anna Kalna" in first and "atgrieza" in first, first
    assert "Jāprecizē mērķis." in main_text(driver)
    browser.check_accessibility(driver, "decisions-06-decided-first")
    click(driver, "to-plan")
    assert f"/plans/{plan_id}" in driver.current_url


def test_coordinator_overview_and_queue_filters(driver):
    school = School()
    waiting = submitted_plan(school)
    moved = submitted_plan(school)
    approval("POST", f"/approvals/plans/{moved}/approve", school.head_token(), {})
    coordinator = school.partner("coordinator", "Līga Ozoliņa", "municipality_coordinator",
                                 {"kind": "municipality", "id": school.municipality_id})
    browser.sign_in(driver, browser.portal_url(), coordinator["subject"])
    open_queue(driver, moved)
    # Filter by the risk the plan names, then by one it does not.
    choose(driver, "riskCode", "L02")
    click(driver, "apply-filters")
    assert driver.find_elements(By.ID, f"open-{moved}"), main_text(driver)
    browser.check_accessibility(driver, "overview-01-queue-filtered")
    driver.get(browser.portal_url() + "/queue?riskCode=L05")
    assert not driver.find_elements(By.ID, f"open-{moved}"), main_text(driver)
    click(driver, "nav-overview")
    table = text_of(driver, "overview")
    assert school.name in table, table
    browser.check_accessibility(driver, "overview-02-institutions")
    assert waiting
