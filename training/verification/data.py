"""Training pairs for the stance cross-encoder, read by path from the shared NLI data.

Only sets whose licence lets a shipped model learn from them: SNLI, MultiNLI, SciTail, the
FEVER-derived pairs (rows overlapping FEVER Symmetric already removed) and Fool Me Twice.
Labels: 0 supports (entailment), 1 neutral, 2 refutes (contradiction).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"
NLI = {"entailment": 0, "entails": 0, "neutral": 1, "contradiction": 2}
FEVER_MARKS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}

Pair = tuple[str, str, int]  # (claim, evidence, label)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_COMMON = {
    "also", "been", "from", "have", "into", "more", "most", "only", "other", "over", "same",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "were", "what", "when", "where", "which", "while", "with", "would", "about", "after",
    "before", "being", "between", "during", "under", "known", "first",
}  # fmt: skip


def clean(text: str) -> str:
    """Undo FEVER's bracket tokens (the service applies the same cleaning)."""
    for mark, char in FEVER_MARKS.items():
        text = text.replace(mark, char)
    return " ".join(text.split())


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def nli_pairs(path: Path, n: int, rng: random.Random) -> list[Pair]:
    """Premise/hypothesis rows as (hypothesis = claim, premise = evidence, label)."""
    rows = [r for r in _jsonl(path) if r["label"] in NLI or r["label"] == "not_entailment"]
    rows = rng.sample(rows, min(n, len(rows)))
    # SciTail's not_entailment is topical-but-not-entailed: neutral, not contradiction.
    return [(r["hypothesis"], r["premise"], NLI.get(r["label"], 1)) for r in rows]


