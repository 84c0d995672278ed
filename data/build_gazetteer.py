#!/usr/bin/env python3
"""Build the embedded GeoNames gazetteer of Mali and the 50 cercle polygons.

Reads the GeoNames export of Mali (ML.txt, ML.zip or a folder holding either;
default: ../shared/data/geonames/ML.txt beside the repository), the
geoBoundaries ADM2 GeoJSON of Mali (default: ../shared/data/geoboundaries/)
and the neighbours' towns of data/cities.tsv, and writes three files that the
program embeds (src/geocode/gazetteer.rs, src/reference/cercles.rs):

  geonames-ML.tsv.zlib       the places the geocoder keeps, GeoNames dump layout
  cercles-ML.geojson.zlib    the 50 cercles, simplified, as GeoJSON
  snapshot.json              export date, input and output SHA-256, counts

Standard library only, no network. Output is deterministic: the same inputs
give byte-identical files (zlib level 9, fixed order, sorted JSON keys).

The inputs themselves are never committed (see ../shared/data/README.md);
these derived tables are, with their attribution (CC BY 4.0).

Usage: python3 data/build_gazetteer.py [--geonames PATH] [--cercles PATH]
                                       [--cities FILE] [--out DIR]
"""

import argparse
import hashlib
import io
import json
import os
import sys
import unicodedata
import zipfile
import zlib

# The geometry helpers are shared with build.py; no .pyc files in data/.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402

GEONAMES_ATTRIBUTION = "GeoNames (geonames.org), CC BY 4.0"
CERCLES_ATTRIBUTION = (
    "Administrative boundaries: geoBoundaries (www.geoboundaries.org), CC BY 4.0"
)
GAZETTEER_FILE = "geonames-ML.tsv.zlib"
CERCLES_FILE = "cercles-ML.geojson.zlib"
SNAPSHOT_FILE = "snapshot.json"
GEOBOUNDARIES_ADM2 = "geoBoundaries-MLI-ADM2.geojson"

COLUMNS = 19
# Cercle borders: Douglas-Peucker tolerance (degrees, ~550 m) and decimals kept.
CERCLE_TOLERANCE = 0.005
CERCLE_DECIMALS = 4


# --------------------------------------------------------------------------
# Which rows and names the geocoder keeps: the same rules as
# src/geocode/gazetteer.rs (is_kept_feature, is_useful_alternate). The program
# applies them again when it loads the table, so the table must keep at least
# what they keep; the equivalence test (gazetteer.rs) checks the result.
# --------------------------------------------------------------------------

def is_kept_feature(klass, code):
    if klass in ("P", "A"):
        return True
    if klass == "H":
        return (code.startswith(("WAD", "LK", "RSV"))
                or code in ("WLL", "WLLS", "WTRH", "OAS"))
    if klass == "T":
        return code in ("MT", "MTS", "MSF", "HLLS", "PLAT", "VAL", "PASS", "GRGE")
    if klass == "L":
        return code in ("RGN", "RESF", "RESW", "PRK", "OAS")
    if klass == "S":
        return (code.startswith(("CMP", "AIR"))
                or code in ("MN", "MNAU", "MNC", "MNCR", "MNCU", "MNFE", "MNN", "MNQ",
                            "MNQR", "FT", "INSM", "DAM", "BDG"))
    if klass == "V":
        return code.startswith("FRST")
    return False


def is_latin_letter(c):
    o = ord(c)
    return (c.isascii() and c.isalpha()) or 0xC0 <= o <= 0x24F or 0x250 <= o <= 0x2AF \
        or 0x1E00 <= o <= 0x1EFF


def is_useful_alternate(name):
    if len(name) <= 2 or any(unicodedata.category(c) in ("Nd", "Nl", "No") for c in name):
        return False
    lower = name.lower()
    if "http" in lower or "://" in lower or "www." in lower:
        return False
    latin = other = 0
    has_upper = False
    for c in name:
        if not c.isalpha():
            continue
        if is_latin_letter(c):
            latin += 1
        else:
            other += 1
        has_upper = has_upper or c.isupper()
    is_code = len(name.encode("utf-8")) <= 4 and all("A" <= c <= "Z" for c in name)
    return latin > other and has_upper and not is_code


def useful_alternates(field, main_name):
    kept = []
    for name in field.split(","):
        name = name.strip()
        if is_useful_alternate(name) and name != main_name and name not in kept:
            kept.append(name)
    return kept


# --------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------

