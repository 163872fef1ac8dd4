import os

from django.core.wsgi import get_wsgi_application

from config.query_guard import utf8_only

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = utf8_only(get_wsgi_application())
