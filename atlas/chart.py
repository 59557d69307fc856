"""The small risk-level chart of each atlas page (matplotlib object API, Agg backend, no pyplot).

Two 100 % stacked bars — share of the area and share of the residents in each risk level — in
the one palette of ``core.standards.risk_levels``. Written as a PNG sized to the layout's picture item.
"""
from ..core.standards.risk_levels import RISK_LEVELS
from ..support.fonts import all_names

MM_PER_INCH = 25.4
_DARK_TEXT = {"#FFFF00", "#FF9900"}  # segments where black text reads better than white


def cjk_font_file():
    """The file of the first CJK family of ``support.fonts`` matplotlib finds (None: none installed)."""
    from matplotlib import font_manager

    for name in all_names():
        try:
            return font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        except ValueError:
            continue
    return None


def _font_properties(size):
    from matplotlib import font_manager

    path = cjk_font_file()
    if path is None:  # no CJK font: Latin text still renders, Chinese would not
        return font_manager.FontProperties(size=size)
    return font_manager.FontProperties(fname=path, size=size)


def cjk_font_available():
    return cjk_font_file() is not None


def write_share_chart(path, area_shares, resident_shares, labels, width_mm, height_mm, dpi=300, font_pt=8.0):
    """Write the chart PNG. ``labels``: (area bar label, residents bar label). Shares are 0..1 per level."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = _font_properties(font_pt)
    small = _font_properties(font_pt * 0.9)
    figure = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    bars = ((labels[1], resident_shares), (labels[0], area_shares))  # residents drawn on top
    for row, (_label, shares) in enumerate(bars):
        left = 0.0
        for entry, share in zip(RISK_LEVELS, shares):
            share = float(share) if share == share else 0.0  # NaN → 0
            if share <= 0:
                continue
            axes.barh(row, 100.0 * share, left=100.0 * left, height=0.62, color=entry.colour,
                      edgecolor="#333333", linewidth=0.4)
            if share >= 0.07:
                colour = "#000000" if entry.colour.upper() in _DARK_TEXT else "#FFFFFF"
                axes.text(100.0 * (left + share / 2), row, f"{100.0 * share:.0f}%", ha="center", va="center",
                          color=colour, fontproperties=small)
            left += share
    axes.set_xlim(0, 100)
    axes.set_ylim(-0.5, len(bars) - 0.5)
    axes.set_yticks(range(len(bars)))
    axes.set_yticklabels([label for label, _ in bars], fontproperties=font)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.set_xticklabels(["0", "25%", "50%", "75%", "100%"], fontproperties=small)
    axes.tick_params(axis="both", length=2, width=0.5, colors="#333333")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_linewidth(0.5)
    figure.tight_layout(pad=0.3)  # room for the longest bar label ("Residents") and the last tick
    figure.savefig(path, dpi=dpi, facecolor="white")
    return path
