#!/usr/bin/env python3
"""A stand-in for the EC2 instance metadata service that answers nothing and counts what asks it, so that a test
can prove the plugin never probes it when region and credentials are given (AWS_EC2_METADATA_SERVICE_ENDPOINT
pointed here). Every request but the control API is recorded and answered 404, at once (an SDK that probed would
move on, not wait).

Control API (JSON):
  GET  /imds-counter/log    the requests seen: [{"method": "PUT", "path": "/latest/api/token"}, ...]
  POST /imds-counter/reset  forget them

Usage: imds-counter.py PORT
Python 3 standard library only.
"""
import http.server
import json
import sys
import threading

PORT = int(sys.argv[1])
_lock = threading.Lock()
_log = []


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if self.path == "/imds-counter/log" and self.command == "GET":
            with _lock:
                return self._answer(200, json.dumps(_log).encode())
        if self.path == "/imds-counter/reset" and self.command == "POST":
            with _lock:
                _log.clear()
            return self._answer(200, b"{}")
        with _lock:
            _log.append({"method": self.command, "path": self.path})
        self._answer(404)

    do_GET = do_PUT = do_POST = do_HEAD = _handle

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
