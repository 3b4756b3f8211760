<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&lt;b&gt;Account&lt;/b&gt;&lt;p&gt;The account whose contacts are shown. Each account is one organisation&apos;s contacts on a SmartCQ or Replicer server; its key is kept in your system&apos;s keyring, never in a file. &lt;i&gt;Accounts…&lt;/i&gt; adds, tests or removes them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Account&lt;/b&gt;&lt;p&gt;L&apos;account di cui vedi i contatti. Ogni account sono i contatti di un&apos;organizzazione su un server SmartCQ o Replicer; la sua chiave è custodita nel portachiavi del sistema, mai in un file. &lt;i&gt;Gestisci gli account…&lt;/i&gt; li aggiunge, li prova o li rimuove.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chiave API</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuovo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ri&amp;muovi</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Prova connessione</translation>
    </message>
    <message>
        <source>kept in memory for this demo (type to replace)</source>
        <translation>tenuta in memoria per questa demo (scrivi per sostituirla)</translation>
    </message>
    <message>
        <source>stored in the system keyring (type to replace)</source>
        <translation>salvata nel portachiavi di sistema (scrivi per sostituirla)</translation>
    </message>
    <message>
        <source>paste the API key</source>
        <translation>incolla la chiave API</translation>
    </message>
    <message>
        <source>Save the account you have typed?</source>
        <translation>Salvare l&apos;account che hai scritto?</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Inserisci la chiave API.</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Verifica della chiave…</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Non è stato salvato nulla.</translation>
    </message>
    <message>
        <source>Saved. This key can only read: creating and editing are off for this account.</source>
        <translation>Salvato. Questa chiave può solo leggere: per questo account creare e modificare sono disattivati.</translation>
    </message>
    <message>
        <source>The key could not be checked: {reason}</source>
        <translation>Non è stato possibile verificare la chiave: {reason}</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Salva comunque</translation>
    </message>
    <message>
        <source>Not saved: the key could not be checked.</source>
        <translation>Non salvato: non è stato possibile verificare la chiave.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
    <message>
        <source>Remove {name}? Its key is deleted from the keyring; the contacts on the server are not touched.</source>
        <translation>Rimuovere {name}? La sua chiave viene cancellata dal portachiavi; i contatti sul server non vengono toccati.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>{name} rimosso.</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>direttamente</translation>
    </message>
    <message>
        <source>through the proxy {proxy}</source>
        <translation>attraverso il proxy {proxy}</translation>
    </message>
    <message>
        <source>Reached {via} in {ms} ms.</source>
        <translation>Raggiunto {via} in {ms} ms.</translation>
    </message>
    <message>
        <source>Certificate issued by {issuer}, valid until {date}.</source>
        <translation>Certificato emesso da {issuer}, valido fino al {date}.</translation>
    </message>
    <message>
        <source>The server refused this API key: it may be mistyped, revoked, expired or for another service. Check it and enter it again.</source>
        <translation>Il server ha rifiutato questa chiave API: potrebbe essere scritta male, revocata, scaduta o di un altro servizio. Controllala e inseriscila di nuovo.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Prova in corso…</translation>
    </message>
    <message numerus="yes">
        <source>The connection works: %Ln contact(s).</source>
        <translation>
            <numerusform>La connessione funziona: %Ln contatto.</numerusform>
            <numerusform>La connessione funziona: %Ln contatti.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>La connessione funziona.</translation>
    </message>
    <message>
        <source>This key can only read: it cannot create or edit contacts.</source>
        <translation>Questa chiave può solo leggere: non può creare né modificare contatti.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Click a bar to list its contacts</source>
        <translation>Fai clic su una barra per elencarne i contatti</translation>
    </message>
</context>
<context>
    <name>Browse</name>
    <message>
        <source>The offline copy is in use by another program: {reason}</source>
        <translation>La copia offline è in uso da un altro programma: {reason}</translation>
    </message>
    <message>
        <source>The search and filters of this list hid the contact: every contact is shown now.</source>
        <translation>La ricerca e i filtri di questo elenco nascondevano il contatto: ora sono mostrati tutti i contatti.</translation>
    </message>
    <message>
        <source>Back to your list</source>
        <translation>Torna al tuo elenco</translation>
    </message>
    <message>
        <source>This contact is not in the list (it may have been archived or removed).</source>
        <translation>Questo contatto non è nell&apos;elenco (potrebbe essere stato archiviato o rimosso).</translation>
    </message>
    <message>
        <source>This contact is not among the first {n} contacts of the list: search for it to see it.</source>
        <translation>Questo contatto non è tra i primi {n} contatti dell&apos;elenco: cercalo per vederlo.</translation>
    </message>
    <message>
        <source>Contact created. The filters or the search hide it from the list.</source>
        <translation>Contatto creato. I filtri o la ricerca lo nascondono dall&apos;elenco.</translation>
    </message>
    <message>
        <source>Show it</source>
        <translation>Mostralo</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Change contacts</source>
        <translation>Modifica contatti</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla modifica</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message numerus="yes">
        <source>Change %Ln contact(s): {what}?</source>
        <translation>
            <numerusform>Modificare %Ln contatto: {what}?</numerusform>
            <numerusform>Modificare %Ln contatti: {what}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Change %Ln contact(s)</source>
        <translation>
            <numerusform>&amp;Modifica %Ln contatto</numerusform>
            <numerusform>&amp;Modifica %Ln contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>Change all matching contacts: {what}?</source>
        <translation>Modificare tutti i contatti corrispondenti: {what}?</translation>
    </message>
    <message>
        <source>&amp;Change all matching contacts</source>
        <translation>&amp;Modifica tutti i contatti corrispondenti</translation>
    </message>
    <message>
        <source>More than {n} contacts: narrow the filter or search first</source>
        <translation>Più di {n} contatti: restringi prima filtri o ricerca</translation>
    </message>
    <message>
        <source>Reading the contacts…</source>
        <translation>Lettura dei contatti…</translation>
    </message>
    <message>
        <source>Changed {changed}; {already} already had these values; {failed} failed</source>
        <translation>Modificati {changed}; {already} avevano già questi valori; {failed} non riusciti</translation>
    </message>
    <message>
        <source>{n} not sent (cancelled)</source>
        <translation>{n} non inviati (annullato)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Offline: {kept} changes kept on this computer, sent when the server answers (View → Outbox); {already} already had these values.</source>
        <translation>Offline: {kept} modifiche conservate su questo computer, inviate quando il server risponde (Visualizza → In uscita); {already} avevano già questi valori.</translation>
    </message>
    <message>
        <source>, about {n} s left</source>
        <translation>, mancano circa {n} s</translation>
    </message>
    <message>
        <source>{done} of {total} done{left}</source>
        <translation>{done} di {total} fatti{left}</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Riprendi</translation>
    </message>
    <message>
        <source>Putting the previous values back…</source>
        <translation>Ripristino dei valori precedenti…</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Change this filter (Enter); remove it (Delete)</source>
        <translation>Modifica questo filtro (Invio); rimuovilo (Canc)</translation>
    </message>
    <message>
        <source>Filter: {filter}</source>
        <translation>Filtro: {filter}</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Rimuovi questo filtro</translation>
    </message>
    <message>
        <source>Remove the filter {filter}</source>
        <translation>Rimuovi il filtro {filter}</translation>
    </message>
</context>
<context>
    <name>ClashPanel</name>
    <message>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Tieni il mio</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendi il loro</translation>
    </message>
    <message>
        <source>Someone else changed this field too.</source>
        <translation>Anche qualcun altro ha modificato questo campo.</translation>
    </message>
    <message>
        <source>Yours: {value}</source>
        <translation>Il tuo: {value}</translation>
    </message>
    <message>
        <source>On the server now: {value}</source>
        <translation>Ora sul server: {value}</translation>
    </message>
    <message>
        <source>Before: {value}</source>
        <translation>Prima: {value}</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Filter by {field}</source>
        <translation>Filtra per {field}</translation>
    </message>
    <message>
        <source>&amp;Keep contacts whose {field}</source>
        <translation>&amp;Mostra i contatti in cui {field}</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>questo mese</translation>
    </message>
    <message>
        <source>next month</source>
        <translation>il mese prossimo</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>&amp;Valore</translation>
    </message>
    <message>
        <source>Type what {field} should contain or be.</source>
        <translation>Scrivi cosa deve contenere o valere il campo {field}.</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>This field is required.</source>
        <translation>Campo obbligatorio.</translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation>Questo non è un indirizzo email valido.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Questo non è un numero di telefono.</translation>
    </message>
    <message>
        <source>This phone number is not valid (use the international form, e.g. +39…).</source>
        <translation>Numero di telefono non valido (usa il formato internazionale, es. +39…).</translation>
    </message>
    <message>
        <source>This is not a web address (e.g. https://www.example.com).</source>
        <translation>Questo non è un indirizzo web (es. https://www.example.com).</translation>
    </message>
    <message>
        <source>Use a two-letter country code, like IT.</source>
        <translation>Usa un codice paese di due lettere, come IT.</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>Scegli uno dei valori in elenco.</translation>
    </message>
    <message>
        <source>This is not a date: type it like {example} or 1990-03-15.</source>
        <translation>Questa non è una data: scrivila come {example} o 1990-03-15.</translation>
    </message>
    <message>
        <source>{fields} cannot be changed here: {service} does not let them be changed after a contact is created.</source>
        <translation>{fields} non si può modificare qui: {service} non ne consente la modifica dopo la creazione del contatto.</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuovo contatto</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifica contatto</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>Apri esistente</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Fill in at least one of first name, last name, company, phone or email.</source>
        <translation>Compila almeno uno tra nome, cognome, azienda, telefono o email.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>What you typed is still here to copy.</source>
        <translation>Quello che hai scritto è ancora qui da copiare.</translation>
    </message>
    <message>
        <source>Retry looks for it first and sends it again only if it is not there.</source>
        <translation>Riprova prima lo cerca e lo invia di nuovo solo se non c&apos;è.</translation>
    </message>
    <message>
        <source>Nothing you typed is lost: press Retry.</source>
        <translation>Non hai perso nulla di ciò che hai scritto: premi Riprova.</translation>
    </message>
    <message>
        <source>Save this new contact?</source>
        <translation>Salvare questo nuovo contatto?</translation>
    </message>
    <message>
        <source>Save the changes to this contact?</source>
        <translation>Salvare le modifiche a questo contatto?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Non salvare</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>The server cannot be reached</source>
        <translation>Il server non è raggiungibile</translation>
    </message>
    <message>
        <source>{why}: the change is kept on this computer and will be sent when the server answers (View → Outbox).</source>
        <translation>{why}: la modifica è conservata su questo computer e sarà inviata quando il server risponde (Visualizza → In uscita).</translation>
    </message>
    <message>
        <source>Changed by someone else since you opened it, and kept: {fields}.</source>
        <translation>Modificato da qualcun altro dopo che l&apos;hai aperto, e mantenuto: {fields}.</translation>
    </message>
    <message>
        <source>Changed by someone else while you saved: {fields} (shown as the server has them now).</source>
        <translation>Modificato da qualcun altro mentre salvavi: {fields} (mostrato com&apos;è ora sul server).</translation>
    </message>
    <message>
        <source>Someone changed this contact since you opened it: {fields}. Their values are shown; what you typed is kept.</source>
        <translation>Qualcuno ha modificato questo contatto dopo che l&apos;hai aperto: {fields}. Sono mostrati i suoi valori; quello che hai scritto resta.</translation>
    </message>
    <message>
        <source>They also changed {fields}, as you did: choose below what to keep, then save.</source>
        <translation>Ha modificato anche {fields}, come te: scegli qui sotto cosa tenere, poi salva.</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Click to sort the whole list by this column (again: the other way, a third time: newest first)</source>
        <translation>Fai clic per ordinare tutto l&apos;elenco per questa colonna (di nuovo: al contrario, una terza volta: dal più recente)</translation>
    </message>
    <message>
        <source>Listed newest first, in the server&apos;s order</source>
        <translation>Elencati dal più recente, nell&apos;ordine del server</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>In attesa di invio</translation>
    </message>
    <message>
        <source>The offline copy cannot be read: {reason}</source>
        <translation>La copia offline non si può leggere: {reason}</translation>
    </message>
</context>
<context>
    <name>ContactTableView</name>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contacts&lt;/b&gt;&lt;p&gt;The contacts of the account shown that match the search and the filters; more load as you scroll. Enter or a double click edits one; Ctrl+click and Shift+click select several, to change, export, print or email them together. Click a column&apos;s header to sort; right-click a row for everything else.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Contatti&lt;/b&gt;&lt;p&gt;I contatti dell&apos;account mostrato che corrispondono alla ricerca e ai filtri; gli altri si caricano scorrendo. Invio o un doppio clic ne modifica uno; Ctrl+clic e Maiusc+clic ne selezionano diversi, per modificarli, esportarli, stamparli o scrivere loro insieme. Fai clic sull&apos;intestazione di una colonna per ordinare; clic destro su una riga per tutto il resto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} selezionati</translation>
    </message>
    <message>
        <source>No contacts match</source>
        <translation>Nessun contatto corrisponde</translation>
    </message>
    <message>
        <source>This account has no contacts yet</source>
        <translation>Questo account non ha ancora contatti</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 contatto</translation>
    </message>
    <message>
        <source>{count} contacts</source>
        <translation>{count} contatti</translation>
    </message>
    <message>
        <source>{rows} shown, more below</source>
        <translation>{rows} mostrati, altri più in basso</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s)</source>
        <translation>
            <numerusform>Copiata %Ln riga</numerusform>
            <numerusform>Copiate %Ln righe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln not loaded yet left out)</source>
        <translation>
            <numerusform>(%Ln non ancora caricata esclusa)</numerusform>
            <numerusform>(%Ln non ancora caricate escluse)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Ripristina colonne</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Building the demo data: {done} of {total} contacts ({share})</source>
        <translation>Preparazione dei dati demo: {done} di {total} contatti ({share})</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <translation>Avvio della demo…</translation>
    </message>
    <message>
        <source>Starting the demo sandbox…</source>
        <translation>Avvio del server di prova…</translation>
    </message>
    <message>
        <source>The demo could not start: {error}</source>
        <translation>Non è stato possibile avviare la demo: {error}</translation>
    </message>
    <message>
        <source>Demo {dialect}</source>
        <translation>Demo {dialect}</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <source>&lt;b&gt;Details&lt;/b&gt;&lt;p&gt;Every field of the selected contact, as people read them: phones grouped, countries by name, dates in your format. Select a value to copy it, or use its copy button. F9 shows or hides this pane.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Dettagli&lt;/b&gt;&lt;p&gt;Tutti i campi del contatto selezionato, come si leggono: telefoni a gruppi di cifre, paesi per nome, date nel tuo formato. Seleziona un valore per copiarlo, o usa il suo pulsante di copia. F9 mostra o nasconde questo riquadro.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Waiting to be sent: changed on this computer while the server could not be reached (View → Outbox).</source>
        <translation>In attesa di invio: modificato su questo computer mentre il server non era raggiungibile (Visualizza → In uscita).</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>No contact selected</source>
        <translation>Nessun contatto selezionato</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(senza nome)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Copy {field}</source>
        <translation>Copia {field}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiato</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Possibili duplicati</translation>
    </message>
    <message>
        <source>&amp;Across every account</source>
        <translation>&amp;In tutti gli account</translation>
    </message>
    <message>
        <source>&amp;Look again</source>
        <translation>&amp;Cerca di nuovo</translation>
    </message>
    <message>
        <source>&amp;Copy to…</source>
        <translation>&amp;Copia in…</translation>
    </message>
    <message>
        <source>Put the chosen value into an edit of another contact of the group</source>
        <translation>Porta il valore scelto nella modifica di un altro contatto del gruppo</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>&amp;Esporta in CSV…</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;Non sono duplicati</translation>
    </message>
    <message>
        <source>{name}, {hint} ({account})</source>
        <translation>{name}, {hint} ({account})</translation>
    </message>
    <message>
        <source>{name} ({account})</source>
        <translation>{name} ({account})</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>This is the last contact of the list.</source>
        <translation>Questo è l&apos;ultimo contatto dell&apos;elenco.</translation>
    </message>
    <message>
        <source>Contact created</source>
        <translation>Contatto creato</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contatto salvato</translation>
    </message>
    <message>
        <source>Typed in the new contact and not put here, as this contact has its own: {values}.</source>
        <translation>Scritto nel nuovo contatto e non messo qui, perché questo contatto ha già i suoi: {values}.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
