"""Texts with a count (Qt's numerus forms: ``tr("%Ln contact(s)", "", n)``), one and many.

English needs them too: the source text "%Ln contact(s)" is only the key, so the English
build ships a small translation holding just these (contact_desk_en.ts, plural forms only).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "%Ln contact(s) read…": (("%Ln contact read…", "%Ln contacts read…"),
                             ("%Ln contatto letto…", "%Ln contatti letti…")),
    "Saved {file}: %Ln contact(s)": (("Saved {file}: %Ln contact", "Saved {file}: %Ln contacts"),
                                     ("Salvato {file}: %Ln contatto", "Salvato {file}: %Ln contatti")),
    "%Ln page(s)": (("%Ln page", "%Ln pages"), ("%Ln pagina", "%Ln pagine")),
    "%Ln contact(s) laid out…": (("%Ln contact laid out…", "%Ln contacts laid out…"),
                                 ("%Ln contatto impaginato…", "%Ln contatti impaginati…")),
    "%Ln contact(s) ready to print.": (("%Ln contact ready to print.", "%Ln contacts ready to print."),
                                       ("%Ln contatto pronto da stampare.", "%Ln contatti pronti da stampare.")),
    "%Ln group(s) of possible duplicates.": (
        ("%Ln group of possible duplicates.", "%Ln groups of possible duplicates."),
        ("%Ln gruppo di possibili duplicati.", "%Ln gruppi di possibili duplicati.")),
    "%Ln selected contact(s) without an email address left out.": (
        ("%Ln selected contact without an email address left out.",
         "%Ln selected contacts without an email address left out."),
        ("%Ln contatto selezionato senza indirizzo email escluso.",
         "%Ln contatti selezionati senza indirizzo email esclusi.")),
    "Copied %Ln address(es).": (
        ("Copied %Ln address.", "Copied %Ln addresses."),
        ("Copiato %Ln indirizzo.", "Copiati %Ln indirizzi.")),
    "%Ln draft(s) opened in your mail program, the addresses in Bcc.": (
        ("%Ln draft opened in your mail program, the addresses in Bcc.",
         "%Ln drafts opened in your mail program, the addresses in Bcc."),
        ("%Ln bozza aperta nel tuo programma di posta, gli indirizzi in Ccn.",
         "%Ln bozze aperte nel tuo programma di posta, gli indirizzi in Ccn.")),
    # source: ((English one, English many), (Italian one, Italian many))
    "&Import %Ln contact(s) into {account}": (
        ("&Import %Ln contact into {account}", "&Import %Ln contacts into {account}"),
        ("&Importa %Ln contatto in {account}", "&Importa %Ln contatti in {account}")),
    "The connection works: %Ln contact(s).": (
        ("The connection works: %Ln contact.", "The connection works: %Ln contacts."),
        ("La connessione funziona: %Ln contatto.", "La connessione funziona: %Ln contatti.")),
    "Change %Ln contact(s): {what}?": (
        ("Change %Ln contact: {what}?", "Change %Ln contacts: {what}?"),
        ("Modificare %Ln contatto: {what}?", "Modificare %Ln contatti: {what}?")),
    "&Change %Ln contact(s)": (
        ("&Change %Ln contact", "&Change %Ln contacts"),
        ("&Modifica %Ln contatto", "&Modifica %Ln contatti")),
    "Restored %Ln contact(s).": (
        ("Restored %Ln contact.", "Restored %Ln contacts."),
        ("Ripristinato %Ln contatto.", "Ripristinati %Ln contatti.")),
    "%Ln contact(s) changed by someone after the file was made: left as they are (see the list).": (
        ("%Ln contact changed by someone after the file was made: left as it is (see the list).",
         "%Ln contacts changed by someone after the file was made: left as they are (see the list)."),
        ("%Ln contatto modificato da qualcuno dopo che il file è stato creato: lasciato com'è (vedi l'elenco).",
         "%Ln contatti modificati da qualcuno dopo che il file è stato creato: lasciati come sono (vedi "
         "l'elenco).")),
    "Exported %Ln change(s) to {path}": (
        ("Exported %Ln change to {path}", "Exported %Ln changes to {path}"),
        ("Esportata %Ln modifica in {path}", "Esportate %Ln modifiche in {path}")),
    "%Ln waiting change(s) sent.": (
        ("%Ln waiting change sent.", "%Ln waiting changes sent."),
        ("Inviata %Ln modifica in attesa.", "Inviate %Ln modifiche in attesa.")),
    "%Ln need(s) you: see View → Outbox.": (
        ("%Ln needs you: see View → Outbox.", "%Ln need you: see View → Outbox."),
        ("%Ln richiede il tuo intervento: vedi Visualizza → In uscita.",
         "%Ln richiedono il tuo intervento: vedi Visualizza → In uscita.")),
    "%Ln change(s) made while the server could not be reached are waiting to be sent. They are kept on this "
    "computer and sent the next time Contact Desk opens this account and the server answers: nothing is lost "
    "by quitting.": (
        ("%Ln change made while the server could not be reached is waiting to be sent. It is kept on this "
         "computer and sent the next time Contact Desk opens this account and the server answers: nothing is "
         "lost by quitting.",
         "%Ln changes made while the server could not be reached are waiting to be sent. They are kept on "
         "this computer and sent the next time Contact Desk opens this account and the server answers: "
         "nothing is lost by quitting."),
        ("%Ln modifica fatta mentre il server non era raggiungibile è in attesa di invio. È conservata su "
         "questo computer e sarà inviata la prossima volta che Contact Desk apre questo account e il server "
         "risponde: uscire non fa perdere nulla.",
         "%Ln modifiche fatte mentre il server non era raggiungibile sono in attesa di invio. Sono conservate "
         "su questo computer e saranno inviate la prossima volta che Contact Desk apre questo account e il "
         "server risponde: uscire non fa perdere nulla.")),
    "%Ln change(s) waiting to be sent": (
        ("%Ln change waiting to be sent", "%Ln changes waiting to be sent"),
        ("%Ln modifica in attesa di invio", "%Ln modifiche in attesa di invio")),
    "(%Ln need(s) you)": (
        ("(%Ln needs you)", "(%Ln need you)"),
        ("(%Ln richiede il tuo intervento)", "(%Ln richiedono il tuo intervento)")),
    "Discard %Ln waiting change(s)? They will not be sent, and cannot be brought back.": (
        ("Discard %Ln waiting change? It will not be sent, and cannot be brought back.",
         "Discard %Ln waiting changes? They will not be sent, and cannot be brought back."),
        ("Scartare %Ln modifica in attesa? Non sarà inviata e non si potrà recuperare.",
         "Scartare %Ln modifiche in attesa? Non saranno inviate e non si potranno recuperare.")),
    "and %Ln more": (
        ("and %Ln more", "and %Ln more"),
        ("e %Ln altro", "e altri %Ln")),
    "%Ln no longer exist(s).": (
        ("%Ln no longer exists.", "%Ln no longer exist."),
        ("%Ln non esiste più.", "%Ln non esistono più.")),
    "Copied %Ln row(s)": (
        ("Copied %Ln row", "Copied %Ln rows"),
        ("Copiata %Ln riga", "Copiate %Ln righe")),
    "(%Ln not loaded yet left out)": (
        ("(%Ln not loaded yet left out)", "(%Ln not loaded yet left out)"),
        ("(%Ln non ancora caricata esclusa)", "(%Ln non ancora caricate escluse)")),
    "%Ln selected row(s) not loaded yet would be left out: scroll to them first, or export all matching.": (
        ("%Ln selected row is not loaded yet and would be left out: scroll to it first, or export all "
         "matching.",
         "%Ln selected rows are not loaded yet and would be left out: scroll to them first, or export all "
         "matching."),
        ("%Ln riga selezionata non è ancora caricata e verrebbe esclusa: scorri fino a essa prima, oppure "
         "esporta tutti i corrispondenti.",
         "%Ln righe selezionate non sono ancora caricate e verrebbero escluse: scorri fino a esse prima, "
         "oppure esporta tutti i corrispondenti.")),
    "(%Ln character(s) Excel cannot hold written as spaces)": (
        ("(%Ln character Excel cannot hold written as a space)",
         "(%Ln characters Excel cannot hold written as spaces)"),
        ("(%Ln carattere che Excel non accetta scritto come spazio)",
         "(%Ln caratteri che Excel non accetta scritti come spazi)")),
    "Exported %Ln contact(s) to {path}": (
        ("Exported %Ln contact to {path}", "Exported %Ln contacts to {path}"),
        ("Esportato %Ln contatto in {path}", "Esportati %Ln contatti in {path}")),
    "%Ln contact(s) written…": (
        ("%Ln contact written…", "%Ln contacts written…"),
        ("%Ln contatto scritto…", "%Ln contatti scritti…")),
    "%Ln row(s) from a {source} file.": (
        ("%Ln row from a {source} file.", "%Ln rows from a {source} file."),
        ("%Ln riga da un file {source}.", "%Ln righe da un file {source}.")),
    "&Import %Ln contact(s)": (
        ("&Import %Ln contact", "&Import %Ln contacts"),
        ("&Importa %Ln contatto", "&Importa %Ln contatti")),
    "Offline copy: %Ln contact(s), synced {when}": (
        ("Offline copy: %Ln contact, synced {when}", "Offline copy: %Ln contacts, synced {when}"),
        ("Copia offline: %Ln contatto, sincronizzata {when}", "Copia offline: %Ln contatti, sincronizzata {when}")),
    "Searched in the %Ln contact(s) synced so far; the copy is being completed": (
        ("Searched in the %Ln contact synced so far; the copy is being completed",
         "Searched in the %Ln contacts synced so far; the copy is being completed"),
        ("Cercato nell'unico contatto sincronizzato finora; la copia è in completamento",
         "Cercato nei %Ln contatti sincronizzati finora; la copia è in completamento")),
    "Syncing the offline copy: %Ln contact(s)": (
        ("Syncing the offline copy: %Ln contact", "Syncing the offline copy: %Ln contacts"),
        ("Sincronizzazione della copia offline: %Ln contatto", "Sincronizzazione della copia offline: %Ln contatti")),
    "All %Ln contact(s) matching the filters and search": (
        ("The %Ln contact matching the filters and search", "All %Ln contacts matching the filters and search"),
        ("L'unico contatto che corrisponde a filtri e ricerca",
         "Tutti i %Ln contatti che corrispondono a filtri e ricerca")),
}


def fill_plural(message: ET.Element, language: int) -> bool:
    """Writes the forms of a numerus message (0: English, 1: Italian); False when unknown."""
    source = message.findtext("source") or ""
    if source not in PLURALS:
        return False
    translation = message.find("translation")
    assert translation is not None
    for old in list(translation):
        translation.remove(old)
    translation.text = None
    for form in PLURALS[source][language]:
        ET.SubElement(translation, "numerusform").text = form
    translation.attrib.pop("type", None)
    return True
