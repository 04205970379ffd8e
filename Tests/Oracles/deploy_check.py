#!/usr/bin/env python3
"""Structure check of the deployment files for users (deploy/docker, deploy/compose, deploy/k8s).

No container engine runs these files on the development machines, so this is what keeps them
honest: it parses every YAML document and checks what they say against the code they deploy.
The facts come from the code, not from a copy here: the services, executables and ports from
Shared/ServiceKit/Runtime/PlatformServices.swift, the products from Package.swift, the drain time
from ServiceHost.swift, the queue name from AMQPTopology.swift, and the accepted environment
variable names from the Swift sources under Services/ and Shared/ (a name must occur there as a
string literal, so a typo'd key fails).

    python3 Tests/Oracles/deploy_check.py [--root DIR] [--code-root DIR]

--root is the folder holding deploy/ (default: this repository); --code-root the folder holding
Package.swift, Services/ and Shared/ (default: --root). Prints one line per check: `ok   name:
summary`, or `FAIL name: problem` for each problem. Exit 0 when everything holds, 1 otherwise,
2 when the checker cannot run at all (PyYAML missing: Debian package python3-yaml).
"""

import argparse
import base64
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    import yaml
except ImportError:  # pragma: no cover - environment problem, not a finding
    print("deploy_check: PyYAML is missing (Debian: apt-get install python3-yaml)", file=sys.stderr)
    sys.exit(2)


# ------------------------------------------------------------------------------------ helpers

class Report:
    """Collects findings per check and prints one line per check (plus one per problem)."""

    def __init__(self):
        self.failed = False

    def run(self, name, fn):
        problems = []
        try:
            summary = fn(problems)
        except Exception as error:  # a missing key etc. is a finding, not a crash
            problems.append(f"could not check ({type(error).__name__}: {error})")
            summary = None
        if problems:
            self.failed = True
            for p in problems:
                print(f"FAIL {name}: {p}")
        else:
            print(f"ok   {name}: {summary}")


def load_yaml_documents(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def parse_memory(quantity):
    """Kubernetes memory quantity → bytes."""
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([A-Za-z]*)", str(quantity).strip())
    if not m or (m.group(2) and m.group(2) not in units):
        raise ValueError(f"not a memory quantity: {quantity!r}")
    return float(m.group(1)) * units.get(m.group(2), 1)


def parse_duration(text):
    """Compose duration (`40s`, `1m30s`, `500ms`) → seconds."""
    text = str(text).strip()
    parts = re.findall(r"(\d+(?:\.\d+)?)(us|ms|s|m|h)", text)
    if not parts or "".join(a + b for a, b in parts) != text:
        raise ValueError(f"not a duration: {text!r}")
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}
    return sum(float(a) * scale[b] for a, b in parts)


def split_url(url):
    """(scheme, user, password, host, port, path) of a URL, percent-decoded."""
    u = urlsplit(url)
    return (u.scheme, unquote(u.username or ""), unquote(u.password or ""), u.hostname or "", u.port,
            unquote(u.path.lstrip("/")))


def command_words(value):
    """A compose/k8s command (list or string) as a list of words."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value]


# -------------------------------------------------------------------------- facts from the code

class Code:
    """What the Swift sources say: services, products, drain time, queue names, environment keys."""

    def __init__(self, root):
        self.root = root
        platform = (root / "Shared/ServiceKit/Runtime/PlatformServices.swift").read_text(encoding="utf-8")
        entry = r'Entry\(name:\s*"([^"]+)",\s*executable:\s*"([^"]+)",\s*port:\s*(\d+)\)'

        def entries(text):
            return [{"name": n, "executable": e, "port": int(p)} for n, e, p in re.findall(entry, text)]

        # The broker services (`PlatformServices.all`: a schema, a queue and a broker user each) and
        # the staff portal (`PlatformServices.portal`: a schema and an HTTP port, no broker at all).
        # Every Entry in the file must be one of these, so a new kind of entry is not silently ignored.
        self.all_entries = entries(platform)
        m = re.search(r'static let all:\s*\[Entry\]\s*=\s*\[(.*?)\n\s*\]', platform, re.DOTALL)
        self.services = entries(m.group(1)) if m else []
        m = re.search(r'static let portal\s*=\s*' + entry, platform)
        self.portal = {"name": m.group(1), "executable": m.group(2), "port": int(m.group(3))} if m else None
        package = (root / "Package.swift").read_text(encoding="utf-8")
        self.products = re.findall(r'\.executable\(\s*name:\s*"([^"]+)"', package)
        # SwiftPM copies a target's resources into `<package>_<target>.resources` next to the
        # executables; Bundle.module looks for it beside the running binary.
        m = re.search(r'Package\(\s*name:\s*"([^"]+)"', package)
        package_name = m.group(1) if m else "?"
        self.resource_bundles = sorted(
            f"{package_name}_{target}.resources"
            for target, body in re.findall(r'\.(?:executableT|t)arget\(\s*name:\s*"([^"]+)"(.*?)\)\s*,\s*\n', package, re.DOTALL)
            if re.search(r'\bresources:\s*\[', body))
        # The portal's settings: which keys it requires (no default), and the services it calls.
        config = root / "Services/Portal/PortalConfiguration.swift"
        config_text = config.read_text(encoding="utf-8") if config.exists() else ""
        self.portal_required_env = sorted(set(re.findall(r'required\("([A-Z][A-Z0-9_]*)"\)', config_text)))
        self.portal_service_urls = {key: key[len("PUMPURS_"):-len("_URL")].lower()
                                    for key in re.findall(r'value\("(PUMPURS_[A-Z]+_URL)"\)', config_text)
                                    if key != "PUMPURS_PORTAL_PUBLIC_URL"}
        host = (root / "Shared/ServiceKit/Runtime/ServiceHost.swift").read_text(encoding="utf-8")
        m = re.search(r"maximumGracefulShutdownDuration\s*=\s*\.seconds\((\d+)\)", host)
        self.drain_seconds = int(m.group(1)) if m else None
        permissions = root / "Shared/ServiceKit/Messaging/BrokerPermissions.swift"
        m = re.search(r'static let platform = BrokerUsers\(prefix:\s*"([^"]*)"\)', permissions.read_text(encoding="utf-8")) \
            if permissions.exists() else None
        self.broker_user_prefix = m.group(1) if m else None
        topology = (root / "Shared/AMQP/AMQPTopology.swift").read_text(encoding="utf-8")
        m = re.search(r'func eventQueue\(for service: String\) -> String \{\s*"\\\(service\)([^"]*)"', topology)
        self.queue_suffix = m.group(1) if m else None
        # Every Swift string literal that looks like an environment key, and the prefixes of keys
        # built by interpolation (e.g. "PUMPURS_DB_PASSWORD_\(service.uppercased())").
        self.env_literals = set()
        self.env_prefixes = set()
        for folder in ("Services", "Shared"):
            for path in sorted((root / folder).rglob("*.swift")):
                text = path.read_text(encoding="utf-8", errors="replace")
                self.env_literals.update(re.findall(r'"([A-Z][A-Z0-9_]*)"', text))
                self.env_prefixes.update(re.findall(r'"([A-Z][A-Z0-9_]*_)\\\(', text))

    # Read by the C library, not by our code: tuning the process itself.
    RUNTIME_ENV = {"MALLOC_ARENA_MAX"}

    def reads_env(self, name):
        """True when the code reads `name`: a literal, or an interpolated prefix + a service name
        (or a variable the C runtime itself reads, e.g. glibc's malloc tuning)."""
        if name in self.env_literals or name in self.RUNTIME_ENV:
            return True
        for prefix in self.env_prefixes:
            if name.startswith(prefix) and name[len(prefix):].lower() in {s["name"] for s in self.schema_owners}:
                return True
        return False

    @property
    def schema_owners(self):
        """Everything `pumpurs migrate` gives a database role and schema: the services and the portal."""
        return self.services + ([self.portal] if self.portal else [])

    def service(self, executable):
        return next(s for s in self.services if s["executable"] == executable)


# ---------------------------------------------------------------------------------- Dockerfile

def parse_dockerfile(path):
    """Stages of a Dockerfile: [{'image', 'alias', 'instructions': [(KEYWORD, args)]}], plus ARG defaults."""
    lines, current = [], ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    args, stages = {}, []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        rest = rest.strip()
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        elif keyword == "FROM":
            image = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), ""), rest.split()[0])
            words = rest.split()
            alias = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append({"image": image, "alias": alias, "instructions": []})
        elif stages:
            stages[-1]["instructions"].append((keyword, rest))
    return stages


def dockerfile_env(stage):
    env = {}
    for keyword, rest in stage["instructions"]:
        if keyword == "ENV":
            for name, value in re.findall(r'(\w+)=("[^"]*"|\S+)', rest):
                env[name] = value.strip('"')
    return env


