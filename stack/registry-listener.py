#!/usr/bin/env python3
"""Keeps moto's ECR view in step with what docker pushes to the local registry.

The Docker Distribution registry POSTs an event envelope for every manifest
push to this listener. For each one we read the manifest back from the
registry and record it in moto with ECR PutImage (tag, manifest, media type
and digest), so that DescribeImages/BatchGetImage answer exactly what the
registry holds.

Usage: registry-listener.py PORT REGISTRY_URL MOTO_URL STATE_DIR
Credentials for PutImage are read per request from STATE_DIR/listener.credentials
("ACCESS_KEY SECRET_KEY" on one line) when present (needed once moto's IAM
enforcement is switched on), else the dummy keys moto accepts with auth off.
"""
import base64
import http.server
import json
import os
import sys
import urllib.request

import boto3

MANIFEST_TYPES = (
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
)

PORT, REGISTRY_URL, MOTO_URL, STATE_DIR = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
REGISTRY_AUTH = "Basic " + base64.b64encode(b"AWS:123456789012-auth-token").decode()


def log(message):
    print(message, flush=True)


def ecr_client():
    key, secret = "testing", "testing"
    path = os.path.join(STATE_DIR, "listener.credentials")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            key, secret = f.read().split()[:2]
    return boto3.client("ecr", endpoint_url=MOTO_URL, region_name="us-east-1",
                        aws_access_key_id=key, aws_secret_access_key=secret)


def record_push(repository, tag, digest):
    request = urllib.request.Request(
        f"{REGISTRY_URL}/v2/{repository}/manifests/{digest}",
        headers={"Accept": ", ".join(MANIFEST_TYPES), "Authorization": REGISTRY_AUTH})
    with urllib.request.urlopen(request, timeout=10) as response:
        manifest = response.read().decode("utf-8")
        media_type = response.headers.get("Content-Type")
    args = dict(repositoryName=repository, imageManifest=manifest, imageDigest=digest,
                imageManifestMediaType=media_type)
    if tag:
        args["imageTag"] = tag
    try:
        ecr_client().put_image(**args)
        log(f"recorded {repository}:{tag or '-'} {digest}")
    except Exception as e:  # already recorded under that tag, repository missing, ...
        log(f"not recorded {repository}:{tag or '-'} {digest}: {e}")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            events = json.loads(body).get("events", [])
        except ValueError:
            events = []
        for event in events:
            target = event.get("target", {})
            if event.get("action") == "push" and target.get("mediaType") in MANIFEST_TYPES:
                try:
                    record_push(target["repository"], target.get("tag"), target["digest"])
                except Exception as e:
                    log(f"failed on {target}: {e}")
        self.send_response(200)
        self.end_headers()

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    log(f"listening on 127.0.0.1:{PORT}")
    http.server.ThreadingHTTPServer(("127.0.0.1", int(PORT)), Handler).serve_forever()
