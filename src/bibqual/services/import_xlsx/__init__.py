"""POST {library}/@import-xlsx and GET {library}/@import-xlsx-template."""
