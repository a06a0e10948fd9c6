"""Stand-ins for the parts of PromptFlow that flow code imports, used only when PromptFlow is absent.

`from promptflow.core import tool`, `from promptflow import tool`, `from promptflow.core import log_metric`
and the connection classes import; `tool` marks the function so the worker can find it.
"""
import sys
import types


def tool(func=None, **_options):
    def mark(target):
        target.__evalgate_tool__ = True
        return target

    return mark(func) if callable(func) else mark


def log_metric(key, value, variant_id=None):
    """PromptFlow records aggregation metrics with this; EvalGate reads aggregation outputs instead."""
    return None


def trace(func=None, **_options):
    """`from promptflow.tracing import trace`: EvalGate does not trace; the function is returned as is."""
    return func if callable(func) else (lambda target: target)


def start_trace(*_args, **_kwargs):
    return None


class Prompty:
    """`Prompty.load` needs PromptFlow itself; EvalGate runs .prompty files as `kind: prompty` flows."""

    @classmethod
    def load(cls, *_args, **_kwargs):
        raise ImportError("promptflow.core.Prompty needs PromptFlow installed (pip install promptflow-core), or run the .prompty file as an EvalGate `kind: prompty` flow")


class _Connection(dict):
    def __init__(self, **values):
        super().__init__(values)
        self.__dict__.update(values)


CONNECTIONS = [
    "CustomConnection", "AzureOpenAIConnection", "OpenAIConnection", "SerpConnection", "CognitiveSearchConnection",
    "AzureOpenAIModelConfiguration", "OpenAIModelConfiguration",
]


def install():
    """Registers the stand-in modules unless a real PromptFlow can be imported."""
    try:
        import promptflow.core  # noqa: F401
        return False
    except ImportError:
        pass
    root = types.ModuleType("promptflow")
    core = types.ModuleType("promptflow.core")
    connections = types.ModuleType("promptflow.connections")
    entities = types.ModuleType("promptflow.entities")
    tracing = types.ModuleType("promptflow.tracing")
    tracing.trace = trace
    tracing.start_trace = start_trace
    for module in (root, core, connections, entities):
        module.__path__ = []
    core.Prompty = Prompty
    for module in (root, core):
        module.tool = tool
        module.log_metric = log_metric
    for name in CONNECTIONS:
        cls = type(name, (_Connection,), {})
        for module in (connections, entities, core):
            setattr(module, name, cls)
    root.core = core
    root.connections = connections
    root.entities = entities
    root.tracing = tracing
    sys.modules.update({
        "promptflow": root, "promptflow.core": core, "promptflow.connections": connections,
        "promptflow.entities": entities, "promptflow.tracing": tracing,
    })
    return True
