"""Test data for the work-record and statistics browser tests, made through the real APIs as each
role would: a plan written, consented and submitted by the school's preparer, approved all the way,
a staff contract for the specialist, and the plan open for recording in timesheets. The semester is
the one in force today (deploy/local/programme-settings.json), so entries are never in the future."""
import datetime
import json
import time

from fixtures import INTAKE, ROOT, http, mint, personal_code, service_url

TIMESHEETS = service_url("TIMESHEETS", 8083)
REPORTING = service_url("REPORTING", 8086)
CONSENT_PDF = ROOT / "deploy/local/demo/consent-form.pdf"


def must(method: str, url: str, token: str, body=None, **options):
    status, answer = http(method, url, token, body, **options)
    assert 200 <= status < 300, f"{method} {url}: {status} {answer}"
    return answer


def semester_today() -> tuple[str, datetime.date, datetime.date, datetime.date]:
    """(code, start, end, work day): the latest semester that has started, and a day in it not after today."""
    settings = json.loads((ROOT / "deploy/local/programme-settings.json").read_text())
    today = datetime.datetime.now(datetime.timezone.utc).date()
    best = None
    for entry in settings["semesters"]:
        start = datetime.date.fromisoformat(entry["start"])
        if start <= today and (best is None or start > best[1]):
            best = (entry, start, datetime.date.fromisoformat(entry["end"]))
    entry, start, end = best
    year, number = entry["semester"]["schoolYear"], entry["semester"]["number"]
    return f"{year}/{year + 1}-{number}", start, end, min(today, end)


def work_days(count: int) -> list[str]:
    """`count` days of one month inside the semester, the latest first being the work day."""
    _, start, _, day = semester_today()
    days = []
    for back in range(count):
        candidate = day - datetime.timedelta(days=back)
        days.append((candidate if candidate >= start and candidate.month == day.month else day).isoformat())
    return days


def submitted_plan(school, teacher_minutes: int = 120) -> str:
    """A plan of the school's preparer for the semester in force, consent recorded, submitted: its id."""
    code, start, _, _ = semester_today()
    preparer = school.people.get("preparer") or school.person("preparer", "Ilze Kalniņa", "preparer")
    token = mint(preparer["id"], "preparer", f"institution:{school.institution_id}")
    content = json.loads((ROOT / "deploy/local/demo/plan-content.json").read_text())
    content["measures"][0]["plannedMinutes"] = teacher_minutes
    plan = must("POST", INTAKE + "/plans", token, {"institutionId": school.institution_id, "personalCode": personal_code(), "semester": code})
    plan_id = plan["id"]
    must("PUT", f"{INTAKE}/plans/{plan_id}/content", token, json.dumps(content).encode())
    form = must("POST", f"{INTAKE}/plans/{plan_id}/documents?purpose=consent&kind=consent_form", token, CONSENT_PDF.read_bytes(),
                content_type="application/pdf")
    must("PUT", f"{INTAKE}/plans/{plan_id}/consent", token, {"signer": "parent_or_guardian", "signedOn": start.isoformat(), "documentId": form["id"]})
    must("POST", f"{INTAKE}/plans/{plan_id}/submit", token, b"{}", headers={"Idempotency-Key": f"browser-submit-{plan_id}"})
    return plan_id


def open_plan(school, teacher_minutes: int = 120) -> dict:
    """A plan of the school's preparer, approved all the way and open for recording, with a
    teacher's consultation of `teacher_minutes`; the specialists (if any) get a teacher's contract."""
    code, start, _, _ = semester_today()
    plan_id = submitted_plan(school, teacher_minutes)
    # Approval routing learns of the submission from a message: retried until it has.
    school.approve_all_the_way(plan_id)
    head = school.head_token()
    for person in [p for key, p in school.people.items() if key.startswith("specialist")]:
        status, answer = http("POST", TIMESHEETS + "/timesheets/contracts", head,
                              {"personId": person["id"], "institutionId": school.institution_id, "profession": "teacher",
                               "hourlyRateCents": 1500, "validFrom": start.isoformat()})
        assert status in (201, 409), answer
    # Timesheets opens the plan when it hears of the approval.
    deadline = time.monotonic() + 60
    while True:
        _, listed = http("GET", TIMESHEETS + f"/timesheets/plans?semester={code}&limit=200", head)
        found = [p for p in listed.get("items", []) if p["planId"].lower() == plan_id.lower()] if isinstance(listed, dict) else []
        if found:
            teacher = next(m for m in found[0]["measures"] if "teacher" in m["providers"])
            return {"planId": plan_id, "studentCode": found[0]["studentCode"], "measureId": teacher["measureId"].lower(), "semester": code}
        assert time.monotonic() < deadline, f"plan {plan_id} never opened for recording: {listed}"
        time.sleep(0.5)


def record(school, person_key: str, plan: dict, day: str, minutes: int, subject: str = "matemātika") -> dict:
    """A teacher's in-person session, through the API as the specialist."""
    person = school.people[person_key]
    token = mint(person["id"], "specialist", f"institution:{school.institution_id}")
    return must("POST", TIMESHEETS + "/timesheets/entries", token,
                {"planId": plan["planId"], "measureId": plan["measureId"], "workDate": day, "minutes": minutes,
                 "providerType": "teacher", "subject": subject, "remote": False})


def submit(school, person_key: str, work_log_id: str) -> None:
    person = school.people[person_key]
    token = mint(person["id"], "specialist", f"institution:{school.institution_id}")
    must("POST", f"{TIMESHEETS}/timesheets/worklogs/{work_log_id}/submit", token, {})
