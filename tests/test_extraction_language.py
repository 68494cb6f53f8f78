"""Language detection: other languages found, English kept when short, mixed or unsure."""

from __future__ import annotations

import pytest

from service.extraction import ENGLISH, detect_language, language_note

PARAGRAPHS = {
    "fr": "Le Japon s'est engagé à doubler ses dépenses de défense d'ici 2027, selon des "
    "responsables. Le président américain a rencontré le Premier ministre japonais à la Maison "
    "Blanche. Il a déclaré que les droits de douane sur le Canada et le Mexique étaient reportés.",
    "de": "Japan hat sich verpflichtet, seine Verteidigungsausgaben bis 2027 zu verdoppeln. Der "
    "amerikanische Präsident traf den japanischen Ministerpräsidenten im Weißen Haus. Die "
    "Arbeitslosigkeit ist im vergangenen Jahr auf 5,9 Prozent gestiegen.",
    "es": "Japón se comprometió a duplicar su gasto en defensa para 2027, según funcionarios. El "
    "presidente de Estados Unidos se reunió con el primer ministro de Japón en la Casa Blanca. "
    "Los aranceles del 25% a Canadá y México fueron aplazados temporalmente.",
    "it": "Il Giappone si è impegnato a raddoppiare la spesa per la difesa entro il 2027. Il "
    "presidente americano ha incontrato il primo ministro giapponese alla Casa Bianca. Il "
    "governo ha approvato la legge di bilancio con 200 voti favorevoli.",
    "pt": "O Japão comprometeu-se a duplicar os gastos com defesa até 2027, disseram "
    "autoridades. O presidente americano encontrou-se com o primeiro-ministro japonês na Casa "
    "Branca. O governo não aprovou a proposta de reforma tributária.",
    "nl": "Japan heeft beloofd zijn defensie-uitgaven tegen 2027 te verdubbelen. De "
    "Amerikaanse president ontmoette de Japanse premier in het Witte Huis. Het kabinet heeft "
    "de begroting voor volgend jaar goedgekeurd.",
    "ru": "Япония обязалась удвоить расходы на оборону к 2027 году.",
    "ja": "日本は2027年までに防衛費を倍増することを約束した。",
    "zh": "日本承诺到2027年将国防开支翻一番。",
    "ko": "일본은 2027년까지 방위비를 두 배로 늘리겠다고 약속했다.",
    "ar": "تعهدت اليابان بمضاعفة إنفاقها الدفاعي بحلول عام 2027.",
}
ENGLISH_TEXTS = [
    "Japan has pledged to double its defense spending by 2027, officials said on Friday.",
    "Hi.",
    "",
    "2027 — $15 billion — 25%",
    "Trade Talks",
    "Ishiba, Trump hail alliance",
    "Merci, Paris!",
    "Los Angeles and San Diego saw record heat.",
    "Der Spiegel reported that Volkswagen cut 35,000 jobs in Germany.",
    "Le Pen's party won 33% of the vote in the first round, according to Le Monde.",
    "French President Emmanuel Macron said, “Nous sommes en guerre,” as he announced a lockdown.",
    "Mexican President Andrés Manuel López Obrador met with the governor of Nuevo León.",
    "Prime Minister Giorgia Meloni told La Repubblica that Italy “non è in vendita”, and her "
    "coalition partners agreed.",
    "Tokyo (東京) is the capital of Japan, and Moscow (Москва) is the capital of Russia.",
]


@pytest.mark.parametrize(("code", "text"), PARAGRAPHS.items())
def test_other_languages_are_recognised(code, text):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ENGLISH_TEXTS)
def test_short_mixed_and_english_texts_count_as_english(text):
    assert detect_language(text) == ENGLISH


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("fr", "La tour Eiffel se trouve à Berlin."),
        ("fr", "La tour est grande."),
        ("es", "La Torre Eiffel está en Berlín."),
        ("it", "La torre Eiffel si trova a Berlino."),
        ("en", "Las Vegas, Los Angeles"),  # function words in names only
        ("en", "La Scala, Le Monde"),
    ],
)
def test_a_short_sentence_with_no_english_function_word_needs_fewer(code, text):
    assert detect_language(text) == code


def test_a_long_text_in_no_known_language_is_undetermined():
    finnish = (
        "Japani on luvannut kaksinkertaistaa puolustusmenonsa vuoteen 2027 mennessä. "
        "Yhdysvaltain presidentti tapasi Japanin pääministerin Valkoisessa talossa perjantaina. "
        "Kauppasuhteet ovat edelleen jännitteiset, ja tullit voivat nousta ensi vuonna."
    )
    assert detect_language(finnish) == "und"
    assert "not read as English" in language_note("und")


def test_english_with_foreign_quotations_stays_english():
    article = " ".join([ENGLISH_TEXTS[0]] * 3 + [PARAGRAPHS["fr"].split(". ")[0] + "."])
    assert detect_language(article) == ENGLISH
    assert detect_language(article + " " + PARAGRAPHS["fr"] * 3) == "fr"


@pytest.mark.parametrize(("code", "name"), [("fr", "French"), ("de", "German"), ("ja", "Japanese")])
def test_the_note_names_the_language(code, name):
    assert f"{name} ({code})" in language_note(code)
