"""Parses e-mail files with Python's standard `email` package (a real, independent
parser) and prints, as JSON, what the tests compare: headers decoded, the body as
text, the longest line and any defect the parser found."""
import email
import email.policy
import email.utils
import json
import sys

results = {}
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.split(b"\r\n")
    def address(field):
        value = message[field]
        if value is None:
            return None
        name, addr = email.utils.parseaddr(str(value))
        return {"name": name, "address": addr}
    results[path] = {
        "from": address("From"),
        "to": address("To"),
        "subject": str(message["Subject"]),
        "date": email.utils.parsedate_to_datetime(str(message["Date"])).date().isoformat(),
        "message_id": str(message["Message-ID"]),
        "mime_version": str(message["MIME-Version"]),
        "content_type": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transfer_encoding": str(message["Content-Transfer-Encoding"]),
        "unsent": str(message["X-Unsent"]),
        "body": message.get_content().replace("\r\n", "\n"),  # CRLF is the transport's line end
        "longest_line": max(len(line) for line in lines),
        "bare_newlines": raw.replace(b"\r\n", b"").count(b"\n"),
        "defects": [type(d).__name__ for d in message.defects],
    }
json.dump(results, sys.stdout, ensure_ascii=False)
