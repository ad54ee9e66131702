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
"""
import json
import sys

import moto.ecr.responses as ecr_responses
from moto import settings
from moto.core.authorization import ActionAuthenticatorMixin
from moto.core.exceptions import _RESTError
from moto.iam.responses import IamResponse
from moto.iam.access_control import IAMRequest
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


def get_authorization_token(self):
    result = _moto_get_authorization_token(self)
    domain = registry_domain(self.region)
    if domain:
        for data in result.result["authorizationData"]:
            endpoint = data["proxyEndpoint"]
            if endpoint.endswith(MOTO_DOMAIN):
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

if __name__ == "__main__":
    main(sys.argv[1:])
