"""HTML renderer: one self-contained page (inline CSS and SVG, no scripts, no fonts, no CDN)
for `analyse` (each article annotated) and `compare` (score table, charts, word choice,
profiles). Every piece of article text, title, source and URL is escaped; only http(s) URLs
become links. Colours come from PALETTE, whose pairs pass WCAG AA contrast (tests check)."""
from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from framing.compare import METRICS, Distinctive, Metric, Profile, Row, SideBySide, WordChoice
from framing.render.comparison import (Comparison, by_article, interval, kind_label,
                                       profile_note, value)
from framing.render.spans import (KIND_LABELS, context, cue_list, pieces, sentence_case,
                                  strength_mark, voice_note)
from framing.render.summary import (COUNT_COLUMNS, bias_line, count_rows, extreme_sentences,
                                    most_biased, quotes_line, readability_line, source_lines,
                                    strength_line)
from framing.results import KINDS, Article, Flag

# kind -> (text colour on white, highlight background behind black text)
PALETTE = {
    "loaded": ("#a3001b", "#ffd9de"),
    "hedge": ("#7a4f00", "#ffeab8"),
    "booster": ("#6a1b9a", "#f0dcff"),
    "anonymous": ("#00606b", "#cdf1f4"),
    "report_verb": ("#9a3b00", "#ffe0cc"),
    "scare_quote": ("#256b29", "#d7f2d8"),
}
INK, PAPER, MUTED, SPEECH_BG, ACCENT = "#1a1a1a", "#ffffff", "#555555", "#eef2f7", "#1f4e99"
TOP_BG, HEDGED, BOOSTED = "#fff3b0", "#1f4e99", "#6a1b9a"

CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
 color:%(ink)s;background:%(paper)s}
main{max-width:1180px;margin:0 auto;padding:1rem}
a{color:%(accent)s}
a:focus,mark:focus,[tabindex]:focus{outline:3px solid %(accent)s;outline-offset:2px}
.skip,.sr{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:%(paper)s}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #ccc;padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
.meta,.note{color:%(muted)s;font-size:.9rem}
.article{display:grid;gap:1.5rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:900px){.article{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
 .side{max-height:85vh;overflow:auto;position:sticky;top:.5rem}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;
 font-size:1.05rem;line-height:1.7}
mark{color:%(ink)s;padding:0 .1em;border-bottom:2px solid;border-radius:2px}
%(kinds)s
.speech{font-style:italic;background:%(speech)s}
.fn{font-size:.72em;vertical-align:super;line-height:0;position:relative;text-decoration:none;
 font-weight:700;padding:0 .15em}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:5;width:min(22rem,80vw);
 font:400 .9rem/1.4 system-ui,sans-serif;color:%(ink)s;background:%(paper)s;
 border:1px solid #888;border-radius:4px;padding:.5rem;box-shadow:0 2px 8px rgba(0,0,0,.2);
 white-space:normal}
.fn:hover .tip,.fn:focus .tip{display:block}
.s{font-weight:700;padding-right:.2em}.s-down{color:%(hedged)s}.s-up{color:%(boosted)s}
.flags{padding-left:2.2rem;margin:0}.flags li{margin:0 0 .9rem}
.flags .why{margin:.2rem 0}.flags .ctx{color:%(muted)s;font-size:.9rem}
.key{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9rem;margin:.5rem 0 1rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.top{font-weight:700;background:%(top)s}
.chart{margin:.4rem 0 1.2rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%%,340px),1fr));
 gap:0 2.5rem}
.bar-row{display:grid;grid-template-columns:minmax(5rem,9rem) minmax(0,1fr) 4rem;gap:.5rem;
 align-items:center;font-size:.9rem}
