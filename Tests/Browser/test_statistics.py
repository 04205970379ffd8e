"""Issue #20, statistics in the browser: an IKVD expert opens "Statistika", sees the programme's
tables for the current school year as server-drawn bar charts with their data tables under them
(axe-clean), picks another grouping from the form, and downloads a table as CSV through the portal."""
import browser
from fixtures import School
from plan_steps import choose, click, main_text
from selenium.webdriver.common.by import By
from work_steps import submitted_plan


def test_ikvd_sees_charts_and_downloads_csv(driver):
    school = School()
    submitted_plan(school)
    expert = school.partner("expert", "Inese Liepa", "ikvd_expert", {"kind": "national"})
    browser.sign_in(driver, browser.portal_url(), expert["subject"])
    click(driver, "nav-statistics")

    # By region (the default): the plans per region, with the new school's region counted.
    chart = driver.find_element(By.ID, "chart-plans_by_region")
    assert chart.get_attribute("role") == "img"
    assert driver.find_element(By.ID, "chart-plans_by_region-title").get_attribute("textContent")
    bars = [int(r.get_attribute("width")) for r in chart.find_elements(By.TAG_NAME, "rect")]
    assert any(width > 0 for width in bars), bars
    table = driver.find_element(By.ID, "table-plans_by_region").text
    assert "Latgale" in table, table
    browser.check_accessibility(driver, "statistics-01-region")

    # Another grouping, chosen with the form.
    choose(driver, "groupBy", "specialist")
    click(driver, "show-statistics")
    assert driver.find_element(By.ID, "chart-consultations_by_specialist").is_displayed()
    assert driver.find_element(By.ID, "table-consultations_by_specialist").is_displayed()
    choose(driver, "groupBy", "institution")
    click(driver, "show-statistics")
    assert school.name in driver.find_element(By.ID, "table-plans_by_institution").text, main_text(driver)
    browser.check_accessibility(driver, "statistics-02-institution")

    # The CSV through the portal, as the signed-in person.
    choose(driver, "groupBy", "region")
    click(driver, "show-statistics")
    href = driver.find_element(By.ID, "csv-plans_by_region").get_attribute("href")
    csv = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done(r.status + '\\n' + r.headers.get('content-type') + '\\n' + t)))"
        ".catch(e => done('error ' + e));", href)
    status, content_type, body = csv.split("\n", 2)
    assert status == "200" and content_type.startswith("text/csv"), csv[:300]
    assert "Latgale" in body and "Kopā / Total" in body, body[:500]
