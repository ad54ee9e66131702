#!/usr/bin/env python3
"""moto's server (python -m moto.server ARGS), with ECR's registry domain per partition.

moto answers GetAuthorizationToken with proxyEndpoint https://ACCOUNT.dkr.ecr.REGION.amazonaws.com in every
region. ECR's own answer ends in .amazonaws.com.cn in the China regions (cn-north-1, cn-northwest-1) and in
.amazonaws.eu in the European Sovereign Cloud (eusc-*). This wrapper corrects moto's answer at import time (moto's
installed files stay as they are) and then runs moto's own server main with the same arguments.
"""
import sys

import moto.ecr.responses as ecr_responses
from moto.server import main

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

if __name__ == "__main__":
    main(sys.argv[1:])
