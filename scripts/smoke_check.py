"""Wait for a running bibqual site and check the demo content through REST.

Usage: python scripts/smoke_check.py SITE_URL [--timeout SECONDS]
Exits non-zero with a message when the site does not answer in time or the
demo content is missing. Uses only the standard library.
"""

import argparse
import base64
import json
import sys
import time
import urllib.error
import urllib.request


def get(url, auth=("admin", "admin")):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def wait(site, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return get(site)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(2)
    sys.exit(f"{site} did not answer within {timeout} s")


def count(site, portal_type):
    data = get(f"{site}/@search?portal_type={portal_type}&b_size=1")
    return data["items_total"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()
    wait(args.site, args.timeout)
    expected = {
        "Library": 1,
        "YearPlan": 2,
        "SmartProject": 12,
        "AssuranceProject": 4,
        "Evidence": 9,
    }
    problems = []
    for portal_type, minimum in expected.items():
        found = count(args.site, portal_type)
        print(f"{portal_type}: {found}")
        if found < minimum:
            problems.append(f"{portal_type}: {found} < {minimum}")
    if problems:
        sys.exit("Demo content missing: " + "; ".join(problems))
    print("Demo content present.")


if __name__ == "__main__":
    main()
