"""The human reports (text, Markdown, HTML, XLSX) a privacy officer would sign (issue 21, §1).

Scores never mislead (a score below the coverage floor is "not enough evidence", and a score
always has its coverage beside it), the summary comes first, citations read as the Act does,
findings of one check form one block, not-applicable findings are one click away in HTML,
evidence paths name the record they point into, and every report says it is not legal
advice. The workbook is read back with openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

import dpup
from dpup.cli import EXIT_USAGE, main
from dpup.findings import Finding, Report, Score, Status
from dpup.law import Basis, LegalRef
from dpup.model import Activity
from dpup.policy import Guideline, Principle
from dpup.render._view import (
    NOT_LEGAL_ADVICE,
    citation,
    evidence_label,
    group_findings,
    score_view,
)
from dpup.render.html import to_html
from dpup.render.markdown import to_markdown
from dpup.render.text import to_text
from dpup.serde import activity_from_items, load_items
from dpup.settings import DEFAULT_SETTINGS, Settings
from dpup.vocabulary import Severity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FLOOR = DEFAULT_SETTINGS.score_coverage_floor


def _thin() -> tuple[Activity, Report]:
    """A data dictionary run: almost nothing is assessed (coverage a few per cent)."""
    path = EXAMPLES / "intake-data-dictionary.csv"
    activity = activity_from_items(path.stem, load_items(path))
    return activity, dpup.evaluate(activity, label=path.name)


def _example(name: str) -> tuple[Activity, Report]:
    activity = dpup.load(EXAMPLES / f"{name}.toml")
    return activity, dpup.evaluate(activity, label=f"{name}.toml")


def _areas(report: Report) -> Iterator[tuple[str, Score]]:
    yield from ((p.label, report.principle_scores[p]) for p in Principle)
    yield from ((g.label, report.guideline_scores[g]) for g in Guideline)


def _pct(s: Score) -> str:
    assert s.coverage is not None
    return f"{int(s.coverage * 100 + 1e-9)}%"


Render = Callable[..., str]
HUMAN: dict[str, Render] = {"text": to_text, "markdown": to_markdown, "html": to_html}


class TestScoreView:
    def test_the_floor_is_inclusive(self) -> None:
        """Coverage at the floor shows the value; just below it shows "not enough evidence"."""
        at = score_view(Score(3, 1, 4, 0, 75.0, 0.5), 0.5)
        below = score_view(Score(3, 1, 5, 0, 75.0, 0.4444), 0.5)
        assert ("75.0", "75.0 (coverage 50%)", True) == (at.value, at.text, at.enough)
        assert (None, "not enough evidence (coverage 44%)", False) == (
            below.value,
            below.text,
            below.enough,
        )

    def test_coverage_is_rounded_down(self) -> None:
        """49.9% coverage never reads as 50% next to "not enough evidence"."""
        assert (
            "not enough evidence (coverage 49%)"
            == score_view(Score(1, 0, 1, 0, 100.0, 0.4999), 0.5).text
        )

    def test_nothing_assessed_or_applicable(self) -> None:
        """No value reads "not assessed", with the coverage when anything applied."""
        assert "not assessed (coverage 0%)" == score_view(Score(0, 0, 3, 0, None, 0.0), 0.5).text
        assert "not assessed (nothing applied)" == score_view(Score(), 0.5).text

    def test_floor_is_a_share(self) -> None:
        """The floor is a share from 0 to 1; anything else is refused."""
        assert 0.5 == Settings().score_coverage_floor
        with pytest.raises(ValueError, match="score_coverage_floor"):
            Settings(score_coverage_floor=1.5)
        with pytest.raises(ValueError, match="score_coverage_floor"):
            Settings(score_coverage_floor=-0.1)


class TestScoresCannotMislead:
    @pytest.mark.parametrize("example", ["thin", "kids-first-before"])
    def test_no_score_below_the_floor_in_any_format(self, example: str) -> None:
        """Every area under the floor reads "not enough evidence" beside its coverage."""
        activity, report = _thin() if example == "thin" else _example(example)
        below = [(n, s) for n, s in _areas(report) if s.coverage and s.coverage < FLOOR]
        below.append(("all checks", report.overall))
        assert report.overall.coverage is not None
        assert report.overall.coverage < FLOOR
        assert below
        text = to_text(report, subject=activity)
        md = to_markdown(report, subject=activity)
        page = to_html(report, subject=activity)
        for name, s in below:
            phrase = f"not enough evidence (coverage {_pct(s)})"
            row = "Overall" if name == "all checks" else name
            assert re.search(rf"^  {re.escape(row)} +{re.escape(phrase)}", text, re.M), name
            assert f"| {name} | not enough evidence | {_pct(s)} |" in md
            assert (
                f'<th scope="row">{name}</th><td class="num">not enough evidence</td>'
                f'<td class="num">{_pct(s)}</td>'
            ) in page
            assert f">{phrase}</text>" in page  # the chart row: no bar, the phrase instead
        # No value of a withheld score appears as a score anywhere.
        for name, s in below:
            if s.value is None:
                continue
            shown = f"{s.value:.1f}"
            assert f"{shown} (coverage" not in text + page
            assert f"| {name} | {shown} |" not in md

    def test_chart_draws_no_bar_below_the_floor(self) -> None:
        """The chart's score bars are drawn only for scores with enough coverage."""
        _, report = _example("kids-first-before")
        bar = r'<rect x="190" y="\d+" width="[\d.]+" height="16" fill="#(?!eaeef2)'
        rows = [*(s for _, s in _areas(report)), report.overall]

        def drawn(floor: float) -> int:
            return sum(
                1
                for s in rows
                if s.value is not None and s.coverage is not None and s.coverage >= floor
            )

        assert drawn(FLOOR) < drawn(0.0)
        assert drawn(FLOOR) == len(re.findall(bar, to_html(report)))
        everything = to_html(report, settings=Settings(score_coverage_floor=0.0))
        assert drawn(0.0) == len(re.findall(bar, everything))

    def test_with_a_lower_floor_value_and_coverage_sit_together(self) -> None:
        """Above the floor a score is shown with its coverage beside it, in every format."""
        _, report = _example("kids-first-before")
        low = Settings(score_coverage_floor=0.0)
        text = to_text(report, settings=low)
        md = to_markdown(report, settings=low)
        page = to_html(report, settings=low)
        for name, s in _areas(report):
            if s.value is None:
                continue
            shown = f"{s.value:.1f}"
            assert f"{shown} (coverage {_pct(s)})" in text
            assert f"| {name} | {shown} | {_pct(s)} |" in md
            assert f'<td class="num">{shown}</td><td class="num">{_pct(s)}</td>' in page
            assert f">{shown} (coverage {_pct(s)})</text>" in page

    def test_the_chart_writes_coverage_in_the_same_type_as_the_score(self) -> None:
        """Score and coverage are one text element: same size and weight by construction."""
        _, report = _example("kids-first-after")
        page = to_html(report, settings=Settings(score_coverage_floor=0.0))
        phrases = re.findall(r"<text [^>]*>(\d[^<]*\(coverage [^<]*)</text>", page)
        assessed = [s for _, s in _areas(report) if s.value is not None]
        assert len(assessed) + 1 == len(phrases)  # and the overall row
        assert all(re.fullmatch(r"\d+\.\d \(coverage \d+%\)", p) for p in phrases)


