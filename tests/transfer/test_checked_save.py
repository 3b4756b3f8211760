"""The save check over real HTTP, both dialects: a colleague (a second client of the sandbox)
changes the same contact at each moment (before the read, between the read and the write, after
the save and before its Undo), and nothing either of them did may vanish unseen."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact_desk.api import Dialect
from contact_desk.api.models import Contact
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.bulk import BulkEdit, BulkResult, Changed, undo
from contact_desk.transfer.checked_save import checked_update, merge, values_of
from tests.api.helpers import run_with

FIELDS = {"smartcq": ("firstName", "lastName", "stage"), "replicer": ("firstName", "lastName", "city")}
VALUES = {"firstName": ("Anna", "Bruno", "Carla"), "lastName": ("Rossi", "Bianchi", "Verdi"),
          "stage": ("lead", "prospect", "customer"), "city": ("Milano", "Torino", "Bari")}


class Meddled:
    """The dialect, with a colleague's change slipped in just before its next write."""

    def __init__(self, real: Dialect, colleague: Callable[[], Awaitable[Any]]) -> None:
        self.real, self.colleague, self.schema = real, colleague, real.schema

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    async def update(self, contact_id: str, changes: dict[str, Any]) -> Contact:
        await self.colleague()
        return await self.real.update(contact_id, changes)


