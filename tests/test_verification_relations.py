"""Single-valued relations (relations.py), ranks (ordinals.py) and the names a passage must
mention to support a claim (coverage.py), read from claims and passages."""

from __future__ import annotations

import pytest

from service.domain import Evidence
from service.extraction import claim_from_text
from service.verification.bearing import main_entity
from service.verification.coverage import unsaid
from service.verification.ordinals import compare_ordinals, find_ordinals
from service.verification.relations import Statement, claim_statement, judge, passage_statements

LARGEST = "largest city"


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        ("The capital of Canada is Toronto.", Statement("Canada", "Toronto")),
        ("Ottawa is the capital of Canada.", Statement("Canada", "Ottawa")),
        ("Canada's capital is Ottawa.", Statement("Canada", "Ottawa")),
        ("The capital city of Brazil is Rio de Janeiro.", Statement("Brazil", "Rio de Janeiro")),
        ("The largest city of Turkey is Ankara.", Statement("Turkey", "Ankara", LARGEST)),
        ("Toronto is the most populous city in Canada.", Statement("Canada", "Toronto", LARGEST)),
        ("Paris is the capital and largest city of France.", None),  # not the plain form
        ("Bursa is the fourth-largest city in Turkey.", None),
        (
            "Mount Kenya is the highest mountain in Africa.",
            Statement("Africa", "Mount Kenya", "highest mountain"),
        ),
        ("The longest river in the world is the Nile.", None),  # a value with "the": not a name
        ("The longest river in Africa is Nile.", Statement("Africa", "Nile", "longest river")),
        (
            "Russia is the biggest country in the world.",
            Statement("world", "Russia", "largest country"),
        ),
        ("Mount Kenya is the second highest mountain in Africa.", None),
        # a superlative with no scope is the widest scope's; one after a possessive is its own
        ("Pluto is the largest planet.", Statement("", "Pluto", "largest planet")),
        (
            "Russia is the world's largest country.",
            Statement("world", "Russia", "largest country"),
        ),
        ("Pluto is the largest dwarf planet.", None),  # no plain superlative noun
        ("Pluto is the ninth-largest planet.", None),
        ("Ottawa, the capital of Canada, is cold.", None),
        ("The capital of Canada is cold in winter.", None),
    ],
)
def test_a_claim_states_a_capital_only_in_the_plain_forms(claim, statement):
    assert claim_statement(claim) == statement


