"""Syntactic sources against the surface rules' sources, on dev and held-out (aggregates only).

    nice -n 10 .venv/bin/python benchmarks/syntax_agreement.py [--dev-errors N]

Runs ``claimx.load(syntax=True)`` on the texts of ``claimx evaluate``'s two sets. For each gold claim
with a cue that ``claimx_cues`` finds (a cue span overlapping the gold cue), it compares with the gold
source mention (a) :func:`~claimx.components.syntax_sources.syntactic_source` of that cue and (b) the
source mention of the claim claimx_attribution built on the same cue (none if it built none). A mention
is right when it overlaps the gold mention's characters and their words (titles dropped) are one a
subset of the other; a gold null source is right only when no source is given. Prints counts and rates
per set. ``--scores`` also prints ``claimx evaluate``'s claim scores (aggregates) of the pipeline without
claimx_syntax, with it, and with ``syntax="fallback"``. ``--dev-errors N`` also prints up to N dev cases where the two disagree; held-out articles'
texts and individual results are never printed (project rule).
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimx.components.syntax_sources import syntactic_source
from claimx.evalsets import evaluate_sets, standard_sets
from claimx.evaluate import match_claims, name_words
from claimx.pipeline import load

CELLS = ("both right", "syntax right, surface wrong", "surface right, syntax wrong", "both wrong")


@dataclass
class Case:
    """One gold claim whose cue was found: the gold mention and the two predicted ones (char offsets)."""

    gold: tuple[int, int] | None
    syntax: tuple[int, int] | None
    surface: tuple[int, int] | None
    parsed: bool
    voice: str
    claimed: bool


def mention_right(text: str, gold: tuple[int, int] | None, pred: tuple[int, int] | None) -> bool:
    """Whether ``pred`` names the gold mention (see the module docstring)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if min(gold[1], pred[1]) <= max(gold[0], pred[0]):
        return False
    g, p = name_words(text[gold[0] : gold[1]]), name_words(text[pred[0] : pred[1]])
    return bool(g and p and (g <= p or p <= g))


def _cue_for(doc: Doc, start: int, end: int) -> Span | None:
    return next((c for c in doc.spans.get("cues", []) if c.start_char < end and start < c.end_char), None)


def cases(doc: Doc, gold_claims: list[dict]) -> list[Case]:
    """The comparison cases of one document.

    The surface source is that of the claim ``claimx evaluate`` matches to the gold claim (content
    overlap), else of the claim built on the same cue; ``claimed`` says whether there was such a claim.
    """
    claims = doc._.claims or []
    by_cue = {c.cue_start: c for c in claims if c.cue_start is not None}
    matched = {
        id(g): claims[p["n"]] for g, p in match_claims(gold_claims, [vars(c) | {"n": n} for n, c in enumerate(claims)])
    }
    found = []
    for g in gold_claims:
        if g.get("cue_start") is None or (cue := _cue_for(doc, g["cue_start"], g["cue_end"])) is None:
            continue
        gold = (g["source_start"], g["source_end"]) if g.get("source_start") is not None else None
        syn = syntactic_source(cue)
        claim = matched.get(id(g)) or by_cue.get(cue.start_char)
        surface = None
        if claim is not None and claim.source_start is not None:
            surface = (claim.source_start, claim.source_end)
        voice = cue._.cue.voice if cue._.cue else "?"
        syn_span = (syn.start_char, syn.end_char) if syn else None
        found.append(Case(gold, syn_span, surface, bool(cue[0].dep_), voice, claim is not None))
    return found


def tally(text_cases: list[tuple[str, Case]]) -> Counter:
    """Counts of the four cells, of the parsed cues, and of two ways to combine the sources."""
    counts: Counter = Counter()
    for text, case in text_cases:
        syn, surf = mention_right(text, case.gold, case.syntax), mention_right(text, case.gold, case.surface)
        counts[CELLS[0 if syn and surf else 1 if syn else 2 if surf else 3]] += 1
        counts["parsed"] += case.parsed
        counts["surface right"] += surf
        counts["syntax right"] += syn
        counts["syntax when surface has none"] += surf if case.surface else mention_right(text, case.gold, case.syntax)
        counts["surface when syntax has none"] += syn if case.syntax else surf
        agree = mention_right(text, case.surface, case.syntax)  # the two name the same mention (or both none)
        counts["sources agree"] += agree
        counts["  surface right when agreeing"] += agree and surf
        counts["  surface right when not"] += not agree and surf
        counts["surface gave none"] += case.surface is None
        counts["  of which no claim"] += not case.claimed
        counts["  syntax right there"] += case.surface is None and syn
        counts["syntax gave none"] += case.syntax is None
    return counts


