"""A small hand-built corpus, indexed once per session.

Documents are written with ``indexer.schema.to_document`` directly (no
extraction), so each statement's actors, places, claims and dates are
exactly what the tests expect.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.index import create_in

from indexer.schema import SCHEMA_VERSION, build_schema, to_document
from indexer.storage.store import write_meta
from query import Searcher


def statement(
    id: str,
    title: str,
    body: str,
    date: str | None = None,
    publisher: str | None = "Syrian Coalition",
    actors: tuple[str, ...] = (),
    locations: tuple[str, ...] = (),
    claims: tuple[tuple[str, str], ...] = (),
    evidence: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], str]:
    json_form = {
        "id": id,
        "title": title,
        "date": date,
        "publisher": publisher,
        "url": f"https://example.org/{id}",
        "actors": list(actors),
        "locations": list(locations),
        "claims": [
            {"type": t, "types": [t], "sentence": s, "actors": list(actors), "locations": []} for t, s in claims
        ],
        "evidence": evidence or {},
        "metadata": {},
    }
    return json_form, body


BODY1 = "Regime forces dropped barrel bombs on Dara'a. Civilians fled the town."
CORPUS = [
    statement(
        "s01", "Barrel bombs on Daraa", BODY1, "2016-02-08",
        actors=("Assad regime",), locations=("Daraa",),
        claims=(("bombardment", "Regime forces dropped barrel bombs on Dara'a."),),
        evidence={"locations": {"Daraa": [{"start": 38, "end": 44, "text": "Dara'a", "sentence": 0}]},
                  "actors": {"Assad regime": [{"start": 0, "end": 13, "text": "Regime forces", "sentence": 0}]}},
    ),
    statement(
        "s02", "Attack on the market",
        "A barrel full of old bombs exploded. Later a barrel was found far from the bombs in a field.",
        "2016-03-31", publisher="Local Council", locations=("Aleppo",),
    ),
    statement(
        "s03", "Statement on Aleppo",
        "<script>alert('x')</script> The bombing of Aleppo continued & civilians died.",
        "2016-01-01", actors=("Russia",), locations=("Aleppo",),
        claims=(("bombardment", "The bombing of Aleppo continued & civilians died."),),
    ),
    statement(
        "s04", "Ethnic cleansing in Homs",
        "Forced displacement in Homs amounts to ethnic cleansing by regime militias.",
        None, actors=("Assad regime", "Russia"), locations=("Homs",),
        claims=(("ethnic_cleansing", "Forced displacement in Homs amounts to ethnic cleansing by regime militias."),),
    ),
    statement(
        "s05", "Genocide", "Genocide, genocide and again genocide in Darayya. Bombed and bombing.",
        "2017-12-31", publisher="Local Council", locations=("Darayya",),
        claims=(("genocide", "Genocide, genocide and again genocide in Darayya."),),
    ),
    statement("s06", "Year end", "Siege of Madaya continues; starvation spreads.", "2015-12-31",
              locations=("Madaya",), claims=(("siege", "Siege of Madaya continues; starvation spreads."),)),
    # two identical statements: ties must be broken by id
    statement("s08", "Twin", "Identical twin statement about chlorine.", "2016-05-05"),
    statement("s07", "Twin", "Identical twin statement about chlorine.", "2016-05-05"),
]


def build_index(directory: Path, corpus: list[tuple[dict[str, Any], str]] = CORPUS) -> Path:
    ix = create_in(str(directory), build_schema())
    writer = ix.writer()
    for json_form, body in corpus:
        writer.add_document(**to_document(json_form, body=body, source=f"{json_form['id']}.txt", content_hash="h"))
    writer.commit()
    write_meta(directory, {"schema_version": SCHEMA_VERSION, "gazetteer_files": []})
    return directory


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def searcher(index_dir: Path) -> Iterator[Searcher]:
    with Searcher(index_dir) as s:
        yield s


@pytest.fixture(scope="session")
def ray_nodes() -> Iterator[Any]:
    """One Ray cluster for the session's Ray tests (start-up is paid once):
    a real multi-node cluster on this machine (``ray.cluster_utils.Cluster``),
    a head and one worker node of one CPU each, the driver connected to it."""
    ray = pytest.importorskip("ray", reason="the cluster extra is not installed (pip install -e '.[cluster]')")
    from ray.cluster_utils import Cluster

    from indexer.ray_local import local_init_options

    # (Ray's settings as Sift starts a local instance: actors at the driver's priority.)
    system = local_init_options()["_system_config"]
    nodes = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False,
                                                          "_system_config": system})
    nodes.add_node(num_cpus=1)
    ray.init(address=nodes.address, log_to_driver=False, configure_logging=False)
    yield nodes
    ray.shutdown()
    nodes.shutdown()


@pytest.fixture
def ray_local(ray_nodes: Any) -> Any:
    """The ``ray`` module, connected to the session's cluster
    (``cluster="local"`` then uses it)."""
    import ray

    return ray
