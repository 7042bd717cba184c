#!/usr/bin/env python3
"""The fault campaign of issue 12, kept: hostile-operator runs of cogform against the sandbox server.

Sections (all by default; pick with --only):
  kill-local   apply killed with kill -9 at a random point, local state, then applied until it converges
  kill-s3      the same with S3 state on moto_server (--moto URL, or $COGFORM_TEST_MOTO; start one with
               `moto_server -p 5005`); the lock a killed run leaves is released the way its message says
               (cogform state unlock ID), and so is a create a kill left in doubt (cogform state forget-pending)
  concurrent   2-4 applies of the same stack started at once (--lock-timeout makes the others wait)
  faults       for each fault kind, CLIENTS creates and then CLIENTS updates, each in one apply
  slow         a create answered after the SDK's timeout (latency 60 s): applied, and the case of the issue
               (first apply killed after its timeout, second apply at once) must not duplicate
  fuzz         generated and mutated stacks through validate and plan: no stack trace, exit 0, 1 or 2

Prints the counts: duplicates, lost, unreadable states, non-converged, stack traces; exits 1 unless all
are 0. Needs python3 with boto3 (for independent listings) and, for kill-s3, moto_server.
Usage: bench/faults/campaign.py [--n 30] [--clients 30] [--only kill-local,faults] [--cogform CMD]
"""
import argparse
import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import uuid

import boto3
from botocore.config import Config

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SECTIONS = ["kill-local", "kill-s3", "concurrent", "faults", "slow", "fuzz"]
STACK_TRACE = re.compile(r"\n\s+at [\w$.]+\(|Exception in thread|^\S+(Exception|Error)(: |$)", re.M)
FAULT_KINDS = {
    "error-20%": "error:rate=0.2",
    "dropped-answer-10%": "drop-after:rate=0.1",
    "dropped-request-10%": "drop:rate=0.1",
    "throttle-30%": "throttle:rate=0.3",
}
QUOTA_SCALE = 20

os.environ.setdefault("AWS_ACCESS_KEY_ID", "campaign")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "campaign")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")


class Counts:
    def __init__(self):
        self.c = {"duplicates": 0, "lost": 0, "unreadable": 0, "non_converged": 0, "stack_traces": 0}
        self.info = {}

    def add(self, key, n=1):
        self.c[key] = self.c.get(key, 0) + n

    def note(self, key, n=1):
        self.info[key] = self.info.get(key, 0) + n


class Cli:
    """Runs cogform; every output is checked for a Java stack trace."""

    def __init__(self, command, counts, log):
        self.command = shlex.split(command)
        self.counts = counts
        self.log = log

    def start(self, stack, *args):
        return subprocess.Popen(self.command + ["-C", stack] + list(args), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)

    def finish(self, proc, what):
        out, _ = proc.communicate()
        self.check(out, what)
        return proc.returncode, out

    def run(self, stack, *args, timeout=600):
        proc = self.start(stack, *args)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            out += "\n(campaign: killed after %d s)" % timeout
        self.check(out, " ".join(args))
        return proc.returncode, out

    def check(self, out, what):
        self.log.write("$ cogform %s\n%s\n" % (what, out))
        self.log.flush()
        if STACK_TRACE.search(out or ""):
            self.counts.add("stack_traces")
            print("  stack trace in 'cogform %s':\n%s" % (what, out[-2000:]), file=sys.stderr)


