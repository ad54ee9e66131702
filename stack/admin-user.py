#!/usr/bin/env python3
"""The stack's own IAM identity: a real moto IAM user allowed everything and with one access key.

Its one inline policy, AdministratorAccess, is AWS's managed policy of that name (Allow * on *): moto does not load
AWS's managed policies unless told to, and an inline policy leaves ListPolicies as the tests expect it.

Its key is what the stack exports as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (stack.env) and what the registry
listener signs PutImage with, so that both keep working while moto enforces IAM (an IT switching enforcement on):
moto's dummy keys are refused then. The key pair is kept in STATE_DIR/admin.credentials ("ACCESS_KEY SECRET_KEY" on
one line, mode 0600, replaced atomically); it is never printed nor passed on a command line.

Usage: admin-user.py MOTO_URL STATE_DIR
Keeps the stored key when moto still knows it for the user; otherwise (a fresh moto, a reset) makes the user
afresh (deleting what is left of it) with a new key. Prints one line saying which.
"""
import os
import sys
import tempfile

import boto3
import botocore.exceptions

USER = "ecr-stack-admin"
POLICY = "AdministratorAccess"
DOCUMENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'

MOTO_URL, STATE_DIR = sys.argv[1:3]
PATH = os.path.join(STATE_DIR, "admin.credentials")


def stored():
    try:
        with open(PATH, encoding="utf-8") as f:
            key, secret = f.read().split()[:2]
            return key, secret
    except (FileNotFoundError, ValueError):
        return None


def iam(pair):
    # with IAM enforcement off (a fresh moto) any key is accepted; with it on, only the stored key works
    key, secret = pair or ("testing", "testing")
    return boto3.session.Session().client("iam", endpoint_url=MOTO_URL, region_name="us-east-1",
                                          aws_access_key_id=key, aws_secret_access_key=secret)


def known(client, pair):
    """Whether moto holds the stored key as one of the user's (with its AdministratorAccess policy)."""
    if pair is None:
        return False
    try:
        keys = client.list_access_keys(UserName=USER)["AccessKeyMetadata"]
        policies = client.list_user_policies(UserName=USER)["PolicyNames"]
    except client.exceptions.NoSuchEntityException:
        return False
    return any(k["AccessKeyId"] == pair[0] for k in keys) and POLICY in policies


def remove(client):
    try:
        for k in client.list_access_keys(UserName=USER)["AccessKeyMetadata"]:
            client.delete_access_key(UserName=USER, AccessKeyId=k["AccessKeyId"])
        for name in client.list_user_policies(UserName=USER)["PolicyNames"]:
            client.delete_user_policy(UserName=USER, PolicyName=name)
        client.delete_user(UserName=USER)
    except client.exceptions.NoSuchEntityException:
        pass


def write(key, secret):
    fd, temp = tempfile.mkstemp(prefix=".admin.credentials.", dir=STATE_DIR)  # mode 0600
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"{key} {secret}\n")
    os.replace(temp, PATH)


def main():
    pair = stored()
    client = iam(pair)
    try:
        if known(client, pair):
            print(f"IAM user {USER} (AdministratorAccess): kept its access key")
            return 0
        client = iam(None)
        remove(client)
        client.create_user(UserName=USER)
        client.put_user_policy(UserName=USER, PolicyName=POLICY, PolicyDocument=DOCUMENT)
        key = client.create_access_key(UserName=USER)["AccessKey"]
    except botocore.exceptions.ClientError as e:
        code = e.response.get("Error", {}).get("Code", "")
        print(f"cannot make the stack's IAM user {USER} in moto at {MOTO_URL}: {code or e}"
              + (" (moto enforces IAM and does not know the stored key: switch enforcement off with"
                 f" curl -X POST -H 'Content-Type: text/plain' --data-binary inf {MOTO_URL}/moto-api/reset-auth,"
                 " or stack/ecr-stack reset)" if code in ("InvalidClientTokenId", "AccessDenied") else ""),
              file=sys.stderr)
        return 1
    write(key["AccessKeyId"], key["SecretAccessKey"])
    print(f"IAM user {USER} (AdministratorAccess): made with a new access key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
