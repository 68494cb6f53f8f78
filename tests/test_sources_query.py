"""Search queries built from claims, and FTS5 MATCH expressions that no claim can break."""

import sqlite3

import pytest

from service.domain import Claim
from service.sources.query import MAX_TERMS, build_query, fts5_match, strip_attribution


def make_claim(text: str, entities: tuple[str, ...] = ()) -> Claim:
    return Claim(id="c1", text=text, start=0, end=len(text), checkworthiness=0.9, entities=entities)


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "Nippon Steel bought U.S. Steel for $14.9 billion in 2025.",
            ("Nippon Steel", "U.S. Steel"),
            "Nippon Steel U.S. bought billion 14.9 2025",
        ),
        (
            "Trump said that tariffs raised $200 billion in 2025.",
            ("Trump",),
            "tariffs raised billion 200 2025",
        ),
        (
            "Inflation fell to 31.8% last year, the economy minister said.",
            (),
            "Inflation fell last year 31.8",
        ),
        (
            "According to the IMF, Argentina's inflation fell to 31.8% in 2025.",
            ("IMF", "Argentina"),
            "Argentina inflation fell 31.8 2025",
        ),
        (
            "Nippon Steel said that it will invest $11 billion by 2028.",
            ("Nippon Steel",),
            "Nippon Steel invest billion 11 2028",
        ),
        (
            'The "so-called" US deficit is the largest in the world.',
            ("US",),
            "US so-called deficit largest world",
        ),
        ("It was what it is, and they were.", (), ""),
    ],
)
def test_build_query_keeps_entities_content_words_and_numbers(text, entities, expected):
    assert build_query(make_claim(text, entities)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump said that prices fell 5%.", "prices fell 5%."),
        ("The White House claimed on Monday that prices fell.", "prices fell."),
        ("Prices fell 5%, Trump said.", "Prices fell 5%"),
        ("Prices fell 5%, said the minister.", "Prices fell 5%"),
        ("Prices fell sharply, according to the statistics office.", "Prices fell sharply"),
        ("Prices fell 5% in May.", "Prices fell 5% in May."),
        ("He said that.", "He said that."),
    ],
)
def test_strip_attribution(text, expected):
    assert strip_attribution(text) == expected


def test_build_query_caps_the_number_of_terms():
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike oscar"
    query = build_query(make_claim(words))
    assert query.split() == words.split()[:MAX_TERMS]
    assert build_query(make_claim(words), max_terms=3) == "alpha bravo charlie"


def test_build_query_deduplicates_case_insensitively():
    claim = make_claim("Steel prices and steel output: STEEL everywhere.", ("Steel",))
    assert build_query(claim) == "Steel prices output everywhere"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Nippon Steel", '"Nippon" OR "Steel"'),
        ("U.S. 14.9", '"U S" OR "14 9"'),
        ('"quoted', '"quoted"'),
        ("NEAR(steel tariffs)", '"NEAR steel" OR "tariffs"'),
        ("steel* -tariff title:wall ^first", '"steel" OR "tariff" OR "title wall" OR "first"'),
        ("steel STEEL Steel", '"steel"'),
        ('- * : " ( )', ""),
        ("", ""),
    ],
)
def test_fts5_match_quotes_every_term(query, expected):
    assert fts5_match(query) == expected


NASTY = [
    'Biden said "steel',
    "NEAR(steel tariffs, 2)",
    "steel* OR wall*",
    "-steel NOT wall",
    "title:steel text:wall",
    "{title text}: steel",
    "AND OR NOT NEAR",
    "^wall + steel",
    "'; DROP TABLE docs; --",
]


@pytest.fixture
def fts_table():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(title, text)")
    conn.execute("INSERT INTO docs VALUES ('Steel', 'Steel and the wall, near the title text.')")
    conn.execute("INSERT INTO docs VALUES ('Other', 'Nothing relevant here.')")
    yield conn
    conn.close()


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("via_claim", [False, True])
def test_claim_text_never_injects_fts5_syntax(fts_table, text, via_claim):
    query = build_query(make_claim(text)) if via_claim else text
    match = fts5_match(query)
    sql = "SELECT title FROM docs WHERE docs MATCH ?"
    titles = {row[0] for row in fts_table.execute(sql, (match,))}  # raises on a syntax error
    assert titles <= {"Steel"}  # and never "Other": no term of these texts is in it