async def fresh(api: Dialect, values: dict[str, Any]) -> Contact:
    """A new contact with ``values`` (those its create cannot take are set by an edit after it)."""
    email = f"team.{uuid.uuid4().hex[:10]}@example.org"
    creatable = {f.name for f in api.schema.creatable}
    made = await api.create({"email": email, **{k: v for k, v in values.items() if k in creatable}})
    rest = {k: v for k, v in values.items() if k not in creatable}
    return await api.update(made.id, rest) if rest else made


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_a_field_moved_between_the_read_and_the_write_is_said(dialect: str, sandbox: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        c = await fresh(api, {"firstName": "Anna", "lastName": "Rossi"})
        names = FIELDS[dialect]
        base = values_of(api.schema, c, names)

        async def at_the_worst_moment() -> None:
            await api.update(c.id, {"firstName": "Bruno"})  # the colleague, between our GET and PATCH

        meddled: Any = Meddled(api, at_the_worst_moment)
        _decided, saved = await checked_update(meddled, c.id, base, {"lastName": "Verdi"})
        assert saved is not None and saved.sent == {"lastName": "Verdi"}
        assert saved.moved == {"firstName": "Bruno"}  # said: no client can close that window
        now = await api.get(c.id)
        assert (now.first_name, now.last_name) == ("Bruno", "Verdi")  # both kept

    run_with(sandbox, dialect, go)


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
def test_change_contacts_decides_on_the_servers_values_and_undo_restores_the_value_just_before(
        dialect: str, sandbox: Sandbox) -> None:
    """Defects 3 and 4: the table's stale values decided "already had these values" and were
    what Undo put back."""
    field, attr = ("stage", "stage") if dialect == "smartcq" else ("city", "city")
    target, theirs, first = VALUES[field][2], VALUES[field][1], VALUES[field][0]

    async def go(api: Dialect) -> None:
        stale = [await fresh(api, {"firstName": "Team", field: v}) for v in (target, first)]
        await api.update(stale[0].id, {field: theirs})  # moved away from the target meanwhile
        await api.update(stale[1].id, {field: theirs})  # changed meanwhile: "before" is theirs now
        result = await BulkEdit(api, stale, {field: target}).run()
        assert sorted(c.contact_id for c in result.changed) == sorted(c.id for c in stale)
        assert result.already == []  # the table said "already", the server did not
        assert all(c.before == {field: theirs} for c in result.changed)
        back = await undo(api, result)
        assert sorted(back.restored) == sorted(c.id for c in stale)
        for c in stale:
            assert getattr(await api.get(c.id), attr) == theirs  # the value just before the run

    run_with(sandbox, dialect, go)


changes = st.fixed_dictionaries({}, optional={n: st.sampled_from(v) for n, v in VALUES.items()})


@pytest.mark.parametrize("dialect", ["smartcq", "replicer"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=changes, mine=changes, theirs=changes, later=changes, keep_mine=st.booleans())
def test_no_change_by_either_is_lost_unseen_in_any_interleaving(
        dialect: str, sandbox: Sandbox, start: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any],
        later: dict[str, Any], keep_mine: bool) -> None:
    """The user edits from what they saw; the colleague changed some fields before the save; the
    user resolves any clash (keep mine or take theirs) and saves; the colleague changes more; the
    user undoes. At each step every field ends as someone chose, or was shown to the user."""
    names = FIELDS[dialect]
    pick = {n: v for n, v in start.items() if n in names}
    mine = {n: v for n, v in mine.items() if n in names}
    theirs = {n: v for n, v in theirs.items() if n in names}
    later = {n: v for n, v in later.items() if n in names}

    async def go(api: Dialect) -> None:
        schema, user = api.schema, dict(mine)
        c = await fresh(api, {"firstName": "Start", **pick})
        base = values_of(schema, c, names)
        if theirs:
            await api.update(c.id, theirs)
        after_theirs = values_of(schema, await api.get(c.id), names)
        decided, saved = await checked_update(api, c.id, base, user)
        both = {n for n in user if user[n] != base[n] and after_theirs[n] not in (base[n], user[n])}
        assert {k.name for k in decided.clashes} == both  # every clash shown, none invented
        assert set(decided.theirs) == {n for n in names if n not in user or user[n] == base[n]
                                       if after_theirs[n] != base[n]}  # theirs: kept and said
        if saved is None:  # the user chooses per field, then saves again (the form's way)
            assert values_of(schema, await api.get(c.id), names) == after_theirs  # nothing sent
            base = dict(base)
            wanted = dict(user)
            for k in decided.clashes:
                base[k.name] = k.theirs
                if not keep_mine:
                    wanted.pop(k.name)
            decided, saved = await checked_update(api, c.id, base, wanted)
            assert saved is not None
            user = wanted
        expected = {n: (user[n] if n in user and user[n] != base[n] else after_theirs[n]) for n in names}
        assert values_of(schema, saved.contact, names) == expected
        if later:
            await api.update(c.id, later)
        before_undo = values_of(schema, await api.get(c.id), names)
        done = BulkResult(changed=[Changed(c.id, saved.before, values_of(schema, saved.contact, saved.sent))]
                          ) if saved.sent else BulkResult()
        back = await undo(api, done)
        final = values_of(schema, await api.get(c.id), names)
        left = set(back.left.get(c.id, []))
        for n in names:
            if n in saved.sent and before_undo[n] == expected[n]:
                assert final[n] == saved.before[n]  # the user's change, undone
            elif n in saved.sent and before_undo[n] != saved.before[n]:
                assert final[n] == before_undo[n] and n in left  # the colleague's later change: left, named
            else:
                assert final[n] == before_undo[n]  # never touched by the Undo

    run_with(sandbox, dialect, go)


def test_merge_keeps_tags_from_both_sides_and_never_clashes_on_them(sandbox: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        schema = api.schema
        fake = schema.field("tags")
        assert fake.name == "tags"
        decided = merge(schema, {"tags": ["a", "b"]}, {"tags": ["a", "b", "mine"]}, {"tags": ["b", "theirs"]})
        assert decided.send == {"tags": ["b", "theirs", "mine"]} and not decided.clashes
        removed = merge(schema, {"tags": ["a", "b"]}, {"tags": ["b"]}, {"tags": ["a", "b", "c"]})
        assert removed.send == {"tags": ["b", "c"]}

    run_with(sandbox, "smartcq", go)