def check_dockerfile(ctx, problems):
    code, stages = ctx.code, ctx.stages
    if len(stages) < 2:
        problems.append(f"{len(stages)} FROM stage(s); a multi-stage build needs at least 2")
        return None
    build, runtime = stages[0], stages[-1]
    if not re.fullmatch(r"swift:6\.\d+(\.\d+)?-bookworm", build["image"]):
        problems.append(f"build stage image {build['image']!r} is not an official swift:6.x-bookworm image")
    if runtime["image"] != "debian:bookworm-slim":
        problems.append(f"runtime stage image {runtime['image']!r} is not debian:bookworm-slim")
    build_runs = " ".join(rest for kw, rest in build["instructions"] if kw == "RUN")
    runtime_runs = " ".join(rest for kw, rest in runtime["instructions"] if kw == "RUN")
    if not re.search(r"swift build\b[^&;]*-c release", build_runs):
        problems.append("the build stage has no `swift build -c release`")
    for package in ("librabbitmq-dev", "libpq-dev", "libcurl4-openssl-dev"):
        if not re.search(rf"\b{re.escape(package)}\b", build_runs):
            problems.append(f"the build stage does not install {package}")
    for package in ("librabbitmq4", "libpq5", "libcurl4"):
        if not re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", runtime_runs):
            problems.append(f"the runtime stage does not install {package}")
    if re.search(r"\bswift\b", runtime_runs):
        problems.append("the runtime stage runs swift (the toolchain belongs in the build stage)")
    expected = {s["executable"] for s in code.schema_owners} | {"pumpurs"}
    if set(code.products) != expected:
        problems.append(f"Package.swift products {sorted(code.products)} differ from the services + the portal + pumpurs {sorted(expected)}")
    for product in sorted(expected | set(code.products)):
        if not re.search(rf"(?<![\w-]){re.escape(product)}(?![\w-])", build_runs):
            problems.append(f"the build stage does not build/stage executable {product}")
    copies = [rest for kw, rest in runtime["instructions"] if kw == "COPY" and "--from=" in rest]
    source = build["alias"] or "0"
    if not any(re.search(rf"--from={re.escape(source)}\b", c) for c in copies):
        problems.append(f"the runtime stage copies nothing from the build stage ({source})")
    # Resource bundles (the portal's templates, catalogues, assets) must land in the folder the
    # executables land in: Bundle.module looks beside the running binary. The executables are
    # staged by `install ... <dir>/` and that folder is copied into the runtime image.
    staged = set(re.findall(r"\binstall\b[^;&|]*?\s(/\S+?)/?(?:;|\s*$|\s+\|\||\s+&&)", build_runs))
    binary_dirs = {dest.rstrip("/") for c in copies if re.search(rf"--from={re.escape(source)}\b", c)
                   for src, dest in [c.split()[-2:]] if src.rstrip("/") in staged}
    if not binary_dirs:
        problems.append(f"the runtime stage does not copy the staged executables ({sorted(staged)}) from the build stage")
    for bundle in code.resource_bundles:
        m = re.search(rf"\bcp\s+(?:-\w+\s+)*\S*{re.escape(bundle)}\S*\s+(/\S+?)/?(?:;|\s*$|\s+&&|\s+\|\|)", build_runs)
        if not m or not re.search(r"\bcp\s+-\w*[rRa]", m.group(0)):
            problems.append(f"the build stage does not copy the resource bundle {bundle} (a folder: cp -R) next to the executables")
        elif m.group(1).rstrip("/") not in staged:
            problems.append(f"the build stage copies {bundle} to {m.group(1)}, not where the executables are staged ({sorted(staged)})")
    for copy in (rest for kw, rest in runtime["instructions"] if kw in ("COPY", "ADD") and "--from=" not in rest):
        problems.append(f"the runtime stage copies from the context ({copy}); only binaries should come in")
    users = [rest for kw, rest in runtime["instructions"] if kw == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("the runtime stage does not switch to a non-root USER")
    for name in dockerfile_env(runtime):
        if not code.reads_env(name):
            problems.append(f"ENV {name} is not read by the code (no string literal \"{name}\" under Services/ or Shared/)")
    ignore = ctx.root / "deploy/docker/Dockerfile.dockerignore"
    if ignore.exists():
        patterns = [l.strip() for l in ignore.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
        allow_list = bool(patterns) and patterns[0] == "*"
        for secret_dir in (".local", ".build"):
            if allow_list:
                if any(p.lstrip("!/").split("/")[0] == secret_dir for p in patterns if p.startswith("!")):
                    problems.append(f"Dockerfile.dockerignore lets {secret_dir}/ into the build context")
            elif not any(p.strip("/").startswith(secret_dir) for p in patterns):
                problems.append(f"Dockerfile.dockerignore does not keep {secret_dir}/ out of the build context")
    return (f"{len(stages)} stages ({build['image']} → {runtime['image']}), {len(expected)} executables built "
            f"and copied with {', '.join(code.resource_bundles) or 'no resource bundle'} beside them into "
            f"{', '.join(sorted(binary_dirs)) or '?'}, user {users[-1] if users else '?'}")


# ------------------------------------------------------------------------------------- compose

def compose_env(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {str(k): (None if v is None else str(v)) for k, v in env.items()}


def compose_depends(service):
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {d: "service_started" for d in deps}
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


def healthcheck_words(service):
    test = (service.get("healthcheck") or {}).get("test")
    words = command_words(test)
    if words[:1] in (["CMD"], ["CMD-SHELL"]):
        words = words[1:]
    return words


def check_compose_infra(ctx, problems):
    services = ctx.compose["services"]
    found = {}
    wanted = {
        "rabbitmq": (lambda img: img.startswith("rabbitmq:") and "management" in img, ["rabbitmq-diagnostics", "ping"]),
        "postgres": (lambda img: img.startswith("postgres:16"), ["pg_isready"]),
        "mail catcher": (lambda img: "mailpit" in img, []),
    }
    for role, (matches, words) in wanted.items():
        names = [n for n, s in services.items() if matches(str(s.get("image", "")))]
        if len(names) != 1:
            problems.append(f"expected one {role} service, found {names}")
            continue
        name = names[0]
        found[role] = name
        test = healthcheck_words(services[name])
        if not test or test == ["NONE"] or (services[name].get("healthcheck") or {}).get("disable"):
            problems.append(f"{name} has no healthcheck")
        for w in words:
            if w not in test:
                problems.append(f"{name}'s healthcheck does not run {w} (test: {test})")
    ctx.compose_infra = found
    return ", ".join(f"{role}={name} ({services[name]['image']}) healthy-checked" for role, name in found.items())


def effective_compose_env(ctx, service):
    env = dict(ctx.image_env)
    env.update({k: v for k, v in compose_env(service).items() if v is not None})
    return env


def check_compose_migrate(ctx, problems):
    services = ctx.compose["services"]
    names = [n for n, s in services.items() if "pumpurs migrate" in " ".join(command_words(s.get("command")))]
    if len(names) != 1:
        problems.append(f"expected one service running `pumpurs migrate`, found {names}")
        return None
    name = names[0]
    ctx.compose_migrate = name
    migrate = services[name]
    if name not in ctx.compose_ours:
        problems.append(f"{name} does not use the platform image")
    if str(migrate.get("restart", "no")) != "no":
        problems.append(f"{name} must be one-shot (restart: \"no\"), has restart: {migrate.get('restart')}")
    deps = compose_depends(migrate)
    for role in ("rabbitmq", "postgres"):
        infra = ctx.compose_infra.get(role)
        if infra and deps.get(infra) != "service_healthy":
            problems.append(f"{name} does not wait for {infra} with condition service_healthy")
    env = effective_compose_env(ctx, migrate)
    admin = env.get("PUMPURS_DATABASE_ADMIN_URL")
    pg = services.get(ctx.compose_infra.get("postgres", ""), {})
    if not admin:
        problems.append(f"{name} has no PUMPURS_DATABASE_ADMIN_URL")
    elif pg:
        pg_env = compose_env(pg)
        _, user, password, host, _, db = split_url(admin)
        if (user, password, host, db) != (pg_env.get("POSTGRES_USER"), pg_env.get("POSTGRES_PASSWORD"),
                                          ctx.compose_infra["postgres"], pg_env.get("POSTGRES_DB")):
            problems.append(f"{name}'s PUMPURS_DATABASE_ADMIN_URL does not match the postgres service's user/password/host/database")
    for s in ctx.code.schema_owners:
        key = f"PUMPURS_DB_PASSWORD_{s['name'].upper()}"
        if not env.get(key):
            problems.append(f"{name} does not set {key} (the {s['name']} role would get the development password)")
    check_compose_amqp(ctx, name, env, problems, operator=True)
    check_compose_env_names(ctx, name, migrate, problems)
    return f"{name} runs `pumpurs migrate` once, after healthy {', '.join(sorted(deps))}"


def broker_definitions_problems(definitions, where, url, expected_user, operator):
    """Problems of a PUMPURS_AMQP_URL against the broker's definitions document: its user exists with
    that password and has permissions on the URL's vhost; a service logs in as its own user
    (`expected_user`), the operator (migrate) as a user tagged administrator and impersonator."""
    problems = []
    _, user, password, _, _, vhost = split_url(url)
    vhost = vhost or "/"
    users = {u.get("name"): u for u in definitions.get("users") or []}
    if expected_user and user != expected_user:
        problems.append(f"{where}: PUMPURS_AMQP_URL logs in as {user!r}, not as the service's own broker user {expected_user!r}"
                        " (a shared login could publish any service's events)")
    if user not in users:
        problems.append(f"{where}: broker user {user!r} is not in the broker definitions")
        return problems
    if users[user].get("password") != password:
        problems.append(f"{where}: PUMPURS_AMQP_URL password differs from broker user {user!r}'s in the broker definitions")
    if not any(p.get("user") == user and p.get("vhost") == vhost for p in definitions.get("permissions") or []):
        problems.append(f"{where}: broker user {user!r} has no permissions on vhost {vhost!r}")
    tags = users[user].get("tags") or []
    tags = tags.split(",") if isinstance(tags, str) else tags
    if operator and not {"administrator", "impersonator"} <= set(tags):
        problems.append(f"{where}: operator broker user {user!r} is not tagged administrator and impersonator (dead-letter replays keep the original user_id)")
    if not operator and tags:
        problems.append(f"{where}: service broker user {user!r} has tags {tags} (a service needs none)")
    return problems


def compose_broker_definitions(ctx, problems):
    """The definitions document the rabbitmq service loads at boot (a mounted conf file's
    load_definitions naming a mounted JSON file), or None."""
    if hasattr(ctx, "compose_definitions"):
        return ctx.compose_definitions
    ctx.compose_definitions = None
    rabbit = ctx.compose_infra.get("rabbitmq")
    if not rabbit:
        return None
    mounts = {}
    for v in ctx.compose["services"][rabbit].get("volumes") or []:
        parts = str(v).split(":") if not isinstance(v, dict) else [v.get("source"), v["target"]]
        if len(parts) > 1 and parts[0] and parts[0].startswith("."):
            mounts[parts[1]] = ctx.compose_dir / parts[0]
    target = None
    for mount, source in mounts.items():
        if mount.startswith("/etc/rabbitmq/") and mount.endswith(".conf") and source.exists():
            m = re.search(r"^\s*load_definitions\s*=\s*(\S+)", source.read_text(encoding="utf-8"), re.MULTILINE)
            if m:
                target = m.group(1)
    if target is None or target not in mounts:
        problems.append(f"{rabbit} loads no broker definitions (a mounted rabbitmq conf with load_definitions naming a mounted file):"
                        " the services' own broker users would not exist")
        return None
    try:
        ctx.compose_definitions = json.loads(mounts[target].read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        problems.append(f"{rabbit}: broker definitions {mounts[target].name} unreadable ({error})")
    return ctx.compose_definitions


def check_compose_amqp(ctx, name, env, problems, expected_user=None, operator=False):
    url = env.get("PUMPURS_AMQP_URL")
    rabbit = ctx.compose_infra.get("rabbitmq")
    if not url:
        problems.append(f"{name} has no PUMPURS_AMQP_URL")
        return
    if not rabbit:
        return
    if split_url(url)[3] != rabbit:
        problems.append(f"{name}'s PUMPURS_AMQP_URL host is not the {rabbit} service")
    definitions = compose_broker_definitions(ctx, problems)
    if definitions is not None:
        problems.extend(broker_definitions_problems(definitions, name, url, expected_user, operator))


def check_compose_env_names(ctx, name, service, problems):
    for key in compose_env(service):
        if not ctx.code.reads_env(key):
            problems.append(f"{name}: environment {key} is not read by the code")
    for value in compose_env(service).values():
        for var in re.findall(r"\$\{(\w+)", value or ""):
            if not ctx.code.reads_env(var):
                problems.append(f"{name}: interpolates ${{{var}}}, which the code does not read")


def compose_published_targets(service):
    targets = []
    for p in service.get("ports") or []:
        if isinstance(p, dict):
            targets.append(int(p["target"]))
        else:
            targets.append(int(str(p).split("/")[0].rsplit(":", 1)[-1]))
    return targets


def check_compose_services(ctx, problems):
    services = ctx.compose["services"]
    migrate_env = effective_compose_env(ctx, services[ctx.compose_migrate]) if ctx.compose_migrate else {}
    limits = {}
    for s in ctx.code.services:
        exe, port, name = s["executable"], s["port"], s["name"]
        names = [n for n, svc in services.items() if command_words(svc.get("command"))[:1] == [exe]]
        if len(names) != 1:
            problems.append(f"{exe}: expected one compose service running it, found {names}")
            continue
        cname = names[0]
        svc = services[cname]
        where = f"{cname} ({exe})"
        if cname not in ctx.compose_ours:
            problems.append(f"{where} does not use the platform image")
        env = effective_compose_env(ctx, svc)
        if int(env.get("PUMPURS_HTTP_PORT", port)) != port:
            problems.append(f"{where}: PUMPURS_HTTP_PORT {env.get('PUMPURS_HTTP_PORT')} is not {port}")
        if env.get("PUMPURS_HTTP_HOST") not in ("0.0.0.0", "::"):
            problems.append(f"{where}: PUMPURS_HTTP_HOST is {env.get('PUMPURS_HTTP_HOST', '127.0.0.1 (default)')}, unreachable from outside the container")
        targets = compose_published_targets(svc)
        if targets and any(t != port for t in targets):
            problems.append(f"{where}: publishes container port(s) {targets}, the service listens on {port}")
        test = " ".join(healthcheck_words(svc))
        m = re.search(r":(\d+)/health/ready\b", test)
        if not m:
            problems.append(f"{where}: healthcheck does not GET /health/ready (test: {test!r})")
        elif int(m.group(1)) != port:
            problems.append(f"{where}: healthcheck probes port {m.group(1)}, the service listens on {port}")
        elif test.split()[:1] == ["curl"] and not ctx.runtime_installs("curl"):
            problems.append(f"{where}: healthcheck uses curl, which the runtime image does not install")
        deps = compose_depends(svc)
        if ctx.compose_migrate and deps.get(ctx.compose_migrate) != "service_completed_successfully":
            problems.append(f"{where}: does not depend on {ctx.compose_migrate} with condition service_completed_successfully")
        if "stop_grace_period" not in svc:
            problems.append(f"{where}: no stop_grace_period (the default 10 s cuts the drain short)")
        elif ctx.code.drain_seconds and parse_duration(svc["stop_grace_period"]) < ctx.code.drain_seconds:
            problems.append(f"{where}: stop_grace_period {svc['stop_grace_period']} is shorter than the {ctx.code.drain_seconds} s drain")
        url = env.get("PUMPURS_DATABASE_URL")
        if not url:
            problems.append(f"{where}: no PUMPURS_DATABASE_URL")
        else:
            _, user, password, host, _, _ = split_url(url)
            expected_password = migrate_env.get(f"PUMPURS_DB_PASSWORD_{name.upper()}")
            if user != name:
                problems.append(f"{where}: PUMPURS_DATABASE_URL logs in as {user!r}, the service's role is {name!r}")
            if expected_password is not None and password != expected_password:
                problems.append(f"{where}: PUMPURS_DATABASE_URL password differs from migrate's PUMPURS_DB_PASSWORD_{name.upper()}")
            if host != ctx.compose_infra.get("postgres", host):
                problems.append(f"{where}: PUMPURS_DATABASE_URL host {host!r} is not the postgres service")
        check_compose_amqp(ctx, where, env, problems, expected_user=(ctx.code.broker_user_prefix or "") + name)
        smtp = env.get("PUMPURS_SMTP_URL")
        if smtp:
            mail = ctx.compose_infra.get("mail catcher")
            if split_url(smtp)[3] != mail:
                problems.append(f"{where}: PUMPURS_SMTP_URL host is not the mail catcher service {mail}")
            elif deps.get(mail) != "service_healthy":
                problems.append(f"{where}: sends mail but does not wait for {mail} to be healthy")
        check_compose_env_names(ctx, where, svc, problems)
        check_compose_files(ctx, where, svc, env, problems)
        limits[cname] = env.get("PUMPURS_DELIVERY_LIMIT", "5")
    if ctx.compose_migrate:
        limits[ctx.compose_migrate] = migrate_env.get("PUMPURS_DELIVERY_LIMIT", "5")
    if len(set(limits.values())) > 1:
        problems.append(f"PUMPURS_DELIVERY_LIMIT differs between migrate and the services: {limits} (queue redeclaration would fail)")
    return (f"{len(ctx.code.services)} services on ports {', '.join(str(s['port']) for s in ctx.code.services)}: "
            f"/health/ready checks, wait for migrate, stop_grace_period ≥ {ctx.code.drain_seconds} s, credentials agree")


def compose_network_owner(svc):
    """The service whose network namespace `svc` shares (`network_mode: service:<name>`), or None."""
    mode = str(svc.get("network_mode") or "")
    return mode[len("service:"):] if mode.startswith("service:") else None


def compose_host_names(ctx, name):
    """Names under which other containers reach compose service `name`: its own name and aliases,
    or, when it shares another service's network namespace, that service's name and aliases."""
    services = ctx.compose["services"]
    owner = compose_network_owner(services[name])
    target = owner or name
    names = {target}
    networks = services.get(target, {}).get("networks") or {}
    if isinstance(networks, dict):
        for spec in networks.values():
            names.update((spec or {}).get("aliases") or [])
    return names


def compose_published(service):
    """(host port, container port) pairs a compose service publishes."""
    pairs = []
    for p in service.get("ports") or []:
        if isinstance(p, dict):
            pairs.append((int(p.get("published", p["target"])), int(p["target"])))
        else:
            parts = str(p).split("/")[0].split(":")
            pairs.append((int(parts[-2]) if len(parts) > 1 else int(parts[-1]), int(parts[-1])))
    return pairs


def strip_slash(url):
    return (url or "").rstrip("/")


def check_compose_portal(ctx, problems):
    """The staff portal: a web service with a schema of its own but no broker, the identity
    provider reachable under one issuer URL from the browser and the portal, and the services
    trusting its keys."""
    portal = ctx.code.portal
    services = ctx.compose["services"]
    exe, port, role = portal["executable"], portal["port"], portal["name"]
    names = [n for n, svc in services.items() if command_words(svc.get("command"))[:1] == [exe]]
    if len(names) != 1:
        problems.append(f"{exe}: expected one compose service running it, found {names}")
        return None
    cname = names[0]
    svc = services[cname]
    where = f"{cname} ({exe})"
    if cname not in ctx.compose_ours:
        problems.append(f"{where} does not use the platform image")
    env = effective_compose_env(ctx, svc)
    migrate_env = effective_compose_env(ctx, services[ctx.compose_migrate]) if ctx.compose_migrate else {}
    if int(env.get("PUMPURS_HTTP_PORT", port)) != port:
        problems.append(f"{where}: PUMPURS_HTTP_PORT {env.get('PUMPURS_HTTP_PORT')} is not {port}")
    if env.get("PUMPURS_HTTP_HOST") not in ("0.0.0.0", "::"):
        problems.append(f"{where}: PUMPURS_HTTP_HOST is {env.get('PUMPURS_HTTP_HOST', '127.0.0.1 (default)')}, unreachable from outside the container")
    # Published port: its own, or (sharing a namespace) the owner's.
    owner = compose_network_owner(svc)
    if owner is not None and owner not in services:
        problems.append(f"{where}: network_mode service:{owner} names no compose service")
        owner = None
    if owner and svc.get("ports"):
        problems.append(f"{where}: publishes ports although it shares {owner}'s network namespace (compose refuses that)")
    publisher = owner or cname
    published = [h for h, t in compose_published(services[publisher]) if t == port]
    if not published:
        problems.append(f"{where}: port {port} is not published (by {publisher}): no browser could open the portal")
    test = " ".join(healthcheck_words(svc))
    m = re.search(r":(\d+)/health/(ready|live)\b", test)
    if not m:
        problems.append(f"{where}: healthcheck does not GET /health/ready (test: {test!r})")
    elif int(m.group(1)) != port:
        problems.append(f"{where}: healthcheck probes port {m.group(1)}, the portal listens on {port}")
    elif test.split()[:1] == ["curl"] and not ctx.runtime_installs("curl"):
        problems.append(f"{where}: healthcheck uses curl, which the runtime image does not install")
    deps = compose_depends(svc)
    if ctx.compose_migrate and deps.get(ctx.compose_migrate) != "service_completed_successfully":
        problems.append(f"{where}: does not depend on {ctx.compose_migrate} with condition service_completed_successfully (its role and schema)")
    intake = next((n for n, x in services.items() if command_words(x.get("command"))[:1] == ["pumpurs-intake"]), None)
    if intake and deps.get(intake) not in ("service_healthy", "service_started"):
        problems.append(f"{where}: does not depend on {intake} (every page asks its directory who is signed in)")
    if owner and deps.get(owner) != "service_healthy":
        problems.append(f"{where}: does not wait for {owner}, whose network namespace it joins, to be healthy")
    if "stop_grace_period" not in svc:
        problems.append(f"{where}: no stop_grace_period (the default 10 s cuts the drain short)")
    elif ctx.code.drain_seconds and parse_duration(svc["stop_grace_period"]) < ctx.code.drain_seconds:
        problems.append(f"{where}: stop_grace_period {svc['stop_grace_period']} is shorter than the {ctx.code.drain_seconds} s drain")
    # Database: its own role, the password migrate gives it.
    url = env.get("PUMPURS_DATABASE_URL")
    if not url:
        problems.append(f"{where}: no PUMPURS_DATABASE_URL")
    else:
        _, user, password, host, _, _ = split_url(url)
        if user != role:
            problems.append(f"{where}: PUMPURS_DATABASE_URL logs in as {user!r}, the portal's role is {role!r}")
        expected = migrate_env.get(f"PUMPURS_DB_PASSWORD_{role.upper()}")
        if expected is not None and password != expected:
            problems.append(f"{where}: PUMPURS_DATABASE_URL password differs from migrate's PUMPURS_DB_PASSWORD_{role.upper()}")
        if host != ctx.compose_infra.get("postgres", host):
            problems.append(f"{where}: PUMPURS_DATABASE_URL host {host!r} is not the postgres service")
    # No broker: no AMQP URL, no broker user.
    if env.get("PUMPURS_AMQP_URL"):
        problems.append(f"{where}: has a PUMPURS_AMQP_URL; the portal has no broker user and talks HTTP only")
    definitions = compose_broker_definitions(ctx, problems)
    user = (ctx.code.broker_user_prefix or "") + role
    if definitions is not None and any(u.get("name") == user for u in definitions.get("users") or []):
        problems.append(f"the broker definitions have a user {user!r}; the portal must have none")
    for key in ctx.code.portal_required_env:
        if not env.get(key):
            problems.append(f"{where}: no {key} (PortalConfiguration requires it)")
    # The public URL: https, or plain http on localhost only (as PortalConfiguration insists).
    public = strip_slash(env.get("PUMPURS_PORTAL_PUBLIC_URL", "http://localhost:8087"))
    scheme, _, _, public_host, public_port, _ = split_url(public)
    if scheme != "https" and public_host not in ("localhost", "127.0.0.1"):
        problems.append(f"{where}: PUMPURS_PORTAL_PUBLIC_URL {public} is plain http on a host other than localhost (the portal refuses it)")
    if public_host in ("localhost", "127.0.0.1") and published and (public_port or 80) not in published:
        problems.append(f"{where}: PUMPURS_PORTAL_PUBLIC_URL {public} is not the published port {published}")
    # The services it calls.
    by_name = {s["name"]: s for s in ctx.code.services}
    for key, service_name in ctx.code.portal_service_urls.items():
        target = by_name.get(service_name)
        value = env.get(key)
        if target is None:
            problems.append(f"PortalConfiguration reads {key}, but there is no service {service_name!r}")
            continue
        if not value:
            problems.append(f"{where}: no {key} (the default is 127.0.0.1, the portal's own container)")
            continue
        runner = next((n for n, x in services.items() if command_words(x.get("command"))[:1] == [target["executable"]]), None)
        _, _, _, host, url_port, _ = split_url(value)
        if runner and (host not in compose_host_names(ctx, runner) or url_port != target["port"]):
            problems.append(f"{where}: {key} {value} is not http://{runner}:{target['port']}")
    # Intake checks the portal's directory credential: the same secret on both sides.
    if intake:
        intake_env = effective_compose_env(ctx, services[intake])
        if intake_env.get("PUMPURS_PORTAL_DIRECTORY_SECRET") != env.get("PUMPURS_PORTAL_DIRECTORY_SECRET"):
            problems.append(f"{intake} and {where}: PUMPURS_PORTAL_DIRECTORY_SECRET differs (or is missing in {intake}): sign-in would be refused")
    # The identity provider: the browser and the portal must reach it under the same issuer URL.
    issuer = strip_slash(env.get("PUMPURS_OIDC_ISSUER"))
    provider = None
    if issuer:
        scheme, _, _, host, issuer_port, _ = split_url(issuer)
        issuer_port = issuer_port or (443 if scheme == "https" else 80)
        if host in ("localhost", "127.0.0.1"):
            # Only works when the portal's localhost is the provider's: a shared network namespace
            # whose owner publishes that port to the browser.
            provider = owner
            if not owner:
                problems.append(f"{where}: PUMPURS_OIDC_ISSUER {issuer} is the portal container itself (no shared network namespace with the provider)")
            elif issuer_port not in [h for h, t in compose_published(services[owner]) if h == t]:
                problems.append(f"{where}: PUMPURS_OIDC_ISSUER {issuer}: {owner} does not publish port {issuer_port} on the same port number, so browser and portal would see different issuers")
        elif host in services or any(host in compose_host_names(ctx, n) for n in services):
            problems.append(f"{where}: PUMPURS_OIDC_ISSUER {issuer} is a name only containers resolve; the browser is sent to the same issuer")
        elif scheme != "https":
            problems.append(f"{where}: PUMPURS_OIDC_ISSUER {issuer} is not https")
    # The services trust the portal's keys, at a name that reaches it.
    portal_names = compose_host_names(ctx, cname)
    shown = cname if cname in portal_names else sorted(portal_names)[0]
    trusting = 0
    for s in ctx.code.services:
        runner = next((n for n, x in services.items() if command_words(x.get("command"))[:1] == [s["executable"]]), None)
        if runner is None:
            continue
        urls = effective_compose_env(ctx, services[runner]).get("PUMPURS_JWT_JWKS_URL", "").split()
        if not any(split_url(u)[3] in portal_names and split_url(u)[4] == port and split_url(u)[5] == ".well-known/jwks.json" for u in urls):
            problems.append(f"{runner}: PUMPURS_JWT_JWKS_URL {urls} does not include the portal's http://{shown}:{port}/.well-known/jwks.json")
        else:
            trusting += 1
        service_env = effective_compose_env(ctx, services[runner])
        for key in ("PUMPURS_JWT_ISSUER", "PUMPURS_JWT_AUDIENCE"):
            if service_env.get(key) != env.get(key):
                problems.append(f"{runner} and {where}: {key} differs ({service_env.get(key)!r} vs {env.get(key)!r}): the portal's tokens would be refused")
        if "PUMPURS_PORTAL_URL" in service_env and strip_slash(service_env["PUMPURS_PORTAL_URL"]) != public:
            problems.append(f"{runner}: PUMPURS_PORTAL_URL {service_env['PUMPURS_PORTAL_URL']} is not the portal's public URL {public} (links in mails)")
    check_compose_env_names(ctx, where, svc, problems)
    check_compose_files(ctx, where, svc, env, problems)
    # The signing key file lives in a volume that migrate writes (it creates the key).
    key_file = env.get("PUMPURS_PORTAL_SIGNING_KEY_FILE", "")
    key_volumes = [str(v).split(":")[0] for v in svc.get("volumes") or []
                   if isinstance(v, str) and len(v.split(":")) > 1 and key_file.startswith(v.split(":")[1].rstrip("/") + "/")]
    if ctx.compose_migrate and key_file:
        migrate = services[ctx.compose_migrate]
        mounted = [str(v).split(":") for v in migrate.get("volumes") or [] if isinstance(v, str)]
        if not any(m[0] in key_volumes and (len(m) < 3 or "ro" not in m[2].split(",")) for m in mounted) \
                or not re.search(rf"(-out\s+|>\s*){re.escape(key_file)}(?![\w./-])", " ".join(command_words(migrate.get("command")))):
            problems.append(f"{where}: nothing creates {key_file} ({ctx.compose_migrate} should, in the volume the portal mounts)")
    return (f"{cname} on {port} (published by {publisher}), role {role} without a broker user, "
            f"issuer {issuer} via {provider or 'the network'}, {trusting} services trust its JWKS")


def check_compose_files(ctx, where, svc, env, problems):
    """*_FILE variables point into a mount; bind-mount sources exist; named volumes are declared."""
    mounts = []
    for v in svc.get("volumes") or []:
        if isinstance(v, dict):
            source, target = v.get("source"), v["target"]
        else:
            parts = str(v).split(":")
            source, target = (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0])
        mounts.append(target)
        if source and (source.startswith(".") or source.startswith("/")):
            if not (ctx.compose_dir / source).resolve().exists():
                problems.append(f"{where}: bind-mount source {source} does not exist")
        elif source and source not in (ctx.compose.get("volumes") or {}):
            problems.append(f"{where}: volume {source} is not declared under top-level volumes")
    for key, value in env.items():
        if key.endswith("_FILE") and value and not any(value == m or value.startswith(m.rstrip("/") + "/") for m in mounts):
            problems.append(f"{where}: {key}={value} is not inside any mounted volume")


def check_compose_build(ctx, problems):
    services = ctx.compose["services"]
    built = {n: s for n, s in services.items() if "build" in s}
    if not built:
        problems.append("no service builds the platform image")
        return None
    for name, s in built.items():
        b = s["build"] if isinstance(s["build"], dict) else {"context": s["build"]}
        context = (ctx.compose_dir / b.get("context", ".")).resolve()
        dockerfile = context / b.get("dockerfile", "Dockerfile")
        if context != ctx.root.resolve():
            problems.append(f"{name}: build context {context} is not the repository root {ctx.root.resolve()}")
        if dockerfile.resolve() != (ctx.root / "deploy/docker/Dockerfile").resolve():
            problems.append(f"{name}: build dockerfile {dockerfile} is not deploy/docker/Dockerfile")
    images = {s.get("image") for s in built.values()}
    if len(images) != 1 or None in images:
        problems.append(f"the built services tag different images: {images}")
    return f"image {images.pop() if len(images) == 1 else '?'} built from the repository root with deploy/docker/Dockerfile"


# ------------------------------------------------------------------------------------ kubernetes

class K8s:
    def __init__(self, folder):
        self.folder = folder
        self.files = {}
        self.objects = []
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            docs = load_yaml_documents(path)
            self.files[path.name] = docs
            if path.name not in ("kustomization.yaml", "kustomization.yml"):
                for d in docs:
                    d["__file__"] = path.name
                    self.objects.append(d)

    def of_kind(self, kind):
        return [o for o in self.objects if o.get("kind") == kind]

    def get(self, kind, name):
        return next((o for o in self.objects if o.get("kind") == kind and o["metadata"]["name"] == name), None)

    def data(self, kind, name):
        obj = self.get(kind, name)
        if obj is None:
            return None
        values = dict(obj.get("data") or {})
        if kind == "Secret":
            values = {k: base64.b64decode(v).decode() for k, v in values.items()}
            values.update(obj.get("stringData") or {})
        return {k: str(v) for k, v in values.items()}


def pod_containers(obj):
    spec = obj["spec"]["template"]["spec"]
    return spec, spec.get("containers") or []


def resolve_env(ctx, container, where, problems):
    """Name → value of a container's environment, as the kubelet would build it (envFrom first,
    then env in order with $(VAR) expansion of earlier names). Secret values resolve from the
    manifests; unresolvable references are findings."""
    k8s = ctx.k8s
    env = {}
    for source in container.get("envFrom") or []:
        for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            if key in source:
                data = k8s.data(kind, source[key]["name"])
                if data is None:
                    if not source[key].get("optional"):
                        problems.append(f"{where}: envFrom {kind} {source[key]['name']} does not exist")
                    continue
                for name, value in data.items():
                    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                        env[name] = value
    for item in container.get("env") or []:
        name = item["name"]
        if "value" in item:
            value = str(item["value"])
            for ref in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", value):
                if ref not in env:
                    problems.append(f"{where}: {name} uses $({ref}), which is not defined before it (left unexpanded)")
                else:
                    value = value.replace(f"$({ref})", env[ref])
            env[name] = value
            continue
        for kind, key in (("Secret", "secretKeyRef"), ("ConfigMap", "configMapKeyRef")):
            ref = (item.get("valueFrom") or {}).get(key)
            if ref:
                data = k8s.data(kind, ref["name"])
                if data is None or ref["key"] not in data:
                    if not ref.get("optional"):
                        problems.append(f"{where}: {name} refers to {kind} {ref['name']} key {ref['key']}, which does not exist")
                else:
                    env[name] = data[ref["key"]]
    return env


def env_names(container):
    names = [item["name"] for item in container.get("env") or []]
    return names


def container_port(container, port_ref):
    if isinstance(port_ref, int):
        return port_ref
    for p in container.get("ports") or []:
        if p.get("name") == port_ref:
            return p["containerPort"]
    return None


def prestop_sleep(container):
    pre = ((container.get("lifecycle") or {}).get("preStop")) or {}
    if "sleep" in pre:
        return int(pre["sleep"]["seconds"])
    words = command_words((pre.get("exec") or {}).get("command"))
    if words and Path(words[0]).name == "sleep" and len(words) == 2:
        return float(words[1])
    text = " ".join(words)
    m = re.search(r"\bsleep\s+(\d+(?:\.\d+)?)\b", text)
    return float(m.group(1)) if m else None


def file_mounts(ctx, spec, container, where, problems):
    """Paths of files the container sees from ConfigMap/Secret volumes (to check *_FILE keys)."""
    volumes = {v["name"]: v for v in spec.get("volumes") or []}
    paths = set()
    for mount in container.get("volumeMounts") or []:
        volume = volumes.get(mount["name"])
        if volume is None:
            problems.append(f"{where}: volumeMount {mount['name']} has no volume")
            continue
        for kind, key, name_key in (("ConfigMap", "configMap", "name"), ("Secret", "secret", "secretName")):
            if key in volume:
                data = ctx.k8s.data(kind, volume[key][name_key])
                if data is None:
                    problems.append(f"{where}: volume {mount['name']} refers to missing {kind} {volume[key][name_key]}")
                    continue
                items = volume[key].get("items") or [{"key": k, "path": k} for k in data]
                for it in items:
                    if it["key"] not in data:
                        problems.append(f"{where}: volume {mount['name']} item {it['key']} is not in {kind} {volume[key][name_key]}")
                    paths.add(mount["mountPath"].rstrip("/") + "/" + it["path"])
    return paths


def check_k8s_workload_common(ctx, obj, container, spec, env, where, problems):
    """Checks for every container running the platform image (Deployments and the Job)."""
    for name in env_names(container):
        if not ctx.code.reads_env(name):
            problems.append(f"{where}: env {name} is not read by the code")
    for source in container.get("envFrom") or []:
        if "configMapRef" in source:
            for key in ctx.k8s.data("ConfigMap", source["configMapRef"]["name"]) or {}:
                if not ctx.code.reads_env(key):
                    problems.append(f"{where}: ConfigMap {source['configMapRef']['name']} key {key} (envFrom) is not read by the code")
    repo = str(container.get("image", "")).rsplit(":", 1)[0]
    ctx.k8s_images.add(repo)
    files = file_mounts(ctx, spec, container, where, problems)
    for key, value in env.items():
        if key.endswith("_FILE") and value not in files:
            problems.append(f"{where}: {key}={value} is not a file mounted from a ConfigMap or Secret")
    resources = container.get("resources") or {}
    try:
        request = parse_memory(resources["requests"]["memory"])
        limit = parse_memory(resources["limits"]["memory"])
        if request > limit:
            problems.append(f"{where}: memory request above its limit")
    except (KeyError, TypeError):
        problems.append(f"{where}: needs resources.requests.memory and resources.limits.memory")


def check_k8s_kustomization(ctx, problems):
    kust = ctx.k8s.files.get("kustomization.yaml")
    if not kust:
        problems.append("deploy/k8s/kustomization.yaml is missing")
        return None
    kust = kust[0]
    listed = kust.get("resources") or []
    present = sorted(n for n in ctx.k8s.files if n not in ("kustomization.yaml", "kustomization.yml"))
    for name in listed:
        if name not in ctx.k8s.files:
            problems.append(f"kustomization lists {name}, which does not exist")
    for name in present:
        if name not in listed:
            problems.append(f"{name} is not listed in kustomization.yaml (kubectl apply -k would skip it)")
    namespaces = [o["metadata"]["name"] for o in ctx.k8s.of_kind("Namespace")]
    ns = kust.get("namespace")
    if len(namespaces) != 1 or (ns and namespaces[0] != ns):
        problems.append(f"expected one Namespace matching the kustomization's namespace {ns!r}, found {namespaces}")
    ns = ns or (namespaces[0] if namespaces else None)
    for obj in ctx.k8s.objects:
        if obj.get("kind") != "Namespace" and obj["metadata"].get("namespace", ns) != ns:
            problems.append(f"{obj['__file__']}: {obj['kind']} {obj['metadata']['name']} is in namespace {obj['metadata']['namespace']}, not {ns}")
    ctx.k8s_namespace = ns
    images = {i.get("name") for i in kust.get("images") or []}
    ctx.k8s_kustomize_images = images
    return f"{len(listed)} files listed, every object in namespace {ns}"


def check_k8s_broker_definitions(ctx, problems):
    """The broker definitions the kustomization turns into a Secret (secretGenerator file)."""
    kust = (ctx.k8s.files.get("kustomization.yaml") or [{}])[0]
    sources = []
    for generator in kust.get("secretGenerator") or []:
        for entry in generator.get("files") or []:
            key, _, path = str(entry).rpartition("=")
            if (key or path).endswith(".json"):
                sources.append((generator.get("name"), ctx.root / "deploy/k8s" / path))
    if len(sources) != 1:
        problems.append(f"expected one secretGenerator file with the broker definitions (pumpurs broker definitions), found {sources}")
        return None
    name, path = sources[0]
    try:
        ctx.k8s_definitions = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        problems.append(f"{path.name}: unreadable broker definitions ({error})")
        return None
    for user in ctx.k8s_definitions.get("users") or []:
        if "change-me" not in str(user.get("password", "")):
            problems.append(f"{path.name}: broker user {user.get('name')}'s password is not an obvious placeholder")
    prefix = ctx.code.broker_user_prefix or ""
    names = {u.get("name") for u in ctx.k8s_definitions.get("users") or []}
    for s in ctx.code.services:
        if prefix + s["name"] not in names:
            problems.append(f"{path.name}: no broker user {prefix + s['name']}")
    return f"Secret {name} from {path.name}: {len(names)} broker users"


def check_k8s_web_deployment(ctx, entry, problems):
    """One Deployment running `entry`'s executable: port, probes, graceful stop, its Service, its
    own database role; then the checks every platform container gets. Returns (Deployment,
    container, resolved env, Service) or None when there is not exactly one such Deployment."""
    k8s = ctx.k8s
    scaled = {so["spec"]["scaleTargetRef"]["name"] for so in k8s.of_kind("ScaledObject")}
    exe, port, name = entry["executable"], entry["port"], entry["name"]
    deployments = [d for d in k8s.of_kind("Deployment") if any(command_words(c.get("command"))[:1] == [exe] for c in pod_containers(d)[1])]
    if len(deployments) != 1:
        problems.append(f"{exe}: expected one Deployment running it, found {[d['metadata']['name'] for d in deployments]}")
        return None
    d = deployments[0]
    spec, containers = pod_containers(d)
    container = next(c for c in containers if command_words(c.get("command"))[:1] == [exe])
    where = f"Deployment {d['metadata']['name']} ({d['__file__']})"
    env = resolve_env(ctx, container, where, problems)
    env_all = dict(ctx.image_env)
    env_all.update(env)
    if not any(p.get("containerPort") == port for p in container.get("ports") or []):
        problems.append(f"{where}: no containerPort {port}")
    if int(env_all.get("PUMPURS_HTTP_PORT", port)) != port:
        problems.append(f"{where}: PUMPURS_HTTP_PORT {env_all.get('PUMPURS_HTTP_PORT')} is not {port}")
    if env_all.get("PUMPURS_HTTP_HOST") not in ("0.0.0.0", "::"):
        problems.append(f"{where}: PUMPURS_HTTP_HOST is {env_all.get('PUMPURS_HTTP_HOST', '127.0.0.1 (default)')}; probes could not reach it")
    for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
        http = (container.get(probe) or {}).get("httpGet")
        if not http:
            problems.append(f"{where}: no {probe} (httpGet {path})")
            continue
        if http.get("path") != path:
            problems.append(f"{where}: {probe} GETs {http.get('path')}, expected {path}")
        if container_port(container, http.get("port")) != port:
            problems.append(f"{where}: {probe} port {http.get('port')} does not resolve to {port}")
    sleep = prestop_sleep(container)
    grace = spec.get("terminationGracePeriodSeconds")
    if sleep is None:
        problems.append(f"{where}: no preStop sleep (endpoints would still route to a draining pod)")
    if grace is None:
        problems.append(f"{where}: no terminationGracePeriodSeconds")
    elif sleep is not None and ctx.code.drain_seconds and grace < sleep + ctx.code.drain_seconds:
        problems.append(f"{where}: terminationGracePeriodSeconds {grace} < preStop {sleep} s + drain {ctx.code.drain_seconds} s")
    selector = d["spec"]["selector"]["matchLabels"]
    labels = d["spec"]["template"]["metadata"]["labels"]
    if any(labels.get(k) != v for k, v in selector.items()):
        problems.append(f"{where}: selector {selector} does not match its pod labels {labels}")
    if d["metadata"]["name"] in scaled and "replicas" in d["spec"]:
        problems.append(f"{where}: sets replicas although a ScaledObject owns the count (apply would fight the autoscaler)")
    services = [sv for sv in k8s.of_kind("Service")
                if sv["spec"].get("selector") and all(labels.get(k) == v for k, v in sv["spec"]["selector"].items())]
    service = None
    if len(services) != 1:
        problems.append(f"{where}: expected one Service selecting its pods, found {[sv['metadata']['name'] for sv in services]}")
    else:
        service = services[0]
        ports = service["spec"].get("ports") or []
        if not ports or any(container_port(container, p.get("targetPort", p.get("port"))) != port or p.get("port") != port for p in ports):
            problems.append(f"Service {service['metadata']['name']}: ports {[(p.get('port'), p.get('targetPort')) for p in ports]} do not map {port} to the container's {port}")
    url = env.get("PUMPURS_DATABASE_URL")
    if not url:
        problems.append(f"{where}: no PUMPURS_DATABASE_URL")
    else:
        user = split_url(url)[1]
        if user != name:
            problems.append(f"{where}: PUMPURS_DATABASE_URL logs in as {user!r}, the service's role is {name!r}")
        ctx.k8s_db_passwords[name] = split_url(url)[2]
    check_k8s_workload_common(ctx, d, container, spec, env, where, problems)
    return d, container, env, service


def check_k8s_services(ctx, problems):
    envs = {}
    for s in ctx.code.services:
        found = check_k8s_web_deployment(ctx, s, problems)
        if found is None:
            continue
        d, container, env, _ = found
        name = s["name"]
        where = f"Deployment {d['metadata']['name']} ({d['__file__']})"
        envs[name] = env
        if not env.get("PUMPURS_AMQP_URL"):
            problems.append(f"{where}: no PUMPURS_AMQP_URL")
        elif ctx.k8s_definitions is not None:
            problems.extend(broker_definitions_problems(ctx.k8s_definitions, where, env["PUMPURS_AMQP_URL"],
                                                        (ctx.code.broker_user_prefix or "") + name, False))
    ctx.k8s_service_env = envs
    return (f"{len(envs)} Deployments + Services on ports {', '.join(str(s['port']) for s in ctx.code.services)}: "
            f"/health/live + /health/ready probes, preStop sleep, grace ≥ sleep + {ctx.code.drain_seconds} s drain, memory requests/limits")


def k8s_service_hosts(ctx, service):
    """The DNS names a Service answers to inside the cluster."""
    name, ns = service["metadata"]["name"], service["metadata"].get("namespace", ctx.k8s_namespace)
    return {name, f"{name}.{ns}", f"{name}.{ns}.svc", f"{name}.{ns}.svc.cluster.local"}


def check_k8s_portal(ctx, problems):
    """The staff portal: a web Deployment with its own role but no broker, the secret it shares
    with intake, the services it calls, and the services trusting its keys."""
    portal = ctx.code.portal
    found = check_k8s_web_deployment(ctx, portal, problems)
    if found is None:
        return None
    d, container, env, service = found
    where = f"Deployment {d['metadata']['name']} ({d['__file__']})"
    port = portal["port"]
    if env.get("PUMPURS_AMQP_URL"):
        problems.append(f"{where}: has a PUMPURS_AMQP_URL; the portal has no broker user and talks HTTP only")
    user = (ctx.code.broker_user_prefix or "") + portal["name"]
    if ctx.k8s_definitions is not None and any(u.get("name") == user for u in ctx.k8s_definitions.get("users") or []):
        problems.append(f"broker definitions: a user {user!r}; the portal must have none")
    for key in ctx.code.portal_required_env:
        if not env.get(key):
            problems.append(f"{where}: no {key} (PortalConfiguration requires it)")
    public = strip_slash(env.get("PUMPURS_PORTAL_PUBLIC_URL", "http://localhost:8087"))
    if split_url(public)[0] != "https":
        problems.append(f"{where}: PUMPURS_PORTAL_PUBLIC_URL {public} is not https (the portal accepts plain http on localhost only)")
    issuer = env.get("PUMPURS_OIDC_ISSUER", "")
    if issuer and split_url(issuer)[0] != "https":
        problems.append(f"{where}: PUMPURS_OIDC_ISSUER {issuer} is not https")
    by_name = {s["name"]: s for s in ctx.code.services}
    for key, service_name in ctx.code.portal_service_urls.items():
        target = by_name.get(service_name)
        if target is None:
            problems.append(f"PortalConfiguration reads {key}, but there is no service {service_name!r}")
            continue
        value = env.get(key)
        if not value:
            problems.append(f"{where}: no {key} (the default is 127.0.0.1, the portal's own pod)")
            continue
        runner = next((dep for dep in ctx.k8s.of_kind("Deployment")
                       if any(command_words(c.get("command"))[:1] == [target["executable"]] for c in pod_containers(dep)[1])), None)
        labels = runner["spec"]["template"]["metadata"]["labels"] if runner else {}
        hosts = set()
        for sv in ctx.k8s.of_kind("Service"):
            if sv["spec"].get("selector") and all(labels.get(k) == v for k, v in sv["spec"]["selector"].items()) \
                    and any(p.get("port") == target["port"] for p in sv["spec"].get("ports") or []):
                hosts |= k8s_service_hosts(ctx, sv)
        _, _, _, host, url_port, _ = split_url(value)
        if host not in hosts or url_port != target["port"]:
            problems.append(f"{where}: {key} {value} does not reach the Service of {target['executable']} on port {target['port']}")
    intake_env = ctx.k8s_service_env.get("intake")
    if intake_env is not None and (not intake_env.get("PUMPURS_PORTAL_DIRECTORY_SECRET")
                                   or intake_env.get("PUMPURS_PORTAL_DIRECTORY_SECRET") != env.get("PUMPURS_PORTAL_DIRECTORY_SECRET")):
        problems.append(f"intake and {where}: PUMPURS_PORTAL_DIRECTORY_SECRET differs (or is missing in intake): sign-in would be refused")
    hosts = k8s_service_hosts(ctx, service) if service else set()
    trusting = 0
    for name, service_env in ctx.k8s_service_env.items():
        urls = service_env.get("PUMPURS_JWT_JWKS_URL", "").split()
        if any(split_url(u)[3] in hosts and split_url(u)[4] == port and split_url(u)[5] == ".well-known/jwks.json" for u in urls):
            trusting += 1
        else:
            problems.append(f"{name}: PUMPURS_JWT_JWKS_URL {urls} does not include the portal's "
                            f"http://{service['metadata']['name'] if service else '?'}:{port}/.well-known/jwks.json")
        for key in ("PUMPURS_JWT_ISSUER", "PUMPURS_JWT_AUDIENCE"):
            if service_env.get(key) != env.get(key):
                problems.append(f"{name} and {where}: {key} differs ({service_env.get(key)!r} vs {env.get(key)!r}): the portal's tokens would be refused")
        if "PUMPURS_PORTAL_URL" in service_env and strip_slash(service_env["PUMPURS_PORTAL_URL"]) != public:
            problems.append(f"{name}: PUMPURS_PORTAL_URL {service_env['PUMPURS_PORTAL_URL']} is not the portal's public URL {public} (links in mails)")
    return (f"Deployment {d['metadata']['name']} + Service on {port}, role {portal['name']} without a broker user, "
            f"public {public}, issuer {issuer}, {trusting} services trust its JWKS")


def check_k8s_job(ctx, problems):
    jobs = [j for j in ctx.k8s.of_kind("Job")
            if any("pumpurs migrate" in " ".join(command_words(c.get("command")) + command_words(c.get("args")))
                   for c in pod_containers(j)[1])]
    if len(jobs) != 1:
        problems.append(f"expected one Job running `pumpurs migrate`, found {[j['metadata']['name'] for j in jobs]}")
        return None
    job = jobs[0]
    spec, containers = pod_containers(job)
    container = next(c for c in containers if "migrate" in command_words(c.get("command")) + command_words(c.get("args")))
    where = f"Job {job['metadata']['name']} ({job['__file__']})"
    if spec.get("restartPolicy") not in ("OnFailure", "Never"):
        problems.append(f"{where}: restartPolicy must be OnFailure or Never")
    env = resolve_env(ctx, container, where, problems)
    for key in ("PUMPURS_DATABASE_ADMIN_URL", "PUMPURS_AMQP_URL"):
        if not env.get(key):
            problems.append(f"{where}: no {key}")
    for s in ctx.code.schema_owners:
        key = f"PUMPURS_DB_PASSWORD_{s['name'].upper()}"
        if not env.get(key):
            problems.append(f"{where}: no {key} (the {s['name']} role would get the development password)")
        elif s["name"] in ctx.k8s_db_passwords and ctx.k8s_db_passwords[s["name"]] != env[key]:
            problems.append(f"{where}: {key} differs from the password in the {s['name']} Deployment's PUMPURS_DATABASE_URL")
    limits = {"Job": env.get("PUMPURS_DELIVERY_LIMIT", "5")}
    limits.update({n: e.get("PUMPURS_DELIVERY_LIMIT", "5") for n, e in ctx.k8s_service_env.items()})
    if len(set(limits.values())) > 1:
        problems.append(f"PUMPURS_DELIVERY_LIMIT differs between the Job and the services: {limits}")
    # Each service logs in as its own broker user; all of them reach the same broker and vhost.
    amqp = {n: split_url(e["PUMPURS_AMQP_URL"])[3:] for n, e in ctx.k8s_service_env.items() if e.get("PUMPURS_AMQP_URL")}
    if env.get("PUMPURS_AMQP_URL"):
        amqp["Job"] = split_url(env["PUMPURS_AMQP_URL"])[3:]
        if ctx.k8s_definitions is not None:
            problems.extend(broker_definitions_problems(ctx.k8s_definitions, where, env["PUMPURS_AMQP_URL"], None, True))
    if len(set(amqp.values())) > 1:
        problems.append(f"the Job and the services reach different brokers/vhosts: {amqp}")
    ctx.k8s_amqp_url = env.get("PUMPURS_AMQP_URL")
    check_k8s_workload_common(ctx, job, container, spec, env, where, problems)
    return f"{job['metadata']['name']} runs `pumpurs migrate` with the admin URL and all {len(ctx.code.schema_owners)} role passwords (services + portal)"


def check_k8s_keda(ctx, problems):
    approval = ctx.code.service("pumpurs-approval-routing")
    queue = approval["name"] + (ctx.code.queue_suffix or ".events")
    deployment = next((d for d in ctx.k8s.of_kind("Deployment")
                       if any(command_words(c.get("command"))[:1] == ["pumpurs-approval-routing"] for c in pod_containers(d)[1])), None)
    objects = ctx.k8s.of_kind("ScaledObject")
    if len(objects) != 1:
        problems.append(f"expected one ScaledObject, found {len(objects)}")
        return None
    so = objects[0]
    where = f"ScaledObject {so['metadata']['name']} ({so['__file__']})"
    if so.get("apiVersion") != "keda.sh/v1alpha1":
        problems.append(f"{where}: apiVersion {so.get('apiVersion')} is not keda.sh/v1alpha1")
    target = so["spec"]["scaleTargetRef"]
    if deployment is None or target.get("name") != deployment["metadata"]["name"] or target.get("kind", "Deployment") != "Deployment":
        problems.append(f"{where}: scaleTargetRef {target} is not the approval routing Deployment")
    low, high = so["spec"].get("minReplicaCount", 0), so["spec"].get("maxReplicaCount", 100)
    if not (1 <= low <= high):
        problems.append(f"{where}: replica bounds {low}..{high} (approval routing serves HTTP too: keep at least 1)")
    triggers = [t for t in so["spec"].get("triggers") or [] if t.get("type") == "rabbitmq"]
    if len(triggers) != 1:
        problems.append(f"{where}: expected one rabbitmq trigger, found {len(triggers)}")
        return None
    meta = triggers[0].get("metadata") or {}
    if meta.get("queueName") != queue:
        problems.append(f"{where}: queueName {meta.get('queueName')!r} is not {queue!r}")
    if meta.get("mode") != "QueueLength":
        problems.append(f"{where}: mode {meta.get('mode')!r} is not QueueLength")
    try:
        if float(meta.get("value")) <= 0:
            raise ValueError
    except (TypeError, ValueError):
        problems.append(f"{where}: value {meta.get('value')!r} is not a positive number (a string)")
    host = meta.get("host")
    auth = triggers[0].get("authenticationRef")
    if auth:
        ta = ctx.k8s.get(auth.get("kind", "TriggerAuthentication"), auth["name"])
        if ta is None:
            problems.append(f"{where}: authenticationRef {auth['name']} does not exist")
        else:
            refs = [r for r in ta["spec"].get("secretTargetRef") or [] if r.get("parameter") == "host"]
            if not refs:
                problems.append(f"TriggerAuthentication {auth['name']}: no secretTargetRef for parameter host")
            for r in refs:
                data = ctx.k8s.data("Secret", r["name"])
                if data is None or r["key"] not in data:
                    problems.append(f"TriggerAuthentication {auth['name']}: Secret {r['name']} key {r['key']} does not exist")
                else:
                    host = data[r["key"]]
    if not host:
        problems.append(f"{where}: no broker host (metadata host or a TriggerAuthentication)")
    else:
        scheme = split_url(host)[0]
        if meta.get("protocol", "auto") not in ("auto", "amqp" if scheme.startswith("amqp") else "http"):
            problems.append(f"{where}: protocol {meta.get('protocol')} does not fit host scheme {scheme}")
        if ctx.k8s_amqp_url and split_url(host)[3:] != split_url(ctx.k8s_amqp_url)[3:]:
            problems.append(f"{where}: watches broker/vhost {split_url(host)[3:]} but the services use {split_url(ctx.k8s_amqp_url)[3:]}")
    return f"{so['metadata']['name']} scales Deployment {target.get('name')} {low}..{high} on rabbitmq queue {queue} (QueueLength {meta.get('value')})"


def check_k8s_config(ctx, problems):
    checked = 0
    for kind in ("ConfigMap", "Secret"):
        for obj in ctx.k8s.of_kind(kind):
            for key in ctx.k8s.data(kind, obj["metadata"]["name"]):
                if key.startswith("PUMPURS_"):
                    checked += 1
                    if not ctx.code.reads_env(key):
                        problems.append(f"{kind} {obj['metadata']['name']}: key {key} is not read by the code")
    for obj in ctx.k8s.of_kind("ConfigMap"):
        data = ctx.k8s.data("ConfigMap", obj["metadata"]["name"])
        if "programme-settings.json" in data:
            local = json.loads((ctx.root / "deploy/local/programme-settings.json").read_text(encoding="utf-8"))
            try:
                if json.loads(data["programme-settings.json"]) != local:
                    problems.append(f"ConfigMap {obj['metadata']['name']}: programme-settings.json differs from deploy/local/programme-settings.json")
            except json.JSONDecodeError as error:
                problems.append(f"ConfigMap {obj['metadata']['name']}: programme-settings.json is not JSON ({error})")
    for obj in ctx.k8s.of_kind("Secret"):
        for key, value in ctx.k8s.data("Secret", obj["metadata"]["name"]).items():
            if "change-me" not in value:
                problems.append(f"Secret {obj['metadata']['name']}: {key} is not an obvious placeholder (no real secrets in the repository)")
    foreign = ctx.k8s_images - ctx.k8s_kustomize_images
    if len(ctx.k8s_images) != 1 or foreign:
        problems.append(f"platform containers use images {sorted(ctx.k8s_images)}; expected one, named in kustomization images")
    return f"{checked} PUMPURS_* keys read by the code, Secret values are placeholders, one image {sorted(ctx.k8s_images)}"


# ------------------------------------------------------------------------------------- README

def check_readme(ctx, problems):
    path = ctx.root / "deploy/README.md"
    if not path.exists():
        problems.append("deploy/README.md is missing")
        return None
    text = path.read_text(encoding="utf-8")
    for needle in ("docker compose -f deploy/compose/compose.yaml", "kubectl apply -k deploy/k8s"):
        if needle not in text:
            problems.append(f"deploy/README.md does not show `{needle}`")
    if not re.search(r"\bnot\s+(been\s+)?run\b", text, re.IGNORECASE):
        problems.append("deploy/README.md does not say that these files were not run")
    return "says how to run them and that they were not run here"


# --------------------------------------------------------------------------------------- main

class Context:
    pass


def main():
    here = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=here, help="folder holding deploy/ (default: this repository)")
    parser.add_argument("--code-root", type=Path, default=None, help="folder holding Package.swift, Services/, Shared/ (default: --root)")
    options = parser.parse_args()

    ctx = Context()
    ctx.root = options.root.resolve()
    ctx.code = Code((options.code_root or options.root).resolve())
    report = Report()

    def facts(problems):
        if len(ctx.code.services) != 7:
            problems.append(f"PlatformServices.swift lists {len(ctx.code.services)} services in `all`, expected 7")
        if ctx.code.portal is None:
            problems.append("PlatformServices.swift: `static let portal = Entry(...)` not found")
        known = ctx.code.schema_owners
        for entry in ctx.code.all_entries:
            if entry not in known:
                problems.append(f"PlatformServices.swift: entry {entry['name']} is neither in `all` nor the portal (the checker does not know how to deploy it)")
        if ctx.code.portal and not ctx.code.portal_required_env:
            problems.append("PortalConfiguration.swift: no required(\"PUMPURS_...\") keys found")
        if ctx.code.drain_seconds is None:
            problems.append("ServiceHost.swift: maximumGracefulShutdownDuration not found")
        if ctx.code.queue_suffix is None:
            problems.append("AMQPTopology.swift: eventQueue(for:) not found")
        if ctx.code.broker_user_prefix is None:
            problems.append("BrokerPermissions.swift: BrokerUsers.platform's prefix not found")
        return (f"{len(ctx.code.services)} broker services + the portal {ctx.code.portal and ctx.code.portal['executable']} "
                f"(resources {ctx.code.resource_bundles}), {len(ctx.code.products)} products, drain {ctx.code.drain_seconds} s, "
                f"{len(ctx.code.env_literals)} string literals + prefixes {sorted(ctx.code.env_prefixes)} as known keys")

    report.run("code facts", facts)
    if report.failed:
        sys.exit(1)

    # Parse everything first: a file that does not parse is the first finding, and nothing after
    # it can be checked.
    def parse(problems):
        files = [ctx.root / "deploy/compose/compose.yaml"] + sorted((ctx.root / "deploy/k8s").glob("*.y*ml"))
        documents = 0
        for path in files:
            try:
                documents += len(load_yaml_documents(path))
            except (OSError, yaml.YAMLError) as error:
                problems.append(f"{path.relative_to(ctx.root)}: {' '.join(str(error).split())}")
        if not (ctx.root / "deploy/docker/Dockerfile").is_file():
            problems.append("deploy/docker/Dockerfile is missing")
        return f"{documents} YAML documents in {len(files)} files, and the Dockerfile"

    report.run("parse", parse)
    if report.failed:
        sys.exit(1)

    ctx.stages = parse_dockerfile(ctx.root / "deploy/docker/Dockerfile")
    runtime = ctx.stages[-1] if ctx.stages else {"instructions": []}
    ctx.image_env = dockerfile_env(runtime)
    runtime_runs = " ".join(rest for kw, rest in runtime["instructions"] if kw == "RUN")
    ctx.runtime_installs = lambda package: re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", runtime_runs) is not None
    report.run("dockerfile", lambda p: check_dockerfile(ctx, p))

    ctx.compose_dir = ctx.root / "deploy/compose"
    ctx.compose = load_yaml_documents(ctx.compose_dir / "compose.yaml")[0]
    built_images = {s.get("image") for s in ctx.compose["services"].values() if "build" in s}
    ctx.compose_ours = {n for n, s in ctx.compose["services"].items() if "build" in s or s.get("image") in built_images}
    ctx.compose_infra, ctx.compose_migrate = {}, None
    report.run("compose build", lambda p: check_compose_build(ctx, p))
    report.run("compose infra", lambda p: check_compose_infra(ctx, p))
    report.run("compose migrate", lambda p: check_compose_migrate(ctx, p))
    report.run("compose services", lambda p: check_compose_services(ctx, p))
    report.run("compose portal", lambda p: check_compose_portal(ctx, p))

    ctx.k8s = K8s(ctx.root / "deploy/k8s")
    ctx.k8s_images, ctx.k8s_kustomize_images, ctx.k8s_db_passwords = set(), set(), {}
    ctx.k8s_service_env, ctx.k8s_amqp_url, ctx.k8s_namespace = {}, None, None
    ctx.k8s_definitions = None
    report.run("k8s kustomization", lambda p: check_k8s_kustomization(ctx, p))
    report.run("k8s broker definitions", lambda p: check_k8s_broker_definitions(ctx, p))
    report.run("k8s services", lambda p: check_k8s_services(ctx, p))
    report.run("k8s portal", lambda p: check_k8s_portal(ctx, p))
    report.run("k8s migration job", lambda p: check_k8s_job(ctx, p))
    report.run("k8s keda", lambda p: check_k8s_keda(ctx, p))
    report.run("k8s config", lambda p: check_k8s_config(ctx, p))
    report.run("readme", lambda p: check_readme(ctx, p))
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
