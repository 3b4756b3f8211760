"""The one module outside api/ that writes the API's field names: what other programs' files call
each field (the headers Google Contacts, Outlook, Thunderbird, our own export and Italian
spreadsheets write), the columns a vCard is read into, and the fields that find a contact again.
Everything else asks the dialect's schema (tests/test_architecture.py checks it)."""

from __future__ import annotations

FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMPANY = "firstName", "lastName", "email", "phoneNumber", "company"
JOB_TITLE, WEBSITE, NOTES, BIRTHDAY, TAGS = "jobTitle", "website", "notes", "birthday", "tags"
UPDATED_AT = "updatedAt"  # our export's column: when the contact was last changed (an import's "as of")
ADDRESS = ("street", "city", "state", "postalCode", "country")  # a vCard ADR's parts 2..6, in order

# field -> header spellings (compared folded: lower case, no accents, letters and digits only)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "firstName": ("first name", "given name", "firstname", "nome", "nome proprio", "name first"),
    "lastName": ("last name", "family name", "surname", "lastname", "cognome", "name last"),
    "email": ("email", "e-mail", "email address", "e-mail address", "e-mail 1 - value", "email 1 - value",
              "primary email", "e-mail 1", "indirizzo email", "indirizzo e-mail", "posta elettronica",
              "mail"),
    "phoneNumber": ("phone", "phone number", "mobile phone", "mobile", "mobile number", "cell phone",
                    "phone 1 - value", "primary phone", "business phone", "work phone", "telephone",
                    "telefono", "cellulare", "numero di telefono", "tel"),
    "company": ("company", "organization", "organisation", "organization 1 - name", "organization name",
                "azienda", "societa", "ditta", "ragione sociale", "company name"),
    "jobTitle": ("job title", "organization 1 - title", "organization title", "ruolo",
                 "qualifica", "mansione", "position"),
    "street": ("street", "business street", "address 1 - street", "work address", "address",
               "indirizzo", "via", "home street"),
    "city": ("city", "business city", "address 1 - city", "work city", "citta", "comune", "home city"),
    "state": ("state", "business state", "address 1 - region", "work state", "region", "provincia",
              "regione"),
    "postalCode": ("postal code", "zip", "zip code", "business postal code", "address 1 - postal code",
                   "work zipcode", "cap", "codice postale"),
    "country": ("country", "business country/region", "address 1 - country", "work country",
                "country/region", "paese", "nazione", "stato"),
    "website": ("website", "web page", "website 1 - value", "web page 1", "url", "sito web", "sito",
                "homepage"),
    "birthday": ("birthday", "birth date", "date of birth", "compleanno", "data di nascita"),
    "notes": ("notes", "note", "comments", "commenti"),
    "tags": ("tags", "tag", "categories", "labels", "group membership", "etichette", "categorie", "gruppi"),
    "consentType": ("consent", "consent type", "consenso", "tipo consenso"),
}

VCARD_COLUMNS = ["firstName", "lastName", "company", "jobTitle", "email", "email2", "email3",
                 "phoneNumber", "phoneNumber2", "phoneNumber3", "street", "city", "state", "postalCode",
                 "country", "website", "birthday", "notes", "tags"]
