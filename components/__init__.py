"""The screens, one folder per concern, so a screen's room is found at a glance.

- ``shared/``: what every screen uses (the UI words in each language, session state, settings,
  style, icons, page links, read aloud, Start over, the content check).
- ``explainer/``: the patient explainer (the questions, the results and their cards, Words
  explained, About); its page scripts are in ``explainer/pages/``.
- ``take_home/``: the page to print for the visit, and the questions chosen for it.
- ``kiosk/``: the waiting-room tablet (idle reset, Hide my screen, activity from the browser).
- ``teaching/``: the rules made visible for teachers; its page scripts are in ``teaching/pages/``.

Each folder imports only from the folders below it (``shared`` imports none of the others;
``explainer`` may use ``take_home``), so there are no import circles; ``tests/test_structure.py``
checks this. No module here holds a clinical rule: those live in ``knowledge/``.
"""
