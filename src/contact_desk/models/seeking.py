"""Finding one contact in the table's list when it is not on a loaded page (a contact chosen in
Search every account, a duplicate, a contact just created): the page that holds it is loaded, so
the view can select it and scroll to it.

* From the offline copy: the copy says the contact's row in the list's own filters and order
  (``LocalCopy.position``), and that one page is loaded; or that the list does not hold it.
* From a server listing: the pages are walked in order, as the user would scroll, at most
  ``SEEK_ROWS`` rows (APIs meter requests); not found within them is said as such.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from contact_desk.models.contact_table import ContactTableModel
from contact_desk.models.row_sources import CursorSource, LocalSource, RowSource

SEEK_ROWS = 2_000  # a server's list is walked this far at most (20 pages of 100)
PAGE_WAIT_S = 30.0  # one page that takes longer than this stops the walk


@dataclass(frozen=True)
class Sought:
    row: int | None  # the contact's row, now loaded; None: not found
    listed: bool | None  # False: the list does not hold it; None: not known (the walk stopped first)
    looked: int = 0  # rows of a server's list looked through


RELOADS = 3  # the same list loaded again meanwhile (a sync's end, F5): the seek starts over this often


async def seek(model: ContactTableModel, contact_id: str, max_rows: int = SEEK_ROWS) -> Sought:
    """The contact's row once its page is loaded. The same list loaded again meanwhile (a reload
    in place) is sought again; another account, query or sort: not found, nothing more asked."""
    source = model.source
    wanted = (source.query, getattr(source, "sort", None), model.dialect) if source is not None else None
    found = Sought(None, None)
    for _attempt in range(RELOADS):
        generation = model.generation
        found = await _seek(model, contact_id, max_rows)
        now = model.source
        same = now is not None and (now.query, getattr(now, "sort", None), model.dialect) == wanted
        if found.row is not None or model.generation == generation or not same:
            return found
    return found


async def _seek(model: ContactTableModel, contact_id: str, max_rows: int) -> Sought:
    generation = model.generation
    row = model.row_of(contact_id)
    if row is not None:
        return Sought(row, True)
    source = model.source
    if source is None:
        return Sought(None, None)
    if isinstance(source, LocalSource):
        field, descending = source.sort or (None, False)
        position = await source.copy.position(source.query, contact_id, sort=field, descending=descending)
        if position is None or model.generation != generation:
            return Sought(None, False if position is None else None)
        await _loaded(model, source, position // model.page_size, generation)
        row = model.row_of(contact_id)
        return Sought(row, True if row is not None else None)
    size, page = model.page_size, 0
    while page * size < max_rows and await _loaded(model, source, page, generation):
        row = model.row_of(contact_id)
        if row is not None:
            return Sought(row, True, page * size)
        page += 1
        if source.at_end and page * size >= source.row_count():
            return Sought(None, False, source.row_count())  # the whole list looked through
    return Sought(None, None, page * size)


async def _loaded(model: ContactTableModel, source: RowSource, page: int, generation: int) -> bool:
    """Page ``page`` in memory (asked for if it is not); False when it cannot be: the list ends
    before it, it failed, it took too long or another list is shown now."""
    for _attempt in range(3):  # a page evicted again while waiting is asked once more
        if model.generation != generation or model.source is not source:
            return False
        if source.has_page(page):
            return True
        if model.failed(page):
            return False
        if isinstance(source, CursorSource):
            if page > len(source.pages) or (page == len(source.pages) and source.at_end):
                return False
        elif source.total is not None and page * model.page_size >= source.total:
            return False
        elif source.total is None and page > 0 and not source.has_page(0):
            page_zero = await _loaded(model, source, 0, generation)
            if not page_zero:
                return False
            continue
        model.start_page(page)
        if not await _next_answer(model):
            return False
    return source.has_page(page)


async def _next_answer(model: ContactTableModel) -> bool:
    """Waits for the model's next page or failure; False on a failure or after PAGE_WAIT_S."""
    answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def done(ok: bool) -> None:
        if not answer.done():
            answer.set_result(ok)

    def loaded() -> None:
        done(True)

    def failed(_exc: object) -> None:
        done(False)

    model.pageLoaded.connect(loaded)
    model.loadFailed.connect(failed)
    try:
        return await asyncio.wait_for(answer, PAGE_WAIT_S)
    except TimeoutError:
        return False
    finally:
        model.pageLoaded.disconnect(loaded)
        model.loadFailed.disconnect(failed)
