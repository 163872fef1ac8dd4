"""Work a request leaves for after its response is sent.

Publishing a write's Celery tasks costs about a millisecond a create (more on a busy broker)
that the client need not wait for: `enqueue_classification` hands it here, and it runs when
the server closes the response, after the last byte is written (Django's test client closes
it before it returns). Outside a request (a task, a command) the work runs at once. What a
process that stops in between leaves unqueued, the sweep finds (insights.tasks.sweep_on_start
and beat's sweep).
"""

from collections.abc import Callable
from contextvars import ContextVar

_PENDING: ContextVar[list[Callable[[], None]] | None] = ContextVar("after_response", default=None)


def after_response(work: Callable[[], None]) -> None:
    """Run `work` once the current request's response is sent; at once outside a request."""
    pending = _PENDING.get()
    if pending is None:
        work()
    else:
        pending.append(work)


class AfterResponseMiddleware:
    """First in MIDDLEWARE: collects the request's `after_response` work and runs it when the
    response is closed."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request):
        pending: list[Callable[[], None]] = []
        token = _PENDING.set(pending)
        try:
            response = self.get_response(request)
        except BaseException:
            _run(pending)
            raise
        finally:
            _PENDING.reset(token)
        if pending:
            close = response.close

            def close_then_run() -> None:
                try:
                    close()
                finally:
                    _run(pending)

            response.close = close_then_run
        return response


def _run(pending: list[Callable[[], None]]) -> None:
    """Each piece of work in turn; the first failure is raised once all have run."""
    failure: BaseException | None = None
    for work in pending:
        try:
            work()
        except Exception as problem:  # one failure must not drop the rest
            failure = failure or problem
    pending.clear()
    if failure is not None:
        raise failure
