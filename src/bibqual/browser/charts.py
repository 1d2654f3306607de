"""Server-side SVG charts: no JavaScript, no CDN, readable by screen readers.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>``
listing every value, so the numbers are available without seeing the bars.
"""

from html import escape


def bar_chart(bars, title, width=340, bar_height=26, label_width=108, font_size=15):
    """Horizontal bars: ``bars`` is a list of ``(label, value, css_color)``.

    Returns SVG markup (labels escaped, shortened to fit). The longest bar fills
    the width. The drawing is phone-sized (340 units wide, 15-unit text), so on
    a 390 px screen it shrinks only a little and the labels stay readable
    (about 13 px); wider screens show it at its own size.
    """
    bars = list(bars)
    top = 8
    height = top + len(bars) * (bar_height + 10) + 4
    maximum = max([value for _label, value, _color in bars] + [1])
    plot = width - label_width - 50
    description = "; ".join(f"{label}: {value}" for label, value, _color in bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bq-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    for index, (label, value, color) in enumerate(bars):
        y = top + index * (bar_height + 10)
        length = round(plot * value / maximum) if value else 0
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.68:.0f}" text-anchor="end" '
            f'font-size="{font_size}" fill="#212529">{escape(_short(label, 12))}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{max(length, 2)}" height="{bar_height}" '
            f'rx="3" fill="{escape(color)}"></rect>'
        )
        parts.append(
            f'<text x="{label_width + max(length, 2) + 6}" y="{y + bar_height * 0.68:.0f}" '
            f'font-size="{font_size}" font-weight="700" fill="#212529">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(label, limit):
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def stacked_bar_chart(rows, series, title, width=640, bar_height=22, label_width=200):
    """Horizontal stacked bars with a legend.

    ``rows`` is a list of ``(label, {key: value})``, ``series`` a list of
    ``(key, label, css_color)`` in stacking order. Every row ends with its total;
    the ``<desc>`` lists every value per row, so the chart reads without colour.
    """
    rows = list(rows)
    series = list(series)
    plot = width - label_width - 50
    totals = [sum(values.get(key, 0) for key, _label, _color in series) for _label, values in rows]
    maximum = max(totals + [1])
    description = "; ".join(
        f"{label}: "
        + ", ".join(f"{name} {values.get(key, 0)}" for key, name, _color in series)
        + f" ({total})"
        for (label, values), total in zip(rows, totals, strict=True)
    )
    # legend: one row of swatches, wrapped when it does not fit
    legend = []
    x, y = 0, 0
    for _key, name, color in series:
        item_width = 14 + 6 + 8 * len(str(name)) + 14
        if x and x + item_width > width:
            x, y = 0, y + 22
        legend.append(
            f'<rect x="{x}" y="{y + 2}" width="14" height="14" rx="2" '
            f'fill="{escape(color)}"></rect>'
            f'<text x="{x + 20}" y="{y + 14}" font-size="13" '
            f'fill="#212529">{escape(str(name))}</text>'
        )
        x += item_width
    top = y + 34
    height = top + len(rows) * (bar_height + 8) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bq-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
        '<g aria-hidden="true">',
        *legend,
    ]
    for index, ((label, values), total) in enumerate(zip(rows, totals, strict=True)):
        y = top + index * (bar_height + 8)
        baseline = f"{y + bar_height * 0.7:.0f}"
        parts.append(
            f'<text x="{label_width - 8}" y="{baseline}" text-anchor="end" font-size="13" '
            f'fill="#212529">{escape(_short(label, 28))}</text>'
        )
        x = label_width
        for key, name, color in series:
            value = values.get(key, 0)
            if not value:
                continue
            length = round(plot * value / maximum)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{length}" height="{bar_height}" '
                f'fill="{escape(color)}" stroke="#fff" stroke-width="1">'
                f"<title>{escape(str(name))}: {value}</title></rect>"
            )
            x += length
        parts.append(
            f'<text x="{x + 6}" y="{baseline}" font-size="13" font-weight="700" '
            f'fill="#212529">{total}</text>'
        )
    parts.append("</g></svg>")
    return "".join(parts)
