"""Page: words explained."""

from components import glossary
from components.knowledge_base import get_knowledge

glossary.render(get_knowledge())
