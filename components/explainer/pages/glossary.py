"""Page: words explained."""

from components.explainer import glossary
from components.shared.knowledge_base import get_knowledge

glossary.render(get_knowledge())
