"""Test data for finance's browser test, made through the services' APIs as each person would
(the demo semester's steps, Shared/PlatformClient/DemoSemester.swift): a plan written, consent
recorded, submitted and approved at every level; the specialist's staff contract; a consultation
recorded, the month submitted by the specialist and approved by the school's coordinator; the
specialist's bank account. Payouts then pays the month (staff pay, released). Also a meals claim
with its receipt (released at once), and a change of the specialist's account proposed by a
second finance officer, for the signed-in one to confirm."""
import time
import uuid

from fixtures import ROOT, School, http, mint, personal_code, service_url

INTAKE = service_url("INTAKE", 8080)
APPROVAL = service_url("APPROVAL", 8082)
TIMESHEETS = service_url("TIMESHEETS", 8083)
PAYOUTS = service_url("PAYOUTS", 8084)
PLAN_CONTENT = ROOT / "deploy/local/demo/plan-content.json"
CONSENT_PDF = ROOT / "deploy/local/demo/consent-form.pdf"
SEMESTER = "2022/2023-1"


def send(url: str, method: str, token: str, body=None, content_type: str = "application/json",
         headers: dict | None = None) -> tuple[int, dict]:
    return http(method, url, token, body, content_type, headers)


def until(step: str, attempt, seconds: float = 60):
    """Repeats `attempt` (returning (done, what)) until done: the services learn of each other's
    changes through the broker, a moment later."""
    deadline = time.monotonic() + seconds
    while True:
        done, what = attempt()
        if done:
            return what
        if time.monotonic() > deadline:
            raise AssertionError(f"{step}: {what}")
        time.sleep(0.5)


