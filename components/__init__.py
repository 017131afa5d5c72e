"""The patient explainer's screen parts. Each module draws one part from an Explanation
and the UI text; none holds clinical rules (those live in ``knowledge/``)."""