</context>
<context>
    <name>EverywhereDialog</name>
    <message>
        <source>Search every account</source>
        <translation>Cerca in tutti gli account</translation>
    </message>
    <message>
        <source>Name, email, phone, company, city or tag, in every account</source>
        <translation>Nome, email, telefono, azienda, città o tag, in tutti gli account</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone or company</source>
        <translation>Telefono o azienda</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trovato in</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Mostra &amp;altri</translation>
    </message>
    <message>
        <source>List more of the contacts found in each account</source>
        <translation>Elenca altri contatti trovati in ogni account</translation>
    </message>
    <message>
        <source>{account}: not searched ({why})</source>
        <translation>{account}: non cercato ({why})</translation>
    </message>
    <message>
        <source>{account}: searched as far as its offline copy is synced</source>
        <translation>{account}: cercato fin dove la sua copia offline è sincronizzata</translation>
    </message>
    <message>
        <source>{count} found in {accounts} accounts</source>
        <translation>{count} trovati in {accounts} account</translation>
    </message>
    <message>
        <source>(the first {shown} shown)</source>
        <translation>(mostrati i primi {shown})</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Esporta contatti</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected row(s) not loaded yet would be left out: scroll to them first, or export all matching.</source>
        <translation>
            <numerusform>%Ln riga selezionata non è ancora caricata e verrebbe esclusa: scorri fino a essa prima, oppure esporta tutti i corrispondenti.</numerusform>
            <numerusform>%Ln righe selezionate non sono ancora caricate e verrebbero escluse: scorri fino a esse prima, oppure esporta tutti i corrispondenti.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Contatti:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Esporta in</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Esportazione…</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Non è stato scritto nulla.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contact(s) to {path}</source>
        <translation>
            <numerusform>Esportato %Ln contatto in {path}</numerusform>
            <numerusform>Esportati %Ln contatti in {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln character(s) Excel cannot hold written as spaces)</source>
        <translation>
            <numerusform>(%Ln carattere che Excel non accetta scritto come spazio)</numerusform>
            <numerusform>(%Ln caratteri che Excel non accetta scritti come spazi)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) written…</source>
        <translation>
            <numerusform>%Ln contatto scritto…</numerusform>
            <numerusform>%Ln contatti scritti…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: {path} was not written (a file already there is as it was).</source>
        <translation>Annullato: {path} non è stato scritto (un file già presente è rimasto com&apos;era).</translation>
    </message>
</context>
<context>
    <name>FileOpening</name>
    <message>
        <source>{file} cannot be opened: it is not there, or not a file.</source>
        <translation>{file} non può essere aperto: non esiste, o non è un file.</translation>
    </message>
    <message>
        <source>To import {file}, add an account first (Accounts…): the file opens in Import as soon as there is one.</source>
        <translation>Per importare {file}, aggiungi prima un account (Gestisci gli account…): il file si apre in Importa appena c&apos;è.</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Importa {file}</translation>
    </message>
    <message>
        <source>Into which account?</source>
        <translation>In quale account?</translation>
    </message>
    <message>
        <source>{file} cannot be imported into {account} now: this account cannot create contacts, or the server cannot be reached.</source>
        <translation>{file} non può essere importato in {account} ora: questo account non può creare contatti, o il server non è raggiungibile.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&lt;b&gt;Search and filters&lt;/b&gt;&lt;p&gt;Type to search names, emails, phones and companies; with a complete offline copy every field is searched. Each list narrows the contacts shown. &lt;i&gt;Add filter&lt;/i&gt; sets a condition on any field: it shows as a chip under this bar, to change or remove.&lt;/p&gt;&lt;p&gt;Ctrl+F comes here.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Ricerca e filtri&lt;/b&gt;&lt;p&gt;Scrivi per cercare nomi, email, telefoni e aziende; con una copia offline completa si cerca in ogni campo. Ogni elenco restringe i contatti mostrati. &lt;i&gt;Aggiungi filtro&lt;/i&gt; pone una condizione su qualsiasi campo: compare come etichetta sotto questa barra, da cambiare o togliere.&lt;/p&gt;&lt;p&gt;Ctrl+F porta qui.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Search name, email, phone or company</source>
        <translation>Cerca nome, email, telefono o azienda</translation>
    </message>
    <message>
        <source>Search name, email or tags</source>
        <translation>Cerca nome, email o tag</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Add filter</source>
        <translation>Aggiungi filtro</translation>
    </message>
    <message>
        <source>The offline copy is being opened…</source>
        <translation>Apertura della copia offline…</translation>
    </message>
    <message>
        <source>Filter by any field: company, city, tag, dates…</source>
        <translation>Filtra per qualsiasi campo: azienda, città, tag, date…</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Contact Desk — user guide</source>
        <translation>Contact Desk — guida</translation>
    </message>
    <message>
        <source>The user guide cannot be read ({why}). It is also in the docs folder of the project.</source>
        <translation>La guida non può essere letta ({why}). Si trova anche nella cartella docs del progetto.</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>Cerca nella guida</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Precedente</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Successivo</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Non trovato</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The list</source>
        <translation>L&apos;elenco</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>Modifica il contatto selezionato</translation>
    </message>
    <message>
        <source>From the search box: to the first result</source>
        <translation>Dalla casella di ricerca: al primo risultato</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtri</translation>
    </message>
    <message>
        <source>Change the filter in focus</source>
        <translation>Modifica il filtro selezionato</translation>
    </message>
    <message>
        <source>Remove the filter in focus</source>
        <translation>Rimuovi il filtro selezionato</translation>
    </message>
    <message>
        <source>The sidebar</source>
        <translation>La barra laterale</translation>
    </message>
    <message>
        <source>Open the account, view or tag</source>
        <translation>Apri l&apos;account, la vista o il tag</translation>
    </message>
    <message>
        <source>Rename the saved view</source>
        <translation>Rinomina la vista salvata</translation>
    </message>
    <message>
        <source>Delete the saved view</source>
        <translation>Elimina la vista salvata</translation>
    </message>
    <message>
        <source>Move the saved view up or down</source>
        <translation>Sposta la vista salvata in su o in giù</translation>
    </message>
    <message>
        <source>The contact form</source>
        <translation>Il modulo del contatto</translation>
    </message>
    <message>
        <source>Save the form</source>
        <translation>Salva il modulo</translation>
    </message>
    <message>
        <source>Save and edit the next contact</source>
        <translation>Salva e modifica il contatto successivo</translation>
    </message>
    <message>
        <source>Close the form (asks if anything changed)</source>
        <translation>Chiudi il modulo (chiede se qualcosa è cambiato)</translation>
    </message>
    <message>
        <source>Open a date field&apos;s calendar</source>
        <translation>Apri il calendario di un campo data</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>A desktop contact manager for contacts behind a REST API.</source>
        <translation>Un gestore di contatti desktop per contatti dietro una API REST.</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Keys kept in: {keyring}</source>
        <translation>Chiavi conservate in: {keyring}</translation>
    </message>
    <message>
        <source>About Contact Desk</source>
        <translation>Informazioni su Contact Desk</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Edit form</source>
        <translation>Modulo di modifica</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuovo contatto</translation>
    </message>
    <message>
        <source>Change contacts</source>
        <translation>Modifica contatti</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Copy to… (duplicates)</source>
        <translation>Copia in… (duplicati)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id richiesta</translation>
    </message>
    <message>
        <source>&amp;Undo this change</source>
        <translation>&amp;Annulla questa modifica</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>&amp;Esporta in CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>My changes — {account}</source>
        <translation>Le mie modifiche — {account}</translation>
    </message>
    <message>
        <source>Every change made from this computer to this account&apos;s contacts, newest first (the last {n} are kept). Undo this change puts back only the fields it set, where nobody changed them since.</source>
        <translation>Ogni modifica fatta da questo computer ai contatti di questo account, dalla più recente (si tengono le ultime {n}). Annulla questa modifica ripristina solo i campi che ha cambiato, dove nessuno li ha modificati nel frattempo.</translation>
    </message>
    <message>
        <source>A created contact cannot be undone: neither service deletes.</source>
        <translation>Un contatto creato non si può annullare: nessuno dei due servizi elimina.</translation>
    </message>
    <message>
        <source>Putting the previous values back…</source>
        <translation>Ripristino dei valori precedenti…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Contacts from a CSV file (Google, Outlook, Thunderbird, a spreadsheet), an Excel workbook or vCards. Nothing is sent before you have seen every row checked.</source>
        <translation>Contatti da un file CSV (Google, Outlook, Thunderbird, un foglio di calcolo), una cartella di lavoro Excel o vCard. Non viene inviato nulla prima che tu abbia visto ogni riga controllata.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Scegli un file…</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importa da</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lettura di {name}…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primo valore</translation>
    </message>
    <message>
        <source>Show only the rows with a &amp;problem</source>
        <translation>Mostra solo le righe con un &amp;problema</translation>
    </message>
    <message>
        <source>Country of phone numbers without +</source>
        <translation>Paese dei numeri di telefono senza +</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>Lascialo com&apos;è</translation>
    </message>
    <message>
        <source>Update its changed fields</source>
        <translation>Aggiorna i campi cambiati</translation>
    </message>
    <message>
        <source>A contact already there</source>
        <translation>Un contatto già presente</translation>
    </message>
    <message>
        <source>Country of phone numbers without +:</source>
        <translation>Paese dei numeri di telefono senza +:</translation>
    </message>
    <message>
        <source>A contact already there:</source>
        <translation>Un contatto già presente:</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln contact(s) into {account}</source>
        <translation>
            <numerusform>&amp;Importa %Ln contatto in {account}</numerusform>
            <numerusform>&amp;Importa %Ln contatti in {account}</numerusform>
        </translation>
    </message>
    <message>
        <source>Created {created}, updated {updated}, already there {existing}, repeated in the file {repeated}, invalid {invalid}, failed {failed}.</source>
        <translation>Creati {created}, aggiornati {updated}, già presenti {existing}, ripetuti nel file {repeated}, non validi {invalid}, non riusciti {failed}.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Indietro</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) from a {source} file.</source>
        <translation>
            <numerusform>%Ln riga da un file {source}.</numerusform>
            <numerusform>%Ln righe da un file {source}.</numerusform>
        </translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importata)</translation>
    </message>
    <message>
        <source>Import the contact without them</source>
        <translation>Importa il contatto senza di essi</translation>
    </message>
    <message>
        <source>Import contacts into {account}</source>
        <translation>Importa contatti in {account}</translation>
    </message>
    <message>
        <source>Do not import the contact</source>
        <translation>Non importare il contatto</translation>
    </message>
    <message>
        <source>Tags the account does not have</source>
        <translation>Tag che l&apos;account non ha</translation>
    </message>
    <message>
        <source>Tags the account does not have:</source>
        <translation>Tag che l&apos;account non ha:</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Controllo di ogni riga…</translation>
    </message>
    <message>
        <source>Ready: {ready} · written the API&apos;s way: {normalised} · to check: {check} · already there: {there} · repeated in the file: {duplicate} · invalid: {invalid}</source>
        <translation>Pronte: {ready} · riscritte come vuole l&apos;API: {normalised} · da verificare: {check} · già presenti: {there} · ripetute nel file: {duplicate} · non valide: {invalid}</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation>Salva il &amp;resoconto…</translation>
    </message>
    <message>
        <source>Save the &amp;failed rows…</source>
        <translation>Salva le righe &amp;non riuscite…</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Righe non importate</translation>
    </message>
    <message>
        <source>{done} of {total} rows done</source>
        <translation>{done} di {total} righe fatte</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>mancano circa {n} s</translation>
    </message>
    <message>
        <source>the server asked to slow down: waited {n} s</source>
        <translation>il server ha chiesto di rallentare: attesa di {n} s</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Riprendi</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) changed by someone after the file was made: left as they are (see the list).</source>
        <translation>
            <numerusform>%Ln contatto modificato da qualcuno dopo che il file è stato creato: lasciato com&apos;è (vedi l&apos;elenco).</numerusform>
            <numerusform>%Ln contatti modificati da qualcuno dopo che il file è stato creato: lasciati come sono (vedi l&apos;elenco).</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Salva come</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Salvato {path}</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>pronta</translation>
    </message>
    <message>
        <source>normalised</source>
        <translation>riscritta</translation>
    </message>
    <message>
        <source>check</source>
        <translation>da verificare</translation>
    </message>
    <message>
        <source>repeated in the file</source>
        <translation>ripetuto nel file</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>non valida</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>già presente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscita</translation>
    </message>
    <message>
        <source>changed since the file was made</source>
        <translation>modificato dopo la creazione del file</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id richiesta</translation>
    </message>