class ApprovedMonth:
    """A school whose specialist's month on an approved plan is approved: staff pay for `month`."""

    def __init__(self, month: str = "2022-10", work_date: str = "2022-10-12", minutes: int = 90):
        self.month = month
        self.school = school = School()
        preparer = school.person("preparer", "Ilze Kalniņa", "preparer")
        self.specialist = school.person("specialist", "Mārtiņš Egle", "specialist")
        coordinator = school.person("coordinator_school", "Dace Kalna", "institution_coordinator")
        self.finance = school.partner("finance", "Pēteris Kalns", "finance", {"kind": "national"})
        scope = f"institution:{school.institution_id}"
        as_preparer = mint(preparer["id"], "preparer", scope)
        as_specialist = mint(self.specialist["id"], "specialist", scope)
        as_coordinator = mint(coordinator["id"], "institution_coordinator", scope)

        def ok(step, reply, *codes):
            status, answer = reply
            assert status in codes, f"{step}: {status} {answer}"
            return answer

        plan = ok("plan", send(INTAKE + "/plans", "POST", as_preparer, {"institutionId": school.institution_id,
                                                                          "personalCode": personal_code(), "semester": SEMESTER}), 201)
        self.plan_id = plan_id = plan["id"].lower()
        self.student_code = plan.get("studentCode", "")
        ok("content", send(f"{INTAKE}/plans/{plan_id}/content", "PUT", as_preparer, PLAN_CONTENT.read_bytes()), 200)
        form = ok("consent form", send(f"{INTAKE}/plans/{plan_id}/documents?purpose=consent&kind=consent_form", "POST", as_preparer,
                                       CONSENT_PDF.read_bytes(), "application/pdf"), 201)
        ok("consent", send(f"{INTAKE}/plans/{plan_id}/consent", "PUT", as_preparer,
                           {"signer": "parent_or_guardian", "signedOn": "2022-09-05", "documentId": form["id"]}), 200)
        ok("submit", send(f"{INTAKE}/plans/{plan_id}/submit", "POST", as_preparer, b"{}",
                          headers={"Idempotency-Key": f"finance-test-{uuid.uuid4()}"}), 202)
        self.wait_for_status(as_preparer, "awaiting_institution_head")
        school.approve_all_the_way(plan_id)
        read = self.wait_for_status(as_preparer, "approved")
        self.student_code = read.get("studentCode", self.student_code)

        summary = ok("approval summary", send(f"{APPROVAL}/approvals/plans/{plan_id}", "GET", as_preparer), 200)
        teacher = next(m["measureId"] for m in summary.get("measures", []) if "teacher" in (m.get("providers") or []))
        ok("contract", send(TIMESHEETS + "/timesheets/contracts", "POST", as_coordinator, {
            "personId": self.specialist["id"], "institutionId": school.institution_id, "profession": "teacher",
            "hourlyRateCents": 1500, "validFrom": "2022-09-01"}), 201)
        entry = {"planId": plan_id, "measureId": teacher.lower(), "workDate": work_date, "minutes": minutes,
                 "providerType": "teacher", "subject": "matemātika", "remote": False}

        def record():
            status, answer = send(TIMESHEETS + "/timesheets/entries", "POST", as_specialist, entry)
            return status == 201, answer if status == 201 else f"{status} {answer}"
        recorded = until("consultation", record)
        self.work_log = work_log = recorded["entry"]["workLogId"].lower()
        ok("month submitted", send(f"{TIMESHEETS}/timesheets/worklogs/{work_log}/submit", "POST", as_specialist, b"{}"), 200)
        ok("month approved", send(f"{TIMESHEETS}/timesheets/worklogs/{work_log}/approve", "POST", as_coordinator, b"{}"), 200)

        def bank_account():
            status, answer = send(f"{PAYOUTS}/payouts/payees/staff/{self.specialist['id']}", "PUT", as_specialist,
                                  {"name": "Mārtiņš Egle", "iban": "LV97HABA0012345678910"})
            return status == 200, f"{status} {answer}"
        until("bank account", bank_account)
        self.pay_cents = (minutes * 1500 + 30) // 60
        as_finance = mint(self.finance["id"], "finance", "national")

        def paid():
            status, answer = send(f"{PAYOUTS}/finance/payouts?kind=staff&institutionId={school.institution_id}", "GET", as_finance)
            items = answer.get("items", []) if status == 200 else []
            return any(item["state"] == "released" for item in items), f"{status} {answer}"
        until("staff pay released", paid)
        self.payout_id = self.staff_payout(as_finance)

        # A meals claim for the month, with its receipt (the plan is approved: released at once).
        meals = next(m["measureId"] for m in summary.get("measures", []) if m.get("type") == "meals")
        receipt_bytes = CONSENT_PDF.read_bytes() + f"\n% receipt {uuid.uuid4()}\n".encode()
        receipt = ok("receipt", send(PAYOUTS + "/payouts/receipts", "POST", as_preparer, receipt_bytes, "application/pdf"), 201)
        claim = ok("claim", send(PAYOUTS + "/payouts/claims", "POST", as_preparer, {
            "planId": plan_id, "measureId": meals.lower(), "period": month, "amountCents": 2500,
            "description": "Pusdienas skolas ēdnīcā", "receiptId": receipt["id"],
            "payee": {"name": "Anna Bērziņa", "iban": "LV80BANK0000435195001"}}), 201)
        self.claim_id = claim["id"].lower()
        self.receipt_bytes = receipt_bytes

    def propose_account_change(self) -> str:
        """A second finance officer proposes a new account for the specialist (to be confirmed by another)."""
        other = self.school.partner("finance_other", "Agris Lācis", "finance", {"kind": "national"})
        token = mint(other["id"], "finance", "national")
        status, answer = send(f"{PAYOUTS}/finance/staff-payees/{self.specialist['id']}/changes", "POST", token,
                              {"name": "Mārtiņš Egle", "iban": "LV80BANK0000435195001", "reason": "Iesniegums papīrā, 2022-11-02"})
        assert status == 201, f"proposal: {status} {answer}"
        return answer["id"].lower()

    def staff_payout(self, token: str) -> str:
        _, answer = send(f"{PAYOUTS}/finance/payouts?kind=staff&institutionId={self.school.institution_id}", "GET", token)
        return answer["items"][0]["payoutId"].lower()

    def wait_for_status(self, token: str, status: str) -> dict:
        def check():
            code, answer = send(f"{INTAKE}/plans/{self.plan_id}", "GET", token)
            return code == 200 and (answer.get("status") or {}).get("code") == status, answer
        return until(f"plan {status}", check)
