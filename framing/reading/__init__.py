"""The pieces of reading a corpus file: dialects of delimited files, tables, cells and dates.
`framing.corpus` puts them together; nothing here knows about documents' meaning."""
