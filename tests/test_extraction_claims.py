"""Self-contained claims: resolved references, claimants and kinds, split facts, spans."""

from __future__ import annotations

import pytest

from service.extraction import claim_from_text, extract_claims
from service.extraction.clauses import split_facts
from service.extraction.extractor import score_sentences

# Claims are asked for at min_score=0.0 so that these tables hold whatever the scorer says.
ALL = 0.0


def _claim(text: str, original: str):
    """The claim whose original words are `original`."""
    claims = extract_claims(text, min_score=ALL)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.original
    found = [claim for claim in claims if claim.original == original]
    assert found, [claim.original for claim in claims]
    return found[0]


@pytest.mark.parametrize(
    ("text", "original", "expected", "claimant", "kind"),
    [
        (  # "He also said" after a sentence naming one person
            "US President Donald Trump met reporters on Monday. He also said that tariffs on "
            "Canada rose 25% in 2024.",
            "He also said that tariffs on Canada rose 25% in 2024.",
            "Donald Trump also said that tariffs on Canada rose 25% in 2024.",
            "Donald Trump", "reported",
        ),
        (  # "She" with two people to choose from: kept as it is, speaker unknown
            "Donald Trump met Angela Merkel in Berlin in 2019. She said that Germany spent 1.3% "
            "of its GDP on defense in 2019.",
            "She said that Germany spent 1.3% of its GDP on defense in 2019.",
            "She said that Germany spent 1.3% of its GDP on defense in 2019.",
            None, "reported",
        ),
        (  # a possessive with two candidates: kept
            "Donald Trump met Shigeru Ishiba at the White House. His administration approved $1 "
            "billion in arms sales to Japan in 2025.",
            "His administration approved $1 billion in arms sales to Japan in 2025.",
            "His administration approved $1 billion in arms sales to Japan in 2025.",
            None, "author",
        ),
        (  # a possessive with one candidate
            "Donald Trump met reporters on Friday. His administration approved $1 billion in "
            "arms sales to Japan in 2025.",
            "His administration approved $1 billion in arms sales to Japan in 2025.",
            "Donald Trump's administration approved $1 billion in arms sales to Japan in 2025.",
            None, "author",
        ),
        (  # nobody named before, nobody speaking: kept
            "Japan’s defense budget rose 16% in 2024. He said it would rise again in 2025.",
            "He said it would rise again in 2025.",
            "He said it would rise again in 2025.",
            None, "reported",
        ),
        (  # "He" after a quotation that names no one: the last speaker
            "Donald Trump praised Japan, saying, “Our alliance is strong. We work together.” He "
            "also said Japan bought 400 missiles in 2024.",
            "He also said Japan bought 400 missiles in 2024.",
            "Donald Trump also said Japan bought 400 missiles in 2024.",
            "Donald Trump", "reported",
        ),
        (  # "He" inside a quotation is not its speaker
            "US President Donald Trump praised Shigeru Ishiba on Friday. “He is the best prime "
            "minister Japan has had since 2012,” Trump said.",
            "He is the best prime minister Japan has had since 2012",
            "Shigeru Ishiba is the best prime minister Japan has had since 2012.",
            "Donald Trump", "quote",
        ),
        (  # a quotation attributed before it
            "Trump said: “Japan pledged $1 billion in 2024.”",
            "Japan pledged $1 billion in 2024.",
            "Japan pledged $1 billion in 2024.",
            "Trump", "quote",
        ),
        (  # a quotation attributed after it
            "“Japan pledged $1 billion in 2024,” Trump said.",
            "Japan pledged $1 billion in 2024",
            "Japan pledged $1 billion in 2024.",
            "Trump", "quote",
        ),
        (  # an inverted attribution
            "“Japan pledged $1 billion in 2024,” said Ishiba.",
            "Japan pledged $1 billion in 2024",
            "Japan pledged $1 billion in 2024.",
            "Ishiba", "quote",
        ),
        (  # a quotation over two sentences, attributed after it: the first is the speaker's too
            "Donald Trump spoke in Ohio on Monday. “Japan pledged $1 billion in 2024. It "
            "approved 200 new jets in 2025,” Trump said.",
            "“Japan pledged $1 billion in 2024.",
            "Japan pledged $1 billion in 2024.",
            "Donald Trump", "quote",
        ),
        (  # a quotation over two sentences, attributed before it
            "Trump said: “Japan pledged $1 billion in 2024. It also approved 200 new jets.”",
            "It also approved 200 new jets.”",
            "It also approved 200 new jets.",
            "Trump", "quote",
        ),
        (  # the first person of a known speaker, inside a quotation that goes on
            "Donald Trump spoke at the White House, saying, “Japan is a close ally. I’m pleased "
            "to announce that my administration has approved nearly $1 billion in arms sales.”",
            "I’m pleased to announce that my administration has approved nearly $1 billion in "
            "arms sales.”",
            "Donald Trump's administration has approved nearly $1 billion in arms sales.",
            "Donald Trump", "quote",
        ),
        (  # an opinion in the first person cannot be rewritten whole: kept
            "Trump said, “I believe my plan cut taxes by $2 trillion.”",
            "I believe my plan cut taxes by $2 trillion.",
            "I believe my plan cut taxes by $2 trillion.",
            "Trump", "quote",
        ),
        (  # a name deep in the sentence before is no subject for "He"
            "The senator attacked the Khan family, a Gold Star family, on Monday. He went after "
            "John McCain in 2015.",
            "He went after John McCain in 2015.",
            "He went after John McCain in 2015.",
            None, "author",
        ),
        (  # a quotation left open ends with its paragraph
            "Trump said the “deal was dead.\nJapan bought 400 missiles in 2024.",
            "Japan bought 400 missiles in 2024.",
            "Japan bought 400 missiles in 2024.",
            None, "author",
        ),
        (  # a paragraph that opens with a quotation mark goes on with the quotation
            "Trump said: “Japan is a close ally.\n“It bought 400 missiles in 2024.”",
            "“It bought 400 missiles in 2024.”",
            "It bought 400 missiles in 2024.",
            "Trump", "quote",
        ),
        (  # the author's own statement with "according to"
            "According to the Pentagon, 3,000 troops left Japan in 2024.",
            "According to the Pentagon, 3,000 troops left Japan in 2024.",
            "According to the Pentagon, 3,000 troops left Japan in 2024.",
            "Pentagon", "reported",
        ),
        (  # a participle: the clause is the article's account, what was announced Trump's
            "US President Donald Trump praised the alliance, announcing that Japan will double "
            "its defense spending by 2027.",
            "Japan will double its defense spending by 2027.",
            "Japan will double its defense spending by 2027.",
            "Donald Trump", "reported",
        ),
        (
            "US President Donald Trump praised the alliance, announcing that Japan will double "
            "its defense spending by 2027.",
            "US President Donald Trump praised the alliance",
            "US President Donald Trump praised the alliance.",
            None, "author",
        ),
        (  # a clause that only names the speaker is no claim of its own
            "A senior Japanese official was quoted by VOA, saying, “We aim to build trust.”",
            "We aim to build trust.",
            "We aim to build trust.",
            "a senior Japanese official", "quote",
        ),
    ],
)  # fmt: skip
def test_claims_stand_alone_with_their_claimants(text, original, expected, claimant, kind):
    claim = _claim(text, original)
    assert (claim.text, claim.claimant, claim.kind) == (expected, claimant, kind)