@pytest.mark.parametrize(
    ("title", "snippet", "statements"),
    [
        ("Canada", "Its capital is Ottawa and its three largest metropolitan areas are Toronto, "
         "Montreal and Vancouver.", [Statement("Canada", "Ottawa")]),
        ("Turkey", "Ankara is Turkey's capital and second-largest city. Istanbul is its largest "
         "city.", [Statement("Turkey", "Ankara"), Statement("Turkey", "Istanbul", LARGEST)]),
        ("Brazil", "Brazil is a federation of 26 states and a Federal District, which hosts the "
         "capital, Brasília.", [Statement("Brazil", "Brasília")]),
        ("Osaka", "Osaka is a city in Japan. It is the capital of and most populous city in Osaka "
         "Prefecture.", [Statement("Osaka Prefecture", "Osaka"),
                         Statement("Osaka Prefecture", "Osaka", LARGEST)]),
        ("Bhopal", "Bhopal is the capital city of the Indian state of Madhya Pradesh.",
         [Statement("Madhya Pradesh", "Bhopal")]),
        ("Afghanistan", "Kabul is the country's capital and largest city.",
         [Statement("Afghanistan", "Kabul"), Statement("Afghanistan", "Kabul", LARGEST)]),
        ("Toronto", "Toronto is the most populous city in Canada.",
         [Statement("Canada", "Toronto", LARGEST)]),
        # coordinated ranks are read as far as the holder
        ("Doha", "Doha is the capital and largest city, and main financial hub of Qatar.",
         [Statement("Qatar", "Doha"), Statement("Qatar", "Doha", LARGEST)]),
        # not stated plainly: a qualified capital, a capital district, a holder not read
        ("Bolivia", "Its constitutional capital is Sucre.", []),
        ("Barranquilla", "Barranquilla is the capital district of the Atlántico department.", []),
        ("Kathmandu", "Kathmandu, locally known as Yẽn is the capital and largest city of Nepal.",
         []),
        # superlatives: coordinated, after a possessive, or carried over from an ordinal's noun
        ("Ganymede (moon)", "Ganymede is a natural satellite of Jupiter and is the largest and "
         "most massive moon in the Solar System.",
         [Statement("Solar System", "Ganymede", "largest moon")]),
        ("Mount Everest", "Mount Everest is Earth's highest mountain above sea level.", []),
        ("Mount Everest", "Mount Everest is Earth's highest mountain, located in the Himalayas.",
         [Statement("Earth", "Mount Everest", "highest mountain")]),
        ("Jupiter", "Jupiter is the fifth planet from the Sun, and the largest in the Solar "
         "System.", [Statement("Solar System", "Jupiter", "largest planet")]),
        # a rank, another noun, a qualified noun phrase: no superlative of the subject's kind
        ("Pluto", "Pluto is a dwarf planet in the Kuiper belt, a ring of bodies beyond the orbit "
         "of Neptune. It is the ninth-largest and tenth-most-massive known object to directly "
         "orbit the Sun. It is the largest known trans-Neptunian object by volume.", []),
        ("Titan (moon)", "Titan is the largest moon of Saturn and the second largest in the Solar "
         "System.", [Statement("Saturn", "Titan", "largest moon")]),
        ("Quebec", "Quebec is Canada's largest province by area.", []),
        ("Sakha Republic", "Sakha is the world's largest country subdivision.", []),
    ],
)  # fmt: skip
def test_a_passage_states_capitals_plainly_said(title, snippet, statements):
    assert passage_statements(snippet, title) == statements


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "stance", "reason"),
    [
        ("The capital of Canada is Toronto.", "Canada", "Its capital is Ottawa.", "refutes",
         "names Ottawa as the capital of Canada"),
        ("Toronto is the capital of Canada.", "Ottawa", "Ottawa is the capital city of Canada.",
         "refutes", "names Ottawa"),
        ("The capital of Japan is Tokyo.", "Japan", "Its capital and largest city is Tokyo.",
         "supports", "names Tokyo"),
        # the same value for a holder not written alike ('Brasil'): another holder's, not read
        ("The capital of Brasil is Brasilia.", "Brazil", "Brazil's capital is Brasília.",
         "neutral", "speaks of the capital of Brazil"),
        ("The capital of Brazil is Brasilia.", "Brazil", "Brazil's capital is Brasília.",
         "supports", "names Brasilia"),  # accents aside
        ("The capital of India is Delhi.", "India", "Its capital is New Delhi.", None, ""),
        ("The capital of Ukraine is Kiev.", "Ukraine", "Its capital is Kyiv.", None, ""),
        ("The capital of Japan is Osaka.", "Osaka", "It is the capital of and most populous city "
         "in Osaka Prefecture.", "neutral", "speaks of the capital of Osaka Prefecture"),
        ("The capital of Japan is Osaka.", "Kobe", "Kobe is a port city.", None, ""),
        # so is any superlative, and a rank before it names none
        ("Mount Kenya is the highest mountain in Africa.", "Mount Kilimanjaro", "It is the highest "
         "mountain in Africa.", "refutes", "names Mount Kilimanjaro as the highest mountain of"),
        ("Mount Kenya is the highest mountain in Africa.", "Mount Kenya", "Mount Kenya is the "
         "second highest mountain in Africa.", None, ""),
        ("Russia is the largest country in the world.", "Russia", "It is the largest country in "
         "the world.", "supports", "largest country of the world"),
        # a superlative with no scope: the widest scope's ('in the Solar System', 'on Earth'),
        # not a holder's ('of Saturn'), nor another superlative or noun
        ("Pluto is the largest planet.", "Pluto", "Pluto is a dwarf planet in the Kuiper belt. It "
         "is the ninth-largest and tenth-most-massive known object to directly orbit the Sun. It "
         "is the largest known trans-Neptunian object by volume.", None, ""),
        ("Pluto is the largest planet.", "Pluto", "Pluto is the largest dwarf planet.", None, ""),
        ("Jupiter is the largest planet.", "Jupiter", "Jupiter is the fifth planet from the Sun, "
         "and the largest in the Solar System.", "supports", "names Jupiter as the largest planet"),
        ("Saturn is the largest planet.", "Jupiter", "Jupiter is the fifth planet from the Sun, "
         "and the largest in the Solar System.", "refutes",
         "names Jupiter as the largest planet of the Solar System"),
        ("Titan is the largest moon.", "Titan (moon)", "Titan is the largest moon of Saturn and "
         "the second largest in the Solar System.", "neutral", "speaks of the largest moon of "
         "Saturn"),
        ("Mount Kilimanjaro is the highest mountain.", "Mount Kilimanjaro", "It is the highest "
         "mountain in Africa.", "neutral", "speaks of the highest mountain of Africa"),
        ("Mount Everest is the highest mountain in the world.", "Mount Everest", "Mount Everest "
         "is the highest mountain on Earth above sea level.", "supports", "highest mountain"),
        ("Russia is the largest nation.", "Russia", "It is the largest country in the world.",
         "supports", "names Russia as the largest nation"),  # a synonym of its noun
        ("Russia is the smallest country.", "Russia", "It is the largest country in the world.",
         None, ""),
        # the largest city is one too, and a capital is not it
        ("The largest city of Turkey is Ankara.", "Turkey", "Ankara is Turkey's capital and "
         "second-largest city. Istanbul is its largest city.", "refutes",
         "names Istanbul as the largest city of Turkey"),
        ("The largest city of Canada is Montreal.", "Montreal", "Montreal is the largest city in "
         "the province of Quebec.", "neutral", "speaks of the largest city of Quebec"),
    ],
)  # fmt: skip
def test_a_stated_capital_settles_the_claim_for_its_holder_only(
    claim, title, snippet, stance, reason
):
    found = judge(claim, snippet, title)
    assert (found.stance if found else None) == stance
    assert reason in (found.reason if found else "")


