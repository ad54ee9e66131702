#!/usr/bin/env python3
"""moto's server (python -m moto.server ARGS), with ECR's registry domain per partition and AWS's unsigned STS calls.

moto answers GetAuthorizationToken with proxyEndpoint https://ACCOUNT.dkr.ecr.REGION.amazonaws.com in every
region. ECR's own answer ends in .amazonaws.com.cn in the China regions (cn-north-1, cn-northwest-1) and in
.amazonaws.eu in the European Sovereign Cloud (eusc-*). This wrapper corrects moto's answer at import time (moto's
installed files stay as they are) and then runs moto's own server main with the same arguments.

With IAM enforcement on (POST /moto-api/reset-auth), moto reads the Authorization header of every request and, when
there is none, fails with HTTP 500 (a KeyError). On AWS, sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML
are unsigned by design (the token or assertion is the credential): this wrapper lets them through unauthenticated,
and refuses every other unsigned request as AWS does, with 403 MissingAuthenticationToken.

moto checks every ECR call, and every IAM call but those naming a role, against the resource "*", so a policy
narrowed to ARNs (as ecr:required-permissions prints them) would be denied everything. This wrapper names the
resource as AWS authorizes it: for ECR the repository of repositoryName (or of a one-element repositoryNames, or
resourceArn) in the request's region and registryId (else the caller's account); for IAM the user of UserName (also
for AttachUserPolicy), the owner of the AccessKeyId of GetAccessKeyLastUsed, the policy of PolicyArn, and for
CreatePolicy the ARN the new policy gets. A call naming several repositories or none stays checked against "*".

For the stack's registry listener, one more moto-api call (unauthenticated, like every /moto-api/ call):
GET /moto-api/ecr-stack/repository-regions?account=ACCOUNT&name=REPOSITORY answers the JSON list of the regions whose
ECR holds that repository in that account, read from moto's own state (no region's backend is created by asking).

A tag added with ECR PutImage is put into the stack's registry at once, so that docker can pull it, as on ECR (see
"PutImage made real" below). PutImage into a repository that does not exist fails with ECR's
RepositoryNotFoundException (moto's own raises a bare Exception: HTTP 500, which clients retry for seconds).

Two more answers made ECR's: GetAuthorizationToken's expiresAt is 12 hours ahead (moto: 2015-01-01), and
BatchGetImage answers each requested imageId with that id (the tag asked for; moto names every image by its last
tag, so asking for tags 1.0 and latest of one image answered "latest" twice), or with a failure naming it.
"""
import base64
import hashlib
import json
import os
import ssl
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import moto.ecr.responses as ecr_responses
from moto import settings
from moto.core.authorization import ActionAuthenticatorMixin
from moto.core.exceptions import ServiceException, _RESTError
from moto.core.responses import ActionResult
from moto.iam.responses import IamResponse
from moto.ecr.exceptions import RepositoryNotFoundException
from moto.ecr.models import ecr_backends
from moto.iam.access_control import IAMRequest
from moto.moto_api._internal import urls as moto_api_urls
from moto.s3.exceptions import S3AccessDeniedError
from moto.server import main
from moto.sts.responses import TokenResponse
from moto.utilities.utils import get_partition

# region prefix -> ECR's registry domain in that partition (everything else: amazonaws.com)
PARTITION_DOMAINS = (("cn-", "amazonaws.com.cn"), ("eusc-", "amazonaws.eu"))
MOTO_DOMAIN = ".amazonaws.com"

_moto_get_authorization_token = ecr_responses.ECRResponse.get_authorization_token


def registry_domain(region):
    for prefix, domain in PARTITION_DOMAINS:
        if region.startswith(prefix):
            return domain
    return None


# "Authorization tokens are valid for 12 hours" (ECR's GetAuthorizationToken); moto says 2015-01-01, long past
TOKEN_SECONDS = 12 * 60 * 60


def get_authorization_token(self):
    result = _moto_get_authorization_token(self)
    domain = registry_domain(self.region)
    for data in result.result["authorizationData"]:
        data["expiresAt"] = time.time() + TOKEN_SECONDS
        endpoint = data["proxyEndpoint"]
        if domain and endpoint.endswith(MOTO_DOMAIN):
            data["proxyEndpoint"] = endpoint[: -len(MOTO_DOMAIN)] + "." + domain
    return result