@pytest.mark.parametrize(
    ("text", "original", "expected"),
    [
        (
            "Another matter is the blocking of a $15 billion acquisition bid by Japan’s largest "
            "steel producer, Nippon Steel, for Pittsburgh-based US Steel. Former President Joe "
            "Biden blocked the deal in January 2025.",
            "Former President Joe Biden blocked the deal in January 2025.",
            "Former President Joe Biden blocked Nippon Steel's $15 billion bid for US Steel in "
            "January 2025.",
        ),
        (
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. Trump has also opposed "
            "the acquisition, though the White House has not commented.",
            "Trump has also opposed the acquisition, though the White House has not commented.",
            "Trump has also opposed Nippon Steel's $14.9 billion offer for U.S. Steel, though "
            "the White House has not commented.",
        ),
        (
            "Microsoft agreed to buy Activision Blizzard for $69 billion in 2022. Regulators "
            "approved the deal in 2023.",
            "Regulators approved the deal in 2023.",
            "Regulators approved Microsoft's $69 billion acquisition of Activision Blizzard in "
            "2023.",
        ),
        (  # another deal in between, not said plainly: unsure, kept
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. Japan signed a new trade "
            "agreement in 2024. Joe Biden blocked the deal in January 2025.",
            "Joe Biden blocked the deal in January 2025.",
            "Joe Biden blocked the deal in January 2025.",
        ),
        (  # the deal said plainly in between is the one meant
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. Japan signed a trade deal "
            "with India in 2024. Critics attacked the deal in 2025.",
            "Critics attacked the deal in 2025.",
            "Critics attacked the trade deal with India in 2025.",
        ),
        (  # too far back: kept
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. "
            + "Markets fell. " * 7
            + "Joe Biden blocked the deal in January 2025.",
            "Joe Biden blocked the deal in January 2025.",
            "Joe Biden blocked the deal in January 2025.",
        ),
        (  # "the deal with ..." says which deal itself
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. Japan praised the deal "
            "with India in 2024.",
            "Japan praised the deal with India in 2024.",
            "Japan praised the deal with India in 2024.",
        ),
        (  # the sentence that names the deal keeps its own "the deal"
            "After Nippon Steel offered $14.9 billion for U.S. Steel in 2023, critics attacked "
            "the deal.",
            "After Nippon Steel offered $14.9 billion for U.S. Steel in 2023, critics attacked "
            "the deal.",
            "After Nippon Steel offered $14.9 billion for U.S. Steel in 2023, critics attacked "
            "the deal.",
        ),
        (  # ...but a fact split from it takes what the sentence said before it
            "Nippon Steel offered $14.9 billion for U.S. Steel in 2023, and Joe Biden blocked "
            "the deal in 2025.",
            "Joe Biden blocked the deal in 2025.",
            "Joe Biden blocked Nippon Steel's $14.9 billion offer for U.S. Steel in 2025.",
        ),
        (
            "Trump met with Japanese Prime Minister Shigeru Ishiba at the White House on Friday. "
            "Following the meeting, Ishiba said Japan would invest $1 trillion in the US.",
            "Following the meeting, Ishiba said Japan would invest $1 trillion in the US.",
            "Following the meeting between Trump and Shigeru Ishiba, Ishiba said Japan would "
            "invest $1 trillion in the US.",
        ),
    ],
)
def test_the_deal_gets_what_the_article_said_it_was(text, original, expected):
    assert _claim(text, original).text == expected