class TestSummaryFirst:
    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_order(self, fmt: str) -> None:
        """Summary, facts to record, obligations, then scores, then the findings."""
        activity, report = _example("kids-first-before")
        out = HUMAN[fmt](report, questions=report.questions(activity), subject=activity)
        marks = {
            "text": ("Summary", "What to record next", "Not yet due (", "Principles", "Not met ("),
            "markdown": (
                "## Summary",
                "## What to record next",
                "## Not yet due",
                "## Scores",
                "## Not met (",
            ),
            "html": (
                ">Summary</h2>",
                "What to record next",
                "<h2>Not yet due",
                ">Scores</h2>",
                ">Findings</h2>",
            ),
        }[fmt]
        places = [out.index(m) for m in marks]
        assert sorted(places) == places

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_counts_legal_failures_apart(self, fmt: str) -> None:
        """The summary counts failures on a legal basis and the others separately."""
        _, report = _example("kids-first-before")
        legal = len(report.legal_breaches())
        other = len(report.failures()) - legal
        assert legal > 0
        assert other > 0
        out = HUMAN[fmt](report)
        if fmt == "html":
            assert f'<span class="n">{legal}</span>not met on a legal basis' in out
            assert f"Not met on a legal basis ({legal})" in out
            assert f"Not met on good practice or a standard ({other})" in out
        else:
            assert f"Not met on a legal basis: {legal} findings" in out
            assert f"Not met on good practice or a standard: {other} findings" in out

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_not_legal_advice(self, fmt: str) -> None:
        """Every human format says it is not legal advice."""
        _, report = _thin()
        flat = " ".join(HUMAN[fmt](report).split())
        assert "not legal advice" in flat
        assert "DPUP findings describe good practice, not legal duties" in flat

    def test_reviews_counted_by_reviewer(self) -> None:
        """The summary counts needs-review findings by who should decide."""
        _, report = _example("kids-first-before")
        officer = sum(
            1 for f in report.needs_review() if f.reviewer and f.reviewer.value == "privacy-officer"
        )
        assert f"privacy officer {officer}" in to_text(report)


