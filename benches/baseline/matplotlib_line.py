"""The export bench's baseline: matplotlib (Agg, on the CPU) drawing the
same line chart as Plan Explorer's GDP-share picture, at the same size
(1600x1000 points at 2 pixels a point: 3200x2000 pixels), as PNG.

Prints the median seconds per picture over N runs (argv[1]) in one process,
so Python's start-up and the import are not counted.
"""
import io
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SERIES = [
    ("Three pioneering industries' contribution to Shanghai's GDP", [(2021, 7.5), (2024, 33.4)], "#0072B2"),
    ("Share of strategic emerging manufacturing industries", [(2020, 40.0), (2025, 45.0)], "#E69F00"),
    ("Manufacturing share of the three leading industries", [(2020, 7.8), (2025, 12.4)], "#009E73"),
]


def draw():
    fig, ax = plt.subplots(figsize=(1600 / 72, 1000 / 72), dpi=144)
    for name, points, color in SERIES:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        ax.plot(xs, ys, "--", color=color, linewidth=3)
        ax.plot(xs, ys, "o", color=color, markersize=12)
        ax.annotate(f"{ys[-1]}%  {name}", (xs[-1], ys[-1]), xytext=(12, 0),
                    textcoords="offset points", color=color, fontsize=22, va="center")
        ax.annotate(f"{ys[0]}%", (xs[0], ys[0]), xytext=(0, 14),
                    textcoords="offset points", color=color, fontsize=22, ha="center")
    ax.set_title("Three pioneering industries' contribution to Shanghai's GDP, 2021-2024",
                 loc="left", fontsize=36, fontweight="bold")
    ax.grid(axis="y", color="#e2e2e2")
    for side in ["top", "right", "left"]:
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=22)
    ax.set_ylim(0, 50)
    fig.text(0.02, 0.02, "Source: City ready to boost strategy for next five-year plan; "
             "Shanghai Charts Bold Course for 'New Quality Productive Forces' (2026-02-07)",
             fontsize=18, color="#4a4a4a")
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    draw()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        draw()
        times.append(time.perf_counter() - start)
    print(f"{statistics.median(times):.6f}")


if __name__ == "__main__":
    main()