def test_a_described_claim_holds_the_names_and_amounts_of_its_description():
    text = (
        "Nippon Steel offered $14.9 billion for U.S. Steel in 2023. Joe Biden blocked the deal "
        "in January 2025."
    )
    claim = _claim(text, "Joe Biden blocked the deal in January 2025.")
    assert claim.entities == ("Joe Biden", "Nippon Steel", "U.S. Steel")
    assert [(q.kind, q.value) for q in claim.quantities] == [("money", 14.9e9), ("date", None)]
    assert all(claim.text[q.start : q.end] == q.text for q in claim.quantities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan pledged to double its defense spending by 2027 and approved $1 billion in "
            "arms purchases in 2025.",
            [
                ("Japan pledged to double its defense spending by 2027",
                 "Japan pledged to double its defense spending by 2027."),
                ("approved $1 billion in arms purchases in 2025.",
                 "Japan approved $1 billion in arms purchases in 2025."),
            ],
        ),
        (
            "Trump said, “My administration approved $1 billion in arms sales and I signed the "
            "order in 2025.”",
            [
                ("My administration approved $1 billion in arms sales",
                 "Trump's administration approved $1 billion in arms sales."),
                ("I signed the order in 2025.", "Trump signed the order in 2025."),
            ],
        ),
        (
            "Trade between Japan and the United States rose 12% in 2024.",
            [("Trade between Japan and the United States rose 12% in 2024.",) * 2],
        ),
        (
            "The 25% tariffs on Canada and Mexico were postponed in 2025.",
            [("The 25% tariffs on Canada and Mexico were postponed in 2025.",) * 2],
        ),
    ],
)  # fmt: skip
def test_one_claim_per_fact_with_spans_inside_the_sentence(text, expected):
    claims = extract_claims(text, min_score=ALL)
    assert [(c.original, c.text) for c in claims] == expected
    for claim in claims:
        assert text[claim.start : claim.end] == claim.original


