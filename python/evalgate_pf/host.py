"""Calls from Python tool code back into EvalGate (its model client), over the worker's own pipes.

The worker writes {"call": n, "op": "chat", "line": …, ...} on stdout; EvalGate answers
{"reply": n, "ok": true, "value": ...} (or "error") on stdin, which the worker's reader hands here.
"""
import itertools
import threading

_waiting = {}
_ids = itertools.count(1)
_lock = threading.Lock()
_current = threading.local()
_send = None


def connect(send):
    """`send(message)` writes one protocol line (the worker's writer)."""
    global _send
    _send = send


def set_line(line):
    """The flow line the current thread works for (its model usage is counted there)."""
    _current.line = line


def answer(message):
    """A reply from EvalGate to one of our calls."""
    with _lock:
        slot = _waiting.pop(message.get("reply"), None)
    if slot is not None:
        slot["message"] = message
        slot["done"].set()


def ask(op, **payload):
    """Sends a call to EvalGate and waits for its answer."""
    if _send is None:
        raise RuntimeError("EvalGate serves this call only inside `evalgate run`")
    slot = {"done": threading.Event(), "message": None}
    with _lock:
        call = next(_ids)
        _waiting[call] = slot
    _send({"call": call, "op": op, "line": getattr(_current, "line", None), **payload})
    slot["done"].wait()
    message = slot["message"]
    if not message.get("ok"):
        raise RuntimeError(message.get("error") or "EvalGate could not answer the call")
    return message.get("value")
