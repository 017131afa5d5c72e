"""The fixed shapes of this app's own icons (viewBox 0 0 48 48), kept apart from the code.

Every icon uses one line style: 2px strokes with round ends and joins in MAIN, a dark teal
with about 7.9:1 contrast on white, and two soft fills (TINT, WARM). Each shape is a
constant string: nothing here is built from outside input, and nothing refers to
anything outside the drawing (no links, no images, no url()).
"""

MAIN = "#0e5a63"  # dark teal: every stroke; 7.9:1 on white
TINT = "#d5ecea"  # pale teal fill
WARM = "#f8d6c6"  # soft peach fill, for the small accent in a few icons
WHITE = "#ffffff"

_F = f'fill="{TINT}"'
_W = f'fill="{WARM}"'
_DOT = f'fill="{MAIN}" stroke="none"'

# Reused parts.
_BONE = "M16.8 21H31.2A5 5 0 1 1 38.6 24A5 5 0 1 1 31.2 27H16.8A5 5 0 1 1 9.4 24A5 5 0 1 1 16.8 21Z"
_SMALL_BONE = ("M17.1 25.4H26.9A4.2 4.2 0 1 1 33.2 28A4.2 4.2 0 1 1 26.9 30.6H17.1A4.2 4.2 0 1 1 10.8 28"
               "A4.2 4.2 0 1 1 17.1 25.4Z")
_MIRROR = 'transform="matrix(-1 0 0 1 48 0)"'
_ANTIBODY = "M24 25V36M24 25L13 12M24 25L35 12M16.2 22.7L9.6 14.9M31.8 22.7L38.4 14.9"
_HEART = "M24 30s-8-4.6-8-10a4.2 4.2 0 0 1 8-1.8a4.2 4.2 0 0 1 8 1.8c0 5.4-8 10-8 10Z"

# The ways a treatment is given.
WAYS = {
    "pill": ('<g transform="rotate(-45 24 24)">'
             f'<path d="M24 17H16.5a7 7 0 0 0 0 14H24Z" {_F} stroke="none"/>'
             '<rect x="9.5" y="17" width="29" height="14" rx="7"/><path d="M24 17v14"/></g>'),
    "drip": (f'<path d="M15 16h18v6a4 4 0 0 1-4 4H19a4 4 0 0 1-4-4Z" {_F} stroke="none"/>'
             '<rect x="15" y="6" width="18" height="20" rx="4"/><path d="M20 11h8M24 26v5"/>'
             f'<path d="M24 32c-3 3.6-4.5 5.8-4.5 7.6a4.5 4.5 0 0 0 9 0c0-1.8-1.5-4-4.5-7.6Z" {_F}/>'),
    "shot": ('<g transform="rotate(-45 24 24)">'
             f'<rect x="15" y="19" width="10" height="10" rx="2" {_F} stroke="none"/>'
             '<rect x="15" y="19" width="18" height="10" rx="2"/>'
             '<path d="M15 24H6M33 24h6M39 19.5v9M33 16.5v15M20 19v3M25 19v3"/></g>'),
    "radiation": ('<path d="M14 7.5a16 7 0 0 1 20 0"/><path d="M24 10v13M13 13l7 11M35 13l-7 11"/>'
                  f'<circle cx="24" cy="32" r="6.5" {_W}/><circle cx="24" cy="32" r="2" {_DOT}/>'
                  '<path d="M9 42h30"/>'),
    "surgery": ('<g transform="rotate(-45 24 24)">'
                f'<rect x="17" y="16" width="14" height="16" {_F} stroke="none"/>'
                '<rect x="5" y="16" width="38" height="16" rx="8"/><path d="M17 16v16M31 16v16"/>'
                f'<circle cx="11" cy="24" r="1.2" {_DOT}/><circle cx="37" cy="24" r="1.2" {_DOT}/></g>'),
    "care": (f'<path d="M9 9h30a4 4 0 0 1 4 4v17a4 4 0 0 1-4 4H23l-8 7v-7H9a4 4 0 0 1-4-4V13a4 4 0 0 1 4-4Z" {_F}/>'
             f'<path d="{_HEART}" {_W} transform="translate(0 -1)"/>'),
    # A thin needle with a tube to a bag: fluid taken out, as when fluid is drained from the chest.
    "procedure": ('<path d="M6 10l12 12"/><path d="M18 22l4 4"/>'
                  '<path d="M22 26c4 4 6 7 6 11"/>'
                  f'<rect x="24" y="34" width="16" height="10" rx="3" {_F}/><path d="M28 39h8"/>'),
}

