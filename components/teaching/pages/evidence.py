"""Teaching page: see components/teaching/evidence.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import evidence

evidence.render(get_knowledge())