ecr_responses.ECRResponse.get_authorization_token = get_authorization_token

# the STS actions AWS accepts without a signature
UNSIGNED_STS_ACTIONS = ("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML")

_moto_authenticate_and_authorize_action = ActionAuthenticatorMixin._authenticate_and_authorize_action


class MissingAuthenticationTokenError(_RESTError):
    code = 403

    def __init__(self):
        super().__init__("MissingAuthenticationToken", "Request is missing Authentication Token")


def enforcing():
    return ActionAuthenticatorMixin.request_count >= settings.INITIAL_NO_AUTH_ACTION_COUNT


def unsigned(request):
    # neither an Authorization header nor a presigned query (SigV4's X-Amz-Signature, SigV2's Signature), which moto
    # judges itself
    query = request.querystring or {}
    return "Authorization" not in request.headers and "X-Amz-Signature" not in query and "Signature" not in query


def authenticate_and_authorize_action(self, iam_request_cls, resource="*"):
    if enforcing() and unsigned(self):
        if self.headers.get("X-Amz-Target") in ActionAuthenticatorMixin.PUBLIC_OPERATIONS:
            return
        if isinstance(self, TokenResponse) and self._get_action() in UNSIGNED_STS_ACTIONS:
            return
        if iam_request_cls is IAMRequest:
            raise MissingAuthenticationTokenError()
        # S3, where moto's server also sends every unsigned request whose service it cannot tell (it routes unsigned
        # requests by their signature's scope): AWS answers an anonymous request on a private resource so
        raise S3AccessDeniedError()
    return _moto_authenticate_and_authorize_action(self, iam_request_cls, resource)


ActionAuthenticatorMixin._authenticate_and_authorize_action = authenticate_and_authorize_action


def ecr_resource(self):
    try:
        body = json.loads(self.body or "{}")
    except (TypeError, ValueError):
        return "*"
    if not isinstance(body, dict):
        return "*"
    if isinstance(body.get("resourceArn"), str):
        return body["resourceArn"]
    name = body.get("repositoryName")
    names = body.get("repositoryNames")
    if name is None and isinstance(names, list) and len(names) == 1:
        name = names[0]
    if not isinstance(name, str):
        return "*"
    account = body.get("registryId") or self.current_account
    return f"arn:{get_partition(self.region)}:ecr:{self.region}:{account}:repository/{name}"


ecr_responses.ECRResponse._determine_resource = ecr_resource

_moto_iam_resource = IamResponse._determine_resource


def iam_resource(self):
    resource = _moto_iam_resource(self)
    if resource != "*":
        return resource  # moto's own: a role

    def first(key):
        values = self.data.get(key) or [None]
        return values[0]

    action = self._get_action()
    prefix = f"arn:{self.partition}:iam::{self.current_account}:"
    user = first("UserName")
    if action == "GetAccessKeyLastUsed" and first("AccessKeyId"):
        try:
            user = self.backend.get_access_key_last_used(first("AccessKeyId"))["user_name"]
        except Exception:  # an unknown key: no user to name
            return "*"
    if user:
        try:
            return self.backend.get_user(user).arn
        except Exception:  # not created yet (CreateUser), or absent
            return f"{prefix}user{first('Path') or '/'}{user}"
    if first("PolicyArn"):
        return first("PolicyArn")
    if action == "CreatePolicy" and first("PolicyName"):
        return f"{prefix}policy{first('Path') or '/'}{first('PolicyName')}"
    return "*"


IamResponse._determine_resource = iam_resource


def repository_regions(request, full_url, headers):
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(full_url).query)
    account, name = query.get("account", [""])[0], query.get("name", [""])[0]
    regions = sorted(region for region, backend in list(ecr_backends.get(account, {}).items())
                     if name in backend.repositories)
    return 200, {"Content-Type": "application/json"}, json.dumps(regions)


moto_api_urls.url_paths["{0}/moto-api/ecr-stack/repository-regions$"] = repository_regions


