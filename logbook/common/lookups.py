"""`field__any=[ids]`: a list of ids as `__in` takes them, in one parameter on PostgreSQL.

`__in` sends one placeholder per id; a page of 100 workouts reads its sets by their 400
entries' ids, and quoting those costs Django and psycopg about 2.5 ms a page. `= ANY(%s)`
sends the list as one array, and its plan is the same index scan (bench/PLANS.md). Other
databases get `IN (...)` as before.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models.lookups import In


class AnyId(In):
    lookup_name = "any"

    def get_prep_lookup(self) -> list[int]:
        return [int(value) for value in self.rhs]  # ids only: no model instances, no queries

    def as_postgresql(self, compiler, connection) -> tuple[str, tuple]:
        if not self.rhs:
            raise EmptyResultSet
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, list(self.rhs))