def fever_pairs(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """FEVER dev claim/evidence (SUPPORTS -> supports, REFUTES -> refutes)."""
    base = data / "nli" / "fever_nli_dev"
    ev = (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines()
    claims = (base / "dev.raw.input1").read_text(encoding="utf-8").splitlines()
    labels = (base / "dev.label").read_text(encoding="utf-8").splitlines()
    rows = [(clean(c), clean(e), 0 if y == "entailment" else 2)
            for c, e, y in zip(claims, ev, labels, strict=True)]  # fmt: skip
    return rng.sample(rows, min(n, len(rows)))


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _COMMON


def _subject(claim: str) -> str:
    """The claim's leading name ("Stomp the Yard", "The United States"), lower-cased."""
    words = []
    for word in claim.split():
        if not (word[:1].isupper() or word[:1].isdigit() or word in {"of", "the", "and", "de"}):
            break
        words.append(word)
    return " ".join(words).lower()


def topical_negatives(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """FEVER claims paired with the evidence of a claim about another subject that shares a name
    word with it ("The United States ..." vs a sentence on the United States Armed Forces): topical
    yet saying nothing about the claim, as open retrieval returns, so neutral. Sentences cited for
    a claim on the same subject are never used (they may well bear on it)."""
    base = data / "nli" / "fever_nli_dev"
    ev = [clean(e) for e in (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines()]
    claims = [clean(c) for c in (base / "dev.raw.input1").read_text(encoding="utf-8").splitlines()]
    by_subject: dict[str, set[str]] = defaultdict(set)  # evidence cited for claims on a subject
    for c, e in zip(claims, ev, strict=True):
        by_subject[_subject(c)].add(e)
    names = [{w.lower() for w in _WORD.findall(e) if w[0].isupper()} - _COMMON for e in ev]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(names):
        for w in ws:
            index[w].append(i)
    out: list[Pair] = []
    for claim in rng.sample(sorted(set(claims)), len(set(claims))):
        if len(out) >= n:
            break
        subject = _subject(claim)
        keys = sorted({w.lower() for w in _WORD.findall(claim) if w[0].isupper()} - _COMMON)
        for _ in range(5):  # a few tries for a sentence that is topical, not on point
            if not keys:
                break
            i = rng.choice(index[rng.choice(keys)] or [-1])
            if i < 0 or _subject(claims[i]) == subject or ev[i] in by_subject[subject]:
                continue
            cw = _content(claim)
            if cw and len(cw & _content(ev[i])) / len(cw) > 0.5:
                continue
            out.append((claim, ev[i], 1))
            break
    return out


def fm2_pairs(data: Path, neutral_per_claim: int, rng: random.Random) -> list[Pair]:
    """Fool Me Twice: gold evidence -> its label; retrieved non-gold sentences -> neutral."""
    out: list[Pair] = []
    for split in ("dev", "test"):
        for r in _jsonl(data / "nli" / "fm2" / f"{split}.jsonl"):
            gold = {g["text"] for g in r["gold_evidence"]}
            out.append((r["text"], " ".join(gold), 0 if r["label"] == "SUPPORTS" else 2))
            other = [e["text"] for e in r["retrieved_evidence"] if e["text"] not in gold]
            for text in rng.sample(other, min(neutral_per_claim, len(other))):
                out.append((r["text"], text, 1))
    return out


CLIMATE_LABELS = {"SUPPORTS": 0, "NOT_ENOUGH_INFO": 1, "REFUTES": 2}


def climate_fever_pairs(data: Path, fold: str) -> list[Pair]:
    """Climate-FEVER dev's evidence sentences with their own labels, for the claims of `fold`.

    For measurement only (its licence is unstated, so no shipped model learns from it): a
    model trained on fold a's claims is judged on fold b's, which it has never seen. Folds are
    the benchmark's (`verification_data.fold_of` on the claim id); DISPUTED claims are left out
    as the benchmark leaves them out.
    """
    out = []
    for row in _jsonl(data / "verification" / "climate_fever_dev.jsonl"):
        if row["claim_label"] == "DISPUTED" or _fold_of(f"cf{row['claim_id']}") != fold:
            continue
        for evidence in row["evidences"]:
            out.append(
                (
                    row["claim"],
                    clean(evidence["evidence"]),
                    CLIMATE_LABELS[evidence["evidence_label"]],
                )
            )
    return out


def _fold_of(claim_id: str) -> str:
    """The benchmark's fold of a claim (benchmarks/verification_data.fold_of, which needs the
    service installed)."""
    return "ab"[hashlib.sha1(claim_id.encode()).digest()[0] % 2]


def training_pairs(
    data: Path,
    seed: int = 1,
    scale: float = 1.0,
    fever: int = 9000,
    fm2_neutral: int = 1,
    negatives: int = 0,
    climate_fold: str | None = None,
    product: dict | None = None,
) -> list[Pair]:
    """The shuffled training mix (sizes scaled by `scale`); `product` holds the sizes of the
    negatives the product meets (retrieved, swap, tense, number) and the retrieved file."""
    rng = random.Random(seed)
    n = lambda k: int(k * scale)  # noqa: E731
    nli = data / "nli"
    pairs = (fever_pairs(data, n(fever), rng) + fm2_pairs(data, fm2_neutral, rng)
             + nli_pairs(nli / "snli_dev" / "snli_dev.jsonl", n(2500), rng)
             + nli_pairs(nli / "mnli_dev" / "mnli_dev_matched.jsonl", n(3500), rng)
             + nli_pairs(nli / "scitail_test" / "scitail_test.jsonl", n(1000), rng))  # fmt: skip
    if negatives:
        pairs += topical_negatives(data, n(negatives), rng)
    if climate_fold:
        pairs += climate_fever_pairs(data, climate_fold)
    pairs += product_negatives(data, product or {}, rng, scale)
    rng.shuffle(pairs)
    return pairs


def product_negatives(
    data: Path, sizes: dict, rng: random.Random, scale: float = 1.0
) -> list[Pair]:
    """The four kinds of negatives the product meets, at the sizes asked for."""
    n = lambda k: int(sizes.get(k, 0) * scale)  # noqa: E731
    out: list[Pair] = []
    if n("retrieved"):
        out += retrieved_negatives(Path(sizes["retrieved_path"]), n("retrieved"), rng)
    tense, offices = (office_pairs(data, max(n("swap"), n("tense")), rng)
                      if n("swap") or n("tense") else ([], []))  # fmt: skip
    if n("swap"):  # 70% natural swaps, 30% single-holder offices; capitals on top (~1,000)
        capitals = list(dict.fromkeys(capital_pairs(rng) + capital_pairs(rng)))
        natural = swap_negatives(data, n("swap") - n("swap") * 3 // 10, rng)
        out += natural + offices[: n("swap") * 3 // 10] + capitals
    if n("tense"):  # the few natural role sentences, the rest templated
        natural = tense_negatives(data, n("tense"), rng)
        out += natural + tense[: n("tense") - len(natural)]
    if n("number"):
        out += number_negatives(data, n("number"), rng)
    return out


def training_data(
    fever: int = 9000,
    fm2_neutral: int = 1,
    negatives: int = 0,
    scale: float = 1.0,
    product: dict | None = None,
) -> list[str]:
    """What the mix holds, in words (written to model.json)."""
    n = lambda k: f"{int(k * scale):,}"  # noqa: E731
    out = [
        f"nli/fever_nli_dev (FEVER dev less FEVER Symmetric overlaps), {n(fever)} sampled",
        f"nli/fm2 dev+test (gold evidence; {fm2_neutral} retrieved non-gold sentence(s) per "
        "claim as neutral)",
        f"nli/snli_dev {n(2500)} sampled",
        f"nli/mnli_dev {n(3500)} sampled",
        f"nli/scitail_test {n(1000)} sampled",
    ]
    if negatives:
        out.append(
            f"topical neutral negatives: {n(negatives)} FEVER claims paired with another "
            "claim's evidence sharing a name word (nli/fever_nli_dev)"
        )
    sizes = product or {}
    if sizes.get("retrieved"):
        out.append(f"retrieved negatives: up to {n(sizes['retrieved'])} passages the corpus "
                   "(var/wiki-summaries.sqlite, limit 5) retrieves for FM2 dev claims whose "
                   "article is not indexed, neutral")  # fmt: skip
    if sizes.get("swap"):
        out.append(f"swap negatives: {n(sizes['swap'])} FEVER/FM2 supported claims with the "
                   "subject swapped (neutral; refutes for a present single office), templated "
                   "single-holder offices and capitals")  # fmt: skip
    if sizes.get("tense"):
        out.append(
            f"tense negatives: {n(sizes['tense'])} 'X is (the) <role>' vs past-tense "
            "evidence (neutral), present positives (FEVER/FM2 role sentences, templates)"
        )
    if sizes.get("number"):
        out.append(f"number negatives: up to {n(sizes['number'])} FEVER/FM2 supported claims "
                   "with a number or year of the evidence changed, refutes")  # fmt: skip
    return out


TRAINING_DATA = training_data()


# --- Negatives the product meets (run ver6): retrieved, swapped subject, past tense, numbers ---

_STOP_NAMES = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "It", "He", "She", "They", "This",
    "There", "His", "Her", "Its", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Sunday", "After",
}  # fmt: skip
_NAME = re.compile(
    r"[A-Z][\w.'&-]*(?: (?:of|de|the|and|van|von|da|la)(?: the)? [A-Z][\w.'&-]*| [A-Z][\w.'&-]*)*"
)
_KINDS = {
    "person": "actor|actress|singer|songwriter|rapper|politician|player|footballer|writer|author|"
    "director|producer|musician|comedian|model|businessman|businesswoman|journalist|artist|poet|"
    "painter|composer|wrestler|boxer|athlete|scientist|philosopher|stateswoman|statesman|lawyer|"
    "television personality|dancer|chef|activist|economist|physicist|king|queen|emperor",
    "work": "film|movie|series|sitcom|album|song|single|novel|book|video game|episode|"
    "television show|show|musical|opera|play|comic",
    "place": "city|town|village|country|state|province|county|region|island|river|mountain|lake|"
    "municipality|district|nation|territory|neighborhood|suburb",
    "org": "company|corporation|band|group|team|club|university|college|party|organization|"
    "organisation|network|brand|label|agency|school|franchise|retailer|manufacturer",
}  # fmt: skip
_KIND = re.compile(
    r"\b(?:is|was|are|were)\b (?:an?|the) (?:[\w'-]+ ){0,4}?\b("
    + "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items())
    + r")\b",
    re.I,
)


def retrieved_negatives(path: Path, n: int, rng: random.Random) -> list[Pair]:
    """Corpus passages retrieved for FM2 dev claims whose article is not indexed: neutral."""
    # Built once by build_retrieved.py with the service venv; only the dev split may be trained
    # on (the test split's orphans are bench_retrieval's held-out claims).
    out = []
    for r in _jsonl(path):
        if r["split"] != "dev" or not r["passage"].strip():
            continue
        cw = _content(r["claim"])
        # A passage holding nearly all the claim's content words might really bear on it.
        if cw and len(cw & _content(r["passage"])) / len(cw) >= 0.8:
            continue
        out.append((r["claim"], r["passage"], 1))
    return rng.sample(out, min(n, len(out)))


def _supported_pairs(data: Path) -> list[tuple[str, str]]:
    """(claim, evidence) of FEVER SUPPORTS pairs and Fool Me Twice SUPPORTS gold pairs."""
    base = data / "nli" / "fever_nli_dev"
    ev = (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines()
    claims = (base / "dev.raw.input1").read_text(encoding="utf-8").splitlines()
    labels = (base / "dev.label").read_text(encoding="utf-8").splitlines()
    out = [(clean(c), clean(e)) for c, e, y in zip(claims, ev, labels, strict=True)
           if y == "entailment"]  # fmt: skip
    for split in ("dev", "test"):
        for r in _jsonl(data / "nli" / "fm2" / f"{split}.jsonl"):
            if r["label"] == "SUPPORTS":
                out.append((r["text"], " ".join(g["text"] for g in r["gold_evidence"])))
    return out


def _kind(name: str, evidence: str) -> str | None:
    """What the evidence says `name` is (person, work, place, org): the first "is a ... <noun>"
    within 200 characters after it; a "(born ...)" there marks a person."""
    window = evidence[evidence.find(name) :][:200]
    if re.search(r"\(\s*(?:[^)]*;\s*)?born\b", window):
        return "person"
    m = _KIND.search(window)
    return next((k for k in _KINDS if m.group(k)), None) if m else None


def _claim_name(claim: str, evidence: str) -> str | None:
    """The claim's subject: the capitalised name it opens with, if the evidence has it too."""
    m = _NAME.match(claim)  # only the subject: a swapped object ("X's father is Y") is refuted
    if not m:
        return None
    name = re.sub(r"'s$", "", m.group(0).rstrip(".'"))
    return name if name not in _STOP_NAMES and len(name) >= 3 and name in evidence else None


# Offices with one holder at a time: "Z is the <role> of Y" is refuted by "X is the <role> of Y".
_SINGLE = (r"capital(?: city)?|president|prime minister|ceo|chief executive officer|chairman|"
           r"chairwoman|chairperson|mayor|governor|captain|head coach|king|queen|emperor|pope|"
           r"chancellor|premier|secretary-general|general secretary")  # fmt: skip
_SINGLE_CLAIM = re.compile(
    rf"^(?P<name>.+?) is the (?:current )?(?P<role>{_SINGLE}) of (?P<obj>[^,.;]+?)\.?$", re.I
)


def _single_holder(claim: str, name: str, evidence: str) -> bool:
    """The claim is "<name> is the <single office> of Y" and the evidence says so in the present
    (so another holder is refuted, not merely unmentioned)."""
    m = _SINGLE_CLAIM.match(claim)
    if not m or m.group("name") != name:
        return False
    obj = re.escape(m.group("obj").split()[-1])
    said = re.compile(
        rf"{re.escape(name)}\b[^.;]{{0,80}}? is (?:also )?(?:currently )?the (?:current |"
        rf"incumbent )?(?:[\w-]+ ){{0,3}}?(?:{m.group('role')})\b(?: city)?[^.;]{{0,40}}?"
        rf"\bof\b[^.;]{{0,40}}?\b{obj}\b",
        re.I,
    )
    return bool(said.search(evidence))


def swap_negatives(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """Supported claims with their subject name swapped for another of the same kind: the
    evidence now speaks of someone else (neutral), or of another holder of a single office
    or capital (refutes)."""
    pairs = _supported_pairs(data)
    framed = []  # (claim, evidence, name, kind)
    by_kind: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for claim, evidence in pairs:
        name = _claim_name(claim, evidence)
        kind = _kind(name, evidence) if name else None
        if name and kind:
            framed.append((claim, evidence, name, kind))
            by_kind[kind, " " in name].append(name)
    pools = {key: sorted(set(names)) for key, names in by_kind.items()}
    out: list[Pair] = []
    for claim, evidence, name, kind in rng.sample(framed, len(framed)) * 2:  # two swaps each
        if len(out) >= n:
            break
        words = set(name.lower().split())
        low = evidence.lower()
        for _ in range(5):  # a name sharing no word with the old one, absent from the evidence
            other = rng.choice(pools[kind, " " in name])
            if not words & set(other.lower().split()) and other.lower() not in low:
                break
        else:
            continue
        label = 2 if _single_holder(claim, name, evidence) else 1
        out.append((re.sub(rf"\b{re.escape(name)}\b", other, claim), evidence, label))
    return out


# Positions held (not occupations: "was an actor" is how FEVER describes the dead, and FEVER
# labels "X is an actor" supported by it). Generic ones need an "of/for/at ..." object.
_HELD = (
    r"president|prime minister|chief executive officer|ceo|chairman|chairwoman|chairperson|"
    r"mayor|governor|captain|head coach|king|queen|emperor|pope|chancellor|premier|senator|"
    r"secretary-general|general secretary|vice president|speaker|commissioner|ambassador"
)
_HELD_OF = (
    r"leader|member|head|director|manager|coach|owner|secretary|minister|editor|host|"
    r"judge|chief|chair|guitarist|drummer|bassist|vocalist|lead singer|frontman|"
    r"keyboardist|president|mayor|governor|captain|chairman|ceo|king|queen|emperor|"
    r"chancellor|premier|senator|ambassador|commissioner|speaker|vice president"
)
_ROLE_FRAME = re.compile(
    r"^(?P<name>(?:He|She|[A-Z][\w.'-]*(?: (?:[A-Z][\w.'-]*|of|de|van|von|da|bin|al))*))"
    r"(?: \([^)]*\))?(?: ,)?"
    r"(?P<gap>(?: (?:is|was) an? [^,;()]{3,60}? who)?)"
    r" (?P<verb>is|was|has been|had been|served as|serves as|has served as|became|is currently"
    r"|was also|is also)"
    r" (?P<art>the |an? )?(?P<adj>(?:current |former |incumbent |(?!former|current)[\w-]+ ){0,3}?)"
    rf"(?:(?P<role>{_HELD})\b|(?P<roleof>{_HELD_OF})\b(?= (?:of|for|at) ))"
    r"(?P<obj>(?: (?:of|for|at) [^,;()]+?)?)(?= (?:from|since|until|between|in \d|and|who|which|"
    r"during|after|before|when|on)\b|[,;(.]|$)",
)
_PRESENT = {"is", "has been", "serves as", "has served as", "is currently", "is also"}
_SERVED = {"president", "prime minister", "governor", "mayor", "chancellor", "premier", "senator"}


def _sentences(data: Path) -> list[str]:
    """Wikipedia sentences of FEVER's evidence and Fool Me Twice's gold and retrieved evidence,
    a leading "He"/"She" replaced by the article's name where it is known (Fool Me Twice)."""
    base = data / "nli" / "fever_nli_dev"
    out = set()
    for e in (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines():
        out.update(s.strip() for s in re.split(r"(?<=\w) \. ", clean(e)))
    for split in ("dev", "test"):
        for r in _jsonl(data / "nli" / "fm2" / f"{split}.jsonl"):
            page = re.sub(r" \(.*\)$", "", r["wikipedia_page"])
            for e in r["gold_evidence"] + r["retrieved_evidence"]:
                out.add(re.sub(r"^(He|She) ", page + " ", clean(e["text"])))
    return sorted(s.rstrip(" .") + "." for s in out if s)


def role_frames(data: Path) -> list[dict]:
    """Sentences saying someone holds or held a position ("X is the CEO of Y", "X was mayor of
    Z"), with the present-tense claim "X is (the) <role> (of Y)." built from them."""
    out = []
    for s in _sentences(data):
        m = _ROLE_FRAME.match(s)
        if not m or m.group("name") in {"He", "She"} or "founding" in m.group("adj"):
            continue
        role = m.group("role") or m.group("roleof")
        adj = re.sub(r"\b(current|former|incumbent) ", "", m.group("adj"))
        art = m.group("art") or ("the " if m.group("obj") else "")
        claim = f"{m.group('name')} is {art}{adj}{role}{m.group('obj')}."
        if "former" in m.group("adj") or m.group("gap") and " was " in m.group("gap"):
            present = False  # "is a former ...", "was a ... who is ..."
        else:
            present = m.group("verb") in _PRESENT
        out.append({"sentence": s, "claim": claim, "present": present, "match": m,
                    "single": bool(re.fullmatch(_SINGLE, role, re.I)) and art == "the "
                    and bool(m.group("obj"))})  # fmt: skip
    return out


def _to_past(s: str, m: re.Match, how: int) -> str:
    """The frame's sentence put in the past: "was", "served as" or "is a former"."""
    verb, art, adj = m.group("verb"), m.group("art") or "", m.group("adj")
    if how == 0:
        new = f"was {art}{adj}"
    elif how == 1:
        new = f"served as {art}{adj}"
    else:
        new = f"{verb} {'a ' if art.startswith('a') else art or 'a '}former {adj}"
    head = s[: m.start("verb")] + new
    return head + s[m.start("adj") + len(adj) :]


def tense_negatives(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """A present claim "X is (the) <role>" against a sentence saying X held it: neutral (it says
    nothing of now); the present sentence itself stays a positive."""
    out: list[Pair] = []
    frames = role_frames(data)
    for f in rng.sample(frames, len(frames)):
        s, m = f["sentence"], f["match"]
        if not f["present"]:
            out.append((f["claim"], s, 1))
            continue
        out.append((f["claim"], s, 0))  # keep present/present positives
        for how in rng.sample(range(3), 2):
            out.append((f["claim"], _to_past(s, m, how), 1))
    return rng.sample(out, min(n, len(out)))


# Templates of single-holder offices and capitals. Role sentences are rare in the licensed sets
# (67 in FEVER's and Fool Me Twice's evidence), so these pair their person names (see
# _persons) with organisations of the right kind; the facts are counterfactual, which is fine
# for a model that must read the passage, not recall the world. None of the names is in the
# probes that motivated them (Australia, Japan, France and their cities).
_OFFICES = {  # kind: (holders' occupation, [(role, single holder?)], [organisations])
    "company": ("businessman", [("CEO", True), ("chief executive officer", True),
                ("chairman", True), ("president", True), ("chief financial officer", True)],
                ["Toyota", "Nokia", "Siemens", "Unilever", "Nestlé", "Samsung", "Intel", "IBM",
                 "Boeing", "Pfizer", "Volkswagen", "Walmart", "Netflix", "Spotify", "Adidas",
                 "Ikea", "Heineken", "Oracle", "Airbus", "Ericsson", "Philips", "Lufthansa"]),
    "country": ("politician", [("president", True), ("prime minister", True),
                ("foreign minister", True), ("finance minister", True)],
                ["Canada", "Germany", "Italy", "Spain", "Brazil", "India", "Argentina", "Egypt",
                 "Kenya", "Nigeria", "Sweden", "Norway", "Poland", "Turkey", "Greece", "Portugal",
                 "Chile", "Peru", "Ireland", "New Zealand", "South Korea", "Vietnam", "Pakistan",
                 "the Netherlands", "Belgium", "Austria", "Finland", "Ghana", "Colombia"]),
    "city": ("politician", [("mayor", True)],
             ["Chicago", "Toronto", "Lyon", "Munich", "Milan", "Seattle", "Boston", "Barcelona",
              "Manchester", "Rotterdam", "Montreal", "Houston", "Hamburg", "Naples", "Denver"]),
    "state": ("politician", [("governor", True), ("premier", True)],
              ["Texas", "Ohio", "Ontario", "Bavaria", "California", "Florida", "Quebec",
               "Michigan", "Oregon", "Alberta", "Virginia", "Arizona"]),
    "team": ("footballer", [("captain", True), ("head coach", True), ("manager", True),
             ("owner", False)],
             ["Arsenal", "Chelsea", "Ajax", "Juventus", "the Boston Celtics", "the Chicago Bulls",
              "the New York Yankees", "Bayern Munich", "Real Madrid", "the Green Bay Packers",
              "FC Porto", "Celtic", "Benfica", "the Toronto Raptors"]),
    "band": ("musician", [("lead singer", True), ("guitarist", False), ("drummer", False),
             ("bassist", False), ("member", False)],
             ["Coldplay", "Radiohead", "Metallica", "U2", "Pearl Jam", "Green Day", "Paramore",
              "Arcade Fire", "Muse", "Oasis", "Blur", "The Killers", "Genesis", "Slipknot"]),
    "party": ("politician", [("leader", True), ("chairman", True), ("member", False)],
              ["the Labour Party", "the Liberal Party", "the Social Democratic Party",
               "the Green Party", "the Conservative Party", "the Christian Democratic Union",
               "the Democratic Party", "the Socialist Party"]),
    "body": ("diplomat", [("secretary-general", True), ("president", True),
             ("director-general", True), ("member", False)],
             ["the World Health Organization", "the International Olympic Committee", "UNICEF",
              "the Red Cross", "the Royal Society", "FIFA", "NATO", "the World Bank", "UNESCO"]),
}  # fmt: skip
# (country or state, its capital, a larger or better-known city that is not, former capital or
# None with the year it stopped being one)
_CAPITALS = [
    ("Canada", "Ottawa", "Toronto", None), ("Brazil", "Brasília", "São Paulo", "Rio de Janeiro"),
    ("India", "New Delhi", "Mumbai", "Calcutta"), ("Turkey", "Ankara", "Istanbul", None),
    ("Nigeria", "Abuja", "Lagos", "Lagos"), ("Pakistan", "Islamabad", "Karachi", "Karachi"),
    ("Switzerland", "Bern", "Zurich", None), ("New Zealand", "Wellington", "Auckland", "Auckland"),
    ("the United States", "Washington, D.C.", "New York City", "Philadelphia"),
    ("Germany", "Berlin", "Munich", "Bonn"), ("Italy", "Rome", "Milan", "Turin"),
    ("Spain", "Madrid", "Barcelona", None), ("Morocco", "Rabat", "Casablanca", None),
    ("Vietnam", "Hanoi", "Ho Chi Minh City", None), ("Kazakhstan", "Astana", "Almaty", "Almaty"),
    ("Tanzania", "Dodoma", "Dar es Salaam", "Dar es Salaam"), ("China", "Beijing", "Shanghai",
    "Nanjing"), ("Russia", "Moscow", "Saint Petersburg", "Saint Petersburg"),
    ("Egypt", "Cairo", "Alexandria", None), ("Scotland", "Edinburgh", "Glasgow", None),
    ("Ecuador", "Quito", "Guayaquil", None), ("Colombia", "Bogotá", "Medellín", None),
    ("Norway", "Oslo", "Bergen", None), ("Sweden", "Stockholm", "Gothenburg", None),
    ("Poland", "Warsaw", "Kraków", "Kraków"), ("Kenya", "Nairobi", "Mombasa", None),
    ("Chile", "Santiago", "Valparaíso", None), ("Myanmar", "Naypyidaw", "Yangon", "Yangon"),
    ("Texas", "Austin", "Houston", None), ("California", "Sacramento", "Los Angeles", None),
    ("New York", "Albany", "New York City", None), ("Florida", "Tallahassee", "Miami", None),
    ("Illinois", "Springfield", "Chicago", None), ("Pennsylvania", "Harrisburg",
    "Philadelphia", None), ("Quebec", "Quebec City", "Montreal", None),
    ("British Columbia", "Victoria", "Vancouver", None), ("Bavaria", "Munich", "Nuremberg", None),
    ("Maharashtra", "Mumbai", "Pune", None), ("Ontario", "Toronto", "Ottawa", None),
    ("Washington", "Olympia", "Seattle", None), ("Ivory Coast", "Yamoussoukro", "Abidjan",
    "Abidjan"), ("South Korea", "Seoul", "Busan", None),
]  # fmt: skip
_PRESENT_T = [
    "{x} is the {r} of {y}.", "{x} has served as {r} of {y} since {s}.",
    "{x} is a {nat} {occ} who has been the {r} of {y} since {s}.",
    "{x} currently serves as {r} of {y}.", "Since {s}, {x} has been the {r} of {y}.",
    "{x} (born {b}) is a {nat} {occ} and the current {r} of {y}.",
    "{x} became {r} of {y} in {s} and still holds the post.",
    "{x} is a {nat} {occ} who is the {r} of {y}.",
]  # fmt: skip
_PAST_T = [
    "{x} was the {r} of {y} from {s0} to {s}.", "{x} served as {r} of {y} from {s0} until {s}.",
    "{x} is a former {r} of {y}.", "{x} is a {nat} {occ} who served as {r} of {y} between {s0} "
    "and {s}.", "{x} was {r} of {y} until {s}.", "{x} stepped down as {r} of {y} in {s}.",
    "{x} (born {b}) is a {nat} {occ} who was the {r} of {y}.",
    "{x} is a {nat} {occ} who served as {r} of {y}.",
]  # fmt: skip
_NATS = ["American", "British", "German", "Canadian", "Italian", "Spanish", "Dutch", "Swedish",
         "Brazilian", "Indian", "Irish", "Polish", "Nigerian", "Mexican", "Korean"]  # fmt: skip


def _persons(data: Path) -> list[str]:
    """Two- or three-word person names opening FEVER/FM2 sentences with a birth date."""
    found = set()
    for s in _sentences(data):
        m = re.match(r"([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) \((?:[^)]*\bborn |[^)]*\d{4} ?[–-])", s)
        if m and not set(m.group(1).split()) & _STOP_NAMES:
            found.add(m.group(1))
    return sorted(found - {"Shigeru Ishiba", "Sanae Takaichi"})


def office_pairs(data: Path, n: int, rng: random.Random) -> tuple[list[Pair], list[Pair]]:
    """Templated offices: (tense pairs, swap pairs). Tense: "X is the <role> of Y" against X
    holding it now (supports) or having held it (neutral); "X was ..." against the past
    (supports). Swap: another person as the holder of a single office: refutes if X holds it
    now, neutral if X held it once."""
    persons = _persons(data)
    tense: list[Pair] = []
    swap: list[Pair] = []
    while len(tense) < n or len(swap) < n:
        kind = rng.choice(sorted(_OFFICES))
        occ, roles, orgs = _OFFICES[kind]
        role, single = rng.choice(roles)
        x, z = rng.sample(persons, 2)
        y = rng.choice(orgs)
        s = rng.randint(1990, 2024)
        slots = {"x": x, "r": role, "y": y, "s": s, "s0": s - rng.randint(2, 12), "occ": occ,
                 "b": rng.randint(1940, 1985), "nat": rng.choice(_NATS)}  # fmt: skip
        now = rng.choice(_PRESENT_T).format(**slots)
        then, then2 = (t.format(**slots) for t in rng.sample(_PAST_T, 2))
        art = "a" if not single else "the"
        claim = rng.choice([f"{x} is {art} {role} of {y}.",
                            f"{x} is currently {art} {role} of {y}."])  # fmt: skip
        past = rng.choice([f"{x} was {art} {role} of {y}.", f"{x} is a former {role} of {y}.",
                           f"{x} served as {role} of {y}."])  # fmt: skip
        if len(tense) < n:
            tense += [(claim, then, 1), (claim, then2, 1), (claim, now, 0)]
            tense += [(past, then, 0)] if rng.random() < 0.5 else []
        if single and len(swap) < n:
            other = f"{z} is the {role} of {y}."
            swap += [(other, now, 2), (other, then, 1)] if rng.random() < 0.3 else [(other, now, 2)]
    return tense[:n], swap[:n]


_STATE_CAPITALS = [
    ("Ontario", "Toronto", "Canada"), ("Quebec", "Quebec City", "Canada"),
    ("British Columbia", "Victoria", "Canada"), ("Bavaria", "Munich", "Germany"),
    ("Maharashtra", "Mumbai", "India"), ("Texas", "Austin", "the United States"),
    ("California", "Sacramento", "the United States"), ("Catalonia", "Barcelona", "Spain"),
    ("Lombardy", "Milan", "Italy"), ("Sindh", "Karachi", "Pakistan"),
    ("Saxony", "Dresden", "Germany"), ("West Bengal", "Kolkata", "India"),
    ("Lagos State", "Ikeja", "Nigeria"), ("Rio de Janeiro State", "Rio de Janeiro", "Brazil"),
]  # fmt: skip


def _ask_capital(city: str, country: str, rng: random.Random) -> str:
    """A claim that `city` is the capital of `country`, in one of three wordings."""
    return rng.choice([f"{city} is the capital of {country}.",
                       f"The capital of {country} is {city}.",
                       f"{city} is the capital city of {country}."])  # fmt: skip


def capital_pairs(rng: random.Random) -> list[Pair]:
    """Capitals: the capital supports; another city of the country ("the most populous"),
    or a former capital, says nothing of the capital (neutral); another city named the capital
    refutes."""
    out: list[Pair] = []
    for country, capital, big, former in _CAPITALS:
        asks = lambda c, country=country: _ask_capital(c, country, rng)  # noqa: E731
        out += [
            (asks(capital), f"{capital} is the capital of {country}.", 0),
            (asks(capital), f"{capital} is the capital city of {country} and the seat of its "
             "government.", 0),
            # "largest city" beside "capital" must not turn a support into neutral
            (asks(capital), rng.choice([f"{capital} is the capital and largest city of {country}.",
             f"{capital} is the capital and most populous city of {country}.",
             f"{capital}, the capital of {country}, is also its largest city."]), 0),
            (asks(big), f"{capital} is the capital of {country}.", 2),
            (asks(big), f"{capital} is the capital city of {country}.", 2),
            (asks(big), f"{big} is the most populous city in {country}.", 1),
            (asks(big), f"{big} is a major city in {country} and its main economic centre.", 1),
            (asks(capital), f"{big} is the largest city of {country}.", 1),
        ]  # fmt: skip
        if former and former != capital:
            out += [(asks(former), f"{former} was the capital of {country} until its seat of "
                     "government moved.", 1),
                    (f"{former} was once the capital of {country}.",
                     f"{former} served as the capital of {country}.", 0)]  # fmt: skip
    for (_, cap1, _, _), (c2, cap2, _, _) in zip(_CAPITALS, _CAPITALS[1:], strict=False):
        out.append((f"The capital of {c2} is {cap1}.", f"{cap2} is the capital of {c2}.", 2))
    for state, city, country in _STATE_CAPITALS:
        # a state capital in the country is not the country's capital ("Sydney is the capital
        # of New South Wales and the most populous city in Australia")
        for passage in (
            f"{city} is the capital of the state of {state} and the most populous "
            f"city in {country}.",
            f"{city} is the capital of {state}, a province of {country}.",
            f"{city} is the capital city of {state} in {country}.",
        ):
            out.append((_ask_capital(city, country, rng), passage, 1))  # fmt: skip
        out.append((f"{city} is the capital of {state}.", f"{city} is the capital city of {state}"
                    f" in {country}.", 0))  # fmt: skip
    return out


_NUMBER = re.compile(r"(?<![\w.,$-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w%]|[.,]\d)")
# Words before a number that make a changed value still true ("over 10 million" holds "over 3
# million"), or that bound it ("before 2005"): such numbers are left alone.
_BOUNDS = {"over", "more", "than", "less", "fewer", "under", "least", "most", "nearly", "almost",
           "about", "around", "approximately", "roughly", "up", "before", "after", "by", "within",
           "above", "below", "exceeding", "some", "circa", "until", "till", "prior", "between",
           "since", "to", "and", "or", "estimated", "once", "only"}  # fmt: skip
_MONTHS_DAYS = _STOP_NAMES - {"The", "A", "An", "It", "He", "She", "They", "This", "There"}


def _changed(value: str, rng: random.Random) -> str:
    """A clearly different value of the same form: a year moved 3-30 years, another count."""
    plain = value.replace(",", "")
    if "." in plain:
        new = f"{float(plain) * rng.choice([0.4, 0.5, 2, 2.5, 3]):.{len(plain.split('.')[1])}f}"
        return new if new != plain else str(float(plain) + 3)
    v = int(plain)
    if 1000 <= v <= 2030 and len(plain) == 4:  # a year
        new = v + rng.choice([-1, 1]) * rng.randint(3, 30)
        return str(new if new <= 2024 else v - rng.randint(3, 30))  # no future years
    if v <= 12:
        return str(rng.choice([k for k in range(1, 21) if abs(k - v) >= 2]))
    new = int(v * rng.choice([0.3, 0.4, 0.5, 0.6, 1.7, 2, 2.5, 3]))
    if v >= 1000:  # keep the original's round figure
        zeros = len(plain) - len(plain.rstrip("0"))
        new = max(10**zeros, round(new, -zeros))
    return f"{new:,}" if "," in value else str(new)


def number_negatives(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """Supported claims whose number or year, also in the evidence, is changed: refutes."""
    cands = []
    for claim, evidence in _supported_pairs(data):
        ev_numbers = set(_NUMBER.findall(evidence))
        for m in _NUMBER.finditer(claim):
            value, before = m.group(1), claim[: m.start()].split()
            prev = before[-1].strip("(,") if before else ""
            if value not in ev_numbers or not before or prev.lower() in _BOUNDS:
                continue
            if prev[:1].isupper() and prev not in _MONTHS_DAYS or "(" in claim[: m.start()][-12:]:
                continue  # part of a name ("Apollo 11", "Hush (2016 film)")
            after = claim[m.end() :].split()[:1]
            if after and after[0][:1].isupper() and not after[0].startswith("AD"):
                continue  # "the 2010 United States Census": a name again
            cands.append((claim, evidence, m))
    out: list[Pair] = []
    for claim, evidence, m in rng.sample(cands, len(cands)) * 3:  # up to three values each
        if len(out) >= n:
            break
        new = _changed(m.group(1), rng)
        if new == m.group(1) or re.search(rf"(?<![\d,]){re.escape(new)}(?![\d,])", evidence):
            continue
        out.append((claim[: m.start()] + new + claim[m.end() :], evidence, 2))
    return list(dict.fromkeys(out))