</context>
<context>
    <name>InsightControl</name>
    <message>
        <source>&amp;Overview…</source>
        <translation>&amp;Panoramica…</translation>
    </message>
    <message>
        <source>Counts and charts of this account&apos;s contacts, from the offline copy</source>
        <translation>Conteggi e grafici dei contatti di questo account, dalla copia offline</translation>
    </message>
    <message>
        <source>Search &amp;every account…</source>
        <translation>Cerca in &amp;tutti gli account…</translation>
    </message>
    <message>
        <source>One search over every account&apos;s offline copy</source>
        <translation>Una sola ricerca nelle copie offline di tutti gli account</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates…</source>
        <translation>Possibili &amp;duplicati…</translation>
    </message>
    <message>
        <source>Contacts with the same email, the same phone, or the same name and one more field, from the offline copies</source>
        <translation>Contatti con la stessa email, lo stesso telefono, o lo stesso nome e un altro campo, dalle copie offline</translation>
    </message>
    <message>
        <source>Open an account first.</source>
        <translation>Apri prima un account.</translation>
    </message>
    <message>
        <source>This needs an offline copy of this account (File → Offline copy → Keep an offline copy).</source>
        <translation>Serve una copia offline di questo account (File → Copia offline → Tieni una copia offline).</translation>
    </message>
    <message>
        <source>This is offered once the offline copy holds every contact: its first sync is not finished.</source>
        <translation>Sarà disponibile quando la copia offline conterrà tutti i contatti: la prima sincronizzazione non è finita.</translation>
    </message>
    <message>
        <source>No offline copies are kept here: there is nothing to search.</source>
        <translation>Qui non si tengono copie offline: non c&apos;è nulla in cui cercare.</translation>
    </message>
    <message>
        <source>Looking for possible duplicates in {accounts} accounts…</source>
        <translation>Ricerca di possibili duplicati in {accounts} account…</translation>
    </message>
    <message>
        <source>Looking for possible duplicates among {count} contacts…</source>
        <translation>Ricerca di possibili duplicati tra {count} contatti…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) of possible duplicates.</source>
        <translation>
            <numerusform>%Ln gruppo di possibili duplicati.</numerusform>
            <numerusform>%Ln gruppi di possibili duplicati.</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} marked “not duplicates” are left out.</source>
        <translation>{n} segnati come «non duplicati» sono esclusi.</translation>
    </message>
    <message>
        <source>This contact cannot be edited now.</source>
        <translation>Questo contatto ora non si può modificare.</translation>
    </message>
    <message>
        <source>Export the group as CSV</source>
        <translation>Esporta il gruppo in CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n} contacts written to {file}</source>
        <translation>{n} contatti scritti in {file}</translation>
    </message>
    <message>
        <source>“Not duplicates” could not be remembered: the settings folder cannot be written.</source>
        <translation>“Non sono duplicati” non è stato ricordato: la cartella delle impostazioni non è scrivibile.</translation>
    </message>
    <message>
        <source>Listed: {bar}. The overview is a key away: Ctrl+Shift+O.</source>
        <translation>Elencati: {bar}. La panoramica è a un tasto di distanza: Ctrl+Maiusc+O.</translation>
    </message>
    <message>
        <source>Counting {count} contacts in the offline copy…</source>
        <translation>Conteggio di {count} contatti nella copia offline…</translation>
    </message>
    <message>
        <source>The offline copy cannot be read now.</source>
        <translation>La copia offline ora non si può leggere.</translation>
    </message>
    <message>
        <source>{count} contacts (archived ones apart), from the offline copy synced {when}.</source>
        <translation>{count} contatti (archiviati esclusi), dalla copia offline sincronizzata {when}.</translation>
    </message>
    <message>
        <source>{count} contacts, from the offline copy synced {when}.</source>
        <translation>{count} contatti, dalla copia offline sincronizzata {when}.</translation>
    </message>
    <message>
        <source>Counted in {seconds} s.</source>
        <translation>Contati in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>LastChange</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla modifica</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Annulla {what}</translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Annullato.</translation>
    </message>
</context>
<context>
    <name>Mailing</name>
    <message>
        <source>E&amp;mail…</source>
        <translation>Invia e&amp;mail…</translation>
    </message>
    <message>
        <source>Write to the selected contacts from your mail program (their addresses in Bcc)</source>
        <translation>Scrivi ai contatti selezionati dal tuo programma di posta (i loro indirizzi in Ccn)</translation>
    </message>
    <message>
        <source>Copy a&amp;ddresses</source>
        <translation>Copia gli in&amp;dirizzi</translation>
    </message>
    <message>
        <source>Copy the selected contacts&apos; email addresses, to paste into a mail&apos;s To, Cc or Bcc</source>
        <translation>Copia gli indirizzi email dei contatti selezionati, da incollare in A, Cc o Ccn di una mail</translation>
    </message>
    <message>
        <source>None of the selected contacts has an email address.</source>
        <translation>Nessuno dei contatti selezionati ha un indirizzo email.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected contact(s) without an email address left out.</source>
        <translation>
            <numerusform>%Ln contatto selezionato senza indirizzo email escluso.</numerusform>
            <numerusform>%Ln contatti selezionati senza indirizzo email esclusi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln address(es).</source>
        <translation>
            <numerusform>Copiato %Ln indirizzo.</numerusform>
            <numerusform>Copiati %Ln indirizzi.</numerusform>
        </translation>
    </message>
    <message>
        <source>{addresses} addresses need {drafts} drafts: mail programs cut longer links (Outlook on Windows at about 2,000 characters). Open {drafts} drafts, each with its share of the addresses in Bcc?</source>
        <translation>{addresses} indirizzi richiedono {drafts} bozze: i programmi di posta tagliano i collegamenti più lunghi (Outlook su Windows a circa 2.000 caratteri). Aprire {drafts} bozze, ognuna con la sua parte degli indirizzi in Ccn?</translation>
    </message>
    <message>
        <source>Email the selected contacts</source>
        <translation>Scrivi ai contatti selezionati</translation>
    </message>
    <message>
        <source>&amp;Open {n} drafts</source>
        <translation>&amp;Apri {n} bozze</translation>
    </message>
    <message>
        <source>No mail program answered. Copy addresses puts them on the clipboard instead.</source>
        <translation>Nessun programma di posta ha risposto. Copia gli indirizzi li mette negli appunti.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) opened in your mail program, the addresses in Bcc.</source>
        <translation>
            <numerusform>%Ln bozza aperta nel tuo programma di posta, gli indirizzi in Ccn.</numerusform>
            <numerusform>%Ln bozze aperte nel tuo programma di posta, gli indirizzi in Ccn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contact Desk</source>
        <translation>Contact Desk</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>modifica</translation>
    </message>
    <message>
        <source>Change contacts</source>
        <translation>Modifica contatti</translation>
    </message>
