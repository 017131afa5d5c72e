"""The patient explainer: the questions, the results and their cards, Words explained, About."""

# The addresses of its pages besides the start (the page scripts are in pages/).
GLOSSARY_PATH, ABOUT_PATH = "glossary", "about"
