#!/usr/bin/env python3
"""Keeps moto's ECR view in step with what docker pushes to the local registry.

The Docker Distribution registry POSTs an event envelope for every manifest
push and pull to this listener. For each push we read the manifest back from
the registry and record it in moto with ECR PutImage (tag, manifest, media type
and digest) in the region of the repository it belongs to, so that
DescribeImages/BatchGetImage answer exactly what the registry holds: the REGION
the pushed-to host names (ACCOUNT.dkr.ecr.REGION..., dkr.ecr-fips,
dkr-ecr...on.aws), as on ECR; for any other name (a DNS alias given as
<registry>, the registry's address) the one region, of any region, whose ECR
holds a repository of that name (asked of stack/moto-server.py's
/moto-api/ecr-stack/repository-regions, which reads moto's state). A push that belongs to no
region (no such repository anywhere, or one named by the host that lacks it) or
to several (the same name in two regions, pushed under a name that says none) is
not recorded, with a "not recorded ..." line in the listener's log saying why. Every manifest push and pull (except this
listener's own reads) is appended to STATE_DIR/registry-events.log as
"<action> <host> <repository> <tag-or-digest> <digest>", so tests can prove
which host docker really used.

Usage: registry-listener.py BIND_ADDRESS PORT REGISTRY_URL CA_FILE MOTO_URL STATE_DIR
Credentials for ECR are read per attempt from STATE_DIR/admin.credentials
("ACCESS_KEY SECRET_KEY" on one line, written by stack/admin-user.py): the
stack's own IAM user with AdministratorAccess, whose key moto accepts also while
an IT has IAM enforcement on.

A push is recorded before the event is answered. Failures that can pass (moto
refusing the keys while an IT has IAM enforcement on, a connection error) are
retried for up to RETRY_SECONDS; permanent ones (the repository is gone, the
image is already recorded) are logged and answered 200 all the same: a non-2xx
answer makes the registry re-send the event, and block its queue behind it.
"""
import base64
import http.client
import http.server
import json
import os
import re
import ssl
import sys
import threading
import time
import urllib.parse
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

MANIFEST_TYPES = (
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
)
# ECR errors that no retry changes
PERMANENT = {
    "RepositoryNotFoundException", "ImageAlreadyExistsException", "ImageTagAlreadyExistsException",
    "ImageDigestDoesNotMatchException", "InvalidParameterException", "LayersNotFoundException",
    "ReferencedImagesNotFoundException", "LimitExceededException", "ValidationException",
}
RETRY_SECONDS = 15

BIND, PORT, REGISTRY_URL, CA_FILE, MOTO_URL, STATE_DIR = sys.argv[1:7]
REGISTRY_AUTH = "Basic " + base64.b64encode(b"AWS:123456789012-auth-token").decode()
# the registry is in the stack's own namespace: never through a proxy from the environment (http.client reads none);
# its certificate is verified with the stack's CA
REGISTRY_TLS = ssl.create_default_context(cafile=CA_FILE)
USER_AGENT = "ecr-stack-listener"
ACCOUNT = "123456789012"
# moto on loopback: never through a proxy from the environment
MOTO = urllib.request.build_opener(urllib.request.ProxyHandler({}))
EVENTS = os.path.join(STATE_DIR, "registry-events.log")
# ECR's registry host forms: standard, FIPS, dual-stack; commercial, China and European Sovereign Cloud domains
ECR_HOST = re.compile(r"^\d{12}\.dkr(?:\.ecr|\.ecr-fips|-ecr)\.([a-z0-9-]+)\."
                      r"(?:amazonaws\.com|amazonaws\.com\.cn|amazonaws\.eu|on\.aws)$")

_clients = {}
_clients_lock = threading.Lock()
# one boto3 session for every client: it loads ECR's service model once (about 0.1 s), where a session of each
# client's own loaded it again for the first push after each reset (a reset makes a new admin key, so new clients)
_session = boto3.session.Session()


def log(message):
    print(message, flush=True)