</context>
<context>
    <name>MyChanges</name>
    <message>
        <source>&amp;My changes…</source>
        <translation>Le &amp;mie modifiche…</translation>
    </message>
    <message>
        <source>Every change made from this computer to this account&apos;s contacts</source>
        <translation>Ogni modifica fatta da questo computer ai contatti di questo account</translation>
    </message>
    <message>
        <source>The change was saved, but My changes could not record it: {why}</source>
        <translation>La modifica è stata salvata, ma Le mie modifiche non ha potuto registrarla: {why}</translation>
    </message>
    <message>
        <source>My changes are kept with the offline copies; none are kept here.</source>
        <translation>Le mie modifiche si conservano con le copie offline; qui non se ne conservano.</translation>
    </message>
    <message>
        <source>Export my changes</source>
        <translation>Esporta le mie modifiche</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln change(s) to {path}</source>
        <translation>
            <numerusform>Esportata %Ln modifica in {path}</numerusform>
            <numerusform>Esportate %Ln modifiche in {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Impostazioni di rete</translation>
    </message>
    <message>
        <source>How Contact Desk reaches the servers. Addresses of this computer (the demo) are always reached directly.</source>
        <translation>Come Contact Desk raggiunge i server. Gli indirizzi di questo computer (la demo) si raggiungono sempre direttamente.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>diretta</translation>
    </message>
    <message>
        <source>Use the &amp;system&apos;s proxy settings (now: {now})</source>
        <translation>Usa le impostazioni proxy del &amp;sistema (ora: {now})</translation>
    </message>
    <message>
        <source>Use &amp;this proxy:</source>
        <translation>Usa &amp;questo proxy:</translation>
    </message>
    <message>
        <source>Connect &amp;directly, with no proxy</source>
        <translation>Connettiti &amp;direttamente, senza proxy</translation>
    </message>
    <message>
        <source>only if the proxy asks for one</source>
        <translation>solo se il proxy lo chiede</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>conservata nel portachiavi di sistema</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Indirizzo:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nome utente:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>OfflineCopy</name>
    <message>
        <source>The choice could not be remembered: the settings folder cannot be written.</source>
        <translation>La scelta non è stata ricordata: la cartella delle impostazioni non è scrivibile.</translation>
    </message>
    <message>
        <source>The offline copy cannot be opened ({reason}); the list comes from the server.</source>
        <translation>La copia offline non si può aprire ({reason}); l&apos;elenco arriva dal server.</translation>
    </message>
    <message>
        <source>The offline copy was damaged: it was set aside and is being built again.</source>
        <translation>La copia offline era danneggiata: è stata messa da parte e viene ricostruita.</translation>
    </message>
    <message>
        <source>The offline copy cannot be used: {reason}</source>
        <translation>La copia offline non si può usare: {reason}</translation>
    </message>
    <message>
        <source>The offline copy could not be saved: the disk holding {folder} is full or failing. What was saved before is kept; the next sync goes on from there.</source>
        <translation>La copia offline non si è potuta salvare: il disco che contiene {folder} è pieno o guasto. Quanto salvato prima resta; la prossima sincronizzazione riprende da lì.</translation>
    </message>
    <message>
        <source>The offline copy could not be deleted: {reason}</source>
        <translation>Non è stato possibile eliminare la copia offline: {reason}</translation>
    </message>
</context>
<context>
    <name>OfflineView</name>
    <message>
        <source>&amp;Sync the offline copy now</source>
        <translation>&amp;Sincronizza ora la copia offline</translation>
    </message>
    <message>
        <source>Bring every contact of this account into the offline copy</source>
        <translation>Porta tutti i contatti di questo account nella copia offline</translation>
    </message>
    <message>
        <source>&amp;Keep an offline copy</source>
        <translation>&amp;Tieni una copia offline</translation>
    </message>
    <message>
        <source>A copy of this account&apos;s contacts on this computer: search and sorting of every contact, and the list when offline</source>
        <translation>Una copia dei contatti di questo account su questo computer: ricerca e ordinamento di tutti i contatti, e l&apos;elenco anche offline</translation>
    </message>
    <message>
        <source>&amp;Forget the offline copy…</source>
        <translation>&amp;Dimentica la copia offline…</translation>
    </message>
    <message>
        <source>Delete this account&apos;s copy from this computer and keep none</source>
        <translation>Elimina la copia di questo account da questo computer e non tenerne più</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Sincronizza &amp;ogni</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minuti</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 ora</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} ore</translation>
    </message>
    <message>
        <source>Offline copy from {time}</source>
        <translation>Copia offline delle {time}</translation>
    </message>
    <message>
        <source>Searched in the copy synced {when}</source>
        <translation>Cercato nella copia sincronizzata {when}</translation>
    </message>
    <message>
        <source>From the offline copy, synced {when}</source>
        <translation>Dalla copia offline, sincronizzata {when}</translation>
    </message>
    <message>
        <source>Syncing the offline copy: {done} of {total} contacts</source>
        <translation>Sincronizzazione della copia offline: {done} di {total} contatti</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>mancano circa {n} s</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>mancano circa {n} min</translation>
    </message>
    <message numerus="yes">
        <source>Offline copy: %Ln contact(s), synced {when}</source>
        <translation>
            <numerusform>Copia offline: %Ln contatto, sincronizzata {when}</numerusform>
            <numerusform>Copia offline: %Ln contatti, sincronizzata {when}</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the rows come from&lt;/b&gt;&lt;p&gt;The server, or the offline copy kept on this computer, and how recent it is. With a complete copy the list works without a connection, and what you save waits in the outbox until the server answers.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Da dove vengono le righe&lt;/b&gt;&lt;p&gt;Dal server, o dalla copia offline tenuta su questo computer, e quanto è recente. Con una copia completa l&apos;elenco funziona senza connessione, e ciò che salvi attende nella posta in uscita finché il server risponde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Filters on any field need an offline copy of this account (File → Offline copy → Keep an offline copy).</source>
        <translation>I filtri su qualsiasi campo richiedono una copia offline di questo account (File → Copia offline → Tieni una copia offline).</translation>
    </message>
    <message>
        <source>Filters on any field are offered once the offline copy holds every contact: its first sync is not finished.</source>
        <translation>I filtri su qualsiasi campo saranno disponibili quando la copia offline conterrà tutti i contatti: la prima sincronizzazione non è finita.</translation>
    </message>
    <message>
        <source>Filters on any field are offered once the offline copy&apos;s search index is built.</source>
        <translation>I filtri su qualsiasi campo saranno disponibili quando l&apos;indice di ricerca della copia offline sarà pronto.</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizza ora</translation>
    </message>
    <message numerus="yes">
        <source>Searched in the %Ln contact(s) synced so far; the copy is being completed</source>
        <translation>
            <numerusform>Cercato nell&apos;unico contatto sincronizzato finora; la copia è in completamento</numerusform>
            <numerusform>Cercato nei %Ln contatti sincronizzati finora; la copia è in completamento</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched in {done} of {total} contacts: the search index is being built</source>
        <translation>Cercato in {done} contatti su {total}: l&apos;indice di ricerca è in costruzione</translation>
    </message>
    <message>
        <source>Every contact is in the offline copy; building its search index: {done} of {total}</source>
        <translation>Tutti i contatti sono nella copia offline; creazione dell&apos;indice di ricerca: {done} di {total}</translation>
    </message>
    <message numerus="yes">
        <source>Syncing the offline copy: %Ln contact(s)</source>
        <translation>
            <numerusform>Sincronizzazione della copia offline: %Ln contatto</numerusform>
            <numerusform>Sincronizzazione della copia offline: %Ln contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing the offline copy…</source>
        <translation>Sincronizzazione della copia offline…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>proprio ora</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 minuto fa</translation>
    </message>
    <message>
        <source>{n} minutes ago</source>
        <translation>{n} minuti fa</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 ora fa</translation>
    </message>
    <message>
        <source>{n} hours ago</source>
        <translation>{n} ore fa</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>il {date}</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. Showing the offline copy from {time}; what you create or edit waits on this computer and is sent when the server answers.</source>
        <translation>Offline: il server non è raggiungibile. È mostrata la copia offline del {time}; quello che crei o modifichi resta su questo computer ed è inviato quando il server risponde.</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached. Showing the offline copy from {time}; creating and editing come back when the server answers.</source>
        <translation>Offline: il server non è raggiungibile. Viene mostrata la copia offline delle {time}; creazione e modifica tornano quando il server risponde.</translation>
    </message>
    <message>
        <source>Sorting needs a complete offline copy: it is offered as soon as the sync has finished.</source>
        <translation>Per ordinare serve la copia offline completa: l&apos;ordinamento è disponibile appena la sincronizzazione finisce.</translation>
    </message>
    <message>
        <source>Sorting needs an offline copy of this account (File → Offline copy → Keep an offline copy): the server lists newest first only.</source>
        <translation>Per ordinare serve una copia offline di questo account (File → Copia offline → Tieni una copia offline): il server elenca solo dal più recente.</translation>
    </message>
    <message>
        <source>The offline copy is synced in full every {n} minutes.</source>
        <translation>La copia offline viene sincronizzata per intero ogni {n} minuti.</translation>
    </message>
    <message>
        <source>Forget the offline copy</source>
        <translation>Dimentica la copia offline</translation>
    </message>
    <message>
        <source>Delete the offline copy of {name} from this computer? Searching and sorting then need the server (SmartCQ cannot search), and nothing is shown offline. The contacts on the server are not touched.</source>
        <translation>Eliminare da questo computer la copia offline di {name}? Ricerca e ordinamento avranno bisogno del server (SmartCQ non sa cercare) e offline non verrà mostrato nulla. I contatti sul server non vengono toccati.</translation>
    </message>
    <message>
        <source>&amp;Delete the copy</source>
        <translation>&amp;Elimina la copia</translation>
    </message>
    <message>
        <source>The offline copy was deleted.</source>
        <translation>La copia offline è stata eliminata.</translation>
    </message>
</context>
<context>
    <name>OutboxControl</name>
    <message>
        <source>Out&amp;box…</source>
        <translation>In &amp;uscita…</translation>
    </message>
    <message>
        <source>Changes made while the server could not be reached, waiting to be sent</source>
        <translation>Modifiche fatte mentre il server non era raggiungibile, in attesa di invio</translation>
    </message>
    <message>
        <source>Changes can wait for the server only once this account&apos;s offline copy is complete.</source>
        <translation>Le modifiche possono attendere il server solo quando la copia offline di questo account è completa.</translation>
    </message>
    <message>
        <source>This account has no tag {tags} (as far as its offline copy knows): remove it, or save once the server answers.</source>
        <translation>Questo account non ha il tag {tags} (per quanto ne sa la sua copia offline): toglilo, o salva quando il server risponde.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outbox&lt;/b&gt;&lt;p&gt;Changes saved while the server could not be reached. They are sent, in the order made, as soon as it answers. A field a colleague changed meanwhile is never overwritten: that change waits for you, with both values. &lt;i&gt;View → Outbox…&lt;/i&gt; lists them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;In uscita&lt;/b&gt;&lt;p&gt;Modifiche salvate mentre il server non era raggiungibile. Vengono inviate, nell&apos;ordine in cui le hai fatte, appena risponde. Un campo che un collega ha cambiato nel frattempo non viene mai sovrascritto: quella modifica ti aspetta, con entrambi i valori. &lt;i&gt;Visualizza → In uscita…&lt;/i&gt; le elenca.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{n} changes are already waiting to be sent: connect to the server to send them first.</source>
        <translation>{n} modifiche sono già in attesa di invio: collegati al server per inviarle prima.</translation>
    </message>
    <message>
        <source>The change could not be kept on this computer ({why}). Free some space, then save again: what you typed is still here.</source>
        <translation>Non è stato possibile conservare la modifica su questo computer ({why}). Libera un po&apos; di spazio, poi salva di nuovo: quello che hai scritto è ancora qui.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting change(s) sent.</source>
        <translation>
            <numerusform>Inviata %Ln modifica in attesa.</numerusform>
            <numerusform>Inviate %Ln modifiche in attesa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) you: see View → Outbox.</source>
        <translation>
            <numerusform>%Ln richiede il tuo intervento: vedi Visualizza → In uscita.</numerusform>
            <numerusform>%Ln richiedono il tuo intervento: vedi Visualizza → In uscita.</numerusform>
        </translation>
    </message>
    <message>
        <source>This contact is not in the offline copy any more.</source>
        <translation>Questo contatto non è più nella copia offline.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Modifiche in attesa di invio</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) made while the server could not be reached are waiting to be sent. They are kept on this computer and sent the next time Contact Desk opens this account and the server answers: nothing is lost by quitting.</source>
        <translation>
            <numerusform>%Ln modifica fatta mentre il server non era raggiungibile è in attesa di invio. È conservata su questo computer e sarà inviata la prossima volta che Contact Desk apre questo account e il server risponde: uscire non fa perdere nulla.</numerusform>
            <numerusform>%Ln modifiche fatte mentre il server non era raggiungibile sono in attesa di invio. Sono conservate su questo computer e saranno inviate la prossima volta che Contact Desk apre questo account e il server risponde: uscire non fa perdere nulla.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln modifica in attesa di invio</numerusform>
            <numerusform>%Ln modifiche in attesa di invio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln need(s) you)</source>
        <translation>
            <numerusform>(%Ln richiede il tuo intervento)</numerusform>
            <numerusform>(%Ln richiedono il tuo intervento)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>needs you: someone else changed {field} too</source>
        <translation>serve il tuo intervento: qualcun altro ha modificato anche {field}</translation>
    </message>
    <message>
        <source>needs you: a tag the account lacks</source>
        <translation>serve il tuo intervento: un tag che l&apos;account non ha</translation>
    </message>
    <message>
        <source>needs you: a contact with this email already exists</source>
        <translation>serve il tuo intervento: esiste già un contatto con questa email</translation>
    </message>
    <message>
        <source>needs you: the server refused {field}</source>
        <translation>serve il tuo intervento: il server ha rifiutato {field}</translation>
    </message>
    <message>
        <source>needs you: the server refused the account&apos;s key</source>
        <translation>serve il tuo intervento: il server ha rifiutato la chiave dell&apos;account</translation>
    </message>
    <message>
        <source>needs you: the contact no longer exists</source>
        <translation>serve il tuo intervento: il contatto non esiste più</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>In uscita</translation>
    </message>
    <message>
        <source>Changes made while the server could not be reached. They are sent, in order and checked against what others changed, when it answers again; quitting loses none of them.</source>
        <translation>Modifiche fatte mentre il server non era raggiungibile. Sono inviate, in ordine e confrontate con quello che altri hanno modificato, quando risponde di nuovo; uscire non ne perde nessuna.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Id richiesta</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Riprova</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Scarta…</translation>
    </message>
    <message>
        <source>Discard &amp;all…</source>
        <translation>Scarta &amp;tutte…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>in invio</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>in attesa</translation>
    </message>
    <message>
        <source>yours: {yours}; on the server now: {theirs}</source>
        <translation>tuo: {yours}; ora sul server: {theirs}</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nuovo contatto</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
    <message numerus="yes">
        <source>Discard %Ln waiting change(s)? They will not be sent, and cannot be brought back.</source>
        <translation>
            <numerusform>Scartare %Ln modifica in attesa? Non sarà inviata e non si potrà recuperare.</numerusform>
            <numerusform>Scartare %Ln modifiche in attesa? Non saranno inviate e non si potranno recuperare.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Overview of {account}</source>
        <translation>Panoramica di {account}</translation>
    </message>
    <message>
        <source>New contacts by month</source>
        <translation>Nuovi contatti per mese</translation>
    </message>
    <message>
        <source>New contacts by week</source>
        <translation>Nuovi contatti per settimana</translation>
    </message>
    <message>
        <source>&amp;Copy as image</source>
        <translation>&amp;Copia come immagine</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>{field}: the most frequent</source>
        <translation>{field}: i più frequenti</translation>
    </message>
    <message>
        <source>{account}: {count} contacts, {day}</source>
        <translation>{account}: {count} contatti, {day}</translation>
    </message>
    <message>
        <source>The charts are on the clipboard as an image.</source>
        <translation>I grafici sono negli appunti come immagine.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Save as PDF — {account}</source>
        <translation>Salva come PDF — {account}</translation>
    </message>
    <message>
        <source>Print — {account}</source>
        <translation>Stampa — {account}</translation>
    </message>
    <message>
        <source>{cols} × {rows} labels a sheet</source>
        <translation>{cols} × {rows} etichette per foglio</translation>
    </message>
    <message>
        <source>&amp;Preview and print…</source>
        <translation>&amp;Anteprima e stampa…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Salva come &amp;PDF…</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Contatti:</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>S&amp;tile:</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Etichette:</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>&amp;Carta:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) read…</source>
        <translation>
            <numerusform>%Ln contatto letto…</numerusform>
            <numerusform>%Ln contatti letti…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
    <message>
        <source>Reading the contacts…</source>
        <translation>Lettura dei contatti…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Scrittura del PDF…</translation>
    </message>
    <message>
        <source>Stopped: {file} was not written (a file already there is as it was).</source>
        <translation>Interrotto: {file} non è stato scritto (un file già presente è com’era).</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Non è stato scritto nulla.</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}: %Ln contact(s)</source>
        <translation>
            <numerusform>Salvato {file}: %Ln contatto</numerusform>
            <numerusform>Salvato {file}: %Ln contatti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln pagina</numerusform>
            <numerusform>%Ln pagine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) laid out…</source>
        <translation>
            <numerusform>%Ln contatto impaginato…</numerusform>
            <numerusform>%Ln contatti impaginati…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) ready to print.</source>
        <translation>
            <numerusform>%Ln contatto pronto da stampare.</numerusform>
            <numerusform>%Ln contatti pronti da stampare.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Pagina {n} di {total}</translation>
    </message>
    <message>
        <source>Phone list</source>
        <translation>Elenco telefonico</translation>
    </message>
    <message>
        <source>Contact cards</source>
        <translation>Schede dei contatti</translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>Etichette con indirizzo</translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>Copia &amp;nome</translation>
    </message>
    <message>
        <source>Copy e&amp;mail</source>
        <translation>Copia e&amp;mail</translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation>Copia &amp;telefono</translation>
    </message>
    <message>
        <source>Copy as &amp;vCard</source>
        <translation>Copia come &amp;vCard</translation>
    </message>
    <message>
        <source>&amp;Send email</source>
        <translation>&amp;Invia email</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Chiama</translation>
    </message>
    <message>
        <source>Open &amp;website</source>
        <translation>Apri sito &amp;web</translation>
    </message>