class TestCitations:
    def test_sections_and_ipps_read_as_words(self) -> None:
        """A section reads "Privacy Act 2020, s 44 (...)", an IPP by number and name."""
        assert (
            "Privacy Act 2020, s 44 (responding to access requests)"
            == citation(LegalRef.PA_S44).text
        )
        assert (
            "IPP 3, collection from the individual (Privacy Act 2020, s 22)"
            == citation(LegalRef.IPP3).text
        )
        assert "Oranga Tamariki Act 1989, s 66C (sharing for child wellbeing and safety)" == (
            citation(LegalRef.OT_S66C).text
        )
        assert (
            "Privacy Act 2020, Part 4 (access and correction)" == citation(LegalRef.PA_PART4).text
        )

    @pytest.mark.parametrize("ref", list(LegalRef), ids=lambda r: r.value)
    def test_every_provision_has_words_and_a_link(self, ref: LegalRef) -> None:
        """No citation shows the internal id, and each links to where it can be read."""
        c = citation(ref)
        assert ref.value not in c.text
        assert c.url.startswith("https://")
        assert c.verified is ref.verified

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_unverified_marked_and_ids_hidden(self, fmt: str) -> None:
        """An unverified provision is marked; internal ids like PA2020-s44 never show."""
        _, report = _example("kids-first-before")
        cited = {r for f in report.legal_breaches() for r in f.legal_refs}
        assert LegalRef.PA_S7 in cited
        assert not LegalRef.PA_S7.verified
        out = HUMAN[fmt](report)
        marker = {
            "text": "[unverified]",
            "markdown": "*(unverified)*",
            "html": '<span class="unverified">unverified</span>',
        }[fmt]
        assert f"{citation(LegalRef.PA_S7).text}" in out
        assert marker in out
        assert "could not confirm" in " ".join(out.split())
        for ref in LegalRef:
            assert f"({ref.value})" not in out, ref  # the old "law (IPP3)" tag
            if "-" in ref.value:
                assert ref.value not in out, ref  # PA2020-s44, OTA1989-s66 ...

    def test_no_marker_when_everything_cited_is_verified(self) -> None:
        """A report citing only verified provisions carries no unverified note."""
        _, report = _thin()
        assert all(r.verified for f in report.findings if f.basis.is_law for r in f.legal_refs)
        for render in HUMAN.values():
            out = render(report)
            assert "[unverified]" not in out
            assert "*(unverified)*" not in out
            assert 'class="unverified"' not in out
            assert "could not confirm" not in out

    def test_links_in_html_and_markdown(self) -> None:
        """HTML and Markdown link each citation to the provision."""
        _, report = _example("kids-first-before")
        c = citation(LegalRef.PA_S44)
        assert f'<a href="{c.url}">{c.text}</a>' in to_html(report)
        assert f"[{c.text}](<{c.url}>)" in to_markdown(report)

    def test_provisions_cited_listed_once_with_their_address(self) -> None:
        """Text and HTML end with each provision cited, once, with its address (for print)."""
        from dpup.render._view import cited  # noqa: PLC0415 - the helper itself

        _, report = _example("kids-first-before")
        sources = cited(report)
        texts = [c.text for c in sources]
        assert len(set(texts)) == len(texts)
        applied = {
            r
            for f in report.findings
            if f.basis.is_law and f.status is not Status.NOT_APPLICABLE
            for r in f.legal_refs
        }
        assert {citation(r).text for r in applied} == set(texts)
        text = to_text(report).split("Provisions cited", 1)[1]
        page = to_html(report).split(">Provisions cited</h2>", 1)[1]
        for c in sources:
            assert f"{c.text}" in text
            assert c.url in text
            assert f'<span class="url">{c.url}</span>' in page

    def test_good_practice_findings_cite_no_law(self) -> None:
        """A good-practice finding is never shown under a provision, as if it were law."""
        _, report = _example("kids-first-before")
        gp = next(g for g in group_findings(report.failures()) if not g.first.basis.is_law)
        text = to_text(report)
        block = text.split(f"{gp.first.check_id} {gp.first.name}  [good practice", 1)[1]
        block = block.split("\n    ", 1)[0]
        assert "under:" not in block


