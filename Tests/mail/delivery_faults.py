"""Fault checks of notification delivery, against the real binary and a real SMTP server.

1. The SMTP server goes down in the middle of a burst of 500 notifications and comes back: every
   message must arrive, none twice, none dead-lettered.
2. The worker is killed with SIGKILL in the middle of a burst and another starts: every message must
   arrive (counted by Message-ID), none dead-lettered. A message the killed worker had handed over
   but not yet recorded is sent again with the same Message-ID; those re-sends are counted and may
   not exceed the messages in flight at the kill (one per delivery lane).
3. The worker is stopped with SIGTERM in the middle of a burst (a deployment): it finishes what it
   holds and exits; the next worker delivers the rest. Every message once, none twice.

Prints the figures of each, the last line as key=value pairs; exits 1 if a check fails.

  delivery_faults.py BINARY
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MESSAGES = 500
LANES = 4  # DeliveryService's lanes: messages in flight at once per worker


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTP:
    def __init__(self, folder, port):
        self.folder, self.port, self.process = folder, port, None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "smtp_server.py"), "--dir", self.folder, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self.process.stdout.readline().startswith("READY"), "the SMTP server did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def received(self):
        path = os.path.join(self.folder, "received.jsonl")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            return [json.loads(line) for line in f if line.strip()]


class Run:
    def __init__(self, binary, name):
        self.binary, self.name = binary, name
        self.work = tempfile.mkdtemp(prefix=f"sessiondesk-faults-{name}-")
        self.database = os.path.join(self.work, "desk.sqlite")
        self.smtp = SMTP(os.path.join(self.work, "smtp"), free_port())
        self.env = dict(
            os.environ,
            SESSIONDESK_DATABASE_URL=f"sqlite:{self.database}",
            SESSIONDESK_SMTP_URL=f"smtp://127.0.0.1:{self.smtp.port}",
            SESSIONDESK_DELIVERY_RETRY_SECONDS="0.5",
            SESSIONDESK_DELIVERY_ATTEMPTS="30",
            SESSIONDESK_DELIVERY_LEASE_SECONDS="3",
            SESSIONDESK_DELIVERY_POLL_MILLISECONDS="100",
            SESSIONDESK_LOG_LEVEL="error",
        )
        subprocess.run([binary, "migrate"], env=self.env, check=True, stdout=subprocess.DEVNULL)

    def worker(self):
        log = open(os.path.join(self.work, f"worker-{time.monotonic_ns()}.log"), "w")
        return subprocess.Popen([self.binary, "worker"], env=self.env, stdout=log, stderr=log)

    def burst(self, seconds):
        return subprocess.Popen(
            [self.binary, "bench", "delivery", "--enqueue-only", "--messages", str(MESSAGES), "--spread", str(seconds),
             "--database", f"sqlite:{self.database}"],
            env=self.env, stdout=subprocess.DEVNULL)

    def states(self):
        with sqlite3.connect(self.database, timeout=10) as db:
            return dict(db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall())

    def wait_until_settled(self, limit=120):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            states = self.states()
            if sum(states.values()) == MESSAGES and states.get("queued", 0) + states.get("running", 0) == 0:
                return states
            time.sleep(0.25)
        return self.states()

    def figures(self, started):
        received = self.received_by_id()
        with sqlite3.connect(self.database, timeout=10) as db:
            created = dict(db.execute("SELECT id, created_at FROM outbox_messages").fetchall())
        delays = [min(r["received_at"] for r in rs) - created[i] for i, rs in received.items() if i in created]
        states = self.states()
        return {
            "expected": len(created),
            "delivered": len(set(received) & set(created)),
            "received": sum(len(rs) for rs in received.values()),
            "duplicated": sum(len(rs) - 1 for rs in received.values()),
            "dead": states.get("dead", 0),
            "longest_delay_s": round(max(delays, default=0), 1),
            "seconds": round(time.monotonic() - started, 1),
        }

    def received_by_id(self):
        by_id = {}
        for record in self.smtp.received():
            # <id@host>: the outbox message's id is the part before the @.
            by_id.setdefault(record["message_id"].strip("<>").split("@")[0], []).append(record)
        return by_id


def smtp_down_mid_burst(binary):
    run = Run(binary, "smtp-down")
    run.smtp.start()
    worker = run.worker()
    started = time.monotonic()
    burst = run.burst(seconds=3)
    time.sleep(1)
    run.smtp.stop()
    time.sleep(5)
    run.smtp.start()
    burst.wait(60)
    run.wait_until_settled()
    figures = run.figures(started)
    worker.send_signal(signal.SIGTERM)
    worker.wait(30)
    run.smtp.stop()
    ok = figures["expected"] == MESSAGES and figures["delivered"] == MESSAGES and figures["duplicated"] == 0 and figures["dead"] == 0
    return ok, figures


def worker_killed_mid_burst(binary):
    run = Run(binary, "sigkill")
    run.smtp.start()
    first = run.worker()
    started = time.monotonic()
    burst = run.burst(seconds=3)
    time.sleep(1.5)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    before_kill = len(run.smtp.received())
    second = run.worker()
    burst.wait(60)
    run.wait_until_settled()
    figures = run.figures(started)
    figures["received_before_kill"] = before_kill
    second.send_signal(signal.SIGTERM)
    second.wait(30)
    run.smtp.stop()
    ok = (figures["expected"] == MESSAGES and figures["delivered"] == MESSAGES and figures["dead"] == 0
          and figures["duplicated"] <= LANES and before_kill > 0)
    return ok, figures


def worker_stopped_mid_burst(binary):
    run = Run(binary, "sigterm")
    run.smtp.start()
    first = run.worker()
    started = time.monotonic()
    burst = run.burst(seconds=3)
    time.sleep(1.5)
    first.send_signal(signal.SIGTERM)
    exit_code = first.wait(30)
    states = run.states()
    second = run.worker()
    burst.wait(60)
    run.wait_until_settled()
    figures = run.figures(started)
    figures["left_running_at_stop"] = states.get("running", 0)
    figures["exit_code"] = exit_code
    second.send_signal(signal.SIGTERM)
    second.wait(30)
    run.smtp.stop()
    ok = (figures["expected"] == MESSAGES and figures["delivered"] == MESSAGES and figures["duplicated"] == 0 and figures["dead"] == 0
          and figures["left_running_at_stop"] == 0 and exit_code == 0)
    return ok, figures


def main():
    binary = os.path.abspath(sys.argv[1])
    status = 0
    checks = [("smtp_down", smtp_down_mid_burst), ("sigkill", worker_killed_mid_burst), ("sigterm", worker_stopped_mid_burst)]
    for name, check in checks:
        ok, figures = check(binary)
        print(f"delivery-faults: {name}: {'ok' if ok else 'FAILED'} " + " ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
        status |= 0 if ok else 1
    sys.exit(status)


if __name__ == "__main__":
    main()
