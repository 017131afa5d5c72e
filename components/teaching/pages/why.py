"""Teaching page: see components/teaching/why.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import why

why.render(get_knowledge())
