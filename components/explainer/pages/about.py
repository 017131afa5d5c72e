"""Page: about this explainer."""

from components.explainer import about
from components.shared.knowledge_base import get_knowledge

about.render(get_knowledge())
