"""Fills resources/translations/contact_desk_it.ts with the Italian texts below.

    pyside6-lupdate $(find src -name '*.py') -ts resources/translations/contact_desk_it.ts
    python packaging/i18n/translate_it.py   (texts with a count: packaging/i18n/plurals.py)
    pyside6-lrelease resources/translations/contact_desk_it.ts -qm resources/translations/contact_desk_it.qm

A source text missing here is reported and left unfinished, so Qt shows the English.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from plurals import fill_plural

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "contact_desk_it.ts"

IT = {
    "Click a bar to list its contacts": "Fai clic su una barra per elencarne i contatti",
    "Possible duplicates": "Possibili duplicati",
    "&Across every account": "&In tutti gli account",
    "&Look again": "&Cerca di nuovo",
    "&Copy to…": "&Copia in…",
    "Put the chosen value into an edit of another contact of the group":
        "Porta il valore scelto nella modifica di un altro contatto del gruppo",
    "&Export as CSV…": "&Esporta in CSV…",
    "&Not duplicates": "&Non sono duplicati",
    "{name} ({account})": "{name} ({account})",
    "Search every account": "Cerca in tutti gli account",
    "Name, email, phone, company, city or tag, in every account":
        "Nome, email, telefono, azienda, città o tag, in tutti gli account",
    "Phone or company": "Telefono o azienda",
    "{account}: not searched ({why})": "{account}: non cercato ({why})",
    "{account}: searched as far as its offline copy is synced":
        "{account}: cercato fin dove la sua copia offline è sincronizzata",
    "{count} found in {accounts} accounts": "{count} trovati in {accounts} account",
    "(the first {shown} shown)": "(mostrati i primi {shown})",
    "The offline copy is being opened…": "Apertura della copia offline…",
    "&Overview…": "&Panoramica…",
    "Counts and charts of this account's contacts, from the offline copy":
        "Conteggi e grafici dei contatti di questo account, dalla copia offline",
    "Search &every account…": "Cerca in &tutti gli account…",
    "One search over every account's offline copy": "Una sola ricerca nelle copie offline di tutti gli account",
    "Possible &duplicates…": "Possibili &duplicati…",
    "Contacts with the same email, phone, or name and company, from the offline copies":
        "Contatti con la stessa email, lo stesso telefono o lo stesso nome e azienda, dalle copie offline",
    "Open an account first.": "Apri prima un account.",
    "This needs an offline copy of this account (File → Offline copy → Keep an offline copy).":
        "Serve una copia offline di questo account (File → Copia offline → Tieni una copia offline).",
    "This is offered once the offline copy holds every contact: its first sync is not finished.":
        "Sarà disponibile quando la copia offline conterrà tutti i contatti: la prima sincronizzazione non è "
        "finita.",
    "No offline copies are kept here: there is nothing to search.":
        "Qui non si tengono copie offline: non c'è nulla in cui cercare.",
    "Looking for possible duplicates in {accounts} accounts…":
        "Ricerca di possibili duplicati in {accounts} account…",
    "Looking for possible duplicates among {count} contacts…":
        "Ricerca di possibili duplicati tra {count} contatti…",
    "{groups} groups of possible duplicates.": "{groups} gruppi di possibili duplicati.",
    "{n} marked “not duplicates” are left out.": "{n} segnati come «non duplicati» sono esclusi.",
    "This contact cannot be edited now.": "Questo contatto ora non si può modificare.",
    "Export the group as CSV": "Esporta il gruppo in CSV",
    "CSV files (*.csv)": "File CSV (*.csv)",
    "{n} contacts written to {file}": "{n} contatti scritti in {file}",
    "Counting {count} contacts in the offline copy…": "Conteggio di {count} contatti nella copia offline…",
    "The offline copy cannot be read now.": "La copia offline ora non si può leggere.",
    "{count} contacts (archived ones apart), from the offline copy synced {when}.":
        "{count} contatti (archiviati esclusi), dalla copia offline sincronizzata {when}.",
    "{count} contacts, from the offline copy synced {when}.":
        "{count} contatti, dalla copia offline sincronizzata {when}.",
    "Counted in {seconds} s.": "Contati in {seconds} s.",
    "Overview of {account}": "Panoramica di {account}",
    "New contacts by month": "Nuovi contatti per mese",
    "New contacts by week": "Nuovi contatti per settimana",
    "&Copy as image": "&Copia come immagine",
    "(none)": "(nessuno)",
    "{field}: the most frequent": "{field}: i più frequenti",
    "The charts are on the clipboard as an image.": "I grafici sono negli appunti come immagine.",
    "Accounts, saved views and tags": "Account, viste salvate e tag",
    "{name} ({count})": "{name} ({count})",
    "Views": "Viste",
    "{tag} ({count})": "{tag} ({count})",
    "&Open": "&Apri",
    "&Rename…": "&Rinomina…",
    "Move &up": "Sposta &su",
    "Move &down": "Sposta &giù",
    "&Delete": "&Elimina",
    "Sidebar": "Barra laterale",
    "&Sidebar": "&Barra laterale",
    "&Save view…": "&Salva vista…",
    "Keep this list (search, filters, sort and columns) under a name":
        "Conserva questo elenco (ricerca, filtri, ordinamento e colonne) con un nome",
    "View “{name}”": "Vista «{name}»",
    "Save view": "Salva vista",
    "A name for this list (search, filters, sort, columns):":
        "Un nome per questo elenco (ricerca, filtri, ordinamento, colonne):",
    "View “{name}” saved": "Vista «{name}» salvata",
    "Rename view": "Rinomina vista",
    "New name:": "Nuovo nome:",
    "View “{name}” deleted": "Vista «{name}» eliminata",
    "&Tools": "&Strumenti",
    "Same email": "Stessa email",
    "Same phone": "Stesso telefono",
    "Same name and company": "Stesso nome e azienda",
    "contains": "contiene",
    "is": "è",
    "is empty": "è vuoto",
    "is not empty": "non è vuoto",
    "has the tag": "ha il tag",
    "from (day included)": "dal (giorno incluso)",
    "until (day included)": "fino al (giorno incluso)",
    "is in the month": "cade nel mese",
    "include": "includono",
    "from": "dal",
    "until": "fino al",
    "in": "in",
    "Change this filter (Enter); remove it (Delete)": "Modifica questo filtro (Invio); rimuovilo (Canc)",
    "Filter: {filter}": "Filtro: {filter}",
    "Remove this filter": "Rimuovi questo filtro",
    "Remove the filter {filter}": "Rimuovi il filtro {filter}",
    "Filter by {field}": "Filtra per {field}",
    "&Keep contacts whose {field}": "&Mostra i contatti in cui {field}",
    "this month": "questo mese",
    "next month": "il mese prossimo",
    "&Value": "&Valore",
    "Type what {field} should contain or be.": "Scrivi cosa deve contenere o valere il campo {field}.",
    "Add filter": "Aggiungi filtro",
    "Filter by any field: company, city, tag, dates…": "Filtra per qualsiasi campo: azienda, città, tag, date…",
    "Filters on any field need an offline copy of this account (File → Offline copy → Keep an offline copy).":
        "I filtri su qualsiasi campo richiedono una copia offline di questo account "
        "(File → Copia offline → Tieni una copia offline).",
    "Filters on any field are offered once the offline copy holds every contact: its first sync is not finished.":
        "I filtri su qualsiasi campo saranno disponibili quando la copia offline conterrà tutti i contatti: "
        "la prima sincronizzazione non è finita.",
    "Filters on any field are offered once the offline copy's search index is built.":
        "I filtri su qualsiasi campo saranno disponibili quando l'indice di ricerca della copia offline sarà pronto.",
    "Every contact is in the offline copy; building its search index: {done} of {total}":
        "Tutti i contatti sono nella copia offline; creazione dell'indice di ricerca: {done} di {total}",
    "Searched in {done} of {total} contacts: the search index is being built":
        "Cercato in {done} contatti su {total}: l'indice di ricerca è in costruzione",
    "failed": "non riuscita",
    "Request id": "Id richiesta",
    "Outcome": "Esito",
    "Rows not imported": "Righe non importate",
    "Show only the rows with a &problem": "Mostra solo le righe con un &problema",
    "Import contacts into {account}": "Importa contatti in {account}",
    "Undone.": "Annullato.",
    "edit": "modifica",
    "&Undo {what}": "&Annulla {what}",
    'Show it': 'Mostralo',
    'Contact created. The filters or the search hide it from the list.': "Contatto creato. I filtri o la ricerca lo nascondono dall'elenco.",
    "&Dark": "S&curo",
    "&Light": "&Chiaro",
    "As the &system": "Come il &sistema",
    "&Appearance": "&Aspetto",
    "Save this new contact?": "Salvare questo nuovo contatto?",
    "Event": "Evento",
    "API": "API",
    "Web form": "Modulo web",
    "Import": "Importazione",
    "Entered by hand": "Inserito a mano",
    "Full name": "Nome completo",
    "{n} selected": "{n} selezionati",
    "&New": "&Nuovo",
    "Re&move": "Ri&muovi",
    "&Test connection": "&Prova connessione",
    "Save the account you have typed?": "Salvare l'account che hai scritto?",
    "This is not a date: type it like {example} or 1990-03-15.": "Questa non è una data: scrivila come {example} o 1990-03-15.",
    "Choose a date": "Scegli una data",
    "Choose a date (Alt+Down)": "Scegli una data (Alt+Giù)",
    "Change the selected or all matching contacts": "Modifica i contatti selezionati o tutti quelli corrispondenti",
    "Sync the offline copy now": "Sincronizza ora la copia offline",
    "This list of shortcuts": "Questo elenco di scorciatoie",
    "Fields": "Campi",
    'already there (looked up on the server)': 'già presente (cercato sul server)',
    'The offline copy is in use by another program: {reason}': 'La copia offline è in uso da un altro programma: {reason}',
    'The offline copy could not be saved: the disk holding {folder} is full or failing. What was saved before is kept; the next sync goes on from there.': 'La copia offline non si è potuta salvare: il disco che contiene {folder} è pieno o guasto. Quanto salvato prima resta; la prossima sincronizzazione riprende da lì.',
    "The workbook's texts take more than {most} MB: more than Contact Desk reads. Save fewer rows or columns in a file.": 'I testi della cartella di lavoro superano {most} MB: più di quanto Contact Desk legga. Salva meno righe o colonne in un file.',
    'Import the contact without them': 'Importa il contatto senza di essi',
    'Do not import the contact': 'Non importare il contatto',
    'Tags the account does not have': "Tag che l'account non ha",
    'Tags the account does not have:': "Tag che l'account non ha:",
    "Ready: {ready} · written the API's way: {normalised} · to check: {check} · already there: {there} · repeated in the file: {duplicate} · invalid: {invalid}": "Pronte: {ready} · riscritte come vuole l'API: {normalised} · da verificare: {check} · già presenti: {there} · ripetute nel file: {duplicate} · non valide: {invalid}",
    'already there': 'già presente',
    'birthday without a year: left empty': 'compleanno senza anno: lasciato vuoto',
    'an empty date (0/0/00): left empty': 'una data vuota (0/0/00): lasciata vuota',
    'already there (in the offline copy)': 'già presente (nella copia offline)',
    'the first of several values; not imported: {others}': 'il primo di più valori; non importati: {others}',
    'imported without the tags the account lacks: {tags}': "importato senza i tag che l'account non ha: {tags}",
    '{name} is not a file that can be imported': '{name} non è un file che si possa importare',
    '{name} is more than {most} MB: more than Contact Desk imports at once. Split it into smaller files.': '{name} supera {most} MB: più di quanto Contact Desk importi in una volta. Dividilo in file più piccoli.',
    '{name} is not a CSV, Excel or vCard file': '{name} non è un file CSV, Excel o vCard',
    'The file has {n} columns: only the first {most} are read': 'Il file ha {n} colonne: vengono lette solo le prime {most}',
    'this row is not in UTF-8 like the rest of the file: read as Windows code page; check its accents': 'questa riga non è in UTF-8 come il resto del file: letta con la codifica di Windows; controllane gli accenti',
    "an Exchange address, not an email: the row's SMTP address was used, if it has one": "un indirizzo Exchange, non un'email: è stato usato l'indirizzo SMTP della riga, se c'è",
    'The workbook holds more than {most} MB of sheets: more than Contact Desk reads. Save fewer rows or columns in a file.': 'La cartella di lavoro contiene più di {most} MB di fogli: più di quanto Contact Desk legga. Salva meno righe o colonne in un file.',
    'The workbook declares XML entities ({part}), which no spreadsheet program writes: it is not read': 'La cartella di lavoro dichiara entità XML ({part}), che nessun programma di fogli di calcolo scrive: non viene letta',
    'The workbook has a cell or text longer than {most} characters ({part}): it is not read': 'La cartella di lavoro ha una cella o un testo più lungo di {most} caratteri ({part}): non viene letta',
    'contact {n} cannot be read ({why})': 'il contatto {n} non si può leggere ({why})',
    'contact {n}: a line could not be read ({line}); imported without it': 'contatto {n}: una riga non si è potuta leggere ({line}); importato senza di essa',
    'contact {n}: the card has no END:VCARD line; read up to where it stops': 'contatto {n}: la scheda non ha la riga END:VCARD; letta fino a dove si interrompe',
    'Sync now': 'Sincronizza ora',
    'Change all matching contacts: {what}?': 'Modificare tutti i contatti corrispondenti: {what}?',
    '&Change all matching contacts': '&Modifica tutti i contatti corrispondenti',
    "Ready: {ready} · written the API's way: {normalised} · to check: {check} · repeated in the file: {duplicate} · invalid: {invalid}": "Pronte: {ready} · riscritte come vuole l'API: {normalised} · da verificare: {check} · ripetute nel file: {duplicate} · non valide: {invalid}",
    'the same email as row {row}': 'la stessa email della riga {row}',
    '{before} written as {after}': '{before} scritto come {after}',
    'required': 'obbligatorio',
    'give at least one of first name, last name, company, phone or email': 'indica almeno uno tra nome, cognome, azienda, telefono o email',
    'tags not seen in this account: {tags}': 'tag mai visti in questo account: {tags}',
    'not a valid email address': 'non è un indirizzo email valido',
    'not a phone number': 'non è un numero di telefono',
    'not a valid phone number': 'non è un numero di telefono valido',
    'not a web address': 'non è un indirizzo web',
    'a two-letter country code, like IT': 'un codice paese di due lettere, come IT',
    'not one of the choices': 'non è uno dei valori ammessi',
    'not a date (use 15/03/1990 or 1990-03-15)': 'non è una data (usa 15/03/1990 o 1990-03-15)',
    'not sent: the import was cancelled': "non inviato: l'importazione è stata annullata",
    'already there: left as it was': "già presente: lasciato com'era",
    'already there, with the same values': 'già presente, con gli stessi valori',
    'changed: {fields}': 'modificati: {fields}',
    'Cannot read {path}: {why}': 'Impossibile leggere {path}: {why}',
    '{name} is {size} MB: more than Contact Desk imports at once ({most} MB). Split it into smaller files.': '{name} pesa {size} MB: più di quanto Contact Desk importi in una volta ({most} MB). Dividilo in file più piccoli.',
    'CSV ({encoding}, comma-separated)': 'CSV ({encoding}, separato da virgole)',
    'CSV ({encoding}, semicolon-separated)': 'CSV ({encoding}, separato da punto e virgola)',
    'CSV ({encoding}, tab-separated)': 'CSV ({encoding}, separato da tabulazioni)',
    'CSV ({encoding}, separated by {delimiter})': 'CSV ({encoding}, separato da {delimiter})',
    'The file is empty': 'Il file è vuoto',
    'The file is not readable as CSV: {why}': 'Il file non è leggibile come CSV: {why}',
    'The first row has no column names': 'La prima riga non ha nomi di colonna',
    'More than {n} rows: split the file': 'Più di {n} righe: dividi il file',
    'Row {n} is not readable as CSV: {why}': 'La riga {n} non è leggibile come CSV: {why}',
    'The file is not a readable Excel workbook ({why})': 'Il file non è una cartella di lavoro Excel leggibile ({why})',
    'Excel ({sheet})': 'Excel ({sheet})',
    'More than {n} contacts: split the file': 'Più di {n} contatti: dividi il file',
    'Contact {n} is not a readable vCard ({why})': 'Il contatto {n} non è una vCard leggibile ({why})',
    'The file holds no vCard': 'Il file non contiene vCard',
    'The file has no column {column}': 'Il file non ha la colonna {column}',
    '{name} is not a field {service} contacts can be created with (use one of: {fields})': '{name} non è un campo con cui creare contatti {service} (usa uno tra: {fields})',
    '{name} is given by two columns: {first} and {second}': '{name} è dato da due colonne: {first} e {second}',
    'Reason': 'Motivo',
    'Import contacts': 'Importa contatti',
    'Contacts from a CSV file (Google, Outlook, Thunderbird, a spreadsheet), an Excel workbook or vCards. Nothing is sent before you have seen every row checked.': 'Contatti da un file CSV (Google, Outlook, Thunderbird, un foglio di calcolo), una cartella di lavoro Excel o vCard. Non viene inviato nulla prima che tu abbia visto ogni riga controllata.',
    '&Choose a file…': '&Scegli un file…',
    'Import from': 'Importa da',
    'Reading {name}…': 'Lettura di {name}…',
    'Column': 'Colonna',
    'Field': 'Campo',
    'First value': 'Primo valore',
    'Country of phone numbers without +': 'Paese dei numeri di telefono senza +',
    'Leave it as it is': "Lascialo com'è",
    'Update its changed fields': 'Aggiorna i campi cambiati',
    'A contact already there': 'Un contatto già presente',
    'Country of phone numbers without +:': 'Paese dei numeri di telefono senza +:',
    'A contact already there:': 'Un contatto già presente:',
    '&Back': '&Indietro',
    '(not imported)': '(non importata)',
    'Checking every row…': 'Controllo di ogni riga…',
    'Row': 'Riga',
    'ready': 'pronta',
    'normalised': 'riscritta',
    'check': 'da verificare',
    'duplicate': 'doppione',
    'invalid': 'non valida',
    'Save the &report…': 'Salva il &resoconto…',
    'Save the &failed rows…': 'Salva le righe &non riuscite…',
    '{done} of {total} rows done': '{done} di {total} righe fatte',
    'the server asked to slow down: waited {n} s': 'il server ha chiesto di rallentare: attesa di {n} s',
    'Created {created}, updated {updated}, already there {existing}, invalid {invalid}, failed {failed}.': 'Creati {created}, aggiornati {updated}, già presenti {existing}, non validi {invalid}, non riusciti {failed}.',
    'Save as': 'Salva come',
    'Saved {path}': 'Salvato {path}',
    'Create contacts from a CSV, Excel or vCard file: every row is checked before anything is sent': 'Crea contatti da un file CSV, Excel o vCard: ogni riga viene controllata prima di inviare qualcosa',
    'Change contacts': 'Modifica contatti',
    '&Change…': '&Modifica…',
    '&Pause': '&Pausa',
    '&Undo': '&Annulla modifica',
    '(empty)': '(vuoto)',
    'all matching': 'tutti i corrispondenti',
    'More than {n} contacts: narrow the filter or search first': 'Più di {n} contatti: restringi prima filtri o ricerca',
    'Reading the contacts…': 'Lettura dei contatti…',
    'Changed {changed}; {already} already had these values; {failed} failed': 'Modificati {changed}; {already} avevano già questi valori; {failed} non riusciti',
    '{n} not sent (cancelled)': '{n} non inviati (annullato)',
    'Close': 'Chiudi',
    ', about {n} s left': ', mancano circa {n} s',
    '{done} of {total} done{left}': '{done} di {total} fatti{left}',
    '&Resume': '&Riprendi',
    'Putting the previous values back…': 'Ripristino dei valori precedenti…',
    '{n} could not be restored: {why}': '{n} non si sono potuti ripristinare: {why}',
    '{name} ({fields})': '{name} ({fields})',
    'Edit form': 'Modulo di modifica',
    'Contact Desk — user guide': 'Contact Desk — guida',
    'The user guide cannot be read ({why}). It is also in the docs folder of the project.':
        'La guida non può essere letta ({why}). Si trova anche nella cartella docs del progetto.',
    'Find in the guide': 'Cerca nella guida',
    '&Previous': '&Precedente',
    '&Next': '&Successivo',
    'Not found': 'Non trovato',
    '&User guide': '&Guida',
    'The user guide, on this computer: searchable, no connection needed':
        'La guida, su questo computer: si può cercare, senza bisogno di rete',
    'Save as PDF — {account}': 'Salva come PDF — {account}',
    'Print — {account}': 'Stampa — {account}',
    '{cols} × {rows} labels a sheet': '{cols} × {rows} etichette per foglio',
    '&Preview and print…': '&Anteprima e stampa…',
    'Save as &PDF…': 'Salva come &PDF…',
    '&Style:': 'S&tile:',
    '&Labels:': '&Etichette:',
    'P&aper:': '&Carta:',
    'Save as PDF': 'Salva come PDF',
    'Writing the PDF…': 'Scrittura del PDF…',
    'Stopped: {file} was not written (a file already there is as it was).':
        'Interrotto: {file} non è stato scritto (un file già presente è com’era).',
    'Page {n} of {total}': 'Pagina {n} di {total}',
    'Phone list': 'Elenco telefonico',
    'Contact cards': 'Schede dei contatti',
    'Address labels': 'Etichette con indirizzo',
    '&Print…': 'S&tampa…',
    'Print the selected or all matching contacts: a phone list, contact cards or address labels':
        'Stampa i contatti selezionati o tutti quelli che corrispondono: elenco telefonico, schede o '
        'etichette con indirizzo',
    'Save as P&DF…': 'Salva come P&DF…',
    'The same printed list, as a PDF file': "Lo stesso elenco stampato, come file PDF",
    'Tell me about &new versions': 'Avvisami delle &nuove versioni',
    'Once a day, see whether a newer Contact Desk is out (nothing is installed, nothing of yours is sent)':
        'Una volta al giorno, guarda se è uscito un Contact Desk più recente (non si installa nulla, non si '
        'invia nulla di tuo)',
    'Contact Desk {new} is available (this one is {current}).':
        'È disponibile Contact Desk {new} (questo è il {current}).',
    'Download page': 'Pagina di download',
    '{file} cannot be opened: it is not there, or not a file.':
        '{file} non può essere aperto: non esiste, o non è un file.',
    'To import {file}, add an account first (Accounts…): the file opens in Import as soon as there is one.':
        "Per importare {file}, aggiungi prima un account (Gestisci gli account…): il file si apre in Importa "
        "appena c'è.",
    'Import {file}': 'Importa {file}',
    'Into which account?': 'In quale account?',
    '{file} cannot be imported into {account} now: this account cannot create contacts, or the server cannot '
    'be reached.': '{file} non può essere importato in {account} ora: questo account non può creare contatti, '
                   'o il server non è raggiungibile.',
    'S&hare view…': 'Co&ndividi vista…',
    "Write this list's view to a file, for a colleague to import":
        'Scrivi la vista di questo elenco in un file, che un collega potrà importare',
    '&Import view…': '&Importa vista…',
    'Save a view a colleague shared in this account and show it':
        'Salva in questo account una vista condivisa da un collega e mostrala',
    'Contact Desk views (*{suffix})': 'Viste di Contact Desk (*{suffix})',
    'Share view': 'Condividi vista',
    "A name for this list's view (search, filters, sort, columns):":
        'Un nome per la vista di questo elenco (ricerca, filtri, ordine, colonne):',
    'Share the view “{name}”': 'Condividi la vista “{name}”',
    'The view “{name}” is in {file}: a colleague opens it with View → Import view…':
        'La vista “{name}” è in {file}: un collega la apre con Visualizza → Importa vista…',
    'Import a view': 'Importa una vista',
    'Imported the view “{name}”.': 'Importata la vista “{name}”.',
    'Left out, as this account does not have them: {fields}.':
        'Esclusi, perché questo account non li ha: {fields}.',
    'This is the last contact of the list.': "Questo è l'ultimo contatto dell'elenco.",
    'Save and edit the next contact': 'Salva e modifica il contatto successivo',
    'E&mail…': 'Invia e&mail…',
    'Write to the selected contacts from your mail program (their addresses in Bcc)':
        'Scrivi ai contatti selezionati dal tuo programma di posta (i loro indirizzi in Ccn)',
    'Copy a&ddresses': 'Copia gli in&dirizzi',
    "Copy the selected contacts' email addresses, to paste into a mail's To, Cc or Bcc":
        'Copia gli indirizzi email dei contatti selezionati, da incollare in A, Cc o Ccn di una mail',
    'None of the selected contacts has an email address.': 'Nessuno dei contatti selezionati ha un indirizzo email.',
    '{addresses} addresses need {drafts} drafts: mail programs cut longer links (Outlook on Windows at about '
    '2,000 characters). Open {drafts} drafts, each with its share of the addresses in Bcc?':
        '{addresses} indirizzi richiedono {drafts} bozze: i programmi di posta tagliano i collegamenti più lunghi '
        '(Outlook su Windows a circa 2.000 caratteri). Aprire {drafts} bozze, ognuna con la sua parte degli '
        'indirizzi in Ccn?',
    'Email the selected contacts': 'Scrivi ai contatti selezionati',
    '&Open {n} drafts': '&Apri {n} bozze',
    'No mail program answered. Copy addresses puts them on the clipboard instead.':
        'Nessun programma di posta ha risposto. Copia gli indirizzi li mette negli appunti.',
    'The server refused this API key: it may be mistyped, revoked, expired or for another service. Check '
    'it and enter it again.': 'Il server ha rifiutato questa chiave API: potrebbe essere scritta male, '
                              'revocata, scaduta o di un altro servizio. Controllala e inseriscila di nuovo.',
    'Typed in the new contact and not put here, as this contact has its own: {values}.':
        'Scritto nel nuovo contatto e non messo qui, perché questo contatto ha già i suoi: {values}.',
    'Listed: {bar}. The overview is a key away: Ctrl+Shift+O.':
        'Elencati: {bar}. La panoramica è a un tasto di distanza: Ctrl+Maiusc+O.',
    '{account}: {count} contacts, {day}': '{account}: {count} contatti, {day}',
    'Your accounts, their saved views and tags appear here.':
        'Qui compaiono i tuoi account, le loro viste salvate e i tag.',
    '{name} (syncing…)': '{name} (sincronizzazione…)',
    '{name}, {hint} ({account})': '{name}, {hint} ({account})',
    'Found in': 'Trovato in',
    'Show &more': 'Mostra &altri',
    'List more of the contacts found in each account': 'Elenca altri contatti trovati in ogni account',
    'The list': "L'elenco",
    'From the search box: to the first result': 'Dalla casella di ricerca: al primo risultato',
    'Filters': 'Filtri',
    'Change the filter in focus': 'Modifica il filtro selezionato',
    'Remove the filter in focus': 'Rimuovi il filtro selezionato',
    'The sidebar': 'La barra laterale',
    'Open the account, view or tag': "Apri l'account, la vista o il tag",
    'Rename the saved view': 'Rinomina la vista salvata',
    'Delete the saved view': 'Elimina la vista salvata',
    'Move the saved view up or down': 'Sposta la vista salvata in su o in giù',
    'The contact form': 'Il modulo del contatto',
    "Open a date field's calendar": 'Apri il calendario di un campo data',
    'Created {created}, updated {updated}, already there {existing}, repeated in the file {repeated}, '
    'invalid {invalid}, failed {failed}.':
        'Creati {created}, aggiornati {updated}, già presenti {existing}, ripetuti nel file {repeated}, '
        'non validi {invalid}, non riusciti {failed}.',
    'repeated in the file': 'ripetuto nel file',
    'Contacts with the same email, the same phone, or the same name and one more field, from the offline '
    'copies': 'Contatti con la stessa email, lo stesso telefono, o lo stesso nome e un altro campo, dalle copie '
              'offline',
    'Every contact with the tag “{tag}” is listed, as the sidebar counts them: the search and filters you '
    'had are set aside.': 'Sono elencati tutti i contatti con il tag “{tag}”, come li conta la barra '
                          'laterale: la ricerca e i filtri che avevi sono messi da parte.',
    'same email': 'stessa email',
    'same phone': 'stesso telefono',
    'same name and company': 'stesso nome e azienda',
    'same name and birthday': 'stesso nome e data di nascita',
    'same name and address': 'stesso nome e indirizzo',
    'Grouped when they have the same email, the same phone, or the same name and one more field: company, '
    'birthday, or city and street.': 'Raggruppati quando hanno la stessa email, lo stesso telefono, o lo '
                                     'stesso nome e un altro campo: azienda, data di nascita, oppure città e via.',
    '{names} — {why} ({n})': '{names} — {why} ({n})',
    '{fields} cannot be changed here: {service} does not let them be changed after a contact is created.':
        '{fields} non si può modificare qui: {service} non ne consente la modifica dopo la creazione del '
        'contatto.',
    'Copied': 'Copiato',
    'This account has no tag {tags} (as far as its offline copy knows): remove it, or save once the server '
    'answers.': "Questo account non ha il tag {tags} (per quanto ne sa la sua copia offline): toglilo, o salva "
    "quando il server risponde.",
    'Offline: {kept} changes kept on this computer, sent when the server answers (View → Outbox); {already} '
    'already had these values.': 'Offline: {kept} modifiche conservate su questo computer, inviate quando il '
    'server risponde (Visualizza → In uscita); {already} avevano già questi valori.',
    'Offline: the server cannot be reached. Showing the offline copy from {time}; what you create or edit '
    'waits on this computer and is sent when the server answers.':
        'Offline: il server non è raggiungibile. È mostrata la copia offline del {time}; quello che crei o '
        'modifichi resta su questo computer ed è inviato quando il server risponde.',
    'Offline: what you save waits on this computer and is sent when the server answers':
        'Offline: quello che salvi resta su questo computer ed è inviato quando il server risponde',
    'The server cannot be reached': 'Il server non è raggiungibile',
    '{why}: the change is kept on this computer and will be sent when the server answers (View → Outbox).':
        '{why}: la modifica è conservata su questo computer e sarà inviata quando il server risponde '
        '(Visualizza → In uscita).',
    'Waiting to be sent': 'In attesa di invio',
    'Waiting to be sent: changed on this computer while the server could not be reached (View → Outbox).':
        'In attesa di invio: modificato su questo computer mentre il server non era raggiungibile '
        '(Visualizza → In uscita).',
    'Out&box…': 'In &uscita…',
    'Changes made while the server could not be reached, waiting to be sent':
        'Modifiche fatte mentre il server non era raggiungibile, in attesa di invio',
    "Changes can wait for the server only once this account's offline copy is complete.":
        "Le modifiche possono attendere il server solo quando la copia offline di questo account è completa.",
    '{n} changes are already waiting to be sent: connect to the server to send them first.':
        '{n} modifiche sono già in attesa di invio: collegati al server per inviarle prima.',
    'The change could not be kept on this computer ({why}). Free some space, then save again: what you '
    'typed is still here.': 'Non è stato possibile conservare la modifica su questo computer ({why}). '
    'Libera un po\' di spazio, poi salva di nuovo: quello che hai scritto è ancora qui.',
    'This contact is not in the offline copy any more.': 'Questo contatto non è più nella copia offline.',
    'Changes waiting to be sent': 'Modifiche in attesa di invio',
    'needs you: someone else changed {field} too': 'serve il tuo intervento: qualcun altro ha modificato anche {field}',
    'needs you: a tag the account lacks': "serve il tuo intervento: un tag che l'account non ha",
    'needs you: a contact with this email already exists':
        'serve il tuo intervento: esiste già un contatto con questa email',
    'needs you: the server refused {field}': 'serve il tuo intervento: il server ha rifiutato {field}',
    "needs you: the server refused the account's key":
        "serve il tuo intervento: il server ha rifiutato la chiave dell'account",
    'needs you: the contact no longer exists': 'serve il tuo intervento: il contatto non esiste più',
    'Outbox': 'In uscita',
    'Changes made while the server could not be reached. They are sent, in order and checked against what '
    'others changed, when it answers again; quitting loses none of them.':
        'Modifiche fatte mentre il server non era raggiungibile. Sono inviate, in ordine e confrontate con '
        'quello che altri hanno modificato, quando risponde di nuovo; uscire non ne perde nessuna.',
    'State': 'Stato',
    '&Retry': '&Riprova',
    '&Discard…': '&Scarta…',
    'Discard &all…': 'Scarta &tutte…',
    'sending': 'in invio',
    'waiting': 'in attesa',
    'yours: {yours}; on the server now: {theirs}': 'tuo: {yours}; ora sul server: {theirs}',
    'Undo': 'Annulla',
    'Copy to… (duplicates)': 'Copia in… (duplicati)',
    'When': 'Quando',
    'Contact': 'Contatto',
    'Change': 'Modifica',
    'From': 'Da',
    '&Undo this change': '&Annulla questa modifica',
    'My changes — {account}': 'Le mie modifiche — {account}',
    "Every change made from this computer to this account's contacts, newest first (the last {n} are "
    "kept). Undo this change puts back only the fields it set, where nobody changed them since.":
        "Ogni modifica fatta da questo computer ai contatti di questo account, dalla più recente (si "
        "tengono le ultime {n}). Annulla questa modifica ripristina solo i campi che ha cambiato, dove "
        "nessuno li ha modificati nel frattempo.",
    'A created contact cannot be undone: neither service deletes.':
        'Un contatto creato non si può annullare: nessuno dei due servizi elimina.',
    'changed since the file was made': 'modificato dopo la creazione del file',
    '&My changes…': 'Le &mie modifiche…',
    "Every change made from this computer to this account's contacts":
        "Ogni modifica fatta da questo computer ai contatti di questo account",
    'The change was saved, but My changes could not record it: {why}':
        'La modifica è stata salvata, ma Le mie modifiche non ha potuto registrarla: {why}',
    'My changes are kept with the offline copies; none are kept here.':
        'Le mie modifiche si conservano con le copie offline; qui non se ne conservano.',
    'Export my changes': 'Esporta le mie modifiche',
    'changed by someone else while importing: {fields}':
        "modificato da qualcun altro durante l'importazione: {fields}",
    '{name}: the file says {theirs}, the server now {now} (changed since the file was made)':
        '{name}: il file dice {theirs}, il server ora {now} (modificato dopo la creazione del file)',
    'Changed by someone since, left as it is: {names}.':
        'Modificato da qualcun altro nel frattempo, lasciato com\'è: {names}.',
    '&Keep mine': '&Tieni il mio',
    '&Take theirs': '&Prendi il loro',
    'Someone else changed this field too.': 'Anche qualcun altro ha modificato questo campo.',
    'Yours: {value}': 'Il tuo: {value}',
    'On the server now: {value}': 'Ora sul server: {value}',
    'Before: {value}': 'Prima: {value}',
    'Changed by someone else since you opened it, and kept: {fields}.':
        'Modificato da qualcun altro dopo che l\'hai aperto, e mantenuto: {fields}.',
    'Changed by someone else while you saved: {fields} (shown as the server has them now).':
        'Modificato da qualcun altro mentre salvavi: {fields} (mostrato com\'è ora sul server).',
    'Someone changed this contact since you opened it: {fields}. Their values are shown; what you '
    'typed is kept.': 'Qualcuno ha modificato questo contatto dopo che l\'hai aperto: {fields}. Sono '
    'mostrati i suoi valori; quello che hai scritto resta.',
    'They also changed {fields}, as you did: choose below what to keep, then save.':
        'Ha modificato anche {fields}, come te: scegli qui sotto cosa tenere, poi salva.',
    'C&hange contacts…': 'Modifica &contatti…',
    'Set fields on the selected or all matching contacts, with Undo': 'Imposta campi sui contatti selezionati o su tutti i corrispondenti, con Annulla',
    'Export contacts': 'Esporta contatti',
    'The selected contacts ({n})': 'I contatti selezionati ({n})',
    'All contacts matching the filters and search': 'Tutti i contatti che corrispondono a filtri e ricerca',
    'Format': 'Formato',
    '&Export…': '&Esporta…',
    'Contacts:': 'Contatti:',
    '&Format:': '&Formato:',
    'Export to': 'Esporta in',
    'Exporting…': 'Esportazione…',
    'Nothing was written.': 'Non è stato scritto nulla.',
    'Cancelled: {path} was not written (a file already there is as it was).': "Annullato: {path} non è stato scritto (un file già presente è rimasto com'era).",
    'Save the selected or all matching contacts as CSV, Excel or vCard': 'Salva i contatti selezionati o tutti quelli corrispondenti come CSV, Excel o vCard',
    'Not in the window yet: the command line imports CSV, Excel and vCard files (contact-desk import FILE --account NAME).': 'Non ancora nella finestra: la riga di comando importa file CSV, Excel e vCard (contact-desk import FILE --account NOME).',
    'Click to sort the whole list by this column (again: the other way, a third time: newest first)': "Fai clic per ordinare tutto l'elenco per questa colonna (di nuovo: al contrario, una terza volta: dal più recente)",
    'The offline copy cannot be read: {reason}': 'La copia offline non si può leggere: {reason}',
    'Search name, email or tags': 'Cerca nome, email o tag',
    'Offline: comes back when the server answers': 'Offline: torna disponibile quando il server risponde',
    'The offline copy cannot be opened ({reason}); the list comes from the server.': "La copia offline non si può aprire ({reason}); l'elenco arriva dal server.",
    'The offline copy was damaged: it was set aside and is being built again.': 'La copia offline era danneggiata: è stata messa da parte e viene ricostruita.',
    'The offline copy cannot be used: {reason}': 'La copia offline non si può usare: {reason}',
    'The offline copy could not be deleted: {reason}': 'Non è stato possibile eliminare la copia offline: {reason}',
    '&Sync the offline copy now': '&Sincronizza ora la copia offline',
    'Bring every contact of this account into the offline copy': 'Porta tutti i contatti di questo account nella copia offline',
    '&Keep an offline copy': '&Tieni una copia offline',
    "A copy of this account's contacts on this computer: search and sorting of every contact, and the list when offline": "Una copia dei contatti di questo account su questo computer: ricerca e ordinamento di tutti i contatti, e l'elenco anche offline",
    '&Forget the offline copy…': '&Dimentica la copia offline…',
    "Delete this account's copy from this computer and keep none": 'Elimina la copia di questo account da questo computer e non tenerne più',
    'Sync &every': 'Sincronizza &ogni',
    '{n} minutes': '{n} minuti',
    '1 hour': '1 ora',
    '{n} hours': '{n} ore',
    'Offline copy from {time}': 'Copia offline delle {time}',
    'Searched in the copy synced {when}': 'Cercato nella copia sincronizzata {when}',
    'From the offline copy, synced {when}': 'Dalla copia offline, sincronizzata {when}',
    'Syncing the offline copy: {done} of {total} contacts': 'Sincronizzazione della copia offline: {done} di {total} contatti',
    'about {n} s left': 'mancano circa {n} s',
    'about {n} min left': 'mancano circa {n} min',
    'Syncing the offline copy…': 'Sincronizzazione della copia offline…',
    'never': 'mai',
    'just now': 'proprio ora',
    '1 minute ago': '1 minuto fa',
    '{n} minutes ago': '{n} minuti fa',
    '1 hour ago': '1 ora fa',
    '{n} hours ago': '{n} ore fa',
    'on {date}': 'il {date}',
    'Offline: the server cannot be reached. Showing the offline copy from {time}; creating and editing come back when the server answers.': 'Offline: il server non è raggiungibile. Viene mostrata la copia offline delle {time}; creazione e modifica tornano quando il server risponde.',
    'Sorting needs a complete offline copy: it is offered as soon as the sync has finished.': "Per ordinare serve la copia offline completa: l'ordinamento è disponibile appena la sincronizzazione finisce.",
    'Sorting needs an offline copy of this account (File → Offline copy → Keep an offline copy): the server lists newest first only.': 'Per ordinare serve una copia offline di questo account (File → Copia offline → Tieni una copia offline): il server elenca solo dal più recente.',
    'The offline copy is synced in full every {n} minutes.': 'La copia offline viene sincronizzata per intero ogni {n} minuti.',
    'Forget the offline copy': 'Dimentica la copia offline',
    'Delete the offline copy of {name} from this computer? Searching and sorting then need the server (SmartCQ cannot search), and nothing is shown offline. The contacts on the server are not touched.': 'Eliminare da questo computer la copia offline di {name}? Ricerca e ordinamento avranno bisogno del server (SmartCQ non sa cercare) e offline non verrà mostrato nulla. I contatti sul server non vengono toccati.',
    '&Delete the copy': '&Elimina la copia',
    'The offline copy was deleted.': 'La copia offline è stata eliminata.',
    '&Offline copy': 'Copia &offline',
    "Status": "Stato",
    "Details": "Dettagli",
    "Error": "Errore",
    "Listed newest first, in the server's order": "Elencati dal più recente, nell'ordine del server",
    "Account": "Account",
    "Contacts": "Contatti",
    "&New contact": "&Nuovo contatto",
    "&Edit contact": "&Modifica contatto",
    "&Accounts…": "Gestisci gli &account…",
    "Add, change, test or remove accounts": "Aggiungi, modifica, prova o rimuovi account",
    "&Import…": "&Importa…",
    "E&xport…": "E&sporta…",
    "Not available yet: comes with import and export from the window. The command line can export now (contact-desk export).": "Non ancora disponibile: arriverà con importazione ed esportazione dalla finestra. La riga di comando può già esportare (contact-desk export).",
    "&Copy": "&Copia",
    "Copy the selected rows, to paste into a spreadsheet": "Copia le righe selezionate, da incollare in un foglio di calcolo",
    "Select &all": "Seleziona &tutto",
    "&Find": "&Trova",
    "Go to the search or the filters (Ctrl+F)": "Vai alla ricerca o ai filtri (Ctrl+F)",
    "&Refresh": "&Aggiorna",
    "Show &details": "Mostra &dettagli",
    "&Compact rows": "Righe &compatte",
    "&Keyboard shortcuts": "&Scorciatoie da tastiera",
    "&About Contact Desk": "&Informazioni su Contact Desk",
    "C&olumns": "C&olonne",
    "&File": "&File",
    "&Edit": "&Modifica",
    "&View": "&Visualizza",
    "&Help": "&Aiuto",
    "&Edit…": "&Modifica…",
    "Copy &name": "Copia &nome",
    "Copy e&mail": "Copia e&mail",
    "Copy &phone": "Copia &telefono",
    "Copy as &vCard": "Copia come &vCard",
    "&Send email": "&Invia email",
    "&Call": "&Chiama",
    "Open &website": "Apri sito &web",
    "Edit the selected contact": "Modifica il contatto selezionato",
    "Save the form": "Salva il modulo",
    "Close the form (asks if anything changed)": "Chiudi il modulo (chiede se qualcosa è cambiato)",
    "Search or filters": "Ricerca o filtri",
    "Load the list again": "Ricarica l'elenco",
    "Copy the selected rows": "Copia le righe selezionate",
    "Select all loaded rows": "Seleziona tutte le righe caricate",
    "Show or hide the details": "Mostra o nascondi i dettagli",
    "Quit": "Esci",
    "Keyboard shortcuts": "Scorciatoie da tastiera",
    "A desktop contact manager for contacts behind a REST API.": "Un gestore di contatti desktop per contatti dietro una API REST.",
    "Qt {qt}, PySide6 {pyside}": "Qt {qt}, PySide6 {pyside}",
    "Keys kept in: {keyring}": "Chiavi conservate in: {keyring}",
    "About Contact Desk": "Informazioni su Contact Desk",
    "&Quit": "&Esci",
    "&Save": "&Salva",
    "&Discard": "&Non salvare",
    "&Cancel": "&Annulla",
    "kept in memory for this demo (type to replace)": "tenuta in memoria per questa demo (scrivi per sostituirla)",
    "Building the demo data: {done} of {total} contacts ({share})": "Preparazione dei dati demo: {done} di {total} contatti ({share})",
    "The tag “{tag}” does not exist in this account.": "Il tag «{tag}» non esiste in questo account.",
    "A tag does not exist in this account.": "Un tag non esiste in questo account.",
    "Checking the key…": "Verifica della chiave…",
    "Nothing was saved.": "Non è stato salvato nulla.",
    "Saved. This key can only read: creating and editing are off for this account.": "Salvato. Questa chiave può solo leggere: per questo account creare e modificare sono disattivati.",
    "The key could not be checked: {reason}": "Non è stato possibile verificare la chiave: {reason}",
    "&Save anyway": "&Salva comunque",
    "Not saved: the key could not be checked.": "Non salvato: non è stato possibile verificare la chiave.",
    "Remove {name}? Its key is deleted from the keyring; the contacts on the server are not touched.": "Rimuovere {name}? La sua chiave viene cancellata dal portachiavi; i contatti sul server non vengono toccati.",
    "&Remove": "&Rimuovi",
    "This key can only read: it cannot create or edit contacts.": "Questa chiave può solo leggere: non può creare né modificare contatti.",
    "Loading…": "Caricamento…",
    "1 contact": "1 contatto",
    "{count} contacts": "{count} contatti",
    "{rows} shown, more below": "{rows} mostrati, altri più in basso",
    "Accounts": "Account",
    "Name": "Nome",
    "Service": "Servizio",
    "Address": "Indirizzo",
    "API key": "Chiave API",
    "New": "Nuovo",
    "Save": "Salva",
    "Remove": "Rimuovi",
    "Test connection": "Prova connessione",
    "stored in the system keyring (type to replace)": "salvata nel portachiavi di sistema (scrivi per sostituirla)",
    "paste the API key": "incolla la chiave API",
    "Enter the API key.": "Inserisci la chiave API.",
    "Saved.": "Salvato.",
    "Removed {name}.": "{name} rimosso.",
    "Testing…": "Prova in corso…",
    "The connection works.": "La connessione funziona.",
    "This field is required.": "Campo obbligatorio.",
    "This is not a valid email address.": "Questo non è un indirizzo email valido.",
    "This is not a phone number.": "Questo non è un numero di telefono.",
    "This phone number is not valid (use the international form, e.g. +39…).": "Numero di telefono non valido (usa il formato internazionale, es. +39…).",
    "This is not a web address (e.g. https://www.example.com).": "Questo non è un indirizzo web (es. https://www.example.com).",
    "Use a two-letter country code, like IT.": "Usa un codice paese di due lettere, come IT.",
    "Choose one of the listed values.": "Scegli uno dei valori in elenco.",
    "New contact": "Nuovo contatto",
    "Edit contact": "Modifica contatto",
    "Open existing": "Apri esistente",
    "Fill in at least one of first name, last name, company, phone or email.": "Compila almeno uno tra nome, cognome, azienda, telefono o email.",
    "Retry": "Riprova",
    "Cancel": "Annulla",
    "Create": "Crea",
    "A contact with this email already exists.": "Esiste già un contatto con questa email.",
    "A contact with this email already exists, and it is archived.": "Esiste già un contatto con questa email, ed è archiviato.",
    "This key can only read — ask for a key with contacts:write.": "Questa chiave può solo leggere: chiedi una chiave con contacts:write.",
    "This contact no longer exists. What you typed is still here to copy.": "Questo contatto non esiste più. Quello che hai scritto è ancora qui da copiare.",
    "This server does not support editing contacts.": "Questo server non permette di modificare i contatti.",
    "Nothing you typed is lost: press Retry.": "Non hai perso nulla di ciò che hai scritto: premi Riprova.",
    "No API key is stored for {name}. Open Accounts…, select the account, type its key and press Save.": "Nessuna chiave API salvata per {name}. Apri Account, seleziona l'account, scrivi la sua chiave e premi Salva.",
    "The system keyring is locked. Unlock it (your login password usually does) and press Retry.": "Il portachiavi di sistema è bloccato. Sbloccalo (di solito basta la password di accesso) e premi Riprova.",
    "Retry looks for it first and sends it again only if it is not there.": "Riprova prima lo cerca e lo invia di nuovo solo se non c'è.",
    "The server may have created this contact, but its answer was lost and Contact Desk could not find it among the newest contacts. Check the list before trying again.": "Il server potrebbe aver creato questo contatto, ma la sua risposta è andata persa e Contact Desk non l'ha trovato tra i contatti più recenti. Controlla l'elenco prima di riprovare.",
    "Save the changes to this contact?": "Salvare le modifiche a questo contatto?",
    "request id": "id richiesta",
    "Edit…": "Modifica…",
    "No contact selected": "Nessun contatto selezionato",
    "(no name)": "(senza nome)",
    "Copy": "Copia",
    "Copy {field}": "Copia {field}",
    "Dismiss": "Chiudi",
    "Any": "Tutti",
    "Search name, email, phone or company": "Cerca nome, email, telefono o azienda",
    "Contact Desk": "Contact Desk",
    "Main": "Principale",
    "Account:": "Account:",
    "Accounts…": "Account…",
    "Create a contact (Ctrl+N)": "Crea un contatto (Ctrl+N)",
    "Edit": "Modifica",
    "Edit the selected contact (Ctrl+E, Enter)": "Modifica il contatto selezionato (Ctrl+E, Invio)",
    "Refresh": "Aggiorna",
    "Load the contacts again (F5)": "Ricarica i contatti (F5)",
    "Loading": "Caricamento",
    "Starting the demo…": "Avvio della demo…",
    "Starting the demo sandbox…": "Avvio del server di prova…",
    "The demo could not start: {error}": "Non è stato possibile avviare la demo: {error}",
    "Demo {dialect}": "Demo {dialect}",
    "Contact created": "Contatto creato",
    "Contact saved": "Contatto salvato",
    "{loaded} loaded of {total} contacts": "{loaded} caricati su {total} contatti",
    "{rows}{more} contacts": "{rows}{more} contatti",
    "No contacts match": "Nessun contatto corrisponde",
    "This account has no contacts yet": "Questo account non ha ancora contatti",
    "Reset columns": "Ripristina colonne",
    "Welcome to Contact Desk": "Benvenuto in Contact Desk",
    "Add the account of your contact service with its API key, or try Contact Desk on demo data first: "
    "nothing is sent anywhere.": "Aggiungi l'account del tuo servizio contatti con la sua chiave API, oppure prova prima Contact Desk "
    "su dati dimostrativi: non viene inviato nulla.",
    "Add account…": "Aggiungi account…",
    "Try the demo": "Prova la demo",
    "Active": "Attivo",
    "Unsubscribed": "Disiscritto",
    "Bounced": "Rimbalzato",
    "Complained": "Segnalato come spam",
    "Suppressed": "Soppresso",
    "Pending review": "In revisione",
    "Lead": "Lead",
    "Prospect": "Potenziale cliente",
    "Customer": "Cliente",
    "Former customer": "Ex cliente",
    "Contract": "Contratto",
    "Consent": "Consenso",
    "Legitimate interest": "Legittimo interesse",
    "Email": "Email",
    "First name": "Nome",
    "Last name": "Cognome",
    "Email status": "Stato email",
    "Stage": "Fase",
    "Tags": "Tag",
    "Source": "Origine",
    "Created": "Creato",
    "Updated": "Aggiornato",
    "Acquired": "Acquisito",
    "Archived": "Archiviato",
    "ID": "ID",
    "Include archived": "Includi archiviati",
    "Person": "Persona",
    "Phone": "Telefono",
    "Birthday": "Compleanno",
    "Company": "Azienda",
    "Job title": "Ruolo",
    "Website": "Sito web",
    "Street": "Via",
    "City": "Città",
    "Province / state": "Provincia / stato",
    "Postal code": "CAP",
    "Country": "Paese",
    "Notes": "Note",
    "Search": "Cerca",
    "tags, separated by commas": "tag, separati da virgole",
    "no date": "nessuna data",
    "The server refused this account's API key. It may be wrong, revoked or expired: edit the account and "
    "enter a valid key.": "Il server ha rifiutato la chiave API di questo account. Potrebbe essere errata, revocata o scaduta: "
    "modifica l'account e inserisci una chiave valida.",
    "This key is not allowed to do that (it can only read). Ask for a key with the contacts:write scope.": "Questa chiave non può farlo (può solo leggere). Chiedi una chiave con lo scope contacts:write.",
    "The server did not answer in time. Check your connection and try again.": "Il server non ha risposto in tempo. Controlla la connessione e riprova.",
    "Cannot reach the server. Check your connection and try again.": "Impossibile raggiungere il server. Controlla la connessione e riprova.",
    "The server is receiving too many requests. Wait a moment and try again.": "Il server sta ricevendo troppe richieste. Attendi un momento e riprova.",
    "The server had a problem and could not answer. Try again in a moment.": "Il server ha avuto un problema e non ha potuto rispondere. Riprova tra poco.",
    "The server sent an answer Contact Desk cannot read.": "Il server ha inviato una risposta che Contact Desk non sa leggere.",
    "This contact no longer exists.": "Questo contatto non esiste più.",
    "This account's settings are not valid: {detail}": "Le impostazioni di questo account non sono valide: {detail}",
    "The server said: {message}": "Il server ha risposto: {message}",
    "Something unexpected went wrong: {error}": "Si è verificato un errore imprevisto: {error}",
    "(request id {rid})": "(id richiesta {rid})",
    "What you typed is still here to copy.": "Quello che hai scritto è ancora qui da copiare.",
    "“Not duplicates” could not be remembered: the settings folder cannot be written.":
        "“Non sono duplicati” non è stato ricordato: la cartella delle impostazioni non è scrivibile.",
    "Another Contact Desk is updating this account's offline copy: try again when it has finished.":
        "Un altro Contact Desk sta aggiornando la copia offline di questo account: riprova quando ha finito.",
    "The offline copy cannot be used now ({str}).": "La copia offline non può essere usata ora ({str}).",
    "This account's settings are not valid: {message}": "Le impostazioni di questo account non sono valide: {message}",
    "The tag “{tag}” does not exist in this account. The server said: {message}":
        "Il tag “{tag}” non esiste in questo account. Il server ha risposto: {message}",
    "The server refused a value: {message}": "Il server ha rifiutato un valore: {message}",
    "A tag does not exist in this account. The server said: {message}":
        "Un tag non esiste in questo account. Il server ha risposto: {message}",
    "The search and filters of this list hid the contact: every contact is shown now.":
        "La ricerca e i filtri di questo elenco nascondevano il contatto: ora sono mostrati tutti i contatti.",
    "Back to your list": "Torna al tuo elenco",
    "This contact is not in the list (it may have been archived or removed).":
        "Questo contatto non è nell'elenco (potrebbe essere stato archiviato o rimosso).",
    "This contact is not among the first {n} contacts of the list: search for it to see it.":
        "Questo contatto non è tra i primi {n} contatti dell'elenco: cercalo per vederlo.",
    "The choice could not be remembered: the settings folder cannot be written.":
        "La scelta non è stata ricordata: la cartella delle impostazioni non è scrivibile.",
    "not sent: the server refused the account's key": "non inviato: il server ha rifiutato la chiave dell'account",
    "The server's certificate has expired or is not valid yet ({detail}). Check this computer's date and time; if they are right, tell whoever runs the server.":
        "Il certificato del server è scaduto o non è ancora valido ({detail}). Controlla la data e l'ora di questo computer; se sono giuste, avvisa chi gestisce il server.",
    "The server's certificate is for another name ({detail}): check the account's address.":
        "Il certificato del server è per un altro nome ({detail}): controlla l'indirizzo dell'account.",
    "The server's certificate is not trusted ({detail}). Your company may inspect secure connections: ask IT for its certificate, or have it installed in this computer's certificate store.":
        "Il certificato del server non è attendibile ({detail}). La tua azienda potrebbe ispezionare le connessioni sicure: chiedi all'IT il suo certificato, o fallo installare nell'archivio dei certificati di questo computer.",
    "The proxy {proxy} asks for a user name and password (407): give them in File → Network settings…, or ask IT.":
        "Il proxy {proxy} chiede nome utente e password (407): inseriscili in File → Impostazioni di rete…, o chiedi all'IT.",
    "The proxy {proxy} refused the connection{status}: ask IT whether this address is allowed.":
        "Il proxy {proxy} ha rifiutato la connessione{status}: chiedi all'IT se questo indirizzo è consentito.",
    "The proxy {proxy} cannot be reached: check this computer's proxy settings (or HTTPS_PROXY), or ask IT.":
        "Il proxy {proxy} non è raggiungibile: controlla le impostazioni proxy di questo computer (o HTTPS_PROXY), o chiedi all'IT.",
    "The server's name was not found: check the account's address, and that this network is connected.":
        "Il nome del server non è stato trovato: controlla l'indirizzo dell'account e che questa rete sia connessa.",
    "Nothing answers at the server's address: check the account's address and port, or try again later.":
        "All'indirizzo del server non risponde nessuno: controlla indirizzo e porta dell'account, o riprova più tardi.",
    "directly": "direttamente",
    "through the proxy {proxy}": "attraverso il proxy {proxy}",
    "Reached {via} in {ms} ms.": "Raggiunto {via} in {ms} ms.",
    "Certificate issued by {issuer}, valid until {date}.": "Certificato emesso da {issuer}, valido fino al {date}.",
    "Network settings": "Impostazioni di rete",
    "How Contact Desk reaches the servers. Addresses of this computer (the demo) are always reached directly.":
        "Come Contact Desk raggiunge i server. Gli indirizzi di questo computer (la demo) si raggiungono sempre direttamente.",
    "direct": "diretta",
    "Use the &system's proxy settings (now: {now})": "Usa le impostazioni proxy del &sistema (ora: {now})",
    "Use &this proxy:": "Usa &questo proxy:",
    "Connect &directly, with no proxy": "Connettiti &direttamente, senza proxy",
    "only if the proxy asks for one": "solo se il proxy lo chiede",
    "kept in the system keyring": "conservata nel portachiavi di sistema",
    "&Address:": "&Indirizzo:",
    "&User name:": "&Nome utente:",
    "&Password:": "&Password:",
    "User name": "Nome utente",
    "Password": "Password",
    "&Network settings…": "Impostazioni di &rete…",
    "How the servers are reached: the system's proxies, one proxy, or direct":
        "Come si raggiungono i server: i proxy del sistema, un proxy, o direttamente",
    "A proxy's address starts with http:// or https:// and names a host, like http://proxy.example.com:8080":
        "L'indirizzo di un proxy comincia con http:// o https:// e nomina un host, come http://proxy.example.com:8080",
    "Give the user name and the password in their own fields, not in the address":
        "Scrivi nome utente e password nei loro campi, non nell'indirizzo",
    "The network settings cannot be saved: {reason}": "Le impostazioni di rete non possono essere salvate: {reason}",
}


def country_names() -> dict[str, str]:
    """Italian country names keyed by Qt's English ones (what the app looks up in the
    "countries" context), from the CLDR through Babel: the same source as the importer's
    table (resources/countries.tsv), so a name the window shows or exports reads back as its
    country. Build time only."""
    from babel import Locale
    from PySide6.QtCore import QLocale

    italian = Locale.parse("it").territories
    names: dict[str, str] = {}
    for territory in QLocale.Country:
        code = QLocale.territoryToCode(territory)
        if territory != QLocale.Country.AnyTerritory and code in italian:
            names[QLocale.territoryToString(territory)] = italian[code]
    return names


def add_countries(root: ET.Element) -> None:
    """Replaces the "countries" context (lupdate cannot see these runtime names)."""
    for old in [c for c in root.findall("context") if c.findtext("name") == "countries"]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = "countries"
    for english, italian in sorted(country_names().items()):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = english
        ET.SubElement(message, "translation").text = italian


def main() -> int:
    tree = ET.parse(TS)
    add_countries(tree.getroot())
    missing = []
    for context in tree.getroot().findall("context"):
        if context.findtext("name") != "countries":
            missing += translate(context)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


def translate(context: ET.Element) -> list[str]:
    missing = []
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        if message.get("numerus") == "yes":
            if not fill_plural(message, 1):
                missing.append(source)
            continue
        translation = message.find("translation")
        assert translation is not None
        if source in IT:
            translation.text = IT[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    return missing


if __name__ == "__main__":
    raise SystemExit(main())
