"""JSON lines over stdin/stdout: one request per line, one reply per line, requests run concurrently.

Requests:
  {"id": 1, "op": "tool", "file": "/abs/flow/tool.py", "function": null, "inputs": {...}}
  {"id": 2, "op": "entry", "dir": "/abs/flow", "entry": "module:name", "init": {...}, "inputs": {...}}
  {"id": 3, "op": "package", "tool": "promptflow.tools.x.fn", "inputs": {...}}
  {"id": 4, "op": "assert", "code": "len(output) > 3", "output": "...", "context": {...}}
  {"id": 5, "op": "assert", "file": "/abs/suite/check.py", "function": "get_assert", "output": "...", "context": {...}}
Tool code may call back (promptflow.tools.openai / aoai `chat`, see host.py): {"call": 7, "op": "chat", ...}
on stdout, answered by {"reply": 7, "ok": true, "value": "..."} on stdin.
Replies: {"id": 1, "ok": true, "value": ...} or {"id": 1, "ok": false, "error": "the traceback's last frames, with its causes"}
"""
import asyncio
import importlib
import importlib.util
import inspect
import json
import math
import os
import re
import sys
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor

from evalgate_pf import host, shim

ERROR_LINES = 40
_modules = {}
_instances = {}
_lock = threading.Lock()
_out = threading.Lock()
_protocol = sys.stdout


def _load_file(path):
    with _lock:
        if path not in _modules:
            folder = os.path.dirname(path)
            if folder not in sys.path:
                sys.path.insert(0, folder)
            name = "evalgate_node_" + str(len(_modules))
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            _modules[path] = module
        return _modules[path]


def _tool_in(module, function, path):
    if function:
        found = getattr(module, function, None)
        if not callable(found):
            raise LookupError(f"{os.path.basename(path)} has no function {function!r}")
        return found
    own = [value for value in vars(module).values() if inspect.isfunction(value) and value.__module__ == module.__name__]
    marked = [value for value in own if getattr(value, "__evalgate_tool__", False)] or own
    if len(marked) != 1:
        raise LookupError(f"{os.path.basename(path)} must define exactly one @tool function (found {len(marked)}); name it with `function:` in the node")
    return marked[0]


def _entry(folder, entry, init):
    key = (folder, entry, json.dumps(init, sort_keys=True))
    with _lock:
        if key in _instances:
            return _instances[key]
        if folder not in sys.path:
            sys.path.insert(0, folder)
        module_name, _, name = entry.partition(":")
        target = getattr(importlib.import_module(module_name), name)
        _instances[key] = target(**init) if inspect.isclass(target) else target
        return _instances[key]


def _package(dotted):
    module_name, _, name = dotted.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise ImportError(f"package tool {dotted} needs its Python package installed (e.g. pip install promptflow-tools): {error}")
    return getattr(module, name)


def _plain(value):
    if inspect.isgenerator(value):
        return "".join(str(part) for part in value)
    if hasattr(value, "__dict__") and not isinstance(value, (dict, list, str, int, float, bool)):
        return {key: _plain(item) for key, item in vars(value).items() if not key.startswith("_")}
    return value


def _assertion_globals():
    """Inline assertions may use json, math and re without importing them."""
    return {"json": json, "math": math, "re": re}


def _inline_assertion(code):
    """promptfoo's inline python: an expression over output and context, else a function body that returns."""
    try:
        expression = compile(code, "<assert>", "eval")
    except SyntaxError:
        scope = _assertion_globals()
        body = "".join("    " + line + "\n" for line in code.splitlines()) or "    pass\n"
        exec(compile("def __assert(output, context):\n" + body, "<assert>", "exec"), scope)
        return scope["__assert"]
    return lambda output, context: eval(expression, {**_assertion_globals(), "output": output, "context": context})


NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _finite(value):
    """NaN and infinities are not JSON: they travel as the text JavaScript prints for them ("NaN", "Infinity")."""
    if isinstance(value, float) and not math.isfinite(value):
        return NON_FINITE[repr(value)]
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _assert(request):
    if request.get("file"):
        assertion = _tool_in(_load_file(request["file"]), request.get("function") or "get_assert", request["file"])
    else:
        assertion = _inline_assertion(request["code"])
    result = assertion(request.get("output", ""), request.get("context") or {})
    if inspect.isawaitable(result):
        result = asyncio.run(result)
    return _plain(result)


def _accepted(target, inputs):
    """A flex entry gets the case fields its signature names (all of them if it takes **kwargs)."""
    parameters = inspect.signature(target).parameters.values()
    if any(parameter.kind == parameter.VAR_KEYWORD for parameter in parameters):
        return inputs
    names = {parameter.name for parameter in parameters}
    return {key: value for key, value in inputs.items() if key in names}


def _defaults_for_bypassed(target, inputs, bypassed):
    """An input from a bypassed node is None, unless the tool gives the parameter a default (as PromptFlow)."""
    parameters = inspect.signature(target).parameters
    return {
        key: value for key, value in inputs.items()
        if not (key in bypassed and key in parameters and parameters[key].default is not inspect.Parameter.empty)
    }


def _call(request):
    op = request["op"]
    if op == "assert":
        return _assert(request)
    if op == "tool":
        target = _tool_in(_load_file(request["file"]), request.get("function"), request["file"])
    elif op == "entry":
        target = _entry(request["dir"], request["entry"], request.get("init") or {})
    elif op == "package":
        target = _package(request["tool"])
    else:
        raise ValueError(f"unknown op {op!r}")
    inputs = request.get("inputs", {})
    if op == "tool":
        inputs = shim.connections_for(target, inputs)
    if op == "entry":
        inputs = _accepted(target, inputs)
    if request.get("bypassed"):
        inputs = _defaults_for_bypassed(target, inputs, request["bypassed"])
    result = target(**inputs)
    if inspect.isawaitable(result):
        result = asyncio.run(result)
    return _plain(result)


def _reply(message):
    """One JSON line (never bare NaN: non-finite floats become text; anything else unserialisable is its str)."""
    text = json.dumps(_finite(message), default=str, allow_nan=False)
    with _out:
        _protocol.write(text + "\n")
        _protocol.flush()


def _error_text(error):
    """The exception with its causes (as Python prints them), each with its last two frames outside this worker."""
    report = traceback.TracebackException.from_exception(error)
    seen = set()
    part = report
    while part is not None and id(part) not in seen:
        seen.add(id(part))
        part.stack = traceback.StackSummary.from_list([frame for frame in part.stack if frame.filename != __file__][-2:])
        part = part.__cause__ or (None if part.__suppress_context__ else part.__context__)
    lines = "".join(report.format()).splitlines()
    return "\n".join(line for line in lines if line != "Traceback (most recent call last):").strip()


def _handle(request):
    host.set_line(request.get("line"))
    try:
        _reply({"id": request["id"], "ok": True, "value": _call(request)})
    except BaseException as error:
        lines = _error_text(error).splitlines()
        _reply({"id": request["id"], "ok": False, "error": "\n".join(lines[-ERROR_LINES:])})


def main():
    sys.stdout = sys.stderr
    host.connect(_reply)
    shim.install()
    with ThreadPoolExecutor(max_workers=int(os.environ.get("EVALGATE_PF_THREADS", "8"))) as pool:
        for line in sys.stdin:
            if not line.strip():
                continue
            message = json.loads(line)
            if "reply" in message:
                host.answer(message)
            else:
                pool.submit(_handle, message)


if __name__ == "__main__":
    main()
