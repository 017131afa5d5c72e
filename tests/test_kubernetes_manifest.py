"""deploy/kubernetes.yaml is valid Kubernetes (checked offline against the bundled schema) and says what
the operator guide says: health probes, cookie affinity for the websocket, serve.py's settings, a
non-root container, resource requests and an autoscaler."""

from __future__ import annotations

import ast
import copy
import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "deploy" / "kubernetes.yaml"
KUBERNETES = "1.37.0"  # the newest schema the pinned validator bundles


@pytest.fixture(scope="module")
def validator():
    try:
        import kubernetes_validate
    except ImportError:
        message = "kubernetes-validate is missing (pip install -r requirements-dev.txt)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return kubernetes_validate


@pytest.fixture(scope="module")
def documents() -> dict[str, dict]:
    docs = [d for d in yaml.safe_load_all(MANIFEST.read_text()) if d]
    return {d["kind"]: d for d in docs}


def test_every_resource_is_valid_against_the_kubernetes_schema(validator, documents):
    assert set(documents) == {"Deployment", "Service", "Ingress", "PodDisruptionBudget", "HorizontalPodAutoscaler"}
    for doc in documents.values():
        validator.validate(doc, KUBERNETES, strict=True)


def test_the_validator_really_refuses_a_broken_resource(validator, documents):
    """The control: a wrong type and an unknown field are caught, so the pass above means something."""
    broken = copy.deepcopy(documents["Deployment"])
    broken["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "eighty"
    with pytest.raises(validator.ValidationError):
        validator.validate(broken, KUBERNETES, strict=True)
    unknown = copy.deepcopy(documents["Service"])
    unknown["spec"]["stickyness"] = True
    with pytest.raises(validator.ValidationError):
        validator.validate(unknown, KUBERNETES, strict=True)


def _container(documents) -> dict:
    return documents["Deployment"]["spec"]["template"]["spec"]["containers"][0]


def test_readiness_and_liveness_ask_the_health_endpoint(documents):
    container = _container(documents)
    host = {e["name"]: e.get("value") for e in container["env"]}["EXPLAINER_ALLOWED_HOSTS"]
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == "/_stcore/health", probe
        # serve.py refuses an unknown Host: the probes must send an allowed one.
        assert {h["name"]: h["value"] for h in get["httpHeaders"]}["Host"] in host.split(","), probe


def test_the_security_settings_of_serve_py_are_set(documents):
    env = {e["name"]: e.get("value") for e in _container(documents)["env"]}
    tree = ast.parse((ROOT / "serve.py").read_text())
    defaults = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                    and getattr(node.targets[0], "id", "") == "DEFAULTS")
    for name, value in defaults.items():
        assert env[name] == str(value), name
    assert env["EXPLAINER_MODE"] == "kiosk"
    assert env["EXPLAINER_EXPOSE_METRICS"] == "0"
    assert env["EXPLAINER_TRUSTED_PROXIES"] and "/" in env["EXPLAINER_TRUSTED_PROXIES"]
    secret = next(e for e in _container(documents)["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert "secretKeyRef" in secret["valueFrom"] and "value" not in secret  # never a secret in the file


def test_the_container_runs_as_an_ordinary_user_with_nothing_extra(documents):
    pod = documents["Deployment"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    assert pod["automountServiceAccountToken"] is False
    container = _container(documents)["securityContext"]
    assert container["allowPrivilegeEscalation"] is False and container["readOnlyRootFilesystem"] is True
    assert container["capabilities"]["drop"] == ["ALL"]


def test_resources_are_requested_and_the_autoscaler_targets_the_deployment(documents):
    resources = _container(documents)["resources"]
    assert resources["requests"]["cpu"] and resources["requests"]["memory"]
    assert resources["limits"]["memory"]
    hpa = documents["HorizontalPodAutoscaler"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "explainer"}
    assert hpa["minReplicas"] >= 2


def test_the_ingress_keeps_a_tablet_on_its_replica(documents):
    ingress = documents["Ingress"]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # one long websocket per tablet
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == documents["Service"]["metadata"]["name"]
