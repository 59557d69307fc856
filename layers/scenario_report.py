"""The HTML report of ``riskatlas:comparescenarios`` (built with ``layers.report_html``'s page builder, words in
``layers.report_words``): the county's figures before and after, the townships' table and the list of changes."""
import json

from ..core.scenarios import M2PC_TOLERANCE, RESIDENTS_TOLERANCE
from .report_html import Cell, HtmlPage, decimal, integer, percent
from .report_words import word

MAX_LISTED = 300  # changes listed in the report; the layer holds them all


def signed(value, places=0):
    """'+1,234' / '−56' / '0'; '—' when missing."""
    text = integer(abs(value)) if places == 0 else decimal(abs(value), places)
    if text == "—" or text.strip("0.,") == "":
        return text
    return ("+" if value > 0 else "−") + text


def _county(comparison):
    towns = comparison.townships
    total = towns["residents"].sum()
    before, after = comparison.totals["covered_before"], comparison.totals["covered_after"]
    return before, after, (100.0 * before / total if total else None), (100.0 * after / total if total else None)


def _limit_text(time_limit, language):
    return decimal(time_limit, 0) if time_limit else word("scn_limit", language)


def scenario_html(comparison, language, record, time_limit=None):
    w = lambda key, **values: word(key, language, **values)  # noqa: E731
    page = HtmlPage(w("scn_title", before=comparison.before_label, after=comparison.after_label),
                    lang="zh-CN" if language == "zh" else "en")
    page.paragraph(w("scn_intro", t=_limit_text(time_limit, language), r=f"{RESIDENTS_TOLERANCE:g}",
                     m=f"{M2PC_TOLERANCE:g}"), css="note")
    before, after, share_b, share_a = _county(comparison)
    page.heading(w("scn_county"))
    page.table([Cell("", "l"), w("scn_before"), w("scn_after"), w("scn_change")], [
        [Cell(w("scn_covered"), "l"), integer(before), integer(after), signed(after - before)],
        [Cell(w("scn_share"), "l"), percent(share_b), percent(share_a),
         signed(share_a - share_b, 1) if share_a is not None and share_b is not None else "—"],
        [Cell(w("scn_changes"), "l"), "", "", integer(len(comparison.changes))]])
    _townships(page, comparison, w)
    _changes(page, comparison, w)
    page.heading(w("provenance"))
    page.preformatted(json.dumps(record, ensure_ascii=False, indent=1))
    return page.render()


def _townships(page, comparison, w):
    page.heading(w("scn_towns"))
    header = [Cell(w("scn_col_town"), "l"), w("scn_col_residents"), w("scn_col_covered_b"), w("scn_col_covered_a"),
              w("scn_change"), w("scn_col_pct_b"), w("scn_col_pct_a"), w("scn_col_m2_b"), w("scn_col_m2_a"),
              w("scn_change"), w("scn_col_gained"), w("scn_col_lost")]
    rows = []
    for r in comparison.townships.itertuples():
        change = r.covered_change
        rows.append([Cell(r.name or r.town_id, "l"), integer(r.residents), integer(r.covered_before),
                     integer(r.covered_after),
                     Cell(signed(change), "good" if change >= RESIDENTS_TOLERANCE else
                          "bad" if change <= -RESIDENTS_TOLERANCE else None),
                     percent(r.covered_pct_before), percent(r.covered_pct_after), decimal(r.m2pc_before, 2),
                     decimal(r.m2pc_after, 2), signed(r.m2pc_change, 2), integer(r.targets_gained),
                     integer(r.targets_lost)])
    page.table(header, rows)


def _changes(page, comparison, w):
    page.heading(w("scn_list"))
    changes = comparison.changes
    if not len(changes):
        page.paragraph(w("scn_none"))
        return
    rows = []
    for r in changes.head(MAX_LISTED).itertuples():
        places = 2 if r.unit == "m2_per_resident" else (1 if r.unit == "min" else 0)
        css = "good" if r.status in ("gained", "better") else "bad" if r.status in ("lost", "worse") else None
        rows.append([Cell(w(f"scn_kind_{r.kind}"), "l"), Cell(r.id, "l"), Cell(r.name or "", "l"),
                     decimal(r.before, places), decimal(r.after, places), signed(r.change, places),
                     Cell(w(f"scn_status_{r.status}"), css)])
    page.table([Cell(w("scn_col_kind"), "l"), Cell(w("col_id"), "l"), Cell(w("scn_col_name"), "l"), w("scn_before"),
                w("scn_after"), w("scn_change"), w("scn_col_status")], rows)
    if len(changes) > MAX_LISTED:
        page.paragraph(w("scn_more", n=integer(len(changes) - MAX_LISTED)), css="note")
    page.paragraph(w("scn_list_note"), css="note")