def _finding(check_id: str, subject: str, *, status: Status = Status.NOT_MET, **kw: Any) -> Finding:
    return Finding(
        check_id=check_id,
        name="x-" + check_id.lower(),
        status=status,
        severity=Severity.HIGH,
        guideline=Guideline.PURPOSE_MATTERS,
        principles=(Principle.HE_TANGATA,),
        basis=Basis.GOOD_PRACTICE,
        legal_refs=(),
        subject=subject,
        message=kw.pop("message", "The same sentence."),
        evidence=(subject + ".why",),
        **kw,
    )


class TestGrouping:
    def test_one_block_per_check_and_outcome(self) -> None:
        """Findings of one check saying the same thing form one block, in order, not-met first."""
        found = [
            _finding("PM001", "$.purposes[0]", status=Status.MET, message="Fine."),
            _finding("PM002", "$.purposes[0]"),
            _finding("PM002", "$.purposes[1]"),
            _finding("PM002", "$.purposes[2]", message="Another sentence."),
            _finding("PM001", "$.purposes[1]", status=Status.MET, message="Fine."),
        ]
        groups = group_findings(found)
        assert [("PM002", 2), ("PM002", 1), ("PM001", 2)] == [
            (g.first.check_id, len(g.findings)) for g in groups
        ]
        assert ("$.purposes[0]", "$.purposes[1]") == groups[0].subjects

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_a_check_on_many_subjects_is_one_block(self, fmt: str) -> None:
        """PM001 on two purposes (needs review) shows once, listing both subjects."""
        activity, report = _example("kids-first-before")
        pm001 = [f for f in report.needs_review() if f.check_id == "PM001"]
        assert 2 == len(pm001)
        out = HUMAN[fmt](report, subject=activity)
        head = {
            "text": "PM001 purpose-without-authority  [",
            "markdown": "| PM001 purpose-without-authority |",
            "html": '<h4>PM001 purpose-without-authority <span class="tag">needs review',
        }[fmt]
        assert 1 == out.count(head)
        assert "2 subjects" in out or fmt == "markdown"
        for f in pm001:
            assert f.subject in out

    def test_not_applicable_hidden_in_html_until_opened(self) -> None:
        """Not-applicable findings sit in a closed <details>, after every other finding."""
        _, report = _example("kids-first-before")
        page = to_html(report)
        n_a = len(report.with_status(Status.NOT_APPLICABLE))
        head, _, hidden = page.partition("<details><summary>Not applicable (")
        assert hidden.startswith(f"{n_a}):")
        assert 'class="finding not_applicable"' not in head
        assert 'class="finding not_applicable"' in hidden
        assert "<details open" not in page
        assert 'class="finding not_met"' in head

    def test_html_not_met_before_needs_review_in_each_guideline(self) -> None:
        """Within a guideline the not-met blocks come first."""
        _, report = _example("kids-first-before")
        page = to_html(report).split(">Findings</h2>", 1)[1].split("<details>", 1)[0]
        for part in page.split("<h3>")[1:]:
            order = re.findall(r'class="finding (\w+)"', part)
            rank = ["not_met", "needs_review", "not_yet_due", "met"]
            assert order == sorted(order, key=rank.index)


