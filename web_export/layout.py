"""A deterministic layered layout of a directed acyclic graph, as SVG geometry.

The layer of a node is the length of the longest path reaching it from a source (a node
without incoming edges); layers are stacked top to bottom, and within a layer nodes are sorted
by label and packed into rows no wider than ``max_width``. No randomness, no external tool:
the same graph always gives the same coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

CHAR_WIDTH = 7.8  # 13px monospace
NODE_HEIGHT = 46
PADDING = 14
MIN_WIDTH = 96
MAX_LABEL = 28
GAP_X = 14
GAP_ROW = 18
GAP_LAYER = 84
MARGIN = 16


@dataclass(frozen=True)
class PlacedNode:
    key: str
    label: str  # possibly shortened; the full text is ``title``
    title: str
    layer: int
    x: float
    y: float
    width: float
    height: float = NODE_HEIGHT

    @property
    def cx(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class PlacedEdge:
    source: str
    target: str
    path: str  # SVG path data


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    layers: int
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]


def layers(graph: nx.DiGraph) -> dict[str, int]:
    """Longest path from a source to each node (sources are layer 0)."""
    layer: dict[str, int] = {}
    for node in nx.topological_sort(graph):
        layer[node] = max((layer[p] + 1 for p in graph.predecessors(node)), default=0)
    return layer


def _shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def layered_layout(graph: nx.DiGraph, labels: dict[str, str] | None = None, max_width: float = 1040) -> Layout:
    """Place every node of ``graph`` (keys are strings; ``labels`` default to the keys)."""
    if not nx.is_directed_acyclic_graph(graph):
        raise ValueError("the graph has a cycle")
    labels = labels or {}
    label = {n: labels.get(n, n) for n in graph.nodes}
    layer = layers(graph)
    count = max(layer.values(), default=-1) + 1

    # Rows: each layer's nodes sorted by label, packed left to right.
    rows: list[tuple[int, list[tuple[str, float]]]] = []
    for index in range(count):
        members = sorted((n for n in graph.nodes if layer[n] == index), key=lambda n: (label[n], n))
        row: list[tuple[str, float]] = []
        used = 0.0
        for node in members:
            width = max(MIN_WIDTH, round(len(_shorten(label[node])) * CHAR_WIDTH + 2 * PADDING, 1))
            if row and used + GAP_X + width > max_width:
                rows.append((index, row))
                row, used = [], 0.0
            used += (GAP_X if row else 0) + width
            row.append((node, width))
        if row:
            rows.append((index, row))

    def row_width(row: list[tuple[str, float]]) -> float:
        return sum(w for _, w in row) + GAP_X * (len(row) - 1)

    inner = max((row_width(r) for _, r in rows), default=0.0)
    nodes: dict[str, PlacedNode] = {}
    y = float(MARGIN)
    previous_layer = None
    for index, row in rows:
        if previous_layer is not None:
            y += NODE_HEIGHT + (GAP_LAYER if index != previous_layer else GAP_ROW)
        previous_layer = index
        x = MARGIN + (inner - row_width(row)) / 2
        for node, width in row:
            nodes[node] = PlacedNode(node, _shorten(label[node]), label[node], index, round(x, 1), round(y, 1), width)
            x += width + GAP_X

    edges = []
    for source, target in sorted(graph.edges, key=lambda e: (nodes[e[0]].y, nodes[e[0]].x, nodes[e[1]].y, nodes[e[1]].x)):
        a, b = nodes[source], nodes[target]
        x1, y1 = a.cx, a.y + a.height
        x2, y2 = b.cx, b.y - 1
        bend = max(24.0, (y2 - y1) / 2)
        edges.append(PlacedEdge(source, target, f"M{x1:.1f} {y1:.1f}C{x1:.1f} {y1 + bend:.1f} {x2:.1f} {y2 - bend:.1f} {x2:.1f} {y2:.1f}"))
    height = (y + NODE_HEIGHT + MARGIN) if nodes else 2 * MARGIN
    return Layout(
        width=round(inner + 2 * MARGIN, 1),
        height=round(height, 1),
        layers=count,
        nodes=tuple(nodes[n] for _, row in rows for n, _ in row),
        edges=tuple(edges),
    )
