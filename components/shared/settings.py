"""How this copy of the app is run, read from environment variables (never from the URL).

* ``EXPLAINER_MODE=kiosk``: a shared waiting-room tablet (idle reset, no teaching pages,
  no links that leave the app, take-home only as a QR code for the person's own phone).
* ``EXPLAINER_IDLE_SECONDS``: quiet time before the kiosk resets (default 120, at least 45).
* ``EXPLAINER_PUBLIC_URL``: the address phones should open for a shared link (kiosk: the
  QR code is hidden when it is not set).
* ``EXPLAINER_KIOSK_PRINT=1``: a kiosk tablet set up with a printer offers "Print my summary"
  (the browser's print of the take-home page). Off by default: the QR code is then the only
  take-home on a kiosk.
* ``EXPLAINER_KIOSK_LANGUAGES``: languages a kiosk offers although no medical translator has
  checked them yet, as codes separated by commas (``es,vi``). A kiosk offers English and every
  reviewed translation (``knowledge/content/translations.yaml``); at home every language is offered,
  each draft labelled as one.

* ``EXPLAINER_PSEUDO_RTL=1``: for developers and tests, every page and printout is laid out
  right to left, as an Arabic or Hebrew translation will be (a pseudo-locale: the words stay
  those of the chosen language, the layout mirrors).

Pages and components ask :func:`kiosk` rather than reading the environment themselves, so
that one switch turns every kiosk behaviour on or off together.
"""

from __future__ import annotations

import os

from knowledge import i18n

MODE_ENV = "EXPLAINER_MODE"
IDLE_ENV = "EXPLAINER_IDLE_SECONDS"
PUBLIC_URL_ENV = "EXPLAINER_PUBLIC_URL"
KIOSK_PRINT_ENV = "EXPLAINER_KIOSK_PRINT"
KIOSK_LANGUAGES_ENV = "EXPLAINER_KIOSK_LANGUAGES"
PSEUDO_RTL_ENV = "EXPLAINER_PSEUDO_RTL"
DEFAULT_IDLE_SECONDS = 120
MIN_WARNING_SECONDS = 20  # WCAG 2.2.1: at least 20 seconds to say "I'm still here"
WARNING_SECONDS = 30
MIN_IDLE_SECONDS = 45  # a person needs some quiet time before the 20-second warning even starts


def kiosk() -> bool:
    return os.environ.get(MODE_ENV, "").strip().lower() == "kiosk"


def kiosk_print() -> bool:
    return os.environ.get(KIOSK_PRINT_ENV, "").strip() == "1"


def kiosk_languages() -> set[str]:
    """Draft languages the operator has chosen to offer on a kiosk anyway (unknown codes are ignored later)."""
    return {code.strip() for code in os.environ.get(KIOSK_LANGUAGES_ENV, "").split(",") if code.strip()}


def direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for a page in ``lang`` (always ``rtl`` under the right-to-left pseudo-locale)."""
    return "rtl" if os.environ.get(PSEUDO_RTL_ENV, "").strip() == "1" else i18n.direction(lang)


def idle_seconds() -> int:
    """Quiet time before a kiosk resets; a bad or too small value falls back to a safe one."""
    raw = os.environ.get(IDLE_ENV, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_IDLE_SECONDS
    return max(MIN_IDLE_SECONDS, value)


def warning_seconds(idle: int | None = None) -> int:
    """How long the "still here?" warning shows before the reset: 30 s, or 20 s under a minute."""
    idle = idle_seconds() if idle is None else idle
    return WARNING_SECONDS if idle >= 60 else MIN_WARNING_SECONDS


def public_url() -> str | None:
    url = os.environ.get(PUBLIC_URL_ENV, "").strip()
    return url if url.startswith(("https://", "http://")) else None
