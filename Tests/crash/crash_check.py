"""Crash check: `serve` is killed with SIGKILL under a load of 32 clients requesting and accepting
sessions, then started again, three times. Afterwards every move that was answered 2xx must be in
the database whole (the request or session, its conversation line, its audit event, its outbox
messages and each message's delivery job, and its Idempotency-Key), and no move that was answered
with an error may have left anything. Moves cut off by the kill are sent again with the same
Idempotency-Key: each must then be answered as if it had happened once.

  crash_check.py BINARY DATABASE_URL [--rounds 3] [--seconds 4]

DATABASE_URL is sqlite:PATH (a new file) or postgres://… (an empty database). Prints what it saw,
the last line as key=value pairs; exits 1 if anything was lost, doubled or left half-written.
"""

import argparse
import collections
import csv
import datetime
import http.client
import io
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

CLIENTS = 32
PASSWORD = "sessiondesk-demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """Reads the database directly, as the check must not trust the server it checks."""

    def __init__(self, url):
        self.url = url

    def rows(self, sql, *params):
        if self.url.startswith("sqlite:"):
            with sqlite3.connect(self.url[len("sqlite:"):], timeout=30) as db:
                return [tuple("" if v is None else str(v) for v in row) for row in db.execute(sql, params).fetchall()]
        text = sql
        for value in params:
            text = text.replace("?", "'" + str(value).replace("'", "''") + "'", 1)
        parsed = urllib.parse.urlparse(self.url)
        # CSV, because message bodies hold line breaks and tabs.
        out = subprocess.run(
            ["psql", "-h", parsed.hostname, "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres", "-d", parsed.path.lstrip("/"),
             "-t", "--csv", "-c", text], check=True, capture_output=True, text=True).stdout
        return [tuple(row) for row in csv.reader(io.StringIO(out)) if row]

    def count(self, sql, *params):
        return int(self.rows(sql, *params)[0][0])


class Snapshot:
    """The tables a move writes, read once: checking thousands of calls a query at a time would
    take minutes on PostgreSQL, where each query is a psql process."""

    def __init__(self, db):
        self.requests = {r[0]: (r[1], r[2]) for r in db.rows("SELECT id, state, COALESCE(session_id, '') FROM session_requests")}
        self.lines = collections.Counter(db.rows("SELECT request_id, event FROM request_messages"))
        self.audits = collections.Counter(db.rows("SELECT subject_id, action FROM audit_events"))
        self.jobs = collections.Counter(db.rows("SELECT kind, subject_id FROM jobs"))
        self.sessions = {r[0]: r[1] for r in db.rows("SELECT id, status FROM sessions")}
        self.messages = collections.defaultdict(list)
        for message, kind, body in db.rows("SELECT id, kind, body FROM outbox_messages"):
            for request_id in set(re.findall(r"/requests/([0-9A-Fa-f-]{36})", body)):
                self.messages[(kind, request_id)].append(message)
        self.results = {(r[0], r[1]): r[2] for r in db.rows("SELECT user_id, key, COALESCE(result, '') FROM idempotency_keys")}

    def result(self, item):
        text = self.results.get((item.user, item.key))
        return None if text is None else json.loads(text)


class Server:
    def __init__(self, binary, database, work):
        self.binary, self.database, self.work = binary, database, work
        self.port = free_port()
        self.process = None

    def start(self):
        env = dict(os.environ, SESSIONDESK_DATABASE_URL=self.database, SESSIONDESK_MAIL_FOLDER=os.path.join(self.work, "mail"),
                   SESSIONDESK_LOG_LEVEL="error", SESSIONDESK_PASSWORD_COST="4")
        log = open(os.path.join(self.work, "serve.log"), "a")
        self.process = subprocess.Popen([self.binary, "serve", "--demo", "--port", str(self.port)], env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                status, _ = call(self.port, "GET", "/ready")
                if status == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit(f"crash check: serve exited with {self.process.returncode}; see {self.work}/serve.log")
            time.sleep(0.1)
        raise SystemExit("crash check: serve did not become ready")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def call(port, method, path, body=None, token=None, key=None, connection=None):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if key:
        headers["Idempotency-Key"] = key
    try:
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data and response.getheader("Content-Type", "").find("json") >= 0 else None)
    finally:
        if own:
            connection.close()


class Call:
    """One move sent: what, by whom, with which key, and what came back (None: no answer)."""

    def __init__(self, kind, user, key, path, body):
        self.kind, self.user, self.key, self.path, self.body = kind, user, key, path, body
        self.status, self.answer = None, None


class Load:
    def __init__(self, port, office, families):
        self.port, self.office, self.families = port, office, families
        self.calls, self.lock, self.stop = [], threading.Lock(), threading.Event()

    def record(self, item):
        with self.lock:
            self.calls.append(item)

    def move(self, connection, kind, user, token, path, body):
        item = Call(kind, user, str(uuid.uuid4()), path, body)
        self.record(item)
        item.status, item.answer = call(self.port, "POST", path, body, token, item.key, connection)
        return item

    def client(self, index):
        family = self.families[index % len(self.families)]
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        rng = random.Random(index)
        while not self.stop.is_set():
            try:
                engagement = rng.choice(family["engagements"])
                start = datetime.date.today() + datetime.timedelta(days=rng.randint(5, 60))
                status, slots = call(self.port, "GET", f"/api/v1/engagements/{engagement}/free-slots?from={start}&to={start + datetime.timedelta(days=2)}",
                                     token=family["token"], connection=connection)
                if status != 200 or not slots or not slots.get("slots"):
                    continue
                slot = rng.choice(slots["slots"])
                created = self.move(connection, "create", family["id"], family["token"], "/api/v1/session-requests",
                                    {"engagementId": engagement, "start": slot["start"]})
                if created.status == 201:
                    self.move(connection, "accept", self.office["id"], self.office["token"],
                              f"/api/v1/session-requests/{created.answer['id']}/accept", {"location": "Room 1", "sessionType": "In person"})
            except (OSError, http.client.HTTPException):
                connection.close()
                if self.stop.wait(0.05):
                    return
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)


def log_in(port, email):
    status, answer = call(port, "POST", "/api/v1/login", {"email": email, "password": PASSWORD})
    assert status == 200, f"login of {email}: {status} {answer}"
    return {"id": answer["user"]["id"], "token": answer["token"]}


def whole(snapshot, item, request_id):
    """What is missing of a committed move, as sentences; empty when it is whole."""
    missing = []
    event = "requested" if item.kind == "create" else "accepted"
    if request_id not in snapshot.requests:
        return [f"request {request_id} is missing"]
    if snapshot.lines[(request_id, event)] != 1:
        missing.append(f"{event} line of {request_id}")
    if snapshot.audits[(request_id, event)] != 1:
        missing.append(f"{event} audit event of {request_id}")
    messages = snapshot.messages[(event, request_id)]
    if not messages:
        missing.append(f"{event} messages of {request_id}")
    for message in messages:
        if snapshot.jobs[("deliver", message)] != 1:
            missing.append(f"delivery job of message {message}")
    if item.kind == "accept":
        state, session = snapshot.requests[request_id]
        if state != "accepted" or not session:
            missing.append(f"{request_id} is {state}, not accepted with a session")
        elif snapshot.sessions.get(session) != "scheduled":
            missing.append(f"session {session} of {request_id}")
        elif snapshot.jobs[("remind", session)] != 1:
            missing.append(f"reminder of session {session}")
    return missing


def stored_result(db, item):
    rows = db.rows("SELECT COALESCE(result, '') FROM idempotency_keys WHERE user_id = ? AND key = ?", item.user, item.key)
    return json.loads(rows[0][0]) if rows else None


def verify(db, calls):
    """Checks every call against the database; returns (violations, counts)."""
    snapshot = Snapshot(db)
    violations, counts = [], {"answered": 0, "refused": 0, "unanswered": 0, "happened_unanswered": 0}
    for item in calls:
        request_id = item.answer.get("id") if item.kind == "create" and item.answer else item.path.split("/")[4] if item.kind == "accept" else None
        result = snapshot.result(item)
        if item.status is not None and 200 <= item.status < 300:
            counts["answered"] += 1
            if result is None:
                violations.append(f"{item.kind} {item.key} was answered {item.status} but its key is not stored")
            violations += [f"{item.kind} {item.key}: {m}" for m in whole(snapshot, item, request_id)]
        elif item.status is not None:
            counts["refused"] += 1
            if result is not None:
                violations.append(f"{item.kind} {item.key} was answered {item.status} but happened")
        else:
            counts["unanswered"] += 1
            if result is not None:
                counts["happened_unanswered"] += 1
                violations += [f"{item.kind} {item.key} (cut off): {m}" for m in whole(snapshot, item, result["id"] if item.kind == "create" else request_id)]
    orphans = db.count(
        "SELECT COUNT(*) FROM outbox_messages o WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'deliver' AND j.subject_id = o.id)")
    if orphans:
        violations.append(f"{orphans} outbox messages without a delivery job")
    return violations, counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("database")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="sessiondesk-crash-")
    db = Database(args.database)
    server = Server(os.path.abspath(args.binary), args.database, work)
    server.start()
    office = log_in(server.port, "office@northside.example")
    families = []
    for number in range(1, 13):
        family = log_in(server.port, f"parent{number}@northside.example")
        status, engagements = call(server.port, "GET", "/api/v1/engagements", token=family["token"])
        family["engagements"] = [e["id"] for e in engagements["items"] if e["active"]]
        if family["engagements"]:
            families.append(family)

    all_calls, violations, totals, retried = [], [], {}, {"replayed": 0, "acted": 0, "refused": 0, "failed": 0}
    for round in range(args.rounds):
        load = Load(server.port, office, families)
        threads = [threading.Thread(target=load.client, args=(i,)) for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds * (0.6 + 0.8 * random.random()))
        server.kill()
        load.stop.set()
        for thread in threads:
            thread.join()
        server.start()
        found, counts = verify(db, load.calls)
        violations += [f"round {round + 1}: {v}" for v in found]
        for name, value in counts.items():
            totals[name] = totals.get(name, 0) + value
        # Every move cut off by the kill, sent again with its key: once, whatever happened before.
        for item in [c for c in load.calls if c.status is None]:
            before = stored_result(db, item)
            token = office["token"] if item.user == office["id"] else next(f["token"] for f in families if f["id"] == item.user)
            status, answer = call(server.port, "POST", item.path, item.body, token, item.key)
            if before is not None and status in (200, 201):
                retried["replayed"] += 1
                if answer.get("id") != before.get("id"):
                    violations.append(f"round {round + 1}: the repeat of {item.key} answered {answer.get('id')}, not {before.get('id')}")
            elif status in (200, 201):
                retried["acted"] += 1
            elif status < 500:
                retried["refused"] += 1
            else:
                retried["failed"] += 1
                violations.append(f"round {round + 1}: the repeat of {item.key} failed with {status}: {answer}")
            item.status, item.answer = status, answer
        all_calls += load.calls
        print(f"round {round + 1}: {counts}")
    found, _ = verify(db, all_calls)
    violations += [f"at the end: {v}" for v in found]
    server.kill()
    for violation in violations[:40]:
        print(f"VIOLATION {violation}")
    kind = "postgres" if args.database.startswith("postgres") else "sqlite"
    print(
        f"check=crash database={kind} rounds={args.rounds} calls={len(all_calls)} answered={totals.get('answered', 0)} "
        f"refused={totals.get('refused', 0)} unanswered={totals.get('unanswered', 0)} "
        f"cut_off_but_done={totals.get('happened_unanswered', 0)} repeats_replayed={retried['replayed']} repeats_acted={retried['acted']} "
        f"repeats_refused={retried['refused']} violations={len(violations)}")
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
