"""Writes N request logs as CSV for COPY: 1,000 users over 2025, three models, exact costs."""
import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

MODELS = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"]
START = datetime(2025, 1, 1, tzinfo=timezone.utc)


def main(rows: int) -> None:
    rng = random.Random(7)
    out = sys.stdout
    for i in range(rows):
        created = START + timedelta(seconds=rng.randrange(365 * 24 * 3600),
                                    microseconds=rng.randrange(1_000_000))
        inp, outp = rng.randrange(20, 8000), rng.randrange(0, 1500)
        details = json.dumps({"input_tokens": inp, "output_tokens": outp,
                              "total_tokens": inp + outp, "session_id": f"s-{i % 50000}",
                              "auth_method": "jwt"}, separators=(",", ":"))
        cost = f"{rng.randrange(0, 50000) / 1_000_000:.6f}"
        out.write(f'{uuid.UUID(int=rng.getrandbits(128), version=4)},{created.isoformat()},'
                  f'user-{i % 1000},{MODELS[i % 3]},{cost},success,"'
                  + details.replace('"', '""') + '"\n')


if __name__ == "__main__":
    main(int(sys.argv[1]))