</context>
<context>
    <name>ScopeChoice</name>
    <message>
        <source>The selected contacts ({n})</source>
        <translation>I contatti selezionati ({n})</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln contact(s) matching the filters and search</source>
        <translation>
            <numerusform>L&apos;unico contatto che corrisponde a filtri e ricerca</numerusform>
            <numerusform>Tutti i %Ln contatti che corrispondono a filtri e ricerca</numerusform>
        </translation>
    </message>
    <message>
        <source>All contacts matching the filters and search</source>
        <translation>Tutti i contatti che corrispondono a filtri e ricerca</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Accounts, saved views and tags</source>
        <translation>Account, viste salvate e tag</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sidebar&lt;/b&gt;&lt;p&gt;Your accounts, each with its saved views and tags and how many contacts they hold. Click one to show its contacts; right-click a saved view to rename or delete it. &lt;i&gt;View → Save view…&lt;/i&gt; keeps the search and filters shown now.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Barra laterale&lt;/b&gt;&lt;p&gt;I tuoi account, ciascuno con le sue viste salvate e i suoi tag e quanti contatti contengono. Fai clic su uno per vederne i contatti; clic destro su una vista salvata per rinominarla o eliminarla. &lt;i&gt;Visualizza → Salva vista…&lt;/i&gt; conserva la ricerca e i filtri mostrati ora.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your accounts, their saved views and tags appear here.</source>
        <translation>Qui compaiono i tuoi account, le loro viste salvate e i tag.</translation>
    </message>
    <message>
        <source>{name} (syncing…)</source>
        <translation>{name} (sincronizzazione…)</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Viste</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>{tag} ({count})</source>
        <translation>{tag} ({count})</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Apri</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Rinomina…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta &amp;su</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Sposta &amp;giù</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
</context>
<context>
    <name>SidebarControl</name>
    <message>
        <source>Sidebar</source>
        <translation>Barra laterale</translation>
    </message>
    <message>
        <source>&amp;Sidebar</source>
        <translation>&amp;Barra laterale</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>&amp;Salva vista…</translation>
    </message>
    <message>
        <source>Keep this list (search, filters, sort and columns) under a name</source>
        <translation>Conserva questo elenco (ricerca, filtri, ordinamento e colonne) con un nome</translation>
    </message>
    <message>
        <source>View “{name}”</source>
        <translation>Vista «{name}»</translation>
    </message>
    <message>
        <source>Every contact with the tag “{tag}” is listed, as the sidebar counts them: the search and filters you had are set aside.</source>
        <translation>Sono elencati tutti i contatti con il tag “{tag}”, come li conta la barra laterale: la ricerca e i filtri che avevi sono messi da parte.</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Salva vista</translation>
    </message>
    <message>
        <source>A name for this list (search, filters, sort, columns):</source>
        <translation>Un nome per questo elenco (ricerca, filtri, ordinamento, colonne):</translation>
    </message>
    <message>
        <source>View “{name}” saved</source>
        <translation>Vista «{name}» salvata</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Rinomina vista</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuovo nome:</translation>
    </message>
    <message>
        <source>View “{name}” deleted</source>
        <translation>Vista «{name}» eliminata</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Contact Desk is already open: {file} was handed to it.</source>
        <translation>Contact Desk è già aperto: {file} gli è stato passato.</translation>
    </message>
    <message>
        <source>Contact Desk is already open: its window was brought forward.</source>
        <translation>Contact Desk è già aperto: la sua finestra è stata portata in primo piano.</translation>
    </message>
    <message>
        <source>Contact Desk is already open but does not answer: a second window opens.</source>
        <translation>Contact Desk è già aperto ma non risponde: si apre una seconda finestra.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Loading</source>
        <translation>Caricamento</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>birthday without a year: left empty</source>
        <translation>compleanno senza anno: lasciato vuoto</translation>
    </message>
    <message>
        <source>an empty date (0/0/00): left empty</source>
        <translation>una data vuota (0/0/00): lasciata vuota</translation>
    </message>
    <message>
        <source>already there (in the offline copy)</source>
        <translation>già presente (nella copia offline)</translation>
    </message>
    <message>
        <source>the same email as row {row}</source>
        <translation>la stessa email della riga {row}</translation>
    </message>
    <message>
        <source>the first of several values; not imported: {others}</source>
        <translation>il primo di più valori; non importati: {others}</translation>
    </message>
    <message>
        <source>{before} written as {after}</source>
        <translation>{before} scritto come {after}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obbligatorio</translation>
    </message>
    <message>
        <source>give at least one of first name, last name, company, phone or email</source>
        <translation>indica almeno uno tra nome, cognome, azienda, telefono o email</translation>
    </message>
    <message>
        <source>tags not seen in this account: {tags}</source>
        <translation>tag mai visti in questo account: {tags}</translation>
    </message>
    <message>
        <source>imported without the tags the account lacks: {tags}</source>
        <translation>importato senza i tag che l&apos;account non ha: {tags}</translation>
    </message>
    <message>
        <source>not a valid email address</source>
        <translation>non è un indirizzo email valido</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>non è un numero di telefono</translation>
    </message>
    <message>
        <source>not a valid phone number</source>
        <translation>non è un numero di telefono valido</translation>
    </message>
    <message>
        <source>not a web address</source>
        <translation>non è un indirizzo web</translation>
    </message>
    <message>
        <source>a two-letter country code, like IT</source>
        <translation>un codice paese di due lettere, come IT</translation>
    </message>
    <message>
        <source>not one of the choices</source>
        <translation>non è uno dei valori ammessi</translation>
    </message>
    <message>
        <source>not a date (use 15/03/1990 or 1990-03-15)</source>
        <translation>non è una data (usa 15/03/1990 o 1990-03-15)</translation>
    </message>
    <message>
        <source>not sent: the import was cancelled</source>
        <translation>non inviato: l&apos;importazione è stata annullata</translation>
    </message>
    <message>
        <source>not sent: the server refused the account&apos;s key</source>
        <translation>non inviato: il server ha rifiutato la chiave dell&apos;account</translation>
    </message>
    <message>
        <source>already there: left as it was</source>
        <translation>già presente: lasciato com&apos;era</translation>
    </message>
    <message>
        <source>already there, with the same values</source>
        <translation>già presente, con gli stessi valori</translation>
    </message>
    <message>
        <source>changed: {fields}</source>
        <translation>modificati: {fields}</translation>
    </message>
    <message>
        <source>changed by someone else while importing: {fields}</source>
        <translation>modificato da qualcun altro durante l&apos;importazione: {fields}</translation>
    </message>
    <message>
        <source>{name}: the file says {theirs}, the server now {now} (changed since the file was made)</source>
        <translation>{name}: il file dice {theirs}, il server ora {now} (modificato dopo la creazione del file)</translation>
    </message>
    <message>
        <source>already there (looked up on the server)</source>
        <translation>già presente (cercato sul server)</translation>
    </message>
    <message>
        <source>{name} is not a file that can be imported</source>
        <translation>{name} non è un file che si possa importare</translation>
    </message>
    <message>
        <source>Cannot read {path}: {why}</source>
        <translation>Impossibile leggere {path}: {why}</translation>
    </message>
    <message>
        <source>{name} is more than {most} MB: more than Contact Desk imports at once. Split it into smaller files.</source>
        <translation>{name} supera {most} MB: più di quanto Contact Desk importi in una volta. Dividilo in file più piccoli.</translation>
    </message>
    <message>
        <source>{name} is not a CSV, Excel or vCard file</source>
        <translation>{name} non è un file CSV, Excel o vCard</translation>
    </message>
    <message>
        <source>CSV ({encoding}, comma-separated)</source>
        <translation>CSV ({encoding}, separato da virgole)</translation>
    </message>
    <message>
        <source>CSV ({encoding}, semicolon-separated)</source>
        <translation>CSV ({encoding}, separato da punto e virgola)</translation>
    </message>
    <message>
        <source>CSV ({encoding}, tab-separated)</source>
        <translation>CSV ({encoding}, separato da tabulazioni)</translation>
    </message>
    <message>
        <source>CSV ({encoding}, separated by {delimiter})</source>
        <translation>CSV ({encoding}, separato da {delimiter})</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>Il file è vuoto</translation>
    </message>
    <message>
        <source>The file is not readable as CSV: {why}</source>
        <translation>Il file non è leggibile come CSV: {why}</translation>
    </message>
    <message>
        <source>The first row has no column names</source>
        <translation>La prima riga non ha nomi di colonna</translation>
    </message>
    <message>
        <source>The file has {n} columns: only the first {most} are read</source>
        <translation>Il file ha {n} colonne: vengono lette solo le prime {most}</translation>
    </message>
    <message>
        <source>this row is not in UTF-8 like the rest of the file: read as Windows code page; check its accents</source>
        <translation>questa riga non è in UTF-8 come il resto del file: letta con la codifica di Windows; controllane gli accenti</translation>
    </message>
    <message>
        <source>an Exchange address, not an email: the row&apos;s SMTP address was used, if it has one</source>
        <translation>un indirizzo Exchange, non un&apos;email: è stato usato l&apos;indirizzo SMTP della riga, se c&apos;è</translation>
    </message>
    <message>
        <source>More than {n} rows: split the file</source>
        <translation>Più di {n} righe: dividi il file</translation>
    </message>
    <message>
        <source>Row {n} is not readable as CSV: {why}</source>
        <translation>La riga {n} non è leggibile come CSV: {why}</translation>
    </message>
    <message>
        <source>The workbook&apos;s texts take more than {most} MB: more than Contact Desk reads. Save fewer rows or columns in a file.</source>
        <translation>I testi della cartella di lavoro superano {most} MB: più di quanto Contact Desk legga. Salva meno righe o colonne in un file.</translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook ({why})</source>
        <translation>Il file non è una cartella di lavoro Excel leggibile ({why})</translation>
    </message>
    <message>
        <source>The workbook holds more than {most} MB of sheets: more than Contact Desk reads. Save fewer rows or columns in a file.</source>
        <translation>La cartella di lavoro contiene più di {most} MB di fogli: più di quanto Contact Desk legga. Salva meno righe o colonne in un file.</translation>
    </message>
    <message>
        <source>The workbook declares XML entities ({part}), which no spreadsheet program writes: it is not read</source>
        <translation>La cartella di lavoro dichiara entità XML ({part}), che nessun programma di fogli di calcolo scrive: non viene letta</translation>
    </message>
    <message>
        <source>The workbook has a cell or text longer than {most} characters ({part}): it is not read</source>
        <translation>La cartella di lavoro ha una cella o un testo più lungo di {most} caratteri ({part}): non viene letta</translation>
    </message>
    <message>
        <source>Excel ({sheet})</source>
        <translation>Excel ({sheet})</translation>
    </message>
    <message>
        <source>More than {n} contacts: split the file</source>
        <translation>Più di {n} contatti: dividi il file</translation>
    </message>
    <message>
        <source>contact {n} cannot be read ({why})</source>
        <translation>il contatto {n} non si può leggere ({why})</translation>
    </message>
    <message>
        <source>contact {n}: a line could not be read ({line}); imported without it</source>
        <translation>contatto {n}: una riga non si è potuta leggere ({line}); importato senza di essa</translation>
    </message>
    <message>
        <source>contact {n}: the card has no END:VCARD line; read up to where it stops</source>
        <translation>contatto {n}: la scheda non ha la riga END:VCARD; letta fino a dove si interrompe</translation>
    </message>
    <message>
        <source>The file holds no vCard</source>
        <translation>Il file non contiene vCard</translation>
    </message>
    <message>
        <source>The file has no column {column}</source>
        <translation>Il file non ha la colonna {column}</translation>
    </message>
    <message>
        <source>{name} is not a field {service} contacts can be created with (use one of: {fields})</source>
        <translation>{name} non è un campo con cui creare contatti {service} (usa uno tra: {fields})</translation>
    </message>
    <message>
        <source>{name} is given by two columns: {first} and {second}</source>
        <translation>{name} è dato da due colonne: {first} e {second}</translation>
    </message>
