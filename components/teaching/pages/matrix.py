"""Teaching page: see components/teaching/matrix.py."""

from components.knowledge_base import get_knowledge
from components.teaching import matrix

matrix.render(get_knowledge())
