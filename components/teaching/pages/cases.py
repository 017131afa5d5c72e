"""Teaching page: see components/teaching/cases.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import cases

cases.render(get_knowledge())