# The places cancer may have spread to.
SITES = {
    "bone": f'<path d="{_BONE}" {_F} transform="rotate(-45 24 24)"/>',
    "brain": ''.join(
        f'<g{side}><path d="M24 9c-3-2.5-8-2-10 1.5c-4 .5-6 4-5 7.5c-3 2-3.5 6.5-1 9c-1 4 2 7.5 6 7.5'
        f'c1.5 3 5.5 4 8 2.5c1.3-.8 2-1.8 2-3.5Z" {_F}/>'
        '<path d="M14 16.5c2 0 4 1.5 4 4M11.5 26c2.5-1 5 0 6 2M19.5 32c0-2 1.5-3.5 3-4"/></g>'
        for side in ("", " " + _MIRROR)),
    "lung": ''.join(
        f'<path{side} d="M19.5 14c-6 0-11.5 9-11.5 19c0 4 2 7 6 7c3 0 6-1 7.5-2.5V16c0-1-1-2-2-2Z" {_F}/>'
        for side in ("", " " + _MIRROR)) + '<path d="M24 6v12M24 18l-5 5M24 18l5 5"/>',
    "liver": (f'<path d="M6 20c0-4 4-7 10-7c7 0 16 .5 23 1.5c3 .5 4 3.5 2.5 5.5C36.5 27.5 27 34.5 17 36'
              f'c-6 1-11-3-11-9Z" {_F}/><path d="M28 14.5c-.5 6-3 12-7 18"/>'),
    "lymph_nodes": ('<path d="M14 14L24 26L34 14M24 26v18"/>'
                    f'<ellipse cx="13" cy="13" rx="6.5" ry="5" transform="rotate(-35 13 13)" {_F}/>'
                    f'<ellipse cx="35" cy="13" rx="6.5" ry="5" transform="rotate(35 35 13)" {_F}/>'
                    f'<ellipse cx="24" cy="33" rx="5" ry="6.5" {_F}/>'),
    "skin": (f'<path d="M6 20c4-3 8-3 12 0s8 3 12 0s8-3 12 0V38a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4Z" {_F}/>'
             '<path d="M6 29c4-2 8-2 12 0s8 2 12 0s8-2 12 0"/>'
             f'<circle cx="14" cy="36" r="1.6" {_DOT}/><circle cx="24" cy="37" r="1.6" {_DOT}/>'
             f'<circle cx="34" cy="36" r="1.6" {_DOT}/><path d="M15 9v5M24 7v6M33 9v5"/>'),
    "other": (f'<circle cx="24" cy="24" r="17" {_F}/>'
              '<path d="M19 19a5 5 0 1 1 7 4.6c-1.3.6-2 1.6-2 3V28"/>'
              f'<circle cx="24" cy="33.5" r="1.6" {_DOT}/>'),
}

