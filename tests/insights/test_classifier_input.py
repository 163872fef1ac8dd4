"""The classifier's set input is drawn from the schema's set columns: every field of
SetData is a stored set field, with the schema's default."""

from dataclasses import MISSING, fields

from insights.features import SetData
from insights.loading import SET_FIELDS
from logbook.schema import SET_COLUMNS, SetIn


def test_every_classifier_set_field_is_a_schema_set_column_with_its_default():
    for field in fields(SetData):
        assert field.name in SET_COLUMNS, field.name
        schema_default = SetIn.model_fields[field.name].default
        if schema_default is not None and field.default is not MISSING:
            assert field.default == schema_default, field.name
    assert set(SET_FIELDS) == {f.name for f in fields(SetData)}
