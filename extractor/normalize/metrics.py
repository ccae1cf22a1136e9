"""Which cluster metric a number measures, from the words around it ("445+ members", "80k jobs").

A domain lexicon in French, English, Spanish, German and Dutch. The noun right after the number
decides ("140 entreprises industrielles" -> companies); the words before it are the fallback
("chiffre d'affaires : 25 M€" -> revenue). Text is matched without accents and in lower case.
"""
from __future__ import annotations

import re
import unicodedata

from schemas.figure import Metric

# Checked in this order at the head of the phrase: the more specific reading first, so that
# "chiffre d'affaires à l'export" is export revenue, not revenue, and "sites de production"
# production sites, not production share.
_LEXICON: tuple[tuple[Metric, str], ...] = (
    (Metric.export_revenue,
     r"(?:chiffre d'affaires|ca|ventes|revenus?)(?: \S+){0,3} (?:a|de) l'export(?:ation)?"
     r"|export (?:sales|revenues?|turnover|income)|exports?\b|a l'export(?:ation)?"
     r"|en exportations?|(?:d'|de )?exportations?\b|de exportacion(?:es)?|en exportaciones"
     r"|exportumsatz|exporterlos|exportomzet|aan export"),
    (Metric.production_sites,
     r"(?:sites|unites|centres) (?:de production|industriels|de fabrication|de production\w*)"
     r"|(?:production|manufacturing|industrial) (?:sites|plants|facilities)"
     r"|usines|plants|factories|plantas(?: de produccion)?|produktionsstandorte|produktionsstatten"
     r"|werke|productielocaties|productiesites|fabrieken"),
    (Metric.production_share,
     r"(?:de la|of the|of|de|der|van de) (?:\S+ ){0,3}?(?:production|fabrication|manufacturing"
     r"|produccion|produktion|productie)"),
    (Metric.smes,
     r"pmes?\b|smes?\b|kmus?\b|pymes?\b|mkb(?:-bedrijven)?|petites et moyennes entreprises"
     r"|small and medium[- ]sized (?:enterprises|companies)|tpe(?:/| et )pme"),
    (Metric.academic_institutions,
     r"(?:institutions?|etablissements?|organismes?|instituts?|partenaires?) (?:academiques?|universitaires?|d'enseignement superieur)"
     r"|universites|universities|academic (?:institutions|partners|organisations|organizations)"
     r"|higher education institutions|hautes ecoles|universidades|instituciones academicas"
     r"|hochschulen|universitaten|universiteiten|kennisinstellingen|academische instellingen"),
    (Metric.research_centres,
     r"(?:centres?|centers?|instituts?|laboratoires?|organismes?) (?:de recherche|of research)"
     r"|research (?:centres?|centers?|institutes?|organisations|organizations|labs|laboratories)"
     r"|centros de investigacion|forschungs(?:einrichtungen|zentren|institute)|onderzoekscentra"
     r"|onderzoeksinstellingen|kenniscentra"),
    (Metric.hospitals,
     r"hopitaux|hopital|hospitals?|hospitales?|krankenhauser|kliniken|ziekenhuizen"
     r"|centres hospitaliers|chu\b|cliniques"),
    (Metric.researchers,
     r"chercheurs|researchers|scientists|scientifiques|investigadores|forscher(?:innen)?"
     r"|wissenschaftler|onderzoekers"),
    (Metric.members,
     r"(?:membres|adherents|members|miembros|socios|asociados|mitglieder|leden)\b"
     r"|member (?:companies|organisations|organizations|firms)|entreprises (?:membres|adherentes)"
     r"|acteurs|stakeholders|mitgliedsunternehmen|lidbedrijven"),
    (Metric.companies,
     r"entreprises|societes|companies|firms|businesses|industriels|start-?ups|empresas"
     r"|companias|unternehmen|firmen|bedrijven|ondernemingen"),
    (Metric.jobs,
     r"emplois?|employes|salaries|collaborateurs|postes|jobs|employees|workers|staff"
     r"|people employed|fte|etp|empleos|trabajadores|empleados|arbeitsplatze|beschaftigte"
     r"|mitarbeiter(?:innen)?|banen|werknemers|arbeidsplaatsen|medewerkers|werkgelegenheid"),
    (Metric.offices,
     r"antennes|antenne|offices?|bureaux|delegations|implantations|oficinas|sedes|buros"
     r"|niederlassungen|standorte|kantoren|vestigingen"),
    (Metric.projects,
     r"projets|projects|proyectos|projekte|projecten"),
    (Metric.funding,
     r"(?:financements?|budget|enveloppe|dotation|montant|amount|subventions?|(?:co-?)?financ(?:e|es|ee|ees)"
     r"|(?:co-?)?funded|financed|granted|awarded|allou(?:e|es|ee|ees)|octroye\w*|investis|investissements?|funding|investments?"
     r"|grants?|financiacion|inversion(?:es)?|forderung|finanzierung|investitionen|financiering"
     r"|investeringen|subsidies?)"),
    (Metric.revenue,
     r"(?:chiffre d'affaires|ca\b|turnover|revenues?|sales|facturacion|ventas|umsatz"
     r"|omzet)"),
)
_COMPILED = tuple((metric, re.compile(rf"(?:{pattern})(?![\w])")) for metric, pattern in _LEXICON)

