"""The app's own icons and body picture: valid, accessible, self-contained SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from components.explainer import body_picture
from components.shared import icon_shapes
from components.shared.icons import WAYS, icon_names, icon_svg
from knowledge import load_knowledge
from knowledge.profile import SITE_VALUES

SVG = "{http://www.w3.org/2000/svg}"
OPTION_CLASSES = tuple(load_knowledge().kinds)  # the kinds of treatment (vocabulary.yaml)
NAMES = sorted(set(OPTION_CLASSES) | set(WAYS) | set(SITE_VALUES))
PLACE_NAMES = {s.id: s.name for s in load_knowledge().sites.values()}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _no_outside_references(markup: str) -> None:
    lowered = markup.lower()
    for bad in ("href=", "url(", "<image", "<script", "<foreignobject", "@import", "javascript:"):
        assert bad not in lowered, bad


def test_every_name_has_an_icon():
    assert set(NAMES) <= set(icon_names())


@pytest.mark.parametrize("name", NAMES)
def test_icon_is_valid_self_contained_svg(name):
    markup = icon_svg(name, size_px=32)
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 48 48"
    assert root.get("width") == root.get("height") == "32"
    assert root.get("aria-hidden") == "true"
    assert root.get("role") is None and root.get("aria-label") is None
    assert len(root) > 0
    _no_outside_references(markup)


@pytest.mark.parametrize("name", NAMES)
def test_labelled_icon_is_an_image_with_an_escaped_name(name):
    label = 'Pill <script>alert("x")</script> & \'more\''
    markup = icon_svg(name, label)
    assert "<script" not in markup
    root = ET.fromstring(markup)
    assert root.get("role") == "img"
    assert root.get("aria-label") == label  # escaped in the markup, the same text once parsed
    assert root.get("aria-hidden") is None
    _no_outside_references(markup)


def test_unknown_name_and_odd_sizes():
    with pytest.raises(ValueError):
        icon_svg("nonsense")
    assert 'width="8"' in icon_svg("pill", size_px=-5)
    assert 'width="512"' in icon_svg("pill", size_px=10_000)


def test_main_colour_is_dark_enough():
    assert _contrast(icon_shapes.MAIN, "#ffffff") >= 7
    for name in NAMES:
        assert ET.fromstring(icon_svg(name)).get("stroke") == icon_shapes.MAIN


def test_every_stroke_colour_is_from_the_palette():
    palette = {icon_shapes.MAIN.lower(), icon_shapes.TINT.lower(), icon_shapes.WARM.lower(),
               icon_shapes.WHITE.lower(), "#5f9ea3", "none"}
    for name in NAMES:
        colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', icon_svg(name).lower()))
        assert colours <= palette, (name, colours - palette)


def test_every_kind_has_an_emoji_for_headings():
    assert all(kind.emoji.strip() for kind in load_knowledge().kinds.values())


# How each option is given.

@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_every_way_an_option_is_given_has_an_icon(kb):
    for option in kb.options:
        assert option.given and set(option.given) <= set(WAYS), option.id
        for way in option.given:
            assert icon_svg(way).startswith("<svg")


@pytest.mark.parametrize("option_id, ways", [
    ("cdk46_with_endocrine", ("pill", "shot")),  # the pill, with hormone therapy pills or shots
    ("palbociclib_her2_positive_maintenance", ("pill", "drip", "shot")),
    ("tdxd_her2_low", ("drip",)),
    ("fulvestrant", ("shot",)),
    ("ovarian_suppression", ("shot", "surgery")),
    ("gnrh_agonist_with_ai_men", ("shot", "pill")),
    ("tamoxifen", ("pill",)),
    ("tucatinib_triplet", ("pill", "drip", "shot")),
    ("gedatolisib", ("drip", "shot")),
    ("pembrolizumab_tnbc", ("drip", "shot")),
    ("bone_modifying_drugs", ("drip", "shot")),  # zoledronic acid is a drip, denosumab a shot
    ("chemotherapy_triple_negative", ("drip", "pill")),
    ("chemotherapy_hr_positive", ("drip", "pill")),  # most chemotherapy is a drip; capecitabine is a pill
    ("drainage_lung_fluid", ("procedure",)),
    ("supportive_care", ("care",)),
    ("surgery_bone", ("surgery",)),
])
def test_every_way_each_option_is_given_comes_from_its_content(kb, option_id, ways):
    option = next(o for o in kb.options if o.id == option_id)
    assert tuple(option.given) == ways


def test_radiation_options_are_radiation(kb):
    radiation = [o for o in kb.options if o.class_ == "radiation"]
    assert radiation
    assert all(o.given == ["radiation"] for o in radiation)


# The body picture.

def _places(markup: str) -> dict[str, ET.Element]:
    root = ET.fromstring(markup)
    return {g.get("data-place"): g for g in root.iter(f"{SVG}g") if g.get("data-place")}


@pytest.mark.parametrize("chosen", [(), ("bone",), ("brain", "liver"), ("skin", "lymph_nodes", "other"),
                                    tuple(SITE_VALUES)])
def test_body_picture_fills_exactly_the_chosen_places(chosen):
    markup = body_picture.svg(chosen, "Body picture", PLACE_NAMES)
    places = _places(markup)
    assert set(places) == set(SITE_VALUES)
    for site, group in places.items():
        filled = group.get("fill") == body_picture.ON
        assert filled == (site in chosen), site
        assert group.find(f"{SVG}title").text == PLACE_NAMES[site]  # pointing at it says the rule set's name


def test_body_picture_is_small_accessible_and_self_contained():
    label = 'Places: <b>"bones"</b> & more'
    markup = body_picture.svg(SITE_VALUES, label, PLACE_NAMES)
    assert len(markup.encode()) < 6 * 1024
    root = ET.fromstring(markup)
    assert root.get("role") == "img" and root.get("aria-label") == label
    assert "<b>" not in markup
    _no_outside_references(markup)


def test_body_picture_ignores_unknown_places():
    places = _places(body_picture.svg(["elbow", "<script>"], "x", PLACE_NAMES))
    assert all(g.get("fill") != body_picture.ON for g in places.values())
