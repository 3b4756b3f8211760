"""A Replicer sync while someone else creates contacts: every contact that was there before is
in the copy, and a sync that could not see them all never calls the copy complete."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from contact_desk.api import ApiKey, make_http_client, open_dialect
from contact_desk.mirror import LocalCopy, full_sync
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import FAST, KEYS
from tests.mirror.helpers import copied, everything


def test_a_replicer_sync_while_contacts_are_created_misses_none_that_were_there(tmp_path: Path) -> None:
    with Sandbox(contacts=5000, seed=21, db=tmp_path / "server") as server:
        server.faults = Faults(latency_ms=10, jitter_ms=80)  # answers come back out of order

        async def main() -> tuple[set[str], set[str], bool, int]:
            async with make_http_client() as http:
                api = open_dialect(http, "replicer", ApiKey(KEYS["replicer"]), server.base_url, policy=FAST)
                before = set(await everything(api))
                stop = asyncio.Event()

                async def create() -> int:  # another office, creating contacts all the while
                    made = 0
                    async with httpx.AsyncClient(base_url=server.base_url, headers={
                            "Authorization": f"Bearer {KEYS['replicer']}"}) as other:
                        while not stop.is_set() and made < 2000:
                            r = await other.post("/v1/contacts", json={"firstName": f"Nuovo{made}"})
                            made += r.status_code == 201
                            await asyncio.sleep(0.02)
                    return made

                creators = [asyncio.ensure_future(create()) for _ in range(6)]
                copy = await LocalCopy.open("acct", "replicer", tmp_path / "copies")
                try:
                    result = await full_sync(api, copy)
                    stop.set()
                    made = sum(await asyncio.gather(*creators))
                    held = {c.id for c in await copied(copy)}
                    complete = (await copy.status()).complete
                    assert complete == result.complete
                finally:
                    await copy.close()
                return before, held, result.complete, made

        before, held, complete, made = asyncio.run(main())
    assert made > 10, made  # contacts really were created during the sync
    assert before - held == set()  # none that existed before is missing
    assert complete