# Words that may stand between a number and its noun: "26 billion in export sales",
# "140 innovative companies", "20 nouveaux membres", "120 member companies".
_SKIPPABLE = re.compile(
    r"(?:d'|l')\s*|(?:de|des|du|of|in|en|the|les|la|le|dans|au|aux|van|von|der|die|del|het|a"
    r"|nouveaux|nouvelles|nouveau|nouvelle|grands|grandes|petites|petits|jeunes|principaux"
    r"|principales|new|additional|key|major|leading|local|direct|directs|directes|indirect"
    r"|indirects|full-time|permanent|qualified|highly|skilled|innovative|innovantes|innovants"
    r"|active|actifs|actives|neue|neuen|nieuwe|nuevos|nuevas|\S+(?:al|ive|ic|ary|tech))\s+"
)
# One or two content words of a compound noun: "life science employees", "Polepharma members".
_COMPOUND = re.compile(
    r"(?:(?!(?:et|and|ou|or|y|und|en|of|de|des|du|the|les|la|le|que|qui|who|which|dont|with|avec"
    r"|pour|for|par|per|sur|on|a|ont|est|sont|is|are|was|were|has|have)\b)[^\W\d][\w'-]* ){1,2}"
)
# Words before a number that name what it measures: "un chiffre d'affaires de 25 M€",
# "Nombre d'adhérents : 300", "export sales of €26bn", "employing 1,200".
_BEFORE_ONLY: tuple[tuple[Metric, str], ...] = (
    (Metric.jobs, r"employ(?:s|ing|ant|e)?|emploie|emploient|beschaftigt|werkgelegenheid"),
    (Metric.funding, r"invest(?:it|ira|issent|s|ed|ing|ment of)?|raised|leve|levee de|granted|alloue"),
)
# "40 % du chiffre d'affaires", "16% des exportations", "60% of jobs": a share of some
# other total, which no metric measures, unlike "60 % de la production".
_SHARE_OF = re.compile(r"^(?:du|des|of|de sa|de son|de leur)\s")
# A number followed by one of these names no noun of its own ("20 000 au global", "300 in
# total", "Adhérents : 300.", "employing 1,200 people"), so the words before it say what it counts.
_NO_NOUN = re.compile(
    r"^(?:$|[,/]|(?:au|aux|en|dans|pour|par|sur|avec|et|ou|soit|dont|a|in|at|for|by|with|and|or"
    r"|across|throughout|worldwide|overall|total|each|per|y|und|op|bei|im|bis|tot|hasta"
    r"|people|personnes|persons|personas|personen|menschen|mensen|from|to|since|between|depuis"
    r"|entre|de|than|que|as|comme|was|were|is|are|has|have|had|will|would|est|sont|ont|sera"
    r"|seront|etait|etaient|ist|sind|wurde|werden|es|son|fue|zijn|werd|wordt)\b)"
)
_AFTER_END = re.compile(r"[.;:!?()\[\]\n•–—]|\s-\s")
_BEFORE_END = re.compile(r"[.;!?()\[\]\n•]")
_AFTER_CHARS = 80
_BEFORE_CHARS = 60


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("\u2019", "'").casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\u00a0\u202f*_]+", " ", text)


def _lexicon_at(text: str) -> Metric | None:
    for metric, pattern in _COMPILED:
        if pattern.match(text):
            return metric
    return None


def _at_head(text: str) -> Metric | None:
    """The metric named at the start of ``text``, after up to three skippable words.

    Up to two other words may also stand right before the noun ("40,000 life science
    employees"), but no function word may follow them: "5 ans auprès des entreprises" is None.
    """
    for _ in range(4):
        found = _lexicon_at(text)
        if found is not None:
            return found
        skipped = _SKIPPABLE.match(text)
        if skipped is None:
            break
        text = text[skipped.end():]
    compound = _COMPOUND.match(text)
    return _lexicon_at(text[compound.end():]) if compound else None


_BEFORE_PATTERNS = _COMPILED + tuple((m, re.compile(rf"(?:{p})(?![\w])")) for m, p in _BEFORE_ONLY)


def _closest_before(text: str) -> Metric | None:
    best: tuple[int, Metric] | None = None
    for metric, pattern in _BEFORE_PATTERNS:
        for found in pattern.finditer(text):
            if found.start() > 0 and text[found.start() - 1].isalnum():
                continue
            if best is None or found.end() > best[0]:
                best = (found.end(), metric)
    if best is None:
        return None
    if best[1] is Metric.revenue and _COMPILED[0][1].search(text):
        return Metric.export_revenue
    return best[1]


def metric_hint(before: str, after: str) -> Metric | None:
    """The metric the words right after a number (else right before it) name, or None.

    ``before`` and ``after`` are the source text on either side of the number's span. Only the
    clause the number sits in counts. A number followed by a noun outside the lexicon ("75
    entrepreneurs", "3 ans") gets None rather than a guess from further away.
    """
    tail = _plain(_AFTER_END.split(after[:_AFTER_CHARS], maxsplit=1)[0]).strip()
    found = _at_head(tail)
    if found is Metric.production_share or (found is not None and not _SHARE_OF.match(tail)):
        return found
    if _SHARE_OF.match(tail) or not _NO_NOUN.match(tail):
        return None
    head = _plain(_BEFORE_END.split(before[-_BEFORE_CHARS * 2:])[-1]).strip(" ,")
    return _closest_before(head[-_BEFORE_CHARS:]) if head else None


HINT_REACH = 80


def metric_around(text: str, start: int, end: int) -> Metric | None:
    """metric_hint for the number at text[start:end], from the words within HINT_REACH on each side."""
    return metric_hint(text[max(0, start - HINT_REACH):start], text[end:end + HINT_REACH])
