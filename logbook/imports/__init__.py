"""Everything about file imports: readers per format, format detection, the job, its task
and the pages and API that accept an upload."""
