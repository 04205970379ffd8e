"""Test data for the browser tests, made through the real intake API as IKVD's administrator
would (its token: .local/jwt/ikvd-admin.token, written by deploy/local/run): a municipality, a
school, and people with sign-in subjects the local identity provider accepts. Every run makes
its own, with a unique suffix, so runs never see each other's plans."""
import json
import os
import random
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# PUMPURS_PORT_OFFSET moves every service's port (deploy/local/lib.sh), for a second copy of the system.
PORT_OFFSET = int(os.environ.get("PUMPURS_PORT_OFFSET", "0") or 0)


def service_url(name: str, port: int) -> str:
    return os.environ.get(f"PUMPURS_{name}_URL", f"http://127.0.0.1:{port + PORT_OFFSET}").rstrip("/")


INTAKE = service_url("INTAKE", 8080)


def admin_token() -> str:
    return (ROOT / ".local/jwt/ikvd-admin.token").read_text().strip()


def http(method: str, url: str, token: str, body=None, content_type: str = "application/json",
         headers: dict | None = None) -> tuple[int, object]:
    """One call to a service's API as `token` (a dict is sent as JSON, bytes as they are): the status and
    the answer's JSON ({} when empty); bytes when a success is not JSON, {"body": text} when a refusal is not."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", content_type)
    request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    if not raw:
        return status, {}
    if raw[:1] in (b"{", b"["):
        return status, json.loads(raw)
    return status, raw if status < 400 else {"body": raw.decode(errors="replace")}


def call(method: str, path: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    """Intake's API (the directory, plans) as `token`, or as IKVD's administrator."""
    return http(method, INTAKE + path, token or admin_token(), body)


def must(method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
    status, answer = call(method, path, body, token)
    assert 200 <= status < 300, f"{method} {path}: {status} {answer}"
    return answer


def personal_code(born_year: int = 2011) -> str:
    """A valid old-format Latvian personal code (DDMMYY-CNNNN with the checksum)."""
    while True:
        day, month = random.randint(1, 28), random.randint(1, 12)
        century = 2 if born_year >= 2000 else 1
        digits = f"{day:02d}{month:02d}{born_year % 100:02d}{century}{random.randint(0, 999):03d}"
        weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        check = (1101 - sum(int(d) * w for d, w in zip(digits, weights))) % 11
        if check < 10:
            return f"{digits[:6]}-{digits[6:]}{check}"


class School:
    """A municipality, a general school in it, and its people, made fresh for one test."""

    def __init__(self):
        self.suffix = f"{int(time.time())}{random.randint(100, 999)}"
        municipality = must("POST", "/directory/municipalities", {"name": f"Pārbaudes novads {self.suffix}", "region": "Latgale"})
        self.municipality_id = municipality["id"]
        school = must("POST", "/directory/institutions", {"name": f"Pārbaudes vidusskola {self.suffix}", "kind": "general",
                                                        "founder": "municipal", "municipalityId": self.municipality_id})
        self.institution_id = school["id"]
        self.name = school["name"]
        self.people: dict[str, dict] = {}

    def person(self, key: str, name: str, role: str, language: str = "lv") -> dict:
        """A person with one role in the school. IKVD gives the head's role; the head gives the rest."""
        subject = f"{key}.{self.suffix}@browser.pumpurs.example.lv"
        by = None if role == "institution_head" else self.head_token()
        person = must("POST", "/directory/people", {"name": name, "email": subject, "language": language, "signInSubject": subject}, by)
        assignment = must("POST", "/directory/assignments", {"personId": person["id"], "role": role,
                                                             "scope": {"kind": "institution", "id": self.institution_id}}, by)
        entry = {"id": person["id"], "subject": subject, "assignment": assignment["id"], "name": name}
        self.people[key] = entry
        return entry

    def partner(self, key: str, name: str, role: str, scope: dict) -> dict:
        """A municipality coordinator or IKVD expert, given their role by IKVD."""
        subject = f"{key}.{self.suffix}@browser.pumpurs.example.lv"
        person = must("POST", "/directory/people", {"name": name, "email": subject, "language": "lv", "signInSubject": subject})
        assignment = must("POST", "/directory/assignments", {"personId": person["id"], "role": role, "scope": scope})
        entry = {"id": person["id"], "subject": subject, "assignment": assignment["id"], "name": name}
        self.people[key] = entry
        return entry

    def approve_all_the_way(self, plan_id: str) -> None:
        """Head, municipality coordinator, IKVD expert: the plan becomes approved."""
        head = self.head_token()
        coordinator = self.people.get("coordinator") or self.partner("coordinator", "Līga Ozoliņa", "municipality_coordinator",
                                                                       {"kind": "municipality", "id": self.municipality_id})
        expert = self.people.get("expert") or self.partner("expert", "Inese Liepa", "ikvd_expert", {"kind": "national"})
        approve(plan_id, head)
        approve(plan_id, mint(coordinator["id"], "municipality_coordinator", f"municipality:{self.municipality_id}"))
        approve(plan_id, mint(expert["id"], "ikvd_expert", "national"))

    def head_token(self) -> str:
        if "head" not in self.people:
            self.person("head", "Jānis Bērziņš", "institution_head")
        return mint(self.people["head"]["id"], "institution_head", f"institution:{self.institution_id}")

    def revoke(self, key: str) -> None:
        must("POST", f"/directory/assignments/{self.people[key]['assignment']}/revoke", {}, self.head_token())


APPROVAL = service_url("APPROVAL", 8082)


def approve(plan_id: str, token: str) -> None:
    """One approval step through approval routing's API (retried while the role reaches its directory copy)."""
    decide(plan_id, "approve", token)


def decide(plan_id: str, command: str, token: str, comment: str | None = None) -> None:
    """One decision (approve, return, suspend, resume, review, delete) through approval routing's API,
    retried while the decider's role or the plan reaches the service's copy."""
    deadline = time.monotonic() + 30
    while True:
        status, answer = http("POST", f"{APPROVAL}/approvals/plans/{plan_id}/{command}", token,
                              {} if comment is None else {"comment": comment})
        if status == 200:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{command} {plan_id}: {status} {answer}")
        time.sleep(0.5)


def mint(person: str, role: str, scope: str) -> str:
    """A development token (the CLI signs with the development key the services trust locally)."""
    binary = os.environ.get("PUMPURS_BIN", str(ROOT / ".build/debug/pumpurs"))
    env = dict(os.environ, PUMPURS_MODE="development", PUMPURS_JWT_PRIVATE_KEY_FILE=str(ROOT / ".local/jwt/dev-private.pem"))
    return subprocess.run([binary, "token", "--person", person, "--role", role, "--scope", scope, "--minutes", "30"],
                          check=True, capture_output=True, text=True, env=env).stdout.strip()
