"""Plans for the approvers' browser tests, made through intake's API as the school's preparer would
(faster than the form, which test_preparer_path covers), and waited for in the head's queue."""
import time

import browser
from fixtures import APPROVAL, School, call, http, mint, must, personal_code
from plan_steps import click, main_text
from selenium.webdriver.common.by import By

CONTENT = {
    "card": {"gradeOrCourse": 8, "preparerName": "Ilze Kalniņa",
             "situation": "Skolēns dzīvo ar vecmāmiņu, māte strādā Īrijā; mācību gada sākumā kavē un nepilda mājasdarbus.",
             "goal": "Semestra beigās matemātikā un latviešu valodā sasniegt vismaz 4 balles."},
    "risks": [{"code": "L02", "level": "high",
               "justification": "Matemātikā un latviešu valodā 1. semestra pirmajos ieskaites darbos četri nepietiekami vērtējumi; skolēns pats saka, ka nesaprot daļskaitļus.",
               "subjects": ["matemātika", "latviešu valoda"],
               "howSupportHelps": "Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas un nokārtot ieskaites."}],
    "measures": [{"type": "consultation", "addresses": ["L02"], "kind": "consultation", "providers": ["teacher"], "plannedMinutes": 960,
                  "fundedElsewhere": False}],
    "priorityRisk": "L02",
}


def preparer_token(school: School) -> str:
    if "preparer" not in school.people:
        school.person("preparer", "Ilze Kalniņa", "preparer")
    return mint(school.people["preparer"]["id"], "preparer", f"institution:{school.institution_id}")


def submitted_plan(school: School, semester: str = "2022/2023-1") -> str:
    """A plan written and submitted through intake's API; returns its id once it waits for the head."""
    token = preparer_token(school)
    plan = must("POST", "/plans", {"institutionId": school.institution_id, "personalCode": personal_code(), "semester": semester}, token)
    must("PUT", f"/plans/{plan['id']}/content", CONTENT, token)
    must("POST", f"/plans/{plan['id']}/submit", {}, token)
    wait_for_state(plan["id"], school.head_token(), "awaiting_institution_head")
    return plan["id"].lower()


def approval(method: str, path: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    return http(method, APPROVAL + path, token, body)


def wait_for_state(plan_id: str, token: str, state: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        status, answer = approval("GET", f"/approvals/plans/{plan_id}", token)
        if status == 200 and answer.get("plan", {}).get("state") == state:
            return
        assert time.monotonic() < deadline, f"{plan_id} never reached {state}: {status} {answer}"
        time.sleep(0.5)



def open_queue(driver, plan_id: str) -> None:
    click(driver, "nav-queue")
    browser.wait_until(lambda: driver.find_elements(By.ID, f"open-{plan_id}") or driver.refresh(), what=f"{plan_id} in the queue")


def text_of(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


__all__ = ["submitted_plan", "approval", "wait_for_state", "open_queue", "text_of", "main_text", "call"]
