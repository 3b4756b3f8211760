"""``contact-desk-sandbox``: run the sandbox in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from contact_desk.sandbox.demo_data import DEMO_KEYS, demo_tenants
from contact_desk.sandbox.faults import Faults
from contact_desk.sandbox.server import DEFAULT_CONTACTS, Sandbox


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="contact-desk-sandbox",
                                description="A local HTTP server speaking the SmartCQ and Replicer dialects.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (0 picks a free one; default 8765)")
    p.add_argument("--contacts", type=int, default=DEFAULT_CONTACTS,
                   help=f"contacts in each dialect's demo tenant (default {DEFAULT_CONTACTS})")
    p.add_argument("--seed", type=int, default=1, help="seed of the generated demo data (default 1)")
    p.add_argument("--db", type=Path, help="folder for the database; reused when size and seed match")
    g = p.add_argument_group("fault injection (off by default)")
    g.add_argument("--latency-ms", type=int, default=0, help="delay added to every API request")
    g.add_argument("--rate-429", type=_fraction, default=0.0, help="fraction answered 429 with Retry-After")
    g.add_argument("--rate-503", type=_fraction, default=0.0, help="fraction answered 503")
    g.add_argument("--malformed", type=_fraction, default=0.0, help="fraction answered with broken JSON")
    g.add_argument("--drop", type=_fraction, default=0.0, help="fraction whose connection is cut mid-answer")
    g.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds on 429/503 (default 1)")
    g.add_argument("--replicer-patch-status", type=int, choices=(405, 501),
                   help="answer Replicer PATCH with this status, like a server without editing")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        faults = Faults(latency_ms=args.latency_ms, drop=args.drop, rate_429=args.rate_429,
                        rate_503=args.rate_503, malformed=args.malformed, retry_after=args.retry_after,
                        replicer_patch_status=args.replicer_patch_status)
    except ValueError as exc:
        print(f"contact-desk-sandbox: {exc}", file=sys.stderr)
        return 2
    sandbox = Sandbox(contacts=args.contacts, seed=args.seed, db=args.db, host=args.host,
                      port=args.port, faults=faults)
    try:
        sandbox.start()
    except OSError as exc:
        print(f"contact-desk-sandbox: cannot listen on {args.host}:{args.port}: {exc.strerror}",
              file=sys.stderr)
        return 1
    print(f"Contact Desk sandbox at {sandbox.base_url}  (built in {sandbox.build_seconds:.1f} s)")
    print(f"  SmartCQ:  {sandbox.base_url}/api/v1/contacts")
    print(f"  Replicer: {sandbox.base_url}/v1/contacts")
    tenants = {t.id: t for t in demo_tenants(args.contacts, args.seed)}
    print("Demo keys:")
    for key in DEMO_KEYS:
        print(f"  {key.key:<24} {key.purpose} ({tenants[key.tenant_id].contacts} contacts)")
    sys.stdout.flush()
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
