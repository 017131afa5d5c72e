"""Teaching page: see components/teaching/changes.py."""

from components.shared.knowledge_base import get_knowledge
from components.teaching import changes

changes.render(get_knowledge())
