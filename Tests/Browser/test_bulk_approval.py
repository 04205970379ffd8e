"""Issue #20: bulk approval from the queue. The head ticks four plans with the keyboard (each box
labelled with the plan's S-code), sees them listed on a confirmation page, and gets one line per plan:
three approved, and one refused with the reason, because another head returned it meanwhile."""
import browser
from approval_steps import approval, open_queue, submitted_plan, text_of
from fixtures import School, mint
from plan_steps import click, main_text
from selenium.webdriver.common.by import By


def test_head_approves_four_plans_at_once(driver):
    school = School()
    plans = [submitted_plan(school) for _ in range(4)]
    deputy = school.person("deputy", "Anna Kalna", "institution_head")
    browser.sign_in(driver, browser.portal_url(), school.people["head"]["subject"])
    for plan_id in plans:
        open_queue(driver, plan_id)
    browser.check_accessibility(driver, "bulk-01-queue")
    for plan_id in plans:
        label = driver.find_element(By.CSS_SELECTOR, f"label[for='select-{plan_id}']").text or \
            driver.find_element(By.CSS_SELECTOR, f"label[for='select-{plan_id}']").get_attribute("textContent")
        assert "S-" in label, label
        browser.tab_to(driver, f"select-{plan_id}", max_presses=120)
        browser.press_space(driver)
        assert driver.find_element(By.ID, f"select-{plan_id}").is_selected()
    browser.tab_to(driver, "approve-selected", max_presses=40)
    browser.navigate_by(driver, lambda: browser.press_enter(driver))
    listed = text_of(driver, "bulk-plans")
    assert "4" in driver.find_element(By.CSS_SELECTOR, "#bulk-plans caption").text, listed
    browser.check_accessibility(driver, "bulk-02-confirm")

    token = mint(deputy["id"], "institution_head", f"institution:{school.institution_id}")
    status, answer = approval("POST", f"/approvals/plans/{plans[3]}/return", token, {"comment": "Jāprecizē mērķis."})
    assert status == 200, answer
    click(driver, "confirm-bulk")
    summary = text_of(driver, "bulk-summary")
    assert "Saskaņoti: 3" in summary and "nav saskaņoti: 1" in summary, main_text(driver)
    for plan_id in plans[:3]:
        assert "Saskaņots" in text_of(driver, f"result-{plan_id}"), main_text(driver)
    refused = text_of(driver, f"result-{plans[3]}")
    assert "Nav saskaņots" in refused and "Atgriezts" in refused and "S-" in refused, refused
    browser.check_accessibility(driver, "bulk-03-result")
