"""Teaching page: see components/teaching/rules.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import rules

rules.render(get_knowledge())
