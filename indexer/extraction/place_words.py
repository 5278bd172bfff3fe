"""Word lists that tell a world place's mention from other capitalised words.

Shared by candidate finding (``indexer.extraction.world_candidates``), the decision
(``indexer.extraction.resolve``) and kind-named places (``indexer.extraction.kind_places``), and by
the matcher (``COMPOUND_WORDS``); kept apart so each of those reads the same
lists and none of them owns the vocabulary.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "AGREEMENT_KINDS", "AGREEMENT_WORDS", "BORDER_NOUNS", "COMPASS", "COMPASS_ALONE", "COMPOUND_WORDS", "CONNECTORS", "DATE_NAMES", "DOCUMENT_WORDS", "EVENT_WORDS", "GROUP_HEADS", "group_name", "INSTITUTION_HEADS", "INSTITUTION_WORDS", "LEGISLATURES", "LOCATIVES", "MAX_WORDS", "MEMORIAL_GROUNDS", "MEMORIAL_WORDS", "NAMED_AFTER", "NOT_NAMES", "ORIGIN_NOUNS", "PARTY_INITIALS", "PART_NOUNS", "PERSON_VERBS", "PLACE_TYPES", "PLACE_WORDS_AFTER", "POSSESSIVE_GAP", "TOWN_BODIES", "SETTINGS", "SUBJECT_HEADS", "TALK_WORDS", "VEHICLE_MAKES", "VEHICLE_NOUNS"]

#: Words after a name, joined by a hyphen, that make it a modifier, never a
#: place mention (``Britain-based monitor``, ``US-backed forces``).
COMPOUND_WORDS = frozenset("based backed led brokered funded sponsored supported born "
                           "registered made owned run allied aligned".split())
#: Words after a place's name that make it an agreement's name (``the Dayton
#: accords``, ``the Minsk agreements``), not a place mention.
AGREEMENT_WORDS = frozenset("accord accords agreement agreements protocol protocols treaty treaties "
                            "declaration convention conventions format statute consensus institutions".split())
AGREEMENT_KINDS = frozenset("peace ceasefire truce trade nuclear framework".split())
#: Capitalised words after a place's name that make it a document's or a programme's
#: name (``the Beijing Platform for Action``, ``the Durban Programme of Action``, ``the
#: Doha Agenda``): lower-case they are the text's own nouns (``its programme in Beijing``).
DOCUMENT_NAME_HEADS = frozenset("platform programme program agenda principles roadmap mandate".split())
#: Lower-case words allowed inside a capitalised run (``Bab al-Mandab``,
#: ``Gulf of Aden``, ``Rio de Janeiro``).
CONNECTORS = frozenset("al el ad ar as ash at az an ad ez es de del da do dos la le les "
                        "of on upon sur am im bin ibn abu".split())
#: Capitalised words after a name that keep it a place (``Kachin State``).
PLACE_TYPES = frozenset("state province region governorate oblast county parish district "
                         "city town village area department prefecture territory island "
                         "islands valley countryside".split())
#: Words after a place that make the run an institution of that place.
INSTITUTION_WORDS = frozenset(
    "department court supreme senate house assembly legislature university college school "
    "schools board association police sheriff council government governor attorney commission "
    "committee ministry authority agency office fire army national guard airport hospital "
    "public community state republican democratic party chamber library museum general "
    "city county municipal regional provincial federal high district highway port "
    # the place's officials, services and local bodies ("Dublin Mayor", "Albany Fire
    # Department", "Lombard Historical Society", "Augusta Herald")
    "mayor manager marshal councilman councilwoman councillor councilor alderman selectman "
    "fire volunteer historical society foundation hall club lodge metropolitan memorial "
    "medical parks recreation education convention visitors tourism herald tribune gazette "
    "journal daily".split())
#: Head words of institutions named after a place or a person, not that
#: place's own (a university, a newspaper, a hospital's memorial, a club, a
#: firm): the place opening their name is no place mention there (the
#: written conventions: a place inside an organisation's name), wherever the
#: institution stands (``Columbia University``, ``Lansing State Journal``,
#: ``Licking Memorial Hospital``, ``Chartwell Group``). A town's own bodies
#: (``Dublin Police``, ``Albany City Council``) still place it.
NAMED_AFTER = frozenset("university college journal herald tribune gazette times register memorial "
                        "foundation group".split())
#: Last words of a memorial's name that make it a place (``Sunset Memorial Park``).
MEMORIAL_GROUNDS = frozenset("park parks cemetery gardens garden square plaza".split())
#: Words of a capitalised run that make it an institution seated in the
#: place of a kind that opens it (``Clarke County Superior Court``,
#: ``Henderson County Jail``): the place is named there (not so after a
#: bare name: ``Webb Center`` is named after a person).
INSTITUTION_HEADS = frozenset(
    "court courts jail prison office department sheriff commission commissioners school schools "
    "board council hospital university college police library museum authority agency committee "
    "center centre bureau airport assembly legislature senate examiner coroner".split())
#: A party's initial before a place (``Sen. Ray Miller, D-Columbus``): US news style.
PARTY_INITIALS = frozenset("d r i dfl".split())  # (DFL: Minnesota's Democratic-Farmer-Labor party)
COMPASS = frozenset("north south east west northern southern eastern western northeast "
                     "northwest southeast southwest central upper lower greater new old metro metropolitan".split())
#: Words after a name that only a place takes (``Paris Police``, ``Houston area``).
PLACE_WORDS_AFTER = frozenset(
    "police city county public library council mayor area suburbs suburb residents resident "
    "township metro downtown region district native natives firefighters officials official pd "
    # a town's police, media and a firm's branch there ("four Paris policemen", "Dallas media", "its Dallas office")
    "policemen officers media office voters taxpayers".split())
#: Words of :data:`PLACE_WORDS_AFTER` that say place capitalised too: a
#: town's own police (``Carthage Police Chief``, ``Grand Ledge Police``) is
#: that town's, as ``Carthage police`` is.
TOWN_BODIES = frozenset("police pd".split())
#: Nouns after a name that say where a person is from: ``an Albany man``, ``a Lancaster mother``.
ORIGIN_NOUNS = frozenset("man woman men women boy boys girl girls teen teens teenager teenagers "
                         "couple family mother father youth".split())
#: Nouns that, with ``of`` after them, name a part of the following place.
PART_NOUNS = frozenset("neighbourhood neighborhood district quarter suburb suburbs outskirts "
                       "village town area camp crossing street square market hospital "
                       "countryside province governorate old city centre center".split())
#: Words after a single name that make it a person (``Brown said``).
PERSON_VERBS = frozenset("said says told added asked wrote explained noted argued replied "
                          "testified stated recalled".split())
#: Nouns before ``with`` and a country that make it a place (``its frontier with Turkey``).
BORDER_NOUNS = frozenset("border borders frontier frontiers boundary boundaries".split())
#: Last words of a document's title: a place opening it names no place there
#: (``Pacific Regional ... Tracking Report``; not ``Review``, ``Index``: newspapers'
#: names, ``Athens Review``, say where they are).
DOCUMENT_WORDS = frozenset("report reports yearbook".split())
#: Institutions named ``<head> for <subject>`` (``School for Basic Education``): the subject names no place.
SUBJECT_HEADS = INSTITUTION_HEADS | frozenset("institute centre center foundation fund school society".split())
#: Lower-case words of negotiations named after their venue (``the Astana talks``, ``the Oslo process``).
TALK_WORDS = frozenset("talks negotiations process".split())
#: Abbreviations of months and titles, capitalised but never places.
ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu "
                           "fri sat sun mr mrs ms dr sen rep gov sgt lt col gen capt st".split())
COMPASS_ALONE = frozenset("north south east west northeast northwest southeast southwest".split())
#: Legislatures and governments a text names alone (``in Congress``): never a town of that name.
LEGISLATURES = frozenset("congress parliament senate legislature assembly cabinet knesset duma majlis "
                         "bundestag storting riksdag".split())
LOCATIVES = frozenset("in into to from near at via through across outside inside".split())
#: The dashes that join words or a pair of names (``war‑torn``, ``Paris-London``, ``Sudan–Chad``).
DASHES = frozenset("-‐‑‒–—")
MAX_WORDS = 5
#: A possessive ends a name (``Aleppo's Karaj al-Hajz crossing``).
POSSESSIVE_GAP = re.compile(r"['’ʼ][sS]")
#: Kind words of places named after a person (``George Khouri Square``).
MEMORIAL_WORDS = frozenset("square street avenue road boulevard center centre park bridge stadium "
                           "hall school hospital library museum institute foundation memorial".split())
#: Last words of an armed group's or a movement's name: a place opening it
#: (``Aleppo Front``, ``Homs Revolutionaries Brigade``, ``Idlib Military Council``)
#: names the group, not where anything is (a town's own bodies, ``Aleppo Provincial
#: Council``, still place it).
#: (Not ``army``, ``division``, ``corps``: a state's own units and offices, ``Texas Army
#: National Guard``, ``Georgia Environmental Protection Division``.)
GROUP_HEADS = frozenset("front fronts brigade brigades battalion battalions legion regiment "
                        "movement militia militias".split())


def group_name(keys: list[str], first: int, last: int) -> bool:
    """Whether the words ``first..last`` are a group's name by their last
    words (:data:`GROUP_HEADS`, or ``military council``)."""
    return keys[last] in GROUP_HEADS or keys[last] == "council" and last > first and keys[last - 1] == "military"


#: Words of an event's or operation's name after a place (``London Conference``,
#: ``Helsinki Final Act``, ``Euphrates Shield``): it names no place there.
EVENT_WORDS = frozenset("conference conferences summit talks act process shield spring storm "
                         "initiative plan group format declaration charter agreement accords "
                         "resolution communique memorandum dialogue round rounds war wars".split())
#: Words between a locative and a place (``of rural Paris``).
SETTINGS = frozenset("rural suburban downtown uptown midtown nearby urban coastal metro unincorporated".split())
NOT_NAMES = frozenset("january february march april may june july august september october november "
                       "december monday tuesday wednesday thursday friday saturday sunday".split())
#: Months and weekdays, written out or abbreviated: a name's run stops before them.
DATE_NAMES = NOT_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec "
                                     "mon tue tues wed thu thur thurs fri sat sun".split())


#: Vehicle makes that some town also bears (Toyota, Japan; Cadillac, Michigan;
#: Mercedes, Argentina): before a model (``Toyota Hilux``, ``Cadillac
#: Escalade``) or a vehicle noun (``Toyota pickups``) the make is meant, in
#: every mention of the text (pickups are everywhere in conflict reporting).
VEHICLE_MAKES = frozenset("toyota cadillac mercedes honda lada hyundai kia nissan mazda isuzu mitsubishi "
                          "subaru suzuki chevrolet chevy dodge jeep volvo peugeot renault opel skoda fiat "
                          "audi porsche lexus buick pontiac chrysler hummer daewoo datsun".split())
#: Lower-case words after a make that make it the vehicle's.
VEHICLE_NOUNS = frozenset("pickup pickups truck trucks car cars sedan sedans suv suvs van vans jeep jeeps "
                          "minivan minibus vehicle vehicles driven landcruiser technicals".split())