class Sandbox:
    """A `cogform sandbox` server process."""

    def __init__(self, cli, faults=None):
        args = cli.command + ["sandbox", "--port", "0", "--quota-scale", str(QUOTA_SCALE)]
        if faults:
            args += ["--faults", faults]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://\S+)", line)
        if not m:
            raise SystemExit("campaign: the sandbox did not start: " + line + self.proc.stdout.read())
        self.url = m.group(1)
        self.cognito = boto3.client("cognito-idp", endpoint_url=self.url, region_name="us-east-1",
                                    config=Config(retries={"max_attempts": 10, "mode": "standard"}))

    def pool(self, name):
        return self.cognito.create_user_pool(PoolName=name)["UserPool"]["Id"]

    def clients(self, pool):
        out, token = [], None
        while True:
            kw = {"UserPoolId": pool, "MaxResults": 60}
            if token:
                kw["NextToken"] = token
            r = self.cognito.list_user_pool_clients(**kw)
            out += r["UserPoolClients"]
            token = r.get("NextToken")
            if not token:
                return out

    def close(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait()


class Stack:
    """A stack directory: N clients c0..c{N-1} of one pool, round r setting the id token validity."""

    def __init__(self, sandbox, state=None, clients=10):
        self.dir = tempfile.mkdtemp(prefix="cogform-campaign-")
        self.sandbox = sandbox
        self.pool = sandbox.pool("campaign-" + uuid.uuid4().hex[:8])
        self.state = state
        self.names = ["c%d" % i for i in range(clients)]
        self.round = 0

    def write(self):
        lines = ["version: 1", "provider:", "  region: us-east-1", "  endpoint: " + self.sandbox.url,
                 "  quotas:", "    client_read_per_second: %d" % (15 * QUOTA_SCALE),
                 "    client_update_per_second: %d" % (15 * QUOTA_SCALE),
                 "    per_operation_and_pool_per_second: %d" % (5 * QUOTA_SCALE)]
        if self.state:
            lines += ["state:"] + ["  %s: %s" % kv for kv in self.state.items()]
        lines += ["pools:", "  main:", "    id: " + self.pool, "    clients:"]
        for n in self.names:
            lines += ["      %s:" % n, "        name: campaign-%s" % n,
                      "        token_validity: { id: %dm }" % (60 + self.round)]
        with open(os.path.join(self.dir, "cogform.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")

    def mutate(self, rnd):
        """The next round: every client is updated; now and then one is added or removed."""
        self.round += 1
        if rnd.random() < 0.3:
            self.names.append("c%d" % (int(self.names[-1][1:]) + 1 if self.names else 0))
        elif rnd.random() < 0.2 and len(self.names) > 2:
            self.names.pop(rnd.randrange(len(self.names)))
        self.write()


def check(cli, stack, counts, label):
    """Duplicates and lost clients by an independent listing; an unreadable state; convergence."""
    live = stack.sandbox.clients(stack.pool)
    names = {}
    for c in live:
        names.setdefault(c["ClientName"], []).append(c["ClientId"])
    dups = sum(len(ids) - 1 for ids in names.values() if len(ids) > 1)
    if dups:
        counts.add("duplicates", dups)
        print("  %s: duplicates %s" % (label, {n: i for n, i in names.items() if len(i) > 1}), file=sys.stderr)
    code, out = cli.run(stack.dir, "state", "pull")
    if code != 0:
        counts.add("unreadable")
        print("  %s: state unreadable: %s" % (label, out[-500:]), file=sys.stderr)
        return
    doc = json.loads(out[out.index("{"):]) if "{" in out else {"clients": {}}
    live_ids = {c["ClientId"] for c in live}
    wanted = {"campaign-" + n for n in stack.names}
    recorded = {r["client_name"]: r["client_id"] for r in doc.get("clients", {}).values()}
    lost = [n for n in wanted if n not in recorded or recorded[n] not in live_ids]
    if lost:
        counts.add("lost", len(lost))
        print("  %s: lost %s" % (label, lost), file=sys.stderr)


def converge(cli, stack, counts, label, tries=3):
    """Applies until an apply succeeds and the next plan has nothing to do; unlocks a dead run's S3 lock."""
    for _ in range(tries):
        code, out = cli.run(stack.dir, "apply", "--auto-approve", "--lock-timeout", "5s")
        m = re.search(r"cogform state unlock (\S+)", out)
        if code != 0 and m:
            counts.note("locks_left_by_kill_released")
            cli.run(stack.dir, "state", "unlock", m.group(1).rstrip(").,"))
            continue
        doubt = re.findall(r"cogform state forget-pending ([a-z0-9_-]+\.[a-z0-9_-]+)", out)
        if code != 0 and doubt:
            # The create a kill left in flight may still land, as far as cogform can tell. This sandbox
            # answers within 150 ms, so after a few seconds the operator knows it did not: forget it.
            counts.note("in_doubt_after_kill")
            time.sleep(3)
            for address in doubt:
                cli.run(stack.dir, "state", "forget-pending", address)
            continue
        if code == 0:
            code, out = cli.run(stack.dir, "plan", "--detailed-exitcode")
            if code == 0:
                return True
    counts.add("non_converged")
    print("  %s: did not converge:\n%s" % (label, out[-1500:]), file=sys.stderr)
    return False


PROGRESS = re.compile(r"^\S+: (Creating|Modifying|Replacing|Destroying|Creation complete|Modifications complete"
                      r"|Replacement complete|Destruction complete)")


def kill_at_random(proc, rnd, counts):
    """kill -9 after the k-th progress line of the apply plus up to 300 ms: in the middle of its writes."""
    lines, k, seen = [], rnd.randint(1, 12), 0
    deadline = time.time() + 300
    for line in proc.stdout:
        lines.append(line)
        if PROGRESS.match(line):
            seen += 1
            if seen >= k:
                time.sleep(rnd.uniform(0, 0.3))
                break
        if time.time() > deadline:
            break
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        counts.note("killed")
    rest, _ = proc.communicate()
    return "".join(lines) + (rest or "")


def kill_loop(cli, counts, n, rnd, state_for):
    sandbox = Sandbox(cli, ",".join("%s:latency=150ms" % op for op in
                                    ["CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient"]))
    try:
        stack = Stack(sandbox, state_for(), clients=8)
        stack.write()
        for i in range(n):
            stack.mutate(rnd)
            proc = cli.start(stack.dir, "apply", "--auto-approve")
            out = kill_at_random(proc, rnd, counts)
            cli.check(out, "apply (kill -9 at random)")
            converge(cli, stack, counts, "kill %d" % i)
            check(cli, stack, counts, "kill %d" % i)
    finally:
        sandbox.close()


def concurrent(cli, counts, n, rnd):
    sandbox = Sandbox(cli, "CreateUserPoolClient:latency=50ms,UpdateUserPoolClient:latency=50ms")
    try:
        stack = Stack(sandbox, clients=6)
        stack.write()
        for i in range(n):
            stack.mutate(rnd)
            procs = [cli.start(stack.dir, "apply", "--auto-approve", "--lock-timeout", "2m")
                     for _ in range(rnd.randint(2, 4))]
            codes = [cli.finish(p, "apply (concurrent)")[0] for p in procs]
            counts.note("concurrent_applies", len(procs))
            if any(codes):
                counts.note("concurrent_applies_failed", sum(1 for c in codes if c))
            converge(cli, stack, counts, "race %d" % i)
            check(cli, stack, counts, "race %d" % i)
    finally:
        sandbox.close()


def faults(cli, counts, clients):
    for label, kind in FAULT_KINDS.items():
        sandbox = Sandbox(cli, "CreateUserPoolClient:%s,UpdateUserPoolClient:%s" % (kind, kind))
        try:
            stack = Stack(sandbox, clients=clients)
            for phase in ["creates", "updates"]:
                if phase == "updates":
                    stack.round += 1
                stack.write()
                started = time.time()
                code, out = cli.run(stack.dir, "apply", "--auto-approve")
                counts.info["%s %s: seconds" % (label, phase)] = round(time.time() - started, 1)
                if code != 0:
                    counts.add("non_converged")
                    print("  faults %s %s: one apply did not finish:\n%s" % (label, phase, out[-1500:]),
                          file=sys.stderr)
                    converge(cli, stack, counts, "faults " + label)
                check(cli, stack, counts, "faults %s %s" % (label, phase))
        finally:
            sandbox.close()


def slow(cli, counts):
    # The create is answered after 60 s, beyond the SDK's 30 s socket timeout.
    sandbox = Sandbox(cli, "CreateUserPoolClient:latency=60s:next=1")
    try:
        stack = Stack(sandbox, clients=1)
        stack.write()
        code, out = cli.run(stack.dir, "apply", "--auto-approve")
        if code != 0:
            counts.add("non_converged")
            print("  slow: the apply did not wait for the late create:\n" + out[-1500:], file=sys.stderr)
        converge(cli, stack, counts, "slow")
        check(cli, stack, counts, "slow")
    finally:
        sandbox.close()
    # The case: the first apply is killed once its request timed out; a second apply follows at once.
    sandbox = Sandbox(cli, "CreateUserPoolClient:latency=60s:next=1")
    try:
        stack = Stack(sandbox, clients=1)
        stack.write()
        first = cli.start(stack.dir, "apply", "--auto-approve")
        time.sleep(38)
        os.killpg(first.pid, signal.SIGKILL)
        cli.finish(first, "apply (killed after its create timed out)")
        code, out = cli.run(stack.dir, "apply", "--auto-approve")
        if "forget-pending" in out:
            counts.note("in_doubt_refusals")
        time.sleep(25)  # the late create lands
        converge(cli, stack, counts, "slow, killed")
        check(cli, stack, counts, "slow, killed")
    finally:
        sandbox.close()


BASE_CLIENT = {"name": "web", "generate_secret": True, "token_validity": {"access": "1h", "id": "1h", "refresh": "30d"},
               "callback_urls": ["https://app.example.com/cb"], "allowed_oauth_flows": ["code"],
               "allowed_oauth_scopes": ["openid"], "allowed_oauth_flows_user_pool_client": True,
               "explicit_auth_flows": ["ALLOW_REFRESH_TOKEN_AUTH"], "supported_identity_providers": ["COGNITO"]}
ODD_VALUES = [None, "", 0, -1, 10 ** 30, 1e308, True, [], {}, "x" * 5000, "${var.missing}", "$${", "é✓\u0000",
              ["a", 1, None], {"a": {"b": {"c": {}}}}, "1h", "-5m", "99999d", "ENABLED", "*", "\n"]


def fuzz_stack(rnd, endpoint, pool):
    """A stack built from the base client with random keys dropped, retyped, added or misspelt, or raw junk."""
    if rnd.random() < 0.1:
        return rnd.choice(["", "---\n- a\n- b\n", "pools: [", "version: 1\npools: {a: &x {b: *x}}\n",
                           "\t\tbad indent\n", "version: 2\npools: {}\n", "a: " + "[" * 200, "\u0000\u0001",
                           "version: 1\npools:\n  p: {id: %s, clients: {a: {name: a}, a: {name: b}}}\n" % pool])
    client = json.loads(json.dumps(BASE_CLIENT))
    for _ in range(rnd.randint(1, 4)):
        op = rnd.random()
        keys = list(client.keys())
        if op < 0.3 and keys:
            del client[rnd.choice(keys)]
        elif op < 0.7 and keys:
            client[rnd.choice(keys)] = rnd.choice(ODD_VALUES)
        elif op < 0.85:
            client[rnd.choice(["nmae", "secret", "client_secret", "token_validity.access", "x" * 300])] = 1
        else:
            client["token_validity"] = {rnd.choice(["access", "id", "refresh", "bogus"]): rnd.choice(ODD_VALUES)}
    doc = {"version": 1, "provider": {"region": "us-east-1", "endpoint": endpoint},
           "pools": {"p": {"id": pool, "clients": {rnd.choice(["web", "Web", "w b", "a" * 80]): client}}}}
    return json.dumps(doc)  # JSON is YAML


def fuzz(cli, counts, n, rnd):
    sandbox = Sandbox(cli)
    try:
        pool = sandbox.pool("campaign-fuzz")
        for i in range(n):
            d = tempfile.mkdtemp(prefix="cogform-fuzz-")
            with open(os.path.join(d, "cogform.yaml"), "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(fuzz_stack(rnd, sandbox.url, pool))
            for args in (["validate"], ["plan"]):
                code, out = cli.run(d, *args, timeout=120)
                counts.note("fuzz_" + args[0])
                if code not in (0, 1, 2):
                    counts.add("stack_traces" if "Exception" in out else "non_converged")
                    print("  fuzz %d %s: exit %d\n%s" % (i, args[0], code, out[-800:]), file=sys.stderr)
    finally:
        sandbox.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=30, help="iterations of the kill loops (concurrent: n/3, fuzz: 5n)")
    p.add_argument("--clients", type=int, default=30, help="clients of the fault-kind applies")
    p.add_argument("--only", default=",".join(SECTIONS), help="sections: " + ",".join(SECTIONS))
    p.add_argument("--cogform", default=os.path.join(ROOT, "cogform"), help="the command that runs cogform")
    p.add_argument("--moto", default=os.environ.get("COGFORM_TEST_MOTO"), help="moto_server URL for S3 state")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--log", default=None, help="where every cogform output goes (default: a temporary file)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    counts = Counts()
    log_path = a.log or tempfile.mkstemp(prefix="cogform-campaign-", suffix=".log")[1]
    sections = [s.strip() for s in a.only.split(",") if s.strip()]
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        p.error("unknown sections %s; choose from %s" % (unknown, ",".join(SECTIONS)))
    started = time.time()
    with open(log_path, "a") as log:
        cli = Cli(a.cogform, counts, log)
        for s in sections:
            t = time.time()
            print("campaign: %s ..." % s, file=sys.stderr)
            if s == "kill-local":
                kill_loop(cli, counts, a.n, rnd, lambda: None)
            elif s == "kill-s3":
                if not a.moto:
                    p.error("kill-s3 needs --moto URL (or COGFORM_TEST_MOTO)")
                s3 = boto3.client("s3", endpoint_url=a.moto, region_name="us-east-1")
                bucket = "campaign-" + uuid.uuid4().hex[:12]
                s3.create_bucket(Bucket=bucket)
                kill_loop(cli, counts, a.n, rnd, lambda: {"backend": "s3", "bucket": bucket, "key": "state.json",
                                                          "endpoint": a.moto, "region": "us-east-1"})
            elif s == "concurrent":
                concurrent(cli, counts, max(1, a.n // 3), rnd)
            elif s == "faults":
                faults(cli, counts, a.clients)
            elif s == "slow":
                slow(cli, counts)
            elif s == "fuzz":
                fuzz(cli, counts, 5 * a.n, rnd)
            counts.info[s + ": seconds"] = round(time.time() - t, 1)
    counts.info["seconds"] = round(time.time() - started, 1)
    if a.json:
        print(json.dumps({"counts": counts.c, "info": counts.info, "log": log_path}, indent=2))
    else:
        for k, v in counts.c.items():
            print("%-16s %d" % (k.replace("_", " "), v))
        for k, v in counts.info.items():
            print("  %s: %s" % (k.replace("_", " "), v))
        print("log: " + log_path)
    sys.exit(0 if all(v == 0 for v in counts.c.values()) else 1)


if __name__ == "__main__":
    main()
