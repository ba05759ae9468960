"""A stand-in SMS gateway in Twilio's REST shape for the smoke test: each POST to
/2010-04-01/Accounts/<sid>/Messages.json is checked for Basic credentials and written, decoded, as
one JSON line to the file given; the answer is Twilio's 201 with a message resource.

    python3 gateway.py --port 0 --out texts.jsonl --account AC123 --token secret
prints the port it listens on, then serves until killed."""

import argparse
import base64
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--out", required=True)
    parser.add_argument("--account", required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    expected = "Basic " + base64.b64encode(f"{args.account}:{args.token}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
            if self.path != f"/2010-04-01/Accounts/{args.account}/Messages.json":
                return self.answer(404, {"code": 20404, "message": "The requested resource was not found", "status": 404})
            if self.headers.get("Authorization") != expected:
                return self.answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
            form = {key: values[0] for key, values in parse_qs(body, keep_blank_values=True).items()}
            with open(args.out, "a", encoding="utf-8") as out:
                out.write(json.dumps(form) + "\n")
            self.answer(201, {"sid": "SM" + "0" * 32, "status": "queued", "to": form.get("To"), "body": form.get("Body")})

        def answer(self, status: int, document: dict) -> None:
            data = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
