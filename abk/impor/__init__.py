"""Importing legacy Anjab/ABK workbooks: read safely, detect headers, validate every row,
then write in one transaction (or not at all)."""
