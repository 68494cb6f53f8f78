"""Word lists the extraction heuristics share: abbreviations, titles, sentence openers."""

from __future__ import annotations


def word_set(block: str) -> frozenset[str]:
    """The words of a whitespace-separated block, as a set."""
    return frozenset(block.split())


# Abbreviations before a name: never the end of a sentence ("Mr. Smith", "Gen. Milley").
TITLES = word_set("""
    mr mrs ms messrs mme mlle dr prof sen sens rep reps gov gen lt col maj capt cpt sgt cmdr adm
    rev fr hon pres supt insp det st mt ft
""")
# Abbreviations before a number ("No. 5", "Jan. 20"); otherwise they may end a sentence.
NUMBER_ABBREVIATIONS = word_set("""
    no nos vol vols art arts fig figs sec ch p pp para est op jan feb mar apr jun jul aug sep sept
    oct nov dec
""")
# Abbreviations that often end a sentence too ("...shares of Apple Inc. The company...").
END_ABBREVIATIONS = word_set("inc ltd co corp llc plc bros etc al jr sr esq dept ave blvd rd")
# Words that usually open a sentence: after "U.S." or "Inc.", one of these starts a new one.
SENTENCE_OPENERS = word_set("""
    The A An This That These Those It Its He She They We I You His Her Their Our My Your There
    Here But And Or So Yet However Meanwhile Still Also Then Now In On At After Before Since While
    When If Although Though Despite According As For With Without By From To Under Over During
    Last Earlier Later Today Yesterday Tomorrow Some Many Most Several Both Each Every No Not
    Another Other Such What Why How Who Where Which Instead Moreover Furthermore Additionally
    Indeed Nevertheless Nonetheless Thus Therefore Hence Overall Finally First Second Third Among
""")
# Capitalised words that are not names when they open a sentence or a run of capitals.
NOT_NAMES = word_set("""
    the a an this that these those it its he she they we i you his her their our my your there here
    but and or so yet however meanwhile still also then now in on at after before since while when
    if although though despite according as for with without by from to under over during last
    earlier later today yesterday tomorrow some many most several both each every no not another
    other such what why how who where which instead moreover furthermore additionally indeed
    nevertheless nonetheless thus therefore hence overall finally first second third among ahead
    following former latter meanwhile mr mrs ms dr let please thank thanks yes well oh okay ok
    good great dear hello hi welcome sir madam ladies gentlemen all any none nothing everyone
    everybody someone somebody anyone both either neither much more less few one once again just
    only even perhaps maybe what's it's that's there's here's let's i'm i've i'd i'll we're
    we've we'll you're they're he's she's don't can't won't isn't wasn't today's tonight's
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december breaking update updated
""")
# Titles in front of a name: they separate a name from what comes before it.
NAME_TITLES = word_set("""
    president minister secretary senator sen. representative rep. governor gov. mayor chancellor
    premier king queen prince princess pope judge justice general gen. admiral colonel col.
    captain chairman chairwoman chair ceo cfo spokesman spokeswoman spokesperson ambassador
    director commissioner speaker leader mr. mrs. ms. dr. prof. sir lord lady dame
""")
# Words that qualify a title ("Former", "Foreign", "Prime"): no name on their own.
TITLE_MODIFIERS = word_set("""
    former foreign defense defence finance trade state deputy chief vice prime acting interior
    treasury home health justice press economy energy education commerce labor labour
""")
# Nationality words: not names on their own ("Japanese"), fine inside one ("Japanese Red Cross").
DEMONYMS = word_set("""
    american americans japanese chinese canadian mexican british english french german russian
    ukrainian israeli israelis palestinian palestinians iranian indian korean european african
    asian australian italian spanish arab arabs turkish syrian iraqi afghan pakistani saudi
    taiwanese vietnamese brazilian western eastern northern southern democratic republican
    democrats republicans
""")
# Words that make a capitalised run an organisation or a place rather than a person.
NOT_PERSON = word_set("""
    house states kingdom union nations steel department ministry office party bank company
    corporation inc corp group council committee court congress senate university times post news
    agency army navy force forces america street city county island islands sea river republic
    federation association institute foundation fund organization organisation commission airlines
    motors bureau service security guard administration assembly parliament center centre hospital
    school college church reserve exchange market airport square road park bay valley mountains
    east west north south province state region war act treaty summit affairs
""")