def test_split_facts_are_kept_when_check_worthy_on_their_own():
    text = (
        "Following the talks, Trump thanked his hosts, saying, “Japan pledged $1 billion in 2024 "
        "and bought 400 missiles in 2025.”"
    )
    pieces = split_facts(text)
    assert len(pieces) == 3
    sentence_score = score_sentences(text)[0].checkworthiness
    for threshold in (0.0, 0.3, 0.5, 0.7, 0.9, sentence_score):
        claims = extract_claims(text, min_score=threshold)
        if sentence_score < threshold:
            assert claims == []
        elif any(c.original == text for c in claims):  # no piece scored high enough alone
            assert len(claims) == 1 and claims[0].checkworthiness == sentence_score
        else:
            assert claims and all(c.checkworthiness >= threshold for c in claims)
            assert {c.start for c in claims} <= {p.start for p in pieces}


def test_max_claims_counts_split_facts():
    text = (
        "Japan pledged $1 billion in 2024 and bought 400 missiles in 2025. Thank you all. "
        "Exports rose 12% to $4.5 billion in 2024."
    )
    every = extract_claims(text, min_score=ALL)
    best = extract_claims(text, min_score=ALL, max_claims=2)
    ranked = sorted(every, key=lambda c: -c.checkworthiness)[:2]
    assert [c.original for c in best] == [c.original for c in every if c in ranked]
    assert [c.id for c in best] == ["c1", "c2"]


EXAMPLE = (
    "US President Donald Trump reaffirmed the alliance between the United States and Japan, "
    "announcing that Japan has pledged to double its defense spending by 2027. He also "
    "highlighted the approval of nearly $1 billion in military sales to Japan.\n"
    "Trump met Prime Minister Shigeru Ishiba at the White House. After the meeting, Trump "
    "praised the ties, saying, “Japan is one of our closest partners. I’m pleased to announce "
    "that my administration has approved nearly $1 billion in sales to Japan.”\n"
    "Another concern is the blocking of a $15 billion acquisition bid by Nippon Steel for "
    "Pittsburgh-based US Steel. Former President Joe Biden blocked the deal in January 2025."
)


def test_the_example_article_gives_self_contained_claims_with_claimants():
    claims = {c.original: c for c in extract_claims(EXAMPLE)}
    pledge = claims["Japan has pledged to double its defense spending by 2027."]
    assert (pledge.claimant, pledge.kind, pledge.entities) == (
        "Donald Trump",
        "reported",
        ("Japan",),
    )
    approval = claims[
        "He also highlighted the approval of nearly $1 billion in military sales to Japan."
    ]
    assert approval.text.startswith("Donald Trump also highlighted")
    sales = claims[
        "I’m pleased to announce that my administration has approved nearly $1 billion in sales "
        "to Japan.”"
    ]
    assert (
        sales.text
        == "Donald Trump's administration has approved nearly $1 billion in sales to Japan."
    )
    assert (sales.claimant, sales.kind) == ("Donald Trump", "quote")
    blocked = claims["Former President Joe Biden blocked the deal in January 2025."]
    assert "Nippon Steel's $15 billion bid for US Steel" in blocked.text
    assert blocked.claimant is None and blocked.kind == "author"


@pytest.mark.parametrize(
    ("given", "text", "kind"),
    [
        ("Says Nelson Mandela was a communist.", "Nelson Mandela was a communist.", "reported"),
        ("Says that taxes rose 5% in 2010.", "Taxes rose 5% in 2010.", "reported"),
        ("Saysville is a town in Ohio.", "Saysville is a town in Ohio.", "author"),
        ("Paris is the capital of France.", "Paris is the capital of France.", "author"),
    ],
)
def test_a_claim_given_as_a_fact_checker_writes_it_drops_says(given, text, kind):
    claim = claim_from_text("c1", given)
    assert (claim.text, claim.kind, claim.original) == (text, kind, given)
    assert (claim.start, claim.end) == (0, len(given))
    assert all(text[q.start : q.end] == q.text for q in claim.quantities)