# --- PutImage made real: a tag PutImage adds is in the stack's registry at once, as on ECR ----------------------------
#
# ECR serves docker from the images its API holds: a tag added with PutImage (AWS's "retag an image") can be pulled at
# once. The stack keeps images in a Distribution registry, and its listener records each docker push in moto. So
# after moto's own PutImage succeeds, this wrapper PUTs the same manifest bytes, with their media type, into the
# registry under the tag. No loop and no echo: nothing is PUT when the registry already holds that tag on that digest
# (the listener recording a docker push, or a repeat) or when the call comes from the listener (its user agent); and
# the registry's event for this PUT carries the listener's own user agent, which it skips as its own (it is not a
# docker push: registry-events.log lists only what docker did).
#
# BatchGetImage by digest right after a docker push may come before the listener has recorded that push (the
# registry notifies it asynchronously): when the registry holds a digest moto does not know yet, the answer waits
# (up to RECORD_WAIT_SECONDS) until moto has it, as ECR would answer at once.
#
# The registry's address and CA come from the stack's state dir, as stack/ecr-stack finds it (ECR_STACK_DIR, else
# .stack beside this folder): netns.conf (registry_ip) and tls/ca.crt, read at each call.


STACK_DIR = os.path.abspath(os.environ.get("ECR_STACK_DIR") or os.path.join(os.path.dirname(__file__), "..", ".stack"))
# the registry-listener's user agent: its calls to moto and its reads of the registry; the registry events of this
# wrapper's PUTs carry it too, so the listener neither logs nor records them again
LISTENER_AGENT = "ecr-stack-listener"
REGISTRY_AUTH = "Basic " + base64.b64encode(b"AWS:123456789012-auth-token").decode()
MANIFEST_TYPES = (
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
)
RECORD_WAIT_SECONDS = 15
# notified by every PutImage moto accepts (the listener's too): BatchGetImage waiting for a pushed image looks again
# at once instead of on a fixed beat, so that the wait is the listener's own latency, as close to AWS's none as it can be
_image_put = threading.Condition()
_puts = [0]  # PutImage calls accepted so far (under _image_put)


class LayersNotFoundException(ServiceException):
    code = "LayersNotFoundException"


class ReferencedImagesNotFoundException(ServiceException):
    code = "ReferencedImagesNotFoundException"


def log(message):
    print(f"moto-server: {message}", file=sys.stderr, flush=True)


def registry_url():
    values = {}
    with open(os.path.join(STACK_DIR, "netns.conf"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            values[key] = value
    return f"https://{values['registry_ip']}"


def registry(method, path, body=None, headers=None):
    """(status, headers, body) of a request to the stack's registry (TLS verified with the stack's CA, no proxy)."""
    context = ssl.create_default_context(cafile=os.path.join(STACK_DIR, "tls", "ca.crt"))
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=context))
    request = urllib.request.Request(registry_url() + path, data=body, method=method, headers={
        "Authorization": REGISTRY_AUTH, "User-Agent": LISTENER_AGENT, **(headers or {})})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def registry_digest(repository, reference):
    """The digest the registry holds under repository:reference (a tag or a digest), or None."""
    status, headers, _ = registry("HEAD", f"/v2/{repository}/manifests/{reference}",
                                  headers={"Accept": ", ".join(MANIFEST_TYPES)})
    return headers.get("Docker-Content-Digest") if status == 200 else None


def from_listener(response):
    return LISTENER_AGENT in (response.headers.get("User-Agent") or "")


def put_into_registry(repository, tag, manifest, media_type):
    body = manifest.encode("utf-8")
    digest = "sha256:" + hashlib.sha256(body).hexdigest()
    if registry_digest(repository, tag) == digest:
        return
    if not media_type:
        media_type = json.loads(manifest).get("mediaType") or MANIFEST_TYPES[0]
    status, _, answer = registry("PUT", f"/v2/{repository}/manifests/{tag}", body, {"Content-Type": media_type})
    if status in (200, 201):
        log(f"put {repository}:{tag} {digest} into the registry")
        return
    text = answer.decode("utf-8", "replace")
    log(f"the registry refused {repository}:{tag} {digest}: HTTP {status} {text}")
    if "BLOB_UNKNOWN" in text:
        raise LayersNotFoundException(f"The registry does not hold the layers of {digest} in repository "
                                      f"{repository}: {text.strip()}")
    if "MANIFEST_UNKNOWN" in text:
        raise ReferencedImagesNotFoundException(f"The registry does not hold an image {digest} refers to in "
                                                f"repository {repository}: {text.strip()}")
    raise RuntimeError(f"the stack's registry refused {repository}:{tag}: HTTP {status} {text}")


