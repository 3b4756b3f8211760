"""Vocabulary for the sandbox's generated demo data.

Italian and European names (with accents and apostrophes on purpose), companies,
cities and notes. Pure data: the generator in ``demo_data`` draws from it.
"""

from __future__ import annotations

FIRST_NAMES: tuple[str, ...] = (
    "Mario", "Giulia", "Luca", "Francesca", "Marco", "Chiara", "Andrea", "Sara",
    "Matteo", "Valentina", "Alessandro", "Martina", "Lorenzo", "Elisa", "Davide",
    "Federica", "Simone", "Alessia", "Nicolò", "Niccolò", "Gioele", "Noemi",
    "Ilaria", "Paolo", "Roberta", "Giuseppe", "Anna", "Francesco", "Laura",
    "Stefano", "Silvia", "Riccardo", "Beatrice", "Tommaso", "Aurora", "Gabriele",
    "Sofia", "Emanuele", "Greta", "Pietro", "Zoe", "Filippo", "Camilla",
    "Raffaele", "Ludovica", "Salvatore", "Rosaria", "Gianluca", "Maria Grazia",
    "Gian Marco", "Anna Maria", "François", "Chloé", "Élodie", "Jérôme",
    "Jürgen", "Søren", "Björn", "Zoë", "José", "Inês", "João", "Łukasz",
    "Agnieszka", "Małgorzata", "Ángel", "Lucía", "Núria", "Siobhán", "Seán",
    "Katharina", "Matthias", "Dorothée", "Renée", "Mikael", "Håkon",
)

LAST_NAMES: tuple[str, ...] = (
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
    "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "D'Angelo",
    "Dell'Acqua", "Lo Russo", "Mancini", "Costa", "Giordano", "Rinaldi",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Caruso",
    "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
    "Vitale", "Serra", "Coppola", "De Santis", "D'Amico", "Marchetti", "Parisi",
    "Villa", "Conte", "Ferraro", "Fabbri", "Bianco", "Marini", "Grasso",
    "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini",
    "Palumbo", "Sanna", "Farina", "Rizzi", "Monti", "Cattaneo", "Morelli",
    "Amato", "Silvestri", "Mazza", "Testa", "Dell'Orto", "Dall'Ara", "Sant'Elia",
    "Nicolò", "Pagliarò", "Müller", "Schmidt", "Schäfer", "Weiß", "García",
    "Martínez", "Fernández", "Dubois", "Lefèvre", "Bérenger", "O'Brien",
    "O'Connor", "Nowak", "Kowalski", "Wiśniewska", "Sørensen", "Åström",
    "Gonçalves", "Nuñez", "van der Berg", "de Jong",
)

COMPANY_STEMS: tuple[str, ...] = (
    "Acme", "Rossi Costruzioni", "Bianchi", "Tessitura Lombarda", "Officine Meccaniche",
    "Caffè Torino", "Vini dell'Etna", "Agenzia Sole", "Studio Legale Ferri",
    "Ottica Moretti", "Pasticceria Dolcè", "Fonderia Alpina", "Logistica Adriatica",
    "Edizioni Aurora", "Farmacia Centrale", "Ceramiche d'Arte", "Idraulica Conti",
    "Autofficina Gallo", "Panificio Greco", "Studio Dentistico Villa", "Müller Technik",
    "Boulangerie Lefèvre", "Transportes García", "Nordlicht", "Software Alpha",
    "Cantina Sant'Elia", "Hotel Bellavista", "Energia Verde", "Gelateria Marini",
    "Consulenze Parisi", "Tipografia Sala", "Arredamenti Fontana", "Vetreria Muranese",
)

COMPANY_SUFFIXES: tuple[str, ...] = (
    "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "GmbH", "SARL", "S.L.", "Ltd", "",
)

JOB_TITLES: tuple[str, ...] = (
    "CEO", "CTO", "Responsabile acquisti", "Direttore commerciale", "Office manager",
    "Amministrazione", "Titolare", "Socio", "Marketing manager", "Segreteria",
    "Responsabile IT", "Project manager", "Agente di commercio", "Contabile",
    "Geschäftsführer", "Directrice commerciale", "Jefe de compras",
)

# (city, province/state, postal code, ISO country, phone prefix)
CITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Milano", "MI", "20121", "IT", "+39"), ("Roma", "RM", "00184", "IT", "+39"),
    ("Torino", "TO", "10121", "IT", "+39"), ("Napoli", "NA", "80133", "IT", "+39"),
    ("Bologna", "BO", "40121", "IT", "+39"), ("Firenze", "FI", "50122", "IT", "+39"),
    ("Genova", "GE", "16121", "IT", "+39"), ("Palermo", "PA", "90133", "IT", "+39"),
    ("Bari", "BA", "70121", "IT", "+39"), ("Verona", "VR", "37121", "IT", "+39"),
    ("Forlì", "FC", "47121", "IT", "+39"), ("Cantù", "CO", "22063", "IT", "+39"),
    ("L'Aquila", "AQ", "67100", "IT", "+39"), ("Sant'Agata di Militello", "ME", "98076", "IT", "+39"),
    ("Paris", "IDF", "75002", "FR", "+33"), ("Lyon", "ARA", "69002", "FR", "+33"),
    ("Berlin", "BE", "10115", "DE", "+49"), ("München", "BY", "80331", "DE", "+49"),
    ("Köln", "NW", "50667", "DE", "+49"), ("Zürich", "ZH", "8001", "CH", "+41"),
    ("Madrid", "MD", "28013", "ES", "+34"), ("Barcelona", "CT", "08002", "ES", "+34"),
    ("Lisboa", "LX", "1100-148", "PT", "+351"), ("Wien", "W", "1010", "AT", "+43"),
    ("København", "84", "1050", "DK", "+45"), ("Kraków", "MA", "31-001", "PL", "+48"),
)

STREET_KINDS: tuple[str, ...] = ("Via", "Viale", "Corso", "Piazza", "Vicolo", "Largo")
STREET_NAMES: tuple[str, ...] = (
    "Roma", "Garibaldi", "Mazzini", "Cavour", "Dante Alighieri", "dell'Indipendenza",
    "XX Settembre", "Vittorio Emanuele II", "San Francesco d'Assisi", "dei Mille",
    "della Repubblica", "Matteotti", "Marconi", "Verdi", "Manzoni", "Leopardi",
)

NOTES: tuple[str, ...] = (
    "Incontrato alla conferenza", "Richiamare dopo le ferie", "Preferisce essere contattato via email",
    "Cliente dal 2019, molto puntuale nei pagamenti", "Interessato all'offerta primavera",
    "Ha chiesto un preventivo per 20 licenze", "Contatto conosciuto in fiera a Bologna",
    "Parla inglese e tedesco", "Non chiamare prima delle 10", "Referente per l'amministrazione",
    "Met at the trade fair in Berlin", "Rappel prévu en septembre",
)

EMAIL_DOMAINS: tuple[str, ...] = (
    "example.com", "example.it", "example.org", "example.net", "mail.example.com",
    "posta.example.it",
)

SMARTCQ_DEMO_TAGS: tuple[str, ...] = (
    "cliente-storico", "milano", "roma", "torino", "newsletter", "vip", "fiera-2026",
    "b2b", "b2c", "partner", "fornitore", "evento-ottobre", "black-friday", "webinar",
)
SMARTCQ_OTHER_TAGS: tuple[str, ...] = ("berlin", "partner", "trial", "enterprise")

SOURCES: tuple[str, ...] = ("manual", "import", "form", "api", "event")
CONSENT_TYPES: tuple[str, ...] = ("contract", "consent", "legitimate_interest")
