"""The worst-case server text: how long a 4 MiB body of hostile HTML takes to become plain text.

Three figures per shape (see benchmarks/README.md):

* ``bounded_ms``: ``html_to_text`` as the connector calls it (input cut to ``MAX_MARKUP`` first),
  on one 4 MiB ``output``;
* ``full_ms`` and ``growth``: the scan without the bound over the whole 4 MiB, and its time
  over the time for 1 MiB (4 is linear; 16 would be quadratic);
* ``page``: a 4 MiB notification page (50 items of hostile ``output``) through the connector's
  parser step by step, as the app runs it: the longest step (what one turn of the UI's event
  loop waits for at most) and the total.

    python -m benchmarks.text_conversion [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.options import HERE
from services.humhub.parse import notification_page_steps
from services.text import MAX_MARKUP, html_to_text

MIB = 1024 * 1024
BODY = 4 * MIB
PAGE_ITEMS = 50


def _attrs(n: int) -> str:
    return "<a " + "x=1 " * (n // 4) + ">"


#: The worst shapes we could build, each as a function of the size in characters.
WORST: dict[str, Callable[[int], str]] = {
    "lt_a": lambda n: "<a" * (n // 2),
    "end_lt_a": lambda n: "</a" * (n // 3),
    "tags": lambda n: "<b>" * (n // 3),
    "tags_with_text": lambda n: "<b>x" * (n // 4),
    "breaks": lambda n: "<br>" * (n // 4),
    "nested_divs": lambda n: "<div>" * (n // 5),
    "reopened_formatting": lambda n: (
        "".join(f"<b id={i}>" for i in range(n // 48)) + "<p>x</p>" * (n // 16)
    ),
    "unclosed_comment": lambda n: "<!--" + "x" * n,
    "comment_starts": lambda n: "<!--" * (n // 4),
    "empty_comments": lambda n: "<!---->" * (n // 7),
    "many_attributes": _attrs,
    "unclosed_quote": lambda n: '<a x="' + "y" * n,
    "quote_starts": lambda n: '<a x=" ' * (n // 7),
    "long_attribute_value": lambda n: '<a title="' + "y" * n + '">z',
    "entities": lambda n: "&amp;" * (n // 5),
    "ampersands": lambda n: "&" * n,
    "long_entity_name": lambda n: "&" + "a" * n,
    "long_numeric_reference": lambda n: "&#" + "9" * n + ";",
    "stray_lt": lambda n: "< " * (n // 2),
    "bogus_comments": lambda n: "<!" * (n // 2),
    "unclosed_script": lambda n: "<script>" + "</scrip" * (n // 7),
    "deep_template": lambda n: "<template>" * (n // 10),
    "spaces": lambda n: " " * n,
    "controls": lambda n: "\u202e\x00" * (n // 2),
}


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest of `runs` timings of `action`, in seconds (the least disturbed one)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def page_steps(markup: str) -> tuple[float, float]:
    """(longest step, total) in seconds for a page of PAGE_ITEMS items sharing `markup`."""
    item_markup = markup[: BODY // PAGE_ITEMS]
    items = [
        {"id": i, "class": "x", "output": item_markup, "createdAt": "2026-01-01 09:00:00"}
        for i in range(1, PAGE_ITEMS + 1)
    ]
    data = {"total": PAGE_ITEMS, "page": 1, "pages": 1, "results": items}
    steps = notification_page_steps(data)
    longest = total = 0.0
    while True:
        started = time.perf_counter()
        try:
            next(steps)
        except StopIteration:
            return longest, total + time.perf_counter() - started
        spent = time.perf_counter() - started
        longest, total = max(longest, spent), total + spent


def measure(runs: int = 3, shapes: Sequence[str] | None = None) -> dict[str, Any]:
    """Every figure for every shape, and the worst of each over all shapes."""
    per_shape: dict[str, dict[str, float]] = {}
    for name in shapes or sorted(WORST):
        make = WORST[name]
        body, quarter = make(BODY), make(BODY // 4)
        full = best_of(runs, partial(html_to_text, body, max_markup=None))
        quarter_s = best_of(runs, partial(html_to_text, quarter, max_markup=None))
        bounded = best_of(runs, partial(html_to_text, body, max_length=1000))
        step, total = page_steps(body)
        per_shape[name] = {
            "bounded_ms": 1000 * bounded,
            "full_ms": 1000 * full,
            "growth": full / max(quarter_s, 0.002),  # a floor: sub-millisecond times are noise
            "page_longest_step_ms": 1000 * step,
            "page_total_ms": 1000 * total,
        }
    keys = ("bounded_ms", "full_ms", "growth", "page_longest_step_ms", "page_total_ms")
    worst = {key: max(per_shape, key=lambda name: per_shape[name][key]) for key in keys}
    return {
        "body_bytes": BODY,
        "max_markup": MAX_MARKUP,
        "page_items": PAGE_ITEMS,
        "shapes": per_shape,
        "worst": {
            key: {"shape": name, "value": per_shape[name][key]} for key, name in worst.items()
        },
    }


def report_lines(res: dict[str, Any]) -> list[str]:
    """The lines `make bench` prints for these figures."""
    worst = res["worst"]
    return [
        f"server text, worst case of {len(res['shapes'])} hostile shapes, 4 MiB body:",
        "  one 4 MiB output, as the app converts it (bounded) [ms]"
        f"  {worst['bounded_ms']['value']:8.2f}  ({worst['bounded_ms']['shape']})",
        "  the same without the bound, whole 4 MiB [ms]         "
        f"  {worst['full_ms']['value']:8.1f}  ({worst['full_ms']['shape']})",
        "  growth 1 -> 4 MiB without the bound (4 = linear)      "
        f"  {worst['growth']['value']:8.1f}  ({worst['growth']['shape']})",
        f"  a 4 MiB page of {res['page_items']} items: longest UI step [ms]     "
        f"  {worst['page_longest_step_ms']['value']:8.2f}  ({worst['page_longest_step_ms']['shape']})",
        f"  a 4 MiB page of {res['page_items']} items: all steps [ms]           "
        f"  {worst['page_total_ms']['value']:8.1f}  ({worst['page_total_ms']['shape']})",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.text_conversion")
    parser.add_argument("--out", default=str(HERE / "results" / "text.json"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    res = measure(args.runs)
    print("\n".join(report_lines(res)))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