.ci .bar-row{grid-template-columns:minmax(6rem,14rem) minmax(0,1fr) 10rem}
.bar-row svg{width:100%%;height:16px;display:block}
.bar-row .val{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.bar-row .lab{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.words li{margin:.2rem 0}
@media (min-width:700px){.choices td{min-width:12rem}}
@media (max-width:600px){.choices thead{display:none}.choices tr{display:block;padding:.4rem 0;
 border-bottom:1px solid #ccc}.choices td{display:block;border:0;padding:.1rem 0}
 .choices td[data-label]::before{content:attr(data-label) ": ";font-weight:700;color:%(ink)s}}
@media (max-width:480px){main{padding:.6rem}th,td{padding:.25rem .35rem}table{font-size:.85rem}
 .ci .bar-row{grid-template-columns:5.5rem minmax(0,1fr) 8.5rem;font-size:.8rem}
 h1{font-size:1.3rem}}
@media print{.tip,.skip{display:none!important}.side{position:static;max-height:none}
 .article{display:block}a{color:%(ink)s}h2{break-after:avoid}.bar-row,tr,li{break-inside:avoid}}
"""


def _css() -> str:
    kinds = "\n".join(f"mark.k-{k}{{background:{bg};border-color:{fg}}}"
                      f".c-{k}{{color:{fg};font-weight:700}}" for k, (fg, bg) in PALETTE.items())
    return CSS % {"ink": INK, "paper": PAPER, "muted": MUTED, "accent": ACCENT,
                  "speech": SPEECH_BG, "kinds": kinds, "top": TOP_BG, "hedged": HEDGED,
                  "boosted": BOOSTED}


def e(text: object) -> str:
    """Escape text for element content and quoted attributes."""
    return escape(str(text), quote=True)


def safe_link(url: str | None, label: str) -> str:
    """A link only for http(s) URLs; anything else (javascript:, data:, files) is plain text."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{e(url.strip())}" rel="noopener noreferrer">{e(label)}</a>'
    return e(label)


def page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"color-scheme\" content=\"light\">"
            f"<title>{e(title)}</title><style>{_css()}</style></head><body>"
            "<a class=\"skip\" href=\"#main\">Skip to the report</a>"
            f"<main id=\"main\">{body}</main></body></html>\n")


# ---- one article --------------------------------------------------------------------------------

def _tip(flag: Flag) -> str:
    lines = [f"<b class=\"c-{flag.kind}\">{e(KIND_LABELS[flag.kind])}</b> · "
             f"{e(flag.category.replace('_', ' '))}", e(flag.explanation)]
    if flag.alternatives:
        lines.append("Instead: " + e("; ".join(flag.alternatives)))
    note = voice_note(flag)
    if note:
        lines.append(e(sentence_case(note)))
    return "<br>".join(lines)


def _annotated(article: Article, a: int) -> str:
    out = []
    for piece in pieces(article):
        if piece.sentence is not None:
            mark = strength_mark(piece.sentence)
            if mark:
                why = (f"assertion {piece.sentence.assertion:+.2f}: "
                       f"{cue_list(piece.sentence) or 'no cue'}")
                side = "down" if mark in "⇊↓" else "up"
                out.append(f"<span class=\"s s-{side}\" title=\"{e(why)}\">{mark}</span>")
            continue
        if piece.closed is not None:
            n, flag = piece.closed, piece.flag
            out.append(f"<a class=\"fn c-{flag.kind}\" id=\"a{a}-r{n}\" href=\"#a{a}-f{n}\" "
                       f"aria-describedby=\"a{a}-t{n}\">{n}<span class=\"tip\" role=\"tooltip\" "
                       f"id=\"a{a}-t{n}\">{_tip(flag)}</span></a>")
            continue
        text = e(piece.text)
        if piece.active:
            flag = piece.active[-1]
            text = (f"<mark class=\"k-{flag.kind}\" title=\"{e(KIND_LABELS[flag.kind])}: "
                    f"{e(flag.explanation)}\">{text}</mark>")
        if piece.in_speech:
            text = f"<span class=\"speech\">{text}</span>"
        out.append(text)
    return "".join(out)


def _flag_item(article: Article, a: int, n: int, flag: Flag) -> str:
    parts = [f"<li id=\"a{a}-f{n}\"><b class=\"c-{flag.kind}\">{e(KIND_LABELS[flag.kind])}</b> "
             f"· {e(flag.category.replace('_', ' '))}: “{e(flag.text)}” "
             f"<a href=\"#a{a}-r{n}\" aria-label=\"back to flag {n} in the text\">↩</a>",
             f"<div class=\"ctx\">{e(context(article, flag))}</div>"]
    note = voice_note(flag)
    if note:
        parts.append(f"<div class=\"note\">{e(sentence_case(note))}.</div>")
    parts.append(f"<div class=\"why\">Why: {e(flag.explanation)}</div>")
    if flag.alternatives:
        parts.append(f"<div>Instead: {e('; '.join(flag.alternatives))}</div>")
    return "".join(parts) + "</li>"


def _shares_chart(article: Article) -> str:
    s = article.scores
    if s.assertion_mean is None:
        return ""
    bands = (("hedged", s.hedged_sentence_share, HEDGED), ("plain", s.plain_sentence_share,
             "#8c8c8c"), ("boosted", s.boosted_sentence_share, BOOSTED))
    x, rects = 0.0, []
    for name, share, colour in bands:
        rects.append(f"<rect x=\"{x:.1f}\" y=\"0\" width=\"{100 * share:.1f}\" height=\"12\" "
                     f"fill=\"{colour}\"><title>{name} {share:.0%}</title></rect>")
        x += 100 * share
    label = ", ".join(f"{name} {share:.0%}" for name, share, _ in bands)
    return (f"<svg viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" "
            f"aria-label=\"Sentences: {label}\" style=\"width:100%;height:14px\">"
            + "".join(rects) + f"</svg><p class=\"note\">Sentences: {e(label)} "
            "(blue hedged, grey plain, purple boosted).</p>")


def _summary(article: Article) -> str:
    rows = "".join(f"<tr><td>{e(kind)}</td>"
                   + "".join(f"<td class=\"num\">{v}</td>" for v in rest) + "</tr>"
                   for kind, *rest in count_rows(article))
    head = "<th>kind</th>" + "".join(f"<th class=\"num\">{e(c)}</th>" for c in COUNT_COLUMNS[1:])
    parts = [f"<h3>Summary</h3><div class=\"scroll\"><table><thead><tr>{head}</tr></thead>"
             f"<tbody>{rows}</tbody></table></div>"]
    for line in (readability_line(article), quotes_line(article)):
        if line:
            parts.append(f"<p>{e(line)}.</p>")
    head, *rest = source_lines(article)
    parts.append(f"<p>{e(head)}" + "".join(f"<br>{e(line)}" for line in rest) + "</p>")
    strength = strength_line(article)
    if strength:
        parts.append(f"<p>{e(strength)}.</p>{_shares_chart(article)}<ul>")
        parts += [f"<li><b>{e(title)}</b> {s.assertion:+.2f}: “{e(text)}” "
                  f"<span class=\"note\">({e(cues)})</span></li>"
                  for title, s, text, cues in extreme_sentences(article)]
        parts.append("</ul>")
    line = bias_line(article)
    if line:
        parts.append(f"<p>{e(line)}.</p><ul>")
        parts += [f"<li><b>Most biased</b> {p:.2f}: “{e(text)}” <span class=\"note\">(words "
                  f"that raised it: {e(words)})</span></li>"
                  for p, text, words in most_biased(article)]
        parts.append("</ul>")
    parts.append("<p class=\"note\">Densities count the writer's own words; flags inside "
                 "quotations and in reported speech are someone else's words and are counted "
                 "apart.</p>")
    return "".join(parts)


def _key() -> str:
    marks = "".join(f"<span><mark class=\"k-{k}\">{e(KIND_LABELS[k])}</mark></span>"
                    for k in KINDS)
    return (f"<div class=\"key\" aria-label=\"key\">{marks}<span class=\"speech\">quoted "
            "speech</span><span><b class=\"s s-down\">⇊ ↓</b> hedged, "
            "<b class=\"s s-up\">↑ ⇈"
            "</b> boosted sentence</span></div>")


def article_section(article: Article, a: int, heading: str = "h2") -> str:
    """One article: header, annotated text, numbered flags beside it, summary."""
    title = article.title or article.source or "Untitled"
    meta = (f"{safe_link(article.source, article.source or 'text')} · "
            f"{article.word_count:,} words · {len(article.sentences)} sentences")
    removed = (f"<p class=\"note\">Ignored: {e(article.removed)}</p>" if article.removed else "")
    flags = "".join(_flag_item(article, a, n, f) for n, f in enumerate(article.flags, 1))
    flag_list = (f"<ol class=\"flags\">{flags}</ol>" if flags
                 else "<p>No flags: nothing in the lexicons matched.</p>")
    return (f"<section id=\"a{a}\" aria-labelledby=\"a{a}-h\"><{heading} id=\"a{a}-h\">{e(title)}"
            f"</{heading}><p class=\"meta\">{meta}</p>{removed}{_key()}"
            f"<div class=\"article\"><div><div class=\"text\">{_annotated(article, a)}</div>"
            f"{_summary(article)}</div><aside class=\"side\" aria-label=\"flags\"><h3>Flags "
            f"({len(article.flags)})</h3>{flag_list}</aside></div></section>")


def render(articles: list[Article], color: bool = False) -> str:
    """`framing analyse --format html`: the articles, one section each."""
    title = articles[0].title or articles[0].source or "framing report" if articles else "framing"
    body = "".join(article_section(a, i) for i, a in enumerate(articles, 1))
    return page(f"framing: {title}", f"<h1>How the text persuades</h1>{body}")


# ---- charts -------------------------------------------------------------------------------------

def _domain(numbers: list[float]) -> tuple[float, float]:
    """The axis: from 0 (or the lowest value) to the highest, with 4% room for the caps."""
    lo, hi = min([0.0, *numbers]), max([0.0, *numbers])
    if hi <= lo:
        return lo, lo + 1.0
    room = 0.04 * (hi - lo)
    return (lo - room if lo < 0 else lo), (hi + room if hi > 0 else hi)


def _bar_svg(v: float | None, low: float | None, high: float | None, dom: tuple[float, float],
             top: bool, label: str) -> str:
    lo, hi = dom

    def x(t: float) -> float:
        return 100 * (t - lo) / (hi - lo)

    shapes = []
    if v is not None:
        a, b = sorted((x(0.0), x(v)))
        fill = PALETTE["loaded"][0] if top else ACCENT
        shapes.append(f"<rect x=\"{a:.2f}\" y=\"2\" width=\"{max(b - a, 0.4):.2f}\" height=\"12\" "
                      f"fill=\"{fill}\"/>")
    if low is not None and high is not None:
        shapes.append(f"<line x1=\"{x(low):.2f}\" x2=\"{x(high):.2f}\" y1=\"8\" y2=\"8\" "
                      f"stroke=\"{INK}\" stroke-width=\"2\" "
                      "vector-effect=\"non-scaling-stroke\"/>")
        for t in (low, high):
            shapes.append(f"<line x1=\"{x(t):.2f}\" x2=\"{x(t):.2f}\" y1=\"3\" y2=\"13\" "
                          f"stroke=\"{INK}\" stroke-width=\"2\" "
                          "vector-effect=\"non-scaling-stroke\"/>")
    if lo < 0:
        shapes.append(f"<line x1=\"{x(0):.2f}\" x2=\"{x(0):.2f}\" y1=\"0\" y2=\"16\" "
                      f"stroke=\"{MUTED}\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>")
    return (f"<svg viewBox=\"0 0 100 16\" preserveAspectRatio=\"none\" role=\"img\" "
            f"aria-label=\"{e(label)}\">{''.join(shapes)}</svg>")


def _chart(metric: Metric, rows: list[tuple[str, float | None, float | None, float | None, bool,
                                            str]]) -> str:
    """One score as horizontal bars: (label, value, low, high, highest?, value text) per row."""
    dom = _domain([n for _, v, lo, hi, _, _ in rows for n in (v, lo, hi) if n is not None])
    intervals = any(lo is not None for _, _, lo, _, _, _ in rows)
    out = [f"<figure class=\"chart{' ci' if intervals else ''}\"><figcaption>"
           f"<b>{e(metric.label)}</b> <span class=\"note\">"
           f"{e(metric.about)}</span></figcaption>"]
    for label, v, lo, hi, top, text in rows:
        out.append(f"<div class=\"bar-row\"><span class=\"lab\" title=\"{e(label)}\">{e(label)}"
                   f"</span>{_bar_svg(v, lo, hi, dom, top, f'{label}: {text}')}"
                   f"<span class=\"val{' top' if top else ''}\">{e(text)}</span></div>")
    return "".join(out) + "</figure>"


# ---- comparisons --------------------------------------------------------------------------------

def _score_table(side: SideBySide) -> str:
    head = "".join(f"<th class=\"num\" scope=\"col\"><a href=\"#a{i}\">{e(n)}</a></th>"
                   for i, n in enumerate(side.names, 1))
    body = []
    for row in side.rows:
        cells = "".join(
            f"<td class=\"num{' top' if i in row.highest else ''}\">{e(value(row.metric, v))}"
            + (" ▲<span class=\"sr\"> highest</span>" if i in row.highest else "") + "</td>"
            for i, v in enumerate(row.values))
        body.append(f"<tr><th scope=\"row\" title=\"{e(row.metric.about)}\">"
                    f"{e(row.metric.label)}</th>{cells}</tr>")
    return (f"<div class=\"scroll\"><table><thead><tr><th scope=\"col\">score</th>{head}</tr>"
            f"</thead><tbody>{''.join(body)}</tbody></table></div>"
            "<p class=\"note\">▲ and bold mark the highest value in each row. Densities count "
            "the writer's own words (quotations and reported speech apart).</p>")


def _row_chart(row: Row, names: tuple[str, ...]) -> str:
    return _chart(row.metric, [(n, v, None, None, i in row.highest, value(row.metric, v))
                               for i, (n, v) in enumerate(zip(names, row.values))])


def _lines(lines: list[str]) -> str:
    return "<br>".join(e(line) for line in lines)


def _choice_table(choices: tuple[WordChoice, ...], names: tuple[str, ...], pairs: bool) -> str:
    head = ("<th>loaded term</th>" + ("<th>others say</th>" if pairs else "")
            + "<th>why</th>")
    rows = []
    for c in choices:
        cells = f"<td class=\"c-{c.kind}\">{_lines(by_article(c.uses, names))}</td>"
        if pairs:
            cells += f"<td data-label=\"others say\">{_lines(by_article(c.instead, names))}</td>"
        cells += (f"<td data-label=\"why\">{e(c.explanation)} "
                  f"<a href=\"#lex-{e(c.id)}\">{e(kind_label(c))}: "
                  f"{e(c.id)}</a></td>")
        rows.append(f"<tr>{cells}</tr>")
    return (f"<div class=\"scroll\"><table class=\"choices\"><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _glossary(choices: tuple[WordChoice, ...]) -> str:
    items = "".join(f"<dt id=\"lex-{e(c.id)}\"><b class=\"c-{c.kind}\">{e(c.term)}</b> "
                    f"<span class=\"note\">{e(kind_label(c))} · {e(c.id)}</span></dt>"
                    f"<dd>{e(c.explanation)}"
                    + (f"<br>Neutral alternatives: {e('; '.join(c.alternatives))}"
                       if c.alternatives else "") + "</dd>" for c in choices)
    return f"<h2>The lexicon entries</h2><dl>{items}</dl>" if items else ""


def _side_by_side(side: SideBySide) -> str:
    toc = "".join(f"<li><a href=\"#a{i}\"><b>{e(n)}</b></a>: {e(t)}</li>"
                  for i, (n, t) in enumerate(zip(side.names, side.titles), 1))
    parts = [f"<h1>Comparing {len(side.names)} articles</h1><ol>{toc}</ol>",
             "<h2>Scores</h2>", _score_table(side), "<h2>Charts</h2><div class=\"charts\">"]
    parts += [_row_chart(row, side.names) for row in side.rows]
    parts.append("</div>")
    parts.append("<h2>Word choice</h2><p>A loaded term in one article where another names the "
                 "same thing with one of the lexicon's neutral alternatives.</p>")
    parts.append(_choice_table(side.pairs, side.names, True) if side.pairs
                 else "<p>No such pair.</p>")
    parts.append("<h2>Loaded terms only one article uses</h2>")
    parts.append(_choice_table(side.alone, side.names, False) if side.alone else "<p>None.</p>")
    parts.append(_glossary(side.pairs + side.alone))
    parts.append("<h2>The articles</h2>")
    parts += [article_section(a, i, "h3") for i, a in enumerate(side.articles, 1)]
    return page(f"framing: comparing {', '.join(side.names)}", "".join(parts))


def _word_list(words: list[Distinctive]) -> str:
    if not words:
        return "<span class=\"note\">none stands out (|z| &lt; 1.96)</span>"
    return ", ".join(f"{e(w.label)} <span class=\"note\">{w.z:.1f}</span>" for w in words)


def _profile(p: Profile) -> str:
    head = "".join(f"<th class=\"num\" scope=\"col\" title=\"{e(m.about)}\">{e(m.label)}</th>"
                   for m in METRICS)
    rows = "".join(f"<tr><th scope=\"row\">{e(g.name)}</th><td class=\"num\">{g.articles:,}</td>"
                   + "".join(f"<td class=\"num\">{e(interval(m, g.scores[m.key]))}</td>"
                             for m in METRICS) + "</tr>" for g in p.groups)
    parts = [f"<h1>Profiles by {e(p.by)}</h1>",
             f"<p class=\"note\">{'<br>'.join(e(n) for n in profile_note(p))}</p>",
             f"<h2>Means with 95% intervals</h2><div class=\"scroll\"><table><thead><tr>"
             f"<th scope=\"col\">{e(p.by)}</th><th class=\"num\" scope=\"col\">articles</th>{head}"
             f"</tr></thead><tbody>{rows}</tbody></table></div>", "<h2>Charts</h2>"]
    for m in METRICS:
        parts.append(_chart(m, [(g.name, g.scores[m.key].mean, g.scores[m.key].low,
                                 g.scores[m.key].high, g.name == p.highest[m.key],
                                 interval(m, g.scores[m.key])) for g in p.groups]))
    for title, found in (("Flagged terms", p.flagged_words), ("All words", p.all_words)):
        items = "".join(f"<li><b>{e(g.name)}</b>: {_word_list(found.get(g.name, []))}</li>"
                        for g in p.groups)
        parts.append(f"<h2>{title} that distinguish each {e(p.by)}</h2>"
                     f"<p class=\"note\">z-scores of weighted log-odds against all the other "
                     f"groups.</p><ul class=\"words\">{items}</ul>")
    if p.contrast:
        c = p.contrast
        items = "".join(f"<li><b>{e(name)}</b>, {title}: {_word_list(words)}</li>"
                        for title, pair in (("flagged terms", c.flagged), ("all words", c.words))
                        for name, words in zip((c.a, c.b), pair))
        parts.append(f"<h2>{e(c.a)} versus {e(c.b)}</h2><ul class=\"words\">{items}</ul>")
    return page(f"framing: profiles by {p.by}", "".join(parts))


def render_comparison(result: Comparison, color: bool = False) -> str:
    """`framing compare --format html`."""
    return _profile(result) if isinstance(result, Profile) else _side_by_side(result)
