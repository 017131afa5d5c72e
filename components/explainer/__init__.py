"""The patient explainer: the questions, the results and their cards, Words explained, About."""
