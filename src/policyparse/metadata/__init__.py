"""Document metadata read from the text itself (GB/T 9704 版头, 主体 and 版记), never the file name."""