</context>
<context>
    <name>UndoWords</name>
    <message numerus="yes">
        <source>Restored %Ln contact(s).</source>
        <translation>
            <numerusform>Ripristinato %Ln contatto.</numerusform>
            <numerusform>Ripristinati %Ln contatti.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} ({fields})</source>
        <translation>{name} ({fields})</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>e %Ln altro</numerusform>
            <numerusform>e altri %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed by someone since, left as it is: {names}.</source>
        <translation>Modificato da qualcun altro nel frattempo, lasciato com&apos;è: {names}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer exist(s).</source>
        <translation>
            <numerusform>%Ln non esiste più.</numerusform>
            <numerusform>%Ln non esistono più.</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} could not be restored: {why}</source>
        <translation>{n} non si sono potuti ripristinare: {why}</translation>
    </message>
</context>
<context>
    <name>UpdateCheck</name>
    <message>
        <source>Tell me about &amp;new versions</source>
        <translation>Avvisami delle &amp;nuove versioni</translation>
    </message>
    <message>
        <source>Once a day, see whether a newer Contact Desk is out (nothing is installed, nothing of yours is sent)</source>
        <translation>Una volta al giorno, guarda se è uscito un Contact Desk più recente (non si installa nulla, non si invia nulla di tuo)</translation>
    </message>
    <message>
        <source>Contact Desk {new} is available (this one is {current}).</source>
        <translation>È disponibile Contact Desk {new} (questo è il {current}).</translation>
    </message>
    <message>
        <source>Download page</source>
        <translation>Pagina di download</translation>
    </message>