class TestEvidenceLabels:
    def test_labels_name_the_record_by_its_id(self) -> None:
        """A path into a list element is followed by the element's id; fields need no id."""
        activity, _ = _example("kids-first-before")
        assert 'disclosure "court-report"' == evidence_label(
            "$.disclosures[0].accuracy_checked", activity
        )
        assert 'item "gender"' == evidence_label(
            "$.collections[0].items[2].justification", activity
        )
        assert 'sharing agreement "msd-funding"' == evidence_label("$.agreements[0]", activity)
        assert evidence_label("$.frontline.script_or_faq", activity) is None
        assert evidence_label("$.disclosures[99]", activity) is None
        assert evidence_label("$.disclosures[0]", None) is None
        assert evidence_label("not a path", activity) is None

    def test_free_text_names_are_not_labels(self) -> None:
        """A recipient's name in a notice is free text: the label stays on the collection."""
        activity, report = _example("kids-first-before")
        path = "$.collections[0].notice.recipients[0]"
        assert 'collection "enrolment-form"' == evidence_label(path, activity)
        notice = activity.collections[0].notice
        assert notice is not None
        assert notice.recipients
        name = str(notice.recipients[0])
        assert len(name) > 5
        for render in HUMAN.values():
            assert name not in render(report, subject=activity)

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_shown_with_the_subject_and_not_without(self, fmt: str) -> None:
        """Given the activity, paths carry labels; without it they are bare paths."""
        activity, report = _example("kids-first-before")
        label = 'disclosure "court-report"'
        shown = label if fmt != "html" else label.replace('"', "&quot;")
        assert shown in HUMAN[fmt](report, subject=activity)
        assert shown not in HUMAN[fmt](report)

    @pytest.mark.parametrize("fmt", sorted(HUMAN))
    def test_only_ids_reach_the_page(self, fmt: str) -> None:
        """With every input string canaried, canaries appear only as the ids in labels."""
        from tests.test_leaks import AS_AT, planted  # noqa: PLC0415 - the leak tests' canaries

        activity = planted(dpup.load(EXAMPLES / "kids-first-before.toml"))
        report = dpup.evaluate(activity, as_at=AS_AT)
        out = HUMAN[fmt](report, questions=report.questions(activity), subject=activity)
        out = out.replace("&quot;", '"')
        assert re.search(r'\(disclosure "QZX\d+X', out)
        rest = re.sub(r'[a-z ]+ "QZX\d+X[^"]*"', "", out)
        assert re.search("QZX", rest) is None

    def test_hostile_ids_are_escaped_and_cut(self) -> None:
        """An id with markup is escaped in HTML, and a very long id is shortened."""
        activity, report = _example("kids-first-before")
        collection = attrs.evolve(activity.collections[0], id="<b>x</b>" + "y" * 200)
        hostile = attrs.evolve(activity, collections=(collection, *activity.collections[1:]))
        label = evidence_label("$.collections[0]", hostile)
        assert label is not None
        assert len(label) < 100
        assert label.endswith('…"')
        page = to_html(report, subject=hostile)
        assert "<b>x</b>" not in page
        assert "&lt;b&gt;x&lt;/b&gt;" in page


