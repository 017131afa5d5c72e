"""Teaching page: see components/teaching/rules.py."""

from components.knowledge_base import get_knowledge
from components.teaching import rules

rules.render(get_knowledge())