</context>
<context>
    <name>ViewSharing</name>
    <message>
        <source>S&amp;hare view…</source>
        <translation>Co&amp;ndividi vista…</translation>
    </message>
    <message>
        <source>Write this list&apos;s view to a file, for a colleague to import</source>
        <translation>Scrivi la vista di questo elenco in un file, che un collega potrà importare</translation>
    </message>
    <message>
        <source>&amp;Import view…</source>
        <translation>&amp;Importa vista…</translation>
    </message>
    <message>
        <source>Save a view a colleague shared in this account and show it</source>
        <translation>Salva in questo account una vista condivisa da un collega e mostrala</translation>
    </message>
    <message>
        <source>Contact Desk views (*{suffix})</source>
        <translation>Viste di Contact Desk (*{suffix})</translation>
    </message>
    <message>
        <source>Share view</source>
        <translation>Condividi vista</translation>
    </message>
    <message>
        <source>A name for this list&apos;s view (search, filters, sort, columns):</source>
        <translation>Un nome per la vista di questo elenco (ricerca, filtri, ordine, colonne):</translation>
    </message>
    <message>
        <source>Share the view “{name}”</source>
        <translation>Condividi la vista “{name}”</translation>
    </message>
    <message>
        <source>The view “{name}” is in {file}: a colleague opens it with View → Import view…</source>
        <translation>La vista “{name}” è in {file}: un collega la apre con Visualizza → Importa vista…</translation>
    </message>
    <message>
        <source>Import a view</source>
        <translation>Importa una vista</translation>
    </message>
    <message>
        <source>Imported the view “{name}”.</source>
        <translation>Importata la vista “{name}”.</translation>
    </message>
    <message>
        <source>Left out, as this account does not have them: {fields}.</source>
        <translation>Esclusi, perché questo account non li ha: {fields}.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Contact Desk</source>
        <translation>Benvenuto in Contact Desk</translation>
    </message>
    <message>
        <source>Add the account of your contact service with its API key, or try Contact Desk on demo data first: nothing is sent anywhere.</source>
        <translation>Aggiungi l&apos;account del tuo servizio contatti con la sua chiave API, oppure prova prima Contact Desk su dati dimostrativi: non viene inviato nulla.</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Aggiungi account…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Prova la demo</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New contact</source>
        <translation>&amp;Nuovo contatto</translation>
    </message>
    <message>
        <source>Create a contact (Ctrl+N)</source>
        <translation>Crea un contatto (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit contact</source>
        <translation>&amp;Modifica contatto</translation>
    </message>
    <message>
        <source>Edit the selected contact (Ctrl+E, Enter)</source>
        <translation>Modifica il contatto selezionato (Ctrl+E, Invio)</translation>
    </message>
    <message>
        <source>C&amp;hange contacts…</source>
        <translation>Modifica &amp;contatti…</translation>
    </message>
    <message>
        <source>Set fields on the selected or all matching contacts, with Undo</source>
        <translation>Imposta campi sui contatti selezionati o su tutti i corrispondenti, con Annulla</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>Gestisci gli &amp;account…</translation>
    </message>
    <message>
        <source>Add, change, test or remove accounts</source>
        <translation>Aggiungi, modifica, prova o rimuovi account</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Save the selected or all matching contacts as CSV, Excel or vCard</source>
        <translation>Salva i contatti selezionati o tutti quelli corrispondenti come CSV, Excel o vCard</translation>
    </message>
    <message>
        <source>Create contacts from a CSV, Excel or vCard file: every row is checked before anything is sent</source>
        <translation>Crea contatti da un file CSV, Excel o vCard: ogni riga viene controllata prima di inviare qualcosa</translation>
    </message>
    <message>
        <source>&amp;Network settings…</source>
        <translation>Impostazioni di &amp;rete…</translation>
    </message>
    <message>
        <source>How the servers are reached: the system&apos;s proxies, one proxy, or direct</source>
        <translation>Come si raggiungono i server: i proxy del sistema, un proxy, o direttamente</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <source>Print the selected or all matching contacts: a phone list, contact cards or address labels</source>
        <translation>Stampa i contatti selezionati o tutti quelli che corrispondono: elenco telefonico, schede o etichette con indirizzo</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Salva come P&amp;DF…</translation>
    </message>
    <message>
        <source>The same printed list, as a PDF file</source>
        <translation>Lo stesso elenco stampato, come file PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>Copy the selected rows, to paste into a spreadsheet</source>
        <translation>Copia le righe selezionate, da incollare in un foglio di calcolo</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleziona &amp;tutto</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trova</translation>
    </message>
    <message>
        <source>Go to the search or the filters (Ctrl+F)</source>
        <translation>Vai alla ricerca o ai filtri (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <source>Load the contacts again (F5)</source>
        <translation>Ricarica i contatti (F5)</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Mostra &amp;dettagli</translation>
    </message>
    <message>
        <source>&amp;Compact rows</source>
        <translation>Righe &amp;compatte</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guida</translation>
    </message>
    <message>
        <source>The user guide, on this computer: searchable, no connection needed</source>
        <translation>La guida, su questo computer: si può cercare, senza bisogno di rete</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;What&apos;s this?</source>
        <translation>&amp;Che cos&apos;è?</translation>
    </message>
    <message>
        <source>Then click any part of the window to learn what it is for</source>
        <translation>Poi fai clic su una parte qualsiasi della finestra per sapere a cosa serve</translation>
    </message>
    <message>
        <source>&amp;About Contact Desk</source>
        <translation>&amp;Informazioni su Contact Desk</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>C&amp;olonne</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Aspetto</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>Come il &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Chiaro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;curo</translation>
    </message>
    <message>
        <source>Offline: what you save waits on this computer and is sent when the server answers</source>
        <translation>Offline: quello che salvi resta su questo computer ed è inviato quando il server risponde</translation>
    </message>
    <message>
        <source>Offline: comes back when the server answers</source>
        <translation>Offline: torna disponibile quando il server risponde</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Offline copy</source>
        <translation>Copia &amp;offline</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Strumenti</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
</context>
<context>
    <name>WrappingLabel</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
</context>
<context>
    <name>countries</name>
    <message>
        <source>Afghanistan</source>
        <translation>Afghanistan</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>Albania</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>Algeria</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>Samoa Americane</translation>
    </message>
    <message>
        <source>Andorra</source>
        <translation>Andorra</translation>
    </message>
    <message>
        <source>Angola</source>
        <translation>Angola</translation>
    </message>
    <message>
        <source>Anguilla</source>
        <translation>Anguilla</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>Antartide</translation>
    </message>
    <message>
        <source>Antigua &amp; Barbuda</source>
        <translation>Antigua e Barbuda</translation>
    </message>
    <message>
        <source>Argentina</source>
        <translation>Argentina</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>Armenia</translation>
    </message>
    <message>
        <source>Aruba</source>
        <translation>Aruba</translation>
    </message>
    <message>
        <source>Ascension Island</source>
        <translation>Isola Ascensione</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Austria</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>Azerbaigian</translation>
    </message>
    <message>
        <source>Bahamas</source>
        <translation>Bahamas</translation>
    </message>
    <message>
        <source>Bahrain</source>
        <translation>Bahrein</translation>
    </message>
    <message>
        <source>Bangladesh</source>
        <translation>Bangladesh</translation>
    </message>
    <message>
        <source>Barbados</source>
        <translation>Barbados</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>Bielorussia</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgio</translation>
    </message>
    <message>
        <source>Belize</source>
        <translation>Belize</translation>
    </message>
    <message>
        <source>Benin</source>
        <translation>Benin</translation>
    </message>
    <message>
        <source>Bermuda</source>
        <translation>Bermuda</translation>
    </message>
    <message>
        <source>Bhutan</source>
        <translation>Bhutan</translation>
    </message>
    <message>
        <source>Bolivia</source>
        <translation>Bolivia</translation>
    </message>
    <message>
        <source>Bosnia &amp; Herzegovina</source>
        <translation>Bosnia ed Erzegovina</translation>
    </message>
    <message>
        <source>Botswana</source>
        <translation>Botswana</translation>
    </message>
    <message>
        <source>Bouvet Island</source>
        <translation>Isola Bouvet</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>Brasile</translation>
    </message>
    <message>
        <source>British Indian Ocean Territory</source>
        <translation>Territorio Britannico dell’Oceano Indiano</translation>
    </message>
    <message>
        <source>British Virgin Islands</source>
        <translation>Isole Vergini Britanniche</translation>
    </message>
    <message>
        <source>Brunei</source>
        <translation>Brunei</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>Bulgaria</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>Burkina Faso</translation>
    </message>
    <message>
        <source>Burundi</source>
        <translation>Burundi</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>Cambogia</translation>
    </message>
    <message>
        <source>Cameroon</source>
        <translation>Camerun</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>Canary Islands</source>
        <translation>Isole Canarie</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>Capo Verde</translation>
    </message>
    <message>
        <source>Caribbean Netherlands</source>
        <translation>Caraibi Olandesi</translation>
    </message>
    <message>
        <source>Cayman Islands</source>
        <translation>Isole Cayman</translation>
    </message>
    <message>
        <source>Central African Republic</source>
        <translation>Repubblica Centrafricana</translation>
    </message>
    <message>
        <source>Ceuta &amp; Melilla</source>
        <translation>Ceuta e Melilla</translation>
    </message>
    <message>
        <source>Chad</source>
        <translation>Ciad</translation>
    </message>
    <message>
        <source>Chile</source>
        <translation>Cile</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Cina</translation>
    </message>
    <message>
        <source>Christmas Island</source>
        <translation>Isola Christmas</translation>
    </message>
    <message>
        <source>Clipperton Island</source>
        <translation>Isola di Clipperton</translation>
    </message>
    <message>
        <source>Cocos (Keeling) Islands</source>
        <translation>Isole Cocos (Keeling)</translation>
    </message>
    <message>
        <source>Colombia</source>
        <translation>Colombia</translation>
    </message>
    <message>
        <source>Comoros</source>
        <translation>Comore</translation>
    </message>
    <message>
        <source>Congo - Brazzaville</source>
        <translation>Congo-Brazzaville</translation>
    </message>
    <message>
        <source>Congo - Kinshasa</source>
        <translation>Congo - Kinshasa</translation>
    </message>
    <message>
        <source>Cook Islands</source>
        <translation>Isole Cook</translation>
    </message>
    <message>
        <source>Costa Rica</source>
        <translation>Costa Rica</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>Croazia</translation>
    </message>
    <message>
        <source>Cuba</source>
        <translation>Cuba</translation>
    </message>
    <message>
        <source>Curaçao</source>
        <translation>Curaçao</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>Cipro</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation>Cechia</translation>
    </message>
    <message>
        <source>Côte d’Ivoire</source>
        <translation>Costa d’Avorio</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>Danimarca</translation>
    </message>
    <message>
        <source>Diego Garcia</source>
        <translation>Diego Garcia</translation>
    </message>
    <message>
        <source>Djibouti</source>
        <translation>Gibuti</translation>
    </message>
    <message>
        <source>Dominica</source>
        <translation>Dominica</translation>
    </message>
    <message>
        <source>Dominican Republic</source>
        <translation>Repubblica Dominicana</translation>
    </message>
    <message>
        <source>Ecuador</source>
        <translation>Ecuador</translation>
    </message>
    <message>
        <source>Egypt</source>
        <translation>Egitto</translation>
    </message>
    <message>
        <source>El Salvador</source>
        <translation>El Salvador</translation>
    </message>
    <message>
        <source>Equatorial Guinea</source>
        <translation>Guinea Equatoriale</translation>
    </message>
    <message>
        <source>Eritrea</source>
        <translation>Eritrea</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>Estonia</translation>
    </message>
    <message>
        <source>Eswatini</source>
        <translation>Eswatini</translation>
    </message>
    <message>
        <source>Ethiopia</source>
        <translation>Etiopia</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>Unione europea</translation>
    </message>
    <message>
        <source>Falkland Islands</source>
        <translation>Isole Falkland</translation>
    </message>
    <message>
        <source>Faroe Islands</source>
        <translation>Isole Fær Øer</translation>
    </message>
    <message>
        <source>Fiji</source>
        <translation>Figi</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>Finlandia</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>Guyana Francese</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>Polinesia Francese</translation>
    </message>
    <message>
        <source>French Southern Territories</source>
        <translation>Terre Australi Francesi</translation>
    </message>
    <message>
        <source>Gabon</source>
        <translation>Gabon</translation>
    </message>
    <message>
        <source>Gambia</source>
        <translation>Gambia</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>Georgia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Germania</translation>
    </message>
    <message>
        <source>Ghana</source>
        <translation>Ghana</translation>
    </message>
    <message>
        <source>Gibraltar</source>
        <translation>Gibilterra</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>Grecia</translation>
    </message>
    <message>
        <source>Greenland</source>
        <translation>Groenlandia</translation>
    </message>
    <message>
        <source>Grenada</source>
        <translation>Grenada</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>Guadalupa</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>Guam</translation>
    </message>
    <message>
        <source>Guatemala</source>
        <translation>Guatemala</translation>
    </message>
    <message>
        <source>Guernsey</source>
        <translation>Guernsey</translation>
    </message>
    <message>
        <source>Guinea</source>
        <translation>Guinea</translation>
    </message>
    <message>
        <source>Guinea-Bissau</source>
        <translation>Guinea-Bissau</translation>
    </message>
    <message>
        <source>Guyana</source>
        <translation>Guyana</translation>
    </message>
    <message>
        <source>Haiti</source>
        <translation>Haiti</translation>
    </message>
    <message>
        <source>Heard &amp; McDonald Islands</source>
        <translation>Isole Heard e McDonald</translation>
    </message>
    <message>
        <source>Honduras</source>
        <translation>Honduras</translation>
    </message>
    <message>
        <source>Hong Kong SAR China</source>
        <translation>RAS di Hong Kong</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>Ungheria</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation>Islanda</translation>
    </message>
    <message>
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>Iran</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>Iraq</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>Isle of Man</source>
        <translation>Isola di Man</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>Israele</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Jamaica</source>
        <translation>Giamaica</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Giappone</translation>
    </message>
    <message>
        <source>Jersey</source>
        <translation>Jersey</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>Giordania</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>Kazakistan</translation>
    </message>
    <message>
        <source>Kenya</source>
        <translation>Kenya</translation>
    </message>
    <message>
        <source>Kiribati</source>
        <translation>Kiribati</translation>
    </message>
    <message>
        <source>Kosovo</source>
        <translation>Kosovo</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>Kuwait</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>Kirghizistan</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>Laos</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>Lettonia</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>Libano</translation>
    </message>
    <message>
        <source>Lesotho</source>
        <translation>Lesotho</translation>
    </message>
    <message>
        <source>Liberia</source>
        <translation>Liberia</translation>
    </message>
    <message>
        <source>Libya</source>
        <translation>Libia</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>Liechtenstein</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>Lituania</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Lussemburgo</translation>
    </message>
    <message>
        <source>Macao SAR China</source>
        <translation>RAS di Macao</translation>
    </message>
    <message>
        <source>Madagascar</source>
        <translation>Madagascar</translation>
    </message>
    <message>
        <source>Malawi</source>
        <translation>Malawi</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>Malaysia</translation>
    </message>
    <message>
        <source>Maldives</source>
        <translation>Maldive</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>Mali</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>Malta</translation>
    </message>
    <message>
        <source>Marshall Islands</source>
        <translation>Isole Marshall</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>Martinica</translation>
    </message>
    <message>
        <source>Mauritania</source>
        <translation>Mauritania</translation>
    </message>
    <message>
        <source>Mauritius</source>
        <translation>Mauritius</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>Mayotte</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>Messico</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>Micronesia</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>Moldavia</translation>
    </message>
    <message>
        <source>Monaco</source>
        <translation>Monaco</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>Mongolia</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>Montenegro</translation>
    </message>
    <message>
        <source>Montserrat</source>
        <translation>Montserrat</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>Marocco</translation>
    </message>
    <message>
        <source>Mozambique</source>
        <translation>Mozambico</translation>
    </message>
    <message>
        <source>Myanmar (Burma)</source>
        <translation>Myanmar (Birmania)</translation>
    </message>
    <message>
        <source>Namibia</source>
        <translation>Namibia</translation>
    </message>
    <message>
        <source>Nauru</source>
        <translation>Nauru</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>Nepal</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Paesi Bassi</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>Nuova Caledonia</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nuova Zelanda</translation>
    </message>
    <message>
        <source>Nicaragua</source>
        <translation>Nicaragua</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>Niger</translation>
    </message>
    <message>
        <source>Nigeria</source>
        <translation>Nigeria</translation>
    </message>
    <message>
        <source>Niue</source>
        <translation>Niue</translation>
    </message>
    <message>
        <source>Norfolk Island</source>
        <translation>Isola Norfolk</translation>
    </message>
    <message>
        <source>North Korea</source>
        <translation>Corea del Nord</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>Macedonia del Nord</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>Isole Marianne Settentrionali</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>Norvegia</translation>
    </message>
    <message>
        <source>Oman</source>
        <translation>Oman</translation>
    </message>
    <message>
        <source>Outlying Oceania</source>
        <translation>Oceania lontana</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>Pakistan</translation>
    </message>
    <message>
        <source>Palau</source>
        <translation>Palau</translation>
    </message>
    <message>
        <source>Palestinian Territories</source>
        <translation>Territori Palestinesi</translation>
    </message>
    <message>
        <source>Panama</source>
        <translation>Panama</translation>
    </message>
    <message>
        <source>Papua New Guinea</source>
        <translation>Papua Nuova Guinea</translation>
    </message>
    <message>
        <source>Paraguay</source>
        <translation>Paraguay</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>Perù</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>Filippine</translation>
    </message>
    <message>
        <source>Pitcairn Islands</source>
        <translation>Isole Pitcairn</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>Polonia</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portogallo</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>Portorico</translation>
    </message>
    <message>
        <source>Qatar</source>
        <translation>Qatar</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>Romania</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>Russia</translation>
    </message>
    <message>
        <source>Rwanda</source>
        <translation>Ruanda</translation>
    </message>
    <message>
        <source>Réunion</source>
        <translation>Riunione</translation>
    </message>
    <message>
        <source>Samoa</source>
        <translation>Samoa</translation>
    </message>
    <message>
        <source>San Marino</source>
        <translation>San Marino</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Arabia Saudita</translation>
    </message>
    <message>
        <source>Senegal</source>
        <translation>Senegal</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>Serbia</translation>
    </message>
    <message>
        <source>Seychelles</source>
        <translation>Seychelles</translation>
    </message>
    <message>
        <source>Sierra Leone</source>
        <translation>Sierra Leone</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>Singapore</translation>
    </message>
    <message>
        <source>Sint Maarten</source>
        <translation>Sint Maarten</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>Slovacchia</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>Slovenia</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>Isole Salomone</translation>
    </message>
    <message>
        <source>Somalia</source>
        <translation>Somalia</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>Sudafrica</translation>
    </message>
    <message>
        <source>South Georgia &amp; South Sandwich Islands</source>
        <translation>Georgia del Sud e Sandwich Australi</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>Corea del Sud</translation>
    </message>
    <message>
        <source>South Sudan</source>
        <translation>Sud Sudan</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>Spagna</translation>
    </message>
    <message>
        <source>Sri Lanka</source>
        <translation>Sri Lanka</translation>
    </message>
    <message>
        <source>St. Barthélemy</source>
        <translation>Saint-Barthélemy</translation>
    </message>
    <message>
        <source>St. Helena</source>
        <translation>Sant’Elena</translation>
    </message>
    <message>
        <source>St. Kitts &amp; Nevis</source>
        <translation>Saint Kitts e Nevis</translation>
    </message>
    <message>
        <source>St. Lucia</source>
        <translation>Saint Lucia</translation>
    </message>
    <message>
        <source>St. Martin</source>
        <translation>Saint Martin</translation>
    </message>
    <message>
        <source>St. Pierre &amp; Miquelon</source>
        <translation>Saint-Pierre e Miquelon</translation>
    </message>
    <message>
        <source>St. Vincent &amp; Grenadines</source>
        <translation>Saint Vincent e Grenadine</translation>
    </message>
    <message>
        <source>Sudan</source>
        <translation>Sudan</translation>
    </message>
    <message>
        <source>Suriname</source>
        <translation>Suriname</translation>
    </message>
    <message>
        <source>Svalbard &amp; Jan Mayen</source>
        <translation>Svalbard e Jan Mayen</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Svezia</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Svizzera</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>Siria</translation>
    </message>
    <message>
        <source>São Tomé &amp; Príncipe</source>
        <translation>São Tomé e Príncipe</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>Taiwan</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>Tagikistan</translation>
    </message>
    <message>
        <source>Tanzania</source>
        <translation>Tanzania</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>Thailandia</translation>
    </message>
    <message>
        <source>Timor-Leste</source>
        <translation>Timor Est</translation>
    </message>
    <message>
        <source>Togo</source>
        <translation>Togo</translation>
    </message>
    <message>
        <source>Tokelau</source>
        <translation>Tokelau</translation>
    </message>
    <message>
        <source>Tonga</source>
        <translation>Tonga</translation>
    </message>
    <message>
        <source>Trinidad &amp; Tobago</source>
        <translation>Trinidad e Tobago</translation>
    </message>
    <message>
        <source>Tristan da Cunha</source>
        <translation>Tristan da Cunha</translation>
    </message>
    <message>
        <source>Tunisia</source>
        <translation>Tunisia</translation>
    </message>
    <message>
        <source>Turkmenistan</source>
        <translation>Turkmenistan</translation>
    </message>
    <message>
        <source>Turks &amp; Caicos Islands</source>
        <translation>Isole Turks e Caicos</translation>
    </message>
    <message>
        <source>Tuvalu</source>
        <translation>Tuvalu</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>Turchia</translation>
    </message>
    <message>
        <source>U.S. Outlying Islands</source>
        <translation>Isole Minori Esterne degli Stati Uniti</translation>
    </message>
    <message>
        <source>U.S. Virgin Islands</source>
        <translation>Isole Vergini Americane</translation>
    </message>
    <message>
        <source>Uganda</source>
        <translation>Uganda</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>Ucraina</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>Emirati Arabi Uniti</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Regno Unito</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Stati Uniti</translation>
    </message>
    <message>
        <source>Uruguay</source>
        <translation>Uruguay</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>Uzbekistan</translation>
    </message>
    <message>
        <source>Vanuatu</source>
        <translation>Vanuatu</translation>
    </message>
    <message>
        <source>Vatican City</source>
        <translation>Città del Vaticano</translation>
    </message>
    <message>
        <source>Venezuela</source>
        <translation>Venezuela</translation>
    </message>
    <message>
        <source>Vietnam</source>
        <translation>Vietnam</translation>
    </message>
    <message>
        <source>Wallis &amp; Futuna</source>
        <translation>Wallis e Futuna</translation>
    </message>
    <message>
        <source>Western Sahara</source>
        <translation>Sahara Occidentale</translation>
    </message>
    <message>
        <source>Yemen</source>
        <translation>Yemen</translation>
    </message>
    <message>
        <source>Zambia</source>
        <translation>Zambia</translation>
    </message>
    <message>
        <source>Zimbabwe</source>
        <translation>Zimbabwe</translation>
    </message>
    <message>
        <source>Åland Islands</source>
        <translation>Isole Åland</translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>same email</source>
        <translation>stessa email</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>stesso telefono</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>stesso nome e azienda</translation>
    </message>
    <message>
        <source>same name and birthday</source>
        <translation>stesso nome e data di nascita</translation>
    </message>
    <message>
        <source>same name and address</source>
        <translation>stesso nome e indirizzo</translation>
    </message>
    <message>
        <source>Grouped when they have the same email, the same phone, or the same name and one more field: company, birthday, or city and street.</source>
        <translation>Raggruppati quando hanno la stessa email, lo stesso telefono, o lo stesso nome e un altro campo: azienda, data di nascita, oppure città e via.</translation>
    </message>
    <message>
        <source>{names} — {why} ({n})</source>
        <translation>{names} — {why} ({n})</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Full name</source>
        <translation>Nome completo</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Disiscritto</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rimbalzato</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>Segnalato come spam</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Soppresso</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>In revisione</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Potenziale cliente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Former customer</source>
        <translation>Ex cliente</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contratto</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Legittimo interesse</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Inserito a mano</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Modulo web</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Email status</source>
        <translation>Stato email</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquisito</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Include archived</source>
        <translation>Includi archiviati</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Compleanno</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sito web</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Via</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <source>Province / state</source>
        <translation>Provincia / stato</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
</context>
<context>
    <name>filters</name>
    <message>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <source>is</source>
        <translation>è</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>è vuoto</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>non è vuoto</translation>
    </message>
    <message>
        <source>from (day included)</source>
        <translation>dal (giorno incluso)</translation>
    </message>
    <message>
        <source>until (day included)</source>
        <translation>fino al (giorno incluso)</translation>
    </message>
    <message>
        <source>is in the month</source>
        <translation>cade nel mese</translation>
    </message>
    <message>
        <source>include</source>
        <translation>includono</translation>
    </message>
    <message>
        <source>from</source>
        <translation>dal</translation>
    </message>
    <message>
        <source>until</source>
        <translation>fino al</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>questo mese</translation>
    </message>
    <message>
        <source>next month</source>
        <translation>il mese prossimo</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>tags, separated by commas</source>
        <translation>tag, separati da virgole</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Scegli una data</translation>
    </message>
    <message>
        <source>Choose a date (Alt+Down)</source>
        <translation>Scegli una data (Alt+Giù)</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>No API key is stored for {name}. Open Accounts…, select the account, type its key and press Save.</source>
        <translation>Nessuna chiave API salvata per {name}. Apri Account, seleziona l&apos;account, scrivi la sua chiave e premi Salva.</translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it (your login password usually does) and press Retry.</source>
        <translation>Il portachiavi di sistema è bloccato. Sbloccalo (di solito basta la password di accesso) e premi Riprova.</translation>
    </message>
    <message>
        <source>Another Contact Desk is updating this account&apos;s offline copy: try again when it has finished.</source>
        <translation>Un altro Contact Desk sta aggiornando la copia offline di questo account: riprova quando ha finito.</translation>
    </message>
    <message>
        <source>The offline copy cannot be used now ({str}).</source>
        <translation>La copia offline non può essere usata ora ({str}).</translation>
    </message>
    <message>
        <source>This account&apos;s settings are not valid: {message}</source>
        <translation>Le impostazioni di questo account non sono valide: {message}</translation>
    </message>
    <message>
        <source>The server refused this account&apos;s API key. It may be wrong, revoked or expired: edit the account and enter a valid key.</source>
        <translation>Il server ha rifiutato la chiave API di questo account. Potrebbe essere errata, revocata o scaduta: modifica l&apos;account e inserisci una chiave valida.</translation>
    </message>
    <message>
        <source>This key is not allowed to do that (it can only read). Ask for a key with the contacts:write scope.</source>
        <translation>Questa chiave non può farlo (può solo leggere). Chiedi una chiave con lo scope contacts:write.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has expired or is not valid yet ({detail}). Check this computer&apos;s date and time; if they are right, tell whoever runs the server.</source>
        <translation>Il certificato del server è scaduto o non è ancora valido ({detail}). Controlla la data e l&apos;ora di questo computer; se sono giuste, avvisa chi gestisce il server.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is for another name ({detail}): check the account&apos;s address.</source>
        <translation>Il certificato del server è per un altro nome ({detail}): controlla l&apos;indirizzo dell&apos;account.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted ({detail}). Your company may inspect secure connections: ask IT for its certificate, or have it installed in this computer&apos;s certificate store.</source>
        <translation>Il certificato del server non è attendibile ({detail}). La tua azienda potrebbe ispezionare le connessioni sicure: chiedi all&apos;IT il suo certificato, o fallo installare nell&apos;archivio dei certificati di questo computer.</translation>
    </message>
    <message>
        <source>The proxy {proxy} asks for a user name and password (407): give them in File → Network settings…, or ask IT.</source>
        <translation>Il proxy {proxy} chiede nome utente e password (407): inseriscili in File → Impostazioni di rete…, o chiedi all&apos;IT.</translation>
    </message>
    <message>
        <source>The proxy {proxy} refused the connection{status}: ask IT whether this address is allowed.</source>
        <translation>Il proxy {proxy} ha rifiutato la connessione{status}: chiedi all&apos;IT se questo indirizzo è consentito.</translation>
    </message>
    <message>
        <source>The server&apos;s name was not found: check the account&apos;s address, and that this network is connected.</source>
        <translation>Il nome del server non è stato trovato: controlla l&apos;indirizzo dell&apos;account e che questa rete sia connessa.</translation>
    </message>
    <message>
        <source>Nothing answers at the server&apos;s address: check the account&apos;s address and port, or try again later.</source>
        <translation>All&apos;indirizzo del server non risponde nessuno: controlla indirizzo e porta dell&apos;account, o riprova più tardi.</translation>
    </message>
    <message>
        <source>A contact with this email already exists.</source>
        <translation>Esiste già un contatto con questa email.</translation>
    </message>
    <message>
        <source>The tag “{tag}” does not exist in this account. The server said: {message}</source>
        <translation>Il tag “{tag}” non esiste in questo account. Il server ha risposto: {message}</translation>
    </message>
    <message>
        <source>The server refused a value: {message}</source>
        <translation>Il server ha rifiutato un valore: {message}</translation>
    </message>
    <message>
        <source>This server does not support editing contacts.</source>
        <translation>Questo server non permette di modificare i contatti.</translation>
    </message>
    <message>
        <source>The server may have created this contact, but its answer was lost and Contact Desk could not find it among the newest contacts. Check the list before trying again.</source>
        <translation>Il server potrebbe aver creato questo contatto, ma la sua risposta è andata persa e Contact Desk non l&apos;ha trovato tra i contatti più recenti. Controlla l&apos;elenco prima di riprovare.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your connection and try again.</source>
        <translation>Il server non ha risposto in tempo. Controlla la connessione e riprova.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your connection and try again.</source>
        <translation>Impossibile raggiungere il server. Controlla la connessione e riprova.</translation>
    </message>
    <message>
        <source>The server is receiving too many requests. Wait a moment and try again.</source>
        <translation>Il server sta ricevendo troppe richieste. Attendi un momento e riprova.</translation>
    </message>
    <message>
        <source>The server had a problem and could not answer. Try again in a moment.</source>
        <translation>Il server ha avuto un problema e non ha potuto rispondere. Riprova tra poco.</translation>
    </message>
    <message>
        <source>The server sent an answer Contact Desk cannot read.</source>
        <translation>Il server ha inviato una risposta che Contact Desk non sa leggere.</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>Questo contatto non esiste più.</translation>
    </message>
    <message>
        <source>The server said: {message}</source>
        <translation>Il server ha risposto: {message}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>Si è verificato un errore imprevisto: {error}</translation>
    </message>
    <message>
        <source>(request id {rid})</source>
        <translation>(id richiesta {rid})</translation>
    </message>
    <message>
        <source>A tag does not exist in this account. The server said: {message}</source>
        <translation>Un tag non esiste in questo account. Il server ha risposto: {message}</translation>
    </message>
    <message>
        <source>The proxy {proxy} cannot be reached: check this computer&apos;s proxy settings (or HTTPS_PROXY), or ask IT.</source>
        <translation>Il proxy {proxy} non è raggiungibile: controlla le impostazioni proxy di questo computer (o HTTPS_PROXY), o chiedi all&apos;IT.</translation>
    </message>
    <message>
        <source>A contact with this email already exists, and it is archived.</source>
        <translation>Esiste già un contatto con questa email, ed è archiviato.</translation>
    </message>
    <message>
        <source>A proxy&apos;s address starts with http:// or https:// and names a host, like http://proxy.example.com:8080</source>
        <translation>L&apos;indirizzo di un proxy comincia con http:// o https:// e nomina un host, come http://proxy.example.com:8080</translation>
    </message>
    <message>
        <source>Give the user name and the password in their own fields, not in the address</source>
        <translation>Scrivi nome utente e password nei loro campi, non nell&apos;indirizzo</translation>
    </message>
    <message>
        <source>The network settings cannot be saved: {reason}</source>
        <translation>Le impostazioni di rete non possono essere salvate: {reason}</translation>
    </message>
</context>
</TS>