def read_geonames(path):
    """The dump's bytes: ML.txt itself, the .txt inside ML.zip, or either in a folder."""
    if os.path.isdir(path):
        for name in ("ML.txt", "ML.zip", "ml.txt", "ml.zip"):
            if os.path.isfile(os.path.join(path, name)):
                return read_geonames(os.path.join(path, name))
        sys.exit(f"{path}: no ML.txt or ML.zip there")
    if path.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            base = [(n.rsplit("/", 1)[-1].lower(), n) for n in names]
            entry = next((n for b, n in base if b == "ml.txt"), None) or next(
                (n for b, n in base if b.endswith(".txt") and b != "readme.txt"), None)
            if entry is None:
                sys.exit(f"{path}: no .txt GeoNames file inside")
            return archive.read(entry)
    with open(path, "rb") as handle:
        return handle.read()


def row_line(columns):
    assert len(columns) == COLUMNS
    for value in columns:
        assert "\t" not in value and "\n" not in value, value
    return "\t".join(columns)


def gazetteer_rows(dump):
    """Kept Mali rows in source order, as GeoNames dump lines with only the fields the
    geocoder reads (id, names, filtered alternate names, coordinates, feature class and
    code, country, admin1, admin2, population); plus counts and the export date."""
    lines, counts, export_date = [], {"rows_in": 0, "skipped": 0}, ""
    for raw in dump.decode("utf-8").split("\n"):
        raw = raw.rstrip("\r").lstrip("\ufeff")
        if not raw.strip() or raw.startswith("#"):
            continue
        counts["rows_in"] += 1
        c = raw.split("\t")
        if len(c) != COLUMNS:
            counts["skipped"] += 1
            continue
        export_date = max(export_date, c[18])
        if len(c[6]) != 1 or not is_kept_feature(c[6], c[7]):
            continue
        name = c[1].strip()
        alternates = useful_alternates(c[3], name)
        lines.append(row_line([
            c[0], name, c[2].strip(), ",".join(alternates), c[4], c[5], c[6], c[7], c[8], "",
            c[10], c[11], "", "", c[14], "", "", "", "",
        ]))
    counts["mali_rows"] = len(lines)
    return lines, counts, export_date


def neighbour_rows(cities_text):
    """Towns of Mali's neighbours from data/cities.tsv, so a text naming Kidira or
    Bassikounou resolves to the foreign town, never to a Malian homonym."""
    lines = []
    rows = cities_text.split("\n")
    if not rows[0].startswith("geonameid\t"):
        sys.exit("cities.tsv: missing header")
    for row in rows[1:]:
        if not row.strip():
            continue
        (geonameid, name, asciiname, alternates, lat, lon, code, country, admin1,
         population) = row.split("\t")
        if country == "ML":
            continue
        code = code or "PPL"
        if not code.startswith("PPL"):
            # The program reads these rows as populated places (class P).
            sys.exit(f"cities.tsv: {name}: feature code {code} is not a populated place")
        lines.append(row_line([
            geonameid, name, asciiname, ",".join(useful_alternates(alternates, name)), lat,
            lon, "P", code, country, "", admin1, "", "", "", population or "0", "", "", "", "",
        ]))
    return lines


def build_gazetteer(dump, cities_text):
    mali, counts, export_date = gazetteer_rows(dump)
    neighbours = neighbour_rows(cities_text)
    counts["neighbour_rows"] = len(neighbours)
    header = (f"# {GEONAMES_ATTRIBUTION}. Places of Mali from the GeoNames export of "
              f"{export_date} and neighbours' towns; built by data/build_gazetteer.py.")
    text = "\n".join([header] + mali + neighbours) + "\n"
    return text.encode("utf-8"), counts, export_date


# --------------------------------------------------------------------------
# Cercles
# --------------------------------------------------------------------------

def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    sys.exit(f"cercles: unexpected geometry {geometry['type']}")


def round_ring(ring, outer):
    """Rounds to CERCLE_DECIMALS, drops repeats and degenerate rings, orients outer
    rings counter-clockwise and holes clockwise (RFC 7946)."""
    points = []
    for x, y in ring:
        p = (round(x, CERCLE_DECIMALS) + 0.0, round(y, CERCLE_DECIMALS) + 0.0)
        if not points or points[-1] != p:
            points.append(p)
    if len(points) >= 2 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return None
    points.append(points[0])
    area = build.signed_area(points)
    if area == 0.0:
        return None
    if (area > 0) != outer:
        points.reverse()
    return [list(p) for p in points]