def report(name: str, counts: Counter, n: int) -> str:
    """One set's aggregate lines."""
    lines = [f"{name}: {n} gold claims with a found cue ({counts['parsed']} in a parsed sentence)"]
    keys = [*CELLS, "surface right", "syntax right", "syntax when surface has none", "surface when syntax has none"]
    keys += [
        "sources agree",
        "  surface right when agreeing",
        "  surface right when not",
        "surface gave none",
        "  of which no claim",
        "  syntax right there",
        "syntax gave none",
    ]
    lines += [f"  {k:32s} {counts[k]:4d}  {100 * counts[k] / max(n, 1):6.2f}%" for k in keys]
    return "\n".join(lines)


def scores(sets: list, parsed) -> str:
    """Claim scores per set for the pipeline without syntax, with it (``parsed``), and with the fallback."""
    lines = [f"{'pipeline':16s} {'set':9s} {'detected F1':>11s} {'attributed F1':>13s} {'source acc.':>11s}"]
    for label, nlp in (("no syntax", load()), ("syntax", parsed), ("fallback", load(syntax="fallback"))):
        for name, result in evaluate_sets(nlp, sets).items():
            c = result["claims"]
            lines.append(
                f"{label:16s} {name:9s} {c['detected']['f']:11.2f} {c['attributed']['f']:13.2f} {c['source_accuracy']:11.2f}"
            )
    return "\n".join(lines)


def by_voice(text_cases: list[tuple[str, Case]]) -> str:
    """Per cue voice: claims, surface right, syntax right, both right, syntax right and surface wrong."""
    lines = [f"  {'by voice':14s} {'n':>4s} {'surface':>8s} {'syntax':>7s} {'both':>5s} {'syn only':>8s}"]
    for voice in sorted({c.voice for _, c in text_cases}):
        counts = tally([(t, c) for t, c in text_cases if c.voice == voice])
        n = sum(counts[cell] for cell in CELLS)
        lines.append(
            f"  {voice:14s} {n:4d} {counts['surface right']:8d} {counts['syntax right']:7d} "
            f"{counts[CELLS[0]]:5d} {counts[CELLS[1]]:8d}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-errors", type=int, default=0, help="Print up to N dev disagreements.")
    parser.add_argument("--sets", default="dev,held-out", help="Which sets, comma-separated (dev, held-out).")
    parser.add_argument("--scores", action="store_true", help="Also score the pipelines as claimx evaluate does.")
    args = parser.parse_args()
    nlp = load(syntax=True)
    sets = [s for s in standard_sets() if s.name in args.sets.split(",")]
    if args.scores:
        print(scores(sets, nlp), flush=True)
    for evalset in sets:
        text_cases = []
        for gold in evalset.gold:
            doc = nlp(gold["text"])
            text_cases += [(doc.text, case) for case in cases(doc, gold.get("claims", []))]
        print(report(evalset.name, tally(text_cases), len(text_cases)), flush=True)
        print(by_voice(text_cases), flush=True)
        if evalset.name == "dev" and args.dev_errors:
            shown = 0
            for text, c in text_cases:
                syn, surf = mention_right(text, c.gold, c.syntax), mention_right(text, c.gold, c.surface)
                if syn != surf and shown < args.dev_errors:
                    shown += 1

                    def cut(span: tuple[int, int] | None, text: str = text) -> str | None:
                        return text[span[0] : span[1]] if span else None

                    print(f"  [{c.voice}] gold {cut(c.gold)!r} syntax {cut(c.syntax)!r} surface {cut(c.surface)!r}")


if __name__ == "__main__":
    main()