_moto_put_image = ecr_responses.ECRResponse.put_image


def put_image(self):
    repository = self._get_param("repositoryName")
    if repository not in self.ecr_backend.repositories:  # moto raises a bare Exception (HTTP 500); ECR answers this
        raise RepositoryNotFoundException(repository, self._get_param("registryId") or self.current_account)
    result = _moto_put_image(self)  # refused (IMMUTABLE, already there): moto raises, the registry stays as it is
    with _image_put:
        _puts[0] += 1
        _image_put.notify_all()
    tag = self._get_param("imageTag")
    if tag and not from_listener(self):
        put_into_registry(self._get_param("repositoryName"), tag, self._get_param("imageManifest"),
                          self._get_param("imageManifestMediaType"))
    return result


def requested_images(self):
    """ECR's BatchGetImage answer: for each requested imageId, the image it names, with the imageId as asked (the
    requested tag, not the image's last one as moto says), or a failure naming it (moto: imageTag "null" for a
    digest; for an id with neither, MissingDigestAndTag as in BatchDeleteImage); an id giving both a digest and a tag
    names the image only when both match (moto: either)."""
    repository = self._get_param("repositoryName")
    registry_id = self._get_param("registryId") or self.current_account
    backend = self.ecr_backend
    if repository not in backend.repositories:
        raise RepositoryNotFoundException(repository, registry_id)
    if not self._get_param("imageIds"):
        return backend.batch_get_image(repository, registry_id, [])  # moto's own refusal of a missing imageIds
    images, failures = [], []
    for wanted in self._get_param("imageIds"):
        digest, tag = wanted.get("imageDigest"), wanted.get("imageTag")
        if digest is None and tag is None:
            failures.append({"imageId": wanted, "failureCode": "MissingDigestAndTag",
                             "failureReason": "Invalid request parameters: both tag and digest cannot be null"})
            continue
        image = next((i for i in backend.repositories[repository].images
                      if (digest is None or i.get_image_digest() == digest)
                      and (tag is None or tag in i.image_tags)), None)
        if image is None:
            failures.append({"imageId": wanted, "failureCode": "ImageNotFound",
                             "failureReason": "Requested image not found"})
            continue
        image_id = {"imageDigest": image.get_image_digest()}
        if tag is not None:
            image_id["imageTag"] = tag
        images.append({"registryId": image.registry_id, "repositoryName": repository, "imageId": image_id,
                       "imageManifest": image.image_manifest,
                       "imageManifestMediaType": image.image_manifest_media_type})
    return ActionResult({"images": images, "failures": failures})


def batch_get_image(self):
    deadline = time.monotonic() + RECORD_WAIT_SECONDS
    repository = self._get_param("repositoryName")
    # an image asked by digest alone may be on its way from the listener; one asked with a tag too is not waited for
    wanted = [i["imageDigest"] for i in self._get_param("imageIds") or []
              if i.get("imageDigest") and not i.get("imageTag")]
    while True:
        with _image_put:
            seen = _puts[0]  # counted before looking: a PutImage after the look ends the wait below at once
        result = requested_images(self)
        have = {image["imageId"]["imageDigest"] for image in result.result["images"]}
        missing = [d for d in wanted if d not in have]
        if not missing or from_listener(self) or time.monotonic() >= deadline:
            return result
        try:
            if not any(registry_digest(repository, d) == d for d in missing):
                return result
        except OSError as e:
            log(f"could not ask the registry for {repository}@{missing}: {e}")
            return result
        with _image_put:
            _image_put.wait_for(lambda: _puts[0] != seen, timeout=0.2)


ecr_responses.ECRResponse.put_image = put_image
ecr_responses.ECRResponse.batch_get_image = batch_get_image

if __name__ == "__main__":
    main(sys.argv[1:])
