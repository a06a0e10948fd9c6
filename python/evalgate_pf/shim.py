"""Stand-ins for the parts of PromptFlow that flow code imports, used only when PromptFlow is absent.

`from promptflow.core import tool`, `from promptflow import tool`, `from promptflow.core import log_metric`,
the connection classes (CustomStrongTypeConnection too) and `promptflow.contracts.types` import; `tool`
marks the function so the worker can find it. A tool parameter annotated with a connection class gets a
connection object (EvalGate's endpoint for OpenAI / Azure OpenAI ones), as PromptFlow passes it.
"""
import inspect
import os
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

    def _to_dict(self):
        return dict(self)


class InputSetting:
    """`promptflow._core.tool.InputSetting`: a tool input's UI settings, kept as given."""

    def __init__(self, **settings):
        self.__dict__.update(settings)


class CustomStrongTypeConnection(_Connection):
    """A tool's own connection class: its annotated fields (`api_key: Secret`, `api_base: str = "…"`) become attributes."""

    def __init__(self, **values):
        fields = {}
        for klass in reversed(type(self).__mro__):
            fields.update({name: getattr(klass, name, None) for name in getattr(klass, "__annotations__", {})})
        super().__init__(**{**fields, **values})


class Secret(str):
    """`promptflow.contracts.types.Secret`: a str marking a secret connection field."""


class PromptTemplate(str):
    """`promptflow.contracts.types.PromptTemplate`: a str holding a Jinja template."""


class FilePath(str):
    """`promptflow.contracts.types.FilePath`: a str holding a path."""


CONNECTIONS = [
    "CustomConnection", "AzureOpenAIConnection", "OpenAIConnection", "SerpConnection", "CognitiveSearchConnection",
    "AzureOpenAIModelConfiguration", "OpenAIModelConfiguration",
]


def _endpoint():
    """EvalGate's endpoint stands in for every OpenAI / Azure OpenAI connection (as for llm nodes)."""
    key = os.environ.get("OPENAI_API_KEY") or os.environ.get("AZURE_OPENAI_API_KEY") or os.environ.get("EVALGATE_API_KEY")
    return key, os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"


def connection(cls, name):
    """The connection object a tool parameter of type `cls` receives for the connection named `name`."""
    key, base = _endpoint()
    values = {"name": name}
    if cls.__name__ == "OpenAIConnection":
        values.update(api_key=key, base_url=base, organization=None)
    elif cls.__name__ == "AzureOpenAIConnection":
        values.update(api_key=key, api_base=base, api_type="azure", api_version=os.environ.get("OPENAI_API_VERSION", "2024-10-21"))
    elif cls.__name__ == "CustomConnection":
        values.update(configs={}, secrets={})
    return cls(**values)


def _connection_class(annotation):
    """The connection class a parameter annotation names (`X`, `Union[X, Y]`: OpenAI first), if any."""
    if isinstance(annotation, type) and issubclass(annotation, _Connection):
        return annotation
    options = [option for option in getattr(annotation, "__args__", ()) if isinstance(option, type) and issubclass(option, _Connection)]
    options.sort(key=lambda option: option.__name__ != "OpenAIConnection")
    return options[0] if options else None


def connections_for(target, inputs):
    """Connection names (strings) → connection objects for the parameters annotated with a connection class."""
    try:
        parameters = inspect.signature(target).parameters
    except (TypeError, ValueError):
        return inputs
    converted = dict(inputs)
    for name, value in inputs.items():
        cls = _connection_class(parameters[name].annotation) if name in parameters else None
        if cls is not None and isinstance(value, str):
            converted[name] = connection(cls, value)
    return converted


def chat(connection=None, prompt="", deployment_name=None, model=None, **kwargs):
    """`promptflow.tools.openai.chat` / `promptflow.tools.aoai.chat`: the Jinja prompt rendered over kwargs
    and sent by EvalGate (its model client, its endpoint), as an llm node is; returns the answer text."""
    from evalgate_pf import host

    inputs = {key: value for key, value in kwargs.items() if not isinstance(value, _Connection)}
    named = deployment_name or model
    return host.ask("chat", template=str(prompt), inputs={**inputs, **({"model": named} if named else {})})


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
    contracts = types.ModuleType("promptflow.contracts")
    contract_types = types.ModuleType("promptflow.contracts.types")
    contract_types.Secret = Secret
    contract_types.PromptTemplate = PromptTemplate
    contract_types.FilePath = FilePath
    contracts.types = contract_types
    contracts.__path__ = []
    private_core = types.ModuleType("promptflow._core")
    private_core.__path__ = []
    private_tool = types.ModuleType("promptflow._core.tool")
    private_tool.InputSetting = InputSetting
    private_tool.tool = tool
    private_core.tool = private_tool
    tools = types.ModuleType("promptflow.tools")
    tools.__path__ = []
    chat_modules = {}
    for name in ("openai", "aoai"):
        module = types.ModuleType("promptflow.tools." + name)
        module.chat = chat
        setattr(tools, name, module)
        chat_modules["promptflow.tools." + name] = module
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
    for module in (connections, entities, core):
        module.CustomStrongTypeConnection = CustomStrongTypeConnection
    root.core = core
    root.connections = connections
    root.entities = entities
    root.tracing = tracing
    root.contracts = contracts
    root.tools = tools
    sys.modules.update(chat_modules)
    sys.modules.update({
        "promptflow.tools": tools, "promptflow._core": private_core, "promptflow._core.tool": private_tool,
        "promptflow": root, "promptflow.core": core, "promptflow.connections": connections,
        "promptflow.entities": entities, "promptflow.tracing": tracing,
        "promptflow.contracts": contracts, "promptflow.contracts.types": contract_types,
    })
    return True