class TestPrint:
    def test_a4_rules_and_no_scripts(self) -> None:
        """The page carries A4 print rules, opens <details> in print, and has no scripts."""
        _, report = _example("kids-first-before")
        page = to_html(report)
        assert "@page{size:A4" in page
        assert "details::details-content{content-visibility:visible" in page
        assert "break-inside:avoid" in page
        assert "<script" not in page
        assert '<html lang="en">' in page
        assert "<main>" in page


openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra (openpyxl) is not installed")
from dpup.render.xlsx import Sheet, to_xlsx, workbook  # noqa: E402 - needs openpyxl


def _sheets(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book}


def _fields(cls: type) -> tuple[Any, ...]:
    return tuple(attrs.fields(cls))


def _strings(value: object) -> Iterator[str]:
    """Every string in an activity, skipping ids and item names (structure, shown on purpose)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _strings(v)
    elif attrs.has(type(value)):
        for field in _fields(type(value)):
            if field.name == "id" or (
                field.name == "name" and type(value).__name__ == "InformationItem"
            ):
                continue
            yield from _strings(getattr(value, field.name))


def _ids(value: object) -> Iterator[str]:
    """Every id and item name in an activity (what other records refer to)."""
    if isinstance(value, tuple | list):
        for v in value:
            yield from _ids(v)
    elif attrs.has(type(value)):
        for field in _fields(type(value)):
            v = getattr(value, field.name)
            if field.name == "id" or (
                field.name == "name" and type(value).__name__ == "InformationItem"
            ):
                yield str(v)
            else:
                yield from _ids(v)


class TestXlsx:
    def test_read_back(self) -> None:
        """Findings, scores with coverage, and the to-do list read back as written."""
        activity, report = _example("kids-first-before")
        qs = report.questions(activity)
        sheets = _sheets(to_xlsx(report, questions=[qs], subjects=[activity]))
        assert ["Summary", "Findings", "Scores", "To do", "Not yet due"] == list(sheets)
        findings = sheets["Findings"]
        assert len(report.findings) == len(findings) - 1
        head = findings[0]
        rows = [dict(zip(head, r, strict=True)) for r in findings[1:]]
        assert [f.check_id for f in report.findings] == [r["check"] for r in rows]
        pm025 = next(r for r in rows if r["check"] == "PM025" and r["status"] == "not met")
        assert 'disclosure "court-report"' == pm025["subject is"]
        assert (
            "IPP 8, accuracy before use or disclosure (Privacy Act 2020, s 22)"
            == pm025["provisions"]
        )
        scores = [dict(zip(sheets["Scores"][0], r, strict=True)) for r in sheets["Scores"][1:]]
        assert 10 == len(scores)
        for row in scores:
            assert row["coverage"] is not None
            assert row["score"] is None or row["coverage"] >= FLOOR
            assert ("not enough evidence" in row["shown as"]) == (
                row["score"] is None
                and 0 < row["coverage"] < FLOOR
                and row["met"] + row["not met"] > 0
            )
        todo = sheets["To do"]
        assert len(qs) == len(todo) - 1
        assert (qs[0].path, qs[0].settles) == (todo[1][2], todo[1][4])
        summary = {r[1]: r[2] for r in sheets["Summary"][1:]}
        assert len(report.legal_breaches()) == summary["not met on a legal basis"]
        assert NOT_LEGAL_ADVICE == summary["note"]

    def test_no_input_values(self) -> None:
        """No free text from the input reaches any cell (ids and item names are structure)."""
        activity, report = _example("kids-first-before")
        data = to_xlsx(report, questions=[report.questions(activity)], subjects=[activity])
        cells = {str(v) for rows in _sheets(data).values() for r in rows for v in r if v}
        ids = set(_ids(activity))
        ours = {citation(r).text for r in LegalRef} | {
            t for f in report.findings for t in (f.message, f.remediation or "", *f.settle_with)
        }
        texts = {
            s
            for s in _strings(activity)
            if len(s) >= 12 and s not in ids and not any(s in c for c in ours)
        }
        assert texts
        leaked = {t for t in texts if any(t in c for c in cells)}
        assert set() == leaked

    def test_same_bytes_each_time(self) -> None:
        """The workbook is deterministic: fixed document dates and zip times."""
        _, report = _example("kids-first-after")
        assert to_xlsx(report) == to_xlsx(report)

    def test_document_times_are_the_report_date(self) -> None:
        """Openpyxl stamps the save time; the workbook carries the report's date instead."""
        _, report = _example("kids-first-after")
        with zipfile.ZipFile(io.BytesIO(to_xlsx(report))) as book:
            core = book.read("docProps/core.xml").decode()
        stamp = f"{report.as_at.isoformat()}T00:00:00Z"
        assert core.count(stamp) == 2

    def test_text_is_never_a_formula(self) -> None:
        """A cell beginning with = is stored as text."""
        data = workbook([Sheet("t", ("a", "b"), (("=1+1", "@x"),))], when=date(2026, 1, 2))
        ws = openpyxl.load_workbook(io.BytesIO(data))["t"]
        assert ("=1+1", "@x") == (ws["A2"].value, ws["B2"].value)
        assert ("s", "s") == (ws["A2"].data_type, ws["B2"].data_type)

    def test_header_text_is_never_a_formula(self) -> None:
        """A header can be input (a release table's column labels): = there is text too."""
        data = workbook([Sheet("t", ("=1+1", "b"), (("x", 1),))], when=date(2026, 1, 2))
        ws = openpyxl.load_workbook(io.BytesIO(data))["t"]
        assert ("=1+1", "s") == (ws["A1"].value, ws["A1"].data_type)

    def test_rows_must_fit_the_header(self) -> None:
        """A row shorter than its header is refused."""
        with pytest.raises(ValueError, match="has 1 cells, not 2"):
            workbook([Sheet("t", ("a", "b"), (("x",),))])

    def test_one_question_list_per_report(self) -> None:
        """Questions and subjects must come one per report."""
        _, report = _thin()
        with pytest.raises(ValueError, match="each of the 1 report"):
            to_xlsx(report, questions=[(), ()])

    def test_cli_needs_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format xlsx without --output stops with exit 2 and one line, before any work."""
        path = str(EXAMPLES / "kids-first-before.toml")
        assert EXIT_USAGE == main(["evaluate", path, "--format", "xlsx"])
        err = capsys.readouterr().err
        assert "--format xlsx writes a binary workbook: give --output FILE.xlsx" in err
        assert 1 == len(err.strip().splitlines())

    def test_cli_writes_the_workbook(self, tmp_path: Path) -> None:
        """--format xlsx --output writes a workbook of every file given."""
        out = tmp_path / "report.xlsx"
        files = [str(EXAMPLES / "kids-first-before.toml"), str(EXAMPLES / "kids-first-after.toml")]
        main(["evaluate", *files, "--format", "xlsx", "--output", str(out)])
        findings = _sheets(out.read_bytes())["Findings"]
        assert {"kids-first-before.toml", "kids-first-after.toml"} == {r[0] for r in findings[1:]}
