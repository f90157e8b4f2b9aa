#!/usr/bin/env python3
"""Plot bench/results/latest.json: wall time against stream size, log-log, one line per tool,
one panel per stream kind. Run by bench/run with /usr/bin/python3 (matplotlib), or with
--gnuplot to write a gnuplot script and run gnuplot instead.

    /usr/bin/python3 bench/plot.py bench/results/latest.json bench/results/time-vs-size.png
"""
import json
import os
import subprocess
import sys
import tempfile

TOOLS = [("kinject", "kinject (built-in)", "#d62728", "o"),
         ("kinject-istio", "kinject (Istio config)", "#ff9896", "o"),
         ("kustomize", "kubectl kustomize", "#1f77b4", "s"),
         ("pyyaml", "PyYAML script", "#2ca02c", "^"),
         ("floor", "yaml-cpp parse (floor)", "#7f7f7f", "v"),
         ("floor-load", "yaml-cpp LoadAll", "#bcbd22", "v"),
         ("cat", "cat", "#17becf", "x")]


def series(res):
    """{kind: {tool: [(MB, seconds, killed)]}}"""
    out = {}
    for s in res["streams"]:
        for t, *_ in TOOLS:
            c = s["cells"].get(t)
            if not c:
                continue
            if "wall" in c:
                pt = (s["bytes"] / 1e6, c["wall"], False)
            elif "killed_after" in c:
                pt = (s["bytes"] / 1e6, c["killed_after"], True)
            else:
                continue
            out.setdefault(s["kind"], {}).setdefault(t, []).append(pt)
    return out


# The one-call panel: one small document per call, beside spawning `true` the same way.
ONE_CALL = [("true", "spawn `true`", "#7f7f7f"),
            ("kinject", "kinject (built-in)", "#d62728"),
            ("kinject-static", "kinject (built-in, static)", "#e377c2"),
            ("kinject-istio", "kinject (Istio config)", "#ff9896")]


def one_call(res):
    """[(label, milliseconds, color)] of the one-document runs."""
    od = res.get("one_doc") or {}
    return [(label, od[t]["wall"] * 1000, color) for t, label, color in ONE_CALL if "wall" in od.get(t, {})]


def with_matplotlib(res, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    data = series(res)
    kinds = [k for k in ("statefulsets", "deployments", "crd-heavy") if k in data]
    calls = one_call(res)
    panels = len(kinds) + (1 if calls else 0)
    fig, axes = plt.subplots(1, panels, figsize=(4.2 * panels, 4.0), squeeze=False)
    if calls:
        ax = axes[0][-1]
        ys = range(len(calls))
        ax.barh(list(ys), [c[1] for c in calls], color=[c[2] for c in calls])
        ax.set_yticks(list(ys))
        ax.set_yticklabels([c[0] for c in calls], fontsize=8)
        ax.invert_yaxis()
        for y, (_, v, _) in zip(ys, calls):
            ax.annotate("%.1f ms" % v, (v, y), textcoords="offset points", xytext=(3, -3), fontsize=7)
        ax.set_title("one call: one small document", fontsize=10)
        ax.set_xlabel("wall time, median (ms)", fontsize=9)
        ax.set_xlim(0, max(c[1] for c in calls) * 1.3)
        ax.grid(True, axis="x", linewidth=0.3, alpha=0.5)
        ax.tick_params(labelsize=8)
    for ax, kind in zip(axes[0], kinds):
        for t, label, color, marker in TOOLS:
            pts = data[kind].get(t)
            if not pts:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            ax.plot(xs, ys, marker=marker, color=color, label=label, linewidth=1.5, markersize=5)
            for x, y, killed in pts:
                if killed:
                    ax.annotate("killed", (x, y), textcoords="offset points", xytext=(4, 4), fontsize=7, color=color)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(kind, fontsize=10)
        ax.set_xlabel("stream size (MB)", fontsize=9)
        ax.grid(True, which="both", linewidth=0.3, alpha=0.5)
        ax.tick_params(labelsize=8)
        if ax is not axes[0][0]:
            ax.sharey(axes[0][0])
    axes[0][0].set_ylabel("wall time, median (s)", fontsize=9)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=min(7, len(labels)), fontsize=8, frameon=False)
    fig.suptitle("kinject benchmark, %s, %d cores" % (res["env"]["date"], res["env"]["cores"]), fontsize=10)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.savefig(png, dpi=80)
    try:  # a palette PNG is a third of the size, for the repository
        from PIL import Image
        Image.open(png).convert("RGB").quantize(colors=64).save(png, optimize=True)
    except Exception:
        pass


def with_gnuplot(res, png):
    data = series(res)
    kinds = [k for k in ("statefulsets", "deployments", "crd-heavy") if k in data]
    tmp = tempfile.mkdtemp()
    calls = one_call(res)
    panels = len(kinds) + (1 if calls else 0)
    lines = ["set terminal pngcairo size %d,340 font ',8'" % (340 * panels), "set output '%s'" % png,
             "set logscale xy", "set grid", "set key bottom right font ',7'",
             "set multiplot layout 1,%d title 'kinject benchmark, %s'" % (panels, res["env"]["date"])]
    for kind in kinds:
        plots = []
        for t, label, color, _ in TOOLS:
            pts = data[kind].get(t)
            if not pts:
                continue
            f = os.path.join(tmp, "%s-%s.dat" % (kind, t))
            with open(f, "w") as fh:
                fh.write("".join("%g %g\n" % (x, y) for x, y, _ in pts))
            plots.append("'%s' using 1:2 with linespoints lc rgb '%s' title '%s'" % (f, color, label))
        lines += ["set title '%s'" % kind, "set xlabel 'stream size (MB)'", "set ylabel 'wall time (s)'",
                  "plot " + ", ".join(plots)]
    if calls:
        f = os.path.join(tmp, "one-call.dat")
        with open(f, "w") as fh:
            fh.write("".join('%d "%s" %g\n' % (i, label, v) for i, (label, v, _) in enumerate(calls)))
        lines += ["unset logscale", "set title 'one call: one small document'", "set xlabel ''",
                  "set ylabel 'wall time, median (ms)'", "set style fill solid", "set boxwidth 0.6",
                  "set yrange [0:*]", "set xtics rotate by -20 font ',7'",
                  "plot '%s' using 1:3:xtic(2) with boxes lc rgb '#d62728' notitle" % f]
    lines.append("unset multiplot")
    script = os.path.join(tmp, "plot.gp")
    with open(script, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    subprocess.run(["gnuplot", script], check=True)


def main():
    args = [a for a in sys.argv[1:] if a != "--gnuplot"]
    data, png = args
    with open(data) as f:
        res = json.load(f)
    (with_gnuplot if "--gnuplot" in sys.argv else with_matplotlib)(res, png)


if __name__ == "__main__":
    main()
