"""Teaching page: see components/teaching/compare.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import compare

compare.render(get_knowledge())