def credentials():
    path = os.path.join(STATE_DIR, "admin.credentials")
    try:
        with open(path, encoding="utf-8") as f:
            key, secret = f.read().split()[:2]
            return key, secret
    except (FileNotFoundError, ValueError):  # absent, or (never with an atomic writer) incomplete
        return "testing", "testing"  # what moto accepts while IAM enforcement is off


_events_lock = threading.Lock()


def region_of(host):
    """The region an ECR registry host names (the port, if any, dropped); None for any other name."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    match = ECR_HOST.match(name.lower())
    return match.group(1) if match else None


class NotRecorded(Exception):
    """A push that belongs to no region, or to several: the message says which and why."""


def holds(region, repository):
    """Whether moto's ECR in the region has the repository; a failure to tell is raised, not read as absent."""
    try:
        ecr_client(region).describe_repositories(repositoryNames=[repository])
        return True
    except botocore.exceptions.ClientError as e:
        if e.response.get("Error", {}).get("Code") == "RepositoryNotFoundException":
            return False
        raise


def region_for(host, repository):
    """The region a push of the repository to the host belongs to (see the module's doc), or NotRecorded. A host
    that names a region is taken at its word without a call: PutImage into a repository that region's ECR lacks
    fails with RepositoryNotFoundException (see not_in_named_region)."""
    named = region_of(host)
    if named is not None:
        return named
    found = holders(repository)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotRecorded(f"no region of moto holds a repository {repository} (pushed to {host}; create it first)")
    raise NotRecorded(f"repository {repository} exists in several regions ({', '.join(found)}) and {host} names "
                      f"none: push to the region's own host (ACCOUNT.dkr.ecr.REGION.amazonaws.com), or keep one")


def not_in_named_region(host, repository):
    """As ECR would refuse the push: the repository is not in the region the host names."""
    others = holders(repository)
    return NotRecorded(f"{host} names region {region_of(host)}, whose ECR has no repository {repository}"
                       + (f" (it is in {', '.join(others)})" if others else ""))


def holders(repository):
    """The regions whose ECR (in moto) holds the repository, of any region."""
    query = urllib.parse.urlencode({"account": ACCOUNT, "name": repository})
    with MOTO.open(f"{MOTO_URL}/moto-api/ecr-stack/repository-regions?{query}", timeout=10) as response:
        return json.loads(response.read())


def record_event(action, host, repository, reference, digest):
    with _events_lock, open(EVENTS, "a", encoding="utf-8") as f:
        f.write(f"{action} {host} {repository} {reference} {digest}\n")


def ecr_client(region):
    """One client per credentials pair and region (boto3 clients are thread-safe; creating them, and the session
    they share, is not: under the lock)."""
    pair = credentials()
    with _clients_lock:
        client = _clients.get((pair, region))
        if client is None:
            # USER_AGENT: stack/moto-server.py puts no PutImage of this listener's into the registry (it came from there)
            client = _session.client(
                "ecr", endpoint_url=MOTO_URL, region_name=region,
                aws_access_key_id=pair[0], aws_secret_access_key=pair[1],
                config=botocore.config.Config(user_agent_extra=USER_AGENT))
            # the stack's admin key changes at each reset: the clients of an older key are never asked again (each
            # holds a botocore session of some MB), so they go
            for stale in [k for k in _clients if k[0] != pair]:
                del _clients[stale]
            _clients[(pair, region)] = client
        return client


