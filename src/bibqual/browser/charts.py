"""Server-side SVG charts: no JavaScript, no CDN, readable by screen readers.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>``
listing every value, so the numbers are available without seeing the bars.
"""

from html import escape


def bar_chart(bars, title, width=640, bar_height=26, label_width=170):
    """Horizontal bars: ``bars`` is a list of ``(label, value, css_color)``.

    Returns SVG markup (labels escaped). The longest bar fills the width.
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
            f'font-size="14" fill="#212529">{escape(str(label))}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{max(length, 2)}" height="{bar_height}" '
            f'rx="3" fill="{escape(color)}"></rect>'
        )
        parts.append(
            f'<text x="{label_width + max(length, 2) + 6}" y="{y + bar_height * 0.68:.0f}" '
            f'font-size="14" font-weight="700" fill="#212529">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
