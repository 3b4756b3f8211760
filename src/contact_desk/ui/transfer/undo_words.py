"""What an Undo did, in words, for Edit → Undo and the Change contacts dialog alike."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from contact_desk.api import Dialect
from contact_desk.transfer.bulk import UndoResult
from contact_desk.ui.contacts.form_clashes import fields_named
from contact_desk.ui.widgets.messages import with_request_id

SAID_NAMES = 5  # contacts named one by one in what an Undo says; the rest are counted


class UndoWords(QObject):
    """The words' translation context (Qt's numerus forms need ``tr``)."""

    def said(self, dialect: Dialect, back: UndoResult) -> str:
        text = self.tr("Restored %Ln contact(s).", "", len(back.restored))
        if back.left:
            named = [self.tr("{name} ({fields})").format(
                name=back.names.get(cid, cid), fields=fields_named(dialect.schema, fields))
                for cid, fields in list(back.left.items())[:SAID_NAMES]]
            more = len(back.left) - len(named)
            if more:
                named.append(self.tr("and %Ln more", "", more))
            text += " " + self.tr("Changed by someone since, left as it is: {names}.").format(
                names="; ".join(named))
        gone = len(back.skipped) - sum(1 for cid in back.skipped if cid in back.left)
        if gone:
            text += " " + self.tr("%Ln no longer exist(s).", "", gone)
        if back.failed:
            first = back.failed[0]
            text += " " + self.tr("{n} could not be restored: {why}").format(
                n=QLocale().toString(len(back.failed)), why=with_request_id(first.reason, first.request_id))
        return text


def undo_words(dialect: Dialect, back: UndoResult) -> str:
    """What an Undo did, in words: "Restored 4 contacts. Changed by someone since, left as it is:
    Sara Pellegrini (Stage)." Shared by Edit → Undo and the Change contacts dialog."""
    return UndoWords().said(dialect, back)
