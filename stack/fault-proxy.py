#!/usr/bin/env python3
"""A plain HTTP reverse proxy in front of moto that can lose answers, for the tests of calls that are not idempotent.

Every request is forwarded to the upstream (moto) as it came, Host header and body included (the SigV4 signature
covers the Host the client signed, so moto still verifies it while IAM enforcement is on), and its answer sent back,
unless a fault is armed for its action. The action is read from the X-Amz-Target header (ECR's JSON protocol:
"AmazonEC2ContainerRegistry_V20150921.CreateRepository" -> CreateRepository) or the form body (IAM/STS Query
protocol: Action=CreateAccessKey).

Control API (JSON):
  POST /fault-proxy/arm    {"action": "CreateAccessKey" or "*", "mode": MODE, "count": 1 (default; -1: every call)}
                           MODE: "drop-after-forward"      forward (moto acts), then close the connection unanswered
                                 "status-500-after-forward" forward (moto acts), then answer 500 (a service failure)
                                 "hang"                     never forward, never answer; released after HANG_SECONDS
                                                            or on reset
  GET  /fault-proxy/log    the calls seen: [{"action": ..., "fault": MODE or null}, ...]
  POST /fault-proxy/reset  disarm everything, forget the log, release hanging calls

Usage: fault-proxy.py PORT UPSTREAM_URL
Python 3 standard library only.
"""
import http.client
import http.server
import json
import sys
import threading
import urllib.parse

HANG_SECONDS = 120
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"}
MODES = {"drop-after-forward", "status-500-after-forward", "hang"}

PORT = int(sys.argv[1])
UPSTREAM = urllib.parse.urlsplit(sys.argv[2])

_lock = threading.Lock()
_rules = []  # [{"action", "mode", "count"}], first match wins
_log = []
_release = threading.Event()


def log(message):
    print(message, flush=True)


def action_of(headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
    return form.get("Action", [""])[0]


def take_fault(action):
    """The mode armed for this action (using one of its count), or None."""
    with _lock:
        for rule in _rules:
            if rule["action"] in ("*", action) and rule["count"] != 0:
                if rule["count"] > 0:
                    rule["count"] -= 1
                return rule["mode"]
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as AWS: the SDK reuses connections between calls

    def log_message(self, fmt, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _control(self, body):
        global _release
        path = self.path.split("?", 1)[0]
        if self.command == "GET" and path == "/fault-proxy/log":
            with _lock:
                return self._json(200, list(_log))
        if self.command == "POST" and path == "/fault-proxy/reset":
            with _lock:
                _rules.clear()
                _log.clear()
                _release.set()
                _release = threading.Event()
            log("reset")
            return self._json(200, {"reset": True})
        if self.command == "POST" and path == "/fault-proxy/arm":
            try:
                rule = json.loads(body or b"{}")
                rule = {"action": str(rule["action"]), "mode": str(rule["mode"]), "count": int(rule.get("count", 1))}
            except (ValueError, KeyError, TypeError) as e:
                return self._json(400, {"error": "want {\"action\", \"mode\", \"count\"}: %s" % e})
            if rule["mode"] not in MODES:
                return self._json(400, {"error": "mode must be one of %s" % sorted(MODES)})
            with _lock:
                _rules.append(rule)
            log("armed %s" % rule)
            return self._json(200, rule)
        return self._json(404, {"error": "no such control call: %s %s" % (self.command, path)})

    def _forward(self, body):
        conn = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=60)
        try:
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    conn.putheader(name, value)
            conn.endheaders(body)
            answer = conn.getresponse()
            return answer.status, answer.reason, answer.getheaders(), answer.read()
        finally:
            conn.close()

    def _handle(self):
        body = self._body()
        if self.path.startswith("/fault-proxy/"):
            return self._control(body)
        action = action_of(self.headers, body)
        fault = take_fault(action)
        with _lock:
            _log.append({"action": action, "fault": fault})
            release = _release
        if fault:
            log("%s: %s" % (action, fault))
        if fault == "hang":
            release.wait(HANG_SECONDS)
            self.close_connection = True
            return
        status, reason, headers, data = self._forward(body)
        if fault == "drop-after-forward":
            self.close_connection = True  # moto acted; the client gets no answer
            return
        if fault == "status-500-after-forward":
            status, reason, data = 500, "Internal Server Error", self._failure(action)
            headers = [("Content-Type", "application/json" if self.headers.get("X-Amz-Target") else "text/xml")]
        self.send_response(status, reason)
        for name, value in headers:
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _failure(self, action):
        if self.headers.get("X-Amz-Target"):
            return json.dumps({"__type": "ServerException", "message": "fault-proxy: %s failed" % action}).encode()
        return ("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>fault-proxy: %s "
                "failed</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>" % action).encode()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    log("fault-proxy on 127.0.0.1:%d -> %s" % (PORT, sys.argv[2]))
    Server(("127.0.0.1", PORT), Handler).serve_forever()