def build_cercles(geojson_bytes):
    collection = json.loads(geojson_bytes)
    features = collection["features"]
    # Every ring of every cercle, simplified together so neighbours keep one shared border.
    rings, shape = [], []
    for feature in features:
        polygons = []
        for polygon in polygons_of(feature["geometry"]):
            indices = []
            for ring in polygon:
                indices.append(len(rings))
                rings.append([tuple(p[:2]) for p in ring])
            polygons.append(indices)
        shape.append(polygons)
    simplified = build.simplify_rings_topologically(rings, CERCLE_TOLERANCE)
    out, vertices_in, vertices_out = [], sum(len(r) for r in rings), 0
    for feature, polygons in zip(features, shape):
        parts = []
        for indices in polygons:
            outer = round_ring(simplified[indices[0]], True)
            if outer is None:
                continue
            holes = [round_ring(simplified[i], False) for i in indices[1:]]
            part = [outer] + [h for h in holes if h is not None]
            vertices_out += sum(len(r) for r in part)
            parts.append(part)
        name = feature["properties"]["shapeName"].strip()
        if not parts:
            sys.exit(f"cercles: {name} vanished when simplified")
        geometry = ({"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1
                    else {"type": "MultiPolygon", "coordinates": parts})
        out.append({"type": "Feature", "properties": {"shapeName": name},
                    "geometry": geometry})
    # One feature per line, in the source's order: readable when decompressed.
    body = ",\n".join(build.dumps(f) for f in out)
    text = ('{"type":"FeatureCollection","attribution":' + build.dumps(CERCLES_ATTRIBUTION)
            + ',"features":[\n' + body + "\n]}\n")
    counts = {"cercles": len(out), "vertices_in": vertices_in, "vertices": vertices_out}
    return text.encode("utf-8"), counts


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def sha256(data):
    return hashlib.sha256(data).hexdigest()


def compress(data):
    return zlib.compress(data, 9)


def write(path, data):
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(data)} bytes, sha256 {sha256(data)}", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared", "data")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", default=os.path.join(shared, "geonames", "ML.txt"),
                        help="ML.txt, ML.zip or a folder holding one")
    parser.add_argument("--cercles", default=os.path.join(shared, "geoboundaries"),
                        help=f"{GEOBOUNDARIES_ADM2} or a folder holding it")
    parser.add_argument("--cities", default=os.path.join(here, "cities.tsv"),
                        help="neighbours' towns (data/cities.tsv)")
    parser.add_argument("--out", default=here, help="output directory (default: data/)")
    args = parser.parse_args()

    dump = read_geonames(args.geonames)
    with open(args.cities, "rb") as handle:
        cities = handle.read()
    cercles_path = args.cercles
    if os.path.isdir(cercles_path):
        cercles_path = os.path.join(cercles_path, GEOBOUNDARIES_ADM2)
    with open(cercles_path, "rb") as handle:
        adm2 = handle.read()

    table, gazetteer_counts, export_date = build_gazetteer(dump, cities.decode("utf-8"))
    table_z = compress(table)
    geojson, cercle_counts = build_cercles(adm2)
    geojson_z = compress(geojson)

    snapshot = {
        "gazetteer": {
            "file": GAZETTEER_FILE,
            "attribution": GEONAMES_ATTRIBUTION,
            "export_date": export_date,
            "input_sha256": sha256(dump),
            "cities_sha256": sha256(cities),
            "counts": gazetteer_counts,
            "table_bytes": len(table),
            "table_sha256": sha256(table),
            "compressed_bytes": len(table_z),
            "sha256": sha256(table_z),
        },
        "cercles": {
            "file": CERCLES_FILE,
            "attribution": CERCLES_ATTRIBUTION,
            "source": "geoBoundaries gbOpen MLI ADM2 (boundaryYear 2017)",
            "input_sha256": sha256(adm2),
            "tolerance_degrees": CERCLE_TOLERANCE,
            "decimals": CERCLE_DECIMALS,
            "counts": cercle_counts,
            "geojson_bytes": len(geojson),
            "geojson_sha256": sha256(geojson),
            "compressed_bytes": len(geojson_z),
            "sha256": sha256(geojson_z),
        },
    }
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, GAZETTEER_FILE), table_z)
    write(os.path.join(args.out, CERCLES_FILE), geojson_z)
    meta = json.dumps(snapshot, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    write(os.path.join(args.out, SNAPSHOT_FILE), meta.encode("utf-8"))
    print(f"gazetteer: {gazetteer_counts}, export of {export_date}", file=sys.stderr)
    print(f"cercles: {cercle_counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