# The kinds of treatment (vocabulary.yaml, `kinds`): one shape each.
CLASSES = {
    "endocrine": (f'<path d="M17.1 16L24 20L24 28L17.1 32L10.1 28L10.1 20Z" {_F}/>'
                  '<path d="M30.9 16L37.9 20L37.9 28L30.9 32L24 28L24 20Z"/>'
                  f'<circle cx="30.9" cy="24" r="2" {_DOT}/>'),
    "ovarian_suppression": (f'<path d="M11.8 11L17 14L17 20L11.8 23L6.6 20L6.6 14Z" {_F}/>'
                            '<path d="M22.2 11L27.4 14L27.4 20L22.2 23L17 20L17 14Z"/>'
                            f'<circle cx="32" cy="32" r="10" {_W}/><path d="M28.5 27.5v9M35.5 27.5v9"/>'),
    "oral_serd": ('<path d="M18 10L25.8 14.5L25.8 23.5L18 28L10.2 23.5L10.2 14.5Z" stroke-dasharray="3.5 3.5"/>'
                  f'<circle cx="31" cy="31" r="10" {_F}/><path d="M24 38l14-14"/>'),
    "cdk46": (f'<circle cx="24" cy="24" r="9" {_F} stroke="none"/>'
              '<path d="M39 24a15 15 0 1 1-4.4-10.6M28.6 13.4H34.6V7.4"/><path d="M20.5 20v8M27.5 20v8"/>'),
    "pi3k_akt_mtor": (f'<circle cx="9" cy="24" r="5" {_F}/><circle cx="24" cy="24" r="5" {_F}/>'
                      '<circle cx="39" cy="24" r="5" stroke-dasharray="2.5 3"/>'
                      '<path d="M14 24h5M16.5 21.5L19 24l-2.5 2.5M29 24h3.5M32.5 18.5v11"/>'),
    "her2_antibody": f'<path d="{_ANTIBODY}M24 36V42"/><path d="M18 42h12"/>',
    "her2_tki": (f'<rect x="4" y="20" width="40" height="7" {_F} stroke="none"/>'
                 '<path d="M4 20h14M30 20h14M4 27h14M30 27h14"/>'
                 f'<rect x="19" y="7" width="10" height="30" rx="5" fill="{WHITE}"/>'
                 f'<path d="M24 38L27.5 40L27.5 44L24 46L20.5 44L20.5 40Z" {_W} transform="translate(0 -3)"/>'),
    "her2_adc": f'<path d="{_ANTIBODY}"/><path d="M24 36v2"/><circle cx="24" cy="41.5" r="3.8" {_W}/>',
    "trop2_adc": (f'<path d="{_ANTIBODY}M24 36v4"/><path d="M24 31l-4.5 3M24 31l4.5 3"/>'
                  f'<circle cx="17" cy="36" r="3.2" {_W}/><circle cx="31" cy="36" r="3.2" {_W}/>'),
    "chemotherapy": (f'<path d="M13 28h22v11a4 4 0 0 1-4 4H17a4 4 0 0 1-4-4Z" {_F} stroke="none"/>'
                     '<path d="M19 11v4c-3 0-6 2-6 5v19a4 4 0 0 0 4 4h14a4 4 0 0 0 4-4V20c0-3-3-5-6-5v-4"/>'
                     f'<rect x="16" y="5" width="16" height="6" rx="2" {_W}/><path d="M13 28h22"/>'),
    "immunotherapy": (f'<path d="M24 5l15 5v11c0 10-6.5 17-15 21c-8.5-4-15-11-15-21V10Z" {_F}/>'
                      f'<circle cx="24" cy="22" r="5.5" fill="{WHITE}"/>'
                      '<path d="M24 13.5v3M24 27.5v3M15.5 22h3M29.5 22h3"/>'),
    "parp": ('<path d="M16 6c0 9 16 9 16 18s-16 9-16 18M32 6c0 9-16 9-16 18s16 9 16 18"/>'
             '<path d="M18.5 10h11M18.5 20h11M18.5 28h11M18.5 38h11" stroke="#5f9ea3"/>'),
    "bone_modifying": (f'<path d="{_SMALL_BONE}" {_F} transform="rotate(-45 22 28)"/>'
                       f'<circle cx="36.5" cy="11.5" r="7" {_W}/><path d="M36.5 8v7M33 11.5h7"/>'),
    "radiation": WAYS["radiation"],
    "surgery": WAYS["surgery"],
    "supportive_care": (f'<path d="M24 35s-12-7-12-15.5a6.3 6.3 0 0 1 12-2.8a6.3 6.3 0 0 1 12 2.8c0 8.5-12 15.5-12 15.5Z" {_W}/>'
                        '<path d="M5 26l5 9c2 3 5 6 9 6h10c4 0 7-3 9-6l5-9"/>'),
    "clinical_trial": (f'<rect x="10" y="8" width="28" height="35" rx="3" {_F}/>'
                       f'<rect x="18" y="5" width="12" height="6" rx="2" fill="{WHITE}"/>'
                       '<path d="M16 21l2.5 2.5l4.5-4.5M26 21h6M16 32l2.5 2.5l4.5-4.5M26 32h6"/>'),
}

SHAPES = {**CLASSES, **WAYS, **SITES}