class Registry:
    """One HTTPS connection to the registry, kept alive between events and used under a lock (the registry sends one
    event at a time): a new TLS connection for each manifest read cost tens of ms of every push's recording."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self._host, self._port = parts.hostname, parts.port or 443
        self._lock = threading.Lock()
        self._connection = None

    def get(self, path, headers):
        """(body, content type) of a GET answered 200; an OSError for any other answer or a failed connection."""
        with self._lock:
            for attempt in (1, 2):  # once more on a new connection when the kept one was closed meanwhile
                if self._connection is None:
                    self._connection = http.client.HTTPSConnection(self._host, self._port, context=REGISTRY_TLS,
                                                                   timeout=10)
                try:
                    self._connection.request("GET", path, headers=headers)
                    response = self._connection.getresponse()
                    body = response.read()
                except (OSError, http.client.HTTPException) as e:
                    self._connection.close()
                    self._connection = None
                    if attempt == 2:
                        raise OSError(f"GET {path} from the registry failed: {e}") from e
                    continue
                if response.status != 200:
                    raise OSError(f"GET {path} from the registry: HTTP {response.status} "
                                  f"{body.decode('utf-8', 'replace').strip()}")
                return body, response.getheader("Content-Type")


REGISTRY = Registry(REGISTRY_URL)


def read_manifest(repository, digest):
    body, media_type = REGISTRY.get(f"/v2/{repository}/manifests/{digest}", {
        "Accept": ", ".join(MANIFEST_TYPES), "Authorization": REGISTRY_AUTH, "User-Agent": USER_AGENT})
    return body.decode("utf-8"), media_type


def repository_missing(region, repository):
    """Whether ECR has no such repository (moto answers PutImage into a missing repository with a bare 500)."""
    try:
        return not holds(region, repository)
    except Exception:
        return False


def record_push(host, repository, tag, digest):
    image = f"{repository}:{tag or '-'} {digest}"
    what = image
    deadline = time.monotonic() + RETRY_SECONDS
    attempt = 0
    region = None
    while True:
        attempt += 1
        try:
            if region is None:
                region = region_for(host, repository)
                what = f"{image} in {region}"
            manifest, media_type = read_manifest(repository, digest)
            args = dict(repositoryName=repository, imageManifest=manifest, imageDigest=digest,
                        imageManifestMediaType=media_type)
            if tag:
                args["imageTag"] = tag
            ecr_client(region).put_image(**args)
            log(f"recorded {what}" + (f" (attempt {attempt})" if attempt > 1 else ""))
            return
        except NotRecorded as e:
            log(f"not recorded {what}: {e}")
            return
        except botocore.exceptions.ClientError as e:
            code = e.response.get("Error", {}).get("Code")
            if code == "RepositoryNotFoundException" and region_of(host) is not None:
                try:
                    log(f"not recorded {image}: {not_in_named_region(host, repository)}")
                except Exception as unknown:  # moto could not say where the repository is
                    log(f"not recorded {what}: {e} ({unknown})")
                return
            if code in PERMANENT or (region is not None and repository_missing(region, repository)):
                log(f"not recorded {what}: {e}")
                return
            error = e  # refused keys (IAM enforcement on), a 5xx, an error body the client could not read
        except Exception as e:  # connection errors (to moto or the registry)
            error = e
        if time.monotonic() >= deadline:
            log(f"not recorded {what} after {attempt} attempts in {RETRY_SECONDS} s: {error}")
            return
        log(f"retrying {what} (attempt {attempt}): {error}")
        time.sleep(0.5)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            events = json.loads(body).get("events", [])
        except ValueError:
            events = []
        for event in events:
            target = event.get("target", {})
            request = event.get("request", {})
            action = event.get("action")
            if action not in ("push", "pull") or target.get("mediaType") not in MANIFEST_TYPES:
                continue
            if request.get("useragent") == USER_AGENT:
                continue  # this listener reading a pushed manifest back
            host = request.get("host") or urllib.parse.urlsplit(target.get("url", "")).netloc or "-"
            try:
                record_event(action, host, target["repository"], target.get("tag") or target["digest"],
                             target["digest"])
                if action == "push":
                    record_push(host, target["repository"], target.get("tag"), target["digest"])
            except Exception as e:
                log(f"failed on {action} {target}: {e}")
        self.send_response(200)
        self.end_headers()

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    try:  # ECR's service model loaded and botocore's call path run before the first push, not by it
        ecr_client("us-east-1").describe_registry()
    except Exception as e:
        log(f"warming up the ECR client failed (the first push pays for it): {e}")
    log(f"listening on {BIND}:{PORT}")
    http.server.ThreadingHTTPServer((BIND, int(PORT)), Handler).serve_forever()
