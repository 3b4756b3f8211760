<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message numerus="yes">
        <source>The connection works: %Ln contact(s).</source>
        <translation>
            <numerusform>The connection works: %Ln contact.</numerusform>
            <numerusform>The connection works: %Ln contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>Change %Ln contact(s): {what}?</source>
        <translation>
            <numerusform>Change %Ln contact: {what}?</numerusform>
            <numerusform>Change %Ln contacts: {what}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Change %Ln contact(s)</source>
        <translation>
            <numerusform>&amp;Change %Ln contact</numerusform>
            <numerusform>&amp;Change %Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactTableView</name>
    <message numerus="yes">
        <source>Copied %Ln row(s)</source>
        <translation>
            <numerusform>Copied %Ln row</numerusform>
            <numerusform>Copied %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln not loaded yet left out)</source>
        <translation>
            <numerusform>(%Ln not loaded yet left out)</numerusform>
            <numerusform>(%Ln not loaded yet left out)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%Ln selected row(s) not loaded yet would be left out: scroll to them first, or export all matching.</source>
        <translation>
            <numerusform>%Ln selected row is not loaded yet and would be left out: scroll to it first, or export all matching.</numerusform>
            <numerusform>%Ln selected rows are not loaded yet and would be left out: scroll to them first, or export all matching.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln contact(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln contact to {path}</numerusform>
            <numerusform>Exported %Ln contacts to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln character(s) Excel cannot hold written as spaces)</source>
        <translation>
            <numerusform>(%Ln character Excel cannot hold written as a space)</numerusform>
            <numerusform>(%Ln characters Excel cannot hold written as spaces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) written…</source>
        <translation>
            <numerusform>%Ln contact written…</numerusform>
            <numerusform>%Ln contacts written…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln row(s) from a {source} file.</source>
        <translation>
            <numerusform>%Ln row from a {source} file.</numerusform>
            <numerusform>%Ln rows from a {source} file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln contact(s) into {account}</source>
        <translation>
            <numerusform>&amp;Import %Ln contact into {account}</numerusform>
            <numerusform>&amp;Import %Ln contacts into {account}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) changed by someone after the file was made: left as they are (see the list).</source>
        <translation>
            <numerusform>%Ln contact changed by someone after the file was made: left as it is (see the list).</numerusform>
            <numerusform>%Ln contacts changed by someone after the file was made: left as they are (see the list).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightControl</name>
    <message numerus="yes">
        <source>%Ln group(s) of possible duplicates.</source>
        <translation>
            <numerusform>%Ln group of possible duplicates.</numerusform>
            <numerusform>%Ln groups of possible duplicates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailing</name>
    <message numerus="yes">
        <source>%Ln selected contact(s) without an email address left out.</source>
        <translation>
            <numerusform>%Ln selected contact without an email address left out.</numerusform>
            <numerusform>%Ln selected contacts without an email address left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln address(es).</source>
        <translation>
            <numerusform>Copied %Ln address.</numerusform>
            <numerusform>Copied %Ln addresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) opened in your mail program, the addresses in Bcc.</source>
        <translation>
            <numerusform>%Ln draft opened in your mail program, the addresses in Bcc.</numerusform>
            <numerusform>%Ln drafts opened in your mail program, the addresses in Bcc.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyChanges</name>
    <message numerus="yes">
        <source>Exported %Ln change(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln change to {path}</numerusform>
            <numerusform>Exported %Ln changes to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfflineView</name>
    <message numerus="yes">
        <source>Offline copy: %Ln contact(s), synced {when}</source>
        <translation>
            <numerusform>Offline copy: %Ln contact, synced {when}</numerusform>
            <numerusform>Offline copy: %Ln contacts, synced {when}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searched in the %Ln contact(s) synced so far; the copy is being completed</source>
        <translation>
            <numerusform>Searched in the %Ln contact synced so far; the copy is being completed</numerusform>
            <numerusform>Searched in the %Ln contacts synced so far; the copy is being completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Syncing the offline copy: %Ln contact(s)</source>
        <translation>
            <numerusform>Syncing the offline copy: %Ln contact</numerusform>
            <numerusform>Syncing the offline copy: %Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxControl</name>
    <message numerus="yes">
        <source>%Ln waiting change(s) sent.</source>
        <translation>
            <numerusform>%Ln waiting change sent.</numerusform>
            <numerusform>%Ln waiting changes sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln need(s) you: see View → Outbox.</source>
        <translation>
            <numerusform>%Ln needs you: see View → Outbox.</numerusform>
            <numerusform>%Ln need you: see View → Outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) made while the server could not be reached are waiting to be sent. They are kept on this computer and sent the next time Contact Desk opens this account and the server answers: nothing is lost by quitting.</source>
        <translation>
            <numerusform>%Ln change made while the server could not be reached is waiting to be sent. It is kept on this computer and sent the next time Contact Desk opens this account and the server answers: nothing is lost by quitting.</numerusform>
            <numerusform>%Ln changes made while the server could not be reached are waiting to be sent. They are kept on this computer and sent the next time Contact Desk opens this account and the server answers: nothing is lost by quitting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln change waiting to be sent</numerusform>
            <numerusform>%Ln changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln need(s) you)</source>
        <translation>
            <numerusform>(%Ln needs you)</numerusform>
            <numerusform>(%Ln need you)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message numerus="yes">
        <source>Discard %Ln waiting change(s)? They will not be sent, and cannot be brought back.</source>
        <translation>
            <numerusform>Discard %Ln waiting change? It will not be sent, and cannot be brought back.</numerusform>
            <numerusform>Discard %Ln waiting changes? They will not be sent, and cannot be brought back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>%Ln contact(s) read…</source>
        <translation>
            <numerusform>%Ln contact read…</numerusform>
            <numerusform>%Ln contacts read…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}: %Ln contact(s)</source>
        <translation>
            <numerusform>Saved {file}: %Ln contact</numerusform>
            <numerusform>Saved {file}: %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) laid out…</source>
        <translation>
            <numerusform>%Ln contact laid out…</numerusform>
            <numerusform>%Ln contacts laid out…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) ready to print.</source>
        <translation>
            <numerusform>%Ln contact ready to print.</numerusform>
            <numerusform>%Ln contacts ready to print.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeChoice</name>
    <message numerus="yes">
        <source>All %Ln contact(s) matching the filters and search</source>
        <translation>
            <numerusform>The %Ln contact matching the filters and search</numerusform>
            <numerusform>All %Ln contacts matching the filters and search</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoWords</name>
    <message numerus="yes">
        <source>Restored %Ln contact(s).</source>
        <translation>
            <numerusform>Restored %Ln contact.</numerusform>
            <numerusform>Restored %Ln contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer exist(s).</source>
        <translation>
            <numerusform>%Ln no longer exists.</numerusform>
            <numerusform>%Ln no longer exist.</numerusform>
        </translation>
    </message>
</context>
</TS>
