"""Teaching page: see components/teaching/matrix.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import matrix

matrix.render(get_knowledge())
