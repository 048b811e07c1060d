"""Mints HS256 tokens for the benchmark's users (the server runs with the same secret)."""
import base64
import hashlib
import hmac
import json
import sys
import time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret: str, role: str, sub: str | None) -> str:
    now = int(time.time())
    claims = {"role": role, "iat": now, "exp": now + 86400}
    if sub:
        claims["sub"] = sub
    unsigned = b64(b'{"alg":"HS256","typ":"JWT"}') + "." + b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), unsigned.encode(), hashlib.sha256).digest()
    return unsigned + "." + b64(signature)


if __name__ == "__main__":
    # tokens.py SECRET USERS -> a Lua table of user tokens, then service and ingest tokens
    secret, users = sys.argv[1], int(sys.argv[2])
    print("users = {")
    for i in range(users):
        print(f'  {{"user-{i}", "{token(secret, "authenticated", f"user-{i}")}"}},')
    print("}")
    print(f'service = "{token(secret, "service_role", None)}"')
    print(f'ingest = "{token(secret, "ingest", "bench-gateway")}"')
