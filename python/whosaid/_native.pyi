"""The Rust half of whosaid: every function returns the CLI's JSON text (or its error record)."""

from typing import Any, List, Optional, Union

SCHEMA_VERSION: int
VERSION: str

def extract(
    text: Union[str, bytes],
    id: Optional[str] = None,
    explain: bool = False,
    rules: Optional[List[str]] = None,
    include: Optional[str] = None,
    patterns: Optional[List[str]] = None,
) -> str: ...
def sentences(text: Union[str, bytes], id: Optional[str] = None) -> str: ...

class Extractor:
    def __init__(
        self,
        threads: Optional[int] = None,
        explain: bool = False,
        rules: Optional[List[str]] = None,
        include: Optional[str] = None,
        patterns: Optional[List[str]] = None,
    ) -> None: ...
    def run(self, items: List[Any]) -> List[str]: ...
