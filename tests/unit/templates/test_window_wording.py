"""The window words a template mistake from its fields (translatable), not as an
unexpected error."""

from __future__ import annotations

import pytest

from explorer.templates import TemplateEngine, TemplateError
from explorer.ui.tasks import describe_failure


def test_a_template_mistake_reads_as_one() -> None:
    with pytest.raises(TemplateError) as info:
        TemplateEngine().expand("x\n{{ nope }}", field="body")
    text = describe_failure(info.value)
    assert text.startswith("The template in body has a mistake at line 2, column 4: ")
    assert "'nope' is not defined" in text
    assert not text.startswith("Unexpected error")
