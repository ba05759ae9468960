"""A real SMTP server for the tests (aiosmtpd), on a loopback port.

Every accepted message is written to DIR as N.eml, and a JSON line (message id, envelope, time,
login) is appended to DIR/received.jsonl. Prints "READY <port>" once it listens; stops on SIGTERM
(or, with --stdin, when its standard input closes: a test that dies cannot leave it behind).

  smtp_server.py --dir DIR [--port N] [--mode plain|starttls|tls] [--login user:password]
                 [--reject SUBSTRING] [--tempfail N] [--inject-after-starttls LINE] [--stdin]

--inject-after-starttls plays a man in the middle (RFC 3207 section 4.2): it sends LINE in plain
text right behind "220 Ready to start TLS", in the same write, for the client to discard.
"""

import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import warnings
from email import message_from_bytes
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def certificate(folder):
    """A throwaway self-signed certificate for localhost; the client trusts it with ?ca=."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Recorder:
    def __init__(self, folder, reject, tempfail, implicit_tls):
        self.folder = folder
        self.implicit_tls = implicit_tls
        self.reject = reject
        self.tempfail = tempfail
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and self.reject in address:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.tempfail > 0:
                self.tempfail -= 1
                return "451 4.3.0 Try again later"
            self.count += 1
            number = self.count
        content = envelope.original_content or envelope.content
        with open(os.path.join(self.folder, f"{number}.eml"), "wb") as f:
            f.write(content)
        message = message_from_bytes(content, policy=default_policy)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        line = json.dumps({
            "message_id": message["Message-ID"], "from": envelope.mail_from, "to": envelope.rcpt_tos,
            "received_at": time.time(), "login": login, "tls": self.implicit_tls or session.ssl is not None,
        })
        with self.lock, open(os.path.join(self.folder, "received.jsonl"), "a") as f:
            f.write(line + "\n")
        return "250 Message accepted for delivery"


class InjectingSMTP(SMTP):
    """Sends a plain-text reply of its own behind the 220 that starts TLS."""

    injected = ""

    async def push(self, status):
        if status.startswith("220 Ready to start TLS"):
            status = f"{status}\r\n{self.injected}"
        await super().push(status)


class InjectingController(Controller):
    def factory(self):
        return InjectingSMTP(self.handler, **self.SMTP_kwargs)


def main():
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--mode", choices=["plain", "starttls", "tls"], default="plain")
    parser.add_argument("--login")
    parser.add_argument("--reject")
    parser.add_argument("--tempfail", type=int, default=0)
    parser.add_argument("--inject-after-starttls")
    parser.add_argument("--stdin", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port()

    options = {}
    if args.mode != "plain":
        context = certificate(args.dir)
        options["ssl_context" if args.mode == "tls" else "tls_context"] = context
    if args.login:
        user, password = args.login.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=ok, handled=False, auth_data=data)

        # aiosmtpd counts only STARTTLS as TLS for AUTH; with implicit TLS every byte is encrypted anyway.
        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=args.mode != "tls")

    controller_type = Controller
    if args.inject_after_starttls:
        InjectingSMTP.injected = args.inject_after_starttls
        controller_type = InjectingController
    controller = controller_type(Recorder(args.dir, args.reject, args.tempfail, args.mode == "tls"), hostname="127.0.0.1", port=port, **options)
    if args.mode == "tls":
        # The controller checks it is up by connecting, and with implicit TLS that check must trust our certificate.
        def trigger():
            client = ssl.create_default_context(cafile=os.path.join(args.dir, "cert.pem"))
            with socket.create_connection(("127.0.0.1", port), 1.0) as raw, client.wrap_socket(raw, server_hostname="localhost") as s:
                s.recv(1024)

        controller._trigger_server = trigger
    controller.start()
    print(f"READY {port}", flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if args.stdin:
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop(no_assert=True)


if __name__ == "__main__":
    main()