def test_ordinals_are_read_with_the_noun_they_rank():
    found = [(o.rank, o.noun, written) for o, written in find_ordinals(
        "Donald Trump is the 45th and 47th president; Bursa is the fourth-largest city."
    )]  # fmt: skip
    assert found == [
        (45, "president", "45th and 47th president"),
        (47, "president", "47th president"),
        (4, "largest", "fourth-largest"),
    ]


@pytest.mark.parametrize(
    ("claim", "passage", "agrees"),
    [
        ("Obama was the 45th president of the United States.",
         "Obama served as the 44th president of the United States.", False),
        ("Obama was the 44th president of the United States.",
         "Obama served as the 44th president of the United States.", True),
        ("Obama was the 45th president.", "He was the 44th president of the United States.",
         False),
        ("Trump is the 47th president of the United States.",
         "Trump is the 45th and 47th president of the United States.", True),
        # "final" between the rank and its noun ranks the same noun
        ("The Closer's final season was its seventh season.", "The series began its seventh and "
         "final season, having finished its sixth season.", True),
        ("The Closer's final season was its eighth season.", "The series began its seventh and "
         "final season, having finished its sixth season.", False),
        # an office written as a title ranks like a noun; a name's ordinal ranks nothing
        ("Jefferson was the second President of the United States.", "Jefferson was the third "
         "president of the United States.", False),
        ("Churchill was Prime Minister during the First World War.", "He was Prime Minister "
         "during the Second World War.", None),
        # another thing ranked: not compared
        ("Her first album was 21.", "Her second album, 25, came out in 2015.", None),
        ("Obama was the 45th president of the United States.", "Obama's 45th birthday.", None),
        # a century is a date, and a span may reach another
        ("Parts of the Golden Horde survived until the 18th century.",
         "The Golden Horde was founded in the 13th century.", None),
    ],
)  # fmt: skip
def test_a_rank_is_compared_with_the_same_noun_in_the_same_words(claim, passage, agrees):
    found = compare_ordinals(claim, passage)
    assert (found.agrees if found else None) == agrees


@pytest.mark.parametrize(
    ("claim", "title", "snippet", "missing"),
    [
        ("Neil Armstrong walked on Mars.", "Neil Armstrong", "Neil Armstrong was the first person "
         "to walk on the Moon.", "Mars"),
        ("Neil Armstrong walked on the Moon.", "Neil Armstrong", "Neil Armstrong was the first "
         "person to walk on the Moon.", ""),
        # another form of the name is the name
        ("Libya is a country in Europe.", "Libya", "Libya is a country in the European "
         "continent.", ""),
        # a passage supplied without a title may call its subject "it"
        ("Daggering is associated with dancehall.", "", "It is associated with the 2006 wave of "
         "dancehall music.", ""),
        ("Daggering is associated with dancehall.", "Dance", "It is associated with the 2006 "
         "wave of dancehall music.", "Daggering"),
        # a word of a name of several words counts where it is written as a name
        ("Arizona is a state in the United States.", "Arizona", "Arizona is a state in the "
         "southwestern region of Mexico.", "United States"),
        ("Arizona is a state in the United States.", "Arizona", "Arizona is one of the States "
         "of the Union.", ""),
        # a nationality is a name: "Indian" or "India" for it, not "Pakistani"
        ("Smriti Mandhana is an Indian cricketer.", "Smriti Mandhana", "Smriti Mandhana is a "
         "Pakistani cricketer.", "Indian"),
        ("Smriti Mandhana is an Indian cricketer.", "Smriti Mandhana", "Smriti Mandhana is a "
         "cricketer who plays for India.", ""),
        ("Tim Roth is an English actor.", "Tim Roth", "Timothy Simon Roth is an English actor "
         "and director.", ""),
    ],
)  # fmt: skip
def test_a_passage_that_never_names_what_the_claim_names_cannot_support_it(
    claim, title, snippet, missing
):
    found = claim_from_text("c1", claim)
    assert unsaid(found, Evidence("wiki", title, snippet), main_entity(found)) == missing


def test_a_claim_that_does_not_name_its_value_compares_nothing():
    # "It" is no name: the passage's "It is Shakespeare's longest play" is Hamlet's, and the
    # claim, whose "it" may be Hamlet, is not refuted by it.
    snippet = "Hamlet is a tragedy by William Shakespeare. It is Shakespeare's longest play."
    assert judge("It is Shakespeare's longest play.", snippet, "Hamlet") is None
    assert judge("Macbeth is Shakespeare's longest play.", snippet, "Hamlet").stance == "refutes"
