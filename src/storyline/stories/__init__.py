"""Stories stage: online clustering of articles into real-world events (see ``cluster.py``)."""
from __future__ import annotations

from .cluster import (TABLES, ClusterConfig, StoryClusterer, cluster_articles, label_articles,
                      order_for_clustering)
from .features import provisional_entity_keys

__all__ = ["TABLES", "ClusterConfig", "StoryClusterer", "cluster_articles", "label_articles", "order_for_clustering",
           "provisional_entity_keys"]
