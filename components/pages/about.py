"""Page: about this explainer."""

from components import about
from components.knowledge_base import get_knowledge

about.render(get_knowledge())
