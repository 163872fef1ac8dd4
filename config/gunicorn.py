"""gunicorn settings for every way the app is served (`make stack`, the bench, the
integration tests, the image): `gunicorn -c config/gunicorn.py config.wsgi`.

A full collection of Python's cyclic garbage collector visits every tracked object. With
Django and the app loaded that took 50–150 ms, in the middle of whichever request set it
off (bench/). So each worker imports the whole URLconf once, before any request, and
freezes what it has loaded: full collections then visit only what requests create.
"""

import gc


def post_worker_init(worker: object) -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view now, not on a first request)
    gc.freeze()
